#include "plan/release_copy.hpp"

#include <string>
#include <unordered_set>

namespace relplan {

std::string fresh_release_id(const Plan& plan) {
    std::unordered_set<std::string> used;
    for (const Release& r : plan.releases) used.insert(r.id);
    for (std::size_t n = plan.releases.size() + 1;; ++n) {
        std::string id = "rel-" + std::to_string(n);
        if (!used.count(id)) return id;
    }
}

Result<Release> duplicate_release(const Plan& plan, std::string_view id) {
    const Release* source = find_release(plan, id);
    if (!source) return make_error("no release with id \"" + std::string(id) + "\"", Error::npos, ErrorKind::not_found);
    Release copy = *source;
    copy.id = fresh_release_id(plan);
    copy.name = (source->name.empty() ? source->id : source->name) + " copy";
    copy.version.clear();  // planning releases may leave it open; two releases of one version would mislead
    copy.status = ReleaseStatus::planning;
    copy.yanked = false;
    copy.train.clear();  // planned by hand from now on: regenerating the train must not claim it
    copy.link.clear();
    copy.review.reset();
    for (Communication& c : copy.communications) c.sent_on.reset();
    for (QualityGate& g : copy.quality_gates) {
        g.status = GateStatus::pending;
        g.approver.clear();
        g.approved_on.reset();
    }
    // Change ids are unique across the plan: number the copy's changes after its own id.
    std::unordered_set<std::string> change_ids;
    for (const Release& r : plan.releases)
        for (const Change& c : r.changes) change_ids.insert(c.id);
    std::size_t n = 0;
    for (Change& c : copy.changes) {
        if (c.id.empty()) continue;
        do c.id = copy.id + "-c" + std::to_string(++n);
        while (change_ids.count(c.id));
    }
    return copy;
}

}  // namespace relplan

// Changelog import into the open plan: the core reads the file into a fresh Plan, then its releases
// join the open plan. Merging keeps the open plan's ids unique (imported ids that collide get fresh
// ones) and never duplicates a version the plan already has, so importing the same file twice is
// harmless.
#include "app/plan_io.hpp"

#include "notes/changelog_import.hpp"
#include "plan/plan_validate.hpp"

#include <set>
#include <string>

namespace relplan::ui {

namespace {

std::string fresh_id(const std::string& wanted, const std::string& prefix, std::set<std::string>& taken) {
    if (!wanted.empty() && taken.insert(wanted).second) return wanted;
    for (std::size_t n = taken.size() + 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        if (taken.insert(id).second) return id;
    }
}

}  // namespace

bool import_changelog_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors) {
    Result<ChangelogImport> imported = import_changelog(text);
    if (!imported) {
        errors.push_back(positioned_error(text, imported.error(), name));
        return false;
    }
    std::set<std::string> release_ids, change_ids;
    for (const Release& r : plan.releases) {
        release_ids.insert(r.id);
        for (const Change& c : r.changes) change_ids.insert(c.id);
    }
    Plan merged = plan;
    int added = 0;
    for (Release& r : imported->plan.releases) {
        if (!r.version.empty() && find_release_by_version(plan, r.version)) {
            errors.push_back(name + ": " + r.version + " is already in the plan; that section was skipped");
            continue;
        }
        r.id = fresh_id(r.id, "rel-", release_ids);
        for (Change& c : r.changes) c.id = fresh_id(c.id, r.id + "-c", change_ids);
        merged.releases.push_back(std::move(r));
        ++added;
    }
    for (const Diagnostic& d : imported->notes) errors.push_back(format_diagnostic(d, name));
    if (added == 0) {
        errors.insert(errors.begin(), name + ": every release in it is already in the plan");
        return false;
    }
    if (merged.project.repository.empty()) merged.project.repository = imported->plan.project.repository;
    plan = std::move(merged);
    return true;
}

}  // namespace relplan::ui

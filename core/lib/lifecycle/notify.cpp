#include "lifecycle/notify.hpp"

namespace relplan {

std::vector<ConsumerImpact> release_notice(const Plan& plan, const Release& release) {
    if (release.status == ReleaseStatus::cancelled || release.calver_scheme || plan.consumers.empty()) return {};
    auto impact = release_impact(plan.consumers, release.version);
    if (!impact) return {};
    return consumers_to_notify(*impact);
}

std::vector<ReleaseNotice> notification_plan(const Plan& plan) {
    std::vector<ReleaseNotice> out;
    for (const Release& r : plan.releases) {
        std::vector<ConsumerImpact> who = release_notice(plan, r);
        if (who.empty()) continue;
        out.push_back({r.id, who.front().version, std::move(who)});
    }
    return out;
}

}  // namespace relplan

// Who to notify: per release, the consumers whose declared range keeps them from it, with the owner
// and contact to reach, for the communication plan and the engineering release notes.
//
// Contract: a release is considered when it has a SemVer version and is not cancelled; its list is
// consumers_to_notify() of its impact (lifecycle/impact.hpp), in the plan's consumer order. Releases
// with nobody to notify are left out. O(releases × consumers).
#pragma once

#include "lifecycle/impact.hpp"
#include "plan/plan.hpp"

#include <string>
#include <vector>

namespace relplan {

struct ReleaseNotice {
    std::string release_id;
    std::string version;
    std::vector<ConsumerImpact> consumers;  // cut off, or kept from a pre-release they may want
};

// The consumers `release` must notify; empty without a SemVer version or when cancelled.
std::vector<ConsumerImpact> release_notice(const Plan& plan, const Release& release);

// Every release of the plan with someone to notify, in plan order.
std::vector<ReleaseNotice> notification_plan(const Plan& plan);

}  // namespace relplan

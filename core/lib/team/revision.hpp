// Revisions of a plan exchanged by share links, and the common base of a merge with one of them.
//
// A revision name is the first 16 hex digits of the SHA-256 of the plan's canonical JSON (to_json):
// equal content, equal name, whoever wrote it with this format. A share link carries the name of the
// version it holds and of the version its sender last exchanged by link (plan/share_link.hpp,
// ShareRevision); the apps keep the versions their user shared or opened from links (bounded) under
// their names. When a link of the open plan arrives, the first of merge_base_candidates that is kept
// is the last common revision: merge_shared merges three-way against it, else two-way.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"
#include "plan/share_link.hpp"
#include "team/merge.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

// 16 hex digits of SHA-256(bytes); plan_revision(p) is revision_of(to_json(p)).
std::string revision_of(std::string_view bytes);
std::string plan_revision(const Plan& plan);

// The names a link of `plan` carries: its own revision, and `last_exchanged` (the revision this user
// last shared or received by link for this plan, "" when none) as the base unless it is the same.
ShareRevision share_revision(const Plan& plan, const std::string& last_exchanged);

// The kept versions to look for, best first: the received plan itself (its content's name, and the
// name the link gives when the sender's canonical form differs), then the version it was made from.
std::vector<std::string> merge_base_candidates(const Plan& theirs, const ShareRevision& link);

struct SharedMerge {
    PlanMerge merge;
    bool three_way = false;     // merged against a kept common version, else two-way
    std::string base_revision;  // its name when three-way
};
// Merges `theirs` into `ours`: three-way when `base_json` (the kept version found, with its name)
// decodes as a version of the same project, two-way otherwise.
Result<SharedMerge> merge_shared(const Plan& ours, const Plan& theirs, const std::optional<std::string>& base_json,
                                 const std::string& base_revision);

}  // namespace relplan

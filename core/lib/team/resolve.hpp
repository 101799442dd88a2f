// Settling what a merge left open, and merging without a common base.
//
// resolve_conflict sets the contested value of plan.conflicts[index] to one side's value (its JSON
// text; an absent side removes the member or list element) and drops that conflict. When an element
// of a list is removed, the pointers of the other conflicts into the same list follow. The plan must
// still decode afterwards, else nothing changes and the error says why.
//
// merge_two_way merges two versions of a plan whose common base is unknown (a share link, a copy
// received by mail): what only one side has is kept, what both have alike is kept once, and values
// both sides hold differently become conflicts, as in merge_plans with an empty base.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"
#include "team/merge.hpp"

#include <cstddef>

namespace relplan {

enum class ConflictSide { base, ours, theirs };

Result<Plan> resolve_conflict(const Plan& plan, std::size_t index, ConflictSide side);

Result<PlanMerge> merge_two_way(const Plan& ours, const Plan& theirs);

}  // namespace relplan

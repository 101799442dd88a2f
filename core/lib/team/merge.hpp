// Three-way merge of plans (the engine of `relplan merge` and git's merge driver).
//
// merge_plans compares both sides with their common base in the plans' canonical JSON form and
// combines them member by member:
//   - a value changed on one side only takes that side's value; equal changes on both sides agree;
//   - objects merge member by member, so edits of different fields of one release merge cleanly;
//   - lists merge by element identity, keeping our order and placing their additions after the
//     element that precedes them on their side (after our own additions there). Identity: the "id"
//     member when the element has one; else the key of its list (milestone_offsets: type,
//     notes_sections: section, support_lines: line, dependencies: product + cycle, consumers: name,
//     blackouts / holidays: name + start, metrics: name); else the whole value (strings such as
//     components, and elements without a key: an edit there is a removal plus an addition);
//   - anything else edited differently on both sides, or deleted on one side and edited on the
//     other, is a MergeConflict appended to plan.conflicts at the value's JSON Pointer in the result.
//     The result holds our value there (theirs when we deleted it), so nothing typed is lost.
// The result is a Plan (written canonically by to_json), so merging identical edits gives exactly
// either side's bytes. An empty base (a file added on both sides) is the empty plan. Releases are
// matched on the typed values first: only a release both sides changed differently is merged in its
// JSON form, which keeps a merge of big plans fast.
// Conflicts are listed outside the releases first, then in release order.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <cstddef>

namespace relplan {

struct PlanMerge {
    Plan plan;
    std::size_t new_conflicts = 0;  // conflicts this merge added (plan.conflicts may hold older ones)
    bool clean() const { return new_conflicts == 0; }
};

// Fails only when the merged document no longer decodes as a plan (e.g. both sides hold values of
// different types in a place the schema constrains).
Result<PlanMerge> merge_plans(const Plan& base, const Plan& ours, const Plan& theirs);

}  // namespace relplan

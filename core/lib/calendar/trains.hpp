// Release trains of a plan (Plan::trains): the releases a train generates, and applying a new or
// changed train to the plan without losing what people did to its releases since it was generated.
//
// A generated release is "untouched" while it still is what the train made of it: status planning,
// released on one of the train's dates, named as the train names its releases, and with no content
// added (changes, communications, risks, gates, known issues, summary, theme, objectives). Applying
// a train replaces its untouched releases with those of the new definition and keeps every other
// release of the train as it is (moved, renamed, approved or filled in by hand); a date already held
// by a kept release is not generated again. Versions continue after the highest version of the kept
// and other releases of the train's components (cadence.hpp's plan_train).
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <string_view>
#include <vector>

namespace relplan {

// The releases `train` generates for `plan` (ids free in the plan, Release::train set, name = the
// train's name, code freeze moved to code_freeze_days before the release when set). Errors: a bad
// cadence, count outside 1..1000, an unknown component, a bad CalVer scheme.
Result<std::vector<Release>> train_releases(const Plan& plan, const Train& train);

struct TrainChange {
    Plan plan;                        // the plan with the train applied
    std::vector<std::string> added;   // ids of the releases generated now
    std::vector<std::string> removed; // ids of untouched releases replaced
    std::vector<std::string> kept;    // ids of the train's releases kept because they were edited
};

// Adds `train` to the plan, or replaces the train with the same id and regenerates its releases.
Result<TrainChange> apply_train(const Plan& plan, const Train& train);

// Removes the train; its untouched releases go with it, edited ones stay as hand-planned releases.
Plan remove_train(const Plan& plan, std::string_view train_id);

// True while `release` is what `train` generated (see above).
bool untouched_by_hand(const Release& release, const Train& train, const std::vector<Date>& train_dates);

}  // namespace relplan

// The checks `relplan plan validate` and `relplan changelog` make beyond load_plan's: what a plan
// must say before it is published.
//
// - The project's time zone and every change window zone are ones the embedded zone database knows;
//   the message suggests the spelling when only the case differs ("europe/berlin" -> "Europe/Berlin").
// - Every change has a description that is not blank.
//
// They are not part of validate_plan because the app refuses to open a plan with errors, and it must
// open and autosave a plan whose new change is still being written or whose zone is still being typed.
// Each diagnostic has a JSON pointer and, located in `text` (the JSON the plan was read from; may be
// empty), a line and column.
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"

#include <string_view>
#include <vector>

namespace relplan {

std::vector<Diagnostic> lint_plan(const Plan& plan, std::string_view text);

// Sets each diagnostic's line and column from its pointer into `text`, the plan's JSON (nothing
// when text is empty or not JSON).
void locate_diagnostics(std::vector<Diagnostic>& diagnostics, std::string_view text);

}  // namespace relplan

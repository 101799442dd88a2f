// Overdue releases: the target date has passed and the release is neither released, rolled back
// nor cancelled. "Today" is the caller's (the app's clock, a test's date), never read here.
#pragma once

#include "plan/plan.hpp"

#include <cstdint>
#include <vector>

namespace relplan {

bool is_overdue(const Release& release, const Date& today);
// Indices into plan.releases of the overdue releases, in plan order.
std::vector<std::int32_t> overdue_releases(const Plan& plan, const Date& today);
// Whole days `release` is past its release date on `today` (0 when not overdue).
std::int32_t days_overdue(const Release& release, const Date& today);

}  // namespace relplan

// New release ids and copies of releases, as the app's "New release" and "Duplicate" make them.
//
// A copy is a new plan of work modelled on an existing release: same type, components, dates, scope,
// changes and checklists, but nothing that records what already happened to the original (status,
// yank, sent communications, gate approvals, the post-release review) and no version, which the
// copy must get its own of. Its ids (release and changes) are unused anywhere in the plan, so the
// plan stays valid. Pure functions; the caller appends the copy.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <string>
#include <string_view>

namespace relplan {

// "rel-N" with the smallest N > number of releases that no release of `plan` uses.
std::string fresh_release_id(const Plan& plan);

// A copy of release `id` of `plan` (not added to it), named "<name> copy"; an Error of kind
// not_found when the plan has no such release.
Result<Release> duplicate_release(const Plan& plan, std::string_view id);

}  // namespace relplan

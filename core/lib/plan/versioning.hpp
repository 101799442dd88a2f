// A plan's versioning rules (PlanSettings::versioning, ::release_lines) as the version engine's
// options, and the next version of a release computed from its changes.
//
// Contract: versioning_options fails, naming the member, on an unknown preset or a release rule that
// does not parse; release_lines fails on a line name that does not parse. suggest_from_changes takes
// each change's category as the bump it asks for -- breaking change → major; new feature and
// deprecation (SemVer 2.0.0 §7) → minor; bug fix, security, performance and improvement → patch --
// then the plan's 0.x rules; release rules are about commit types and do not apply. When `base` is
// on a declared maintenance line, a version outside that line is an Error of kind out_of_range.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"
#include "version/next_version.hpp"
#include "version/release_line.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace relplan {

Result<NextVersionOptions> versioning_options(const PlanSettings& settings);
Result<std::vector<LineRange>> release_lines(const PlanSettings& settings);

Bump change_bump(ChangeCategory category);

struct ChangeSuggestion {
    std::optional<Version> version;   // nullopt: no change
    Bump bump = Bump::none;           // the largest request after the 0.x rules
    std::vector<std::size_t> reasons; // indices of the changes that asked for `bump`, in order
};

Result<ChangeSuggestion> suggest_from_changes(const PlanSettings& settings, const Version& base,
                                              const std::vector<Change>& changes, std::string_view preid = {});

}  // namespace relplan

// The next version of one release of a plan: what the release editor suggests and
// `relplan next-version --plan FILE --release V` prints.
//
// A release counts from a base: an earlier release on the same line, that is one not cancelled, with
// a version in the release's scheme (SemVer, or the same CalVer scheme), sharing a component (or
// either has none), dated before it (or, undated, already shipped). version_bases lists them in plan
// order; default_version_base picks the latest on the closest line -- the same components, then the
// same first component, then any shared one -- ties broken by the higher version, so that a release
// of several components (API 4.0 shipping with the web console) does not make the web console count
// from 4.0.
// SemVer: the changes decide the bump (suggest_from_changes: categories, then the plan's 0.x rules);
// CalVer: the next version of the scheme on the release date (else `today`) after the base.
// Without a base a SemVer release is a first release: 1.0.0 is suggested, the reason naming 0.1.0
// for initial development.
#pragma once

#include "base/dates.hpp"
#include "base/result.hpp"
#include "plan/plan.hpp"
#include "version/next_version.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

std::vector<const Release*> version_bases(const Plan& plan, const Release& release);
const Release* default_version_base(const Plan& plan, const Release& release);

struct VersionSuggestion {
    std::string version;               // "" when the changes ask for no new version
    const Release* base = nullptr;     // the release counted from; nullptr for a first release
    Bump bump = Bump::none;            // SemVer: the bump the changes ask for
    std::vector<std::size_t> reasons;  // SemVer: indices of the changes that asked for it
    std::string why;                   // a sentence naming the base and the deciding changes
};

// `base` is one of version_bases(plan, release) or nullptr (then the default base is used).
// Errors: a CalVer scheme or a pre-release id that does not parse, a base version outside its line.
Result<VersionSuggestion> suggest_release_version(const Plan& plan, const Release& release, const Release* base,
                                                  std::string_view preid, Date today);

}  // namespace relplan

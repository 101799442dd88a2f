// The next SemVer version from Conventional Commits, with the reasons for it.
//
// Each commit asks for a bump: a breaking change (header "!" or BREAKING CHANGE footer) → major,
// feat → minor, fix or perf → patch, any other type or a message that is not conventional → none.
// While the current major is 0, breaking → minor and feat → patch. The largest request wins; when
// none asks for anything there is no release.
//
// Without a pre-release id the bump is node-semver's inc (so a pre-release graduates: 1.2.0-rc.1
// with a feat gives 1.2.0). With a pre-release id ("rc") the result is a pre-release: when the
// current version is already a pre-release whose release (2.0.0 for 2.0.0-rc.1) covers the bump,
// its line continues (2.0.0-rc.1 + fix → 2.0.0-rc.2; another id switches channel: 2.0.0-beta.3 →
// 2.0.0-rc.0); otherwise a new line starts at the bumped release (1.3.0-rc.1 + breaking →
// 2.0.0-rc.0, 1.2.3 + feat → 1.3.0-rc.0). A release "covers" a bump when it is at least that big:
// x.0.0 covers major, x.y.0 minor, anything patch (with the 0.x rules applied first).
#pragma once

#include "version/commits.hpp"
#include "base/result.hpp"
#include "version/semver.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class Bump { none, patch, minor, major };

std::string_view to_string(Bump bump);

struct CommitImpact {
    std::size_t index = 0;  // position in the input list
    std::string summary;    // the message's first line
    Bump bump = Bump::none; // after the 0.x rules
    std::string why;        // e.g. "feat", "breaking change (BREAKING CHANGE footer)", "type docs"
};

struct NextVersion {
    std::optional<Version> version;     // nullopt: no commit warrants a release
    Bump bump = Bump::none;             // the largest request
    std::vector<CommitImpact> reasons;  // the commits that asked for `bump`, in input order
    std::vector<CommitImpact> commits;  // every commit, in input order
};

struct NextVersionOptions {
    std::string_view preid;  // pre-release id such as "rc"; empty for a release
};

// Fails only when the pre-release id is not a valid identifier.
Result<NextVersion> next_version(const Version& current, const std::vector<std::string_view>& messages,
                                 const NextVersionOptions& options = {});

}  // namespace relplan

// The next SemVer version from Conventional Commits, with the reasons for it.
//
// Each commit asks for a bump, as @semantic-release/commit-analyzer's default rules do: a breaking
// change (header "!" or a BREAKING CHANGE / BREAKING-CHANGE footer) → major, feat → minor, fix or
// perf → patch, a revert → patch, any other type or a message that is not conventional → none.
// Release rules (`build(deps)=patch`, `docs(readme)=patch`, `chore=none`) override the defaults for
// the types and scopes they name, like commit-analyzer's releaseRules; a rule never lowers a
// breaking change. Merge commits are skipped.
//
// Reverts: a revert (`Revert "<header>"` subject or `revert:` type) and the commit it reverts cancel
// each other when both are in the list: matched by hash when the input carries hashes (pieces of
// `git log -z --format='%H %P%n%B'`, see read_commit_record) and the revert names one, else by the
// reverted header (unless cancel_revert_pairs is false). A revert whose commit is not in the list is a
// patch. Commits are never merged
// with each other because they share a subject. A `Release-As: 2.0.0` footer (release-please) names
// the version outright: the newest such commit wins, whatever the other commits ask for (a value that
// is not a version above the current one is ignored).
//
// Pre-1.0 (current major 0) rules, by the name each tool gives them: PreMajorRules::breaking_is_minor
// (release-please bump-minor-pre-major; git-cliff breaking_always_bump_major = false) and
// PreMajorRules::feat_is_patch (release-please bump-patch-for-minor-pre-major; git-cliff
// features_always_bump_minor = false). semantic-release, release-please and git-cliff default to
// neither (0.3.1 + breaking → 1.0.0); relplan's own default is both. The largest request wins; when
// none asks for anything there is no release.
//
// Without a pre-release id the bump is node-semver's inc (so a pre-release graduates: 1.2.0-rc.1
// with a feat gives 1.2.0). With a pre-release id ("rc") the result is a pre-release: when the
// current version is already a pre-release whose release (2.0.0 for 2.0.0-rc.1) covers the bump,
// its line continues (2.0.0-rc.1 + fix → 2.0.0-rc.2; another id switches channel: 2.0.0-beta.3 →
// 2.0.0-rc.0); otherwise a new line starts at the bumped release (1.3.0-rc.1 + breaking →
// 2.0.0-rc.0, 1.2.3 + feat → 1.3.0-rc.0). A release "covers" a bump when it is at least that big:
// x.0.0 covers major, x.y.0 minor, anything patch (with the 0.x rules applied first).
//
// Work is O(n log n) in the commits; with keep_commits = false and a bounded max_reasons the memory
// beyond the input is a few bytes per commit (one bit, and an entry per revert).
#pragma once

#include "version/commits.hpp"
#include "base/result.hpp"
#include "version/release_line.hpp"
#include "version/semver.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class Bump { none, patch, minor, major };

std::string_view to_string(Bump bump);

struct CommitImpact {
    std::size_t index = 0;  // position in the input list
    std::string hash;       // from the record's hash line; empty when the input has none
    std::string summary;    // the message's first line
    Bump bump = Bump::none; // after the rules and the 0.x rules
    std::string why;        // e.g. "feat", "breaking change (BREAKING CHANGE footer)", "type docs"
    std::string release_as; // the value of a Release-As footer, if any
};

struct NextVersion {
    std::optional<Version> version;     // nullopt: no commit warrants a release
    Bump bump = Bump::none;             // the largest request
    std::vector<CommitImpact> reasons;  // the commits that asked for `bump`, in input order (at most max_reasons)
    std::size_t reasons_total = 0;      // how many commits asked for `bump`
    std::vector<CommitImpact> commits;  // every commit, in input order (when keep_commits)
    std::array<std::size_t, 4> counts{};  // commits per requested bump, indexed by Bump
    std::size_t merges = 0;             // merge commits skipped
    std::size_t cancelled = 0;          // commits dropped as revert pairs (both counted)
    std::optional<CommitImpact> release_as;  // the newest commit with a Release-As footer
};

// One release rule: commits of `type` (and `scope`, when not empty; "*" is any scope) ask for `bump`.
struct ReleaseRule {
    std::string type;   // lower-case
    std::string scope;
    Bump bump = Bump::none;
};

// "build(deps)=patch", "docs=none", "refactor(*)=minor".
Result<ReleaseRule> parse_release_rule(std::string_view text);
std::string to_string(const ReleaseRule& rule);

struct PreMajorRules {
    bool breaking_is_minor = true;  // 0.x: breaking → minor
    bool feat_is_patch = true;      // 0.x: minor (feat) → patch
};

// "relplan" (both rules), "semantic-release", "release-please", "git-cliff" (each tool's default:
// neither rule).
Result<PreMajorRules> pre_major_policy(std::string_view name);

struct NextVersionOptions {
    NextVersionOptions() = default;
    explicit NextVersionOptions(std::string_view pre) : preid(pre) {}

    std::string_view preid;  // pre-release id such as "rc"; empty for a release
    std::vector<ReleaseRule> rules;
    PreMajorRules pre_major;
    // false: a revert and the commit it reverts both count, as semantic-release and release-please
    // behave in practice (their published histories release a patch for such pairs).
    bool cancel_revert_pairs = true;
    // The release line the release is made on ("1.4.x"): a version outside it is an Error of kind
    // out_of_range naming the commit that asked for the bump, as semantic-release refuses a release
    // out of a maintenance branch's range.
    std::optional<LineRange> line;
    // Split squash merges into the commits they list (version/squash.hpp); each part reports the
    // index of the commit it came from.
    bool split_squash = false;
    bool keep_commits = true;                      // fill NextVersion::commits
    std::size_t max_reasons = SIZE_MAX;            // cap on NextVersion::reasons
};

// `requested` after the 0.x rules when `current` is below 1.0.0 (breaking → minor, feat → patch).
Bump pre_major_bump(Bump requested, const Version& current, const PreMajorRules& rules);

// `current` bumped by `bump` (not none): node-semver's inc without a pre-release id, else the
// pre-release rules above. Fails when `preid` is not a valid identifier.
Result<Version> bump_version(const Version& current, Bump bump, std::string_view preid, const PreMajorRules& rules);

// Fails when the pre-release id is not a valid identifier or the version leaves `options.line`.
Result<NextVersion> next_version(const Version& current, const std::vector<std::string_view>& messages,
                                 const NextVersionOptions& options = {});

}  // namespace relplan

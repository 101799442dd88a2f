// Conventional Commit messages -> the changes of one planned release.
//
// Input is what `git log -z --format=%B` prints: commit messages separated by NUL bytes (a leading
// hash line, as `git log -z --format='%H %P%n%B'` prints, is skipped). Each message
// becomes a change: the header's type gives the category (feat -> new-feature, fix -> bug-fix,
// perf -> performance, security -> security, deprecate -> deprecation, revert -> improvement;
// docs, chore, refactor, test, build, ci and style -> improvement for an internal audience), a "!"
// or a BREAKING CHANGE footer makes it a breaking-change with the footers' texts as its impact, the
// scope becomes the change's scope, "(#123)" at the end of the header or a Closes/Fixes/Refs footer
// gives ref_id. Merge, fixup! and squash! commits are skipped; messages that are not Conventional
// Commits are kept as improvements; both with a note. Invalid UTF-8 is replaced by U+FFFD (noted).
//
// import_commits returns a new plan: `base` with the changes appended to the release whose version
// (or else id) is `release`; when there is none, a planning release with that version is added (the
// version must then be valid SemVer, and its type follows the commits: breaking -> major, feature ->
// minor, else patch). Changes already in the release before the import (same category, scope and
// description) are not added twice; commits of the log are never merged with each other. New change
// ids are "<release id>:<n>", unique in the plan.
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::uint64_t max_commit_log_bytes = 64ull << 20;

struct CommitChanges {
    std::vector<Change> changes;    // ids empty; import_commits assigns them
    std::vector<Diagnostic> notes;  // "commit N: ..." with N the 1-based position in the log
};

CommitChanges changes_from_commits(std::string_view log);

struct CommitImport {
    Plan plan;
    std::vector<Diagnostic> notes;
};

Result<CommitImport> import_commits(const Plan& base, std::string_view release, std::string_view log);

}  // namespace relplan

// Conventional Commit messages -> the changes of one planned release.
//
// Input is what `git log -z --format=%B` prints: commit messages separated by NUL bytes (a leading
// hash line, as `git log -z --format='%H %P%n%B'` prints, is skipped). Each message
// becomes a change: the header's type gives the category (feat -> new-feature, fix -> bug-fix,
// perf -> performance, security -> security, deprecate -> deprecation, revert -> improvement;
// docs, chore, refactor, test, build, ci and style -> improvement for an internal audience), a "!"
// or a BREAKING CHANGE footer makes it a breaking-change with the footers' texts as its impact, the
// scope becomes the change's scope, a "(#N)" reference at the end of the header or a Closes/Fixes/Refs footer
// gives ref_id. Merge, fixup! and squash! commits are skipped; messages that are not Conventional
// Commits are kept as improvements; both with a note. Invalid UTF-8 is replaced by U+FFFD (noted).
//
// import_commits returns a new plan: `base` with the changes appended to the release whose version
// (or else id) is `release`; when there is none, a planning release with that version is added (the
// version must then be valid SemVer, and its type follows the commits: breaking -> major, feature ->
// minor, else patch). Changes already in the release before the import (same category, scope and
// description) are not added twice; commits of the log are never merged with each other. New change
// ids are "<release id>:<n>", unique in the plan.
//
// Notes are bounded: the first max_commit_notes are kept, then one "... and N more notes" note.
// import_commits_json is the form for logs of any length (the CLI's): the same plan, written as
// to_json would write it, with the imported changes produced one at a time and never held together,
// so memory beyond `base` and `log` is the output text, which stays within the plan limit
// (max_plan_bytes, what relplan reads back); a log whose plan would exceed it is refused.
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::uint64_t max_commit_log_bytes = 64ull << 20;
inline constexpr std::size_t max_commit_notes = 100;

struct CommitChanges {
    std::vector<Change> changes;    // ids empty; import_commits assigns them
    std::vector<Diagnostic> notes;  // "commit N: ..." with N the 1-based position in the log
};

CommitChanges changes_from_commits(std::string_view log);

// The changes of `log` one at a time, in log order, with their notes; stops when on_change returns false.
void for_each_commit_change(std::string_view log, const std::function<bool(Change&&)>& on_change,
                            const std::function<void(Diagnostic&&)>& on_note);

struct CommitImport {
    Plan plan;
    std::vector<Diagnostic> notes;
};

Result<CommitImport> import_commits(const Plan& base, std::string_view release, std::string_view log);

struct CommitImportOptions {
    std::optional<Date> added_on;             // set on every imported change
    std::uint64_t max_output = max_plan_bytes;
};

struct CommitImportJson {
    // to_json of the plan import_commits would return, in pieces of about 64 KiB to be written out
    // one after the other (one string would need room for two copies while it grows).
    std::vector<std::string> json;
    std::vector<Diagnostic> notes;
};

Result<CommitImportJson> import_commits_json(Plan base, std::string_view release, std::string_view log,
                                             const CommitImportOptions& options = {});

}  // namespace relplan

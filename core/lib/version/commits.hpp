// Conventional Commits 1.0.0 (conventionalcommits.org) messages, and the commit lists git prints.
//
// parse_conventional_commit reads one message:
//
//     type(scope)!: description          header; "(scope)" and "!" are optional
//                                        exactly one blank line
//     body paragraphs ...                optional, free text
//                                        blank line
//     Token: value                       footers: a token ([A-Za-z0-9-]+, or "BREAKING CHANGE")
//     Token #value                       then ": " or " #"; a value runs on (over several lines
//                                        and blank lines) until the next line that starts a footer
//
// The footers start at the first paragraph after the header whose first line is a footer line, or
// at a line that opens with "BREAKING CHANGE:" / "BREAKING-CHANGE:" anywhere in the body (as the
// conventional-changelog parser reads it); such a footer's text may start on the next line.
// Every footer is kept, several breaking ones included.
// Types are case-insensitive (stored lower-cased); "BREAKING CHANGE" / "BREAKING-CHANGE" footers
// count only in upper case, with ": ". `breaking` is set by either "!" or such a footer.
// Line endings may be \n or \r\n; trailing blank lines are ignored. When the message is not
// conventional the Error says why and where (offset into the message). Messages over 1 MiB are
// refused.
//
// split_commit_log splits the output of `git log -z --format=%B A..B` (messages separated by NUL)
// into messages, dropping the empty piece after the final NUL.
//
// read_commit_record reads one piece of `git log -z --format='%H %P%n%B' A..B`: a first line of
// hexadecimal hashes (the commit, then its parents; 7 to 40 digits each, as %h %p also print) before
// the message. A piece without that line is all message. A merge commit is one with the subject git
// or GitHub gives merges ("Merge pull request #1 from ...", "Merge branch 'x'"): a merge whose message
// was written as a conventional header counts like any commit, as it does for commit-analyzer.
//
// revert_of recognises a revert: the subject `Revert "<header>"` (git revert) or the type `revert:`
// (`revert: <header>`), with the reverted hash from a "This reverts commit <hash>" line when present.
//
// commit_log_warning returns a warning when a log without NULs holds several lines that look like
// conventional headers (the user most likely forgot `git log -z`).
#pragma once

#include "base/result.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::size_t kMaxCommitMessageSize = std::size_t{1} << 20;

struct CommitFooter {
    std::string token;  // as written, e.g. "Refs", "BREAKING CHANGE", "Reviewed-by"
    std::string value;  // after ": " or " #"; continuation lines joined with '\n'
};

struct ConventionalCommit {
    std::string type;         // lower-cased: "feat", "fix", ...
    std::string scope;        // empty when absent
    bool breaking = false;    // "!" in the header or a BREAKING CHANGE / BREAKING-CHANGE footer
    bool breaking_bang = false;  // the header had "!"
    std::string description;  // the header text after ": "
    std::string body;         // empty when absent; paragraphs keep their blank lines
    std::vector<CommitFooter> footers;
    std::string raw;          // the message as given
};

Result<ConventionalCommit> parse_conventional_commit(std::string_view message);

// The first line of a message, without its line ending (what `git log --oneline` shows).
std::string_view commit_summary(std::string_view message);

std::vector<std::string_view> split_commit_log(std::string_view log);

struct CommitRecord {
    std::string_view hash;     // empty when the piece has no hash line
    bool merge = false;        // a "Merge ..." subject of git or GitHub
    std::string_view message;  // the commit message
};

CommitRecord read_commit_record(std::string_view piece);

struct RevertOf {
    std::string header;  // the reverted commit's header, e.g. "feat: add x"
    std::string hash;    // the reverted commit's hash, empty when the message does not name it
};

std::optional<RevertOf> revert_of(std::string_view message);

std::optional<std::string> commit_log_warning(std::string_view log);

}  // namespace relplan

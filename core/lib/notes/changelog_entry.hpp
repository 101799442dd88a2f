// One changelog list entry <-> one plan change: the entry syntax that import reads and export writes.
//
// Read (every dialect import_changelog knows): a leading breaking marker ("**BREAKING:**",
// "[**breaking**]"), a scope ("**api:**", "**api**:", git-cliff's "*(api)*"), the description, then
// trailing references in any order: "([#12](url))", "(#12)", "([abc1234](url))" or "(abc1234)" (a
// commit), ", closes #12", git-cliff's " - " separators, GitHub's "by @user in URL" and "by @user".
// The left-most issue reference becomes ref_id/link; later ones are reported as dropped. A backslash
// before "<" and before the description's first character is an escape written by export.
//
// Written: "**BREAKING:** **scope:** description by @author ([ref](link)) ([commit](url))", the
// description escaped so that it reads back the same and never opens raw HTML; continuation lines
// are indented under the entry so they cannot start a heading, list or link reference definition.
#pragma once

#include "plan/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct EntryRead {
    bool breaking = false;
    std::vector<std::string> dropped;  // what was seen but could not be kept (extra refs)
};

// Fills description, scope, author, ref_id, link and commit of `change` from the entry text.
EntryRead read_changelog_entry(std::string text, Change& change);

// The entry line(s) without the leading "- " and without a trailing newline; `repository` (sanitized
// forge URL or empty) gives commit links.
std::string write_changelog_entry(const Change& change, std::string_view repository);

// Escapes text so that a Markdown reader shows it literally where it would otherwise open raw HTML
// ("<" outside code spans); undo with unescape_changelog_text.
std::string escape_changelog_text(std::string_view text);
std::string unescape_changelog_text(std::string_view text);

}  // namespace relplan

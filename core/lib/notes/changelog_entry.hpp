// One changelog list entry <-> one Change: the reader and the writer of a single `- …` item, kept
// side by side so that writing a change and reading it back gives the same fields.
//
// Reading takes the entry's first line apart:
//   prefixes   `**BREAKING:**`, `*Breaking*`, `_Breaking:_`, `[**breaking**]` (breaking change);
//              `**scope:**` (conventional-changelog), `*(scope)*` (git-cliff); in by-entry contexts
//              (GitHub's "What's Changed", entries outside any section) a type prefix `fix(scope)!:`
//              or `Added:` that decides the category
//   tails      pull request references, bare, linked or listed (reference-style, resolved through the
//              file's link reference definitions), `, closes #N …`, `([abc1234](…/commit/…))`,
//              `(abc1234)`, git-cliff's ` - ` before the hash, `by @user in https://…/pull/12`,
//              `by @user in [#N](url)`, `by @user`
// Several references become one ref_id ("#N, #M") with the first one's link. Lines after the
// first (nested lists, code) stay in the description as they are.
//
// Writing puts them back in one canonical form (`- **BREAKING:** **scope:** text by @user
// ([#N](url)) ([abc1234](repo/commit/…))`), escaping a description that would otherwise read back
// differently, and never lets a description open a heading, a list entry, a link reference
// definition, raw HTML or a link that is not http(s)/mailto.
#pragma once

#include "plan/plan.hpp"
#include "notes/changelog_sections.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct EntryContext {
    bool by_entry = false;  // a type prefix on the entry decides its category
    const std::map<std::string, std::string>* link_definitions = nullptr;  // lower-cased label -> URL
};

struct ParsedEntry {
    Change change;                     // description, scope, ref_id, link, commit, author
    bool breaking = false;
    const SectionRow* type = nullptr;  // the row a type prefix named (by-entry contexts only)
    std::vector<std::string> dropped;  // what was left out, for --explain
};

ParsedEntry parse_entry(std::string_view text, const EntryContext& context);

// The entry as Markdown lines ending in '\n'. `repository` (a sanitised URL or empty) makes commit
// hashes links.
std::string format_entry(const Change& change, std::string_view repository);

}  // namespace relplan

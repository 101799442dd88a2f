// The conventions changelog import and export share, kept in one place so that export → import is
// the identity on imported plans:
// - the section table: every section heading Keep a Changelog, conventional-changelog,
//   release-please, git-cliff and GitHub's generated release notes write, and what it maps to;
// - the sections the exporter writes, and which one a change goes to;
// - the order releases are listed in.
//
// Headings are matched after normalisation: HTML comments (git-cliff's `<!-- 0 -->` ordering
// prefixes), `:emoji:` short codes, emoji, punctuation and case are dropped ("### ⚙️ Miscellaneous
// Tasks" and "### Miscellaneous tasks" are the same section).
#pragma once

#include "plan/plan.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class SectionKind {
    changes,       // entries are changes of the row's category and audience
    by_entry,      // GitHub's "What's Changed": each entry's own prefix ("fix:", "Added:") decides
    not_changes,   // "New Contributors": contributor lists, dropped
};

struct SectionRow {
    std::vector<std::string_view> names;  // normalised headings
    SectionKind kind = SectionKind::changes;
    ChangeCategory category = ChangeCategory::improvement;
    Audience audience = Audience::technical;
    std::string_view why;  // the reason for the mapping, for docs and --explain
};

// The one section table (docs/plan-format.md shows it).
const std::vector<SectionRow>& changelog_section_table();

// "⚙️ Miscellaneous Tasks" -> "miscellaneous tasks".
std::string normalise_section_heading(std::string_view heading);

// The row of a section heading; nullptr when the heading is not in the table.
const SectionRow* find_section(std::string_view heading);

// The row for a type word written before an entry: "fix", "feat", "chore" (conventional commits) or
// "Added", "Fixed" (hand-written lists); nullptr when it is not one.
const SectionRow* find_entry_type(std::string_view word);

// The sections the exporter writes, in order, and the one a change goes to: its category's section,
// or "Internal" for internal-audience improvements; breaking changes go to the section of an
// improvement of their audience, marked `**BREAKING:**`. Audiences are not written: import gives a
// change its section's audience, so a change whose audience is not its section's comes back with that.
const std::vector<std::string_view>& export_section_headings();
std::size_t export_section_index(const Change& change);

// A change keeps the heading it was imported under (Change::section: "Bug Fixes", "📚 Documentation")
// when that heading reads back as its category and audience; a breaking change's marker keeps it
// breaking under any heading. Otherwise it goes to its category's section.
bool section_fits(const Change& change, std::string_view heading);
// A heading as a change records it and export writes it: git-cliff's `<!-- 0 -->` comments dropped,
// one line, raw HTML made text (md::sanitize_markdown), trimmed. The same text again gives itself.
std::string section_name(std::string_view heading);
std::string_view export_heading(const Change& change);

// The headings a list of changes is written under, in order: each standard section (above) followed
// by the recorded headings whose changes belong to it, in order of first appearance. Import orders a
// release's changes by it, so export → import keeps their order.
struct SectionLayout {
    std::vector<std::string_view> headings;  // views into the changes and the standard headings
    std::vector<std::size_t> section_of;     // per change: its index in `headings`
};
SectionLayout section_layout(const std::vector<const Change*>& changes);

// Whether `a` is listed above `b` in a changelog (newest first): dated releases before undated
// ones, later dates first, then higher versions. Releases equal in both keep their plan order
// (later in the plan = listed first).
bool listed_before(const Release& a, const Release& b);
// The same rule on a release's date and version alone (import sorts headings before it builds releases).
bool listed_before(const std::optional<Date>& a_date, std::string_view a_version, const std::optional<Date>& b_date,
                   std::string_view b_version);

}  // namespace relplan

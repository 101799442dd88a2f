// Changelog section headings -> plan categories and default audiences: the one table import uses.
//
// Covers the headings of Keep a Changelog 1.1, conventional-changelog / semantic-release,
// release-please, git-cliff's default and keepachangelog templates (emoji and ":name:" prefixes are
// ignored: "### 🚜 Refactor" is "refactor") and GitHub's generated release notes. Default audiences:
// user-visible categories (features, fixes, breaking changes, deprecations, security, performance,
// changes) go to customers; engineering-only sections (refactor, tests, chores, style, build, CI,
// docs, dependencies) are improvements for the internal audience, so technical notes show them and
// customer notes count them as hidden. Reverts are improvements for the technical audience.
// Some headings hold no changes at all ("New Contributors"): they are dropped with a reason.
#pragma once

#include "plan/plan.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace relplan {

struct ChangelogSection {
    ChangeCategory category = ChangeCategory::improvement;
    Audience audience = Audience::customer;
    bool dropped = false;       // not a list of changes ("New Contributors")
    std::string_view why;       // for dropped sections
};

// The heading's key: lower-case ASCII letters and spaces only ("⚙️ Miscellaneous Tasks" ->
// "miscellaneous tasks", ":bug: Bug Fixes" -> "bug fixes").
std::string changelog_section_key(std::string_view heading);

std::optional<ChangelogSection> changelog_section(std::string_view heading);

// The section export writes a change under: Added, Changed, Deprecated, Fixed, Performance, Security,
// or Internal (improvements for the internal audience). Import reads each back to the same category
// and audience, and orders a release's changes by this section order (breaking changes first within
// a section) so that a re-exported file imports to the same plan.
std::string_view changelog_export_section(const Change& change);
int changelog_section_rank(const Change& change);

}  // namespace relplan

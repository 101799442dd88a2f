// Plan releases -> Keep a Changelog 1.1 Markdown that import_changelog reads back to the same plan
// for every plan it made.
//
// Changes go to the sections changelog_sections.hpp names (Added, Changed, Performance, Deprecated,
// Fixed, Security, Internal), breaking changes first in theirs and marked "**BREAKING:**"; entries are
// written by format_entry (changelog_entry.hpp): scope, author, references and commit as fields read
// back, descriptions escaped so that they never open a heading, an entry or a link definition, with
// raw HTML and non-http(s) links defused. A release's summary goes under its heading.
//
// Security changes of a release whose embargo_until is after `today` are replaced by a line saying
// details are withheld until that date; when `today` is not a valid date, every release with an
// embargo is treated as still embargoed. Text is passed through clean_text (no control characters).
#pragma once

#include "plan/plan.hpp"

#include <string>

namespace relplan {

struct ChangelogOptions {
    Date today{};           // for embargoes
    std::string component;  // only releases that include this component id; empty = all
};

// One release as a "## [version] - date" section (no link reference definition).
std::string changelog_section(const Release& release, const ChangelogOptions& options);

// The whole plan: title and preamble, a "Supported versions" table when the plan has a support
// policy and no component filter is set (lifecycle/support.hpp; before the first release heading, where
// import does not look), [Unreleased] (changes of every release not yet released, i.e. planning,
// approved or frozen; written when there is one, or when nothing is released), then released and
// rolled-back releases in listed_before order (rolled-back and yanked ones marked [YANKED];
// cancelled ones left out), then link reference definitions from each release's link or, when no
// release has one and the project has a repository URL, compare links between "v" tags.
std::string changelog_document(const Plan& plan, const ChangelogOptions& options);

}  // namespace relplan

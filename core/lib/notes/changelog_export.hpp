// Plan releases -> Keep a Changelog 1.1 Markdown.
//
// Categories map onto the six Keep a Changelog sections: new-feature -> Added; improvement and
// performance -> Changed; breaking-change -> Changed, marked "**BREAKING:**"; deprecation ->
// Deprecated; bug-fix -> Fixed; security -> Security ("Removed" is never written; the importer reads
// it as breaking-change). Entries keep their plan order and read "- **scope:** description
// ([ref](link))", which import_changelog reads back to the same category, scope, description and ref.
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
// import does not look), [Unreleased] (changes of every release not yet released, i.e.
// planning, approved or frozen), then released and rolled-back releases newest first (rolled-back
// and yanked ones marked [YANKED]; cancelled ones left out), then link reference definitions from
// each release's link or, when the project has a repository URL, compare links between "v" tags.
std::string changelog_document(const Plan& plan, const ChangelogOptions& options);

}  // namespace relplan

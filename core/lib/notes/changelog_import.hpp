// Changelog files -> plan releases.
//
// Recognises, per file, the dialect that wrote it (ChangelogDialect) and reads any mix of: Keep a
// Changelog 1.1 (`## [1.2.0] - 2024-03-01`, `[Unreleased]`, `[YANKED]`, link reference definitions),
// conventional-changelog / semantic-release (`# [1.2.0](compare) (date)`, `## <small>1.2.1 (date)</small>`),
// release-please (`## [1.2.0](compare) (date)`), git-cliff (default and keepachangelog templates,
// emoji section headings) and GitHub's generated release notes (`## What's Changed`, `by @user in URL`,
// `## New Contributors` dropped, `**Full Changelog**: URL` the release's link). Entries are read by
// read_changelog_entry (scope, author, refs and commit become fields); sections map through the one
// table in changelog_sections.hpp.
//
// Each version heading becomes a released release (yanked ones flagged), [Unreleased] a planning
// release with an empty version; releases are stored oldest first; a release's changes are ordered
// by export section (changelog_section_rank). Text between a version heading and its first section is
// the release summary. Errors (nothing is imported): no release heading, a version heading whose date
// does not exist (2023-13-45), the same version twice (both lines named), invalid UTF-8, NUL bytes,
// more than max_changelog_bytes. Anything skipped or guessed is a note with its line; `explanation`
// says what was recognised, mapped and dropped.
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::uint64_t max_changelog_bytes = 64ull << 20;

enum class ChangelogDialect { keep_a_changelog, conventional_changelog, release_please, git_cliff, github_release_notes, hand_written };

std::string_view to_string(ChangelogDialect dialect);

struct ChangelogImport {
    Plan plan;
    std::vector<Diagnostic> notes;  // line-based; pointer empty
    ChangelogDialect dialect = ChangelogDialect::hand_written;
    std::vector<std::string> explanation;  // "LINE: text" each: section mappings, links taken, what was dropped and why
};

Result<ChangelogImport> import_changelog(std::string_view markdown);

}  // namespace relplan

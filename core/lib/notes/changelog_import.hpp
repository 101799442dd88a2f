// Changelog files -> plan releases.
//
// Reads the changelogs release tools and people write: Keep a Changelog 1.1 (`## [1.2.0] - 2024-03-01`,
// `[Unreleased]`, `[YANKED]`, link reference definitions), conventional-changelog and
// semantic-release (`# [1.2.0](compare) (date)`, `### [1.2.1](…) (date)`, `## <small>1.2.1 (date)</small>`),
// release-please (`## [1.2.0](compare) (date)`, `### ⚠ BREAKING CHANGES`), git-cliff's templates
// (emoji headings, `*(scope)*`, ` - ([hash](url))`), GitHub's generated release notes (`## What's
// Changed`, `* text by @user in URL`, `## New Contributors`, `**Full Changelog**: URL`) and hand-written
// lists (`- Added: …`). Each heading is recognised on its own, so mixed files work; the file's
// dialect is reported (ChangelogImport::dialect) but changes nothing.
//
// Each version heading becomes a released release (yanked ones flagged), [Unreleased] a planning
// release with an empty version. Releases are stored oldest first (by date, then version, then file
// order — the order `relplan changelog` lists them in, reversed). Entries become changes whose category
// and audience come from their section (changelog_sections.hpp has the table) and whose scope,
// breaking marker, references, commit and author become fields (changelog_entry.hpp); within a
// release, changes are ordered by the section the exporter writes them to. Text between a version
// heading and its first section is the release summary; a "Full Changelog" line is the release's
// link when it has none.
//
// Errors (offset = the byte at fault when there is one): no release heading, invalid UTF-8, NUL bytes,
// more than max_changelog_bytes, a version (or [Unreleased]) twice — naming both lines —, a
// release date that does not exist (2023-13-45), a release with more than max_changes_per_release
// entries, and more entries than a plan under max_plan_bytes can hold (found while reading).
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::uint64_t max_changelog_bytes = 64ull << 20;
// Real changelogs list hundreds of entries per release; import holds one release's changes at a time
// and refuses a release with more, naming it.
inline constexpr std::size_t max_changes_per_release = 50000;

enum class ChangelogDialect {
    keep_a_changelog,
    conventional_changelog,  // conventional-changelog, standard-version, semantic-release, lerna
    release_please,
    git_cliff,
    github_release_notes,
    hand_written,
};
std::string_view to_string(ChangelogDialect dialect);

// One section heading of the file and what its entries became.
struct ChangelogSectionUse {
    std::string heading;  // as written, "⚙️ Miscellaneous Tasks"; "(no section)" for entries outside one
    std::int64_t line = 0;  // first occurrence
    std::string mapping;  // "improvement, internal", "by entry", "dropped", "improvement (unknown heading)"
    std::string why;
    std::size_t entries = 0;  // over every occurrence
};

struct ChangelogDrop {
    std::int64_t line = 0;
    std::string what;
    std::string why;
};

struct ChangelogImport {
    Plan plan;
    std::vector<Diagnostic> notes;  // line-based; pointer empty
    ChangelogDialect dialect = ChangelogDialect::hand_written;  // the most specific one seen
    std::vector<ChangelogDialect> also_seen;                  // other dialects with evidence in the file
    std::vector<ChangelogSectionUse> sections;                 // in order of first occurrence
    std::vector<ChangelogDrop> dropped;                        // in line order
    // What the plan's releases hold, counted as they are built (write_changelog_import keeps none).
    std::size_t releases = 0;
    std::size_t unreleased = 0;
    std::size_t changes = 0;
};

Result<ChangelogImport> import_changelog(std::string_view markdown);

// import_changelog's plan written to `sink` as write_json writes it, for changelogs whose plan is too large
// to hold: each release is built, validated and written on its own, then dropped. The file is read twice,
// first to measure, so nothing is written when the plan would exceed max_plan_bytes (whatever relplan
// writes, relplan reads; `max_bytes` is that limit). `imported.plan` holds everything but the releases.
struct ChangelogWrite {
    ChangelogImport imported;
    std::vector<Diagnostic> warnings;  // validate_plan's findings on the whole plan
    std::uint64_t bytes = 0;           // written to sink
};
Result<ChangelogWrite> write_changelog_import(std::string_view markdown,
                                              const std::function<void(std::string_view)>& sink,
                                              std::uint64_t max_bytes = max_plan_bytes);

// What import recognised, for people: dialect, per-section mapping, what was dropped and why.
std::string explain_changelog_import(const ChangelogImport& imported);

}  // namespace relplan

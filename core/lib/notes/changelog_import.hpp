// Changelog files -> plan releases.
//
// Reads Keep a Changelog 1.1 (`## [1.2.0] - 2024-03-01`, `[Unreleased]`, `[YANKED]`, `### Added` ...,
// link reference definitions) and the conventional-changelog family (conventional-changelog,
// standard-version, release-please: `## [1.2.0](link) (2024-03-01)`, `### [1.2.1](link) (date)`,
// `# [2.0.0](link) (date)`, `## <small>1.2.1 (date)</small>`, `### Features`, `### ⚠ BREAKING CHANGES`,
// bullets with `**scope:**` and trailing issue/commit links). Mixed files work: each heading is
// recognised on its own.
//
// Each version heading becomes a released release (yanked ones flagged), [Unreleased] a planning
// release with an empty version; releases are stored oldest first. Entries become changes whose
// category comes from their section (docs/plan-format.md has the table). Release types are inferred
// from version steps. Anything skipped or guessed is reported as a note with its line. A file with no
// release heading, invalid UTF-8, NUL bytes or more than max_changelog_bytes is an Error (offset =
// the byte at fault when there is one).
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::uint64_t max_changelog_bytes = 64ull << 20;

struct ChangelogImport {
    Plan plan;
    std::vector<Diagnostic> notes;  // line-based; pointer empty
};

Result<ChangelogImport> import_changelog(std::string_view markdown);

}  // namespace relplan

// The line pass of changelog import: finds release headings, sections, entries (with their
// continuation lines), summaries, link reference definitions and "Full Changelog" lines, and the
// evidence for the file's dialect. Turning entries into changes is changelog_entry's job and building
// the plan changelog_import's; this pass only cuts the file up. Lines are 1-based.
#pragma once

#include "notes/changelog_import.hpp"
#include "notes/changelog_sections.hpp"
#include "base/result.hpp"

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct VersionHeading {
    std::string label;  // the version without a leading "v", or "Unreleased"
    bool unreleased = false;
    std::string link;
    std::optional<Date> date;  // may be !ok() (2023-13-45): import reports it
    std::string date_text;
    bool yanked = false;
};

// `## [1.2.0] - 2024-03-01`, `[1.2.0](link) (date)`, `<small>1.2.0 (date)</small>`, `v1.2.0`, `Unreleased`.
std::optional<VersionHeading> parse_version_heading(std::string_view text);

struct ScannedEntry {
    std::int64_t line = 0;
    std::string text;                 // continuation lines joined: nested lists and code after '\n'
    const SectionRow* row = nullptr;  // its section's row; nullptr = unknown or no section
    bool by_entry = false;            // outside any section, or under a by-entry section
    std::uint32_t section = no_section;  // its section: an index into ChangelogScan::sections
    static constexpr std::uint32_t no_section = 0xFFFFFFFF;
};

struct ScannedRelease {
    VersionHeading heading;
    std::int64_t line = 0;
    std::size_t offset = 0;  // of the heading line
    std::vector<ScannedEntry> entries;
    std::string summary;  // paragraphs separated by a blank line
    std::string full_changelog;
    std::int64_t full_changelog_line = 0;
};

struct ScannedLink {
    std::string label;  // lower-cased
    std::string url;
    std::int64_t line = 0;
};

struct ScannedDrop {
    std::int64_t line = 0;
    std::string what;
    std::string why;
};

struct ChangelogScan {
    std::string title;           // the first level-1 heading before any release
    std::string project_phrase;  // "All notable changes to X will be documented": X
    std::vector<ScannedRelease> releases;  // file order
    std::vector<ScannedLink> links;
    std::vector<ChangelogSectionUse> sections;
    std::vector<ScannedDrop> dropped;
    std::vector<Diagnostic> notes;
    ChangelogDialect dialect = ChangelogDialect::hand_written;
    std::vector<ChangelogDialect> also_seen;
    // Set when the scan stopped early: too many entries in a release, or for the plan limit.
    std::optional<Error> refused;
};

// `text` from byte `start` on (after a byte order mark), already checked to be UTF-8 without NULs.
ChangelogScan scan_changelog(std::string_view text, std::size_t start);

}  // namespace relplan

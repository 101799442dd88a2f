#include "notes/changelog_sections.hpp"

#include "version/version_check.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace relplan {
namespace {

constexpr auto feature = ChangeCategory::new_feature;
constexpr auto improvement = ChangeCategory::improvement;
constexpr auto technical = Audience::technical;
constexpr auto internal = Audience::internal;

}  // namespace

const std::vector<SectionRow>& changelog_section_table() {
    // conventional-changelog's presets and release-please hide docs-free housekeeping (chore,
    // refactor, test, build, ci, style) by default: those rows are internal. Documentation,
    // dependency updates and reverts are shown by those tools and change what users get: technical.
    static const std::vector<SectionRow> table{
        {{"added", "features", "feature", "new features", "feat"}, SectionKind::changes, feature, technical,
         "new functionality"},
        {{"changed", "changes", "improvements", "enhancements", "other"}, SectionKind::changes, improvement, technical,
         "a change to existing behaviour"},
        {{"breaking changes", "breaking", "removed"}, SectionKind::changes, ChangeCategory::breaking_change, technical,
         "breaks existing users (Keep a Changelog's Removed included)"},
        {{"deprecated", "deprecations"}, SectionKind::changes, ChangeCategory::deprecation, technical,
         "still works, going away"},
        {{"fixed", "fixes", "bug fixes", "bugfixes", "bug fix"}, SectionKind::changes, ChangeCategory::bug_fix, technical,
         "a defect fixed"},
        {{"security"}, SectionKind::changes, ChangeCategory::security, technical, "a vulnerability fixed"},
        {{"performance", "performance improvements", "perf"}, SectionKind::changes, ChangeCategory::performance,
         technical, "faster or smaller"},
        {{"reverts", "revert"}, SectionKind::changes, improvement, technical,
         "undoes a change users may have seen; shown by conventional-changelog and release-please"},
        {{"documentation", "docs"}, SectionKind::changes, improvement, technical,
         "documentation users read; shown by release-please"},
        {{"dependencies", "deps", "dependency updates"}, SectionKind::changes, improvement, technical,
         "dependency updates reach consumers; shown by release-please"},
        {{"internal", "miscellaneous", "miscellaneous chores", "miscellaneous tasks", "misc", "chores", "chore",
          "code refactoring", "refactor", "refactoring", "build system", "build", "tests", "testing", "test",
          "continuous integration", "ci", "styles", "styling", "style"},
         SectionKind::changes, improvement, internal,
         "housekeeping that changes nothing users get; hidden by default by conventional-changelog"},
        {{"whats changed", "whats new"}, SectionKind::by_entry, improvement, technical,
         "GitHub release notes: an entry's own type prefix decides, else a technical improvement"},
        {{"new contributors", "contributors"}, SectionKind::not_changes, improvement, technical,
         "a list of people, not changes"},
    };
    return table;
}

std::string normalise_section_heading(std::string_view heading) {
    std::string text(heading);
    for (std::size_t open = text.find("<!--"); open != std::string::npos; open = text.find("<!--", open)) {
        const std::size_t close = text.find("-->", open + 4);
        text.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ':') {  // ":tada:" short codes
            const std::size_t end = text.find(':', i + 1);
            if (end != std::string::npos && end > i + 1 &&
                std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 1, text.begin() + static_cast<std::ptrdiff_t>(end),
                            [](char x) { return (x >= 'a' && x <= 'z') || x == '_' || (x >= '0' && x <= '9'); })) {
                i = end;
            }
            continue;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') {
            out += c;
        } else if ((c == ' ' || c == '\t' || c == '-') && !out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

const SectionRow* find_section(std::string_view heading) {
    const std::string key = normalise_section_heading(heading);
    for (const SectionRow& row : changelog_section_table()) {
        if (std::find(row.names.begin(), row.names.end(), key) != row.names.end()) return &row;
    }
    return nullptr;
}

const SectionRow* find_entry_type(std::string_view word) {
    // Conventional-commit types with the section their tools file them under.
    static const std::array<std::pair<std::string_view, std::string_view>, 8> types{{
        {"fix", "fixed"}, {"bugfix", "fixed"}, {"feat", "added"}, {"sec", "security"},
        {"deprecate", "deprecated"}, {"test", "tests"}, {"removed", "removed"}, {"feature", "added"},
    }};
    std::string key = normalise_section_heading(word);
    for (const auto& [type, section] : types) {
        if (key == type) key = std::string(section);
    }
    const SectionRow* row = find_section(key);
    return row != nullptr && row->kind == SectionKind::changes ? row : nullptr;
}

const std::vector<std::string_view>& export_section_headings() {
    static const std::vector<std::string_view> headings{"Added",  "Changed",  "Performance", "Deprecated",
                                                        "Fixed",  "Security", "Internal"};
    return headings;
}

std::size_t export_section_index(const Change& change) {
    const bool internal_audience = change.audience == Audience::internal;
    switch (change.category) {
        case ChangeCategory::new_feature: return 0;
        case ChangeCategory::improvement:
        case ChangeCategory::breaking_change: return internal_audience ? 6 : 1;
        case ChangeCategory::performance: return 2;
        case ChangeCategory::deprecation: return 3;
        case ChangeCategory::bug_fix: return 4;
        case ChangeCategory::security: return 5;
    }
    return 1;
}

bool listed_before(const std::optional<Date>& a_date, std::string_view a_version, const std::optional<Date>& b_date,
                   std::string_view b_version) {
    if (a_date.has_value() != b_date.has_value()) return a_date.has_value();
    if (a_date && *a_date != *b_date) return *a_date > *b_date;
    const auto c = versions::compare_semver(a_version, b_version);
    return c && *c > 0;
}

bool listed_before(const Release& a, const Release& b) {
    return listed_before(a.release_date, a.version, b.release_date, b.version);
}

}  // namespace relplan

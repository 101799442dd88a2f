#include "notes/changelog_sections.hpp"

#include "notes/changelog_scan.hpp"
#include "notes/markdown.hpp"
#include "plan/change_audience.hpp"
#include "base/ascii.hpp"
#include "base/text.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <utility>

namespace relplan {
namespace {

constexpr auto feature = ChangeCategory::new_feature;
constexpr auto improvement = ChangeCategory::improvement;
constexpr auto technical = Audience::technical;
constexpr auto internal = Audience::internal;

// git-cliff orders its sections with `<!-- 0 -->` comments in the headings.
void drop_html_comments(std::string& text) {
    for (std::size_t open = text.find("<!--"); open != std::string::npos; open = text.find("<!--", open)) {
        const std::size_t close = text.find("-->", open + 4);
        text.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
    }
}

// A user-facing row's changes get their category's default audience, as commit import gives them.
SectionRow user_facing(std::vector<std::string_view> names, ChangeCategory category, std::string_view why) {
    return SectionRow{std::move(names), SectionKind::changes, category, default_audience(category), why};
}

}  // namespace

const std::vector<SectionRow>& changelog_section_table() {
    // Sections of user-facing changes give their category's default audience (customer; end-user for
    // features), so customer and end-user notes of an imported release are not empty; improvements
    // stay technical (below).
    // conventional-changelog's presets and release-please hide docs-free housekeeping (chore,
    // refactor, test, build, ci, style) by default: those rows are internal. Documentation,
    // dependency updates and reverts are shown by those tools and change what users get: technical.
    static const std::vector<SectionRow> table{
        user_facing({"added", "features", "feature", "new features", "feat"}, feature, "new functionality"),
        // Technical, the audience a change has by default: a plan's own improvements are written
        // here and come back the same.
        {{"changed", "changes", "improvements", "enhancements", "other"}, SectionKind::changes, improvement, technical,
         "a change to existing behaviour"},
        user_facing({"breaking changes", "breaking", "removed"}, ChangeCategory::breaking_change,
                    "breaks existing users (Keep a Changelog's Removed included)"),
        user_facing({"deprecated", "deprecations"}, ChangeCategory::deprecation, "still works, going away"),
        user_facing({"fixed", "fixes", "bug fixes", "bugfixes", "bug fix"}, ChangeCategory::bug_fix, "a defect fixed"),
        user_facing({"security"}, ChangeCategory::security, "a vulnerability fixed"),
        user_facing({"performance", "performance improvements", "perf"}, ChangeCategory::performance,
                    "faster or smaller"),
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
    drop_html_comments(text);
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

std::string section_name(std::string_view heading) {
    std::string text = clean_text(heading);
    drop_html_comments(text);
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\t', ' ');
    return std::string(ascii::trim(md::sanitize_markdown(ascii::trim(text))));
}

bool section_fits(const Change& change, std::string_view heading) {
    // A heading that reads as a release would start one.
    if (heading.empty() || parse_version_heading(heading)) return false;
    const SectionRow* row = find_section(heading);
    if (row != nullptr && row->kind == SectionKind::not_changes) return false;
    // What import makes of an entry without a type prefix under this heading.
    const ChangeCategory category = row != nullptr ? row->category : ChangeCategory::improvement;
    const Audience audience = row != nullptr ? row->audience : Audience::technical;
    return change.audience == audience &&
           (change.category == category || change.category == ChangeCategory::breaking_change);
}

std::string_view export_heading(const Change& change) {
    if (!change.section.empty() && section_fits(change, change.section)) return change.section;
    return export_section_headings()[export_section_index(change)];
}

SectionLayout section_layout(const std::vector<const Change*>& changes) {
    // Each heading's place: its changes' standard section, the standard heading before recorded
    // ones, recorded ones by first appearance.
    struct Key {
        std::size_t standard = 0;
        bool recorded = false;
        std::size_t first = 0;
        bool operator<(const Key& o) const {
            return std::tie(standard, recorded, first) < std::tie(o.standard, o.recorded, o.first);
        }
    };
    std::map<std::string_view, Key> keys;
    std::vector<std::string_view> heading_of(changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::size_t standard = export_section_index(*changes[i]);
        heading_of[i] = export_heading(*changes[i]);
        keys.emplace(heading_of[i], Key{standard, heading_of[i] != export_section_headings()[standard], i});
    }
    std::vector<std::pair<Key, std::string_view>> order;
    order.reserve(keys.size());
    for (const auto& [heading, key] : keys) order.emplace_back(key, heading);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    SectionLayout layout;
    std::map<std::string_view, std::size_t> index;
    for (const auto& [key, heading] : order) {
        index.emplace(heading, layout.headings.size());
        layout.headings.push_back(heading);
    }
    layout.section_of.reserve(changes.size());
    for (const std::string_view heading : heading_of) layout.section_of.push_back(index.at(heading));
    return layout;
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

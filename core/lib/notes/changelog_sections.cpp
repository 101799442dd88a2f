#include "notes/changelog_sections.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace relplan {

std::string changelog_section_key(std::string_view heading) {
    std::string name;
    for (std::size_t i = 0; i < heading.size(); ++i) {
        char c = heading[i];
        if (c == ':') {  // a ":sparkles:" shortcode is skipped whole
            const std::size_t close = heading.find(':', i + 1);
            if (close != std::string_view::npos && heading.substr(i + 1, close - i - 1).find(' ') == std::string_view::npos) {
                i = close;
            }
            continue;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c == ' ' && !name.empty() && name.back() != ' ')) name += c;
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    return name;
}

std::optional<ChangelogSection> changelog_section(std::string_view heading) {
    using C = ChangeCategory;
    constexpr Audience customer = Audience::customer;
    constexpr Audience internal = Audience::internal;
    constexpr Audience technical = Audience::technical;
    static const std::map<std::string, ChangelogSection, std::less<>> table{
        // Keep a Changelog 1.1
        {"added", {C::new_feature, customer}},
        {"changed", {C::improvement, customer}},
        {"deprecated", {C::deprecation, customer}},
        {"removed", {C::breaking_change, customer}},
        {"fixed", {C::bug_fix, customer}},
        {"security", {C::security, customer}},
        // conventional-changelog, semantic-release, release-please, git-cliff
        {"features", {C::new_feature, customer}},
        {"feature", {C::new_feature, customer}},
        {"new features", {C::new_feature, customer}},
        {"bug fixes", {C::bug_fix, customer}},
        {"bugfixes", {C::bug_fix, customer}},
        {"bug fix", {C::bug_fix, customer}},
        {"fixes", {C::bug_fix, customer}},
        {"breaking changes", {C::breaking_change, customer}},
        {"breaking", {C::breaking_change, customer}},
        {"performance", {C::performance, customer}},
        {"performance improvements", {C::performance, customer}},
        {"deprecations", {C::deprecation, customer}},
        {"changes", {C::improvement, customer}},
        {"improvements", {C::improvement, customer}},
        {"enhancements", {C::improvement, customer}},
        {"enhancement", {C::improvement, customer}},
        {"reverts", {C::improvement, technical}},
        {"revert", {C::improvement, technical}},
        {"documentation", {C::improvement, internal}},
        {"docs", {C::improvement, internal}},
        {"miscellaneous chores", {C::improvement, internal}},
        {"miscellaneous tasks", {C::improvement, internal}},
        {"miscellaneous", {C::improvement, internal}},
        {"chores", {C::improvement, internal}},
        {"chore", {C::improvement, internal}},
        {"code refactoring", {C::improvement, internal}},
        {"refactor", {C::improvement, internal}},
        {"refactoring", {C::improvement, internal}},
        {"build system", {C::improvement, internal}},
        {"build", {C::improvement, internal}},
        {"tests", {C::improvement, internal}},
        {"testing", {C::improvement, internal}},
        {"continuous integration", {C::improvement, internal}},
        {"ci", {C::improvement, internal}},
        {"styles", {C::improvement, internal}},
        {"styling", {C::improvement, internal}},
        {"style", {C::improvement, internal}},
        {"dependencies", {C::improvement, internal}},
        {"internal", {C::improvement, internal}},
        {"other changes", {C::improvement, customer}},
        // GitHub generated release notes
        {"whats changed", {C::improvement, customer}},
        {"new contributors", {C::improvement, customer, true, "lists first-time contributors, not changes"}},
        {"contributors", {C::improvement, customer, true, "lists contributors, not changes"}},
    };
    const auto it = table.find(changelog_section_key(heading));
    if (it == table.end()) return std::nullopt;
    return it->second;
}

std::string_view changelog_export_section(const Change& c) {
    switch (c.category) {
        case ChangeCategory::new_feature: return "Added";
        case ChangeCategory::improvement: return c.audience == Audience::internal ? "Internal" : "Changed";
        case ChangeCategory::breaking_change: return "Changed";
        case ChangeCategory::deprecation: return "Deprecated";
        case ChangeCategory::bug_fix: return "Fixed";
        case ChangeCategory::performance: return "Performance";
        case ChangeCategory::security: return "Security";
    }
    return "Changed";
}

int changelog_section_rank(const Change& c) {
    static constexpr std::array<std::string_view, 7> order{"Added",       "Changed",  "Deprecated", "Fixed",
                                                           "Performance", "Security", "Internal"};
    const std::string_view s = changelog_export_section(c);
    const int index = static_cast<int>(std::find(order.begin(), order.end(), s) - order.begin());
    return index * 2 + (c.category == ChangeCategory::breaking_change ? 0 : 1);
}

}  // namespace relplan

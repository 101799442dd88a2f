#include "plan/versioning.hpp"

#include <algorithm>
#include <string>

namespace relplan {

Result<NextVersionOptions> versioning_options(const PlanSettings& settings) {
    NextVersionOptions o;
    if (!settings.versioning) return o;
    const VersioningSettings& v = *settings.versioning;
    if (!v.preset.empty()) {
        auto rules = pre_major_policy(v.preset);
        if (!rules.ok()) return make_error("settings.versioning.preset: " + rules.error().message);
        o.pre_major = *rules;
    }
    o.pre_major.breaking_is_minor = o.pre_major.breaking_is_minor || v.bump_minor_pre_major;
    o.pre_major.feat_is_patch = o.pre_major.feat_is_patch || v.bump_patch_for_minor_pre_major;
    for (std::size_t i = 0; i < v.release_rules.size(); ++i) {
        auto rule = parse_release_rule(v.release_rules[i]);
        if (!rule.ok())
            return make_error("settings.versioning.release_rules[" + std::to_string(i) + "]: " + rule.error().message);
        o.rules.push_back(std::move(*rule));
    }
    return o;
}

Result<std::vector<LineRange>> release_lines(const PlanSettings& settings) {
    std::vector<LineRange> out;
    for (std::size_t i = 0; i < settings.release_lines.size(); ++i) {
        auto line = parse_release_line(settings.release_lines[i].line);
        if (!line.ok()) return make_error("settings.release_lines[" + std::to_string(i) + "]: " + line.error().message);
        out.push_back(*line);
    }
    return out;
}

Bump change_bump(ChangeCategory category) {
    switch (category) {
    case ChangeCategory::breaking_change: return Bump::major;
    case ChangeCategory::new_feature:
    case ChangeCategory::deprecation: return Bump::minor;
    case ChangeCategory::bug_fix:
    case ChangeCategory::security:
    case ChangeCategory::performance:
    case ChangeCategory::improvement: return Bump::patch;
    }
    return Bump::patch;
}

Result<ChangeSuggestion> suggest_from_changes(const PlanSettings& settings, const Version& base,
                                              const std::vector<Change>& changes, std::string_view preid) {
    auto options = versioning_options(settings);
    if (!options.ok()) return options.error();
    ChangeSuggestion out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Bump b = pre_major_bump(change_bump(changes[i].category), base, options->pre_major);
        if (b > out.bump) {
            out.bump = b;
            out.reasons.clear();
        }
        if (b == out.bump) out.reasons.push_back(i);
    }
    if (out.bump == Bump::none) return out;
    auto next = bump_version(base, out.bump, preid, options->pre_major);
    if (!next.ok()) return next.error();
    auto lines = release_lines(settings);
    if (!lines.ok()) return lines.error();
    const LineRange line = line_of(base, *lines);
    const bool declared = std::find(lines->begin(), lines->end(), line) != lines->end();
    if (declared && !line_holds(line, *next))
        return make_error("the next version " + next->normalized() + " is outside release line " + to_string(line) +
                              " of " + base.normalized() + "; make this release from a newer line",
                          Error::npos, ErrorKind::out_of_range);
    out.version = std::move(*next);
    return out;
}

}  // namespace relplan

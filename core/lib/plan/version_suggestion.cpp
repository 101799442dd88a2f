#include "plan/version_suggestion.hpp"

#include "plan/labels.hpp"
#include "plan/versioning.hpp"
#include "version/calver.hpp"
#include "version/semver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace relplan {

namespace {

bool shares_component(const Release& a, const Release& b) {
    if (a.components.empty() || b.components.empty()) return true;  // unknown: treat as the same product
    return std::any_of(a.components.begin(), a.components.end(), [&](const std::string& c) {
        return std::find(b.components.begin(), b.components.end(), c) != b.components.end();
    });
}

// Whether `q` came before `r` on the same line of releases.
bool released_before(const Release& q, const Release& r) {
    if (q.status == ReleaseStatus::cancelled || q.version.empty() || q.id == r.id || !shares_component(q, r)) return false;
    if (q.calver_scheme != r.calver_scheme) return false;
    const bool shipped = q.status == ReleaseStatus::released || q.status == ReleaseStatus::rolled_back;
    if (r.release_date && q.release_date) return *q.release_date < *r.release_date;
    return shipped;
}

// How closely `q` follows the same line of versions as `r`: 0 the same components, 1 the same first
// (main) component, 2 some shared component.
int line_distance(const Release& q, const Release& r) {
    std::vector<std::string> a = q.components, b = r.components;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) return 0;
    if (!q.components.empty() && !r.components.empty() && q.components.front() == r.components.front()) return 1;
    return 2;
}

// Compares two versions of `r`'s scheme; nullopt when one does not parse in it.
std::optional<int> compare_in_scheme(const Release& r, const std::string& a, const std::string& b) {
    if (!r.calver_scheme) {
        auto va = Version::parse(a), vb = Version::parse(b);
        if (!va || !vb) return std::nullopt;
        return compare(*va, *vb);
    }
    auto scheme = CalverScheme::parse(*r.calver_scheme);
    if (!scheme) return std::nullopt;
    auto va = parse_calver(a, *scheme), vb = parse_calver(b, *scheme);
    if (!va || !vb) return std::nullopt;
    return compare(*va, *vb);
}

bool parses_in_scheme(const Release& r, const std::string& version) {
    return compare_in_scheme(r, version, version).has_value();
}

// At most about `max` bytes, cut at a space and marked with an ellipsis.
std::string shortened(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = text.rfind(' ', max);
    if (cut == std::string::npos || cut < max / 2) {
        cut = max;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    }
    return text.substr(0, cut) + "…";
}

// "\"Add x\", \"Fix y\", and 2 more".
std::string quoted_list(const Release& r, const std::vector<std::size_t>& reasons) {
    std::string out;
    for (std::size_t i = 0; i < reasons.size() && i < 3; ++i) {
        const Change& c = r.changes[reasons[i]];
        out += (i ? ", \"" : "\"") + (c.description.empty() ? c.id : shortened(c.description, 60)) + "\"";
    }
    if (reasons.size() > 3) out += ", and " + std::to_string(reasons.size() - 3) + " more";
    return out;
}

// "2 breaking changes" / "1 bug fix and 2 improvements".
std::string reason_counts(const Release& r, const std::vector<std::size_t>& reasons) {
    std::vector<std::string> parts;
    for (ChangeCategory cat : {ChangeCategory::breaking_change, ChangeCategory::new_feature, ChangeCategory::deprecation,
                               ChangeCategory::bug_fix, ChangeCategory::security, ChangeCategory::performance,
                               ChangeCategory::improvement}) {
        const auto n = std::count_if(reasons.begin(), reasons.end(), [&](std::size_t c) { return r.changes[c].category == cat; });
        if (!n) continue;
        std::string label(category_label(cat));
        if (n > 1)
            label = label == "bug fix"        ? "bug fixes"
                    : label == "security fix" ? "security fixes"
                    : label == "performance"  ? "performance changes"
                                              : label + "s";
        parts.push_back(std::to_string(n) + " " + label);
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

Result<VersionSuggestion> semver_suggestion(const Plan& plan, const Release& r, const Release* base, std::string_view preid) {
    VersionSuggestion out;
    out.base = base;
    if (!base) {
        out.version = "1.0.0";
        out.why = "no earlier release of these components has a SemVer version: a first release is usually 1.0.0, "
                  "or 0.1.0 in initial development";
        return out;
    }
    const Version from = *Version::parse(base->version);
    auto next = suggest_from_changes(plan.settings, from, r.changes, preid);
    if (!next) return next.error();
    out.bump = next->bump;
    out.reasons = next->reasons;
    if (!next->version) {
        out.why = r.changes.empty() ? "the release has no changes" : "none of the release's changes asks for a new version";
        return out;
    }
    out.version = next->version->to_string();
    out.why = fmt::format("{} bump from {} ({}) because of {}: {}", to_string(next->bump), release_label(*base), base->id,
                          reason_counts(r, next->reasons), quoted_list(r, next->reasons));
    if (from.major() == 0) out.why += ". Below 1.0.0 the plan's versioning rules apply";
    return out;
}

Result<VersionSuggestion> calver_suggestion(const Release& r, const Release* base, Date today) {
    auto scheme = CalverScheme::parse(*r.calver_scheme);
    if (!scheme) return scheme.error();
    CalverNextOptions o;
    if (base) o.current = *parse_calver(base->version, *scheme);
    const Date date = r.release_date.value_or(today);
    auto next = next_calver(*scheme, date, o);
    if (!next) return next.error();
    VersionSuggestion out;
    out.base = base;
    out.version = next->to_string();
    out.why = fmt::format("the next {} version for {}{}{}", *r.calver_scheme, dates::format_date(date),
                          r.release_date ? "" : " (no release date yet: today)",
                          base ? fmt::format(" after {} ({})", release_label(*base), base->id)
                               : std::string(", the first release in this scheme"));
    return out;
}

}  // namespace

std::vector<const Release*> version_bases(const Plan& plan, const Release& release) {
    std::vector<const Release*> out;
    for (const Release& q : plan.releases)
        if (released_before(q, release) && parses_in_scheme(release, q.version)) out.push_back(&q);
    return out;
}

const Release* default_version_base(const Plan& plan, const Release& release) {
    const Release* best = nullptr;
    int best_distance = 3;
    for (const Release* q : version_bases(plan, release)) {
        const int distance = line_distance(*q, release);
        bool better = !best || distance < best_distance;
        if (best && distance == best_distance) {
            constexpr Date undated{std::chrono::year::min() / std::chrono::January / 1};  // before every date
            const Date qd = q->release_date.value_or(undated);
            const Date bd = best->release_date.value_or(undated);
            better = qd > bd || (qd == bd && compare_in_scheme(release, q->version, best->version).value_or(0) > 0);
        }
        if (better) {
            best = q;
            best_distance = distance;
        }
    }
    return best;
}

Result<VersionSuggestion> suggest_release_version(const Plan& plan, const Release& release, const Release* base,
                                                  std::string_view preid, Date today) {
    if (!base) base = default_version_base(plan, release);
    if (release.calver_scheme) return calver_suggestion(release, base, today);
    return semver_suggestion(plan, release, base, preid);
}

}  // namespace relplan

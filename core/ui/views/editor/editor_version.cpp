// Release editor: the Version section (SemVer / CalVer suggestion relative to an earlier release).
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
#include "plan/versioning.hpp"
#include "version/next_version.hpp"
#include "version/semver.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace relplan::ui::editor {

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
    bool shipped = q.status == ReleaseStatus::released || q.status == ReleaseStatus::rolled_back;
    if (r.release_date && q.release_date) return *q.release_date < *r.release_date;
    return shipped;
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
    for (ChangeCategory cat : all_values<ChangeCategory>()) {
        auto n = std::count_if(reasons.begin(), reasons.end(), [&](std::size_t c) { return r.changes[c].category == cat; });
        if (!n) continue;
        std::string label(category_label(cat));
        if (n > 1) label = label == "bug fix" ? "bug fixes" : label == "security fix" ? "security fixes" : label == "performance" ? "performance changes" : label + "s";
        parts.push_back(std::to_string(n) + " " + label);
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

void apply_version_button(App::State& s, Release& r, const std::string& version, const char* id) {
    ImGui::SameLine();
    ImGui::PushID(id);
    bool same = r.version == version;
    if (same) ImGui::BeginDisabled();
    if (ImGui::Button("Apply")) {
        r.version = version;
        commit_now(s);
    }
    if (same) ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(same ? "The release already has this version" : "Set the release's version to %s", version.c_str());
    ImGui::PopID();
}

// How closely `q` follows the same line of versions as `r`: 0 the same components, 1 the same first
// (main) component, 2 some shared component. A multi-component release (API 4.0 shipping with the web
// console) must not make the web console's next version count from 4.0.
int line_distance(const Release& q, const Release& r) {
    std::vector<std::string> a = q.components, b = r.components;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) return 0;
    if (!q.components.empty() && !r.components.empty() && q.components.front() == r.components.front()) return 1;
    return 2;
}

// The release a suggestion counts from: the user's pick when they made one for `r`, otherwise the
// latest earlier release on the closest line (ties: the higher version). `parse` says which versions
// count (SemVer, or CalVer of r's scheme).
template <class Parse>
const Release* base_release(App::State& s, const Release& r, Parse parse) {
    const Release* best = nullptr;
    typename decltype(parse(r.version))::value_type best_version{};
    int best_distance = 3;
    for (const Release& q : s.doc.plan.releases) {
        if (!released_before(q, r)) continue;
        auto v = parse(q.version);
        if (!v) continue;
        if (s.editor.base_for == r.id && s.editor.base_release == q.id) return &q;
        int distance = line_distance(q, r);
        bool better = !best || distance < best_distance;
        if (best && distance == best_distance) {
            Date qd = q.release_date.value_or(min_supported_date), bd = best->release_date.value_or(min_supported_date);
            better = qd > bd || (qd == bd && compare(*v, best_version) > 0);
        }
        if (better) {
            best = &q;
            best_version = *v;
            best_distance = distance;
        }
    }
    return best;
}

// "relative to [release]": every earlier release of the same components with a version that parses.
template <class Parse>
void base_combo(App::State& s, const Release& r, const Release& base, Parse parse) {
    ImGui::SetNextItemWidth(px(s, 260));
    if (!ImGui::BeginCombo("relative to", release_label(base).c_str())) return;
    for (const Release& q : s.doc.plan.releases) {
        if (!released_before(q, r) || !parse(q.version)) continue;
        if (ImGui::Selectable((release_label(q) + "##" + q.id).c_str(), &q == &base)) {
            s.editor.base_for = r.id;
            s.editor.base_release = q.id;
        }
    }
    ImGui::EndCombo();
}

}  // namespace

namespace {

const SemverSuggestion& suggestion_for(App::State& s, const Release& r, const Release& prev, const Version& base) {
    if (!s.editor.cache) s.editor.cache = std::make_shared<EditorCache>();
    EditorCache& c = *s.editor.cache;
    if (c.valid && c.revision == s.doc.revision() && c.release == r.id && c.base == prev.id && c.preid == s.editor.version_preid)
        return c.suggestion;
    c.valid = true;
    c.revision = s.doc.revision();
    c.release = r.id;
    c.base = prev.id;
    c.preid = s.editor.version_preid;
    c.suggestion = {};
    Result<ChangeSuggestion> next = suggest_from_changes(s.doc.plan.settings, base, r.changes, s.editor.version_preid);
    if (!next) {
        c.suggestion.error = next.error().message;
        return c.suggestion;
    }
    if (!next->version) return c.suggestion;
    c.suggestion.version = next->version->to_string();
    // The reason: which changes drove the bump, relative to which release.
    c.suggestion.why = std::string(to_string(next->bump)) + " bump from " + release_label(prev) + " (" + prev.id +
                       ") because of " + reason_counts(r, next->reasons) + ": " + quoted_list(r, next->reasons);
    if (base.major() == 0) c.suggestion.why += ". Below 1.0.0 the plan's versioning rules apply (Project settings).";
    return c.suggestion;
}

void semver_suggestion(App::State& s, Release& r) {
    auto parse = [](const std::string& text) -> std::optional<Version> {
        Result<Version> v = Version::parse(text);
        return v ? std::optional<Version>(std::move(*v)) : std::nullopt;
    };
    const Release* prev = base_release(s, r, parse);
    std::optional<Version> base = prev ? parse(prev->version) : std::nullopt;
    ImGui::SetNextItemWidth(px(s, 70));
    ImGui::InputTextWithHint("Pre-release id", "rc", &s.editor.version_preid);
    tooltip("Suggest a pre-release (2.0.0-rc.0, then rc.1, ...) instead of the final version");
    if (r.changes.empty()) {
        ImGui::TextDisabled("Add changes to get a suggested version.");
        return;
    }
    if (!prev && !r.version.empty()) {
        ImGui::TextDisabled("No earlier release of these components in the plan to count from.");
        return;
    }
    if (!prev) {
        ImGui::TextDisabled("No earlier release of these components has a SemVer version; a first release is usually");
        ImGui::SameLine();
        ImGui::TextUnformatted("1.0.0");
        apply_version_button(s, r, "1.0.0", "first");
        ImGui::SameLine();
        ImGui::TextDisabled("or, in initial development, 0.1.0");
        apply_version_button(s, r, "0.1.0", "zero");
        return;
    }
    const SemverSuggestion& sug = suggestion_for(s, r, *prev, *base);
    if (!sug.error.empty()) {
        ImGui::TextColored(red, "Pre-release id: %s", sug.error.c_str());
        return;
    }
    if (sug.version.empty()) return;
    ImGui::TextUnformatted("Suggested:");
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", sug.version.c_str());
    apply_version_button(s, r, sug.version, "suggested");
    ImGui::SameLine();
    base_combo(s, r, *prev, parse);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", sug.why.c_str());
    ImGui::PopTextWrapPos();
    Result<Version> cur = Version::parse(r.version);
    Result<Version> suggested = Version::parse(sug.version);
    if (cur && suggested && compare(*cur, *suggested) < 0)
        ImGui::TextColored(orange, "%s is smaller than these changes call for.", r.version.c_str());
    if (cur && compare(*cur, *base) <= 0)
        ImGui::TextColored(red, "%s is not above the previous release %s.", r.version.c_str(), prev->version.c_str());
}

void calver_suggestion(App::State& s, Release& r) {
    Result<CalverScheme> scheme = CalverScheme::parse(*r.calver_scheme);
    if (!scheme) {
        ImGui::TextColored(red, "Scheme: %s", scheme.error().message.c_str());
        return;
    }
    auto parse = [&](const std::string& text) -> std::optional<CalverVersion> {
        Result<CalverVersion> v = parse_calver(text, *scheme);
        return v ? std::optional<CalverVersion>(std::move(*v)) : std::nullopt;
    };
    CalverNextOptions o;
    const Release* prev = base_release(s, r, parse);
    if (prev) o.current = parse(prev->version);
    Date date = r.release_date.value_or(today());
    Result<CalverVersion> next = next_calver(*scheme, date, o);
    if (!next) {
        ImGui::TextColored(red, "%s", next.error().message.c_str());
        return;
    }
    std::string suggested = next->to_string();
    ImGui::TextUnformatted("Next for");
    ImGui::SameLine();
    ImGui::TextUnformatted(date_text(date).c_str());
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", suggested.c_str());
    apply_version_button(s, r, suggested, "calver");
    if (prev) {
        ImGui::SameLine();
        base_combo(s, r, *prev, parse);
    } else {
        ImGui::TextDisabled("The first release in this scheme.");
    }
    if (!r.release_date) ImGui::TextDisabled("No release date yet, so today's date is used.");
}

void version_validity(const Release& r) {
    if (r.version.empty()) {
        ImGui::TextDisabled(r.status == ReleaseStatus::planning ? "No version yet (allowed while planning)."
                                                                : "A release past planning needs a version.");
        return;
    }
    std::string error;
    if (r.calver_scheme) {
        Result<CalverScheme> scheme = CalverScheme::parse(*r.calver_scheme);
        if (scheme) {
            Result<CalverVersion> v = parse_calver(r.version, *scheme);
            if (!v) error = v.error().message;
        }
    } else {
        Result<Version> v = Version::parse(r.version);
        if (!v) error = v.error().message;
        else if (v->to_string() != r.version) error = "valid, normalized it reads " + v->to_string();
    }
    if (!error.empty()) ImGui::TextColored(red, "%s", error.c_str());
}

}  // namespace

void section_version(App::State& s, Release& r) {
    ImGui::PushItemWidth(px(s, 180));
    edit_text(s, "Version", r.version, r.calver_scheme ? "2026.11.0" : "2.0.0");
    ImGui::SameLine();
    bool calver = r.calver_scheme.has_value();
    if (ImGui::Checkbox("CalVer", &calver)) {
        if (calver)
            r.calver_scheme = "YYYY.0M.MICRO";
        else
            r.calver_scheme.reset();
        s.doc.touch();
    }
    tooltip("Calendar versioning (calver.org) instead of SemVer");
    if (r.calver_scheme) {
        ImGui::SameLine();
        edit_text(s, "Scheme", *r.calver_scheme, "YY.0M.MICRO");
    }
    ImGui::PopItemWidth();
    version_validity(r);
    if (r.calver_scheme)
        calver_suggestion(s, r);
    else
        semver_suggestion(s, r);
}

}  // namespace relplan::ui::editor

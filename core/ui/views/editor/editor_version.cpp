// Release editor: the Version section (SemVer / CalVer suggestion relative to an earlier release).
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
#include "plan/labels.hpp"
#include "plan/version_suggestion.hpp"
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

// The release a suggestion counts from: the user's pick when they made one for `r`, otherwise the
// core's default (plan/version_suggestion.hpp).
const Release* base_release(App::State& s, const Release& r) {
    if (s.editor.base_for == r.id)
        for (const Release* q : version_bases(s.doc.plan, r))
            if (q->id == s.editor.base_release) return q;
    return default_version_base(s.doc.plan, r);
}

// "relative to [release]": every earlier release on the line with a version in r's scheme.
void base_combo(App::State& s, const Release& r, const Release& base) {
    ImGui::SetNextItemWidth(px(s, 260));
    if (!ImGui::BeginCombo("relative to", release_label(base).c_str())) return;
    for (const Release* q : version_bases(s.doc.plan, r)) {
        if (ImGui::Selectable((release_label(*q) + "##" + q->id).c_str(), q == &base)) {
            s.editor.base_for = r.id;
            s.editor.base_release = q->id;
        }
    }
    ImGui::EndCombo();
}

}  // namespace

namespace {

const SemverSuggestion& suggestion_for(App::State& s, const Release& r, const Release& prev) {
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
    Result<VersionSuggestion> next = suggest_release_version(s.doc.plan, r, &prev, s.editor.version_preid, today());
    if (!next) {
        c.suggestion.error = next.error().message;
        return c.suggestion;
    }
    c.suggestion.version = next->version;
    if (!next->version.empty()) c.suggestion.why = next->why + (Version::parse(prev.version)->major() == 0 ? " (Project settings)." : "");
    return c.suggestion;
}

void semver_suggestion(App::State& s, Release& r) {
    const Release* prev = base_release(s, r);
    std::optional<Version> base;
    if (prev) base = *Version::parse(prev->version);
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
    const SemverSuggestion& sug = suggestion_for(s, r, *prev);
    if (!sug.error.empty()) {
        // A pre-release id that does not parse, or a next version outside the base's release line.
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(red, "%s", sug.error.c_str());
        ImGui::PopTextWrapPos();
        test_hooks::version_suggestion_shown(sug.error);
        return;
    }
    if (sug.version.empty()) return;
    test_hooks::version_suggestion_shown(sug.version);
    ImGui::TextUnformatted("Suggested:");
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", sug.version.c_str());
    apply_version_button(s, r, sug.version, "suggested");
    ImGui::SameLine();
    base_combo(s, r, *prev);
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
    const Release* prev = base_release(s, r);
    Result<VersionSuggestion> next = suggest_release_version(s.doc.plan, r, prev, {}, today());
    if (!next) {
        ImGui::TextColored(red, "%s", next.error().message.c_str());
        return;
    }
    const Date date = r.release_date.value_or(today());
    ImGui::TextUnformatted("Next for");
    ImGui::SameLine();
    ImGui::TextUnformatted(date_text(date).c_str());
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", next->version.c_str());
    apply_version_button(s, r, next->version, "calver");
    if (prev) {
        ImGui::SameLine();
        base_combo(s, r, *prev);
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

// Release editor: the Scope section (name, type, status with its gate rule) and the Timeline section
// (milestones that follow the release type unless set by hand).
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
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

void edit_status(App::State& s, Release& r) {
    std::vector<std::string> blockers = gate_blockers(r);
    std::string current(to_string(r.status));
    if (ImGui::BeginCombo("Status", current.c_str())) {
        for (ReleaseStatus v : all_values<ReleaseStatus>()) {
            std::string name(to_string(v));
            bool blocked = v != r.status && needs_gates(v) && !blockers.empty();
            if (blocked) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            bool picked = ImGui::Selectable(name.c_str(), v == r.status);
            if (blocked) {
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Blocked by %d required quality gate(s)", static_cast<int>(blockers.size()));
            }
            if (!picked || v == r.status) continue;
            if (blocked) {
                s.editor.refusal_release = r.id;
                s.editor.refusal = blockers;
                s.editor.refusal.insert(s.editor.refusal.begin(), "Cannot move to " + name + ":");
                s.editor.reveal_gates = true;
            } else {
                r.status = v;
                s.doc.touch();
                s.editor.refusal_release.clear();
            }
        }
        ImGui::EndCombo();
    }
    anchor("editor.status");
    if (s.editor.refusal_release == r.id && !s.editor.refusal.empty()) {
        // Stays until the status changes or the gates no longer block.
        if (blockers.empty()) s.editor.refusal.clear();
        for (const std::string& line : s.editor.refusal) ImGui::TextColored(red, "%s", line.c_str());
    }
}

// The milestones of `r` as its type `type` would generate them (nullopt without a release date).
std::optional<MilestoneSchedule> schedule_for_type(const Plan& plan, const Release& r, ReleaseType type) {
    if (!r.release_date) return std::nullopt;
    Result<MilestoneSchedule> m = compute_milestones(*r.release_date, milestone_offsets(plan.settings, type),
                                                     BusinessCalendar(plan.holidays, r.components));
    if (!m) return std::nullopt;
    return std::move(*m);
}

bool dates_match(const Release& r, const MilestoneSchedule& m) {
    return r.planning_start == m.at(MilestoneKind::planning_start).date &&
           r.feature_freeze == m.at(MilestoneKind::feature_freeze).date && r.code_freeze == m.at(MilestoneKind::code_freeze).date;
}

// Decision: milestones follow the type by themselves while they are what the old type generated
// (or unset); dates someone set by hand are not overwritten silently -- the Timeline asks instead.
void follow_type(App::State& s, Release& r, ReleaseType before) {
    if (!r.release_date) return;
    std::optional<MilestoneSchedule> old = schedule_for_type(s.doc.plan, r, before);
    bool untouched = (!r.planning_start && !r.feature_freeze && !r.code_freeze) || (old && dates_match(r, *old));
    std::optional<MilestoneSchedule> now = schedule_for_type(s.doc.plan, r, r.type);
    if (!now) return;
    if (untouched) {
        apply_milestones(r, *now);
        s.editor.milestone_prompt.clear();
        s.flash("Milestones follow the " + std::string(to_string(r.type)) + " type", ImGui::GetTime());
    } else if (!dates_match(r, *now)) {
        s.editor.milestone_prompt = r.id;
    }
}

}  // namespace

void section_scope(App::State& s, Release& r) {
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    edit_text(s, "Name", r.name);
    anchor("editor.name");
    ReleaseType before = r.type;
    if (edit_enum(s, "Type", r.type)) follow_type(s, r, before);
    anchor("editor.type");
    ImGui::SameLine();
    help_marker("Changing the type moves the milestones with it while they are the generated ones; "
                "dates you set by hand stay until you regenerate them in Timeline.");
    edit_status(s, r);
    edit_text(s, "Theme", r.theme);
    edit_text(s, "Release branch", r.branch, "release/2.0.0");
    edit_text(s, "Environment", r.environment, "production");
    ImGui::PopItemWidth();
    ImGui::TextUnformatted("Components");
    for (const auto& c : s.doc.plan.components) {
        bool on = std::find(r.components.begin(), r.components.end(), c.id) != r.components.end();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(c.name.c_str()).x + px(s, 40)) ImGui::NewLine();
        if (ImGui::Checkbox(c.name.empty() ? c.id.c_str() : c.name.c_str(), &on)) {
            if (on)
                r.components.push_back(c.id);
            else
                r.components.erase(std::remove(r.components.begin(), r.components.end(), c.id), r.components.end());
            s.doc.touch();
        }
    }
    if (s.doc.plan.components.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(the plan has no components)");
    }
    ImGui::TextUnformatted("Objectives (one per line)");
    edit_lines(s, "##objectives", r.objectives);
    ImGui::TextUnformatted("Summary (Markdown; hand-written, notes generation never overwrites it)");
    edit_multiline(s, "##summary", r.summary, 4.0f);
}

namespace {

// ---- timeline -----------------------------------------------------------------------------------

void regenerate(App::State& s, Release& r, const MilestoneSchedule& m) {
    apply_milestones(r, m);
    s.editor.milestone_prompt.clear();
    commit_now(s);
}

void milestone_table(App::State& s, const Release& r, const MilestoneSchedule& m) {
    if (!ImGui::BeginTable("##milestones", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("milestone", ImGuiTableColumnFlags_WidthFixed, px(s, 170));
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, px(s, 170));
    ImGui::TableSetupColumn("note", ImGuiTableColumnFlags_WidthStretch);
    const Date now = today();
    for (const Milestone& ms : m.milestones) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(milestone_label(ms.kind)).c_str());
        ImGui::TableNextColumn();
        std::int64_t in = days_between(now, ms.date);
        ImGui::Text("%s %.3s", date_text(ms.date).c_str(), std::string(weekday_name(ms.date)).c_str());
        ImGui::TableNextColumn();
        std::string note = ms.note;
        const std::optional<Date>* own = ms.kind == MilestoneKind::planning_start   ? &r.planning_start
                                         : ms.kind == MilestoneKind::feature_freeze ? &r.feature_freeze
                                         : ms.kind == MilestoneKind::code_freeze    ? &r.code_freeze
                                                                                    : nullptr;
        if (own && *own && **own != ms.date) note = "set by hand to " + date_text(**own) + (note.empty() ? "" : "; " + note);
        ImGui::PushTextWrapPos(0.0f);
        if (in < 0)
            ImGui::TextDisabled("%s", note.empty() ? "past" : note.c_str());
        else
            ImGui::TextDisabled("in %d days%s%s", static_cast<int>(in), note.empty() ? "" : " -- ", note.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

}  // namespace

void section_timeline(App::State& s, Release& r) {
    edit_date(s, "Release date", r.release_date);
    anchor("editor.release_date");
    ImGui::SameLine();
    ImGui::BeginDisabled(!r.release_date);
    std::optional<MilestoneSchedule> m = schedule_for_type(s.doc.plan, r, r.type);
    if (ImGui::Button("Generate milestones from type") && m) regenerate(s, r, *m);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        MilestoneOffsets o = milestone_offsets(s.doc.plan.settings, r.type);
        ImGui::SetTooltip("%s: planning %d, feature freeze %d, code freeze %d days before the release (notice %d);\n"
                          "weekends and holidays move a milestone to the business day before.%s",
                          std::string(to_string(r.type)).c_str(), o.planning_start_days, o.feature_freeze_days,
                          o.code_freeze_days, o.notice_days, r.release_date ? "" : "\nSet a release date first.");
    }
    if (s.editor.milestone_prompt == r.id && m) {
        ImGui::TextColored(orange, "The type is now %s, but the milestone dates were set by hand.", std::string(to_string(r.type)).c_str());
        if (ImGui::Button("Regenerate for the new type")) regenerate(s, r, *m);
        ImGui::SameLine();
        if (ImGui::Button("Keep my dates")) s.editor.milestone_prompt.clear();
    }
    edit_date(s, "Planning start", r.planning_start);
    next_date_field_beside("Feature freeze");
    edit_date(s, "Feature freeze", r.feature_freeze);
    next_date_field_beside("Code freeze");
    edit_date(s, "Code freeze", r.code_freeze);
    if (r.type == ReleaseType::security) edit_date(s, "Embargo until", r.embargo_until);
    if (m) milestone_table(s, r, *m);
    else if (!r.release_date) ImGui::TextDisabled("Set a release date to see the milestones its type calls for.");
}

}  // namespace relplan::ui::editor

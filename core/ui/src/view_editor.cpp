// The selected release's editor: the release lifecycle, one collapsing section per stage.
#include "views.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

namespace relplan::ui {

namespace {

void section_scope(App::State& s, Release& r) {
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    edit_text(s, "Name", r.name);
    edit_enum(s, "Type", r.type);
    edit_enum(s, "Status", r.status);
    edit_text(s, "Theme", r.theme);
    edit_text(s, "Release branch", r.branch, "release/2.0.0");
    edit_text(s, "Environment", r.environment, "production");
    ImGui::PopItemWidth();
    ImGui::TextUnformatted("Components");
    for (const auto& c : s.doc.plan.components) {
        bool on = std::find(r.components.begin(), r.components.end(), c.id) != r.components.end();
        ImGui::SameLine();
        if (ImGui::Checkbox(c.name.empty() ? c.id.c_str() : c.name.c_str(), &on)) {
            if (on)
                r.components.push_back(c.id);
            else
                r.components.erase(std::remove(r.components.begin(), r.components.end(), c.id), r.components.end());
            s.doc.touch();
        }
    }
    ImGui::TextUnformatted("Objectives (one per line)");
    edit_lines(s, "##objectives", r.objectives);
    ImGui::TextUnformatted("Summary (hand-written; notes generation never overwrites it)");
    edit_multiline(s, "##summary", r.summary, 4.0f);
}

void section_version(App::State& s, Release& r) {
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.4f);
    edit_text(s, "Version", r.version, r.calver_scheme ? "2026.11.0" : "2.0.0");
    bool calver = r.calver_scheme.has_value();
    if (ImGui::Checkbox("CalVer", &calver)) {
        if (calver)
            r.calver_scheme = "YYYY.0M.MICRO";
        else
            r.calver_scheme.reset();
        s.doc.touch();
    }
    if (r.calver_scheme) {
        ImGui::SameLine();
        edit_text(s, "Scheme", *r.calver_scheme, "YY.0M.MICRO");
    }
    ImGui::PopItemWidth();
}

void section_timeline(App::State& s, Release& r) {
    edit_date(s, "Planning start", r.planning_start);
    edit_date(s, "Feature freeze", r.feature_freeze);
    edit_date(s, "Code freeze", r.code_freeze);
    edit_date(s, "Release date", r.release_date);
    if (r.type == ReleaseType::security) edit_date(s, "Embargo until", r.embargo_until);
}

void section_changes(App::State& s, Release& r) {
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable;
    int remove = -1, move_up = -1;
    if (ImGui::BeginTable("##changes", 6, flags)) {
        ImGui::TableSetupColumn("Category", ImGuiTableColumnFlags_WidthFixed, 150 * s.config.ui_scale);
        ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Ref", ImGuiTableColumnFlags_WidthFixed, 110 * s.config.ui_scale);
        ImGui::TableSetupColumn("Audience", ImGuiTableColumnFlags_WidthFixed, 110 * s.config.ui_scale);
        ImGui::TableSetupColumn("Impact / workaround", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, 56 * s.config.ui_scale);
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.changes.size()); ++i) {
            Change& c = r.changes[i];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##cat", c.category);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##desc", c.description);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##ref", c.ref_id, "#123");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##aud", c.audience);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##impact", c.impact, "impact");
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##work", c.workaround, "workaround");
            ImGui::TableNextColumn();
            if (ImGui::ArrowButton("##up", ImGuiDir_Up)) move_up = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move up");
            ImGui::SameLine();
            if (ImGui::SmallButton("x")) remove = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this change");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        r.changes.erase(r.changes.begin() + remove);
        s.doc.touch();
    }
    if (move_up > 0) {
        std::swap(r.changes[move_up], r.changes[move_up - 1]);
        s.doc.touch();
    }
    if (ImGui::Button("Add change")) {
        Change c;
        for (int n = static_cast<int>(r.changes.size()) + 1;; ++n) {
            c.id = r.id + "-c" + std::to_string(n);
            if (std::none_of(r.changes.begin(), r.changes.end(), [&](const Change& x) { return x.id == c.id; })) break;
        }
        c.added_on = today();
        r.changes.push_back(std::move(c));
        s.doc.touch();
    }
}

void section_gates(App::State& s, Release& r) {
    for (int i = 0; i < static_cast<int>(r.quality_gates.size()); ++i) {
        QualityGate& g = r.quality_gates[i];
        ImGui::PushID(i);
        ImGui::SetNextItemWidth(130 * s.config.ui_scale);
        edit_enum(s, "##kind", g.kind);
        ImGui::SameLine();
        edit_bool(s, "required", g.required);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * s.config.ui_scale);
        edit_enum(s, "##status", g.status);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160 * s.config.ui_scale);
        edit_text(s, "##approver", g.approver, "approved by");
        ImGui::SameLine();
        edit_date(s, "##approved_on", g.approved_on);
        ImGui::PopID();
    }
    if (ImGui::Button("Add gate")) {
        r.quality_gates.push_back(QualityGate{});
        s.doc.touch();
    }
}

}  // namespace

void draw_release_editor(App::State& s) {
    Release* r = selected_release(s);
    if (!r) {
        ImGui::TextDisabled("No release selected. Pick one on the left or add one with +.");
        return;
    }
    ImGui::PushID(r->id.c_str());
    ImGui::TextColored(status_color(r->status), "●");
    ImGui::SameLine();
    ImGui::Text("%s %s", r->name.c_str(), r->version.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", r->id.c_str());
    if (ImGui::CollapsingHeader("Scope", ImGuiTreeNodeFlags_DefaultOpen)) section_scope(s, *r);
    if (ImGui::CollapsingHeader("Version", ImGuiTreeNodeFlags_DefaultOpen)) section_version(s, *r);
    if (ImGui::CollapsingHeader("Timeline", ImGuiTreeNodeFlags_DefaultOpen)) section_timeline(s, *r);
    if (ImGui::CollapsingHeader("Changes", ImGuiTreeNodeFlags_DefaultOpen)) section_changes(s, *r);
    if (ImGui::CollapsingHeader("Quality gates and approvals")) section_gates(s, *r);
    ImGui::PopID();
}

}  // namespace relplan::ui

// Release editor: risks, quality gates and approvals, and the notes content (upgrade steps, known
// issues, contributors).
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

// ---- risks --------------------------------------------------------------------------------------

ImVec4 level_color(int score) {
    if (score >= 9) return red;
    if (score >= 4) return orange;
    return green;
}

}  // namespace

void section_risks(App::State& s, Release& r) {
    int remove = -1;
    if (!r.risks.empty() &&
        ImGui::BeginTable("##risks", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Risk", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Likelihood / impact", ImGuiTableColumnFlags_WidthFixed, px(s, 120));
        ImGui::TableSetupColumn("Mitigation", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.risks.size()); ++i) {
            Risk& k = r.risks[i];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            int score = (static_cast<int>(k.likelihood) + 1) * (static_cast<int>(k.impact) + 1);
            ImGui::TextColored(level_color(score), "score %d", score);
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##desc", k.description, "what could go wrong");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##like", k.likelihood);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Likelihood");
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##impact", k.impact);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Impact");
            ImGui::TableNextColumn();
            edit_multiline(s, "##mit", k.mitigation, 2.0f);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##owner", k.owner, "owner");
            ImGui::TableNextColumn();
            if (remove_button("risk")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    remove_then_add(s, r.risks, remove, "Add risk");
    std::int64_t open = std::count_if(r.risks.begin(), r.risks.end(), [](const Risk& k) { return k.mitigation.empty(); });
    if (open) {
        ImGui::SameLine();
        ImGui::TextColored(orange, "%d risk(s) without a mitigation", static_cast<int>(open));
    }
}

namespace {

// ---- quality gates --------------------------------------------------------------------------------

ImVec4 gate_color(GateStatus st) {
    switch (st) {
    case GateStatus::passed: return green;
    case GateStatus::failed: return red;
    case GateStatus::waived: return orange;
    case GateStatus::pending: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

std::vector<GateKind> usual_gates(ReleaseType t) {
    switch (t) {
    case ReleaseType::major: return all_values<GateKind>();
    case ReleaseType::minor: return {GateKind::unit, GateKind::integration, GateKind::system, GateKind::uat};
    case ReleaseType::patch: return {GateKind::unit, GateKind::integration};
    case ReleaseType::hotfix: return {GateKind::unit};
    case ReleaseType::security: return {GateKind::unit, GateKind::security};
    }
    return {};
}

void gate_row(App::State& s, QualityGate& g, int i, int& remove) {
    ImGui::PushID(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##kind", g.kind);
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##name", g.name, "label (optional)");
    ImGui::TableNextColumn();
    edit_bool(s, "required", g.required);
    ImGui::PushStyleColor(ImGuiCol_Text, gate_color(g.status));
    ImGui::SetNextItemWidth(-1);
    GateStatus before = g.status;
    if (edit_enum(s, "##status", g.status) && g.status != GateStatus::pending && before == GateStatus::pending && !g.approved_on)
        g.approved_on = today();
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##approver", g.approver, "approved by");
    edit_date(s, "##approved_on", g.approved_on);
    if (g.status == GateStatus::waived && g.approver.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(orange, "who waived it?");
    }
    ImGui::TableNextColumn();
    edit_multiline(s, "##notes", g.notes, 2.0f);
    ImGui::TableNextColumn();
    if (remove_button("gate")) remove = i;
    ImGui::PopID();
}

}  // namespace

void section_gates(App::State& s, Release& r) {
    std::vector<std::string> blockers = gate_blockers(r);
    if (s.editor.refusal_release == r.id && !s.editor.refusal.empty() && !blockers.empty()) {
        ImGui::TextColored(red, "%s", s.editor.refusal.front().c_str());
        for (const std::string& b : blockers) ImGui::BulletText("%s", b.c_str());
    } else if (needs_gates(r.status) && !blockers.empty()) {
        ImGui::TextColored(red, "This release is %s although:", std::string(to_string(r.status)).c_str());
        for (const std::string& b : blockers) ImGui::BulletText("%s", b.c_str());
    } else if (!blockers.empty()) {
        ImGui::TextColored(orange, "%d required gate(s) block approval.", static_cast<int>(blockers.size()));
    } else if (!r.quality_gates.empty()) {
        ImGui::TextColored(green, "Every required gate passed or was waived: the release may be approved.");
    }
    int remove = -1;
    if (!r.quality_gates.empty() &&
        ImGui::BeginTable("##gates", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Gate", ImGuiTableColumnFlags_WidthFixed, px(s, 140));
        ImGui::TableSetupColumn("Required / status", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("Approval", ImGuiTableColumnFlags_WidthFixed, px(s, 150));
        ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.quality_gates.size()); ++i) gate_row(s, r.quality_gates[i], i, remove);
        ImGui::EndTable();
    }
    remove_then_add(s, r.quality_gates, remove, "Add gate");
    ImGui::SameLine();
    if (ImGui::Button("Add the usual gates")) {
        for (GateKind k : usual_gates(r.type)) {
            bool has = std::any_of(r.quality_gates.begin(), r.quality_gates.end(), [&](const QualityGate& g) { return g.kind == k; });
            if (has) continue;
            QualityGate g;
            g.kind = k;
            r.quality_gates.push_back(g);
        }
        commit_now(s);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Testing a %s release usually takes: unit%s", std::string(to_string(r.type)).c_str(),
                          r.type == ReleaseType::major ? ", integration, system, performance, security, UAT"
                          : r.type == ReleaseType::minor ? ", integration, system, UAT"
                          : r.type == ReleaseType::patch ? ", integration"
                          : r.type == ReleaseType::security ? ", security"
                                                           : "");
}

// ---- notes content --------------------------------------------------------------------------------

void section_notes_content(App::State& s, Release& r) {
    ImGui::TextUnformatted("Upgrade instructions (one step per line, Markdown)");
    edit_lines(s, "##upgrade", r.upgrade_instructions);
    ImGui::TextUnformatted("Known issues");
    int remove = -1;
    for (int i = 0; i < static_cast<int>(r.known_issues.size()); ++i) {
        KnownIssue& k = r.known_issues[i];
        ImGui::PushID(i);
        float w = (ImGui::GetContentRegionAvail().x - px(s, 30)) / 4.0f;
        ImGui::SetNextItemWidth(w * 1.5f);
        edit_text(s, "##desc", k.description, "issue");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w * 1.5f);
        edit_text(s, "##work", k.workaround, "workaround");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w - ImGui::GetStyle().ItemSpacing.x * 2);
        edit_text(s, "##ref", k.ref_id, "#123");
        ImGui::SameLine();
        if (remove_button("known issue")) remove = i;
        ImGui::PopID();
    }
    remove_then_add(s, r.known_issues, remove, "Add known issue");
    ImGui::TextUnformatted("Contributors (one per line)");
    edit_lines(s, "##contributors", r.contributors);
}

}  // namespace relplan::ui::editor

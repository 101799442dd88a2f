// The selected release's editor: the release lifecycle, one collapsing section per stage, with the
// notes preview in a column beside it when the window is wide enough.
//
// Every field edit goes through widgets.hpp (one undo step per edit); buttons that change the plan
// call touch() and commit() themselves. Two rules are enforced here rather than in the plan model,
// because they are about moving a release forward, not about what a file may contain: a release
// cannot enter approved/frozen/released while a required gate is failed or pending, and milestones
// follow a type change unless their dates were set by hand (then the editor asks).
#include "views/editor/editor_sections.hpp"
#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace relplan::ui {

namespace {

using namespace editor;

void header_line(App::State& s, const Release& r, bool can_split) {
    ImGui::TextColored(status_color(r.status), "●");
    ImGui::SameLine();
    ImGui::Text("%s %s", r.name.c_str(), r.version.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s, %s)", r.id.c_str(), std::string(to_string(r.type)).c_str());
    if (can_split && !s.notes.beside_editor) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Notes preview").x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::SmallButton("Notes preview")) s.notes.beside_editor = true;
        tooltip("Show the release notes beside the editor");
    }
}

void draw_sections(App::State& s, Release& r) {
    if (ImGui::CollapsingHeader("Scope", ImGuiTreeNodeFlags_DefaultOpen)) section_scope(s, r);
    if (ImGui::CollapsingHeader("Version", ImGuiTreeNodeFlags_DefaultOpen)) section_version(s, r);
    if (ImGui::CollapsingHeader("Timeline", ImGuiTreeNodeFlags_DefaultOpen)) section_timeline(s, r);
    if (ImGui::CollapsingHeader("Changes", ImGuiTreeNodeFlags_DefaultOpen)) section_changes(s, r);
    if (ImGui::CollapsingHeader("Consumers and impact", s.doc.plan.consumers.empty() ? 0 : ImGuiTreeNodeFlags_DefaultOpen))
        section_consumers(s, r);
    if (ImGui::CollapsingHeader("Stakeholders and communication")) section_communication(s, r);
    if (ImGui::CollapsingHeader("Risks and mitigations")) section_risks(s, r);
    // A refused status change opens the gates so what blocks it is in view.
    const bool reveal = s.editor.reveal_gates;
    if (reveal) ImGui::SetNextItemOpen(true);
    s.editor.reveal_gates = false;
    if (ImGui::CollapsingHeader("Quality gates and approvals")) {
        if (reveal) ImGui::SetScrollHereY(0.1f);
        section_gates(s, r);
    }
    if (ImGui::CollapsingHeader("Upgrade steps, known issues, contributors")) section_notes_content(s, r);
    const bool deployment = ImGui::CollapsingHeader("Deployment and rollback");
    anchor("editor.section.deployment");
    if (deployment) section_deployment(s, r);
    if (ImGui::CollapsingHeader("Post-release review")) section_review(s, r);
}

}  // namespace

void draw_release_editor(App::State& s) {
    git_log_dialog(s);
    Release* r = selected_release(s);
    if (!r) {
        ImGui::TextDisabled("No release selected. Pick one on the left or add one with +.");
        return;
    }
    // The notes column appears beside the editor once both fit; narrower windows keep the Notes tab.
    const bool can_split = ImGui::GetContentRegionAvail().x >= 1050.0f * s.config.ui_scale;
    ImGui::PushID(r->id.c_str());
    header_line(s, *r, can_split);
    if (can_split && s.notes.beside_editor) {
        float w = ImGui::GetContentRegionAvail().x * 0.58f;
        ImGui::BeginChild("##editor_column", ImVec2(w, 0));
        draw_sections(s, *r);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##notes_column", ImVec2(0, 0));
        draw_notes_beside_editor(s);
        ImGui::EndChild();
    } else {
        draw_sections(s, *r);
    }
    ImGui::PopID();
}

}  // namespace relplan::ui
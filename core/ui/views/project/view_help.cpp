#include "views/project/project.hpp"

#include "app/test_anchors.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace relplan::ui {

namespace {

constexpr const char* kShortcuts[][2] = {
    {"Ctrl+N", "New plan"},
    {"Ctrl+O", "Open a plan file"},
    {"Ctrl+S / Ctrl+Shift+S", "Save / Save as (Download in the page)"},
    {"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo a plan edit (in a text field: the text only)"},
    {"Enter / Escape", "Confirm / cancel a dialog (Ctrl+Enter where a field takes several lines)"},
    {"Right click on a release", "Duplicate, move (what-if preview), copy version, delete; in the list, Calendar and Timeline"},
    {"Arrows, PageUp/PageDown, Home/End", "Move in the date picker; Enter picks"},
    {"T (calendar)", "Jump to today"},
    {"Mouse wheel (timeline)", "Zoom; drag a bar to move a release (what-if preview)"},
    {"F1", "This help"},
};

constexpr const char* kTour[] = {
    "Project > Project settings: name the project, set its time zone, add its components and their owners, "
    "stakeholders, holidays and blackouts.",
    "Project > Release trains: plan a train (e.g. monthly on the 2nd Tuesday, code freeze 3 days before), "
    "check the preview, Apply.",
    "Release > New release for a hotfix; set its date with the picker beside the date field.",
    "Add changes in the Release tab; the Notes tab shows the notes for each audience, rendered and as source.",
    "Calendar and Timeline show every milestone and the conflicts; drag to try another date.",
    "File > Save (or Copy share link in the page) to keep and share the plan.",
};

}  // namespace

void draw_help_window(App::State& s) {
    if (!s.project.help_open) return;
    // Tall enough for the tour, the shortcuts and Close without scrolling.
    if (!begin_window(s, "Help", s.project.help_open, 680, 640)) return;
    ImGui::Text("Release Planner %s", RELPLAN_VERSION);
    ImGui::TextDisabled("Plans, calendars, versions and release notes, all on your machine. Dear ImGui %s", IMGUI_VERSION);
    section_title("Getting started");
    for (std::size_t i = 0; i < sizeof kTour / sizeof kTour[0]; ++i) {
        ImGui::Text("%d.", static_cast<int>(i + 1));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", kTour[i]);
    }
    section_title("Keyboard shortcuts");
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const auto& k : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k[0]);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", k[1]);
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Close") || (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                                   ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        s.project.help_open = false;
    anchor("help.close");
    ImGui::End();
}

}  // namespace relplan::ui

// The merge conflicts window: every conflict a merge recorded in the plan (plan.conflicts, written by
// `relplan merge` as git's merge driver or by "Merge into my plan"), with the base, your and their
// value side by side; picking one settles it (team/resolve.hpp) as one undo step. The window opens by
// itself while the plan has conflicts, until the user closes it.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "app/test_anchors.hpp"
#include "team/resolve.hpp"

#include <imgui.h>

#include <cstdlib>

namespace relplan::ui {

namespace {

// "/releases/3/name" -> "Web console 3.11.0 › name"; other pointers as they are.
std::string place(const Plan& plan, const std::string& pointer) {
    const std::string prefix = "/releases/";
    if (pointer.rfind(prefix, 0) != 0) return pointer;
    const std::size_t end = std::min(pointer.find('/', prefix.size()), pointer.size());
    const std::size_t i = std::strtoul(pointer.c_str() + prefix.size(), nullptr, 10);
    if (i >= plan.releases.size()) return pointer;
    const Release& r = plan.releases[i];
    std::string label = r.name.empty() ? r.id : r.name;
    if (!r.version.empty()) label += " " + r.version;
    return end < pointer.size() ? label + " › " + pointer.substr(end + 1) : label;
}

void settle(App::State& s, std::size_t index, ConflictSide side) {
    auto settled = resolve_conflict(s.doc.plan, index, side);
    if (!settled) {
        s.messages.push_back({"That value cannot be taken (the plan is unchanged)", {settled.error().message}});
        return;
    }
    s.doc.plan = std::move(*settled);
    s.doc.touch();
    s.doc.commit();
}

void side_cell(App::State& s, std::size_t i, const std::optional<std::string>& value, ConflictSide side, const char* button,
               const char* anchor_suffix) {
    ImGui::TableNextColumn();
    if (!value && side == ConflictSide::base) {  // a two-way merge, or a value both sides added
        ImGui::TextDisabled("(not in the common version)");
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    if (value) ImGui::TextUnformatted(value->c_str());
    else ImGui::TextDisabled("(removed on this side)");
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(button)) settle(s, i, side);
    anchor("conflict." + std::to_string(i) + anchor_suffix);
}

}  // namespace

void draw_merge_conflicts(App::State& s) {
    auto& list = s.doc.plan.conflicts;
    if (list.empty()) {
        s.compare.conflicts_hidden = false;
        return;
    }
    if (s.compare.conflicts_hidden) return;
    bool open = true;
    ImGui::SetNextWindowSize(ImVec2(760 * s.config.ui_scale, 360 * s.config.ui_scale), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Merge conflicts", &open)) {
        ImGui::Text("%d %s left by a merge. Pick the value to keep for each.", static_cast<int>(list.size()),
                    list.size() == 1 ? "value was changed on both sides and is" : "values were changed on both sides and are");
        anchor("conflicts.window");
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                      ImGuiTableFlags_ScrollY;
        if (ImGui::BeginTable("##conflicts", 4, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            header_row({"Where", "Base", "Yours", "Theirs"});
            // A click settles one conflict and shortens the list: the rest waits for the next frame.
            for (std::size_t i = 0; i < list.size(); ++i) {
                const MergeConflict c = list[i];
                const std::size_t before = list.size();
                ImGui::PushID(static_cast<int>(i));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", place(s.doc.plan, c.pointer).c_str());
                side_cell(s, i, c.base, ConflictSide::base, "Take base", ".base");
                side_cell(s, i, c.ours, ConflictSide::ours, "Keep yours", ".ours");
                side_cell(s, i, c.theirs, ConflictSide::theirs, "Take theirs", ".theirs");
                ImGui::PopID();
                if (list.size() != before) break;
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
    if (!open) s.compare.conflicts_hidden = true;
}

}  // namespace relplan::ui

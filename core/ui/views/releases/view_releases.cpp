// The release list: filters, search and selection.
#include "app/release_commands.hpp"
#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/overdue.hpp"

#include <imgui_internal.h>  // RenderTextEllipsis: a long row ends in an ellipsis
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

namespace relplan::ui {

namespace {
bool contains_nocase(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

template <class E>
void filter_combo(const char* label, int& index, float width) {
    const auto& values = all_values<E>();
    std::string preview = index < 0 ? std::string("any ") + label : std::string(to_string(values[index]));
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo((std::string("##") + label).c_str(), preview.c_str())) {
        if (ImGui::Selectable((std::string("any ") + label).c_str(), index < 0)) index = -1;
        for (int i = 0; i < static_cast<int>(values.size()); ++i)
            if (ImGui::Selectable(std::string(to_string(values[i])).c_str(), index == i)) index = i;
        ImGui::EndCombo();
    }
}
// The impact column: how many consumers must act on this release, else how many receive it, at the
// right end of the row's first line. An invisible item under it carries the test anchor.
// One line of a row, ending in an ellipsis where the list is too narrow for it (the tooltip has it whole).
void row_text(ImDrawList* dl, ImVec2 at, float right, float line, ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(dl, at, ImVec2(right, at.y + line), right, right, text.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
}

void impact_badge(App::State& s, const Release& r, ImVec2 row, float line) {
    const ReleaseImpact* impact = impact_for(s, r);
    if (!impact) return;
    const ImpactSummary& sum = impact->summary;
    const bool act = sum.must_act > 0;
    if (!act && sum.receives == 0) return;
    const std::string text = act ? std::to_string(sum.must_act) + " must act" : std::to_string(sum.receives) + " receive";
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at(row.x + ImGui::GetContentRegionAvail().x - size.x - 4.0f * s.config.ui_scale, row.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(at.x - 3.0f, at.y), ImVec2(at.x + size.x + 3.0f, at.y + line - 2.0f),
                      ImGui::GetColorU32(ImGuiCol_WindowBg), 3.0f);
    dl->AddText(at, act ? ImGui::GetColorU32(impact_color(ImpactKind::cut_off)) : ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
    const ImVec2 resume = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(size);
    anchor("release." + r.id + ".impact");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", to_string(sum).c_str());
    ImGui::SetCursorScreenPos(resume);
}
}  // namespace

void draw_release_list(App::State& s) {
    Filters& f = s.filters;
    ImGui::TextUnformatted(s.doc.plan.project.name.empty() ? "Releases" : s.doc.plan.project.name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() + ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight(), 0))) add_release(s);
    anchor("releases.add");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a release (Release > New release)");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search name, version, theme…", &f.search);
    anchor("releases.search");
    // Both combos share the row equally (measured once, before the first one takes its half).
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    filter_combo<ReleaseStatus>("status", f.status, half);
    ImGui::SameLine();
    filter_combo<ReleaseType>("type", f.type, half);
    ImGui::SetNextItemWidth(-1);
    const Component* comp = find_component(s.doc.plan, f.component);
    if (ImGui::BeginCombo("##component", comp ? comp->name.c_str() : "any component")) {
        if (ImGui::Selectable("any component", f.component.empty())) f.component.clear();
        for (const auto& c : s.doc.plan.components)
            if (ImGui::Selectable(c.name.empty() ? c.id.c_str() : c.name.c_str(), f.component == c.id)) f.component = c.id;
        ImGui::EndCombo();
    }
    ImGui::Separator();

    std::vector<int> shown;
    const auto& rs = s.doc.plan.releases;
    for (int i = 0; i < static_cast<int>(rs.size()); ++i) {
        const Release& r = rs[i];
        if (f.status >= 0 && r.status != all_values<ReleaseStatus>()[f.status]) continue;
        if (f.type >= 0 && r.type != all_values<ReleaseType>()[f.type]) continue;
        if (!f.component.empty() && std::find(r.components.begin(), r.components.end(), f.component) == r.components.end()) continue;
        if (!contains_nocase(r.name, f.search) && !contains_nocase(r.version, f.search) && !contains_nocase(r.theme, f.search) &&
            !contains_nocase(r.id, f.search))
            continue;
        shown.push_back(i);
    }
    const Date now = today();
    ImGui::BeginChild("##list");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()), ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Release& r = rs[shown[row]];
            ImGui::PushID(r.id.c_str());
            bool selected = r.id == s.selected_release;
            ImVec2 start = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##row", selected, 0, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 2.0f))) {
                s.selected_release = r.id;
                s.select_tab(Tab::release);
            }
            const bool hovered = ImGui::IsItemHovered();
            anchor("release." + r.id);
            if (ImGui::BeginPopupContextItem("##menu")) {
                s.selected_release = r.id;
                release_context_menu(s, r.id);
                ImGui::EndPopup();
            }
            ImDrawList* dl = ImGui::GetWindowDrawList();
            float line = ImGui::GetTextLineHeightWithSpacing();
            dl->AddRectFilled(start, ImVec2(start.x + 4 * s.config.ui_scale, start.y + line * 2.0f),
                              ImGui::GetColorU32(status_color(r.status)));
            std::string title = r.name.empty() ? r.id : r.name;
            if (!r.version.empty()) title += "  " + r.version;
            const float right = start.x + ImGui::GetContentRegionAvail().x;
            row_text(dl, ImVec2(start.x + 10 * s.config.ui_scale, start.y), right, line, ImGui::GetColorU32(ImGuiCol_Text),
                     title);
            impact_badge(s, r, start, line);
            std::string sub = std::string(to_string(r.type)) + " · " + std::string(to_string(r.status));
            if (r.release_date) sub += " · " + date_text(*r.release_date);
            // The list is narrow: the row leads with "overdue 3d", what must not be cut off; its tooltip
            // has both lines in full.
            std::string full = sub;
            if (const int late = days_overdue(r, now)) {
                sub = "overdue " + std::to_string(late) + "d · " + sub;
                full += " · overdue " + std::to_string(late) + (late == 1 ? " day" : " days");
                anchor("release." + r.id + ".overdue");
            }
            if (hovered) ImGui::SetTooltip("%s\n%s", title.c_str(), full.c_str());
            const bool late = is_overdue(r, now);
            row_text(dl, ImVec2(start.x + 10 * s.config.ui_scale, start.y + line), right, line,
                     late ? ImGui::GetColorU32(ImVec4(0.85f, 0.25f, 0.2f, 1.0f)) : ImGui::GetColorU32(ImGuiCol_TextDisabled), sub);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace relplan::ui

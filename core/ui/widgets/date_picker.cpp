#include "widgets/date_picker.hpp"

#include "app/test_anchors.hpp"
#include "widgets/widgets.hpp"
#include "views/views.hpp"  // CalendarColors: the picker marks days like the calendar does

#include "calendar/month_grid.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // LastItemData: the field, not the button, stays the item anchors name

#include <cstdio>
#include <string>

namespace relplan::ui {

namespace {

using namespace std::chrono;

bool in_periods(const std::vector<Period>& periods, const Date& d) {
    for (const Period& p : periods)
        if (p.start.ok() && p.end.ok() && !(d < p.start) && !(p.end < d)) return true;
    return false;
}

bool key(ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); }

std::optional<DayMove> key_move() {
    if (key(ImGuiKey_LeftArrow)) return DayMove::prev_day;
    if (key(ImGuiKey_RightArrow)) return DayMove::next_day;
    if (key(ImGuiKey_UpArrow)) return DayMove::prev_week;
    if (key(ImGuiKey_DownArrow)) return DayMove::next_week;
    if (key(ImGuiKey_PageUp)) return DayMove::prev_month;
    if (key(ImGuiKey_PageDown)) return DayMove::next_month;
    if (key(ImGuiKey_Home)) return DayMove::week_start;
    if (key(ImGuiKey_End)) return DayMove::week_end;
    return std::nullopt;
}

bool draw_grid(App::State& s, std::optional<Date>& value) {
    Date& c = s.date_picker_cursor;
    const Date now = today();
    const float sc = s.config.ui_scale;
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) c = move_day(c, DayMove::prev_month);
    ImGui::SameLine();
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    ImGui::Text("%s %d", months[static_cast<unsigned>(c.month()) - 1], static_cast<int>(c.year()));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) c = move_day(c, DayMove::next_month);
    ImGui::SameLine();
    if (ImGui::SmallButton("Today")) c = now;
    anchor("datepicker.today");

    bool picked = false;
    const MonthGrid g = month_grid(c.year() / c.month());
    const CalendarColors& colors = calendar_colors(s.dark);
    if (ImGui::BeginTable("##grid", 8, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("Wk");
        for (const char* d : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", d);
        }
        for (std::size_t w = 0; w < 6; ++w) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();  // level with the day buttons' labels
            ImGui::TextDisabled("%2u", g.weeks[w]);
            for (std::size_t i = 0; i < 7; ++i) {
                const Date d = g.days[w * 7 + i];
                ImGui::TableNextColumn();
                const bool other = d.month() != c.month();
                const bool holiday = in_periods(s.doc.plan.holidays, d);
                const bool blackout = in_periods(s.doc.plan.blackouts, d);
                const bool chosen = value && *value == d;
                ImVec4 bg = chosen ? colors.selection : blackout ? colors.blackout : holiday ? colors.holiday
                                                                  : d == c ? colors.today : ImVec4(0, 0, 0, 0);
                if (d == c) bg.w = std::max(bg.w, 0.55f);
                ImGui::PushStyleColor(ImGuiCol_Button, bg);
                if (other) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                char label[24];
                std::snprintf(label, sizeof label, "%2u##%s", static_cast<unsigned>(d.day()), date_text(d).c_str());
                if (ImGui::Button(label, ImVec2(28 * sc, 0))) {
                    value = d;
                    picked = true;
                }
                if (other) ImGui::PopStyleColor();
                ImGui::PopStyleColor();
                if (d == now) {  // today: a ring
                    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                        ImGui::GetColorU32(ImVec4(0.9f, 0.4f, 0.1f, 1)), 3 * sc, 0, 1.5f * sc);
                }
                anchor("datepicker.day." + date_text(d));
                if (ImGui::IsItemHovered() && (holiday || blackout))
                    ImGui::SetTooltip("%s", blackout ? "Blackout: no deployments" : "Holiday");
            }
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("Arrows, PageUp/PageDown, Home/End; Enter picks, Esc closes");
    if (auto m = key_move()) c = move_day(c, *m);
    if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) {
        value = c;
        picked = true;
    }
    return picked;
}

}  // namespace

bool date_picker(App::State& s, const char* id, std::optional<Date>& value) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiLastItemData field = g.LastItemData;
    ImGui::SameLine(0, 2 * s.config.ui_scale);
    ImGui::PushID(id);
    const bool open_now = ImGui::ArrowButton("##pick", ImGuiDir_Down);
    anchor_companion(field.ID, ".picker");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick a date");
    if (open_now) {
        s.date_picker_cursor = value && value->ok() ? *value : today();
        ImGui::OpenPopup("##datepicker");
    }
    bool picked = false;
    if (ImGui::BeginPopup("##datepicker")) {
        picked = draw_grid(s, value);
        if (picked || key(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    g.LastItemData = field;
    if (picked) s.doc.touch();
    return picked;
}

}  // namespace relplan::ui

// The calendar: month grid, week and agenda views over releases, milestones, change windows,
// holidays and blackouts; plus the schedule index and the helpers the timeline shares.
//
// Every view reads the ScheduleIndex (events sorted by day), so a frame touches only the days on
// screen: a binary search finds the first visible event and drawing stops at the last visible day.
#include "views/calendar/calendar_draw.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "base/tz.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <queue>

namespace relplan::ui {

namespace {

using namespace cal;

std::int32_t add_months(std::int32_t day, int months) {
    const Date d = date_of_day(day);
    Date moved = Date{d.year(), d.month(), std::chrono::day{1}} + std::chrono::months{months};
    const unsigned last = static_cast<unsigned>((moved.year() / moved.month() / std::chrono::last).day());
    return day_number(Date{moved.year(), moved.month(), std::chrono::day{std::min(static_cast<unsigned>(d.day()), last)}});
}

void keyboard(App::State& s, std::int32_t& cursor) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    const bool agenda = s.calendar.mode == CalendarMode::agenda;
    if (pressed(ImGuiKey_LeftArrow)) cursor -= 1;
    if (pressed(ImGuiKey_RightArrow)) cursor += 1;
    if (pressed(ImGuiKey_UpArrow)) cursor -= agenda ? 1 : 7;
    if (pressed(ImGuiKey_DownArrow)) cursor += agenda ? 1 : 7;
    if (pressed(ImGuiKey_PageUp)) cursor = add_months(cursor, -1);
    if (pressed(ImGuiKey_PageDown)) cursor = add_months(cursor, 1);
    if (ImGui::IsKeyPressed('T', false)) cursor = day_number(today());
    if (pressed(ImGuiKey_Enter) && !s.selected_release.empty()) open_release_editor(s, s.selected_release);
    if (agenda && (pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageUp) ||
                   pressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed('T', false)))
        s.calendar.scroll_agenda = true;
}

}  // namespace

void draw_calendar(App::State& s) {
    const ScheduleIndex& idx = schedule_for(s);
    CalendarViewState& c = s.calendar;
    std::int32_t cursor = c.cursor.value_or(idx.today);
    const float scale = s.config.ui_scale;

    // Toolbar: mode, navigation, the period shown.
    auto mode_button = [&](const char* label, CalendarMode m) {
        const bool on = c.mode == m;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label)) {
            c.mode = m;
            c.scroll_agenda = c.scroll_week = true;
        }
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine(0, 2.0f * scale);
    };
    mode_button("Month", CalendarMode::month);
    mode_button("Week", CalendarMode::week);
    mode_button("Agenda", CalendarMode::agenda);
    ImGui::SameLine(0, 16.0f * scale);
    const int step_days = c.mode == CalendarMode::week ? 7 : 0;
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) cursor = step_days ? cursor - step_days : add_months(cursor, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(step_days ? "Previous week" : "Previous month (Page Up)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::Button("Today")) cursor = idx.today;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to today (T)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) cursor = step_days ? cursor + step_days : add_months(cursor, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(step_days ? "Next week" : "Next month (Page Down)");
    ImGui::SameLine(0, 16.0f * scale);
    const Date cd = date_of_day(cursor);
    if (c.mode == CalendarMode::week) {
        const std::int32_t first = cursor - weekday_index(cursor);
        const Date a = date_of_day(first), b = date_of_day(first + 6);
        ImGui::Text("Week of %u %s %d – %u %s %d", static_cast<unsigned>(a.day()), month_long[static_cast<unsigned>(a.month()) - 1],
                    static_cast<int>(a.year()), static_cast<unsigned>(b.day()), month_long[static_cast<unsigned>(b.month()) - 1],
                    static_cast<int>(b.year()));
    } else if (c.mode == CalendarMode::month) {
        ImGui::Text("%s %d", month_long[static_cast<unsigned>(cd.month()) - 1], static_cast<int>(cd.year()));
    } else {
        ImGui::Text("From %s %s", weekday_short[weekday_index(cursor)], date_text(cd).c_str());
    }
    if (idx.unscheduled > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %d release%s without a date", idx.unscheduled, idx.unscheduled == 1 ? "" : "s");
    }
    ImGui::SameLine();
    help_marker("Click an entry to select it, double-click to open it in the editor.\n"
                "Drag a release onto another day to preview the move (Apply / Cancel).\n"
                "Double-click a day for a new release there; right-click a day for holidays and blackouts.\n"
                "Keys: arrows move the selected day, Page Up/Down change month, T = today, Enter opens the selected release.\n"
                "Change windows are shown in your time zone; hover for the window's own zone.");

    const float panel_h = s.conflict_panel ? std::max(ImGui::GetContentRegionAvail().y * 0.26f, 120.0f * scale)
                                           : ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##calendar_body", ImVec2(0, -(panel_h + ImGui::GetStyle().ItemSpacing.y)), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    keyboard(s, cursor);
    c.cursor = cursor;  // clicks in the view below may pick another day for the next frame
    switch (c.mode) {
    case CalendarMode::month: draw_month(s, idx, cursor); break;
    case CalendarMode::week: draw_week(s, idx, cursor); break;
    case CalendarMode::agenda: draw_agenda(s, idx, cursor); break;
    }
    ImGui::EndChild();
    draw_conflict_panel(s, panel_h);
    draw_move_preview(s);
    draw_period_dialog(s);
}

}  // namespace relplan::ui

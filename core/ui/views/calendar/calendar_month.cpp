// The calendar's month grid and agenda list.
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

namespace relplan::ui::cal {

void draw_month(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const Date cd = date_of_day(cursor);
    const std::int32_t first_of_month = day_number(Date{cd.year(), cd.month(), std::chrono::day{1}});
    const std::int32_t grid_first = first_of_month - weekday_index(first_of_month);
    const std::int32_t grid_last = grid_first + 41;
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float head_h = ImGui::GetFrameHeight();
    const float cell_w = std::floor(avail.x / 7.0f);
    const float cell_h = std::floor(std::max(avail.y - head_h, 6.0f * 3.0f * head_h) / 6.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = u32(colors.grid);
    for (int c = 0; c < 7; ++c) {
        ImVec2 p(origin.x + c * cell_w, origin.y);
        ImVec2 ts = ImGui::CalcTextSize(weekday_short[c]);
        dl->AddText(ImVec2(p.x + (cell_w - ts.x) * 0.5f, p.y + (head_h - ts.y) * 0.5f),
                    ImGui::GetColorU32(c >= 5 ? ImGuiCol_TextDisabled : ImGuiCol_Text), weekday_short[c]);
    }
    const std::vector<PeriodHit> periods = periods_between(s.doc.plan, grid_first, grid_last);
    auto [lo, hi] = events_between(idx, grid_first, grid_last);
    const float line_h = ImGui::GetTextLineHeight() + 2.0f * scale;
    const float pad = 3.0f * scale;
    std::size_t e = lo;
    for (std::int32_t day = grid_first; day <= grid_last; ++day) {
        const int cell = day - grid_first;
        ImVec2 a(origin.x + (cell % 7) * cell_w, origin.y + head_h + (cell / 7) * cell_h);
        ImVec2 b(a.x + cell_w, a.y + cell_h);
        std::vector<const PeriodHit*> names;
        day_background(s, periods, day, a, b, names);
        const Date date = date_of_day(day);
        const bool in_month = date.month() == cd.month();
        if (!in_month) dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.55f));
        dl->AddRect(a, ImVec2(b.x + 1.0f, b.y + 1.0f), grid);

        // Day number; today in a filled pill, the first of a month with its name.
        char label[32];
        if (static_cast<unsigned>(date.day()) == 1)
            std::snprintf(label, sizeof label, "%.3s %u", month_long[static_cast<unsigned>(date.month()) - 1], static_cast<unsigned>(date.day()));
        else
            std::snprintf(label, sizeof label, "%u", static_cast<unsigned>(date.day()));
        ImVec2 ls = ImGui::CalcTextSize(label);
        ImVec2 lp(a.x + pad + 2.0f * scale, a.y + pad);
        if (day == idx.today) {
            dl->AddRectFilled(ImVec2(lp.x - 3.0f * scale, lp.y - 1.0f), ImVec2(lp.x + ls.x + 3.0f * scale, lp.y + ls.y + 1.0f),
                              u32(colors.today), ls.y);
            dl->AddText(lp, IM_COL32(255, 255, 255, 255), label);
        } else {
            dl->AddText(lp, ImGui::GetColorU32(in_month ? ImGuiCol_Text : ImGuiCol_TextDisabled), label);
        }

        ImGui::PushID(day);
        float y = a.y + pad + line_h + pad * 0.5f;
        const float inner_w = cell_w - 2.0f * pad;
        const float bottom = b.y - pad;
        for (const PeriodHit* h : names) {
            if (y + line_h > bottom) break;
            period_line(s, *h, ImVec2(a.x + pad, y), inner_w, line_h);
            y += line_h;
        }
        std::size_t day_lo = e;
        while (e < hi && idx.events[e].day == day) ++e;
        // Periods are already listed above; releases first (reverse kind order), then milestones.
        std::vector<const CalendarEvent*> shown;
        for (std::size_t i = e; i > day_lo; --i)
            if (!is_period(idx.events[i - 1].kind)) shown.push_back(&idx.events[i - 1]);
        const int room = static_cast<int>((bottom - y) / line_h);
        const int total = static_cast<int>(shown.size());
        const int fit = total > room ? std::max(room - 1, 0) : total;
        for (int i = 0; i < fit; ++i) {
            event_item(s, *shown[i], ImVec2(a.x + pad, y), inner_w, line_h - 1.0f, true);
            y += line_h;
        }
        if (fit < total) {
            char more[32];
            std::snprintf(more, sizeof more, "+%d more", total - fit);
            ImGui::SetCursorScreenPos(ImVec2(a.x + pad, std::min(y, bottom - line_h)));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(more, false, 0, ImVec2(inner_w, line_h - 2.0f))) {
                s.calendar.cursor = day;
                ImGui::OpenPopup("##more");
            }
            ImGui::PopStyleColor();
        }
        more_popup(s, idx, day);

        // The cell itself, under the lines above: select, double-click for a new release, menu, drop.
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##cell", ImVec2(cell_w, cell_h));
        if (ImGui::IsItemClicked()) s.calendar.cursor = day;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) new_release_on(s, day, "");
        if (ImGui::IsItemHovered() && !ImGui::IsAnyItemActive() && names.empty() && total == 0)
            ImGui::SetTooltip("Double-click: new release on %s\nRight-click: more", date_text(date).c_str());
        day_menu(s, day);
        drop_target(s, day);
        if (day == cursor) dl->AddRect(ImVec2(a.x + 1.0f, a.y + 1.0f), b, u32(colors.selection), 0.0f, 0, 2.0f * scale);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + head_h + 6.0f * cell_h + 2.0f));
    ImGui::Dummy(ImVec2(7.0f * cell_w, 0.0f));
}

// A week: all-day lines (milestones, releases, holidays) over an hour grid with change windows.

void draw_agenda(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const auto& events = idx.events;
    if (events.empty()) {
        ImGui::TextDisabled("Nothing scheduled yet: give a release a date, or add holidays and blackouts.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##agenda", 4, flags)) return;
    const float scale = s.config.ui_scale;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, 150.0f * scale);
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, 130.0f * scale);
    ImGui::TableSetupColumn("Release / period", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Details", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    const std::size_t start = events_between(idx, cursor, cursor).first;
    if (s.calendar.scroll_agenda) {
        ImGui::SetScrollY(static_cast<float>(start) * row_h);
        s.calendar.scroll_agenda = false;
    }
    const Plan& plan = s.doc.plan;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(events.size()), row_h);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const CalendarEvent& e = events[row];
            ImGui::TableNextRow(0, row_h);
            ImGui::PushID(row);
            ImGui::TableNextColumn();
            const bool new_day = row == 0 || events[row - 1].day != e.day;
            if (e.day == idx.today) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, u32(calendar_colors(s.dark).today, 0.15f));
            if (new_day) {
                const Date d = date_of_day(e.day);
                ImGui::Text("%s %s%s", weekday_short[weekday_index(e.day)], date_text(d).c_str(), e.day == idx.today ? " · today" : "");
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(kind_color(s, e), "■");
            ImGui::SameLine();
            ImGui::TextUnformatted(kind_label(e.kind));
            ImGui::TableNextColumn();
            const bool is_rel = !is_period(e.kind);
            const bool selected = is_rel && plan.releases[e.index].id == s.selected_release;
            std::string title;
            std::string details;
            if (is_rel) {
                const Release& r = plan.releases[e.index];
                title = release_title(r);
                details = std::string(to_string(r.type)) + " · " + std::string(to_string(r.status));
                if (e.kind == EventKind::change_window && r.change_window) details = describe_window(*r.change_window).front();
            } else if (const Period* p = period_of(plan, e)) {
                title = p->name;
                details = date_text(p->start) + (p->end != p->start ? " – " + date_text(p->end) : "");
                if (!p->components.empty()) {
                    details += " · only";
                    for (const auto& c : p->components) details += " " + c;
                }
            }
            if (ImGui::Selectable(title.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                s.calendar.cursor = e.day;
                if (is_rel) {
                    select_release(s, e.index);
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, plan.releases[e.index].id);
                } else {
                    open_period_dialog(s, e.kind == EventKind::blackout, e.index, e.day, "");
                }
            }
            if (is_rel && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                release_tooltip(s, e.index);
                ImGui::EndTooltip();
            }
            day_menu(s, e.day);
            if (is_rel) {
                ConflictLevel level = conflict_level(s, e.index);
                if (level != ConflictLevel::none) {
                    ImGui::SameLine();
                    ImGui::TextColored(conflict_color(level), level == ConflictLevel::error ? "● conflict" : "● warning");
                }
            }
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", details.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace relplan::ui::cal

// The calendar's week view: seven day columns over the hours, change windows as blocks.
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

void draw_week(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const std::int32_t first = cursor - weekday_index(cursor);
    const std::int32_t last = first + 6;
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = u32(colors.grid);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gutter = ImGui::CalcTextSize("00:00").x + 12.0f * scale;
    const float col_w = std::floor((avail.x - gutter - ImGui::GetStyle().ScrollbarSize) / 7.0f);
    const float line_h = ImGui::GetTextLineHeight() + 2.0f * scale;
    const float head_h = ImGui::GetFrameHeight();
    const std::vector<PeriodHit> periods = periods_between(s.doc.plan, first, last);
    auto [lo, hi] = events_between(idx, first, last);

    // All-day area: as tall as the busiest day, up to eight lines.
    int busiest = 1;
    std::vector<std::vector<const CalendarEvent*>> per_day(7);
    for (std::size_t i = lo; i < hi; ++i)
        if (idx.events[i].kind != EventKind::change_window && !is_period(idx.events[i].kind))
            per_day[idx.events[i].day - first].push_back(&idx.events[i]);
    std::vector<std::vector<const PeriodHit*>> names(7);
    for (int d = 0; d < 7; ++d) {
        for (const PeriodHit& h : periods)
            if (first + d >= h.first && first + d <= h.last) names[d].push_back(&h);
        std::reverse(per_day[d].begin(), per_day[d].end());
        busiest = std::max(busiest, static_cast<int>(per_day[d].size() + names[d].size()));
    }
    const int lines = std::min(busiest, 8);
    const float allday_h = lines * line_h + 6.0f * scale;

    for (int d = 0; d < 7; ++d) {
        const std::int32_t day = first + d;
        ImVec2 a(origin.x + gutter + d * col_w, origin.y);
        ImVec2 b(a.x + col_w, origin.y + head_h + allday_h);
        std::vector<const PeriodHit*> unused;
        day_background(s, periods, day, a, b, unused);
        char label[48];
        const Date date = date_of_day(day);
        std::snprintf(label, sizeof label, "%s %u %.3s", weekday_short[d], static_cast<unsigned>(date.day()),
                      month_long[static_cast<unsigned>(date.month()) - 1]);
        ImVec2 ts = ImGui::CalcTextSize(label);
        ImVec2 tp(a.x + (col_w - ts.x) * 0.5f, a.y + (head_h - ts.y) * 0.5f);
        if (day == idx.today)
            dl->AddRectFilled(ImVec2(tp.x - 4.0f * scale, tp.y - 1.0f), ImVec2(tp.x + ts.x + 4.0f * scale, tp.y + ts.y + 1.0f),
                              u32(colors.today), ts.y);
        dl->AddText(tp, day == idx.today ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text), label);
        dl->AddRect(a, ImVec2(b.x + 1.0f, b.y + 1.0f), grid);
        ImGui::PushID(day);
        float y = a.y + head_h + 3.0f * scale;
        int used = 0;
        const int total = static_cast<int>(per_day[d].size() + names[d].size());
        const int fit = total > lines ? lines - 1 : total;
        for (const PeriodHit* h : names[d]) {
            if (used >= fit) break;
            period_line(s, *h, ImVec2(a.x + 3.0f * scale, y), col_w - 6.0f * scale, line_h);
            y += line_h;
            ++used;
        }
        for (const CalendarEvent* ev : per_day[d]) {
            if (used >= fit) break;
            event_item(s, *ev, ImVec2(a.x + 3.0f * scale, y), col_w - 6.0f * scale, line_h - 1.0f, true);
            y += line_h;
            ++used;
        }
        if (fit < total) {
            char more[32];
            std::snprintf(more, sizeof more, "+%d more", total - fit);
            ImGui::SetCursorScreenPos(ImVec2(a.x + 3.0f * scale, y));
            if (ImGui::Selectable(more, false, 0, ImVec2(col_w - 6.0f * scale, line_h - 2.0f))) ImGui::OpenPopup("##more");
        }
        more_popup(s, idx, day);
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##head", ImVec2(col_w, head_h + allday_h));
        if (ImGui::IsItemClicked()) s.calendar.cursor = day;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) new_release_on(s, day, "");
        day_menu(s, day);
        drop_target(s, day);
        if (day == cursor) dl->AddRect(ImVec2(a.x + 1.0f, a.y + 1.0f), b, u32(colors.selection), 0.0f, 0, 2.0f * scale);
        ImGui::PopID();
    }

    // The hour grid scrolls on its own; change windows are blocks in the viewer's local time.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + head_h + allday_h + 2.0f * scale));
    ImGui::BeginChild("##hours", ImVec2(0, 0), false);
    const float hour_h = std::floor(ImGui::GetTextLineHeight() * 2.4f);
    if (s.calendar.scroll_week) {
        ImGui::SetScrollY(7.0f * hour_h);
        s.calendar.scroll_week = false;
    }
    ImDrawList* hl = ImGui::GetWindowDrawList();
    ImVec2 top = ImGui::GetCursorScreenPos();
    for (int d = 0; d < 7; ++d) {
        ImVec2 a(top.x + gutter + d * col_w, top.y);
        ImVec2 b(a.x + col_w, top.y + 24.0f * hour_h);
        if (d >= 5) hl->AddRectFilled(a, b, u32(colors.weekend));
        hl->AddLine(a, ImVec2(a.x, b.y), grid);
    }
    for (int h = 0; h <= 24; ++h) {
        const float y = top.y + h * hour_h;
        hl->AddLine(ImVec2(top.x + gutter - 4.0f * scale, y), ImVec2(top.x + gutter + 7.0f * col_w, y), grid);
        if (h < 24) {
            char t[8];
            std::snprintf(t, sizeof t, "%02d:00", h);
            hl->AddText(ImVec2(top.x + 4.0f * scale, y + 2.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled), t);
        }
    }
    // Windows that touch the week: they start at most a few days earlier (long windows are rare,
    // and the search is bounded).
    auto [wlo, whi] = events_between(idx, first - 7, last);
    struct Block {
        std::int32_t release;
        int day;
        double from, to;  // hours within the day
    };
    std::vector<Block> blocks;
    for (std::size_t i = wlo; i < whi; ++i) {
        const CalendarEvent& ev = idx.events[i];
        if (ev.kind != EventKind::change_window) continue;
        const ReleaseDays& rd = idx.days[ev.index];
        for (int d = 0; d < 7; ++d) {
            const double day0 = first + d, day1 = day0 + 1.0;
            const double from = std::max(rd.window_start, day0), to = std::min(rd.window_end, day1);
            if (to > from) blocks.push_back({ev.index, d, (from - day0) * 24.0, (to - day0) * 24.0});
        }
    }
    // Overlapping blocks of one day share the column side by side.
    std::vector<int> lane(blocks.size(), 0), lanes_in_day(7, 1);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (blocks[j].day == blocks[i].day && blocks[j].to > blocks[i].from && blocks[j].from < blocks[i].to &&
                lane[j] == lane[i])
                ++lane[i];
        lanes_in_day[blocks[i].day] = std::max(lanes_in_day[blocks[i].day], lane[i] + 1);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& bl = blocks[i];
        const float lw = (col_w - 6.0f * scale) / static_cast<float>(lanes_in_day[bl.day]);
        ImVec2 a(top.x + gutter + bl.day * col_w + 3.0f * scale + lane[i] * lw, top.y + static_cast<float>(bl.from) * hour_h);
        ImVec2 b(a.x + lw - 2.0f * scale, std::max(top.y + static_cast<float>(bl.to) * hour_h, a.y + line_h));
        const Release& r = s.doc.plan.releases[bl.release];
        const bool selected = r.id == s.selected_release;
        hl->AddRectFilled(a, b, u32(colors.window, selected ? 0.55f : 0.3f), 4.0f);
        hl->AddRectFilled(a, ImVec2(a.x + 3.0f * scale, b.y), u32(colors.window), 4.0f, ImDrawFlags_RoundCornersLeft);
        ConflictLevel level = conflict_level(s, bl.release);
        if (level != ConflictLevel::none) hl->AddRect(a, b, u32(conflict_color(level)), 4.0f, 0, 1.5f);
        const auto& w = *r.change_window;
        std::string text = hhmm(std::chrono::local_seconds{(w.start + viewer_zone(w.start).offset).time_since_epoch()}) + "–" +
                           hhmm(std::chrono::local_seconds{(w.end + viewer_zone(w.end).offset).time_since_epoch()}) + "  " +
                           release_title(r);
        ImVec4 clip(a.x, a.y, b.x - 2.0f, b.y);
        hl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + 6.0f * scale, a.y + 2.0f), ImGui::GetColorU32(ImGuiCol_Text),
                    text.c_str(), nullptr, b.x - a.x - 8.0f * scale, &clip);
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##win", ImVec2(std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            release_tooltip(s, bl.release);
            ImGui::EndTooltip();
        }
        if (ImGui::IsItemClicked()) select_release(s, bl.release);
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, r.id);
        ImGui::PopID();
    }
    // Now, when this week is on screen.
    const double now_days = viewer_now_days();
    if (now_days >= first && now_days < last + 1) {
        const int d = static_cast<int>(now_days - first);
        const float y = top.y + static_cast<float>((now_days - std::floor(now_days)) * 24.0) * hour_h;
        const float x = top.x + gutter + d * col_w;
        hl->AddLine(ImVec2(x, y), ImVec2(x + col_w, y), u32(colors.today), 2.0f * scale);
        hl->AddCircleFilled(ImVec2(x, y), 4.0f * scale, u32(colors.today));
    }
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(gutter + 7.0f * col_w, 24.0f * hour_h));
    ImGui::EndChild();
}

// Every event in date order from the cursor on (scrollable both ways); rows come from a clipper.

}  // namespace relplan::ui::cal

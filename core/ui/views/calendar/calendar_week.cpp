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

namespace {

// Column geometry of the week shown: seven day columns right of an hour gutter.
struct WeekLayout {
    std::int32_t first = 0, last = 0;  // Monday and Sunday
    float gutter = 0.0f, col_w = 0.0f, line_h = 0.0f, head_h = 0.0f;
};

// The all-day area: per day its holidays and blackouts, then its events newest first; as tall as
// the busiest day, up to eight lines.
struct AllDay {
    std::vector<std::vector<const PeriodHit*>> names = std::vector<std::vector<const PeriodHit*>>(7);
    std::vector<std::vector<const CalendarEvent*>> events = std::vector<std::vector<const CalendarEvent*>>(7);
    int lines = 1;
};

AllDay all_day_items(const ScheduleIndex& idx, const WeekLayout& w, const std::vector<PeriodHit>& periods) {
    AllDay out;
    auto [lo, hi] = events_between(idx, w.first, w.last);
    for (std::size_t i = lo; i < hi; ++i)
        if (idx.events[i].kind != EventKind::change_window && !is_period(idx.events[i].kind))
            out.events[idx.events[i].day - w.first].push_back(&idx.events[i]);
    int busiest = 1;
    for (int d = 0; d < 7; ++d) {
        for (const PeriodHit& h : periods)
            if (w.first + d >= h.first && w.first + d <= h.last) out.names[d].push_back(&h);
        std::reverse(out.events[d].begin(), out.events[d].end());
        busiest = std::max(busiest, static_cast<int>(out.events[d].size() + out.names[d].size()));
    }
    out.lines = std::min(busiest, 8);
    return out;
}

// The day's name centred in the header, on a today pill when it is today.
void day_label(App::State& s, std::int32_t day, int weekday, ImVec2 a, float col_w, float head_h, bool today) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    char label[48];
    const Date date = date_of_day(day);
    std::snprintf(label, sizeof label, "%s %u %.3s", weekday_short[weekday], static_cast<unsigned>(date.day()),
                  month_long[static_cast<unsigned>(date.month()) - 1]);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const ImVec2 tp(a.x + (col_w - ts.x) * 0.5f, a.y + (head_h - ts.y) * 0.5f);
    const float scale = s.config.ui_scale;
    if (today)
        dl->AddRectFilled(ImVec2(tp.x - 4.0f * scale, tp.y - 1.0f), ImVec2(tp.x + ts.x + 4.0f * scale, tp.y + ts.y + 1.0f),
                          u32(calendar_colors(s.dark).today), ts.y);
    dl->AddText(tp, today ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text), label);
}

// Day `d`'s all-day lines from `y`: periods first, then events, and "+N more" when they do not fit.
void all_day_lines(App::State& s, const AllDay& all, int d, ImVec2 a, float y, const WeekLayout& w) {
    const float scale = s.config.ui_scale;
    int used = 0;
    const int total = static_cast<int>(all.events[d].size() + all.names[d].size());
    const int fit = total > all.lines ? all.lines - 1 : total;
    for (const PeriodHit* h : all.names[d]) {
        if (used >= fit) break;
        period_line(s, *h, ImVec2(a.x + 3.0f * scale, y), w.col_w - 6.0f * scale, w.line_h);
        y += w.line_h;
        ++used;
    }
    for (const CalendarEvent* ev : all.events[d]) {
        if (used >= fit) break;
        event_item(s, *ev, ImVec2(a.x + 3.0f * scale, y), w.col_w - 6.0f * scale, w.line_h - 1.0f, true);
        y += w.line_h;
        ++used;
    }
    if (fit < total) {
        char more[32];
        std::snprintf(more, sizeof more, "+%d more", total - fit);
        ImGui::SetCursorScreenPos(ImVec2(a.x + 3.0f * scale, y));
        if (ImGui::Selectable(more, false, 0, ImVec2(w.col_w - 6.0f * scale, w.line_h - 2.0f))) ImGui::OpenPopup("##more");
    }
}

// One day's header and all-day cell: click selects the day, double-click adds a release, drop moves one.
void draw_day_head(App::State& s, const ScheduleIndex& idx, const WeekLayout& w, const AllDay& all,
                   const std::vector<PeriodHit>& periods, int d, ImVec2 origin, std::int32_t cursor) {
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float allday_h = all.lines * w.line_h + 6.0f * scale;
    const std::int32_t day = w.first + d;
    const ImVec2 a(origin.x + w.gutter + d * w.col_w, origin.y);
    const ImVec2 b(a.x + w.col_w, origin.y + w.head_h + allday_h);
    std::vector<const PeriodHit*> unused;
    day_background(s, periods, day, a, b, unused);
    day_label(s, day, d, a, w.col_w, w.head_h, day == idx.today);
    dl->AddRect(a, ImVec2(b.x + 1.0f, b.y + 1.0f), u32(colors.grid));
    ImGui::PushID(day);
    all_day_lines(s, all, d, a, a.y + w.head_h + 3.0f * scale, w);
    more_popup(s, idx, day);
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("##head", ImVec2(w.col_w, w.head_h + allday_h));
    if (ImGui::IsItemClicked()) s.calendar.cursor = day;
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) new_release_on(s, day, "");
    day_menu(s, day);
    drop_target(s, day);
    if (day == cursor) dl->AddRect(ImVec2(a.x + 1.0f, a.y + 1.0f), b, u32(colors.selection), 0.0f, 0, 2.0f * scale);
    ImGui::PopID();
}

// Weekend shading, day and hour lines with hour labels in the gutter, from `top`.
void draw_hour_grid(App::State& s, const WeekLayout& w, ImVec2 top, float hour_h) {
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* hl = ImGui::GetWindowDrawList();
    const ImU32 grid = u32(colors.grid);
    for (int d = 0; d < 7; ++d) {
        ImVec2 a(top.x + w.gutter + d * w.col_w, top.y);
        ImVec2 b(a.x + w.col_w, top.y + 24.0f * hour_h);
        if (d >= 5) hl->AddRectFilled(a, b, u32(colors.weekend));
        hl->AddLine(a, ImVec2(a.x, b.y), grid);
    }
    for (int h = 0; h <= 24; ++h) {
        const float y = top.y + h * hour_h;
        hl->AddLine(ImVec2(top.x + w.gutter - 4.0f * scale, y), ImVec2(top.x + w.gutter + 7.0f * w.col_w, y), grid);
        if (h < 24) {
            char t[8];
            std::snprintf(t, sizeof t, "%02d:00", h);
            hl->AddText(ImVec2(top.x + 4.0f * scale, y + 2.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled), t);
        }
    }
}

// A change window's part within one day of the week; overlapping blocks of a day share its column
// side by side, in `lane` of `lanes`.
struct Block {
    std::int32_t release;
    int day;
    double from, to;  // hours within the day
    int lane = 0;
    int lanes = 1;
};

// Windows that touch the week: they start at most a few days earlier (long windows are rare, and
// the search is bounded).
std::vector<Block> window_blocks(const ScheduleIndex& idx, const WeekLayout& w) {
    auto [wlo, whi] = events_between(idx, w.first - 7, w.last);
    std::vector<Block> blocks;
    for (std::size_t i = wlo; i < whi; ++i) {
        const CalendarEvent& ev = idx.events[i];
        if (ev.kind != EventKind::change_window) continue;
        const ReleaseDays& rd = idx.days[ev.index];
        for (int d = 0; d < 7; ++d) {
            const double day0 = w.first + d, day1 = day0 + 1.0;
            const double from = std::max(rd.window_start, day0), to = std::min(rd.window_end, day1);
            if (to > from) blocks.push_back({ev.index, d, (from - day0) * 24.0, (to - day0) * 24.0});
        }
    }
    std::vector<int> lanes_in_day(7, 1);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (blocks[j].day == blocks[i].day && blocks[j].to > blocks[i].from && blocks[j].from < blocks[i].to &&
                blocks[j].lane == blocks[i].lane)
                ++blocks[i].lane;
        lanes_in_day[blocks[i].day] = std::max(lanes_in_day[blocks[i].day], blocks[i].lane + 1);
    }
    for (Block& bl : blocks) bl.lanes = lanes_in_day[bl.day];
    return blocks;
}

// One window block: local times and title, conflict outline; hover, click and double-click act on its release.
void draw_window_block(App::State& s, const Block& bl, const WeekLayout& w, ImVec2 top, float hour_h) {
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* hl = ImGui::GetWindowDrawList();
    const float lw = (w.col_w - 6.0f * scale) / static_cast<float>(bl.lanes);
    ImVec2 a(top.x + w.gutter + bl.day * w.col_w + 3.0f * scale + bl.lane * lw, top.y + static_cast<float>(bl.from) * hour_h);
    ImVec2 b(a.x + lw - 2.0f * scale, std::max(top.y + static_cast<float>(bl.to) * hour_h, a.y + w.line_h));
    const Release& r = s.doc.plan.releases[bl.release];
    const bool selected = r.id == s.selected_release;
    hl->AddRectFilled(a, b, u32(colors.window, selected ? 0.55f : 0.3f), 4.0f);
    hl->AddRectFilled(a, ImVec2(a.x + 3.0f * scale, b.y), u32(colors.window), 4.0f, ImDrawFlags_RoundCornersLeft);
    ConflictLevel level = conflict_level(s, bl.release);
    if (level != ConflictLevel::none) hl->AddRect(a, b, u32(conflict_color(level)), 4.0f, 0, 1.5f);
    const auto& cw = *r.change_window;
    std::string text = hhmm(std::chrono::local_seconds{(cw.start + viewer_zone(cw.start).offset).time_since_epoch()}) + "–" +
                       hhmm(std::chrono::local_seconds{(cw.end + viewer_zone(cw.end).offset).time_since_epoch()}) + "  " +
                       release_title(r);
    ImVec4 clip(a.x, a.y, b.x - 2.0f, b.y);
    hl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + 6.0f * scale, a.y + 2.0f), ImGui::GetColorU32(ImGuiCol_Text),
                text.c_str(), nullptr, b.x - a.x - 8.0f * scale, &clip);
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("##win", ImVec2(std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)));
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        release_tooltip(s, bl.release);
        ImGui::EndTooltip();
    }
    if (ImGui::IsItemClicked()) select_release(s, bl.release);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, r.id);
}

// The current time as a line across today's column, when this week is on screen.
void draw_now_line(App::State& s, const WeekLayout& w, ImVec2 top, float hour_h) {
    const double now_days = viewer_now_days();
    if (now_days < w.first || now_days >= w.last + 1) return;
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* hl = ImGui::GetWindowDrawList();
    const int d = static_cast<int>(now_days - w.first);
    const float y = top.y + static_cast<float>((now_days - std::floor(now_days)) * 24.0) * hour_h;
    const float x = top.x + w.gutter + d * w.col_w;
    hl->AddLine(ImVec2(x, y), ImVec2(x + w.col_w, y), u32(colors.today), 2.0f * scale);
    hl->AddCircleFilled(ImVec2(x, y), 4.0f * scale, u32(colors.today));
}

}  // namespace

void draw_week(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const float scale = s.config.ui_scale;
    WeekLayout w;
    w.first = cursor - weekday_index(cursor);
    w.last = w.first + 6;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    w.gutter = ImGui::CalcTextSize("00:00").x + 12.0f * scale;
    w.col_w = std::floor((avail.x - w.gutter - ImGui::GetStyle().ScrollbarSize) / 7.0f);
    w.line_h = ImGui::GetTextLineHeight() + 2.0f * scale;
    w.head_h = ImGui::GetFrameHeight();
    const std::vector<PeriodHit> periods = periods_between(s.doc.plan, w.first, w.last);
    const AllDay all = all_day_items(idx, w, periods);
    for (int d = 0; d < 7; ++d) draw_day_head(s, idx, w, all, periods, d, origin, cursor);

    // The hour grid scrolls on its own; change windows are blocks in the viewer's local time.
    const float allday_h = all.lines * w.line_h + 6.0f * scale;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + w.head_h + allday_h + 2.0f * scale));
    ImGui::BeginChild("##hours", ImVec2(0, 0), false);
    const float hour_h = std::floor(ImGui::GetTextLineHeight() * 2.4f);
    if (s.calendar.scroll_week) {
        ImGui::SetScrollY(7.0f * hour_h);
        s.calendar.scroll_week = false;
    }
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_hour_grid(s, w, top, hour_h);
    const std::vector<Block> blocks = window_blocks(idx, w);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        draw_window_block(s, blocks[i], w, top, hour_h);
        ImGui::PopID();
    }
    draw_now_line(s, w, top, hour_h);
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(w.gutter + 7.0f * w.col_w, 24.0f * hour_h));
    ImGui::EndChild();
}

}  // namespace relplan::ui::cal

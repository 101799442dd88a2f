// The date scale above the timeline rows: two tiers of labels chosen by zoom, today and the hovered day.
#include "views/timeline/timeline_axis.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>
#include <utility>

namespace relplan::ui::timeline {

namespace {

// ---- the date scale --------------------------------------------------------------------------------

enum class Unit { day, week, month, quarter, year };

struct Tier {
    Unit unit = Unit::month;
    int step = 1;
    bool long_form = false;
};

std::int32_t unit_start(const Tier& t, std::int32_t day) {
    const Date d = date_of_day(day);
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month());
    switch (t.unit) {
    case Unit::day: return day;
    case Unit::week: return day - weekday_index(day);
    case Unit::month: return day_number(Date{d.year(), d.month(), std::chrono::day{1}});
    case Unit::quarter: return day_number(Date{d.year(), std::chrono::month{(m - 1) / 3 * 3 + 1}, std::chrono::day{1}});
    case Unit::year: {
        const int y0 = y - ((y % t.step) + t.step) % t.step;
        return day_number(Date{std::chrono::year{y0}, std::chrono::January, std::chrono::day{1}});
    }
    }
    return day;
}

std::int32_t unit_next(const Tier& t, std::int32_t start) {
    const Date d = date_of_day(start);
    switch (t.unit) {
    case Unit::day: return start + 1;
    case Unit::week: return start + 7;
    case Unit::month: return day_number(d + std::chrono::months{1});
    case Unit::quarter: return day_number(d + std::chrono::months{3});
    case Unit::year: return day_number(d + std::chrono::years{t.step});
    }
    return start + 1;
}

std::string unit_label(const Tier& t, std::int32_t start) {
    const Date d = date_of_day(start);
    const unsigned m = static_cast<unsigned>(d.month());
    char buf[48];
    switch (t.unit) {
    case Unit::day:
        if (t.long_form) std::snprintf(buf, sizeof buf, "%s %u", weekday_short[weekday_index(start)], static_cast<unsigned>(d.day()));
        else std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(d.day()));
        break;
    case Unit::week:
        if (t.long_form) std::snprintf(buf, sizeof buf, "%s %u", month_short[m - 1], static_cast<unsigned>(d.day()));
        else std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(d.day()));
        break;
    case Unit::month:
        if (t.long_form) std::snprintf(buf, sizeof buf, "%s %d", month_long[m - 1], static_cast<int>(d.year()));
        else std::snprintf(buf, sizeof buf, "%s", month_short[m - 1]);
        break;
    case Unit::quarter: std::snprintf(buf, sizeof buf, "Q%u", (m - 1) / 3 + 1); break;
    case Unit::year: std::snprintf(buf, sizeof buf, "%d", static_cast<int>(d.year())); break;
    }
    return buf;
}

// The two tiers of the scale for a zoom level (px per day at ui scale 1).
std::pair<std::optional<Tier>, Tier> tiers_for(double p) {
    const Tier month_top{Unit::month, 1, true};
    const Tier year_top{Unit::year, 1, false};
    if (p >= 44.0) return {month_top, {Unit::day, 1, true}};
    if (p >= 18.0) return {month_top, {Unit::day, 1, false}};
    if (p >= 8.0) return {month_top, {Unit::week, 1, true}};
    if (p >= 2.6) return {month_top, {Unit::week, 1, false}};
    if (p >= 0.9) return {year_top, {Unit::month, 1, false}};
    if (p >= 0.3) return {year_top, {Unit::quarter, 1, false}};
    for (int step : {1, 2, 5, 10, 20, 50})
        if (step * 365.25 * p >= 44.0) return {std::nullopt, {Unit::year, step, false}};
    return {std::nullopt, {Unit::year, 100, false}};
}

}  // namespace

void draw_scale(App::State& s, const Axis& ax, ImVec2 top_left, float tier_h, std::int32_t today, std::optional<double> hover_day) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float scale = s.config.ui_scale;
    const ImVec2 bottom_right(ax.x0 + ax.width, top_left.y + 2.0f * tier_h);
    dl->AddRectFilled(ImVec2(top_left.x, top_left.y), bottom_right, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    dl->PushClipRect(ImVec2(ax.x0, top_left.y), bottom_right, true);
    const auto [top, bottom] = tiers_for(s.timeline.px_per_day);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 line = u32(calendar_colors(s.dark).grid, 1.6f);
    const float pad = 4.0f * scale;
    const std::int32_t first = ax.first_day(), last = ax.last_day();
    const float fh = ImGui::GetFontSize();
    // Bottom tier: a tick and a label per unit.
    for (std::int32_t u = unit_start(bottom, first); u <= last; u = unit_next(bottom, u)) {
        const float x = ax.x(u);
        const float next = ax.x(unit_next(bottom, u));
        dl->AddLine(ImVec2(x, top_left.y + tier_h + (top ? tier_h * 0.45f : 0.0f)), ImVec2(x, bottom_right.y), line);
        std::string label = unit_label(bottom, u);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        const bool weekend = bottom.unit == Unit::day && weekday_index(u) >= 5;
        const float lx = next - x >= w + 2.0f * pad ? x + pad : x + (next - x - w) * 0.5f;
        if (lx < ax.x0 || lx + w > ax.x0 + ax.width) continue;  // a label cut by an edge ("ct 19") reads worse than none
        const ImU32 col = u == today && bottom.unit == Unit::day ? u32(calendar_colors(s.dark).today) : weekend ? dim : text;
        dl->AddText(ImVec2(lx, top_left.y + tier_h + (tier_h - fh) * 0.5f), col, label.c_str());
    }
    // Top tier: labels stick to the left edge while their unit is on screen.
    if (top) {
        for (std::int32_t u = unit_start(*top, first); u <= last; u = unit_next(*top, u)) {
            const float x = ax.x(u);
            const float next = ax.x(unit_next(*top, u));
            dl->AddLine(ImVec2(x, top_left.y), ImVec2(x, bottom_right.y), line);
            std::string label = unit_label(*top, u);
            const float w = ImGui::CalcTextSize(label.c_str()).x;
            float lx = std::max(x + pad, ax.x0 + pad);
            lx = std::min(lx, next - pad - w);
            lx = std::max(lx, x + pad);
            dl->AddText(ImVec2(lx, top_left.y + (tier_h - fh) * 0.5f), text, label.c_str());
        }
    }
    dl->AddLine(ImVec2(ax.x0, bottom_right.y - 1.0f), ImVec2(bottom_right.x, bottom_right.y - 1.0f), line);
    // Today: a marker on the scale; the day under the mouse: a small label.
    const CalendarColors& colors = calendar_colors(s.dark);
    const float tx = ax.x(viewer_now_days());
    dl->AddTriangleFilled(ImVec2(tx - 5.0f * scale, bottom_right.y - 7.0f * scale), ImVec2(tx + 5.0f * scale, bottom_right.y - 7.0f * scale),
                          ImVec2(tx, bottom_right.y), u32(colors.today));
    if (hover_day) {
        const std::int32_t d = static_cast<std::int32_t>(std::floor(*hover_day));
        char buf[40];
        std::snprintf(buf, sizeof buf, "%s %s", weekday_short[weekday_index(d)], date_text(date_of_day(d)).c_str());
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        const float hx = std::clamp(ax.x(*hover_day) - ts.x * 0.5f, ax.x0 + 2.0f, ax.x0 + ax.width - ts.x - 2.0f);
        const ImVec2 a(hx - pad, top_left.y + tier_h + (tier_h - ts.y) * 0.5f - 1.0f);
        dl->AddRectFilled(a, ImVec2(hx + ts.x + pad, a.y + ts.y + 2.0f), ImGui::GetColorU32(ImGuiCol_PopupBg), 3.0f);
        dl->AddRect(a, ImVec2(hx + ts.x + pad, a.y + ts.y + 2.0f), u32(colors.selection), 3.0f);
        dl->AddText(ImVec2(hx, a.y + 1.0f), text, buf);
    }
    dl->PopClipRect();
}

std::int32_t month_start(std::int32_t day) { return unit_start(Tier{Unit::month, 1, false}, day); }
std::int32_t next_month(std::int32_t month_first) { return unit_next(Tier{Unit::month, 1, false}, month_first); }

}  // namespace relplan::ui::timeline

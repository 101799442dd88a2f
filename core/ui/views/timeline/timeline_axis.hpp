// What the timeline's files share (view_timeline.cpp, timeline_scale.cpp): the screen mapping of the
// day axis for one frame, day and month names, and the date scale drawn above the rows. Internal to
// the timeline view.
#pragma once

#include "app/state.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

namespace relplan::ui::timeline {

constexpr const char* weekday_short[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* month_long[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};

inline int weekday_index(std::int32_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }

inline ImU32 u32(const ImVec4& c, float alpha_scale = 1.0f) {
    return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha_scale));
}

// Screen mapping of the time axis for this frame.
struct Axis {
    double start = 0.0;  // day at x0
    double ppd = 1.0;    // display units per day (ui scale applied)
    float x0 = 0.0f;
    float width = 0.0f;
    float x(double day) const { return static_cast<float>(x0 + (day - start) * ppd); }
    double day_at(float px) const { return start + (px - x0) / ppd; }
    std::int32_t first_day() const { return static_cast<std::int32_t>(std::floor(start)); }
    std::int32_t last_day() const { return static_cast<std::int32_t>(std::floor(start + width / ppd)); }
    // x clamped a little outside the visible span (keeps float maths sane for far-away bars)
    float cx(double day) const { return std::clamp(x(day), x0 - 64.0f, x0 + width + 64.0f); }
};

// The first day of the month holding `day`, and the first day of the month after `month_first`.
std::int32_t month_start(std::int32_t day);
std::int32_t next_month(std::int32_t month_first);

// The two tiers of date labels above the rows (weeks over days, months over weeks, … as the zoom
// asks), the today mark and the hovered day, at `top_left`, each tier `tier_h` tall.
void draw_scale(App::State& s, const Axis& ax, ImVec2 top_left, float tier_h, std::int32_t today, std::optional<double> hover_day);

}  // namespace relplan::ui::timeline

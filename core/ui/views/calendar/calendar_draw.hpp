// Internal to the calendar views (views/calendar/): the pieces the month grid, the week view, the
// agenda, the schedule index and the period dialog share. Days are day numbers (views.hpp).
#pragma once

#include "views/views.hpp"

#include <imgui.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace relplan::ui::cal {

inline constexpr const char* payload_release = "RELPLAN_RELEASE";  // drag and drop of a release index
inline constexpr const char* weekday_short[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
inline constexpr const char* month_long[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};

inline int weekday_index(std::int32_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }  // Monday = 0

// The viewer's zone: what the C library says about local time at `t` (the page's C library asks
// the browser, so both targets show the user's own zone without a zone name).
struct ViewerZone {
    std::chrono::seconds offset{0};
    std::string abbreviation;
};

struct PeriodHit {
    bool blackout = false;
    std::int32_t index = 0;
    std::int32_t first = 0;
    std::int32_t last = 0;
};

ViewerZone viewer_zone(std::chrono::sys_seconds t);
double local_days(std::chrono::sys_seconds t);
std::string hhmm(std::chrono::local_seconds t);

ImU32 u32(const ImVec4& c, float alpha_scale = 1.0f);
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float step);
const char* kind_label(EventKind k);
bool is_period(EventKind k);
ImVec4 kind_color(const App::State& s, const CalendarEvent& e);
const Period* period_of(const Plan& plan, const CalendarEvent& e);
// An event as one line of text: "1.4.0 Name", "Code freeze · Name 1.4.0", "22:00 window · …".
std::string event_text(const App::State& s, const CalendarEvent& e);
// Events with first <= day <= last, as an index range into idx.events.
std::pair<std::size_t, std::size_t> events_between(const ScheduleIndex& idx, std::int32_t first, std::int32_t last);
// Holidays and blackouts touching [first, last]: a short list, checked per visible day.
std::vector<PeriodHit> periods_between(const Plan& plan, std::int32_t first, std::int32_t last);
std::string period_tooltip(const Plan& plan, const PeriodHit& h);
void select_release(App::State& s, std::int32_t release);
// One event as an interactive line: hover explains, click selects, double-click opens the editor,
// a release can be dragged onto another day.
void event_item(App::State& s, const CalendarEvent& e, ImVec2 pos, float width, float height, bool draggable);
// Right-click menu of a day, shared by the month grid, the week view and the agenda.
void day_menu(App::State& s, std::int32_t day);
void drop_target(App::State& s, std::int32_t day);
// A holiday or blackout name as a clickable line in a day cell.
void period_line(App::State& s, const PeriodHit& h, ImVec2 pos, float width, float height);
// Weekend, holiday and blackout backgrounds of one day cell; returns the names to list in it.
void day_background(App::State& s, const std::vector<PeriodHit>& periods, std::int32_t day, ImVec2 a, ImVec2 b,
                    std::vector<const PeriodHit*>& names);
// The "+N more" list of one day.
void more_popup(App::State& s, const ScheduleIndex& idx, std::int32_t day);

// The views of the calendar tab (calendar_month.cpp, calendar_week.cpp).
void draw_month(App::State& s, const ScheduleIndex& idx, std::int32_t cursor);
void draw_week(App::State& s, const ScheduleIndex& idx, std::int32_t cursor);
void draw_agenda(App::State& s, const ScheduleIndex& idx, std::int32_t cursor);

}  // namespace relplan::ui::cal

// The schedule the calendar and the timeline draw: every release's days, the plan's dated events in
// day order, and the timeline's rows (one per component) with their lanes.
//
// Contract: build_schedule is O(n log n) in releases + holidays + blackouts and never fails. Days are
// day numbers (days since 1970-01-01), cheap to compare and to map to pixels. A release's milestone
// days are its own fields where set and usable, else those its type computes (milestones.hpp), else
// its release date. Change windows are fractional days in the viewer's zone, whose UTC offset at an
// instant `offset_at` gives (the caller knows the viewer; the core does not read the environment).
#pragma once

#include "base/dates.hpp"
#include "plan/plan.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace relplan {

std::int32_t day_number(const Date& d);
Date date_of_day(std::int32_t day);
// A valid date inside the range the calendars support (business_days.hpp).
bool usable(const std::optional<Date>& d);

enum class EventKind { holiday, blackout, planning_start, notice_deadline, feature_freeze, code_freeze, change_window, release };

struct CalendarEvent {
    std::int32_t day = 0;
    EventKind kind = EventKind::release;
    std::int32_t index = 0;  // into plan.releases, or plan.holidays / plan.blackouts for those kinds
    bool operator==(const CalendarEvent&) const = default;
};

struct ReleaseDays {
    bool scheduled = false;  // has a usable release date; nothing else is meaningful otherwise
    std::int32_t overdue = 0;  // days past the release date and not out (overdue.hpp); 0 = not overdue
    std::int32_t planning_start = 0;
    std::int32_t notice_deadline = 0;
    std::int32_t feature_freeze = 0;
    std::int32_t code_freeze = 0;
    std::int32_t release = 0;
    std::int32_t bar_first = 0;  // the timeline bar: earliest and latest of the days above
    std::int32_t bar_last = 0;
    bool has_window = false;
    double window_start = 0.0;
    double window_end = 0.0;
};

struct TimelineRow {
    std::string component;  // id; empty for releases that name no component
    std::string label;      // the component's name (its id when unnamed)
    std::int32_t first_lane = 0;
    std::int32_t lane_count = 0;  // at least 1
};

// Releases of one row whose bars do not overlap, in order of their first day: a release takes the
// lane that freed up first, a new one only when every lane is busy (interval partitioning).
struct TimelineLane {
    std::int32_t row = 0;
    std::vector<std::int32_t> releases;
};

struct Schedule {
    std::int32_t today = 0;
    std::vector<ReleaseDays> days;      // parallel to plan.releases
    std::vector<CalendarEvent> events;  // by day, then kind, then index
    // The plan's components in plan order, then components only releases name ("id (unknown
    // component)"), then "No component" when a scheduled release names none.
    std::vector<TimelineRow> rows;
    std::vector<TimelineLane> lanes;
    std::int32_t unscheduled = 0;       // releases without a usable release date (on no view)
};

using ZoneOffset = std::function<std::chrono::seconds(std::chrono::sys_seconds)>;
Schedule build_schedule(const Plan& plan, std::int32_t today, const ZoneOffset& offset_at);

}  // namespace relplan

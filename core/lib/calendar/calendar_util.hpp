// Internal: small pieces the calendar modules (conflicts, windows, what-if, iCalendar) share.
#pragma once

#include "plan/plan.hpp"
#include "base/tz.hpp"
#include "calendar/business_days.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relplan::calendar {

// The local dates a change window covers in its own zone: [start, end) with `last` the date of the
// window's final second. Without a database, or for an unknown zone, UTC dates and zone_known false.
struct WindowDates {
    Date first{};
    Date last{};
    bool zone_known = true;
};
WindowDates window_dates(const ChangeWindow& window, const TzDatabase* zones);

// "2026-03-08T01:30:00-05:00..2026-03-08T04:30:00-04:00": the window as the plan file writes it.
std::string window_text(const ChangeWindow& window);

// "2026-03-08T01:30:00-05:00": an instant in the offset it was written with.
std::string offset_time_text(std::chrono::sys_seconds t, std::int32_t offset_minutes);

// "1 h 30 min", "45 min", "2 h".
std::string duration_text(std::chrono::seconds d);
// "1 day", "14 days".
std::string days_text(std::int64_t n);
// "1 day's notice", "14 days' notice".
std::string notice_text(std::int64_t n);

// Days from a to b (negative when b is earlier).
std::int64_t days_between(const Date& a, const Date& b);

// The first component id both lists name, or "".
std::string common_component(const std::vector<std::string>& a, const std::vector<std::string>& b);

// The release's milestone dates as planned: the stored date, else the computed one (nullopt when
// neither exists).
struct PlannedMilestones {
    std::optional<Date> planning_start;
    std::optional<Date> feature_freeze;
    std::optional<Date> code_freeze;
    std::optional<Date> notice_deadline;
};
PlannedMilestones planned_milestones(const Plan& plan, const Release& release);
PlannedMilestones planned_milestones(const Plan& plan, const Release& release, BusinessCalendars& calendars);

}  // namespace relplan::calendar

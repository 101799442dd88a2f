// The month grid of a date picker: six weeks of seven days, Monday first (ISO 8601), each week with
// its ISO week number, and keyboard moves over days.
#pragma once

#include "plan/plan.hpp"

#include <array>

namespace relplan {

struct MonthGrid {
    std::chrono::year_month month;
    std::array<Date, 42> days;       // row-major; the first is the Monday on or before the 1st
    std::array<unsigned, 6> weeks{};  // ISO week number of each row
};

MonthGrid month_grid(std::chrono::year_month month);

// ISO 8601 week number (1..53) of `date`; weeks start on Monday and week 1 holds the first Thursday.
unsigned iso_week(const Date& date);

// Keyboard moves of a date picker's cursor.
enum class DayMove { prev_day, next_day, prev_week, next_week, prev_month, next_month, week_start, week_end };
// Months keep the day, or the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb).
Date move_day(const Date& date, DayMove move);

}  // namespace relplan

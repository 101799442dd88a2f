// Internal: the plan file's text forms of dates (YYYY-MM-DD) and change-window times
// (YYYY-MM-DDTHH:MM[:SS] followed by Z or +HH:MM / -HH:MM).
#pragma once

#include "plan/plan.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relplan {

// Checks the shape only: "2026-02-30" and "2026-13-01" parse (to dates that are not ok()), so
// validation can report them by name.
std::optional<Date> parse_plan_date(std::string_view text);
std::string format_iso_date(const Date& date);

struct OffsetTime {
    std::chrono::sys_seconds instant{};
    std::int32_t offset_minutes = 0;
};

// Rejects dates that do not exist, hours past 23, minutes or seconds past 59, fractional seconds.
std::optional<OffsetTime> parse_offset_time(std::string_view text);
// Seconds are always written; offset 0 is written as "Z".
std::string format_offset_time(std::chrono::sys_seconds instant, std::int32_t offset_minutes);

}  // namespace relplan

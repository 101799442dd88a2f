// Every text form of a date or an instant the core reads or writes, in one place.
//
// Parsers are strict (exactly the digits and separators of the form, no spaces, no signs) and fail
// with an Error whose offset is the byte where the text stops matching and whose kind is
// ErrorKind::invalid for a wrong shape and ErrorKind::out_of_range for a well-formed date or time
// that does not exist (2026-02-30, 24:00). Callers add their own wording around the message.
//
// Forms:
//   date           YYYY-MM-DD                                   (ISO 8601 calendar date, plan files)
//   offset time    YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)       (plan change windows, RFC 3339 subset)
//   basic date     YYYYMMDD, basic date-time YYYYMMDDTHHMMSS[Z] (iCalendar DATE / DATE-TIME)
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relplan::dates {

using Date = std::chrono::year_month_day;

// shape_only accepts dates that do not exist (2026-02-30 gives a Date that is not ok()) so that a
// plan can be loaded and the date reported by name; exists also rejects them (out_of_range).
enum class DateCheck { exists, shape_only };

Result<Date> parse_date(std::string_view text, DateCheck check = DateCheck::exists);
// Why `date` does not exist ("February 2027 has 28 days", "there is no month 13", "the year is out
// of range"); "" when it does.
std::string why_not_a_date(const Date& date);
// YYYY-MM-DD, the year zero-padded to four digits (a negative year keeps its sign).
std::string format_date(const Date& date);

struct OffsetTime {
    std::chrono::sys_seconds instant{};
    std::int32_t offset_minutes = 0;  // the UTC offset the time was written with
};

// Rejects dates that do not exist, hours past 23, minutes or seconds past 59, offsets past 23:59 and
// fractional seconds.
Result<OffsetTime> parse_offset_time(std::string_view text);
// Seconds are always written; offset 0 is written as "Z".
std::string format_offset_time(std::chrono::sys_seconds instant, std::int32_t offset_minutes);

// An iCalendar DATE or DATE-TIME value. `time_of_day` is absent for a DATE; `utc` is true for a
// trailing Z (z accepted). A leap second (60) reads as 59. Times without Z are floating local times;
// this parser does not apply any zone.
struct BasicDateTime {
    Date date{};
    std::optional<std::chrono::seconds> time_of_day;
    bool utc = false;
};
Result<BasicDateTime> parse_basic_date_time(std::string_view text);

}  // namespace relplan::dates

// The plan file's date and change-window time forms under the names the plan, calendar and notes
// modules use; base/dates.hpp holds the one implementation (and positioned errors, for new callers).
#pragma once

#include "base/dates.hpp"
#include "plan/plan.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace relplan {

using dates::format_offset_time;
using dates::OffsetTime;

// Checks the shape only: "2026-02-30" and "2026-13-01" parse (to dates that are not ok()), so
// validation can report them by name.
inline std::optional<Date> parse_plan_date(std::string_view text) {
    auto d = dates::parse_date(text, dates::DateCheck::shape_only);
    return d ? std::optional<Date>(*d) : std::nullopt;
}

inline std::string format_iso_date(const Date& date) { return dates::format_date(date); }

inline std::optional<OffsetTime> parse_offset_time(std::string_view text) {
    auto t = dates::parse_offset_time(text);
    return t ? std::optional<OffsetTime>(*t) : std::nullopt;
}

}  // namespace relplan

// Change-window times written as a wall-clock time their zone skips (a DST gap).
//
// A plan writes a window's start and end as a local time with an offset. When the local time does
// not exist in the window's zone, RFC 5545 reads it with the offset before the gap (so moved
// forward by the gap's length); the written offset may say otherwise. relplan keeps the instant the
// written offset names and warns: `relplan check` as a dst-gap finding, `relplan plan validate` as a
// warning at the time's JSON pointer. The sentence names the gap and where the window really is.
#pragma once

#include "base/tz.hpp"
#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::calendar {

enum class WindowEdge { start, end };

// "the change window of release R starts at T: <the gap>; the window starts at 03:30 CEST
// (RFC 5545)", or nullopt when the edge's written local time exists in `zone`.
std::optional<std::string> dst_gap_message(const Release& release, WindowEdge edge, const TimeZone& zone);

// The same for every live window of the plan whose zone `zones` knows, each at the JSON pointer of
// the time (/releases/3/change_window/start), positioned in `text` (the plan's JSON; may be empty).
std::vector<Diagnostic> dst_gap_warnings(const Plan& plan, const TzDatabase& zones, std::string_view text);

}  // namespace relplan::calendar

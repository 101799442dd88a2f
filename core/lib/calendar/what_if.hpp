// What-if: preview moving a release to another date, then apply the preview.
//
// what_if_move never changes the plan. It builds the moved release -- milestones recomputed
// (milestones.hpp), a CalVer version recomputed when the new date falls in another period of the
// scheme (otherwise kept), the change window moved by the same number of days at the same local
// wall-clock time in its zone (a time that lands in a DST gap moves forward, noted) -- and reports
// every field that changes plus the conflicts (conflicts.hpp) the move adds and removes. A conflict
// that persists with new dates in its message (same severity, code and releases) is neither.
// apply_what_if puts the moved release into a plan, refusing when that release changed since the
// preview was made.
#pragma once

#include "calendar/conflicts.hpp"
#include "plan/plan.hpp"
#include "base/result.hpp"
#include "base/tz.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relplan {

struct FieldChange {
    std::string field;  // "release_date", "planning_start", "feature_freeze", "code_freeze",
                        // "notice_deadline", "version", "change_window.start", "change_window.end"
    std::string before;  // "" when unset
    std::string after;
    bool operator==(const FieldChange&) const = default;
};

struct WhatIfOptions {
    std::optional<Date> today;          // passed to find_conflicts
    const TzDatabase* zones = nullptr;  // to keep the change window's local time; unset: UTC days
    bool move_change_window = true;
};

struct WhatIf {
    Release before;
    Release after;
    std::vector<FieldChange> changes;  // in the field order listed above
    std::vector<std::string> notes;    // milestone moves off weekends/holidays, DST adjustments
    std::vector<Finding> conflicts_added;
    std::vector<Finding> conflicts_removed;
};

Result<WhatIf> what_if_move(const Plan& plan, std::string_view release_id, const Date& new_date,
                            const WhatIfOptions& options = {});

Result<std::monostate> apply_what_if(Plan& plan, const WhatIf& what_if);

// "release_date: 2026-03-10 -> 2026-03-17" lines, then notes and "+ code: message" / "- code:
// message" lines for conflicts added and removed.
std::string format_what_if(const WhatIf& what_if);

}  // namespace relplan

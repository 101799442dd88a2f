// Scheduling conflicts of a plan: what collides, what falls into a blackout, who is told too late.
//
// find_conflicts reads a plan and returns findings; it never changes the plan. Each finding has a
// severity, a stable code (below; tools may match on it), the ids of the releases involved and a
// sentence naming dates and ids. Findings come grouped by code in the order listed, and within a
// code in plan order, so the output is deterministic. Cancelled releases are ignored throughout;
// released ones only take part in version-order (history still orders versions).
//
//   window-invalid   error    a change window ends when or before it starts
//   window-overlap   error    change windows of releases sharing a component or an environment
//                             overlap in time: found by a sweep per component and environment;
//                             a cluster of up to 6 windows is reported pair by pair, a larger one
//                             with one finding per release naming the count and at most 5 others
//   blackout         error    a release date or change window falls in a blackout that applies to
//                             the release's components: one finding per blackout, or, past 5
//                             blackouts, one for the date and one for the window with the count
//                             and the first 5
//   weekend          warning  a release date or change window start on Saturday or Sunday (not for
//                             hotfix and security releases, which go out when needed)
//   holiday          warning  the same for an applicable holiday
//   notice-period    error    less notice than the release type needs (milestone offsets), counted
//                             from the earliest planned or sent communication, else from `today`;
//                    warning  a communication planned after its own notice_days deadline
//   milestone-order  error    planning start <= feature freeze <= code freeze <= release date broken
//   version-order    error    a version not greater than the one released before it (by date) on
//                             the same component, compared as SemVer or in the shared CalVer scheme
//   freeze-exception error    a change added after the code freeze without an approved exception
//                    warning  the same after the feature freeze only
//   unknown-zone     warning  a change window's zone is not in the zone database (its dates are
//                             then taken in UTC)
//   dst-gap          warning  a change window's start or end is written as a local time its zone
//                             skips (a DST gap); the message names the gap and where the window
//                             really starts or ends (RFC 5545 reads such a time with the offset
//                             before the gap, i.e. moved forward by the gap's length)
//   date-range       error    a release date outside 1900-01-01..9999-12-31 (the release is not
//                             checked further)
// Change windows are judged on the local dates of their own zone (UTC when none is set).
#pragma once

#include "plan/plan.hpp"
#include "base/json_doc.hpp"
#include "base/tz.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class Severity { error, warning };
std::string_view to_string(Severity severity);  // "error", "warning"

struct Finding {
    Severity severity = Severity::error;
    std::string code;
    std::vector<std::string> releases;  // release ids, in plan order
    std::string message;
    bool operator==(const Finding&) const = default;
};

struct ConflictOptions {
    std::optional<Date> today;          // for notice-period when nothing is planned; unset: skipped
    const TzDatabase* zones = nullptr;  // for change windows' local dates; unset: UTC dates
};

std::vector<Finding> find_conflicts(const Plan& plan, const ConflictOptions& options = {});
// The same findings in the same order, handed to `each` as they are found: a plan where every
// window overlaps has a finding per release, which the caller need not hold.
void find_conflicts(const Plan& plan, const ConflictOptions& options, const std::function<void(Finding&&)>& each);

bool has_errors(const std::vector<Finding>& findings);

// The findings as a JSON array of {severity, code, releases, message}, two-space indented, with a
// final newline (the `relplan check` output). FindingsJson writes the same text one finding at a
// time, handing it to `sink` in pieces.
std::string findings_to_json(const std::vector<Finding>& findings);
class FindingsJson {
public:
    explicit FindingsJson(std::function<void(std::string_view)> sink);
    void add(const Finding& finding);
    void finish();

private:
    std::function<void(std::string_view)> sink_;
    json::Writer w_;
};

}  // namespace relplan

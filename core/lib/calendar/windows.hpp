// Window finder: proposes change windows for a release in a date range and explains every score.
//
// Candidates start on a grid (every `step` from local midnight, in the search zone) on each day of
// [from, until] and last `duration`. Two constraints exclude a candidate outright, and the search
// reports how many each excluded: a blackout applying to the release's components on any local date
// the window touches, and an overlap with another live release's change window on a shared component
// or environment. Local start times inside a DST gap do not exist and are skipped (also reported).
// Every remaining candidate starts at 100 points and gets one factor per rule, each with its points
// (0 when the rule is satisfied) and a sentence:
//
//   weekday         -30  on Saturday or Sunday, when weekends are avoided
//   holiday         -25  on a holiday that applies to the release
//   business-hours  up to -30, in proportion to the time inside business hours (Monday-Friday,
//                        local wall-clock time), when the release must deploy outside them
//                        (default: major releases)
//   notice-period   -40  fewer days between the announcement (first planned or sent communication,
//                        else `today`) and the window than the release type's notice needs
//   code-freeze     -40  before the planned code freeze; up to -20 when less than the type's
//                        freeze period (the code-freeze offset) has passed since it
//   release-date    -3 per day away from the planned release date, at most -30
//   other-releases  -10 per other release on a shared component or environment that deploys the
//                        same local day, at most -20
//   duration          0  informational: the length and the allowed range
//
// The best `count` candidates that do not overlap each other are returned, best first (ties: the
// earlier start), preferring one per local day before a second on the same day. Defaults follow
// the release-manager guide: duration at least 2 h for major releases and 1 h otherwise, at most
// 8 h; business hours 09:00-17:00.
#pragma once

#include "plan/plan.hpp"
#include "base/result.hpp"
#include "base/tz.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct WindowRequest {
    Date from{};   // first day searched
    Date until{};  // last day searched; the range covers at most 366 days
    // Zone of the proposed windows, business hours and local dates. Empty: the zone of the
    // release's current change window, else the project's time zone, else UTC.
    std::string zone;
    // Window length. Unset: the release's current window length when it has one, else the minimum.
    std::optional<std::chrono::minutes> duration;
    std::optional<std::chrono::minutes> min_duration;  // default 2 h (major) / 1 h
    std::optional<std::chrono::minutes> max_duration;  // default 8 h; at most 24 h
    std::optional<bool> outside_business_hours;        // default: major releases only
    bool avoid_weekends = true;
    int business_start_hour = 9;  // local, 0..23
    int business_end_hour = 17;   // local, 1..24, after the start
    std::chrono::minutes step{60};  // between candidate starts, 15 min .. 24 h, dividing 24 h
    std::int64_t count = 5;         // 1..50
    std::optional<Date> today;      // for notice-period when no communication is planned
};

struct ScoreFactor {
    std::string name;
    std::int32_t points = 0;
    std::string explanation;
    bool operator==(const ScoreFactor&) const = default;
};

struct WindowCandidate {
    ChangeWindow window;  // instants with the zone and its offsets, ready to store in the release
    std::int32_t score = 0;
    std::vector<ScoreFactor> factors;
};

struct WindowSearch {
    std::vector<WindowCandidate> candidates;  // best first
    std::int64_t considered = 0;              // candidate starts generated
    std::vector<std::string> excluded;        // "14 candidates overlap blackout 'Year-end freeze'"
};

Result<WindowSearch> find_windows(const Plan& plan, std::string_view release_id,
                                  const WindowRequest& request, const TzDatabase& zones);

// Text report: one block per candidate with its factors, then the exclusions.
std::string format_window_search(const WindowSearch& search);
// JSON: {"candidates": [{start, end, zone, score, factors: [{name, points, explanation}]}],
// "considered": N, "excluded": [...]}, two-space indented with a final newline.
std::string window_search_to_json(const WindowSearch& search);

}  // namespace relplan

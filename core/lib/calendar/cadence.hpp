// Release cadences ("trains"): a short spec text turned into a series of release dates, and those
// dates turned into planned releases with milestones and versions.
//
// Grammar (case-insensitive, surrounding spaces ignored; also printed by `relplan schedule --help`):
//
//   weekly[:WEEKDAY]        every week on WEEKDAY (default: the weekday of --from)
//   biweekly[:WEEKDAY]      every second week on WEEKDAY, the first on or after --from
//                           (the same as every:2w[:WEEKDAY])
//   every:N(d|w|m)          every N days, weeks or months counted from --from itself (N 1..1000);
//                           months keep --from's day, or the month's last day when it is shorter
//   every:Nw:WEEKDAY        every N weeks on WEEKDAY, the first on or after --from
//   every:Nm:DAY            every N months on DAY, starting with the month of --from
//   monthly[:DAY]           once a month (default DAY: the day of month of --from)
//   quarterly[:DAY]         every third month, starting with the month of --from
//
//   WEEKDAY := mon | tue | wed | thu | fri | sat | sun      (or the full English name)
//   DAY     := 1..31                  that day; shorter months use their last day
//            | ORD-WEEKDAY            1st | 2nd | 3rd | 4th | 5th | last, e.g. 2nd-tue, last-fri;
//                                     months without a 5th such weekday are skipped
//            | last-day
//            | first-business-day | last-business-day    (weekends and the plan's holidays skipped)
//
// Examples: quarterly, monthly:2nd-tue, weekly:wed, every:3w, monthly:last-business-day.
// A series starts on or after --from. It is an Error when the spec is malformed, when the count is
// outside 1..1000, when the series produces no date up to `until` (or 9999-12-31), or when it runs
// past 9999-12-31 before reaching the count.
#pragma once

#include "calendar/business_days.hpp"
#include "plan/plan.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::string_view cadence_grammar =
    "CADENCE SPEC (case-insensitive):\n"
    "  weekly[:WEEKDAY]      every week on WEEKDAY (default: the weekday of --from)\n"
    "  biweekly[:WEEKDAY]    every second week on WEEKDAY\n"
    "  every:N(d|w|m)        every N days, weeks or months from --from itself (N 1..1000)\n"
    "  every:Nw:WEEKDAY      every N weeks on WEEKDAY;  every:Nm:DAY  every N months on DAY\n"
    "  monthly[:DAY]         once a month (default DAY: the day of month of --from)\n"
    "  quarterly[:DAY]       every third month, starting with the month of --from\n"
    "  WEEKDAY  mon tue wed thu fri sat sun\n"
    "  DAY      1..31 (shorter months: their last day) | 1st|2nd|3rd|4th|5th|last-WEEKDAY\n"
    "           (e.g. 2nd-tue; months without a 5th are skipped) | last-day\n"
    "           | first-business-day | last-business-day (skips weekends and the plan's holidays)\n"
    "  examples: quarterly  monthly:2nd-tue  weekly:wed  every:3w  monthly:last-business-day\n";

inline constexpr std::int64_t max_cadence_count = 1000;

struct Cadence {
    enum class Kind { daily, weekly, monthly };
    enum class Day {
        same_as_start,       // without DAY: the day of month of --from (or the month's last)
        day_of_month,        // `day_of_month`
        nth_weekday,         // `ordinal` (1..5, -1 = last) of `weekday`
        last_day,
        first_business_day,
        last_business_day,
    };
    Kind kind = Kind::monthly;
    // Days, weeks or months between releases (monthly = 1, quarterly = 3).
    int interval = 1;
    std::optional<unsigned> weekday;  // weekly: 0 = Sunday .. 6; unset = --from's weekday
    Day day = Day::same_as_start;
    unsigned day_of_month = 1;
    int ordinal = 1;
    bool operator==(const Cadence&) const = default;
};

Result<Cadence> parse_cadence(std::string_view spec);
// The canonical spec: parse_cadence(to_string(c)) == c.
std::string to_string(const Cadence& cadence);

// The first `count` dates of the series on or after `from` (and not after `until`, when given).
Result<std::vector<Date>> cadence_dates(const Cadence& cadence, const Date& from, std::int64_t count,
                                        const BusinessCalendar& calendar = {},
                                        std::optional<Date> until = std::nullopt);

struct TrainOptions {
    ReleaseType type = ReleaseType::minor;
    std::vector<std::string> components;  // component ids for every release of the train
    // CalVer scheme ("YYYY.0M.MICRO"): each release gets the scheme's version for its date. Unset:
    // SemVer, each release the next minor version after the one before.
    std::optional<std::string> calver_scheme;
    // SemVer of the first release; empty = the next minor after the highest version already in the
    // plan for these components (any release when no components are given), or 0.1.0.
    std::string first_version;
    // Release ids are PREFIX-VERSION; empty = the first component id, or "release".
    std::string id_prefix;
};

// Planned releases for `dates` (status planning, milestones from milestones.hpp, versions as in
// `options`), ready to append to the plan. Ids never collide with the plan's (a numeric suffix is
// added). Errors: an unknown component, an invalid first_version or CalVer scheme, a date the
// milestones cannot be placed for.
Result<std::vector<Release>> plan_train(const Plan& plan, const std::vector<Date>& dates,
                                        const TrainOptions& options);

}  // namespace relplan

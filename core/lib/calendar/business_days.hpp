// Calendar dates for scheduling: checked parsing, the supported range, and business-day arithmetic.
//
// A business day is a Monday-to-Friday date that no applicable holiday covers. Holidays come from
// the plan (Period, inclusive ranges); a holiday restricted to components applies to a release only
// when they share a component. Every function that produces a date keeps it within 1900-01-01 ..
// 9999-12-31 and returns an Error naming the problem otherwise; nothing loops without bound (a
// holiday list covering every day simply runs into the range limit).
#pragma once

#include "plan/plan.hpp"
#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace relplan {

inline constexpr Date min_supported_date{std::chrono::year{1900}, std::chrono::January,
                                         std::chrono::day{1}};
inline constexpr Date max_supported_date{std::chrono::year{9999}, std::chrono::December,
                                         std::chrono::day{31}};

// "YYYY-MM-DD" naming a real date within the supported range. `what` names the value in errors:
// parse_date("2026-02-30", "--from") -> "--from: 2026-02-30 does not exist".
Result<Date> parse_date(std::string_view text, std::string_view what = "date");
std::string format_date(const Date& date);  // "2026-03-08"
// Ok when `date` exists and lies in the supported range; otherwise an Error using `what`.
Result<std::monostate> check_date(const Date& date, std::string_view what);
std::string_view weekday_name(const Date& date);  // "Monday" .. "Sunday"

bool is_weekend(const Date& date);

// Holidays applying to one release (or to everything), merged into sorted disjoint day ranges.
class BusinessCalendar {
public:
    BusinessCalendar() = default;
    // Periods that are not ok() or end before they start are ignored here; plan validation reports
    // them. `components` empty means "every holiday applies".
    BusinessCalendar(const std::vector<Period>& holidays,
                     const std::vector<std::string>& components = {});

    bool is_holiday(const Date& date) const;
    // The name of a holiday covering `date` (the earliest-starting one), or "" when none does.
    std::string_view holiday_name(const Date& date) const;
    bool is_business_day(const Date& date) const { return !is_weekend(date) && !is_holiday(date); }

    // `from` moved by `n` business days (n < 0 goes back); n == 0 returns `from` unchanged even
    // when it is not a business day.
    Result<Date> add_business_days(const Date& from, std::int64_t n) const;
    // The first business day on or after / on or before `date`.
    Result<Date> next_business_day(const Date& date) const;
    Result<Date> previous_business_day(const Date& date) const;
    // Business days d with from < d <= to (negative when to < from).
    std::int64_t business_days_between(const Date& from, const Date& to) const;

private:
    struct Range {
        std::chrono::sys_days first;
        std::chrono::sys_days last;
        std::string name;
    };
    const std::pair<std::chrono::sys_days, std::chrono::sys_days>* merged_covering(
        std::chrono::sys_days d) const;
    std::vector<Range> ranges_;  // as listed, stably sorted by first day (for names)
    std::vector<std::chrono::sys_days> reach_;  // reach_[i]: the latest last day of ranges_[0..i]
    std::vector<std::pair<std::chrono::sys_days, std::chrono::sys_days>> merged_;  // disjoint
};

// Business calendars of one plan's holidays by component set, each built on first use: the holidays
// that apply to a release depend only on its components, so n releases over k distinct component
// sets cost k calendars, not n. Holds a reference to the holidays: they must outlive it.
class BusinessCalendars {
public:
    explicit BusinessCalendars(const std::vector<Period>& holidays) : holidays_(holidays) {}
    const BusinessCalendar& for_components(const std::vector<std::string>& components);

private:
    const std::vector<Period>& holidays_;
    std::map<std::vector<std::string>, BusinessCalendar> by_components_;
};

// True when a period restricted to `period_components` concerns something touching `components`
// (either list empty means "everything").
bool applies_to(const std::vector<std::string>& period_components,
                const std::vector<std::string>& components);

}  // namespace relplan

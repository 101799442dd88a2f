#include "calendar/business_days.hpp"

#include "base/dates.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace relplan {

using namespace std::chrono;

namespace {

constexpr sys_days kMinDay{min_supported_date};
constexpr sys_days kMaxDay{max_supported_date};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Weekdays (Mon-Fri) in [1969-12-29, x) -- negative before it; differences count any span.
std::int64_t weekdays_before(sys_days x) {
    const std::int64_t k = x.time_since_epoch().count() + 3;  // 1969-12-29 was a Monday
    const std::int64_t weeks = floor_div(k, 7);
    return 5 * weeks + std::min<std::int64_t>(k - 7 * weeks, 5);
}

std::string shown(std::string_view text) {
    constexpr std::size_t kMax = 40;
    if (text.size() <= kMax) return std::string(text);
    return std::string(text.substr(0, kMax)) + "...";
}

}  // namespace

Result<Date> parse_date(std::string_view text, std::string_view what) {
    const auto d = dates::parse_date(text, dates::DateCheck::shape_only);
    if (!d) {
        return make_error(fmt::format("{}: '{}' is not a date in the form YYYY-MM-DD", what, shown(text)),
                          d.error().offset, d.error().kind);
    }
    auto ok = check_date(*d, what);
    if (!ok) return ok.error();
    return *d;
}

std::string format_date(const Date& date) { return dates::format_date(date); }

Result<std::monostate> check_date(const Date& date, std::string_view what) {
    if (!date.ok()) return make_error(fmt::format("{}: {} does not exist", what, dates::format_date(date)));
    if (date < min_supported_date || date > max_supported_date)
        return make_error(fmt::format("{}: {} is outside the supported range 1900-01-01..9999-12-31",
                                      what, dates::format_date(date)));
    return std::monostate{};
}

std::string_view weekday_name(const Date& date) {
    static constexpr std::string_view names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
    return names[weekday{sys_days{date}}.c_encoding()];
}

bool is_weekend(const Date& date) {
    const unsigned wd = weekday{sys_days{date}}.c_encoding();
    return wd == 0 || wd == 6;
}

bool applies_to(const std::vector<std::string>& period_components,
                const std::vector<std::string>& components) {
    if (period_components.empty() || components.empty()) return true;
    return std::any_of(period_components.begin(), period_components.end(), [&](const std::string& c) {
        return std::find(components.begin(), components.end(), c) != components.end();
    });
}

BusinessCalendar::BusinessCalendar(const std::vector<Period>& holidays,
                                   const std::vector<std::string>& components) {
    for (const Period& p : holidays) {
        if (!p.start.ok() || !p.end.ok() || p.end < p.start) continue;
        if (!applies_to(p.components, components)) continue;
        ranges_.push_back(Range{sys_days{p.start}, sys_days{p.end}, p.name});
    }
    std::stable_sort(ranges_.begin(), ranges_.end(),
                     [](const Range& a, const Range& b) { return a.first < b.first; });
    for (const Range& r : ranges_) {
        reach_.push_back(reach_.empty() ? r.last : std::max(reach_.back(), r.last));
        if (!merged_.empty() && r.first <= merged_.back().second + days{1})
            merged_.back().second = std::max(merged_.back().second, r.last);
        else
            merged_.emplace_back(r.first, r.last);
    }
}

const std::pair<sys_days, sys_days>* BusinessCalendar::merged_covering(sys_days d) const {
    auto it = std::upper_bound(merged_.begin(), merged_.end(), d,
                               [](sys_days x, const auto& r) { return x < r.first; });
    if (it == merged_.begin()) return nullptr;
    --it;
    return d <= it->second ? &*it : nullptr;
}

const BusinessCalendar& BusinessCalendars::for_components(const std::vector<std::string>& components) {
    auto it = by_components_.find(components);
    if (it == by_components_.end()) it = by_components_.emplace(components, BusinessCalendar(holidays_, components)).first;
    return it->second;
}

bool BusinessCalendar::is_holiday(const Date& date) const {
    return date.ok() && merged_covering(sys_days{date}) != nullptr;
}

std::string_view BusinessCalendar::holiday_name(const Date& date) const {
    if (!date.ok()) return {};
    // The first range whose running maximum of last days reaches `d` is the earliest-starting one
    // covering it, if it has started by then: a binary search, not a walk over every holiday.
    const sys_days d{date};
    const auto it = std::lower_bound(reach_.begin(), reach_.end(), d);
    if (it == reach_.end()) return {};
    const Range& r = ranges_[std::size_t(it - reach_.begin())];
    return r.first <= d ? std::string_view(r.name) : std::string_view();
}

Result<Date> BusinessCalendar::next_business_day(const Date& date) const {
    if (auto ok = check_date(date, "date"); !ok) return ok.error();
    sys_days d{date};
    while (d <= kMaxDay) {
        if (const auto* h = merged_covering(d)) {
            d = h->second + days{1};
            continue;
        }
        if (!is_weekend(Date{d})) return Date{d};
        d += days{1};
    }
    return make_error(fmt::format("no business day between {} and 9999-12-31", dates::format_date(date)));
}

Result<Date> BusinessCalendar::previous_business_day(const Date& date) const {
    if (auto ok = check_date(date, "date"); !ok) return ok.error();
    sys_days d{date};
    while (d >= kMinDay) {
        if (const auto* h = merged_covering(d)) {
            d = h->first - days{1};
            continue;
        }
        if (!is_weekend(Date{d})) return Date{d};
        d -= days{1};
    }
    return make_error(fmt::format("no business day between 1900-01-01 and {}", dates::format_date(date)));
}

Result<Date> BusinessCalendar::add_business_days(const Date& from, std::int64_t n) const {
    if (auto ok = check_date(from, "date"); !ok) return ok.error();
    // Spans longer than the supported range cannot end inside it.
    constexpr std::int64_t kMaxSpan = 3'000'000;
    if (n > kMaxSpan || n < -kMaxSpan)
        return make_error(fmt::format("{} business days from {} is outside the supported range "
                                      "1900-01-01..9999-12-31",
                                      n, dates::format_date(from)));
    sys_days d{from};
    const days step{n < 0 ? -1 : 1};
    for (std::int64_t left = n < 0 ? -n : n; left > 0;) {
        d += step;
        if (d < kMinDay || d > kMaxDay)
            return make_error(fmt::format("{} business days from {} is outside the supported range "
                                          "1900-01-01..9999-12-31",
                                          n, dates::format_date(from)));
        if (const auto* h = merged_covering(d)) {
            d = n < 0 ? h->first : h->second;  // the loop's next step leaves the holiday
            continue;
        }
        if (!is_weekend(Date{d})) --left;
    }
    return Date{d};
}

std::int64_t BusinessCalendar::business_days_between(const Date& from, const Date& to) const {
    if (!from.ok() || !to.ok()) return 0;
    if (to < from) return -business_days_between(to, from);
    const sys_days a = sys_days{from} + days{1};
    const sys_days b = sys_days{to};
    std::int64_t count = weekdays_before(b + days{1}) - weekdays_before(a);
    for (const auto& [first, last] : merged_) {
        const sys_days lo = std::max(first, a);
        const sys_days hi = std::min(last, b);
        if (lo <= hi) count -= weekdays_before(hi + days{1}) - weekdays_before(lo);
    }
    return count;
}

}  // namespace relplan

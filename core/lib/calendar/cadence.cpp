#include "calendar/cadence.hpp"

#include "version/calver.hpp"
#include "calendar/milestones.hpp"

#include "version/version_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace relplan {

using namespace std::chrono;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {"sunday",   "monday", "tuesday", "wednesday",
                                                           "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 5> kOrdinals = {"1st", "2nd", "3rd", "4th", "5th"};
constexpr std::size_t kMaxSpecLength = 64;
constexpr std::uint64_t kMaxSafeInteger = 9007199254740991ull;  // SemVer numbers stop here (2^53-1)

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// Spec text for messages: printable ASCII only, shortened.
std::string shown(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, kMaxSpecLength)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (s.size() > kMaxSpecLength) out += "...";
    return out;
}

std::optional<unsigned> parse_weekday(std::string_view s) {
    for (unsigned i = 0; i < 7; ++i)
        if (s == kWeekdays[i] || s == kWeekdayNames[i]) return i;
    return std::nullopt;
}

std::optional<int> parse_number(std::string_view s, int lo, int hi) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    if (n < lo || n > hi) return std::nullopt;
    return n;
}

// DAY := 1..31 | ORD-WEEKDAY | last-day | first-business-day | last-business-day
bool parse_day(std::string_view s, Cadence& c) {
    if (s == "last-day") {
        c.day = Cadence::Day::last_day;
        return true;
    }
    if (s == "first-business-day") {
        c.day = Cadence::Day::first_business_day;
        return true;
    }
    if (s == "last-business-day") {
        c.day = Cadence::Day::last_business_day;
        return true;
    }
    if (auto n = parse_number(s, 1, 31)) {
        c.day = Cadence::Day::day_of_month;
        c.day_of_month = unsigned(*n);
        return true;
    }
    const std::size_t dash = s.find('-');
    if (dash == std::string_view::npos) return false;
    const std::string_view ord = s.substr(0, dash);
    auto wd = parse_weekday(s.substr(dash + 1));
    if (!wd) return false;
    int ordinal = 0;
    if (ord == "last") ordinal = -1;
    for (int i = 0; i < 5; ++i)
        if (ord == kOrdinals[std::size_t(i)]) ordinal = i + 1;
    if (ordinal == 0) return false;
    c.day = Cadence::Day::nth_weekday;
    c.ordinal = ordinal;
    c.weekday = *wd;
    return true;
}

std::string day_text(const Cadence& c) {
    switch (c.day) {
        case Cadence::Day::same_as_start: return {};
        case Cadence::Day::day_of_month: return std::to_string(c.day_of_month);
        case Cadence::Day::nth_weekday:
            return fmt::format("{}-{}", c.ordinal < 0 ? std::string_view("last") : kOrdinals[std::size_t(c.ordinal - 1)],
                               kWeekdays[c.weekday.value_or(0)]);
        case Cadence::Day::last_day: return "last-day";
        case Cadence::Day::first_business_day: return "first-business-day";
        case Cadence::Day::last_business_day: return "last-business-day";
    }
    return {};
}

// The release day in month `ym` under the cadence's DAY rule; nullopt when the month has none.
std::optional<Date> day_in_month(const Cadence& c, year_month ym, const Date& from,
                                 const BusinessCalendar& calendar) {
    const Date first = ym / day{1};
    const Date last_day = Date{ym / last};
    const auto clamp_day = [&](unsigned d) { return Date{ym / day{std::min(d, unsigned(last_day.day()))}}; };
    switch (c.day) {
        case Cadence::Day::same_as_start: return clamp_day(unsigned(from.day()));
        case Cadence::Day::day_of_month: return clamp_day(c.day_of_month);
        case Cadence::Day::last_day: return last_day;
        case Cadence::Day::nth_weekday: {
            const weekday wd{c.weekday.value_or(0)};
            const Date d = c.ordinal < 0 ? Date{ym / wd[std::chrono::last]}
                                         : Date{sys_days{ym / wd[unsigned(c.ordinal)]}};
            // A missing 5th weekday converts to a day of the next month.
            if (d.month() != ym.month()) return std::nullopt;
            return d;
        }
        case Cadence::Day::first_business_day: {
            auto d = calendar.next_business_day(first);
            if (!d || *d > last_day) return std::nullopt;
            return *d;
        }
        case Cadence::Day::last_business_day: {
            auto d = calendar.previous_business_day(last_day);
            if (!d || *d < first) return std::nullopt;
            return *d;
        }
    }
    return std::nullopt;
}

std::string next_minor_text(const std::array<std::uint64_t, 3>& v) {
    return fmt::format("{}.{}.0", v[0], v[1] + 1);
}

}  // namespace

Result<Cadence> parse_cadence(std::string_view spec) {
    if (spec.size() > kMaxSpecLength)
        return make_error(fmt::format("cadence '{}' is too long ({} characters; at most {})", shown(spec),
                                      spec.size(), kMaxSpecLength));
    const std::string s = lower_trimmed(spec);
    if (s.empty()) return make_error("empty cadence (expected e.g. monthly:2nd-tue; see relplan schedule --help)");
    const std::size_t colon = s.find(':');
    const std::string_view head = std::string_view(s).substr(0, colon);
    const std::string_view arg = colon == std::string::npos ? std::string_view() : std::string_view(s).substr(colon + 1);
    const bool has_arg = colon != std::string::npos;
    auto bad = [&](const std::string& why) {
        return make_error(fmt::format("cadence '{}': {}", shown(spec), why));
    };
    const auto weekday_error = [&](std::string_view w) {
        return bad(fmt::format("'{}' is not a weekday (mon, tue, wed, thu, fri, sat, sun)", shown(w)));
    };
    const auto day_error = [&](std::string_view d) {
        return bad(fmt::format("'{}' is not a day (1..31, 2nd-tue, last-fri, last-day, first-business-day "
                               "or last-business-day)",
                               shown(d)));
    };
    Cadence c;
    if (head == "weekly" || head == "biweekly") {
        c.kind = Cadence::Kind::weekly;
        c.interval = head == "weekly" ? 1 : 2;
        if (has_arg) {
            auto wd = parse_weekday(arg);
            if (!wd) return weekday_error(arg);
            c.weekday = *wd;
        }
        return c;
    }
    if (head == "monthly" || head == "quarterly") {
        c.kind = Cadence::Kind::monthly;
        c.interval = head == "monthly" ? 1 : 3;
        if (has_arg && !parse_day(arg, c)) return day_error(arg);
        return c;
    }
    if (head == "every") {
        if (!has_arg || arg.empty()) return bad("expected every:N followed by d, w or m (e.g. every:3w)");
        const std::size_t second = arg.find(':');
        const std::string_view count = arg.substr(0, second);
        const std::string_view rest = second == std::string_view::npos ? std::string_view() : arg.substr(second + 1);
        const char unit = count.back();
        auto n = parse_number(count.substr(0, count.size() - 1), 1, 1000);
        if (!n || (unit != 'd' && unit != 'w' && unit != 'm'))
            return bad(fmt::format("'{}' is not a count from 1 to 1000 followed by d, w or m", shown(count)));
        c.interval = *n;
        if (unit == 'd') {
            c.kind = Cadence::Kind::daily;
            if (second != std::string_view::npos) return bad("every:Nd takes no further argument");
        } else if (unit == 'w') {
            c.kind = Cadence::Kind::weekly;
            if (second != std::string_view::npos) {
                auto wd = parse_weekday(rest);
                if (!wd) return weekday_error(rest);
                c.weekday = *wd;
            }
        } else {
            c.kind = Cadence::Kind::monthly;
            if (second != std::string_view::npos && !parse_day(rest, c)) return day_error(rest);
        }
        return c;
    }
    return bad("expected weekly, biweekly, every:N(d|w|m), monthly or quarterly");
}

std::string to_string(const Cadence& c) {
    switch (c.kind) {
        case Cadence::Kind::daily: return fmt::format("every:{}d", c.interval);
        case Cadence::Kind::weekly: {
            std::string out = c.interval == 1 ? std::string("weekly") : fmt::format("every:{}w", c.interval);
            if (c.weekday) out += fmt::format(":{}", kWeekdays[*c.weekday % 7]);
            return out;
        }
        case Cadence::Kind::monthly: {
            std::string out = c.interval == 1   ? std::string("monthly")
                              : c.interval == 3 ? std::string("quarterly")
                                                : fmt::format("every:{}m", c.interval);
            const std::string day = day_text(c);
            if (!day.empty()) out += ":" + day;
            return out;
        }
    }
    return {};
}

Result<std::vector<Date>> cadence_dates(const Cadence& c, const Date& from, std::int64_t count,
                                        const BusinessCalendar& calendar, std::optional<Date> until) {
    if (count < 1 || count > max_cadence_count)
        return make_error(fmt::format("count must be between 1 and {} (got {})", max_cadence_count, count));
    if (c.interval < 1 || c.interval > 1000)
        return make_error(fmt::format("cadence interval must be between 1 and 1000 (got {})", c.interval));
    if (auto ok = check_date(from, "start date"); !ok) return ok.error();
    if (until) {
        if (auto ok = check_date(*until, "end date"); !ok) return ok.error();
        if (*until < from)
            return make_error(fmt::format("the series ends ({}) before it starts ({})", format_date(*until),
                                          format_date(from)));
    }
    const Date limit = until ? *until : max_supported_date;
    std::vector<Date> out;
    auto finish = [&]() -> Result<std::vector<Date>> {
        if (out.empty())
            return make_error(fmt::format("cadence '{}' produces no dates between {} and {}", to_string(c),
                                          format_date(from), format_date(limit)));
        if (!until && std::int64_t(out.size()) < count)
            return make_error(fmt::format("cadence '{}' produces only {} of {} dates before 9999-12-31",
                                          to_string(c), out.size(), count));
        return out;
    };
    if (c.kind == Cadence::Kind::daily || c.kind == Cadence::Kind::weekly) {
        sys_days d{from};
        std::int64_t step = c.interval;
        if (c.kind == Cadence::Kind::weekly) {
            step *= 7;
            if (c.weekday) d += days{int((*c.weekday % 7 + 7 - weekday{d}.c_encoding()) % 7)};
        }
        // 64-bit day numbers: the last step may overshoot 9999 by up to 7000 days.
        for (std::int64_t n = d.time_since_epoch().count();
             std::int64_t(out.size()) < count && n <= sys_days{limit}.time_since_epoch().count(); n += step)
            out.push_back(Date{sys_days{days{n}}});
        return finish();
    }
    const year_month start = from.year() / from.month();
    for (std::int64_t k = 0; std::int64_t(out.size()) < count; ++k) {
        const year_month ym = start + months{int(k * c.interval)};
        if (ym.year() > limit.year() || (ym.year() == limit.year() && ym.month() > limit.month())) break;
        auto d = day_in_month(c, ym, from, calendar);
        if (!d || *d < from || *d > limit) continue;
        out.push_back(*d);
    }
    return finish();
}

Result<std::vector<Release>> plan_train(const Plan& plan, const std::vector<Date>& dates,
                                        const TrainOptions& options) {
    for (const std::string& id : options.components)
        if (!find_component(plan, id)) return make_error(fmt::format("unknown component '{}'", id));
    const auto shares = [&](const Release& r) { return applies_to(r.components, options.components); };

    std::optional<CalverScheme> scheme;
    std::optional<CalverVersion> calver_current;
    std::optional<std::array<std::uint64_t, 3>> semver_current;
    std::string first_version = options.first_version;
    if (options.calver_scheme) {
        auto s = CalverScheme::parse(*options.calver_scheme);
        if (!s) return s.error();
        scheme = *s;
        if (!options.first_version.empty())
            return make_error("a first version applies to SemVer trains only; CalVer versions come from the dates");
        for (const Release& r : plan.releases) {
            if (!shares(r) || !r.calver_scheme) continue;
            auto rs = CalverScheme::parse(*r.calver_scheme);
            if (!rs || !(*rs == *scheme)) continue;
            auto v = parse_calver(r.version, *scheme);
            if (v && (!calver_current || compare(*v, *calver_current) > 0)) calver_current = *v;
        }
    } else if (!first_version.empty()) {
        if (!versions::semver_numbers(first_version))
            return make_error(fmt::format("first version '{}' is not a SemVer version such as 1.4.0",
                                          shown(first_version)));
    } else {
        std::string highest;
        for (const Release& r : plan.releases) {
            if (!shares(r) || r.calver_scheme || !versions::is_semver(r.version)) continue;
            if (highest.empty() || versions::compare_semver(r.version, highest).value_or(0) > 0) highest = r.version;
        }
        if (highest.empty()) first_version = "0.1.0";
        else semver_current = versions::semver_numbers(highest);
    }

    std::set<std::string> ids;
    for (const Release& r : plan.releases) ids.insert(r.id);
    BusinessCalendars calendars(plan.holidays);
    const std::string prefix = !options.id_prefix.empty()     ? options.id_prefix
                               : !options.components.empty() ? options.components.front()
                                                             : std::string("release");
    std::vector<Release> out;
    for (const Date& date : dates) {
        Release r;
        r.type = options.type;
        r.status = ReleaseStatus::planning;
        r.components = options.components;
        r.release_date = date;
        if (scheme) {
            CalverNextOptions next;
            next.current = calver_current;
            auto v = next_calver(*scheme, date, next);
            if (!v) return make_error(fmt::format("release on {}: {}", format_date(date), v.error().message));
            calver_current = *v;
            r.version = v->to_string();
            r.calver_scheme = scheme->to_string();
        } else if (!first_version.empty()) {
            r.version = first_version;
            semver_current = versions::semver_numbers(first_version);
            first_version.clear();
        } else {
            if ((*semver_current)[1] >= kMaxSafeInteger)
                return make_error(fmt::format("release on {}: the minor version cannot go past {}",
                                              format_date(date), kMaxSafeInteger));
            r.version = next_minor_text(*semver_current);
            semver_current = versions::semver_numbers(r.version);
        }
        std::string id = prefix + "-" + r.version;
        for (int n = 2; ids.count(id); ++n) id = fmt::format("{}-{}-{}", prefix, r.version, n);
        ids.insert(id);
        r.id = id;
        auto schedule = compute_milestones(plan, r, calendars);
        if (!schedule) return make_error(fmt::format("release {}: {}", r.id, schedule.error().message));
        apply_milestones(r, *schedule);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace relplan

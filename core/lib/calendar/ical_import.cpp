#include "calendar/ical.hpp"

#include "base/dates.hpp"
#include "calendar/business_days.hpp"
#include "base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace relplan {

using namespace std::chrono;

namespace {

constexpr std::size_t kMaxDepth = 16;
constexpr std::size_t kMaxEvents = 100000;
constexpr std::size_t kMaxOccurrences = 1000;
constexpr std::size_t kMaxPeriods = 200000;
constexpr std::size_t kMaxRuleList = 64;  // entries in one BYxxx list

// Warnings are collected with their line and sorted by it at the end, so they read top to bottom
// although unfolding, parsing and expansion find them in separate passes.
using Warnings = std::vector<std::pair<std::size_t, std::string>>;

struct ContentLine {
    std::string text;
    std::size_t line = 0;  // physical line it starts on, 1-based
};

struct Param {
    std::string name;  // upper case
    std::string value;
};

struct Property {
    std::string name;  // upper case
    std::vector<Param> params;
    std::string value;
    std::size_t line = 0;

    std::string_view param(std::string_view key) const {
        for (const Param& p : params)
            if (p.name == key) return p.value;
        return {};
    }
};

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// "NAME;..." or "NAME:..." -- the start of a property rather than a stray continuation.
bool looks_like_property(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && is_name_char(line[i])) ++i;
    return i > 0 && i < line.size() && (line[i] == ':' || line[i] == ';');
}

std::string shown(std::string_view s) {
    constexpr std::size_t kMax = 40;
    std::string c = clean_text(s.substr(0, kMax));
    if (s.size() > kMax) c += "...";
    return c;
}

// Physical lines -> content lines (RFC 5545 3.1), repairing what can be repaired.
std::vector<ContentLine> unfold(std::string_view text, Warnings& warnings) {
    std::vector<ContentLine> out;
    std::size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (line[0] == ' ' || line[0] == '\t') {
            if (out.empty())
                warnings.emplace_back(line_no, "continuation line with nothing before it; ignored");
            else
                out.back().text.append(line.substr(1));
            continue;
        }
        if (!looks_like_property(line)) {
            // Joining onto BEGIN/END would corrupt the structure; there it is only noise.
            const bool joinable = !out.empty() && out.back().text.rfind("BEGIN:", 0) != 0 &&
                                  out.back().text.rfind("END:", 0) != 0;
            if (joinable) {
                warnings.emplace_back(line_no, fmt::format("'{}' is not a property; joined to the line "
                                                           "before (folded without the leading space?)",
                                                           shown(line)));
                out.back().text.append(line);
            } else {
                warnings.emplace_back(line_no, fmt::format("'{}' is not a property; ignored", shown(line)));
            }
            continue;
        }
        out.push_back(ContentLine{std::string(line), line_no});
    }
    return out;
}

// name *(";" param) ":" value, with quoted parameter values.
std::optional<Property> parse_property(const ContentLine& cl) {
    const std::string& s = cl.text;
    Property p;
    p.line = cl.line;
    std::size_t i = 0;
    while (i < s.size() && is_name_char(s[i])) ++i;
    if (i == 0) return std::nullopt;
    p.name = upper(s.substr(0, i));
    while (i < s.size() && s[i] == ';') {
        ++i;
        std::size_t k = i;
        while (i < s.size() && is_name_char(s[i])) ++i;
        if (i == k || i >= s.size() || s[i] != '=') return std::nullopt;
        Param param{upper(s.substr(k, i - k)), {}};
        ++i;
        // Values may be a comma-separated list; each item quoted or not. Kept as written, minus
        // the quotes.
        for (;;) {
            if (i < s.size() && s[i] == '"') {
                std::size_t close = s.find('"', i + 1);
                if (close == std::string::npos) return std::nullopt;
                param.value += s.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                std::size_t k2 = i;
                while (i < s.size() && s[i] != ';' && s[i] != ':' && s[i] != ',') ++i;
                param.value += s.substr(k2, i - k2);
            }
            if (i < s.size() && s[i] == ',') {
                param.value += ',';
                ++i;
                continue;
            }
            break;
        }
        p.params.push_back(std::move(param));
    }
    if (i >= s.size() || s[i] != ':') return std::nullopt;
    p.value = s.substr(i + 1);
    return p;
}

std::string unescape_text(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            const char n = v[++i];
            out += (n == 'n' || n == 'N') ? '\n' : n;
        } else {
            out += v[i];
        }
    }
    return out;
}

// RFC 5545 / RFC 7986 property names, which are ignored quietly when relplan does not use them.
bool is_registered_property(std::string_view name) {
    static const std::set<std::string_view> known = {
        "ACTION",     "ATTACH",        "ATTENDEE",     "BEGIN",           "CALSCALE",
        "CATEGORIES", "CLASS",         "COLOR",        "COMMENT",         "COMPLETED",
        "CONFERENCE", "CONTACT",       "CREATED",      "DESCRIPTION",     "DTEND",
        "DTSTAMP",    "DTSTART",       "DUE",          "DURATION",        "END",
        "EXDATE",     "FREEBUSY",      "GEO",          "IMAGE",           "LAST-MODIFIED",
        "LOCATION",   "METHOD",        "NAME",         "ORGANIZER",       "PERCENT-COMPLETE",
        "PRIORITY",   "PRODID",        "RDATE",        "RECURRENCE-ID",   "REFRESH-INTERVAL",
        "RELATED-TO", "REPEAT",        "REQUEST-STATUS", "RESOURCES",     "RRULE",
        "SEQUENCE",   "SOURCE",        "STATUS",       "SUMMARY",         "TRANSP",
        "TRIGGER",    "TZID",          "TZNAME",       "TZOFFSETFROM",    "TZOFFSETTO",
        "TZURL",      "UID",           "URL",          "VERSION",
    };
    return known.count(name) != 0;
}

// A DATE or DATE-TIME value on its own clock: seconds since 1970 of the time as written (floating
// and TZID times are not converted; a holiday is on the dates its calendar shows).
struct When {
    std::int64_t seconds = 0;
    bool date_only = false;
};

std::optional<When> parse_when(std::string_view v) {
    const auto parsed = dates::parse_basic_date_time(v);
    if (!parsed) return std::nullopt;
    When w;
    w.seconds = std::int64_t{sys_days{parsed->date}.time_since_epoch().count()} * 86400;
    w.date_only = !parsed->time_of_day;
    if (parsed->time_of_day) w.seconds += parsed->time_of_day->count();
    return w;
}

Date day_of(std::int64_t seconds) {
    std::int64_t d = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    return Date{sys_days{days{d}}};
}

// RFC 5545 dur-value: [+|-]P(nW | nD[T...] | T(nH[nM[nS]] | nM[nS] | nS)), in seconds.
std::optional<std::int64_t> parse_duration(std::string_view v) {
    std::size_t i = 0;
    int sign = 1;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) sign = v[i++] == '-' ? -1 : 1;
    if (i >= v.size() || v[i] != 'P') return std::nullopt;
    ++i;
    std::int64_t total = 0;
    bool in_time = false, any = false;
    while (i < v.size()) {
        if (v[i] == 'T') {
            if (in_time) return std::nullopt;
            in_time = true;
            ++i;
            continue;
        }
        std::int64_t n = 0;
        std::size_t start = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i - start < 9) n = n * 10 + (v[i++] - '0');
        if (i == start || i >= v.size()) return std::nullopt;
        const char unit = v[i++];
        if (!in_time && unit == 'W') total += n * 7 * 86400;
        else if (!in_time && unit == 'D') total += n * 86400;
        else if (in_time && unit == 'H') total += n * 3600;
        else if (in_time && unit == 'M') total += n * 60;
        else if (in_time && unit == 'S') total += n;
        else return std::nullopt;
        any = true;
    }
    if (!any) return std::nullopt;
    return sign * total;
}

struct RawEvent {
    std::size_t line = 0;
    std::map<std::string, Property> first;  // the first of each property
    std::vector<Property> exdates;
    std::vector<Property> rdates;
};

struct ByDay {
    int ordinal = 0;  // 0 = every such weekday
    unsigned weekday = 0;
};

struct YearlyRule {
    int interval = 1;
    std::optional<std::int64_t> count;
    std::optional<Date> until;
    std::vector<unsigned> months;
    std::vector<int> month_days;
    std::vector<ByDay> days;
};

std::optional<int> parse_int(std::string_view s, int lo, int hi) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int sign = 1;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        sign = s[0] == '-' ? -1 : 1;
        i = 1;
    }
    if (i >= s.size()) return std::nullopt;
    int n = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        n = n * 10 + (s[i] - '0');
    }
    n *= sign;
    if (n < lo || n > hi) return std::nullopt;
    return n;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t k = s.find(sep, start);
        out.push_back(s.substr(start, k == std::string_view::npos ? std::string_view::npos : k - start));
        if (k == std::string_view::npos) return out;
        start = k + 1;
    }
}

std::optional<unsigned> weekday_code(std::string_view s) {
    static constexpr std::array<std::string_view, 7> codes = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    for (unsigned i = 0; i < 7; ++i)
        if (codes[i] == s) return i;
    return std::nullopt;
}

// Appends the n-th (1-based; negative counts from the end; 0 = every) weekday `wd` in
// [first, last], by arithmetic so long rules stay cheap.
void nth_weekdays(sys_days first, sys_days last, unsigned wd, int n, std::vector<Date>& out) {
    const sys_days f = first + days{int((wd + 7 - weekday{first}.c_encoding()) % 7)};
    if (f > last) return;
    const int count = int((last - f).count() / 7) + 1;
    if (n == 0) {
        for (int i = 0; i < count; ++i) out.push_back(Date{f + days{7 * i}});
        return;
    }
    const int idx = n > 0 ? n - 1 : count + n;
    if (idx >= 0 && idx < count) out.push_back(Date{f + days{7 * idx}});
}

// The dates matching the rule's BY parts in one year, sorted.
std::vector<Date> yearly_candidates(const YearlyRule& r, int y, const Date& start) {
    std::vector<Date> out;
    const year yr{y};
    // Without BYMONTH: BYMONTHDAY expands over every month, BYDAY alone over the year, and a bare
    // rule repeats DTSTART's month and day.
    std::vector<unsigned> months = r.months;
    if (months.empty() && !r.month_days.empty())
        for (unsigned m = 1; m <= 12; ++m) months.push_back(m);
    else if (months.empty() && r.days.empty())
        months.push_back(unsigned(start.month()));
    if (months.empty()) {
        // BYDAY alone: ordinal weekdays within the whole year ("20MO" = the 20th Monday).
        for (const ByDay& bd : r.days)
            nth_weekdays(sys_days{yr / January / 1}, sys_days{yr / December / 31}, bd.weekday,
                         bd.ordinal, out);
    } else {
        for (unsigned m : months) {
            const year_month ym = yr / month{m};
            const int days_in = int(unsigned((ym / last).day()));
            std::vector<Date> in_month;
            if (!r.days.empty()) {
                for (const ByDay& bd : r.days)
                    nth_weekdays(sys_days{ym / day{1}}, sys_days{ym / last}, bd.weekday, bd.ordinal,
                                 in_month);
            } else if (r.month_days.empty()) {
                in_month.push_back(ym / start.day());  // not ok() for Feb 29 in common years
            }
            // BYMONTHDAY alone lists days; with BYDAY it filters them ("Friday the 13th").
            if (r.month_days.empty()) {
                for (const Date& d : in_month)
                    if (d.ok()) out.push_back(d);
                continue;
            }
            for (int md : r.month_days) {
                const int d = md > 0 ? md : days_in + 1 + md;
                if (d < 1 || d > days_in) continue;
                const Date date = ym / day{unsigned(d)};
                if (r.days.empty() || std::find(in_month.begin(), in_month.end(), date) != in_month.end())
                    out.push_back(date);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

class Importer {
public:
    Importer(const IcsImportOptions& options, IcsImport& out, Warnings& warnings)
        : options_(options), out_(out), warnings_(warnings) {}

    void warn(std::size_t line, std::string what) { warnings_.emplace_back(line, std::move(what)); }

    void run(std::vector<RawEvent>& events) {
        // RECURRENCE-ID instances replace one occurrence of their master: drop it there.
        for (const RawEvent& e : events) {
            auto rid = e.first.find("RECURRENCE-ID");
            auto uid = e.first.find("UID");
            if (rid == e.first.end() || uid == e.first.end()) continue;
            if (auto w = parse_when(rid->second.value)) overridden_[uid->second.value].insert(day_of(w->seconds));
        }
        for (const RawEvent& e : events) import_event(e);
    }

private:
    void import_event(const RawEvent& e) {
        auto status = e.first.find("STATUS");
        if (status != e.first.end() && upper(status->second.value) == "CANCELLED") return;
        auto start_p = e.first.find("DTSTART");
        if (start_p == e.first.end()) {
            warn(e.line, "event without DTSTART skipped");
            return;
        }
        const Property& sp = start_p->second;
        auto start = parse_when(sp.value);
        if (!start) {
            warn(sp.line, fmt::format("DTSTART '{}' is not a DATE or DATE-TIME; event skipped", shown(sp.value)));
            return;
        }
        const bool value_date = upper(sp.param("VALUE")) == "DATE";
        if (value_date && !start->date_only) {
            warn(sp.line, "DTSTART has VALUE=DATE but a time; the date is used");
            start->seconds = std::int64_t{sys_days{day_of(start->seconds)}.time_since_epoch().count()} * 86400;
            start->date_only = true;
        }

        std::int64_t end = start->seconds + 86400;  // exclusive
        if (!start->date_only) end = start->seconds;  // an instant: its own day only
        if (auto dtend = e.first.find("DTEND"); dtend != e.first.end()) {
            auto w = parse_when(dtend->second.value);
            if (!w) warn(dtend->second.line, fmt::format("DTEND '{}' is not a DATE or DATE-TIME; ignored", shown(dtend->second.value)));
            else if (w->seconds < start->seconds)
                warn(dtend->second.line, "DTEND is before DTSTART; the event is taken as its start day");
            else end = w->seconds;
        } else if (auto dur = e.first.find("DURATION"); dur != e.first.end()) {
            auto d = parse_duration(dur->second.value);
            if (!d) warn(dur->second.line, fmt::format("DURATION '{}' is malformed; ignored", shown(dur->second.value)));
            else if (*d < 0) warn(dur->second.line, "DURATION is negative; ignored");
            else end = start->seconds + *d;
        }
        const Date first_day = day_of(start->seconds);
        // End is exclusive; a zero-length event still occupies its day.
        const Date last_day = end > start->seconds ? day_of(end - 1) : first_day;
        if (!check_date(first_day, "date") || !check_date(last_day, "date")) {
            warn(sp.line, fmt::format("event dates {}..{} are outside 1900..9999; event skipped",
                                      format_date(first_day), format_date(last_day)));
            return;
        }
        const auto length = sys_days{last_day} - sys_days{first_day};

        std::string name;
        if (auto s = e.first.find("SUMMARY"); s != e.first.end()) name = clean_text(unescape_text(s->second.value));
        if (name.empty()) name = "(untitled)";

        std::set<Date> excluded;
        if (auto uid = e.first.find("UID"); uid != e.first.end() && e.first.count("RECURRENCE-ID") == 0) {
            auto it = overridden_.find(uid->second.value);
            if (it != overridden_.end()) excluded = it->second;
        }
        for (const Property& p : e.exdates)
            for (std::string_view v : split(p.value, ','))
                if (auto w = parse_when(v)) excluded.insert(day_of(w->seconds));
                else warn(p.line, fmt::format("EXDATE value '{}' is malformed; ignored", shown(v)));

        std::vector<Date> dates;
        auto rrule = e.first.find("RRULE");
        if (rrule == e.first.end()) {
            if (in_range(first_day, first_day)) dates.push_back(first_day);
        } else {
            dates = expand(rrule->second, first_day);
        }
        for (const Property& p : e.rdates) {
            if (upper(p.param("VALUE")) == "PERIOD") {
                warn(p.line, "RDATE periods are not supported; ignored");
                continue;
            }
            for (std::string_view v : split(p.value, ','))
                if (auto w = parse_when(v)) {
                    const Date d = day_of(w->seconds);
                    if (check_date(d, "date") && in_range(d, first_day)) dates.push_back(d);
                } else {
                    warn(p.line, fmt::format("RDATE value '{}' is malformed; ignored", shown(v)));
                }
        }
        std::sort(dates.begin(), dates.end());
        dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
        for (const Date& d : dates) {
            if (excluded.count(d)) continue;
            if (out_.periods.size() >= kMaxPeriods) {
                if (!warned_period_limit_) warn(e.line, fmt::format("more than {} periods; the rest are ignored", kMaxPeriods));
                warned_period_limit_ = true;
                return;
            }
            const sys_days last = sys_days{d} + length;
            if (last > sys_days{max_supported_date}) continue;
            Period p;
            p.name = name;
            p.start = d;
            p.end = Date{last};
            out_.periods.push_back(std::move(p));
        }
    }

    bool in_range(const Date& d, const Date& start) const {
        return d >= range_from(start) && d <= range_until(start);
    }
    Date range_from(const Date& start) const { return options_.from ? *options_.from : start; }
    Date range_until(const Date& start) const {
        if (options_.until) return *options_.until;
        const int y = std::min(int(start.year()) + 10, 9999);
        return Date{year{y}, December, day{31}};
    }

    std::vector<Date> expand(const Property& p, const Date& start) {
        std::vector<Date> out;
        auto only_first = [&](const std::string& why) {
            warn(p.line, why + "; only the first occurrence is imported");
            if (in_range(start, start)) out.push_back(start);
            return out;
        };
        YearlyRule r;
        std::string freq;
        for (std::string_view part : split(p.value, ';')) {
            if (part.empty()) continue;
            const std::size_t eq = part.find('=');
            if (eq == std::string_view::npos) return only_first(fmt::format("RRULE part '{}' is malformed", shown(part)));
            const std::string key = upper(part.substr(0, eq));
            const std::string_view val = part.substr(eq + 1);
            if (split(val, ',').size() > kMaxRuleList)
                return only_first(fmt::format("RRULE {} lists more than {} values", shown(key), kMaxRuleList));
            if (key == "FREQ") {
                freq = upper(val);
            } else if (key == "INTERVAL") {
                auto n = parse_int(val, 1, 1000);
                if (!n) return only_first(fmt::format("RRULE INTERVAL '{}' is malformed", shown(val)));
                r.interval = *n;
            } else if (key == "COUNT") {
                auto n = parse_int(val, 1, 1000000000);
                if (!n) return only_first(fmt::format("RRULE COUNT '{}' is malformed", shown(val)));
                r.count = *n;
            } else if (key == "UNTIL") {
                auto w = parse_when(val);
                if (!w) return only_first(fmt::format("RRULE UNTIL '{}' is malformed", shown(val)));
                r.until = day_of(w->seconds);
            } else if (key == "BYMONTH") {
                for (std::string_view m : split(val, ',')) {
                    auto n = parse_int(m, 1, 12);
                    if (!n) return only_first(fmt::format("RRULE BYMONTH '{}' is malformed", shown(val)));
                    r.months.push_back(unsigned(*n));
                }
            } else if (key == "BYMONTHDAY") {
                for (std::string_view m : split(val, ',')) {
                    auto n = parse_int(m, -31, 31);
                    if (!n || *n == 0) return only_first(fmt::format("RRULE BYMONTHDAY '{}' is malformed", shown(val)));
                    r.month_days.push_back(*n);
                }
            } else if (key == "BYDAY") {
                for (std::string_view item : split(val, ',')) {
                    const std::string u = upper(item);
                    auto wd = u.size() >= 2 ? weekday_code(std::string_view(u).substr(u.size() - 2)) : std::nullopt;
                    std::optional<int> ord = u.size() == 2 ? std::optional<int>(0)
                                                           : parse_int(std::string_view(u).substr(0, u.size() - 2), -53, 53);
                    if (!wd || !ord) return only_first(fmt::format("RRULE BYDAY '{}' is malformed", shown(val)));
                    r.days.push_back(ByDay{*ord, *wd});
                }
            } else if (key == "WKST") {
                // Week start only matters for weekly rules with BYDAY, which are not expanded.
            } else {
                return only_first(fmt::format("RRULE part {} is not supported", shown(key)));
            }
        }
        if (freq != "YEARLY")
            return only_first(freq.empty() ? std::string("RRULE without FREQ")
                                           : fmt::format("RRULE FREQ={} is not supported (only YEARLY)", shown(freq)));

        const Date from = range_from(start), until = range_until(start);
        std::int64_t produced = 0;  // occurrences from DTSTART on, in or out of range (COUNT)
        auto take = [&](const Date& d) {
            ++produced;
            if (d >= from && d <= until) out.push_back(d);
        };
        // DTSTART is always the first occurrence (RFC 5545 3.8.5.3), matching or not.
        take(start);
        const int last_year = std::min(int(until.year()), r.until ? int(r.until->year()) : 9999);
        for (int y = int(start.year()); y <= last_year; y += r.interval) {
            for (const Date& d : yearly_candidates(r, y, start)) {
                if (d <= start) continue;
                if (r.until && d > *r.until) return out;
                if (r.count && produced >= *r.count) return out;
                if (d > until) return out;
                take(d);
                if (out.size() >= kMaxOccurrences) {
                    warn(p.line, fmt::format("recurrence stopped after {} occurrences (until {})",
                                             kMaxOccurrences, format_date(d)));
                    return out;
                }
            }
        }
        return out;
    }

    const IcsImportOptions& options_;
    IcsImport& out_;
    Warnings& warnings_;
    std::map<std::string, std::set<Date>> overridden_;
    bool warned_period_limit_ = false;
};

}  // namespace

Result<IcsImport> import_ics(std::string_view text, const IcsImportOptions& options) {
    if (text.size() > max_ics_bytes)
        return make_error(fmt::format("calendar is {} bytes; the limit is {} MiB", text.size(),
                                      max_ics_bytes >> 20));
    if (options.from && options.until && *options.until < *options.from)
        return make_error(fmt::format("import range ends ({}) before it starts ({})",
                                      format_date(*options.until), format_date(*options.from)));
    IcsImport result;
    Warnings warnings;
    const std::vector<ContentLine> lines = unfold(text, warnings);

    std::vector<std::string> stack;
    std::vector<RawEvent> events;
    RawEvent current;
    bool seen_calendar = false;
    bool warned_outside = false;
    bool warned_event_limit = false;
    std::set<std::string> warned_unknown;
    for (const ContentLine& cl : lines) {
        auto prop = parse_property(cl);
        if (!prop) {
            warnings.emplace_back(cl.line, fmt::format("'{}' is not a valid content line; ignored",
                                                       shown(cl.text)));
            continue;
        }
        if (prop->name == "BEGIN") {
            const std::string comp = upper(prop->value);
            if (stack.empty() && comp != "VCALENDAR") {
                warnings.emplace_back(cl.line, fmt::format("BEGIN:{} outside VCALENDAR; ignored", shown(comp)));
                continue;
            }
            if (stack.size() >= kMaxDepth)
                return make_error(fmt::format("line {}: components nested more than {} deep", cl.line, kMaxDepth));
            if (comp == "VCALENDAR") seen_calendar = true;
            stack.push_back(comp);
            if (comp == "VEVENT" && stack.size() == 2) current = RawEvent{cl.line, {}, {}, {}};
            continue;
        }
        if (prop->name == "END") {
            const std::string comp = upper(prop->value);
            auto it = std::find(stack.rbegin(), stack.rend(), comp);
            if (it == stack.rend()) {
                warnings.emplace_back(cl.line, fmt::format("END:{} without a matching BEGIN; ignored", shown(comp)));
                continue;
            }
            const std::size_t depth = stack.size() - std::size_t(it - stack.rbegin()) - 1;
            if (depth + 1 != stack.size())
                warnings.emplace_back(cl.line, fmt::format("END:{} closes {} still open", comp, stack.back()));
            if (depth <= 1 && stack.size() >= 2 && stack[1] == "VEVENT") {
                if (events.size() < kMaxEvents) {
                    events.push_back(std::move(current));
                } else if (!warned_event_limit) {
                    warned_event_limit = true;
                    warnings.emplace_back(cl.line, fmt::format("more than {} events; the rest are ignored", kMaxEvents));
                }
            }
            stack.resize(depth);
            continue;
        }
        if (stack.empty()) {
            if (!warned_outside) {
                warned_outside = true;
                warnings.emplace_back(cl.line, "content outside VCALENDAR ignored");
            }
            continue;
        }
        if (!is_registered_property(prop->name) && prop->name.rfind("X-", 0) != 0 &&
            warned_unknown.insert(prop->name).second)
            warnings.emplace_back(cl.line, fmt::format("unknown property {} ignored", shown(prop->name)));
        if (stack.size() != 2 || stack[1] != "VEVENT") continue;
        if (prop->name == "EXDATE") current.exdates.push_back(*prop);
        else if (prop->name == "RDATE") current.rdates.push_back(*prop);
        else if (!current.first.count(prop->name)) {
            std::string key = prop->name;
            current.first.emplace(std::move(key), std::move(*prop));
        }
    }
    if (!seen_calendar) return make_error("not an iCalendar file: no BEGIN:VCALENDAR line");
    if (!stack.empty()) {
        const std::size_t last_line = lines.empty() ? 0 : lines.back().line;
        if (stack.size() >= 2 && stack[1] == "VEVENT") {
            warnings.emplace_back(last_line, fmt::format("the file ends inside the event that starts at "
                                                         "line {}; it is imported as read",
                                                         current.line));
            if (events.size() < kMaxEvents) events.push_back(std::move(current));
        } else {
            warnings.emplace_back(last_line, fmt::format("the file ends without END:{}", stack.back()));
        }
    }
    Importer(options, result, warnings).run(events);
    std::stable_sort(warnings.begin(), warnings.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [line, what] : warnings)
        result.warnings.push_back(fmt::format("line {}: {}", line, what));
    return result;
}

std::size_t merge_periods(std::vector<Period>& into, const std::vector<Period>& add) {
    std::size_t added = 0;
    for (const Period& p : add) {
        const bool present = std::any_of(into.begin(), into.end(), [&](const Period& q) {
            return q.name == p.name && q.start == p.start && q.end == p.end;
        });
        if (present) continue;
        into.push_back(p);
        ++added;
    }
    return added;
}

}  // namespace relplan

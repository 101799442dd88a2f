#include "version/calver.hpp"

#include "base/ascii.hpp"

#include "base/dates.hpp"
#include "version/semver.hpp"
#include "version/semver_detail.hpp"

#include <algorithm>
#include <array>

namespace relplan {

namespace {

struct TokenInfo {
    CalverToken token;
    std::string_view name;
};

constexpr std::array<TokenInfo, 13> kTokens = {{
    {CalverToken::modifier, "MODIFIER"}, {CalverToken::major, "MAJOR"}, {CalverToken::minor, "MINOR"},
    {CalverToken::micro, "MICRO"},       {CalverToken::yyyy, "YYYY"},   {CalverToken::yy, "YY"},
    {CalverToken::zero_y, "0Y"},         {CalverToken::mm, "MM"},       {CalverToken::zero_m, "0M"},
    {CalverToken::ww, "WW"},             {CalverToken::zero_w, "0W"},   {CalverToken::dd, "DD"},
    {CalverToken::zero_d, "0D"},
}};

enum class Unit { year, month, week, day, counter, modifier };

Unit unit_of(CalverToken t) {
    switch (t) {
    case CalverToken::yyyy:
    case CalverToken::yy:
    case CalverToken::zero_y: return Unit::year;
    case CalverToken::mm:
    case CalverToken::zero_m: return Unit::month;
    case CalverToken::ww:
    case CalverToken::zero_w: return Unit::week;
    case CalverToken::dd:
    case CalverToken::zero_d: return Unit::day;
    case CalverToken::major:
    case CalverToken::minor:
    case CalverToken::micro: return Unit::counter;
    case CalverToken::modifier: return Unit::modifier;
    }
    return Unit::counter;
}

bool is_date(CalverToken t) {
    const Unit u = unit_of(t);
    return u == Unit::year || u == Unit::month || u == Unit::week || u == Unit::day;
}

bool is_separator(char c) { return c == '.' || c == '-' || c == '_'; }
using ascii::is_digit;
bool is_modifier_char(char c) {
    return ascii::is_alnum(c) || c == '-' || c == '.';
}

std::string quoted(std::string_view s) {
    semver_detail::QuoteStyle style;
    style.hex_quotes = true;
    return semver_detail::quote(s, style);
}

// The values of the date tokens for a date; years from the ISO week-numbering year when weekly.
struct DateParts {
    std::int64_t year = 0;
    std::uint64_t month = 0;
    std::uint64_t week = 0;
    std::uint64_t day = 0;
};

DateParts date_parts(std::chrono::year_month_day date, bool weekly) {
    using namespace std::chrono;
    DateParts p;
    p.year = static_cast<int>(date.year());
    p.month = static_cast<unsigned>(date.month());
    p.day = static_cast<unsigned>(date.day());
    if (weekly) {
        const sys_days d{date};
        const unsigned iso_weekday = weekday{d}.iso_encoding();  // Monday 1 .. Sunday 7
        const sys_days thursday = d + days{4 - static_cast<int>(iso_weekday)};
        const year iso_year = year_month_day{thursday}.year();
        p.year = static_cast<int>(iso_year);
        p.week = static_cast<std::uint64_t>((thursday - sys_days{iso_year / January / 1}).count() / 7 + 1);
    }
    return p;
}

}  // namespace

std::string_view to_string(CalverToken token) {
    for (const auto& t : kTokens) {
        if (t.token == token) return t.name;
    }
    return "";
}

// ---- scheme ----

Result<CalverScheme> CalverScheme::parse(std::string_view text) {
    const auto fail = [&](std::size_t offset, const std::string& why) {
        return make_error("invalid calver scheme " + quoted(text) + ": " + why + " at offset " +
                              std::to_string(offset),
                          offset);
    };
    if (text.empty()) return make_error("invalid calver scheme: it is empty");
    CalverScheme scheme;
    std::size_t p = 0;
    bool seen[6] = {};
    while (p < text.size()) {
        char separator = '\0';
        if (!scheme.segments_.empty()) {
            if (!is_separator(text[p])) return fail(p, "expected '.', '-' or '_' between tokens");
            separator = text[p++];
            if (p == text.size()) return fail(p, "expected a token after the separator");
        }
        const std::size_t start = p;
        while (p < text.size() && !is_separator(text[p])) ++p;
        const std::string_view name = text.substr(start, p - start);
        const auto it = std::find_if(kTokens.begin(), kTokens.end(),
                                     [&](const TokenInfo& t) { return t.name == name; });
        if (name.empty()) return fail(start, "expected a token");
        if (it == kTokens.end()) {
            return fail(start, "unknown token " + quoted(name) +
                                   " (expected YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, "
                                   "MICRO or MODIFIER)");
        }
        const Unit unit = unit_of(it->token);
        if (unit != Unit::counter && seen[static_cast<int>(unit)]) {
            return fail(start, "token " + quoted(name) + " repeats a unit already in the scheme");
        }
        if (unit == Unit::counter && scheme.has(it->token)) {
            return fail(start, "token " + quoted(name) + " appears twice");
        }
        if (!scheme.segments_.empty() && scheme.segments_.back().token == CalverToken::modifier) {
            return fail(start, "MODIFIER must be the last token");
        }
        seen[static_cast<int>(unit)] = true;
        scheme.segments_.push_back(Segment{separator, it->token});
    }
    const bool year = seen[static_cast<int>(Unit::year)];
    const bool month = seen[static_cast<int>(Unit::month)];
    const bool week = seen[static_cast<int>(Unit::week)];
    const bool day = seen[static_cast<int>(Unit::day)];
    if (!year) {
        return make_error("invalid calver scheme " + quoted(text) +
                          ": it needs a year token (YYYY, YY or 0Y)");
    }
    if (week && (month || day)) {
        return make_error("invalid calver scheme " + quoted(text) +
                          ": week tokens cannot be combined with month or day tokens");
    }
    if (day && !month) {
        return make_error("invalid calver scheme " + quoted(text) + ": a day token needs a month token");
    }
    // Versions compare segment by segment, so the calendar must read from year to day.
    const Segment* previous = nullptr;
    for (const Segment& seg : scheme.segments_) {
        if (!is_date(seg.token)) continue;
        if (previous && unit_of(seg.token) < unit_of(previous->token)) {
            return make_error("invalid calver scheme " + quoted(text) + ": date tokens must go from year to day, but " +
                              std::string(relplan::to_string(seg.token)) + " follows " +
                              std::string(relplan::to_string(previous->token)));
        }
        previous = &seg;
    }
    return scheme;
}

bool CalverScheme::has(CalverToken token) const {
    return std::any_of(segments_.begin(), segments_.end(),
                       [&](const Segment& s) { return s.token == token; });
}

std::string CalverScheme::to_string() const {
    std::string out;
    for (const Segment& s : segments_) {
        if (s.separator) out += s.separator;
        out += relplan::to_string(s.token);
    }
    return out;
}

bool operator==(const CalverScheme& a, const CalverScheme& b) {
    return a.segments_.size() == b.segments_.size() &&
           std::equal(a.segments_.begin(), a.segments_.end(), b.segments_.begin(),
                      [](const CalverScheme::Segment& x, const CalverScheme::Segment& y) {
                          return x.separator == y.separator && x.token == y.token;
                      });
}

// ---- versions ----

namespace {

std::string format_value(CalverToken t, std::uint64_t v) {
    std::string s = std::to_string(v);
    const bool padded = t == CalverToken::zero_y || t == CalverToken::zero_m ||
                        t == CalverToken::zero_w || t == CalverToken::zero_d;
    if (padded && s.size() < 2) s.insert(0, 2 - s.size(), '0');
    return s;
}

}  // namespace

std::string CalverVersion::to_string() const {
    std::string out;
    const auto& segs = scheme.segments();
    for (std::size_t i = 0; i < segs.size() && i < values.size(); ++i) {
        if (segs[i].token == CalverToken::modifier) {
            if (!modifier.empty()) {
                if (segs[i].separator) out += segs[i].separator;
                out += modifier;
            }
            continue;
        }
        if (segs[i].separator) out += segs[i].separator;
        out += format_value(segs[i].token, values[i]);
    }
    return out;
}

Result<CalverVersion> parse_calver(std::string_view text, const CalverScheme& scheme) {
    const auto fail = [&](std::size_t offset, const std::string& why) {
        return make_error("calver version " + quoted(text) + " does not match " +
                              quoted(scheme.to_string()) + ": " + why + " at offset " +
                              std::to_string(offset),
                          offset);
    };
    CalverVersion v;
    v.scheme = scheme;
    std::size_t p = 0;
    std::int64_t year = -1;
    std::uint64_t month = 0;
    std::uint64_t week = 0;
    std::uint64_t day = 0;
    std::size_t week_at = 0;
    std::size_t day_at = 0;
    for (const auto& seg : scheme.segments()) {
        if (seg.token == CalverToken::modifier && p == text.size()) {
            v.values.push_back(0);
            break;
        }
        if (seg.separator) {
            if (p >= text.size() || text[p] != seg.separator) {
                return fail(p, std::string("expected '") + seg.separator + "' before " +
                                   std::string(to_string(seg.token)));
            }
            ++p;
        }
        const std::size_t start = p;
        if (seg.token == CalverToken::modifier) {
            while (p < text.size() && is_modifier_char(text[p])) ++p;
            v.modifier = std::string(text.substr(start, p - start));
            if (v.modifier.empty() || v.modifier.front() == '.' || v.modifier.back() == '.' ||
                v.modifier.find("..") != std::string::npos) {
                return fail(start, "MODIFIER must be [0-9A-Za-z-] identifiers separated by '.'");
            }
            v.values.push_back(0);
            continue;
        }
        while (p < text.size() && is_digit(text[p])) ++p;
        const std::string_view digits = text.substr(start, p - start);
        const std::string token(to_string(seg.token));
        if (digits.empty()) return fail(start, "expected digits for " + token);
        if (digits.size() > 15) return fail(start, token + " " + quoted(digits) + " is too large");
        std::uint64_t value = 0;
        for (char c : digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
        const bool padded = seg.token == CalverToken::zero_y || seg.token == CalverToken::zero_m ||
                            seg.token == CalverToken::zero_w || seg.token == CalverToken::zero_d;
        if (padded) {
            if (format_value(seg.token, value) != digits) {
                return fail(start, token + " needs at least two digits and no extra leading zero, found " +
                                       quoted(digits));
            }
        } else if (digits.size() > 1 && digits[0] == '0') {
            return fail(start, token + " " + quoted(digits) + " has a leading zero");
        }
        switch (unit_of(seg.token)) {
        case Unit::year:
            if (seg.token == CalverToken::yyyy && (value < 1000 || value > 9999)) {
                return fail(start, "YYYY needs a four-digit year, found " + quoted(digits));
            }
            if (seg.token != CalverToken::yyyy && value > 7999) {
                return fail(start, token + " " + quoted(digits) + " is past year 9999");
            }
            year = static_cast<std::int64_t>(seg.token == CalverToken::yyyy ? value : value + 2000);
            break;
        case Unit::month:
            if (value < 1 || value > 12) return fail(start, token + " must be 1-12, found " + quoted(digits));
            month = value;
            break;
        case Unit::week:
            if (value < 1 || value > 53) return fail(start, token + " must be 1-53, found " + quoted(digits));
            week = value;
            week_at = start;
            break;
        case Unit::day:
            if (value < 1 || value > 31) return fail(start, token + " must be 1-31, found " + quoted(digits));
            day = value;
            day_at = start;
            break;
        case Unit::counter:
        case Unit::modifier: break;
        }
        v.values.push_back(value);
    }
    if (p != text.size()) {
        return fail(p, "unexpected text " + quoted(text.substr(p)) + " after the last token");
    }
    // Every scheme has a year; months come with days, weeks never with either.
    if (day > 0) {
        const std::chrono::year_month_day d{std::chrono::year{static_cast<int>(year)},
                                            std::chrono::month{static_cast<unsigned>(month)},
                                            std::chrono::day{static_cast<unsigned>(day)}};
        if (!d.ok()) {
            return fail(day_at, "day " + std::to_string(day) + " does not exist in " + std::to_string(year) +
                                    "-" + format_value(CalverToken::zero_m, month));
        }
    }
    if (week > 0) {
        // Only years whose 28 December falls in week 53 have one.
        const std::chrono::year_month_day dec28{std::chrono::year{static_cast<int>(year)},
                                                std::chrono::December, std::chrono::day{28}};
        if (week > date_parts(dec28, true).week) {
            return fail(week_at, "week " + std::to_string(week) + " does not exist in " + std::to_string(year));
        }
    }
    while (v.values.size() < scheme.segments().size()) v.values.push_back(0);
    return v;
}

namespace {

int compare_modifiers(std::string_view a, std::string_view b) {
    if (a == b) return 0;
    if (a.empty()) return 1;
    if (b.empty()) return -1;
    for (;;) {
        const std::size_t da = a.find('.');
        const std::size_t db = b.find('.');
        if (int c = compare_identifiers(a.substr(0, da), b.substr(0, db))) return c;
        if (da == std::string_view::npos || db == std::string_view::npos) {
            if (da == db) return 0;
            return da == std::string_view::npos ? -1 : 1;
        }
        a.remove_prefix(da + 1);
        b.remove_prefix(db + 1);
    }
}

}  // namespace

int compare(const CalverVersion& a, const CalverVersion& b) {
    if (!(a.scheme == b.scheme)) {
        const int c = a.to_string().compare(b.to_string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    for (std::size_t i = 0; i < a.values.size() && i < b.values.size(); ++i) {
        if (a.values[i] != b.values[i]) return a.values[i] < b.values[i] ? -1 : 1;
    }
    return compare_modifiers(a.modifier, b.modifier);
}

Result<std::chrono::year_month_day> parse_iso_date(std::string_view text) {
    auto d = dates::parse_date(text);
    if (d) return *d;
    const char* why = d.error().kind == ErrorKind::out_of_range ? "no such day in the calendar" : "expected YYYY-MM-DD";
    return make_error("invalid date " + quoted(text) + ": " + why, d.error().offset, d.error().kind);
}

Result<CalverVersion> next_calver(const CalverScheme& scheme, std::chrono::year_month_day date,
                                  const CalverNextOptions& options) {
    if (!date.ok()) return make_error("cannot compute the next calver version: invalid date");
    if (!options.modifier.empty()) {
        if (!scheme.has(CalverToken::modifier)) {
            return make_error("scheme " + quoted(scheme.to_string()) + " has no MODIFIER for " +
                              quoted(options.modifier));
        }
        const std::string_view m = options.modifier;
        if (!std::all_of(m.begin(), m.end(), is_modifier_char) || m.front() == '.' || m.back() == '.' ||
            m.find("..") != std::string_view::npos) {
            return make_error("invalid modifier " + quoted(m) +
                              ": use [0-9A-Za-z-] identifiers separated by '.'");
        }
    }
    if (options.current && !(options.current->scheme == scheme)) {
        return make_error("current version " + quoted(options.current->to_string()) +
                          " is not of scheme " + quoted(scheme.to_string()));
    }
    const bool weekly = scheme.has(CalverToken::ww) || scheme.has(CalverToken::zero_w);
    const DateParts parts = date_parts(date, weekly);
    CalverVersion next;
    next.scheme = scheme;
    const auto& segs = scheme.segments();
    for (const auto& seg : segs) {
        std::uint64_t value = 0;
        switch (unit_of(seg.token)) {
        case Unit::year:
            if (seg.token != CalverToken::yyyy && parts.year < 2000) {
                return make_error(std::string(to_string(seg.token)) + " counts years from 2000; " +
                                  std::to_string(parts.year) + " is earlier");
            }
            if (seg.token == CalverToken::yyyy && parts.year < 1000) {
                return make_error("YYYY needs a four-digit year; " + std::to_string(parts.year) + " is earlier");
            }
            value = static_cast<std::uint64_t>(seg.token == CalverToken::yyyy ? parts.year : parts.year - 2000);
            break;
        case Unit::month: value = parts.month; break;
        case Unit::week: value = parts.week; break;
        case Unit::day: value = parts.day; break;
        case Unit::counter:
        case Unit::modifier: break;
        }
        next.values.push_back(value);
    }
    next.modifier = std::string(options.modifier);

    // The counter that moves: MICRO, else MINOR, else MAJOR.
    std::optional<std::size_t> lowest;
    for (CalverToken t : {CalverToken::micro, CalverToken::minor, CalverToken::major}) {
        for (std::size_t i = 0; i < segs.size() && !lowest; ++i) {
            if (segs[i].token == t) lowest = i;
        }
        if (lowest) break;
    }
    if (!options.current) return next;

    const CalverVersion& cur = *options.current;
    int period = 0;
    for (std::size_t i = 0; i < segs.size() && period == 0; ++i) {
        if (is_date(segs[i].token) && next.values[i] != cur.values[i]) {
            period = next.values[i] < cur.values[i] ? -1 : 1;
        }
    }
    if (period < 0) {
        return make_error("date " + std::to_string(static_cast<int>(date.year())) + "-" +
                          format_value(CalverToken::zero_m, static_cast<unsigned>(date.month())) + "-" +
                          format_value(CalverToken::zero_d, static_cast<unsigned>(date.day())) +
                          " is before the period of the current version " + quoted(cur.to_string()));
    }
    for (std::size_t i = 0; i < segs.size(); ++i) {
        if (unit_of(segs[i].token) == Unit::counter) next.values[i] = cur.values[i];
    }
    if (period > 0) {
        // A counter after the whole date restarts with the period; one before it (MAJOR.YY.0M)
        // outranks the date and is kept.
        std::size_t last_date = 0;
        for (std::size_t i = 0; i < segs.size(); ++i) {
            if (is_date(segs[i].token)) last_date = i;
        }
        if (lowest && *lowest > last_date) next.values[*lowest] = 0;
        return next;
    }
    if (cur.modifier.empty()) {
        if (!lowest) {
            return make_error("a version of " + quoted(scheme.to_string()) + " was already released in this period (" +
                              quoted(cur.to_string()) + ") and the scheme has no MAJOR, MINOR or MICRO to increment");
        }
        ++next.values[*lowest];
    }
    if (compare(next, cur) <= 0) {
        return make_error("next version " + quoted(next.to_string()) + " would not be newer than " +
                          quoted(cur.to_string()));
    }
    return next;
}

}  // namespace relplan

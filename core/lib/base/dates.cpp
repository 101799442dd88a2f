#include "base/dates.hpp"

#include <array>

namespace relplan::dates {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

// Reads fixed-width fields left to right; the first mismatch becomes the error, at its offset.
class Cursor {
public:
    Cursor(std::string_view text, std::string_view form) : text_(text), form_(form) {}

    bool digits(std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (at_ + i >= text_.size() || text_[at_ + i] < '0' || text_[at_ + i] > '9') return fail(at_ + i);
            out = out * 10 + (text_[at_ + i] - '0');
        }
        at_ += count;
        return true;
    }

    bool literal(char c) {
        if (at_ >= text_.size() || text_[at_] != c) return fail(at_);
        ++at_;
        return true;
    }

    bool next_is(char c) const { return at_ < text_.size() && text_[at_] == c; }
    bool at_end() const { return at_ == text_.size(); }
    std::size_t offset() const { return at_; }

    bool end() { return at_end() || fail(at_); }

    bool fail(std::size_t offset) {
        if (!error_) {
            error_ = make_error("expected " + std::string(form_) + " at character " + std::to_string(offset + 1),
                                offset, ErrorKind::invalid);
        }
        return false;
    }

    bool out_of_range(std::size_t offset, std::string message) {
        if (!error_) error_ = make_error(std::move(message), offset, ErrorKind::out_of_range);
        return false;
    }

    Error error() const { return error_ ? *error_ : make_error("expected " + std::string(form_), 0); }

private:
    std::string_view text_;
    std::string_view form_;
    std::size_t at_ = 0;
    std::optional<Error> error_;
};

void append_padded(std::string& out, long long value, int width) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    if (value < 0) out += '-';
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

// A date read with its month at `month_at` and its day at `day_at` must exist.
bool check_exists(Cursor& c, const Date& d, std::size_t month_at, std::size_t day_at) {
    if (!d.month().ok()) return c.out_of_range(month_at, why_not_a_date(d));
    if (!d.ok()) return c.out_of_range(day_at, why_not_a_date(d));
    return true;
}

Date make_date(int y, int m, int d) {
    return Date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

// Offsets of the hour, minute and second fields, for errors.
struct TimeFields {
    std::size_t hour, minute, second;
};

bool time_in_range(Cursor& c, TimeFields at, int hour, int minute, int second, int max_second) {
    if (hour > 23) return c.out_of_range(at.hour, "hour " + std::to_string(hour) + " is past 23");
    if (minute > 59) return c.out_of_range(at.minute, "minute " + std::to_string(minute) + " is past 59");
    if (second > max_second) {
        return c.out_of_range(at.second,
                              "second " + std::to_string(second) + " is past " + std::to_string(max_second));
    }
    return true;
}

}  // namespace

std::string why_not_a_date(const Date& d) {
    if (d.ok()) return "";
    if (!d.year().ok()) return "the year is out of range";
    if (!d.month().ok()) return "there is no month " + std::to_string(static_cast<unsigned>(d.month()));
    const unsigned last = static_cast<unsigned>((d.year() / d.month() / std::chrono::last).day());
    return std::string(month_names[static_cast<unsigned>(d.month()) - 1]) + " " +
           std::to_string(static_cast<int>(d.year())) + " has " + std::to_string(last) + " days";
}

Result<Date> parse_date(std::string_view text, DateCheck check) {
    Cursor c(text, "a date in the form YYYY-MM-DD");
    int y = 0, m = 0, d = 0;
    if (!c.digits(4, y) || !c.literal('-') || !c.digits(2, m) || !c.literal('-') || !c.digits(2, d) || !c.end()) {
        return c.error();
    }
    const Date date = make_date(y, m, d);
    if (check == DateCheck::exists && !check_exists(c, date, 5, 8)) return c.error();
    return date;
}

std::string format_date(const Date& date) {
    std::string out;
    append_padded(out, static_cast<int>(date.year()), 4);
    out += '-';
    append_padded(out, static_cast<unsigned>(date.month()), 2);
    out += '-';
    append_padded(out, static_cast<unsigned>(date.day()), 2);
    return out;
}

Result<OffsetTime> parse_offset_time(std::string_view text) {
    Cursor c(text, "a date and time with a UTC offset, like 2027-01-15T22:00:00+01:00");
    int y = 0, mo = 0, d = 0, hour = 0, minute = 0, second = 0;
    if (!c.digits(4, y) || !c.literal('-') || !c.digits(2, mo) || !c.literal('-') || !c.digits(2, d) ||
        !c.literal('T') || !c.digits(2, hour) || !c.literal(':') || !c.digits(2, minute)) {
        return c.error();
    }
    if (c.next_is(':') && (!c.literal(':') || !c.digits(2, second))) return c.error();
    const Date date = make_date(y, mo, d);
    if (!check_exists(c, date, 5, 8) || !time_in_range(c, {11, 14, 17}, hour, minute, second, 59)) return c.error();
    int offset = 0;
    if (c.next_is('Z')) {
        c.literal('Z');
    } else {
        const std::size_t sign_at = c.offset();
        const bool negative = c.next_is('-');
        if (!negative && !c.next_is('+')) {
            c.fail(sign_at);
            return c.error();
        }
        c.literal(negative ? '-' : '+');
        int oh = 0, om = 0;
        if (!c.digits(2, oh) || !c.literal(':') || !c.digits(2, om)) return c.error();
        if (oh > 23 || om > 59) {
            c.out_of_range(sign_at, "UTC offset past 23:59");
            return c.error();
        }
        offset = (oh * 60 + om) * (negative ? -1 : 1);
    }
    if (!c.end()) return c.error();
    // Summed in seconds (64-bit everywhere): with libc++ on wasm32, hours and minutes have 32-bit
    // reps, and sys_days + minutes overflows after the year 6053.
    const sys_seconds local =
        sys_seconds{sys_days{date}} + seconds{std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second};
    return OffsetTime{local - seconds{std::int64_t{offset} * 60}, offset};
}

std::string format_offset_time(sys_seconds instant, std::int32_t offset_minutes) {
    const sys_seconds local = instant + seconds{std::int64_t{offset_minutes} * 60};
    const sys_days day = floor<days>(local);
    const long long second_of_day = (local - day).count();
    std::string out = format_date(Date{day});
    out += 'T';
    append_padded(out, second_of_day / 3600, 2);
    out += ':';
    append_padded(out, second_of_day / 60 % 60, 2);
    out += ':';
    append_padded(out, second_of_day % 60, 2);
    if (offset_minutes == 0) {
        out += 'Z';
    } else {
        const std::int32_t magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        out += offset_minutes < 0 ? '-' : '+';
        append_padded(out, magnitude / 60, 2);
        out += ':';
        append_padded(out, magnitude % 60, 2);
    }
    return out;
}

Result<BasicDateTime> parse_basic_date_time(std::string_view text) {
    Cursor c(text, "an iCalendar date YYYYMMDD or date-time YYYYMMDDTHHMMSS[Z]");
    int y = 0, m = 0, d = 0;
    if (!c.digits(4, y) || !c.digits(2, m) || !c.digits(2, d)) return c.error();
    BasicDateTime out;
    out.date = make_date(y, m, d);
    if (!check_exists(c, out.date, 4, 6)) return c.error();
    if (c.at_end()) return out;
    int hour = 0, minute = 0, second = 0;
    if (!c.literal('T') || !c.digits(2, hour) || !c.digits(2, minute) || !c.digits(2, second)) return c.error();
    if (!time_in_range(c, {9, 11, 13}, hour, minute, second, 60)) return c.error();
    if (c.next_is('Z') || c.next_is('z')) {
        out.utc = true;
        c.literal(c.next_is('Z') ? 'Z' : 'z');
    }
    if (!c.end()) return c.error();
    out.time_of_day = seconds{std::int64_t{hour} * 3600 + minute * 60 + (second == 60 ? 59 : second)};
    return out;
}

}  // namespace relplan::dates

#include "plan/plan_time.hpp"

namespace relplan {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t count, int& out) {
    if (at + count > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

void append_padded(std::string& out, long long value, int width) {
    std::string digits_text = std::to_string(value < 0 ? -value : value);
    if (value < 0) out += '-';
    if (static_cast<int>(digits_text.size()) < width) out.append(width - digits_text.size(), '0');
    out += digits_text;
}

}  // namespace

std::optional<Date> parse_plan_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) ||
        !digits(text, 5, 2, m) || !digits(text, 8, 2, d)) {
        return std::nullopt;
    }
    return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                std::chrono::day{static_cast<unsigned>(d)}};
}

std::string format_iso_date(const Date& date) {
    std::string out;
    append_padded(out, static_cast<int>(date.year()), 4);
    out += '-';
    append_padded(out, static_cast<unsigned>(date.month()), 2);
    out += '-';
    append_padded(out, static_cast<unsigned>(date.day()), 2);
    return out;
}

std::optional<OffsetTime> parse_offset_time(std::string_view text) {
    using namespace std::chrono;
    const auto date = parse_plan_date(text.substr(0, 10));
    if (!date || !date->ok() || text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!digits(text, 11, 2, hour) || !digits(text, 14, 2, minute)) return std::nullopt;
    std::size_t i = 16;
    if (i < text.size() && text[i] == ':') {
        if (!digits(text, i + 1, 2, second)) return std::nullopt;
        i += 3;
    }
    if (hour > 23 || minute > 59 || second > 59 || i >= text.size()) return std::nullopt;
    int offset = 0;
    if (text[i] == 'Z') {
        if (i + 1 != text.size()) return std::nullopt;
    } else if (text[i] == '+' || text[i] == '-') {
        int oh = 0, om = 0;
        if (text.size() != i + 6 || text[i + 3] != ':' || !digits(text, i + 1, 2, oh) ||
            !digits(text, i + 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset = (oh * 60 + om) * (text[i] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    // Summed in seconds (64-bit everywhere): with libc++ on wasm32, hours and minutes have 32-bit
    // reps, and sys_days + minutes overflows after the year 6053.
    const sys_seconds local =
        sys_seconds{sys_days{*date}} + seconds{std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second};
    return OffsetTime{local - seconds{std::int64_t{offset} * 60}, offset};
}

std::string format_offset_time(std::chrono::sys_seconds instant, std::int32_t offset_minutes) {
    using namespace std::chrono;
    const sys_seconds local = instant + seconds{std::int64_t{offset_minutes} * 60};
    const sys_days day = floor<days>(local);
    const long long second_of_day = (local - day).count();
    std::string out = format_iso_date(Date{day});
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

}  // namespace relplan

// ASCII character classes and trimming for the parsers of plan, version, commit and changelog text.
// Deliberately locale-free (std::isdigit and friends depend on the C locale and are undefined for
// negative chars): every format relplan reads defines its syntax in ASCII.
#pragma once

#include <string_view>

namespace relplan::ascii {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
// Space, tab, line feed, carriage return, vertical tab and form feed.
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Without leading and trailing is_space characters.
constexpr std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Non-empty and hex digits only.
constexpr bool is_hex(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_hex_digit(c)) return false;
    return true;
}

}  // namespace relplan::ascii

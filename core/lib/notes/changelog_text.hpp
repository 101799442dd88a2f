// Small ASCII string helpers the changelog reader and writer share.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace relplan::changelog_text {

inline bool is_space(char c) { return c == ' ' || c == '\t'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A commit hash as changelogs print it: 7 to 40 hex digits.
inline bool is_hash(std::string_view s) {
    return s.size() >= 7 && s.size() <= 40 && std::all_of(s.begin(), s.end(), is_hex_digit);
}

inline std::size_t indent_of(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && is_space(line[n])) ++n;
    return n;
}

}  // namespace relplan::changelog_text

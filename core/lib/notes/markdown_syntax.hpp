// Pieces of CommonMark's syntax the parser (markdown.cpp), the sanitiser (markdown_safe.cpp) and the
// writers (markdown_write.cpp) share. Internal to the notes module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "notes/markdown.hpp"

namespace relplan::md::detail {

inline bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);
// A character reference at s[i] ('&'): appends its text and returns its length, or returns 0.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out);

}  // namespace relplan::md::detail

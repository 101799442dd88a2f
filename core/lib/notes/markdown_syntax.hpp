// Pieces of CommonMark's syntax both the Markdown parser (markdown.cpp) and the writers
// (markdown_write.cpp) need. Internal to the notes module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relplan::md::detail {

// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);
// A character reference at s[i] ('&'): appends its text and returns its length, or returns 0.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out);

}  // namespace relplan::md::detail

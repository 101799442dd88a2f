// Text utilities for putting plan strings into generated documents safely.
//
// Plans are shared files, so every string in them is untrusted. These functions are total: any byte
// sequence is accepted, ill-formed UTF-8 comes out as U+FFFD (one per bad byte), and nothing throws.
//
// - clean_text: valid UTF-8 with line feeds as the only line breaks and no control characters but tab
//   and line feed (terminal escape sequences in a plan must not reach a terminal through the CLI).
// - html_escape_text / html_escape_attribute: for element content and for double- or single-quoted
//   attribute values.
// - sanitize_url: an http, https or mailto URL in a normal form, or nullopt for anything else
//   (javascript:, data:, relative references, schemes hidden behind case, whitespace, control
//   characters or HTML character references).
// - markdown_escape: plan text that CommonMark renders literally, as one line of inline content
//   (line breaks become spaces). With line_start = false the text is known to follow other content on
//   its line, so the markers that only count at the start of a line ("# ", "- ", "1. ") stay as they are.
// - display_width / wrap_text: terminal columns (East Asian wide and fullwidth characters and emoji 2,
//   combining marks and other zero-width characters 0) and greedy word wrapping on those columns.
// - escape_bytes: the building block of the escapers here and of other formats' (iCalendar).
// - LineReader: text line by line, numbered from 1, without the "\n" or "\r\n" that ends each line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relplan {

std::string clean_text(std::string_view text);

std::string html_escape_text(std::string_view text);
std::string html_escape_attribute(std::string_view text);

std::optional<std::string> sanitize_url(std::string_view url);

std::string markdown_escape(std::string_view text, bool line_start = true);

// Columns one code point takes on its own: 0, 1 or 2 (control characters 0).
int code_point_width(char32_t cp);
// Columns of a whole string, with emoji sequences (ZWJ, VS16, flags) counted as one glyph.
std::int64_t display_width(std::string_view text);

struct WrapOptions {
    int width = 72;                // columns per line, prefixes included; at least one content cluster
    std::string_view first_prefix{};  // put before the first output line ("- " for a bullet)
    std::string_view rest_prefix{};   // put before every other line ("  " for its continuation)
};

// Greedy wrapping: breaks at spaces and around wide (CJK) characters, keeps the text's own line
// breaks, hard-breaks words longer than a line between grapheme clusters, and drops trailing spaces.
// Lines never exceed `width` columns unless a single cluster is wider than the space left.
std::string wrap_text(std::string_view text, const WrapOptions& options = {});

// `text` with every byte for which `replacement` returns a string replaced by that string; bytes it
// returns nullptr for are copied as they are.
std::string escape_bytes(std::string_view text, const char* (*replacement)(char));

struct NumberedLine {
    std::string_view text;  // without its line break
    std::size_t number;     // 1-based
};

// A line break at the very end ends the last line rather than starting an empty one, so "a\n" is one
// line; a lone "\r" inside a line is kept. Inline: input readers call next() once per line of files
// with millions of lines.
class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) {}

    // The next line, or nullopt after the last.
    std::optional<NumberedLine> next() {
        if (start_ >= text_.size()) return std::nullopt;
        std::size_t end = text_.find('\n', start_);
        if (end == std::string_view::npos) end = text_.size();
        std::string_view line = text_.substr(start_, end - start_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        start_ = end + 1;
        return NumberedLine{line, ++number_};
    }

private:
    std::string_view text_;
    std::size_t start_ = 0;
    std::size_t number_ = 0;
};

}  // namespace relplan

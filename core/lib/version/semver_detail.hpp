// Inside the SemVer engine: the pieces semver.cpp (parsing, comparison), semver_bump.cpp (inc, diff,
// truncate) and semver_sort.cpp share. Not an API for other modules; they use version/semver.hpp.
#pragma once

#include "base/ascii.hpp"

#include "version/semver.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace relplan {

// Lets the engine build versions whose identifiers come from its own arithmetic.
struct VersionAccess {
    static Version make(std::uint64_t major, std::uint64_t minor, std::uint64_t patch, std::string_view pre,
                        std::string_view build) {
        Version v(major, minor, patch);
        v.set_tail(pre, build);
        return v;
    }
};

namespace semver_detail {

using ascii::is_digit;
bool all_digits(std::string_view s);
// Length of the [0-9A-Za-z-] run at `p`.
std::size_t ident_run(std::string_view s, std::size_t p);
// Value of a digit string, saturated just above kMaxSafeInteger.
std::uint64_t digits_value(std::string_view digits);
// JS `+digits`: the nearest double.
double digits_to_double(std::string_view digits);
// How quote() writes text into an error message. The default: at most 64 bytes then the size,
// control and non-ASCII bytes as \xNN, '"' and '\\' backslash-escaped.
struct QuoteStyle {
    std::size_t max = 64;        // bytes shown
    bool hex_non_ascii = true;   // bytes from 0x80 as \xNN (false: kept, so UTF-8 stays readable)
    bool hex_quotes = false;     // '"' and '\\' as \xNN too
    bool ellipsis = false;       // longer text ends in "..." rather than " (N bytes)"
};
// `text` for an error message: quoted, escaped and cut as `style` says.
std::string quote(std::string_view text, QuoteStyle style = {});

// A version as read, before it becomes a Version.
struct Parsed {
    std::uint64_t number[3] = {0, 0, 0};
    std::string_view pre;    // into the text, or into the scratch buffer when loose parsing rewrote it
    std::string_view build;  // into the text
};
inline constexpr std::size_t kScratchSize = kMaxVersionLength + 8;
// Version::parse's reading of `text` without building a Version; `scratch` holds kScratchSize bytes.
Result<Parsed> parse_parts(std::string_view text, SemverOptions options, char* scratch);

// Major, minor, patch by value.
int compare_main(const Version& a, const Version& b);
// node's comparePre/compareBuild loop over two dotted identifier lists.
int compare_identifier_lists(std::string_view a, std::string_view b);

}  // namespace semver_detail
}  // namespace relplan

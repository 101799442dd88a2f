// Release lines: "1.x" holds every 1.y.z, "1.4.x" every 1.4.z (pre-releases included). A version's
// line is the most specific declared line that holds it, else its default line: its major ("2.x"),
// or for 0.y versions its minor ("0.4.x"), as SemVer gives 0.y no compatibility promise -- the
// grouping lifecycle/support uses too. Versions are ordered among the releases of one line only, so a
// backport (1.4.1 after 2.0.0) is in order; next-version on a line never leaves it, as
// semantic-release refuses a release out of a maintenance branch's range.
#pragma once

#include "base/result.hpp"
#include "version/semver.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct LineRange {
    std::uint64_t major = 0;
    std::optional<std::uint64_t> minor;  // set for "1.4.x"
    bool operator==(const LineRange&) const = default;
};

// "1.x", "1.4.x" (also "1.X", "1.4.*"); anything else is an Error naming the accepted forms.
Result<LineRange> parse_release_line(std::string_view name);
std::string to_string(const LineRange& line);  // "1.x", "1.4.x"

bool line_holds(const LineRange& line, const Version& v);
LineRange default_line(const Version& v);
// The most specific of `declared` holding `v` (a "1.4.x" before a "1.x"), else default_line(v).
LineRange line_of(const Version& v, const std::vector<LineRange>& declared);

}  // namespace relplan

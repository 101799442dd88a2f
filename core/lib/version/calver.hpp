// Calendar versioning (calver.org): a scheme such as "YY.0M.MICRO" is a value, versions are parsed
// against it, compared, and the next version is computed for a release date.
//
// Scheme tokens: YYYY (2024), YY (24; years from 2000), 0Y (06, 24), MM (6), 0M (06), WW (1..53),
// 0W (01..53), DD (7), 0D (07), MAJOR, MINOR, MICRO (plain counters) and MODIFIER (a trailing tag
// such as "rc1" or "dev.2", optional in versions). Tokens are separated by exactly one of '.', '-',
// '_'; a scheme needs a year, date tokens run from year to day (DD needs MM), weeks do not mix with
// months or days, MODIFIER comes last. Weeks are ISO 8601 weeks, and in a scheme with a week token the year is the
// ISO week-numbering year (2024-12-30 is week 1 of 2025), so versions never go backwards.
//
// Next version for a date: the date tokens give the period. In the same period the lowest counter
// (MICRO, else MINOR, else MAJOR) goes up by one; in a new period it resets to 0 when it comes after
// the date (YY.0M.MICRO) and is kept when it comes before (MAJOR.YY.0M); other counters are kept. A current version with a modifier is a pre-release of its counters: the next version in
// the same period keeps them and drops or replaces the modifier. Padding of 0M/0W/0D/0Y is kept.
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class CalverToken { yyyy, yy, zero_y, mm, zero_m, ww, zero_w, dd, zero_d, major, minor, micro, modifier };

std::string_view to_string(CalverToken token);

class CalverScheme {
public:
    struct Segment {
        char separator = '\0';  // the character before this token; '\0' for the first one
        CalverToken token;
    };

    static Result<CalverScheme> parse(std::string_view text);

    const std::vector<Segment>& segments() const { return segments_; }
    bool has(CalverToken token) const;
    std::string to_string() const;

    friend bool operator==(const CalverScheme& a, const CalverScheme& b);

private:
    std::vector<Segment> segments_;
};

struct CalverVersion {
    CalverScheme scheme;
    std::vector<std::uint64_t> values;  // one per scheme segment; 0 for MODIFIER
    std::string modifier;               // empty when the version has none

    std::string to_string() const;
};

// Parses `text` against `scheme`; errors name the token and the offset that do not fit.
Result<CalverVersion> parse_calver(std::string_view text, const CalverScheme& scheme);

// Segment by segment in scheme order; a version with a modifier sorts before the same version
// without one, and modifiers compare like SemVer pre-release identifiers. Versions of different
// schemes compare by their text.
int compare(const CalverVersion& a, const CalverVersion& b);

struct CalverNextOptions {
    std::optional<CalverVersion> current;  // none: the first release of the scheme
    std::string_view modifier;             // e.g. "rc1"; needs MODIFIER in the scheme
};

// The next version released on `date` (see the rules at the top).
Result<CalverVersion> next_calver(const CalverScheme& scheme, std::chrono::year_month_day date,
                                  const CalverNextOptions& options = {});

// "YYYY-MM-DD" → a valid date.
Result<std::chrono::year_month_day> parse_iso_date(std::string_view text);

}  // namespace relplan

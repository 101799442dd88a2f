// node-semver 7.8.5 ranges: Comparator and Range values, compiled once and tested many times.
//
// Range::parse follows node-semver's own pipeline (hyphen ranges, comparator trimming, carets,
// tildes, x-ranges, stars, >=0.0.0) with the same patterns, run by a small ECMAScript-compatible
// backtracking matcher, so odd inputs ("1.x.5", ">=v 1", loose "1.2.3beta") get node's answers.
// Every query below answers what the node-semver function of the same name answers:
//   Range::test / satisfies, max_satisfying, min_satisfying, min_version, intersects (ranges and
//   comparators), gtr / ltr / outside, and Range::to_string (validRange's normalized text).
// Pre-release rule: a pre-release version satisfies a comparator set only if some comparator in
// that set has a pre-release on the same major.minor.patch, unless include_prerelease is set.
// Limits: a range is at most 64 KiB of text, and parsing gives up with "too complex" after a fixed
// amount of pattern-matching work (node-semver would take quadratic time on the same inputs).
#pragma once

#include "base/result.hpp"
#include "version/semver.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::size_t kMaxRangeLength = std::size_t{64} << 10;

// One `<op><version>` test. The empty comparator (node's ANY, written "") accepts every version.
class Comparator {
public:
    enum class Op { eq, lt, le, gt, ge };

    // node-semver `new Comparator(text, options)`: "", ">=1.2.3", "<1.0.0-0", "=1.2.3", "1.2.3".
    static Result<Comparator> parse(std::string_view text, SemverOptions options = {});

    bool any() const { return !version_.has_value(); }
    Op op() const { return op_; }
    const Version* version() const { return version_ ? &*version_ : nullptr; }

    bool test(const Version& v) const;
    // node's `value`: operator ("" for =) followed by the version without build metadata.
    std::string to_string() const;

private:
    Comparator(Op op, std::optional<Version> version) : op_(op), version_(std::move(version)) {}
    friend struct RangeBuilder;

    Op op_ = Op::eq;
    std::optional<Version> version_;
};

std::string_view to_string(Comparator::Op op);

// node-semver Comparator#intersects.
bool intersects(const Comparator& a, const Comparator& b, SemverOptions options = {});

// A union ("||") of comparator sets; each set is an intersection (whitespace AND).
class Range {
public:
    static Result<Range> parse(std::string_view text, SemverOptions options = {});

    bool test(const Version& v) const;
    // node's Range#test with a string: the text is parsed with the range's options; text that is
    // not a version never satisfies.
    bool test(std::string_view version) const;

    // node's `range`: sets joined by "||", comparators by " "; "" when any version matches.
    std::string to_string() const;
    const std::vector<std::vector<Comparator>>& sets() const { return sets_; }
    SemverOptions options() const { return options_; }

private:
    friend struct RangeBuilder;
    std::vector<std::vector<Comparator>> sets_;
    SemverOptions options_;
};

// node-semver `satisfies(version, range, options)`: false when either does not parse. Like node,
// it remembers recently parsed ranges (32 per thread), so calling it in a loop stays cheap.
bool satisfies(std::string_view version, std::string_view range, SemverOptions options = {});
// node-semver `validRange`: the normalized range text, "*" for any.
Result<std::string> valid_range(std::string_view range, SemverOptions options = {});

// node-semver maxSatisfying / minSatisfying over version texts: the index of the chosen text
// (texts that do not parse are skipped; ties keep the first), nullopt when none satisfies.
std::optional<std::size_t> max_satisfying(const std::vector<std::string_view>& versions,
                                          const Range& range);
std::optional<std::size_t> min_satisfying(const std::vector<std::string_view>& versions,
                                          const Range& range);
// node-semver minVersion: the lowest version the range admits, nullopt when it admits none.
std::optional<Version> min_version(const Range& range);

// node-semver Range#intersects: some set of `a` and some set of `b` can be satisfied together.
bool intersects(const Range& a, const Range& b, SemverOptions options = {});

enum class Side { above, below };
// node-semver outside(version, range, '>' or '<'): true when the version is above (below) every
// version the range admits; gtr and ltr are the two sides.
bool outside(const Version& version, const Range& range, Side side);
inline bool gtr(const Version& v, const Range& r) { return outside(v, r, Side::above); }
inline bool ltr(const Version& v, const Range& r) { return outside(v, r, Side::below); }

}  // namespace relplan

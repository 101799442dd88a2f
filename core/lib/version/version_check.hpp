// Internal: the version questions plan code asks, answered by semver.hpp / calver.hpp. A plan
// stores versions in normal form, so "SemVer" here means strict SemVer 2.0.0 text, not what
// node-semver's parse would also accept (" v1.2.3 ").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relplan::versions {

bool is_semver(std::string_view text);
// major, minor, patch of a strict SemVer version.
std::optional<std::array<std::uint64_t, 3>> semver_numbers(std::string_view text);
// SemVer precedence (-1, 0, 1); nullopt unless both are strict SemVer.
std::optional<int> compare_semver(std::string_view a, std::string_view b);

// Empty when `version` is valid in the CalVer `scheme`; otherwise what is wrong (scheme or version).
struct CalverProblem {
    bool scheme_invalid = false;
    std::string message;
};
std::optional<CalverProblem> check_calver(std::string_view scheme, std::string_view version);

}  // namespace relplan::versions

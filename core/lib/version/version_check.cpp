#include "version/version_check.hpp"

#include "version/calver.hpp"
#include "version/semver.hpp"

namespace relplan::versions {
namespace {

std::optional<Version> strict(std::string_view text) {
    // Version::parse follows node-semver and drops surrounding space and a leading "v"; a plan
    // stores the version itself, so only text that is already in normal form counts.
    auto v = Version::parse(text);
    if (!v || v->to_string() != text) return std::nullopt;
    return std::move(v.value());
}

}  // namespace

std::optional<CalverProblem> check_calver(std::string_view scheme, std::string_view version) {
    const auto parsed = CalverScheme::parse(scheme);
    if (!parsed) return CalverProblem{true, parsed.error().message};
    const auto v = parse_calver(version, *parsed);
    if (!v) return CalverProblem{false, v.error().message};
    return std::nullopt;
}

bool is_semver(std::string_view text) { return strict(text).has_value(); }

std::optional<std::array<std::uint64_t, 3>> semver_numbers(std::string_view text) {
    const auto v = strict(text);
    if (!v) return std::nullopt;
    return std::array<std::uint64_t, 3>{v->major(), v->minor(), v->patch()};
}

std::optional<int> compare_semver(std::string_view a, std::string_view b) {
    const auto va = strict(a);
    const auto vb = strict(b);
    if (!va || !vb) return std::nullopt;
    return compare(*va, *vb);
}

}  // namespace relplan::versions

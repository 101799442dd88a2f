#include "version/release_line.hpp"

#include <charconv>

namespace relplan {

namespace {

std::optional<std::uint64_t> number(std::string_view s) {
    if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

bool is_wildcard(std::string_view s) { return s == "x" || s == "X" || s == "*"; }

}  // namespace

Result<LineRange> parse_release_line(std::string_view name) {
    const std::string_view text = name;
    const auto fail = [&] {
        return make_error("release line \"" + std::string(text) + "\" is not of the form 1.x or 1.4.x");
    };
    const std::size_t dot1 = text.find('.');
    if (dot1 == std::string_view::npos) return fail();
    const auto major = number(text.substr(0, dot1));
    if (!major) return fail();
    const std::string_view rest = text.substr(dot1 + 1);
    if (is_wildcard(rest)) return LineRange{*major, std::nullopt};
    const std::size_t dot2 = rest.find('.');
    if (dot2 == std::string_view::npos || !is_wildcard(rest.substr(dot2 + 1))) return fail();
    const auto minor = number(rest.substr(0, dot2));
    if (!minor) return fail();
    return LineRange{*major, *minor};
}

std::string to_string(const LineRange& line) {
    return std::to_string(line.major) + (line.minor ? "." + std::to_string(*line.minor) : std::string()) + ".x";
}

bool line_holds(const LineRange& line, const Version& v) {
    return v.major() == line.major && (!line.minor || v.minor() == *line.minor);
}

LineRange default_line(const Version& v) {
    if (v.major() == 0) return LineRange{0, v.minor()};
    return LineRange{v.major(), std::nullopt};
}

LineRange line_of(const Version& v, const std::vector<LineRange>& declared) {
    const LineRange* best = nullptr;
    for (const LineRange& l : declared) {
        if (!line_holds(l, v)) continue;
        if (!best || (l.minor && !best->minor)) best = &l;
    }
    return best ? *best : default_line(v);
}

}  // namespace relplan

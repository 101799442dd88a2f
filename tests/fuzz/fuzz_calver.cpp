// libFuzzer target: CalVer schemes, versions and next versions. The input's first line is the
// scheme, the second the version, the rest picks a date. Invariants: no crash; a parsed version
// prints back to its text; a next version is newer than the current one.
#include "version/calver.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = text.find('\n');
    const std::string_view scheme_text = text.substr(0, nl);
    const std::string_view rest = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    const std::size_t nl2 = rest.find('\n');
    const std::string_view version_text = rest.substr(0, nl2);
    const std::string_view tail = nl2 == std::string_view::npos ? std::string_view{} : rest.substr(nl2 + 1);

    (void)parse_iso_date(tail);
    auto scheme = CalverScheme::parse(scheme_text);
    if (!scheme.ok()) return 0;
    if (!CalverScheme::parse(scheme->to_string()).ok()) std::abort();
    auto version = parse_calver(version_text, *scheme);
    if (version.ok() && version->to_string() != version_text) std::abort();

    std::uint32_t seed = 0;
    for (char c : tail) seed = seed * 31 + static_cast<unsigned char>(c);
    using namespace std::chrono;
    const sys_days day = sys_days{year{1990} / January / 1} + days{static_cast<int>(seed % 40000)};
    CalverNextOptions options;
    if (version.ok()) options.current = *version;
    auto next = next_calver(*scheme, year_month_day{day}, options);
    if (next.ok() && version.ok() && compare(*next, *version) <= 0) std::abort();
    if (next.ok()) {
        auto again = parse_calver(next->to_string(), *scheme);
        if (!again.ok()) std::abort();
    }
    return 0;
}

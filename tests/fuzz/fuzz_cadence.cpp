// libFuzzer target: cadence specs and the series they generate. The first line is the spec, the
// rest picks a start date and a count. Invariants: no crash, no hang; a parsed spec prints to a
// canonical spec that parses to the same cadence; a generated series is non-empty, increasing, on
// or after the start and within 1900..9999.
#include "calendar/cadence.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = text.find('\n');
    const std::string_view spec = text.substr(0, nl);
    const std::string_view tail = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);

    auto cadence = parse_cadence(spec);
    if (!cadence.ok()) return 0;
    auto again = parse_cadence(to_string(*cadence));
    if (!again.ok() || !(*again == *cadence)) std::abort();

    std::uint32_t seed = 0;
    for (char c : tail) seed = seed * 31 + static_cast<unsigned char>(c);
    using namespace std::chrono;
    const Date from{sys_days{year{1900} / January / 1} + days{static_cast<int>(seed % 2932896)}};
    const std::int64_t count = 1 + static_cast<std::int64_t>(seed % 1000);
    Period holiday;
    holiday.name = "fuzz";
    holiday.start = from;
    holiday.end = Date{sys_days{from} + days{static_cast<int>(seed % 400)}};
    const BusinessCalendar calendar({holiday});
    auto dates = cadence_dates(*cadence, from, count, calendar);
    if (!dates.ok()) return 0;
    if (dates->empty() || static_cast<std::int64_t>(dates->size()) != count) std::abort();
    for (std::size_t i = 0; i < dates->size(); ++i) {
        const Date& d = (*dates)[i];
        if (!d.ok() || d < from || d > max_supported_date) std::abort();
        if (i > 0 && !((*dates)[i - 1] < d)) std::abort();
    }
    return 0;
}

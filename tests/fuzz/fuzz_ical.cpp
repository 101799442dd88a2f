// libFuzzer target: iCalendar import, and export of what was imported. Invariants: no crash, no
// hang; every imported period exists, lies in 1900..9999 and ends on or after its start; the export
// of those periods as blackouts folds to lines of at most 75 octets and imports back without errors.
#include "calendar/business_days.hpp"
#include "calendar/ical.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto imported = import_ics(text);
    if (!imported.ok()) return 0;
    Plan plan;
    for (const Period& p : imported->periods) {
        if (!p.start.ok() || !p.end.ok() || p.end < p.start) std::abort();
        if (p.start < min_supported_date || p.end > max_supported_date) std::abort();
        plan.blackouts.push_back(p);
    }
    const IcsExport out = export_ics(plan, IcsExportOptions{});
    std::size_t line_start = 0;
    for (std::size_t i = 0; i + 1 < out.text.size(); ++i) {
        if (out.text[i] != '\r') continue;
        if (out.text[i + 1] != '\n' || i - line_start > 75) std::abort();
        line_start = i + 2;
    }
    auto again = import_ics(out.text);
    if (!again.ok()) std::abort();
    // Re-import keeps every event unless the import's own event limit (100,000) cuts it.
    if (imported->periods.size() <= 100000 && again->periods.size() != imported->periods.size()) std::abort();
    return 0;
}

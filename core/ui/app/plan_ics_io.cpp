// iCalendar export and import for the app, over the core's ical engine.
#include "app/plan_io.hpp"

#include "calendar/ical.hpp"
#include "base/tz.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

namespace relplan::ui {

namespace {

// One import serves both lists: an event whose summary names a deployment stop is a blackout,
// anything else (public-holiday calendars, the common source) a holiday.
bool looks_like_blackout(const std::string& name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 6> words{"blackout", "freeze", "no deploy", "no-deploy",
                                                           "moratorium", "no release"};
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

}  // namespace

std::string plan_to_ics(const Plan& plan) {
    IcsExportOptions options;
    const Result<TzDatabase>& zones = embedded_tzdb();
    if (zones) {
        options.times = IcsTimes::zoned;
        options.zones = &*zones;
    }
    options.dtstamp = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return export_ics(plan, options).text;
}

bool import_ics_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors) {
    Result<IcsImport> parsed = import_ics(text);
    if (!parsed) {
        errors.push_back(name + ": " + parsed.error().message);
        return false;
    }
    for (const std::string& w : parsed->warnings) errors.push_back(name + ": " + w);
    if (parsed->periods.empty()) {
        errors.push_back(name + ": the calendar holds no events to import");
        return false;
    }
    std::vector<Period> holidays;
    std::vector<Period> blackouts;
    for (Period& p : parsed->periods) (looks_like_blackout(p.name) ? blackouts : holidays).push_back(std::move(p));
    std::size_t added = merge_periods(plan.holidays, holidays) + merge_periods(plan.blackouts, blackouts);
    if (added == 0) errors.push_back(name + ": every event was already in the plan; nothing changed");
    return true;
}

}  // namespace relplan::ui

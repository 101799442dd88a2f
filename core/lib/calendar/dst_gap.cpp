#include "calendar/dst_gap.hpp"

#include "base/json_doc.hpp"
#include "calendar/calendar_util.hpp"
#include "plan/plan_lint.hpp"
#include "plan/plan_schema.hpp"

#include <fmt/format.h>

namespace relplan::calendar {

using namespace std::chrono;

std::optional<std::string> dst_gap_message(const Release& r, WindowEdge edge, const TimeZone& zone) {
    if (!r.change_window) return std::nullopt;
    const ChangeWindow& w = *r.change_window;
    const bool start = edge == WindowEdge::start;
    const sys_seconds t = start ? w.start : w.end;
    const std::int32_t offset = start ? w.start_offset_minutes : w.end_offset_minutes;
    const local_seconds written{t.time_since_epoch() + minutes{offset}};
    const auto read = zone.to_utc(written);
    if (!read || read->kind != LocalTimeKind::gap) return std::nullopt;
    const auto actual = zone.to_local(t);
    if (!actual) return std::nullopt;
    const char* which = start ? "starts" : "ends";
    const std::string at = fmt::format("{} {}", format_local(actual->local).substr(11), actual->state.abbreviation);
    return fmt::format("the change window of release {} {} at {}: {}; {}", r.id, which, offset_time_text(t, offset),
                       read->note,
                       read->utc == t ? fmt::format("the window {} at {} (RFC 5545)", which, at)
                                      : fmt::format("the written offset puts it at {} ({}), not where RFC 5545 "
                                                    "reads the local time",
                                                    at, format_utc(t)));
}

std::vector<Diagnostic> dst_gap_warnings(const Plan& plan, const TzDatabase& zones, std::string_view text) {
    using schema::json_key;
    std::vector<Diagnostic> out;
    const json::Path root;  // a Path refers to its parent: the root must outlive the paths below it
    const json::Path releases = root.member(json_key<&Plan::releases>);
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        if (r.status == ReleaseStatus::cancelled || !r.change_window || r.change_window->zone.empty()) continue;
        const auto zone = zones.zone(r.change_window->zone);
        if (!zone) continue;  // an unknown zone is lint's error
        const json::Path at = releases.element(i);
        const json::Path window = at.member(json_key<&Release::change_window>);
        if (auto m = dst_gap_message(r, WindowEdge::start, *zone))
            out.push_back(Diagnostic{window.member(json_key<&ChangeWindow::start>).str(), std::move(*m), 0, 0});
        if (r.change_window->end <= r.change_window->start) continue;
        if (auto m = dst_gap_message(r, WindowEdge::end, *zone))
            out.push_back(Diagnostic{window.member(json_key<&ChangeWindow::end>).str(), std::move(*m), 0, 0});
    }
    locate_diagnostics(out, text);
    return out;
}

}  // namespace relplan::calendar

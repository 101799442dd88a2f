#include "calendar/schedule.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "calendar/overdue.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>
#include <utility>

namespace relplan {

std::int32_t day_number(const Date& d) {
    return static_cast<std::int32_t>(std::chrono::sys_days(d).time_since_epoch().count());
}

Date date_of_day(std::int32_t day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }

bool usable(const std::optional<Date>& d) { return d && d->ok() && *d >= min_supported_date && *d <= max_supported_date; }

namespace {

double local_days(std::chrono::sys_seconds t, const ZoneOffset& offset_at) {
    return static_cast<double>((t + offset_at(t)).time_since_epoch().count()) / 86400.0;
}

// The timeline's rows and lanes for the scheduled releases (Schedule::rows, TimelineLane).
void place_in_lanes(const Plan& plan, Schedule& out) {
    const std::int32_t n = static_cast<std::int32_t>(plan.releases.size());
    std::map<std::string, std::int32_t, std::less<>> row_of;
    for (const Component& c : plan.components) {
        if (row_of.count(c.id)) continue;
        row_of.emplace(c.id, static_cast<std::int32_t>(out.rows.size()));
        out.rows.push_back({c.id, c.name.empty() ? c.id : c.name, 0, 0});
    }
    std::vector<std::vector<std::int32_t>> members(out.rows.size());
    std::vector<std::int32_t> loose;
    for (std::int32_t i = 0; i < n; ++i) {
        if (!out.days[i].scheduled) continue;
        const Release& r = plan.releases[i];
        if (r.components.empty()) loose.push_back(i);
        for (const std::string& c : r.components) {
            auto it = row_of.find(c);
            if (it == row_of.end()) {
                it = row_of.emplace(c, static_cast<std::int32_t>(out.rows.size())).first;
                out.rows.push_back({c, c + " (unknown component)", 0, 0});
                members.emplace_back();
            }
            auto& m = members[it->second];
            if (m.empty() || m.back() != i) m.push_back(i);
        }
    }
    if (!loose.empty()) {
        out.rows.push_back({"", "No component", 0, 0});
        members.push_back(std::move(loose));
    }
    for (std::size_t row = 0; row < out.rows.size(); ++row) {
        auto& m = members[row];
        std::sort(m.begin(), m.end(), [&](std::int32_t a, std::int32_t b) {
            const ReleaseDays& da = out.days[a];
            const ReleaseDays& db = out.days[b];
            return da.bar_first != db.bar_first ? da.bar_first < db.bar_first : a < b;
        });
        // Interval partitioning: reuse the lane that freed up first; a new lane only when all overlap.
        using Free = std::pair<std::int32_t, std::int32_t>;  // (last day used, lane)
        std::priority_queue<Free, std::vector<Free>, std::greater<>> lanes;
        const std::int32_t first = static_cast<std::int32_t>(out.lanes.size());
        for (std::int32_t rel : m) {
            const ReleaseDays& d = out.days[rel];
            std::int32_t lane;
            if (!lanes.empty() && lanes.top().first < d.bar_first) {
                lane = lanes.top().second;
                lanes.pop();
            } else {
                lane = static_cast<std::int32_t>(out.lanes.size());
                out.lanes.push_back({static_cast<std::int32_t>(row), {}});
            }
            out.lanes[lane].releases.push_back(rel);
            lanes.push({d.bar_last, lane});
        }
        if (static_cast<std::int32_t>(out.lanes.size()) == first) out.lanes.push_back({static_cast<std::int32_t>(row), {}});
        out.rows[row].first_lane = first;
        out.rows[row].lane_count = static_cast<std::int32_t>(out.lanes.size()) - first;
    }
}

}  // namespace

Schedule build_schedule(const Plan& plan, std::int32_t today, const ZoneOffset& offset_at) {
    Schedule out;
    out.today = today;
    const std::int32_t n = static_cast<std::int32_t>(plan.releases.size());
    out.days.resize(plan.releases.size());
    BusinessCalendars calendars(plan.holidays);
    for (std::int32_t i = 0; i < n; ++i) {
        const Release& r = plan.releases[i];
        ReleaseDays& d = out.days[i];
        d.overdue = days_overdue(r, date_of_day(today));
        if (!usable(r.release_date)) {
            ++out.unscheduled;
            continue;
        }
        d.scheduled = true;
        d.release = day_number(*r.release_date);
        Result<MilestoneSchedule> computed = compute_milestones(plan, r, calendars);
        auto pick = [&](const std::optional<Date>& own, MilestoneKind kind) {
            if (usable(own)) return day_number(*own);
            return computed ? day_number(computed->at(kind).date) : d.release;
        };
        d.planning_start = pick(r.planning_start, MilestoneKind::planning_start);
        d.feature_freeze = pick(r.feature_freeze, MilestoneKind::feature_freeze);
        d.code_freeze = pick(r.code_freeze, MilestoneKind::code_freeze);
        d.notice_deadline = computed ? day_number(computed->at(MilestoneKind::notice_deadline).date) : d.release;
        d.bar_first = std::min({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
        d.bar_last = std::max({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
        if (r.change_window && r.change_window->end > r.change_window->start) {
            d.has_window = true;
            d.window_start = local_days(r.change_window->start, offset_at);
            d.window_end = local_days(r.change_window->end, offset_at);
        }
        auto add = [&](std::int32_t day, EventKind kind) { out.events.push_back({day, kind, i}); };
        if (d.planning_start != d.release) add(d.planning_start, EventKind::planning_start);
        if (d.notice_deadline != d.release) add(d.notice_deadline, EventKind::notice_deadline);
        if (d.feature_freeze != d.release) add(d.feature_freeze, EventKind::feature_freeze);
        if (d.code_freeze != d.release) add(d.code_freeze, EventKind::code_freeze);
        if (d.has_window) add(static_cast<std::int32_t>(std::floor(d.window_start)), EventKind::change_window);
        add(d.release, EventKind::release);
    }
    auto add_periods = [&](const std::vector<Period>& periods, EventKind kind) {
        for (std::size_t p = 0; p < periods.size(); ++p)
            if (periods[p].start.ok() && periods[p].end.ok() && !(periods[p].end < periods[p].start))
                out.events.push_back({day_number(periods[p].start), kind, static_cast<std::int32_t>(p)});
    };
    add_periods(plan.holidays, EventKind::holiday);
    add_periods(plan.blackouts, EventKind::blackout);
    std::sort(out.events.begin(), out.events.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.index < b.index;
    });

    place_in_lanes(plan, out);
    return out;
}


}  // namespace relplan

#include "calendar/calendar_util.hpp"

#include "calendar/milestones.hpp"

#include "plan/plan_time.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace relplan::calendar {

using namespace std::chrono;

WindowDates window_dates(const ChangeWindow& w, const TzDatabase* zones) {
    std::optional<TimeZone> zone;
    if (!w.zone.empty() && zones) {
        if (auto z = zones->zone(w.zone)) zone = *z;
    }
    const bool known = w.zone.empty() || zone.has_value();
    const TimeZone tz = zone ? *zone : TimeZone::utc();
    const sys_seconds last_second = w.end > w.start ? w.end - seconds{1} : w.start;
    const auto local_date = [&](sys_seconds t) {
        return Date{floor<days>(t + tz.state_at(t).utc_offset)};
    };
    return WindowDates{local_date(w.start), local_date(last_second), known};
}

std::string window_text(const ChangeWindow& w) {
    return format_offset_time(w.start, w.start_offset_minutes) + ".." +
           format_offset_time(w.end, w.end_offset_minutes);
}

std::string offset_time_text(sys_seconds t, std::int32_t offset_minutes) {
    return format_offset_time(t, offset_minutes);
}

std::string duration_text(seconds d) {
    const std::int64_t total_minutes = d.count() / 60;
    const std::int64_t h = total_minutes / 60, m = total_minutes % 60;
    if (h == 0) return fmt::format("{} min", m);
    if (m == 0) return fmt::format("{} h", h);
    return fmt::format("{} h {} min", h, m);
}

std::string days_text(std::int64_t n) { return fmt::format("{} day{}", n, n == 1 || n == -1 ? "" : "s"); }

std::string notice_text(std::int64_t n) {
    return n == 1 ? std::string("1 day's notice") : fmt::format("{} days' notice", n);
}

std::int64_t days_between(const Date& a, const Date& b) {
    return std::int64_t{(sys_days{b} - sys_days{a}).count()};
}

std::string common_component(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& x : a)
        if (!x.empty() && std::find(b.begin(), b.end(), x) != b.end()) return x;
    return {};
}

PlannedMilestones planned_milestones(const Plan& plan, const Release& release) {
    BusinessCalendars calendars(plan.holidays);
    return planned_milestones(plan, release, calendars);
}

PlannedMilestones planned_milestones(const Plan& plan, const Release& release, BusinessCalendars& calendars) {
    PlannedMilestones m{release.planning_start, release.feature_freeze, release.code_freeze, std::nullopt};
    if (!release.release_date) return m;
    auto computed = compute_milestones(plan, release, calendars);
    if (!computed) return m;
    if (!m.planning_start) m.planning_start = computed->at(MilestoneKind::planning_start).date;
    if (!m.feature_freeze) m.feature_freeze = computed->at(MilestoneKind::feature_freeze).date;
    if (!m.code_freeze) m.code_freeze = computed->at(MilestoneKind::code_freeze).date;
    m.notice_deadline = computed->at(MilestoneKind::notice_deadline).date;
    return m;
}

}  // namespace relplan::calendar

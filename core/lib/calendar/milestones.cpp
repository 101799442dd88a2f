#include "calendar/milestones.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace relplan {

using namespace std::chrono;

std::string_view to_string(MilestoneKind kind) {
    switch (kind) {
        case MilestoneKind::planning_start: return "planning-start";
        case MilestoneKind::notice_deadline: return "notice-deadline";
        case MilestoneKind::feature_freeze: return "feature-freeze";
        case MilestoneKind::code_freeze: return "code-freeze";
        case MilestoneKind::release: return "release";
    }
    return "release";
}

std::string_view milestone_label(MilestoneKind kind) {
    switch (kind) {
        case MilestoneKind::planning_start: return "planning starts";
        case MilestoneKind::notice_deadline: return "stakeholder notice due";
        case MilestoneKind::feature_freeze: return "feature freeze";
        case MilestoneKind::code_freeze: return "code freeze";
        case MilestoneKind::release: return "release";
    }
    return "release";
}

const Milestone& MilestoneSchedule::at(MilestoneKind kind) const {
    for (const Milestone& m : milestones)
        if (m.kind == kind) return m;
    return milestones.back();
}

Result<MilestoneSchedule> compute_milestones(const Date& release_date, const MilestoneOffsets& offsets,
                                             const BusinessCalendar& calendar) {
    if (auto ok = check_date(release_date, "release date"); !ok) return ok.error();
    const std::array<std::pair<MilestoneKind, std::int32_t>, 4> nominal{{
        {MilestoneKind::planning_start, offsets.planning_start_days},
        {MilestoneKind::notice_deadline, offsets.notice_days},
        {MilestoneKind::feature_freeze, offsets.feature_freeze_days},
        {MilestoneKind::code_freeze, offsets.code_freeze_days},
    }};
    MilestoneSchedule s;
    s.release_date = release_date;
    for (const auto& [kind, offset] : nominal) {
        if (offset < 0)
            return make_error(fmt::format("{} offset is {} days; offsets count days before the "
                                          "release and cannot be negative",
                                          milestone_label(kind), offset));
        // In 64 bits: an absurd offset must not overflow the 32-bit day count.
        const std::int64_t day_number =
            std::int64_t{sys_days{release_date}.time_since_epoch().count()} - offset;
        if (day_number < sys_days{min_supported_date}.time_since_epoch().count())
            return make_error(fmt::format("{} ({} days before {}) falls before 1900-01-01",
                                          milestone_label(kind), offset, format_date(release_date)));
        const Date day{sys_days{days{day_number}}};
        Milestone m{kind, day, offset, {}};
        if (offset > 0 && !calendar.is_business_day(day)) {
            auto moved = calendar.previous_business_day(day);
            if (!moved) return moved.error();
            const std::string_view holiday = calendar.holiday_name(day);
            const std::string why =
                is_weekend(day) ? fmt::format("a {}", weekday_name(day))
                : holiday.empty() ? std::string("a holiday")
                                  : fmt::format("a holiday ({})", holiday);
            m.note = fmt::format("{} {} is {}; moved back to {} {}", milestone_label(kind),
                                 format_date(day), why, weekday_name(*moved), format_date(*moved));
            m.date = *moved;
        }
        s.milestones.push_back(std::move(m));
    }
    std::stable_sort(s.milestones.begin(), s.milestones.end(),
                     [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
    s.milestones.push_back(Milestone{MilestoneKind::release, release_date, 0, {}});
    return s;
}

Result<MilestoneSchedule> compute_milestones(const Plan& plan, const Release& release, BusinessCalendars& calendars) {
    if (!release.release_date)
        return make_error(fmt::format("release {} has no release date", release.id));
    return compute_milestones(*release.release_date, milestone_offsets(plan.settings, release.type),
                              calendars.for_components(release.components));
}

Result<MilestoneSchedule> compute_milestones(const Plan& plan, const Release& release) {
    BusinessCalendars calendars(plan.holidays);
    return compute_milestones(plan, release, calendars);
}

void apply_milestones(Release& release, const MilestoneSchedule& schedule) {
    release.planning_start = schedule.at(MilestoneKind::planning_start).date;
    release.feature_freeze = schedule.at(MilestoneKind::feature_freeze).date;
    release.code_freeze = schedule.at(MilestoneKind::code_freeze).date;
    release.release_date = schedule.release_date;
}

}  // namespace relplan

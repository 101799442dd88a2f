// Release milestones derived from the release date, the release type and the plan's offsets.
//
// Offsets are calendar days before the release date (PlanSettings, defaults from the release-manager
// guide in default_milestone_offsets: major 28/14/7 days with 28 days' notice, minor 14/7/3 with 14,
// patch 7/3/1 with 3, hotfix and security 0 -- everything on the release date, notice immediate).
// A milestone whose nominal day is not a business day (weekend or an applicable holiday) moves back
// to the previous business day, so a freeze or a notice is never later than the guide asks; the
// milestone then carries a note saying so. Moving back keeps the milestones in order. An offset of 0
// means "on the release date" and is never moved (the release date's own problems are conflicts).
#pragma once

#include "calendar/business_days.hpp"
#include "plan/plan.hpp"
#include "base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class MilestoneKind { planning_start, notice_deadline, feature_freeze, code_freeze, release };

std::string_view to_string(MilestoneKind kind);  // "planning-start", "notice-deadline", ...
std::string_view milestone_label(MilestoneKind kind);  // "planning starts", "stakeholder notice due", ...

struct Milestone {
    MilestoneKind kind = MilestoneKind::release;
    Date date{};
    std::int32_t offset_days = 0;  // nominal calendar days before the release date
    std::string note;  // why `date` is not the nominal day; empty when it is
    bool operator==(const Milestone&) const = default;
};

struct MilestoneSchedule {
    Date release_date{};
    std::vector<Milestone> milestones;  // by date; ties in MilestoneKind order; release last
    // The milestone of `kind`; every kind is present in a computed schedule.
    const Milestone& at(MilestoneKind kind) const;
    bool operator==(const MilestoneSchedule&) const = default;
};

Result<MilestoneSchedule> compute_milestones(const Date& release_date, const MilestoneOffsets& offsets,
                                             const BusinessCalendar& calendar);
// For a release of the plan: its release date (Error when it has none), the plan's offsets for its
// type and the plan's holidays that apply to its components.
Result<MilestoneSchedule> compute_milestones(const Plan& plan, const Release& release);
// The same with calendars built once per component set (for many releases of `plan`).
Result<MilestoneSchedule> compute_milestones(const Plan& plan, const Release& release, BusinessCalendars& calendars);

// Sets the release's planning_start, feature_freeze, code_freeze and release_date from `schedule`.
void apply_milestones(Release& release, const MilestoneSchedule& schedule);

}  // namespace relplan

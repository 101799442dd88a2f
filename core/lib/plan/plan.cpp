#include "plan/plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace relplan {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<ReleaseType, 5> release_types{{
    {ReleaseType::major, "major"},
    {ReleaseType::minor, "minor"},
    {ReleaseType::patch, "patch"},
    {ReleaseType::hotfix, "hotfix"},
    {ReleaseType::security, "security"},
}};
constexpr Table<ReleaseStatus, 6> release_statuses{{
    {ReleaseStatus::planning, "planning"},
    {ReleaseStatus::approved, "approved"},
    {ReleaseStatus::frozen, "frozen"},
    {ReleaseStatus::released, "released"},
    {ReleaseStatus::cancelled, "cancelled"},
    {ReleaseStatus::rolled_back, "rolled-back"},
}};
constexpr Table<ChangeCategory, 7> change_categories{{
    {ChangeCategory::new_feature, "new-feature"},
    {ChangeCategory::improvement, "improvement"},
    {ChangeCategory::bug_fix, "bug-fix"},
    {ChangeCategory::breaking_change, "breaking-change"},
    {ChangeCategory::deprecation, "deprecation"},
    {ChangeCategory::security, "security"},
    {ChangeCategory::performance, "performance"},
}};
constexpr Table<Audience, 4> audiences{{
    {Audience::internal, "internal"},
    {Audience::technical, "technical"},
    {Audience::customer, "customer"},
    {Audience::end_user, "end-user"},
}};
constexpr Table<Channel, 9> channels{{
    {Channel::email, "email"},
    {Channel::blog, "blog"},
    {Channel::docs, "docs"},
    {Channel::support_portal, "support-portal"},
    {Channel::social_media, "social-media"},
    {Channel::chat, "chat"},
    {Channel::meeting, "meeting"},
    {Channel::status_page, "status-page"},
    {Channel::in_app, "in-app"},
}};
constexpr Table<RiskLevel, 4> risk_levels{{
    {RiskLevel::low, "low"},
    {RiskLevel::medium, "medium"},
    {RiskLevel::high, "high"},
    {RiskLevel::critical, "critical"},
}};
constexpr Table<GateKind, 6> gate_kinds{{
    {GateKind::unit, "unit"},
    {GateKind::integration, "integration"},
    {GateKind::system, "system"},
    {GateKind::performance, "performance"},
    {GateKind::security, "security"},
    {GateKind::uat, "uat"},
}};
constexpr Table<GateStatus, 4> gate_statuses{{
    {GateStatus::pending, "pending"},
    {GateStatus::passed, "passed"},
    {GateStatus::failed, "failed"},
    {GateStatus::waived, "waived"},
}};
constexpr Table<ReleaseOutcome, 4> outcomes{{
    {ReleaseOutcome::success, "success"},
    {ReleaseOutcome::degraded, "degraded"},
    {ReleaseOutcome::failed, "failed"},
    {ReleaseOutcome::rolled_back, "rolled-back"},
}};
constexpr Table<RetroKind, 3> retro_kinds{{
    {RetroKind::went_well, "went-well"},
    {RetroKind::to_improve, "to-improve"},
    {RetroKind::action_item, "action-item"},
}};
constexpr Table<NotesSection, 11> notes_sections{{
    {NotesSection::summary, "summary"},
    {NotesSection::breaking_change, "breaking-change"},
    {NotesSection::security, "security"},
    {NotesSection::new_feature, "new-feature"},
    {NotesSection::improvement, "improvement"},
    {NotesSection::performance, "performance"},
    {NotesSection::bug_fix, "bug-fix"},
    {NotesSection::deprecation, "deprecation"},
    {NotesSection::known_issues, "known-issues"},
    {NotesSection::upgrade_instructions, "upgrade-instructions"},
    {NotesSection::contributors, "contributors"},
}};

template <class E, std::size_t N>
std::string_view token_of(const Table<E, N>& table, E value) {
    for (const auto& [v, token] : table) {
        if (v == value) return token;
    }
    return {};
}

template <class E, std::size_t N>
std::optional<E> value_of(const Table<E, N>& table, std::string_view token) {
    for (const auto& [v, t] : table) {
        if (t == token) return v;
    }
    return std::nullopt;
}

template <class E, std::size_t N>
std::vector<E> values_of(const Table<E, N>& table) {
    std::vector<E> out;
    for (const auto& entry : table) out.push_back(entry.first);
    return out;
}

template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

#define RELPLAN_ENUM_STRINGS(E, table)                                                     \
    std::string_view to_string(E v) { return token_of(table, v); }                          \
    template <>                                                                             \
    std::optional<E> from_string<E>(std::string_view token) { return value_of(table, token); } \
    template <>                                                                             \
    const std::vector<E>& all_values<E>() {                                                 \
        static const std::vector<E> values = values_of(table);                              \
        return values;                                                                      \
    }

RELPLAN_ENUM_STRINGS(ReleaseType, release_types)
RELPLAN_ENUM_STRINGS(ReleaseStatus, release_statuses)
RELPLAN_ENUM_STRINGS(ChangeCategory, change_categories)
RELPLAN_ENUM_STRINGS(Audience, audiences)
RELPLAN_ENUM_STRINGS(Channel, channels)
RELPLAN_ENUM_STRINGS(RiskLevel, risk_levels)
RELPLAN_ENUM_STRINGS(GateKind, gate_kinds)
RELPLAN_ENUM_STRINGS(GateStatus, gate_statuses)
RELPLAN_ENUM_STRINGS(ReleaseOutcome, outcomes)
RELPLAN_ENUM_STRINGS(RetroKind, retro_kinds)
RELPLAN_ENUM_STRINGS(NotesSection, notes_sections)

#undef RELPLAN_ENUM_STRINGS

MilestoneOffsets default_milestone_offsets(ReleaseType type) {
    switch (type) {
        case ReleaseType::major: return {28, 14, 7, 28};
        case ReleaseType::minor: return {14, 7, 3, 14};
        case ReleaseType::patch: return {7, 3, 1, 3};
        case ReleaseType::hotfix:
        case ReleaseType::security: return {0, 0, 0, 0};
    }
    return {};
}

MilestoneOffsets milestone_offsets(const PlanSettings& settings, ReleaseType type) {
    MilestoneOffsets result = default_milestone_offsets(type);
    for (const MilestoneOverride& o : settings.milestone_offsets) {
        if (o.type != type) continue;
        if (o.planning_start_days) result.planning_start_days = *o.planning_start_days;
        if (o.feature_freeze_days) result.feature_freeze_days = *o.feature_freeze_days;
        if (o.code_freeze_days) result.code_freeze_days = *o.code_freeze_days;
        if (o.notice_days) result.notice_days = *o.notice_days;
    }
    return result;
}

const Release* find_release(const Plan& plan, std::string_view id) { return find_by_id(plan.releases, id); }
const Component* find_component(const Plan& plan, std::string_view id) {
    return find_by_id(plan.components, id);
}
const Stakeholder* find_stakeholder(const Plan& plan, std::string_view id) {
    return find_by_id(plan.stakeholders, id);
}
const Train* find_train(const Plan& plan, std::string_view id) { return find_by_id(plan.trains, id); }
const Release* find_release_by_version(const Plan& plan, std::string_view version) {
    auto it = std::find_if(plan.releases.begin(), plan.releases.end(),
                           [&](const Release& r) { return r.version == version; });
    return it == plan.releases.end() ? nullptr : &*it;
}

}  // namespace relplan

// Semantic diff of two plans (the engine of `relplan diff` and git's external diff driver).
//
// diff_plans matches releases by id and reports, in the new plan's order followed by removed
// releases in the old plan's order:
//   - releases added and removed;
//   - for a release kept: every changed value with its JSON Pointer inside the release, old and new
//     JSON text (absent when the value was not there) — a renamed release shows as its name or
//     version changing; milestone dates that moved carry the shift in calendar days and in business
//     days (the new plan's holidays for the release's components); changes of the notes are listed
//     as added / removed by id (by description when a change has no id), and a change both hold
//     with edited fields gives those fields under "/changes/<index in the new release>";
//   - outside releases: every changed value with its pointer in the plan;
//   - scheduling conflicts (calendar/conflicts.hpp) that appear or disappear, compared by code and
//     message.
// Two plans are equal when their canonical JSON forms are equal; then the diff is empty.
#pragma once

#include "calendar/conflicts.hpp"
#include "plan/plan.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relplan {

struct ValueChange {
    std::string pointer;  // relative to the release for release fields, else to the plan
    std::optional<std::string> before;  // JSON text; absent: not there
    std::optional<std::string> after;
    // Milestone dates (planning_start, feature_freeze, code_freeze, release_date) moved:
    std::optional<std::int64_t> days;
    std::optional<std::int64_t> business_days;
    bool operator==(const ValueChange&) const = default;
};

struct NoteChange {
    std::string id;           // the change's id; "" when it has none
    std::string description;
    bool operator==(const NoteChange&) const = default;
};

enum class ReleaseDiffKind { added, removed, changed };

struct ReleaseDiff {
    ReleaseDiffKind kind = ReleaseDiffKind::changed;
    std::string id;
    std::string label;  // version, else name, else id (of the new release; the old one when removed)
    std::vector<ValueChange> fields;
    std::vector<NoteChange> changes_added;
    std::vector<NoteChange> changes_removed;
    bool operator==(const ReleaseDiff&) const = default;
};

struct PlanDiff {
    std::vector<ReleaseDiff> releases;
    std::vector<ValueChange> plan_fields;
    std::vector<Finding> conflicts_appeared;
    std::vector<Finding> conflicts_resolved;
    bool empty() const {
        return releases.empty() && plan_fields.empty() && conflicts_appeared.empty() && conflicts_resolved.empty();
    }
};

PlanDiff diff_plans(const Plan& before, const Plan& after, const ConflictOptions& options = {});

// For people: one block per release, then plan fields, then conflicts; "" when the diff is empty.
std::string format_diff_text(const PlanDiff& diff);
// For tools: {"releases":[...],"plan":[...],"conflicts":{"appeared":[...],"resolved":[...]}}.
std::string format_diff_json(const PlanDiff& diff);

}  // namespace relplan

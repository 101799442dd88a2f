#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

namespace {

template <class E>
void round_trips() {
    for (const E value : all_values<E>()) {
        CAPTURE(to_string(value));
        CHECK_FALSE(to_string(value).empty());
        CHECK(from_string<E>(to_string(value)) == value);
    }
    CHECK_FALSE(from_string<E>("no-such-token").has_value());
    CHECK_FALSE(from_string<E>("").has_value());
}

}  // namespace

TEST_CASE("every enum round-trips through its JSON token") {
    round_trips<ReleaseType>();
    round_trips<ReleaseStatus>();
    round_trips<ChangeCategory>();
    round_trips<Audience>();
    round_trips<Channel>();
    round_trips<RiskLevel>();
    round_trips<GateKind>();
    round_trips<GateStatus>();
    round_trips<ReleaseOutcome>();
    round_trips<RetroKind>();
    round_trips<NotesSection>();
    CHECK(to_string(ReleaseStatus::rolled_back) == "rolled-back");
    CHECK(to_string(ChangeCategory::breaking_change) == "breaking-change");
    CHECK(to_string(Audience::end_user) == "end-user");
    CHECK(from_string<ChangeCategory>("Bug-Fix") == std::nullopt);  // tokens are case-sensitive
    CHECK(all_values<ReleaseStatus>().size() == 6);
}

TEST_CASE("milestone offsets: guide defaults and partial per-type overrides") {
    CHECK(default_milestone_offsets(ReleaseType::major) == MilestoneOffsets{28, 14, 7, 28});
    CHECK(default_milestone_offsets(ReleaseType::minor) == MilestoneOffsets{14, 7, 3, 14});
    CHECK(default_milestone_offsets(ReleaseType::patch) == MilestoneOffsets{7, 3, 1, 3});
    CHECK(default_milestone_offsets(ReleaseType::hotfix) == MilestoneOffsets{0, 0, 0, 0});
    CHECK(default_milestone_offsets(ReleaseType::security) == MilestoneOffsets{0, 0, 0, 0});
    PlanSettings settings;
    MilestoneOverride o;
    o.type = ReleaseType::minor;
    o.code_freeze_days = 4;
    settings.milestone_offsets.push_back(o);
    CHECK(milestone_offsets(settings, ReleaseType::minor) == MilestoneOffsets{14, 7, 4, 14});
    CHECK(milestone_offsets(settings, ReleaseType::major) == MilestoneOffsets{28, 14, 7, 28});
}

TEST_CASE("lookups by id and version") {
    Plan plan;
    plan.components.push_back(Component{"api", "API", {}, {}, {}, {}});
    plan.releases.push_back(test::release("r1", "1.2.0"));
    CHECK(find_release(plan, "r1") == &plan.releases[0]);
    CHECK(find_release(plan, "r2") == nullptr);
    CHECK(find_release_by_version(plan, "1.2.0") == &plan.releases[0]);
    CHECK(find_component(plan, "api")->name == "API");
    CHECK(find_stakeholder(plan, "x") == nullptr);
}

TEST_CASE("validate_plan on an edited plan: pointers without positions") {
    Plan plan = test::plan_named("Acme");
    Release r = test::release("r1", "1.0");
    r.status = ReleaseStatus::approved;
    r.feature_freeze = test::d(2027, 2, 29);
    r.calver_scheme.reset();
    plan.releases.push_back(r);
    MilestoneOverride o;
    o.type = ReleaseType::patch;
    o.feature_freeze_days = -1;
    plan.settings.milestone_offsets = {o, o};
    NotesSectionOverride s;
    s.section = NotesSection::summary;
    plan.settings.notes_sections = {s, s};
    ChangeWindow w;
    w.start_offset_minutes = 24 * 60;
    w.end = w.start + std::chrono::hours{1};
    plan.releases[0].change_window = w;

    std::vector<std::string> out;
    for (const Diagnostic& d : validate_plan(plan)) {
        CHECK(d.line == 0);
        out.push_back(format_diagnostic(d, ""));
    }
    CHECK(out == std::vector<std::string>{
                     "/settings/milestone_offsets/0/feature_freeze_days: -1 days: must not be negative",
                     "/settings/milestone_offsets/1/type: a second override for release type \"patch\" (the first is /settings/milestone_offsets/0)",
                     "/settings/milestone_offsets/1/feature_freeze_days: -1 days: must not be negative",
                     "/settings/notes_sections/1/section: notes section \"summary\" is listed twice (first at /settings/notes_sections/0)",
                     "/releases/0/version: \"1.0\" is not a valid semantic version",
                     "/releases/0/feature_freeze: \"2027-02-29\" is not a valid date (February 2027 has 28 days)",
                     "/releases/0/change_window/start: UTC offset of 1440 minutes is out of range (at most 23:59 either way)",
                 });
    plan.project.name.clear();
    CHECK(format_diagnostic(validate_plan(plan).front(), "f.json") == "f.json: /project/name: the project name must not be empty");
}

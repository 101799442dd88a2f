#include "calendar/milestones.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>

using namespace relplan;
using namespace std::chrono;
using relplan::test::d;

namespace {

std::string milestone_dates(const MilestoneSchedule& s) {
    std::string out;
    for (const Milestone& m : s.milestones)
        out += std::string(to_string(m.kind)) + "=" + format_date(m.date) + " ";
    return out;
}

// The default milestones of a `type` release on `date`, computed against `cal`.
MilestoneSchedule defaults_for(const char* date, ReleaseType type, const BusinessCalendar& cal = {}) {
    auto s = compute_milestones(d(date), default_milestone_offsets(type), cal);
    REQUIRE(s.ok());
    return *s;
}

}  // namespace

TEST_CASE("major release milestones follow the guide: T-4w planning and notice, T-2w, T-1w") {
    const MilestoneSchedule s = defaults_for("2026-06-15", ReleaseType::major);
    CHECK(milestone_dates(s) ==
          "planning-start=2026-05-18 notice-deadline=2026-05-18 feature-freeze=2026-06-01 "
          "code-freeze=2026-06-08 release=2026-06-15 ");
    for (const Milestone& m : s.milestones) CHECK(m.note.empty());
    CHECK(s.at(MilestoneKind::code_freeze).offset_days == 7);
}

TEST_CASE("milestones on a weekend or holiday move back to the previous business day") {
    const MilestoneSchedule minor = defaults_for("2026-03-10", ReleaseType::minor);
    CHECK(milestone_dates(minor) ==
          "planning-start=2026-02-24 notice-deadline=2026-02-24 feature-freeze=2026-03-03 "
          "code-freeze=2026-03-06 release=2026-03-10 ");
    CHECK(minor.at(MilestoneKind::code_freeze).note ==
          "code freeze 2026-03-07 is a Saturday; moved back to Friday 2026-03-06");

    const BusinessCalendar cal({test::period("Christmas Day", "2026-12-25", "2026-12-25")});
    const MilestoneSchedule patch = defaults_for("2026-12-28", ReleaseType::patch, cal);
    CHECK(milestone_dates(patch) ==
          "planning-start=2026-12-21 notice-deadline=2026-12-24 feature-freeze=2026-12-24 "
          "code-freeze=2026-12-24 release=2026-12-28 ");
    CHECK(patch.at(MilestoneKind::feature_freeze).note ==
          "feature freeze 2026-12-25 is a holiday (Christmas Day); moved back to Thursday 2026-12-24");
    CHECK(patch.at(MilestoneKind::code_freeze).note ==
          "code freeze 2026-12-27 is a Sunday; moved back to Thursday 2026-12-24");
}

TEST_CASE("hotfix and security releases are immediate, even on a weekend") {
    for (ReleaseType t : {ReleaseType::hotfix, ReleaseType::security}) {
        CHECK(milestone_dates(defaults_for("2026-03-07", t)) ==
              "planning-start=2026-03-07 notice-deadline=2026-03-07 feature-freeze=2026-03-07 "
              "code-freeze=2026-03-07 release=2026-03-07 ");
    }
}

TEST_CASE("plan settings override the offsets per release type") {
    Plan plan;
    MilestoneOverride o;
    o.type = ReleaseType::minor;
    o.code_freeze_days = 5;
    o.notice_days = 21;
    plan.settings.milestone_offsets.push_back(o);
    Release r;
    r.id = "r1";
    r.type = ReleaseType::minor;
    r.release_date = d("2026-06-15");
    auto s = compute_milestones(plan, r);
    REQUIRE(s.ok());
    CHECK(milestone_dates(*s) ==
          "notice-deadline=2026-05-25 planning-start=2026-06-01 feature-freeze=2026-06-08 "
          "code-freeze=2026-06-10 release=2026-06-15 ");
    Release applied = r;
    apply_milestones(applied, *s);
    CHECK(format_date(*applied.planning_start) == "2026-06-01");
    CHECK(format_date(*applied.feature_freeze) == "2026-06-08");
    CHECK(format_date(*applied.code_freeze) == "2026-06-10");
    r.release_date.reset();
    CHECK(compute_milestones(plan, r).error().message == "release r1 has no release date");
}

TEST_CASE("bad milestone inputs are errors") {
    MilestoneOffsets neg{28, -3, 7, 28};
    CHECK(compute_milestones(d("2026-06-15"), neg, {}).error().message ==
          "feature freeze offset is -3 days; offsets count days before the release and cannot be "
          "negative");
    MilestoneOffsets huge{INT32_MAX, 14, 7, 28};
    CHECK(compute_milestones(d("2026-06-15"), huge, {}).error().message ==
          "planning starts (2147483647 days before 2026-06-15) falls before 1900-01-01");
    CHECK(compute_milestones(d("1900-01-03"), default_milestone_offsets(ReleaseType::major), {})
              .error()
              .message == "planning starts (28 days before 1900-01-03) falls before 1900-01-01");
    CHECK(compute_milestones(Date{year{2026}, February, day{30}},
                             default_milestone_offsets(ReleaseType::major), {})
              .error()
              .message == "release date: 2026-02-30 does not exist");
    CHECK(compute_milestones(Date{year{12000}, February, day{3}},
                             default_milestone_offsets(ReleaseType::major), {})
              .error()
              .message == "release date: 12000-02-03 is outside the supported range 1900-01-01..9999-12-31");
}

TEST_CASE("property: milestones are business days, in order, never after the release") {
    std::mt19937 rng(3);
    for (int i = 0; i < 500; ++i) {
        const Date rel{sys_days{d("2000-01-01")} + days{int(rng() % 20000)}};
        std::array<std::int32_t, 3> v{int(rng() % 60), int(rng() % 60), int(rng() % 60)};
        std::sort(v.begin(), v.end());
        MilestoneOffsets o{v[2], v[1], v[0], int(rng() % 40)};
        auto s = compute_milestones(rel, o, {});
        REQUIRE(s.ok());
        const auto& ps = s->at(MilestoneKind::planning_start);
        const auto& ff = s->at(MilestoneKind::feature_freeze);
        const auto& cf = s->at(MilestoneKind::code_freeze);
        CHECK(ps.date <= ff.date);
        CHECK(ff.date <= cf.date);
        CHECK(cf.date <= rel);
        for (const Milestone& m : s->milestones) {
            CHECK(m.date <= rel);
            if (m.offset_days > 0) CHECK(!is_weekend(m.date));
        }
        CHECK(s->milestones.back().kind == MilestoneKind::release);
    }
}

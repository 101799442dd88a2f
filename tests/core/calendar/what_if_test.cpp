#include "calendar/what_if.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"

#include <catch2/catch.hpp>

#include "calendar_test_support.hpp"

using namespace relplan;
using namespace relplan::test;

namespace {

Plan sample() {
    Plan p;
    Release r1 = release("r1", "api", "2026.03.0", ReleaseType::minor, "2026-03-10");
    r1.calver_scheme = "YYYY.0M.MICRO";
    apply_milestones(r1, *compute_milestones(p, r1));
    ChangeWindow w;
    w.start = utc("2026-03-10", 21);  // 22:00 CET
    w.end = utc("2026-03-10", 22, 30);
    w.start_offset_minutes = w.end_offset_minutes = 60;
    w.zone = "Europe/Berlin";
    r1.change_window = w;
    p.releases.push_back(r1);
    Release r2 = release("r2", "api", "2026.04.0", ReleaseType::minor, "2026-04-14");
    r2.calver_scheme = "YYYY.0M.MICRO";
    p.releases.push_back(r2);
    return p;
}

WhatIfOptions options() {
    WhatIfOptions o;
    o.zones = &zones();
    o.today = d("2026-02-01");
    return o;
}

}  // namespace

TEST_CASE("moving a release previews every consequence without touching the plan") {
    const Plan plan = sample();
    const Plan copy = plan;
    auto w = what_if_move(plan, "r1", d("2026-04-07"), options());
    REQUIRE(w.ok());
    CHECK(plan == copy);
    CHECK(format_what_if(*w) ==
          "release_date: 2026-03-10 -> 2026-04-07\n"
          "planning_start: 2026-02-24 -> 2026-03-24\n"
          "feature_freeze: 2026-03-03 -> 2026-03-31\n"
          "code_freeze: 2026-03-06 -> 2026-04-03\n"
          "notice_deadline: 2026-02-24 -> 2026-03-24\n"
          "version: 2026.03.0 -> 2026.04.0\n"
          "change_window.start: 2026-03-10T22:00:00+01:00 -> 2026-04-07T22:00:00+02:00\n"
          "change_window.end: 2026-03-10T23:30:00+01:00 -> 2026-04-07T23:30:00+02:00\n"
          "note: code freeze 2026-04-04 is a Saturday; moved back to Friday 2026-04-03\n"
          "+ error version-order: release r2 (2026.04.0 on 2026-04-14) is not newer than r1 (2026.04.0 on "
          "2026-04-07) on component api; versions must increase with release dates\n");
    CHECK(w->after.change_window->start == utc("2026-04-07", 20));

    Plan applied = plan;
    REQUIRE(apply_what_if(applied, *w).ok());
    CHECK(applied.releases[0] == w->after);
    CHECK(applied.releases[1] == plan.releases[1]);
    // A second apply is refused: the release is no longer what the preview started from.
    CHECK(apply_what_if(applied, *w).error().message ==
          "release r1 changed after the preview was made; preview the move again");
    Plan gone;
    CHECK(apply_what_if(gone, *w).error().message == "release r1 is no longer in the plan");
}

TEST_CASE("a move within the CalVer period keeps the version; conflicts can go away") {
    Plan plan = sample();
    plan.releases[1].version = "2026.03.1";  // out of order: dated after r1 but ...
    plan.releases[1].release_date = d("2026-03-03");  // ... released before it
    auto w = what_if_move(plan, "r1", d("2026-03-24"), options());
    REQUIRE(w.ok());
    CHECK(w->after.version == "2026.03.0");
    // The version-order error persists (with the new date in its message): neither added nor removed.
    CHECK(w->conflicts_added.empty());
    CHECK(w->conflicts_removed.empty());
    // Moving r2 after r1 removes the version-order error.
    auto fix = what_if_move(plan, "r2", d("2026-03-31"), options());
    REQUIRE(fix.ok());
    CHECK(fix->after.version == "2026.03.1");
    REQUIRE(fix->conflicts_removed.size() == 1);
    CHECK(fix->conflicts_removed[0].code == "version-order");
}

TEST_CASE("a change window moved into a DST gap moves forward and says so") {
    Plan plan = sample();
    plan.releases[0].calver_scheme.reset();
    plan.releases[0].version = "1.0.0";
    plan.releases[0].release_date = d("2026-03-22");
    plan.releases[0].change_window->start = utc("2026-03-22", 1, 30);  // 02:30 CET
    plan.releases[0].change_window->end = utc("2026-03-22", 3);        // 04:00 CET
    auto w = what_if_move(plan, "r1", d("2026-03-29"), options());
    REQUIRE(w.ok());
    REQUIRE(!w->notes.empty());  // milestone notes first (the 29th is a Sunday), then the window's
    CHECK(w->notes.back() ==
          "change window start: 2026-03-29 02:30 does not exist in Europe/Berlin (clocks jump from 02:00 CET "
          "to 03:00 CEST); using 03:30 CEST");
    CHECK(w->after.change_window->start == utc("2026-03-29", 1, 30));
    CHECK(w->after.change_window->start_offset_minutes == 120);
    CHECK(w->after.change_window->end == utc("2026-03-29", 2));  // 04:00 CEST
    // Without a zone database the window moves by whole UTC days.
    WhatIfOptions plain = options();
    plain.zones = nullptr;
    auto p = what_if_move(plan, "r1", d("2026-03-29"), plain);
    REQUIRE(p.ok());
    CHECK(p->after.change_window->start == utc("2026-03-29", 1, 30));
    plain.move_change_window = false;
    auto kept = what_if_move(plan, "r1", d("2026-03-29"), plain);
    REQUIRE(kept.ok());
    CHECK(kept->after.change_window == plan.releases[0].change_window);
}

TEST_CASE("what-if input errors") {
    const Plan plan = sample();
    CHECK(what_if_move(plan, "zz", d("2026-04-07")).error().message == "no release with id 'zz'");
    CHECK(what_if_move(plan, "r1", d(2026, 2, 30)).error().message ==
          "new release date: 2026-02-30 does not exist");
    CHECK(what_if_move(plan, "r1", d(1899, 12, 31)).error().message ==
          "new release date: 1899-12-31 is outside the supported range 1900-01-01..9999-12-31");
    CHECK(what_if_move(plan, "r1", d("1900-01-05")).error().message ==
          "planning starts (14 days before 1900-01-05) falls before 1900-01-01");
    Plan bad = plan;
    bad.releases[0].calver_scheme = "YYYY.QQ";
    CHECK(!what_if_move(bad, "r1", d("2026-04-07")).ok());
}

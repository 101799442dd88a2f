#include "calendar/schedule.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

namespace {

Release dated(const char* id, Date date, std::vector<std::string> components = {}) {
    Release r;
    r.id = id;
    r.release_date = date;
    r.components = std::move(components);
    return r;
}

const ZoneOffset utc = [](std::chrono::sys_seconds) { return std::chrono::seconds{0}; };

}  // namespace

TEST_CASE("a release's days are its own milestone dates where set, else the computed ones", "[schedule]") {
    Plan p;
    Release own = dated("own", d(2027, 3, 31));
    own.planning_start = d(2027, 1, 4);
    own.feature_freeze = d(2027, 3, 1);
    own.code_freeze = d(2027, 3, 15);
    p.releases.push_back(own);
    p.releases.push_back(dated("computed", d(2027, 6, 30)));
    p.releases.push_back(Release{});  // no date: on no view

    const Schedule s = build_schedule(p, day_number(d(2027, 1, 1)), utc);
    REQUIRE(s.days.size() == 3);
    CHECK(s.unscheduled == 1);
    CHECK_FALSE(s.days[2].scheduled);
    const ReleaseDays& a = s.days[0];
    CHECK(a.scheduled);
    CHECK(date_of_day(a.planning_start) == d(2027, 1, 4));
    CHECK(date_of_day(a.feature_freeze) == d(2027, 3, 1));
    CHECK(date_of_day(a.code_freeze) == d(2027, 3, 15));
    CHECK(date_of_day(a.release) == d(2027, 3, 31));
    CHECK(a.bar_first == a.planning_start);
    CHECK(a.bar_last == a.release);
    // The computed ones come before the release date, in milestone order.
    const ReleaseDays& b = s.days[1];
    CHECK(b.planning_start < b.feature_freeze);
    CHECK(b.feature_freeze < b.code_freeze);
    CHECK(b.code_freeze < b.release);
    CHECK(b.bar_first == b.planning_start);
}

TEST_CASE("events come in day order with holidays and blackouts, invalid periods left out", "[schedule]") {
    Plan p;
    Release r = dated("r", d(2027, 3, 31));
    r.planning_start = d(2027, 3, 1);
    r.feature_freeze = d(2027, 3, 31);  // on the release day: no separate event
    r.code_freeze = d(2027, 3, 31);
    p.releases.push_back(r);
    Period holiday;
    holiday.start = d(2027, 3, 10);
    holiday.end = d(2027, 3, 10);
    p.holidays.push_back(holiday);
    Period backwards;
    backwards.start = d(2027, 3, 20);
    backwards.end = d(2027, 3, 19);
    p.blackouts.push_back(backwards);

    const Schedule s = build_schedule(p, day_number(d(2027, 1, 1)), utc);
    std::vector<EventKind> kinds;
    for (const CalendarEvent& e : s.events) kinds.push_back(e.kind);
    REQUIRE(std::is_sorted(s.events.begin(), s.events.end(),
                           [](const CalendarEvent& a, const CalendarEvent& b) { return a.day < b.day; }));
    CHECK(std::count(kinds.begin(), kinds.end(), EventKind::blackout) == 0);
    CHECK(kinds.front() == EventKind::planning_start);
    CHECK(s.events[1] == CalendarEvent{day_number(d(2027, 3, 10)), EventKind::holiday, 0});
    CHECK(kinds.back() == EventKind::release);
    CHECK(std::count(kinds.begin(), kinds.end(), EventKind::feature_freeze) == 0);
}

TEST_CASE("rows follow the plan's components; overlapping releases get lanes of their own", "[schedule]") {
    Plan p;
    Component api;
    api.id = "api";
    api.name = "Public API";
    Component web;
    web.id = "web";
    p.components = {api, web};
    auto add = [&](const char* id, Date start, Date release, std::vector<std::string> components) {
        Release r = dated(id, release, std::move(components));
        r.planning_start = start;
        r.feature_freeze = release;
        r.code_freeze = release;
        p.releases.push_back(r);
    };
    add("a1", d(2027, 1, 1), d(2027, 2, 1), {"api"});
    add("a2", d(2027, 1, 15), d(2027, 3, 1), {"api"});   // overlaps a1: a second lane
    add("a3", d(2027, 2, 2), d(2027, 4, 1), {"api"});    // after a1: a1's lane again
    add("x", d(2027, 1, 1), d(2027, 2, 1), {"mobile"});  // a component the plan does not list
    add("all", d(2027, 1, 1), d(2027, 2, 1), {});

    const Schedule s = build_schedule(p, day_number(d(2027, 1, 1)), utc);
    REQUIRE(s.rows.size() == 4);
    CHECK(s.rows[0].label == "Public API");
    CHECK(s.rows[1].label == "web");
    CHECK(s.rows[1].lane_count == 1);  // empty, still drawn
    CHECK(s.rows[2].label == "mobile (unknown component)");
    CHECK(s.rows[3].label == "No component");
    CHECK(s.rows[3].component.empty());
    REQUIRE(s.rows[0].lane_count == 2);
    const auto& first = s.lanes[static_cast<std::size_t>(s.rows[0].first_lane)];
    const auto& second = s.lanes[static_cast<std::size_t>(s.rows[0].first_lane + 1)];
    CHECK(first.releases == std::vector<std::int32_t>{0, 2});
    CHECK(second.releases == std::vector<std::int32_t>{1});
    CHECK(s.lanes[static_cast<std::size_t>(s.rows[3].first_lane)].releases == std::vector<std::int32_t>{4});
}

TEST_CASE("change windows are in the viewer's zone; overdue releases are counted in days", "[schedule]") {
    Plan p;
    Release r = dated("r", d(2027, 3, 1));
    ChangeWindow w;
    w.start = std::chrono::sys_days(d(2027, 3, 1)) + std::chrono::hours(22);
    w.end = w.start + std::chrono::hours(4);
    r.change_window = w;
    p.releases.push_back(r);

    const auto plus_two = [](std::chrono::sys_seconds) { return std::chrono::seconds{2 * 3600}; };
    const Schedule s = build_schedule(p, day_number(d(2027, 3, 11)), plus_two);
    const ReleaseDays& days = s.days[0];
    REQUIRE(days.has_window);
    // 22:00 UTC is midnight at UTC+2: the window starts on the next local day.
    CHECK(days.window_start == Approx(day_number(d(2027, 3, 2))));
    CHECK(days.window_end - days.window_start == Approx(4.0 / 24.0));
    CHECK(days.overdue == 10);
    CHECK(build_schedule(p, day_number(d(2027, 2, 1)), utc).days[0].overdue == 0);
}

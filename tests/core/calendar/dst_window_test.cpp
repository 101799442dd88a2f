// Change windows at DST changes: `check` names a window written inside a gap, and the calendar
// export writes a zoned time only when RFC 5545's reading of it (the first occurrence) is the instant.
#include "calendar/conflicts.hpp"
#include "calendar/ical.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace relplan::test;
using namespace std::chrono;

namespace {

// A release on Monday 2027-03-29 whose window starts at `start` written with `offset_minutes`.
Plan berlin_plan(sys_seconds start, std::int32_t offset_minutes) {
    Plan p = plan_named("P");
    Release r = release("r", "api", "1.0.0", ReleaseType::minor, "2027-03-29");
    ChangeWindow w;
    w.start = start;
    w.end = start + hours{2};
    w.start_offset_minutes = offset_minutes;
    w.end_offset_minutes = 120;
    w.zone = "Europe/Berlin";
    r.change_window = w;
    p.releases.push_back(r);
    return p;
}

std::vector<Finding> gaps(const Plan& p) {
    ConflictOptions o;
    o.zones = &zones();
    std::vector<Finding> out;
    for (Finding& f : find_conflicts(p, o))
        if (f.code == "dst-gap") out.push_back(std::move(f));
    return out;
}

}  // namespace

TEST_CASE("check: a window written at 02:30 on the night Berlin skips that hour is named") {
    // "2027-03-28T02:30:00+01:00": the offset before the gap, which is how RFC 5545 reads 02:30.
    auto fs = gaps(berlin_plan(utc("2027-03-28", 1, 30), 60));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].severity == Severity::warning);
    CHECK(fs[0].message ==
          "the change window of release r starts at 2027-03-28T02:30:00+01:00: 2027-03-28 02:30 does not exist in "
          "Europe/Berlin (clocks jump from 02:00 CET to 03:00 CEST); using 03:30 CEST; the window starts at "
          "03:30 CEST (RFC 5545)");
    // "2027-03-28T02:30:00+02:00": the offset after the gap puts the instant an hour earlier.
    fs = gaps(berlin_plan(utc("2027-03-28", 0, 30), 120));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].message.find("the written offset puts it at 01:30 CET (2027-03-28T00:30:00Z)") != std::string::npos);
    // Written as the zone shows it: nothing to say.
    CHECK(gaps(berlin_plan(utc("2027-03-28", 1, 30), 120)).empty());
    // An overlap written with either offset names one instant exactly: nothing to say either.
    CHECK(gaps(berlin_plan(utc("2027-10-31", 0, 30), 120)).empty());
    CHECK(gaps(berlin_plan(utc("2027-10-31", 1, 30), 60)).empty());
}

TEST_CASE("ics: the first 02:30 of Berlin's autumn night is written zoned, the second in UTC") {
    IcsExportOptions o;
    o.times = IcsTimes::zoned;
    o.zones = &zones();
    o.dtstamp = utc("2027-01-01", 12, 0);
    const std::string first = export_ics(berlin_plan(utc("2027-10-31", 0, 30), 120), o).text;
    CHECK(first.find("DTSTART;TZID=Europe/Berlin:20271031T023000\r\n") != std::string::npos);
    const std::string second = export_ics(berlin_plan(utc("2027-10-31", 1, 30), 60), o).text;
    CHECK(second.find("DTSTART:20271031T013000Z\r\n") != std::string::npos);
}

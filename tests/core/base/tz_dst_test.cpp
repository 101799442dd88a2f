// RFC 5545 section 3.3.5 for zoned local times, on real zones: a local time the clocks skip is read
// with the offset in effect before the jump (so it lands the gap's length later), and a local time
// the clocks pass twice is the first of the two.
#include "base/tz.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace relplan;
using namespace std::chrono;

using test::check_resolution;
using test::local;
using test::zone;

TEST_CASE("Europe/Berlin 2027-03-28 02:30 does not exist: read as 03:30 CEST") {
    const UtcResolution u = check_resolution(
        "Europe/Berlin", local(2027, 3, 28, 2, 30), LocalTimeKind::gap, hours{1}, "2027-03-28T01:30:00Z",
        "2027-03-28 02:30 does not exist in Europe/Berlin (clocks jump from 02:00 CET to 03:00 CEST); "
        "using 03:30 CEST");
    const auto back = zone("Europe/Berlin").to_local(u.utc);
    REQUIRE(back);
    CHECK(format_local(back->local) == "2027-03-28 03:30");
    // The minute before the gap and the first minute after it are ordinary.
    CHECK(zone("Europe/Berlin").to_utc(local(2027, 3, 28, 1, 59))->kind == LocalTimeKind::unique);
    CHECK(format_utc(zone("Europe/Berlin").to_utc(local(2027, 3, 28, 3, 0))->utc) == "2027-03-28T01:00:00Z");
}

TEST_CASE("Europe/Berlin 2027-10-31 02:30 happens twice: the first (CEST) is meant") {
    const UtcResolution u = check_resolution(
        "Europe/Berlin", local(2027, 10, 31, 2, 30), LocalTimeKind::overlap, hours{1}, "2027-10-31T00:30:00Z",
        "2027-10-31 02:30 occurs twice in Europe/Berlin (clocks go back from 03:00 CEST to 02:00 CET); "
        "using the earlier, 02:30 CEST (UTC+02:00)");
    // The second 02:30 is an instant of its own, one hour later, that local time cannot name.
    const auto second = zone("Europe/Berlin").to_local(sys_seconds{u.utc + hours{1}});
    REQUIRE(second);
    CHECK(format_local(second->local) == "2027-10-31 02:30");
    CHECK(second->state.abbreviation == "CET");
}

TEST_CASE("America/New_York 2027: 02:30 on March 14 moves to 03:30 EDT, 01:30 on November 7 is EDT") {
    const auto gap = zone("America/New_York").to_utc(local(2027, 3, 14, 2, 30));
    REQUIRE(gap);
    CHECK(gap->kind == LocalTimeKind::gap);
    CHECK(format_utc(gap->utc) == "2027-03-14T07:30:00Z");
    const auto twice = zone("America/New_York").to_utc(local(2027, 11, 7, 1, 30));
    REQUIRE(twice);
    CHECK(twice->kind == LocalTimeKind::overlap);
    CHECK(format_utc(twice->utc) == "2027-11-07T05:30:00Z");
}

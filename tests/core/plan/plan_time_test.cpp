// Change-window times across the whole four-digit year range. With libc++ on wasm32, chrono's hours
// and minutes have 32-bit reps; times after 6053 once overflowed there while passing natively.
#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace relplan;

namespace {

std::string plan_with_window(const std::string& start, const std::string& end) {
    return R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "Far future"}, "releases": [)"
           R"({"id": "r1", "version": "1.0.0", "type": "minor", "status": "planning", "release_date": "9999-12-31",)"
           R"( "change_window": {"start": ")" + start + R"(", "end": ")" + end + R"(", "zone": "Asia/Kolkata"}}]})";
}

std::int64_t epoch_seconds(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

// Loads a plan with the window, checks both instants, and that writing, loading and writing again
// gives identical bytes with the times written as `start_written` / `end_written`.
void check_round_trip(const std::string& start, const std::string& end, std::int64_t start_epoch,
                      std::int64_t end_epoch, const std::string& start_written, const std::string& end_written) {
    INFO(start << " .. " << end);
    const PlanLoad loaded = load_plan(plan_with_window(start, end));
    REQUIRE(loaded.errors.empty());
    REQUIRE(loaded.ok());
    const ChangeWindow& w = *loaded.plan->releases.at(0).change_window;
    CHECK(epoch_seconds(w.start) == start_epoch);
    CHECK(epoch_seconds(w.end) == end_epoch);

    const std::string json = to_json(*loaded.plan);
    CHECK(json.find("\"start\": \"" + start_written + "\"") != std::string::npos);
    CHECK(json.find("\"end\": \"" + end_written + "\"") != std::string::npos);
    const PlanLoad again = load_plan(json);
    REQUIRE(again.ok());
    CHECK(*again.plan == *loaded.plan);
    CHECK(to_json(*again.plan) == json);
}

}  // namespace

TEST_CASE("change windows in the year 9999 load and round-trip exactly") {
    // 9999-12-31T23:59:59Z is 253402300799 s after the epoch.
    check_round_trip("9999-12-31T22:00:00+05:30", "9999-12-31T23:59:59Z", 253402273800, 253402300799,
                     "9999-12-31T22:00:00+05:30", "9999-12-31T23:59:59Z");
    check_round_trip("9999-06-01T09:15+05:30", "9999-06-01T10:45+05:30", 253383824700, 253383830100,
                     "9999-06-01T09:15:00+05:30", "9999-06-01T10:45:00+05:30");
}

TEST_CASE("a window written in the year 9999 may end in UTC's year 10000") {
    // 23:30 at -01:00 is 00:30 UTC on 10000-01-01; the written offset brings it back as written.
    check_round_trip("9999-12-31T22:00:00-01:00", "9999-12-31T23:30:00-01:00", 253402297200, 253402302600,
                     "9999-12-31T22:00:00-01:00", "9999-12-31T23:30:00-01:00");
}

TEST_CASE("times on both sides of the old 32-bit minute limit (6053-01-23T02:07Z) are exact") {
    // 2^31 minutes after the epoch is 6053-01-23T02:08:00Z.
    check_round_trip("6053-01-23T02:07:00Z", "6053-01-23T02:09:00Z", 128849018820, 128849018940,
                     "6053-01-23T02:07:00Z", "6053-01-23T02:09:00Z");
}

TEST_CASE("times before the epoch and around it keep their instants") {
    check_round_trip("1900-01-01T00:00:00+14:00", "1900-01-01T06:00:00+14:00", -2209039200, -2209017600,
                     "1900-01-01T00:00:00+14:00", "1900-01-01T06:00:00+14:00");
    check_round_trip("1969-12-31T23:00:00-01:00", "1970-01-01T00:00:01Z", 0, 1, "1969-12-31T23:00:00-01:00",
                     "1970-01-01T00:00:01Z");
}

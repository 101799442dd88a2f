// The calendar commands of the CLI (check, ics, schedule, windows), called in-process with string
// streams on plan files written to a scratch directory. Pins exact output, exit codes and errors.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

using namespace relplan::cli;
using namespace relplan::cli::test;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Calendar CLI"},
  "components": [{"id": "api", "name": "API"}, {"id": "web", "name": "Web"}],
  "blackouts": [{"name": "Year-end freeze", "start": "2026-12-20", "end": "2027-01-03"}],
  "holidays": [{"name": "Christmas Day", "start": "2026-12-25", "end": "2026-12-25"}],
  "releases": [
    {"id": "api-1.4.0", "components": ["api"], "version": "1.4.0", "type": "minor",
     "status": "planning", "release_date": "2026-03-10", "environment": "production",
     "change_window": {"start": "2026-03-10T22:00:00+01:00", "end": "2026-03-11T00:00:00+01:00",
                       "zone": "Europe/Berlin"}},
    {"id": "web-2.0.0", "components": ["web"], "version": "2.0.0", "type": "major",
     "status": "planning", "release_date": "2026-12-22", "environment": "production",
     "change_window": {"start": "2026-03-10T23:00:00+01:00", "end": "2026-03-11T01:00:00+01:00",
                       "zone": "Europe/Berlin"}}
  ]
})";

const std::string kCleanPlan = R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Clean"},
  "components": [{"id": "api", "name": "API"}],
  "releases": [
    {"id": "api-1.4.0", "components": ["api"], "version": "1.4.0", "type": "minor",
     "status": "planning", "release_date": "2026-03-10"}
  ]
})";

}  // namespace

TEST_CASE("check prints findings as JSON and fails on errors", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kPlan);
    const Run r = run(cmd_check, {plan, "--today", "2026-03-01"});
    CHECK(r.err.empty());
    CHECK(r.code == 1);
    CHECK(r.out ==
          "[\n"
          "  {\n"
          "    \"severity\": \"error\",\n"
          "    \"code\": \"window-overlap\",\n"
          "    \"releases\": [\n"
          "      \"api-1.4.0\",\n"
          "      \"web-2.0.0\"\n"
          "    ],\n"
          "    \"message\": \"the change windows of releases api-1.4.0 "
          "(2026-03-10T22:00:00+01:00..2026-03-11T00:00:00+01:00) and web-2.0.0 "
          "(2026-03-10T23:00:00+01:00..2026-03-11T01:00:00+01:00) overlap by 1 h (both deploy to production)\"\n"
          "  },\n"
          "  {\n"
          "    \"severity\": \"error\",\n"
          "    \"code\": \"blackout\",\n"
          "    \"releases\": [\n"
          "      \"web-2.0.0\"\n"
          "    ],\n"
          "    \"message\": \"release web-2.0.0: the release date 2026-12-22 falls in blackout 'Year-end freeze' "
          "(2026-12-20..2027-01-03)\"\n"
          "  },\n"
          "  {\n"
          "    \"severity\": \"error\",\n"
          "    \"code\": \"notice-period\",\n"
          "    \"releases\": [\n"
          "      \"api-1.4.0\"\n"
          "    ],\n"
          "    \"message\": \"release api-1.4.0 (minor) on 2026-03-10 needs 14 days' notice; no announcement is "
          "planned and only 9 days remain from today (2026-03-01)\"\n"
          "  }\n"
          "]\n");

    const Run clean = run(cmd_check, {s.write("clean.json", kCleanPlan), "--today", "2026-01-01"});
    CHECK(clean.code == 0);
    CHECK(clean.out == "[]\n");
    CHECK(clean.err.empty());
    // Standard input works too.
    CHECK(run(cmd_check, {"-", "--today", "2026-01-01"}, kCleanPlan).out == "[]\n");
}

TEST_CASE("check usage and input errors", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kCleanPlan);
    const Run bad_today = run(cmd_check, {plan, "--today", "2026-02-30"});
    CHECK(bad_today.code == 2);
    CHECK(bad_today.err.rfind("relplan: --today: 2026-02-30 does not exist\nusage: relplan check", 0) == 0);
    CHECK(run(cmd_check, {plan, "--today"}).err.rfind("relplan: --today needs a value\n", 0) == 0);
    CHECK(run(cmd_check, {}).code == 2);
    CHECK(run(cmd_check, {plan, "--bogus"}).err.rfind("relplan: unknown option --bogus\n", 0) == 0);
    CHECK(run(cmd_check, {"--help"}).out.rfind("usage: relplan check FILE", 0) == 0);
    const Run missing = run(cmd_check, {(s.dir / "nope.json").string()});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("cannot open") != std::string::npos);
    const Run garbage = run(cmd_check, {s.write("garbage.json", std::string("\x00\x01\xff{[", 5))});
    CHECK(garbage.code == 1);
    CHECK(garbage.out.empty());
    CHECK(!garbage.err.empty());
}

TEST_CASE("ics prints a calendar with TZID times by default", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kPlan);
    const Run r = run(cmd_ics, {plan, "--dtstamp", "2026-01-01T12:00:00Z"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(r.out.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n") != std::string::npos);
    CHECK(r.out.find("DTSTART;TZID=Europe/Berlin:20260310T220000\r\n") != std::string::npos);
    CHECK(r.out.find("UID:release-api-1.4.0@Calendar%20CLI.relplan\r\n") != std::string::npos);
    CHECK(r.out.find("DTSTAMP:20260101T120000Z\r\n") != std::string::npos);
    const Run utc = run(cmd_ics, {plan, "--utc", "--dtstamp", "2026-01-01T12:00:00Z"});
    CHECK(utc.out.find("BEGIN:VTIMEZONE") == std::string::npos);
    CHECK(utc.out.find("DTSTART:20260310T210000Z\r\n") != std::string::npos);
    // Same input, same bytes.
    CHECK(run(cmd_ics, {plan, "--dtstamp", "2026-01-01T12:00:00Z"}).out == r.out);
    const Run bad = run(cmd_ics, {plan, "--dtstamp", "yesterday"});
    CHECK(bad.code == 2);
    CHECK(bad.err.rfind("relplan: --dtstamp: 'yesterday' is not a UTC time like 2026-03-08T07:30:00Z\n", 0) == 0);
}

TEST_CASE("schedule adds a train and can write the plan in place", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kCleanPlan);
    const Run r = run(cmd_schedule, {plan, "--cadence", "monthly:2nd-tue", "--from", "2026-04-01", "--count", "3",
                                     "--component", "api"});
    CHECK(r.code == 0);
    CHECK(r.err ==
          "relplan: added api-1.5.0 (1.5.0) on 2026-04-14\n"
          "relplan: added api-1.6.0 (1.6.0) on 2026-05-12\n"
          "relplan: added api-1.7.0 (1.7.0) on 2026-06-09\n");
    CHECK(r.out.find("\"id\": \"api-1.6.0\"") != std::string::npos);
    CHECK(r.out.find("\"release_date\": \"2026-05-12\"") != std::string::npos);
    CHECK(r.out.find("\"code_freeze\": \"2026-05-08\"") != std::string::npos);  // T-3 (Sat) -> Fri
    CHECK(read(plan) == kCleanPlan);  // without --in-place the file is untouched

    const Run calver = run(cmd_schedule, {plan, "--cadence", "every:2w", "--from", "2026-04-06", "--count", "2",
                                          "--calver", "YYYY.0M.MICRO", "--id-prefix", "app"});
    CHECK(calver.code == 0);
    CHECK(calver.err ==
          "relplan: added app-2026.04.0 (2026.04.0) on 2026-04-06\n"
          "relplan: added app-2026.04.1 (2026.04.1) on 2026-04-20\n");

    const Run in_place = run(cmd_schedule, {plan, "--cadence", "quarterly", "--from", "2026-07-01", "--count", "2",
                                            "--in-place"});
    CHECK(in_place.code == 0);
    CHECK(in_place.out.empty());
    CHECK(read(plan).find("\"id\": \"release-1.6.0\"") != std::string::npos);
    CHECK(!fs::exists(plan + ".bak"));

    CHECK(run(cmd_schedule, {"--help"}).out.find("CADENCE SPEC") != std::string::npos);
}

TEST_CASE("schedule errors: bad cadence, nothing produced, bad options", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kCleanPlan);
    auto err = [&](Args args) {
        Args full{plan};
        full.insert(full.end(), args.begin(), args.end());
        const Run r = run(cmd_schedule, full);
        return std::to_string(r.code) + " " + r.err.substr(0, r.err.find('\n'));
    };
    CHECK(err({"--cadence", "", "--from", "2026-01-01", "--count", "2"}) ==
          "2 relplan: empty cadence (expected e.g. monthly:2nd-tue; see relplan schedule --help)");
    CHECK(err({"--cadence", "weekly:someday", "--from", "2026-01-01", "--count", "2"}) ==
          "2 relplan: cadence 'weekly:someday': 'someday' is not a weekday (mon, tue, wed, thu, fri, sat, sun)");
    CHECK(err({"--cadence", "monthly:5th-fri", "--from", "2026-02-01", "--until", "2026-04-30", "--count", "2"}) ==
          "1 relplan: cadence 'monthly:5th-fri' produces no dates between 2026-02-01 and 2026-04-30");
    CHECK(err({"--cadence", "weekly", "--from", "2026-01-01", "--count", "0"}) ==
          "1 relplan: count must be between 1 and 1000 (got 0)");
    CHECK(err({"--cadence", "weekly", "--from", "2026-01-01", "--count", "x"}) ==
          "2 relplan: --count: 'x' is not a number");
    CHECK(err({"--cadence", "weekly", "--from", "1899-01-01", "--count", "1"}) ==
          "2 relplan: --from: 1899-01-01 is outside the supported range 1900-01-01..9999-12-31");
    CHECK(err({"--cadence", "weekly", "--count", "1"}) == "2 relplan: schedule needs --from");
    CHECK(err({"--cadence", "weekly", "--from", "2026-01-01", "--count", "1", "--type", "huge"}) ==
          "2 relplan: --type: 'huge' is not major, minor, patch, hotfix or security");
    CHECK(err({"--cadence", "weekly", "--from", "2026-01-01", "--count", "1", "--component", "mobile"}) ==
          "1 relplan: unknown component 'mobile'");
    CHECK(run(cmd_schedule, {"-", "--cadence", "weekly", "--from", "2026-01-01", "--count", "1", "--in-place"}).code ==
          2);
}

TEST_CASE("windows lists scored candidates", "[cli][calendar]") {
    Scratch s;
    const std::string plan = s.write("plan.json", kPlan);
    const Run r = run(cmd_windows, {plan, "--release", "api-1.4.0", "--today", "2026-01-01", "--from", "2026-03-09",
                                    "--until", "2026-03-11", "--count", "2", "--zone", "Europe/Berlin"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    // Two hours like the release's current window; the 10th loses 10 points because web-2.0.0
    // deploys to production that night, so the days either side win.
    CHECK(r.out.rfind("1. 2026-03-09T00:00:00+01:00 .. 2026-03-09T02:00:00+01:00 Europe/Berlin  score 97\n", 0) == 0);
    CHECK(r.out.find("2. 2026-03-11T01:00:00+01:00 .. 2026-03-11T03:00:00+01:00 Europe/Berlin  score 97\n") !=
          std::string::npos);
    CHECK(r.out.find("      0  notice-period   14 days' notice met: 67 days after today (2026-01-01)\n") !=
          std::string::npos);
    CHECK(r.out.find("excluded: 3 candidates overlap the change window of release web-2.0.0 (environment "
                     "production)\n") != std::string::npos);
    const Run json = run(cmd_windows, {plan, "--release", "api-1.4.0", "--today", "2026-01-01", "--count", "1", "--json"});
    CHECK(json.code == 0);
    CHECK(json.out.rfind("{\n  \"candidates\": [\n", 0) == 0);

    auto err = [&](Args args) {
        Args full{plan};
        full.insert(full.end(), args.begin(), args.end());
        const Run e = run(cmd_windows, full);
        return std::to_string(e.code) + " " + e.err.substr(0, e.err.find('\n'));
    };
    CHECK(err({}) == "2 relplan: windows needs --release ID");
    CHECK(err({"--release", "nope"}) == "1 relplan: no release with version or id 'nope'");
    CHECK(err({"--release", "api-1.4.0", "--zone", "Mars/Olympus"}) ==
          "1 relplan: unknown time zone 'Mars/Olympus' (expected an IANA name such as 'Europe/Berlin' or 'UTC')");
    CHECK(err({"--release", "api-1.4.0", "--from", "2026-03-10", "--until", "2026-03-01"}) ==
          "1 relplan: the search range ends (2026-03-01) before it starts (2026-03-10)");
    CHECK(err({"--release", "api-1.4.0", "--duration", "soon"}) ==
          "2 relplan: --duration: 'soon' is not a duration like 2h, 90m or 1h30m");
    CHECK(err({"--release", "api-1.4.0", "--min-duration", "9h"}) ==
          "1 relplan: the minimum duration 9 h exceeds the maximum 8 h");
}

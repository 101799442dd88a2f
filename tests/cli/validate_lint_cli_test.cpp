// plan validate rejects what a plan must not publish: unknown change window zones and changes
// without a description, each with its JSON pointer and line:column, in text and in --json.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

using relplan::cli::test::Run;
using relplan::cli::test::run;

namespace {

const std::string plan_text = R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Zones"},
  "releases": [
    {"id": "r1", "version": "1.0.0", "type": "minor", "status": "planning", "release_date": "2026-03-10",
     "change_window": {"start": "2026-03-10T22:00:00+01:00", "end": "2026-03-11T00:00:00+01:00",
                       "zone": "ZONE"},
     "changes": [
       {"id": "c1", "category": "bug-fix", "description": "DESCRIPTION"}
     ]}
  ]
})";

std::string plan(std::string zone, std::string description) {
    std::string text = plan_text;
    text.replace(text.find("ZONE"), 4, zone);
    text.replace(text.find("DESCRIPTION"), 11, description);
    return text;
}

}  // namespace

TEST_CASE("plan validate: change window zones must be IANA zones", "[cli][validate]") {
    CHECK(run("plan", {"validate", "-"}, plan("Europe/Berlin", "Fix it")).code == 0);
    CHECK(run("plan", {"validate", "-"}, plan("US/Eastern", "Fix it")).code == 0);  // links are zones too
    const Run typo = run("plan", {"validate", "-"}, plan("europe/berlin", "Fix it"));
    CHECK(typo.code == 1);
    CHECK(typo.err == "<stdin>:7:32: /releases/0/change_window/zone: unknown time zone 'europe/berlin' "
                      "(did you mean 'Europe/Berlin'?)\n");
    const Run mars = run("plan", {"validate", "-"}, plan("Mars/Base", "Fix it"));
    CHECK(mars.code == 1);
    CHECK(mars.err.rfind("<stdin>:7:32: /releases/0/change_window/zone: unknown time zone 'Mars/Base'", 0) == 0);
}

TEST_CASE("plan validate: a change needs a description", "[cli][validate]") {
    for (const char* empty : {"", "   ", "\\n\\t "}) {
        INFO('"' << empty << '"');
        const Run r = run("plan", {"validate", "-"}, plan("Europe/Berlin", empty));
        CHECK(r.code == 1);
        CHECK(r.err == "<stdin>:9:59: /releases/0/changes/0/description: the change description must not be empty\n");
    }
    const Run j = run("plan", {"validate", "--json", "-"}, plan("Nowhere/City", ""));
    CHECK(j.code == 1);
    const auto doc = nlohmann::json::parse(j.out);
    const auto& errors = doc["files"][0]["errors"];
    REQUIRE(errors.size() == 2);
    CHECK(errors[0]["pointer"] == "/releases/0/change_window/zone");
    CHECK(errors[0]["line"] == 7);
    CHECK(errors[0]["column"] == 32);
    CHECK(errors[1]["pointer"] == "/releases/0/changes/0/description");
    CHECK(errors[1]["line"] == 9);
    CHECK(errors[1]["column"] == 59);
    CHECK(doc["files"][0]["valid"] == false);
}

TEST_CASE("plan validate: a change window written inside a DST gap is a warning at its time", "[cli][validate]") {
    // 02:30 on 2027-03-28 does not exist in Berlin; written with the offset before the gap, the
    // instant is 03:30 CEST, which is how RFC 5545 reads the local time.
    std::string text = plan("Europe/Berlin", "Fix it");
    text.replace(text.find("2026-03-10T22:00:00+01:00"), 25, "2027-03-28T02:30:00+01:00");
    text.replace(text.find("2026-03-11T00:00:00+01:00"), 25, "2027-03-28T05:00:00+02:00");
    const Run gap = run("plan", {"validate", "-"}, text);
    CHECK(gap.code == 0);
    CHECK(gap.out == "<stdin>: valid (1 releases, 1 changes)\n");
    CHECK(gap.err ==
          "<stdin>:6:33: warning: /releases/0/change_window/start: the change window of release r1 starts at "
          "2027-03-28T02:30:00+01:00: 2027-03-28 02:30 does not exist in Europe/Berlin (clocks jump from 02:00 "
          "CET to 03:00 CEST); using 03:30 CEST; the window starts at 03:30 CEST (RFC 5545)\n");
    const Run json = run("plan", {"validate", "-", "--json"}, text);
    CHECK(json.code == 0);
    const auto doc = nlohmann::json::parse(json.out);
    REQUIRE(doc["files"][0]["warnings"].size() == 1);
    CHECK(doc["files"][0]["warnings"][0]["pointer"] == "/releases/0/change_window/start");
    CHECK(doc["files"][0]["warnings"][0]["line"] == 6);
    // The same times outside the gap: nothing to say.
    CHECK(run("plan", {"validate", "-"}, plan("Europe/Berlin", "Fix it")).err.empty());
}

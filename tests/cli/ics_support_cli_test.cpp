// relplan ics and the support dates of release lines: in by default, out with --no-support.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using relplan::cli::cmd_ics;
using relplan::cli::test::Run;
namespace test = relplan::cli::test;

namespace {

const std::string plan = R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"id": "acme-sdk", "name": "Acme SDK"},
  "settings": {"support": {"active_months": 6, "maintenance_months": 12}},
  "releases": [{"id": "sdk-1", "version": "1.0.0", "type": "major", "status": "released",
                "release_date": "2026-01-15"}]
})";

}  // namespace

TEST_CASE("ics writes each line's end of active support and end of life unless --no-support") {
    const Run r = test::run(cmd_ics, {"-", "--utc", "--dtstamp", "2026-01-01T12:00:00Z"}, plan);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("UID:support-active-end-1.x@acme-sdk.relplan\r\nDTSTAMP:20260101T120000Z\r\n"
                     "DTSTART;VALUE=DATE:20260715\r\nDTEND;VALUE=DATE:20260716\r\n") != std::string::npos);
    CHECK(r.out.find("UID:support-eol-1.x@acme-sdk.relplan\r\nDTSTAMP:20260101T120000Z\r\n"
                     "DTSTART;VALUE=DATE:20270715\r\nDTEND;VALUE=DATE:20270716\r\n") != std::string::npos);
    // The release is shipped: no computed freezes or notices.
    CHECK(r.out.find("UID:code-freeze-sdk-1@") == std::string::npos);
    const Run without = test::run(cmd_ics, {"-", "--utc", "--no-support", "--dtstamp", "2026-01-01T12:00:00Z"}, plan);
    CHECK(without.code == 0);
    CHECK(without.out.find("CATEGORIES:Support") == std::string::npos);
    CHECK(without.out.find("UID:release-sdk-1@acme-sdk.relplan\r\n") != std::string::npos);
    CHECK(test::run(cmd_ics, {"--help"}).out.find("--no-support") != std::string::npos);
}

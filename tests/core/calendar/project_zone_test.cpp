// Where the project's time zone is the default: window searches for a release without a window of
// its own, and the calendar export's X-WR-TIMEZONE.
#include "calendar/ical.hpp"
#include "calendar/windows.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace relplan::test;

namespace {

Plan tokyo_plan() {
    Plan p;
    p.project.name = "Acme";
    p.project.time_zone = "Asia/Tokyo";
    p.components.push_back(component("api"));
    p.releases.push_back(release("r1", "api", "1.1.0", ReleaseType::minor, "2026-03-17"));
    return p;
}

}  // namespace

TEST_CASE("a window search without a zone proposes windows in the project's time zone") {
    WindowRequest req;
    req.from = d("2026-03-16");
    req.until = d("2026-03-17");
    req.today = d("2026-02-01");
    req.count = 1;
    auto found = find_windows(tokyo_plan(), "r1", req, zones());
    REQUIRE(found.ok());
    REQUIRE(!found->candidates.empty());
    CHECK(found->candidates[0].window.zone == "Asia/Tokyo");
    CHECK(found->candidates[0].window.start_offset_minutes == 9 * 60);

    Plan utc_plan = tokyo_plan();
    utc_plan.project.time_zone.clear();
    auto in_utc = find_windows(utc_plan, "r1", req, zones());
    REQUIRE(in_utc.ok());
    REQUIRE(!in_utc->candidates.empty());
    CHECK(in_utc->candidates[0].window.zone == "UTC");
}

TEST_CASE("the calendar export names the project's time zone as the calendar's zone") {
    IcsExportOptions options;
    CHECK(export_ics(tokyo_plan(), options).text.find("\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n") != std::string::npos);
    Plan utc_plan = tokyo_plan();
    utc_plan.project.time_zone.clear();
    CHECK(export_ics(utc_plan, options).text.find("X-WR-TIMEZONE") == std::string::npos);
}

// Version order per release line: backports on maintenance lines are in order, a version going
// backwards on its line or a line opened below released versions is an error.
#include "calendar/conflicts.hpp"

#include <catch2/catch.hpp>

#include "calendar_test_support.hpp"

#include <algorithm>

using namespace relplan;
using namespace relplan::test;

namespace {

Release shipped(const char* id, const char* version, const char* date) {
    Release r;
    r.id = id;
    r.components = {"lib"};
    r.version = version;
    r.status = ReleaseStatus::released;
    r.release_date = d(date);
    return r;
}

std::vector<Finding> order_findings(const Plan& p) {
    std::vector<Finding> out;
    for (Finding& f : find_conflicts(p))
        if (f.code == "version-order") out.push_back(std::move(f));
    return out;
}

}  // namespace

TEST_CASE("backports on an older major line are in order") {
    // The shape of a real history: 4.3.7 shipped, then a 2.6.10 security backport on 2.x.
    Plan p;
    p.releases = {shipped("a", "2.6.9", "2023-01-10"), shipped("b", "4.3.6", "2023-02-01"),
                  shipped("c", "4.3.7", "2023-03-01"), shipped("d", "2.6.10", "2023-03-02"),
                  shipped("e", "2.7.0", "2023-04-01"), shipped("f", "4.4.0", "2023-04-02")};
    CHECK(order_findings(p).empty());
}

TEST_CASE("a version going backwards on its own line is still an error") {
    Plan p;
    p.releases = {shipped("a", "2.6.9", "2023-01-10"), shipped("b", "3.0.0", "2023-02-01"),
                  shipped("c", "2.6.8", "2023-03-01")};
    const auto fs = order_findings(p);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].releases == std::vector<std::string>{"a", "c"});
    CHECK(fs[0].message ==
          "release c (2.6.8 on 2023-03-01) is not newer than a (2.6.9 on 2023-01-10) on component lib; "
          "versions must increase with release dates on line 2.x");
}

TEST_CASE("a line opened below a version already released is an error") {
    Plan p;
    p.releases = {shipped("a", "2.0.0", "2023-01-10"), shipped("b", "1.0.0", "2023-02-01"),
                  shipped("c", "0.4.0", "2023-03-01"), shipped("d", "3.0.0-rc.1", "2023-04-01"),
                  shipped("e", "3.0.0", "2023-05-01")};
    const auto fs = order_findings(p);
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].releases == std::vector<std::string>{"a", "b"});
    CHECK(fs[0].message.find("a release opening line 1.x must be newer than every version released before it") !=
          std::string::npos);
    CHECK(fs[1].releases == std::vector<std::string>{"a", "c"});
    CHECK(fs[1].message.find("line 0.4.x") != std::string::npos);
}

TEST_CASE("a declared minor line keeps its own order") {
    Plan p;
    p.releases = {shipped("a", "1.4.0", "2023-01-10"), shipped("b", "1.5.0", "2023-02-01"),
                  shipped("c", "1.4.1", "2023-03-01")};
    // Without the line, 1.4.1 after 1.5.0 goes backwards on line 1.x.
    REQUIRE(order_findings(p).size() == 1);
    p.settings.release_lines = {ReleaseLine{"1.4.x", "release/1.4", {}}};
    CHECK(order_findings(p).empty());
    // Its order is still checked.
    p.releases.push_back(shipped("d", "1.4.0", "2023-04-01"));
    const auto fs = order_findings(p);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].message.find("on line 1.4.x") != std::string::npos);
}

TEST_CASE("version order over many lines is one finding per release") {
    Plan p;
    for (int i = 0; i < 2000; ++i) {
        // Every release goes backwards on line 1.x: 2000 findings, each naming one earlier release.
        p.releases.push_back(shipped(("r" + std::to_string(i)).c_str(), ("1." + std::to_string(2000 - i) + ".0").c_str(),
                                     "2023-01-01"));
        p.releases.back().release_date = Date{std::chrono::sys_days{d("2023-01-01")} + std::chrono::days{i}};
    }
    const auto fs = order_findings(p);
    CHECK(fs.size() == 1999);
    CHECK(std::all_of(fs.begin(), fs.end(), [](const Finding& f) { return f.releases.size() == 2; }));
}

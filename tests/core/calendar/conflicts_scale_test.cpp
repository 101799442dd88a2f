// Large plans: overlapping change windows are reported per release, never once per pair.
#include "calendar/conflicts.hpp"

#include <catch2/catch.hpp>

#include "calendar_test_support.hpp"

#include <string>

using namespace relplan;
using namespace relplan::test;
using namespace std::chrono;

namespace {

// n minor releases of one component whose change windows all overlap (each starts a minute after
// the previous one and lasts a day), released on weekdays with nothing else to report.
Plan crowded_plan(int n) {
    Plan p;
    for (int i = 0; i < n; ++i) {
        Release r;
        r.id = "rel-" + std::to_string(i + 1);
        r.components = {"api"};
        r.version = "1.0." + std::to_string(i);
        r.type = ReleaseType::patch;
        r.release_date = d("2026-03-10");
        ChangeWindow w;
        w.start = utc("2026-03-10", 0) + minutes(i % 600);
        w.end = w.start + hours(24);
        r.change_window = w;
        p.releases.push_back(r);
    }
    return p;
}

std::size_t count_code(const std::vector<Finding>& fs, const std::string& code) {
    std::size_t n = 0;
    for (const Finding& f : fs) n += f.code == code;
    return n;
}

}  // namespace

TEST_CASE("16,000 overlapping windows give one finding per release with a bounded list") {
    const Plan p = crowded_plan(16000);
    const auto fs = find_conflicts(p);
    REQUIRE(count_code(fs, "window-overlap") == 16000);
    std::size_t bytes = 0;
    for (const Finding& f : fs) {
        REQUIRE(f.releases.size() <= 6);
        bytes += f.message.size();
    }
    CHECK(bytes < 16000 * 200);
    const Finding& first = fs.front();
    CHECK(first.releases.front() == "rel-1");
    CHECK(first.message.find("overlaps 15,999 other releases on component api: ") != std::string::npos);
    CHECK(first.message.find(" and 15,994 more") != std::string::npos);
    CHECK(findings_to_json(fs).size() < 16000 * 600);
}

TEST_CASE("a small cluster is reported pair by pair, a larger one per release") {
    Plan p = crowded_plan(3);
    auto fs = find_conflicts(p);
    CHECK(count_code(fs, "window-overlap") == 3);  // (1,2) (1,3) (2,3)
    CHECK(fs[0].releases == std::vector<std::string>{"rel-1", "rel-2"});
    p = crowded_plan(7);
    fs = find_conflicts(p);
    REQUIRE(count_code(fs, "window-overlap") == 7);
    CHECK(fs[0].releases == std::vector<std::string>{"rel-1", "rel-2", "rel-3", "rel-4", "rel-5", "rel-6"});
    CHECK(fs[0].message ==
          "the change window of release rel-1 (2026-03-10T00:00:00Z..2026-03-11T00:00:00Z) overlaps 6 other "
          "releases on component api: rel-2, rel-3, rel-4, rel-5, rel-6 and 1 more");
    // Released releases get no finding of their own but still count against live ones.
    for (int i = 1; i < 7; ++i) p.releases[i].status = ReleaseStatus::released;
    fs = find_conflicts(p);
    REQUIRE(count_code(fs, "window-overlap") == 1);
    CHECK(fs[0].message.find("overlaps 6 other releases") != std::string::npos);
}

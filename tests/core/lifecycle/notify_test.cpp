#include "lifecycle/notify.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

namespace {

Release release(const char* id, const char* version, ReleaseStatus status = ReleaseStatus::planning) {
    Release r;
    r.id = id;
    r.version = version;
    r.status = status;
    return r;
}

}  // namespace

TEST_CASE("notify: per release, the consumers to reach with owner and contact") {
    Plan p;
    p.consumers = {Consumer{"web-app", "^1.2.0", "Web team", "web@acme.test", {}},
                   Consumer{"beta-tester", "^2.0.0-rc.1", "QA", "#qa", {}},
                   Consumer{"pinned", "1.2.0", "", "", {}}};
    p.releases = {release("r1.3", "1.3.0"), release("r2rc2", "2.0.0-rc.2"), release("r2", "2.0.0"),
                  release("cancelled", "3.0.0", ReleaseStatus::cancelled), release("undecided", "")};
    const std::vector<ReleaseNotice> plan = notification_plan(p);
    REQUIRE(plan.size() == 3);
    // 1.3.0: the exact pin is cut off; the caret receives it.
    CHECK(plan[0].release_id == "r1.3");
    CHECK(plan[0].version == "1.3.0");
    REQUIRE(plan[0].consumers.size() == 1);
    CHECK(plan[0].consumers[0].consumer == "pinned");
    CHECK(plan[0].consumers[0].suggested_range == "^1.3.0");
    // 2.0.0-rc.2: the rc range takes it; the 1.x ranges are cut off (node-semver: a pre-release of a
    // higher version is above them).
    CHECK(plan[1].release_id == "r2rc2");
    REQUIRE(plan[1].consumers.size() == 2);
    CHECK(plan[1].consumers[0].consumer == "web-app");
    CHECK(plan[1].consumers[0].owner == "Web team");
    CHECK(plan[1].consumers[0].contact == "web@acme.test");
    CHECK(plan[2].release_id == "r2");
    CHECK(plan[2].consumers.size() == 2);  // beta-tester receives 2.0.0
    // Cancelled and version-less releases notify nobody.
    CHECK(release_notice(p, p.releases[3]).empty());
    CHECK(release_notice(p, p.releases[4]).empty());
}

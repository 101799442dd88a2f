#include "calendar/overdue.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

TEST_CASE("a release is overdue once its date has passed and it is not out", "[overdue]") {
    Plan p;
    auto add = [&](const char* id, Date date, ReleaseStatus status) {
        Release r;
        r.id = id;
        r.release_date = date;
        r.status = status;
        p.releases.push_back(r);
    };
    add("late", d(2027, 3, 1), ReleaseStatus::frozen);
    add("done", d(2027, 3, 1), ReleaseStatus::released);
    add("dropped", d(2027, 2, 1), ReleaseStatus::cancelled);
    add("today", d(2027, 3, 10), ReleaseStatus::planning);
    add("later", d(2027, 4, 1), ReleaseStatus::approved);
    add("rolled", d(2027, 1, 1), ReleaseStatus::rolled_back);
    p.releases.push_back(Release{});  // no date: never overdue

    const Date today = d(2027, 3, 10);
    CHECK(overdue_releases(p, today) == std::vector<std::int32_t>{0});
    CHECK(days_overdue(p.releases[0], today) == 9);
    CHECK(days_overdue(p.releases[3], today) == 0);  // due today is not late yet
    CHECK(overdue_releases(p, d(2027, 3, 11)) == std::vector<std::int32_t>{0, 3});
}

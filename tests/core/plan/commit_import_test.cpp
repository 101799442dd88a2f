#include "plan/commit_import.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace relplan;
using relplan::test::nul_log;

TEST_CASE("commit import keeps two commits with the same subject as two changes", "[commit_import]") {
    Plan base;
    base.project.name = "p";
    const auto imported = import_commits(base, "1.1.0", nul_log({"fix: typo in help (#12)", "fix: typo in help (#15)", "fix: typo in help"}));
    REQUIRE(imported);
    const Release& r = imported->plan.releases.back();
    REQUIRE(r.changes.size() == 3);
    CHECK(r.changes[0].ref_id == "#12");
    CHECK(r.changes[1].ref_id == "#15");
    CHECK(r.changes[2].id == "1.1.0:3");
}

TEST_CASE("commit import keeps every breaking footer and reads hash lines", "[commit_import]") {
    Plan base;
    base.project.name = "p";
    const auto imported = import_commits(
        base, "9.0.0",
        nul_log({"a589e18413 d78b44ab2d\nfeat!: native ES Module (#639)\n\nBREAKING CHANGE: `@semantic-release/github` is now a native ES Module\n\nBREAKING-CHANGE:\n  Node 14 and 16 are no longer supported",
                 "d78b44ab2d\nMerge pull request #5 from x/y"}));
    REQUIRE(imported);
    const Release& r = imported->plan.releases.back();
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].category == ChangeCategory::breaking_change);
    CHECK(r.changes[0].description == "native ES Module");
    CHECK(r.changes[0].impact == "`@semantic-release/github` is now a native ES Module\n\n  Node 14 and 16 are no longer supported");
}

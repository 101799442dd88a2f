// Imported commits get an audience from what they are: internal work stays internal, user-facing
// changes get their category's default audience, so customer notes of an imported release are not
// empty.
#include "plan/change_audience.hpp"
#include "plan/commit_import.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

TEST_CASE("imported commits get the default audience of their category") {
    const CommitChanges got = changes_from_commits(test::nul_log(
        {"feat(ui): dark mode", "fix: crash on start", "perf: cache the index", "chore: bump tooling",
         "docs: typo", "refactor!: drop the v1 API", "revert: feat: old search"}));
    REQUIRE(got.changes.size() == 7);
    CHECK(got.changes[0].audience == Audience::end_user);
    CHECK(got.changes[1].audience == Audience::customer);
    CHECK(got.changes[2].audience == Audience::customer);
    CHECK(got.changes[3].audience == Audience::internal);
    CHECK(got.changes[4].audience == Audience::internal);
    CHECK(got.changes[5].category == ChangeCategory::breaking_change);
    CHECK(got.changes[5].audience == Audience::customer);  // breaking beats "refactor is internal"
    CHECK(got.changes[6].audience == Audience::technical);
    CHECK(default_audience(ChangeCategory::security) == Audience::customer);
}

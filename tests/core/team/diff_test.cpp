#include "team/diff.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

TEST_CASE("diff: a field edited inside a change both plans hold is a difference", "[team]") {
    Plan before = test::acme();
    REQUIRE(!before.releases[0].changes.empty());
    Change& c = before.releases[0].changes[0];
    c.ref_id = "#3";
    Plan after = before;
    after.releases[0].changes[0].ref_id.clear();
    after.releases[0].changes[0].audience = Audience::internal;

    const PlanDiff d = diff_plans(before, after);
    REQUIRE_FALSE(d.empty());
    REQUIRE(d.releases.size() == 1);
    CHECK(d.releases[0].changes_added.empty());
    CHECK(d.releases[0].changes_removed.empty());
    const std::string text = format_diff_text(d);
    CHECK(text.find("/changes/0/ref_id: \"#3\" -> (none)") != std::string::npos);
    CHECK(text.find("/changes/0/audience:") != std::string::npos);
    CHECK(format_diff_json(d).find("\"/changes/0/ref_id\"") != std::string::npos);

    // Matched by description when a change has no id: the edit is still a field, not a remove and add.
    Plan no_ids = before;
    for (Change& x : no_ids.releases[0].changes) x.id.clear();
    Plan edited = no_ids;
    edited.releases[0].changes[0].ref_id = "#4";
    const PlanDiff e = diff_plans(no_ids, edited);
    REQUIRE(e.releases.size() == 1);
    CHECK(e.releases[0].changes_added.empty());
    CHECK(e.releases[0].fields.size() == 1);
    CHECK(e.releases[0].fields[0].pointer == "/changes/0/ref_id");
}

#include "plan/plan_json.hpp"
#include "team/resolve.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

using relplan::test::acme;

TEST_CASE("resolve: each side of a same-field conflict can be chosen, and the conflict goes", "[team]") {
    const Plan base = acme();
    auto merged = test::merge_edited(base, {{0, &Release::name, "Ours"}},
                                     {{0, &Release::name, "Theirs"}, {1, &Release::summary, "their summary"}});
    REQUIRE(merged.ok());
    REQUIRE(merged->plan.conflicts.size() == 1);
    CHECK(merged->plan.conflicts[0].pointer == "/releases/0/name");

    auto take_theirs = resolve_conflict(merged->plan, 0, ConflictSide::theirs);
    REQUIRE(take_theirs.ok());
    CHECK(take_theirs->releases[0].name == "Theirs");
    CHECK(take_theirs->releases[1].summary == "their summary");  // the clean part of the merge stays
    CHECK(take_theirs->conflicts.empty());
    auto take_base = resolve_conflict(merged->plan, 0, ConflictSide::base);
    REQUIRE(take_base.ok());
    CHECK(take_base->releases[0].name == base.releases[0].name);
    auto keep_ours = resolve_conflict(merged->plan, 0, ConflictSide::ours);
    REQUIRE(keep_ours.ok());
    CHECK(keep_ours->releases[0].name == "Ours");
    CHECK_FALSE(resolve_conflict(merged->plan, 1, ConflictSide::ours).ok());
}

TEST_CASE("resolve: removing a list element moves the other conflicts' pointers into that list", "[team]") {
    const Plan base = acme();
    REQUIRE(base.releases.size() >= 4);
    Plan ours = base, theirs = base;
    ours.releases.erase(ours.releases.begin() + 1);  // we deleted release 1, they edited it
    theirs.releases[1].name = "kept by them";
    ours.releases[2].theme = "ours";  // and both edited release 3 (index 3 in the merge)
    theirs.releases[3].theme = "theirs";
    auto merged = merge_plans(base, ours, theirs);
    REQUIRE(merged.ok());
    REQUIRE(merged->plan.conflicts.size() == 2);
    const std::string later = merged->plan.conflicts[1].pointer;
    CHECK(later == "/releases/3/theme");
    auto dropped = resolve_conflict(merged->plan, 0, ConflictSide::ours);  // ours: the release is gone
    INFO((dropped.ok() ? std::string() : dropped.error().message) << " / " << merged->plan.conflicts[0].pointer);
    REQUIRE(dropped.ok());
    CHECK(dropped->releases.size() == base.releases.size() - 1);
    REQUIRE(dropped->conflicts.size() == 1);
    CHECK(dropped->conflicts[0].pointer == "/releases/2/theme");
    auto settled = resolve_conflict(*dropped, 0, ConflictSide::theirs);
    REQUIRE(settled.ok());
    CHECK(settled->releases[2].theme == "theirs");
    CHECK(settled->conflicts.empty());
}

TEST_CASE("resolve: a choice that makes the plan invalid changes nothing", "[team]") {
    Plan p = acme();
    p.conflicts.push_back(MergeConflict{"/releases/0/release_date", std::nullopt, std::string("\"2027-02-30\""), std::string("\"2027-02-03\""), {}});
    auto bad = resolve_conflict(p, 0, ConflictSide::ours);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("invalid") != std::string::npos);
    auto good = resolve_conflict(p, 0, ConflictSide::theirs);
    REQUIRE(good.ok());
    CHECK(good->releases[0].release_date == test::d(2027, 2, 3));
}

TEST_CASE("merge two-way: what one side has is kept, different values conflict", "[team]") {
    const Plan a = acme();
    Plan b = a;
    b.releases[0].name = "renamed in the link";
    Release extra;
    extra.id = "from-link";
    extra.name = "Only in the link";
    b.releases.push_back(extra);
    auto m = merge_two_way(a, b);
    REQUIRE(m.ok());
    CHECK(m->plan.releases.size() == a.releases.size() + 1);
    REQUIRE(m->new_conflicts == 1);
    CHECK(m->plan.conflicts[0].pointer == "/releases/0/name");
    CHECK_FALSE(m->plan.conflicts[0].base.has_value());
    auto same = merge_two_way(a, a);
    REQUIRE(same.ok());
    CHECK(same->clean());
    CHECK(to_json(same->plan) == to_json(a));
}

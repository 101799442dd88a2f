#include "plan/plan_json.hpp"
#include "team/diff.hpp"
#include "team/merge.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace relplan;

using relplan::test::acme;

TEST_CASE("merge: edits of different releases and different fields merge cleanly", "[team]") {
    auto m = test::merge_edited(acme(), {{0, &Release::name, "Ours"}},
                                {{1, &Release::summary, "Theirs"}, {0, &Release::theme, "their theme"}});
    REQUIRE(m);
    CHECK(m->clean());
    CHECK(m->plan.releases[0].name == "Ours");
    CHECK(m->plan.releases[0].theme == "their theme");
    CHECK(m->plan.releases[1].summary == "Theirs");
    CHECK(validate_plan(m->plan).empty());
}

TEST_CASE("merge: the same field edited on both sides is a conflict kept in the plan", "[team]") {
    auto m = test::merge_edited(acme(), {{2, &Release::theme, "ours"}}, {{2, &Release::theme, "theirs"}});
    REQUIRE(m);
    CHECK(m->new_conflicts == 1);
    REQUIRE(m->plan.conflicts.size() == 1);
    CHECK(m->plan.conflicts[0].pointer == "/releases/2/theme");
    CHECK(m->plan.conflicts[0].ours == std::optional<std::string>("\"ours\""));
    CHECK(m->plan.conflicts[0].theirs == std::optional<std::string>("\"theirs\""));
    CHECK(m->plan.releases[2].theme == "ours");
    const auto text = to_json(m->plan);
    const PlanLoad back = load_plan(text);
    REQUIRE(back.plan);
    CHECK(to_json(*back.plan) == text);
    REQUIRE(back.errors.size() == 1);
    CHECK(back.errors[0].pointer == "/conflicts/0");
}

TEST_CASE("merge: additions on both sides are kept, ours first, and a deleted-vs-edited release conflicts", "[team]") {
    const Plan base = acme();
    Plan ours = base, theirs = base;
    Release a, b;
    a.id = "ours-new";
    b.id = "theirs-new";
    ours.releases.push_back(a);
    theirs.releases.push_back(b);
    ours.releases.erase(ours.releases.begin());
    theirs.releases[0].summary = "edited";
    auto m = merge_plans(base, ours, theirs);
    REQUIRE(m);
    CHECK(m->new_conflicts == 1);
    const auto& rs = m->plan.releases;
    REQUIRE(rs.size() == base.releases.size() + 2);
    CHECK(rs[rs.size() - 2].id == "ours-new");
    CHECK(rs.back().id == "theirs-new");
    CHECK(find_release(m->plan, base.releases[0].id)->summary == "edited");
    CHECK_FALSE(m->plan.conflicts[0].ours.has_value());
}

TEST_CASE("diff: moved dates, renamed releases, changes and added releases", "[team]") {
    const Plan before = acme();
    Plan after = before;
    Release& r = after.releases[0];
    REQUIRE(r.release_date);
    r.release_date = Date{std::chrono::sys_days(*r.release_date) + std::chrono::days(7)};
    r.name = "Renamed";
    r.changes.push_back(test::change("chg-x", "A fix"));
    after.releases.push_back(test::release("hotfix", "9.9.9"));
    const PlanDiff d = diff_plans(before, after);
    REQUIRE(d.releases.size() == 2);
    CHECK(d.releases[1].kind == ReleaseDiffKind::added);
    const auto& f = d.releases[0].fields;
    auto date = std::find_if(f.begin(), f.end(), [](const ValueChange& v) { return v.pointer == "/release_date"; });
    REQUIRE(date != f.end());
    CHECK(date->days == 7);
    CHECK(date->business_days == 5);
    REQUIRE(d.releases[0].changes_added.size() == 1);
    CHECK(d.releases[0].changes_added[0].id == "chg-x");
    CHECK(format_diff_text(d).find("(+7 days, +5 business days)") != std::string::npos);
    CHECK(diff_plans(before, before).empty());
}

// Properties of the three-way merge over random edit pairs made from the example plans (the shipped
// example and the project's own plan): identity laws, and clean merges commutative in content.
#include "plan/plan_json.hpp"
#include "team/merge.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace relplan;

namespace {

Plan example(const std::string& name) {
    const PlanLoad load = load_plan(test::asset(name));
    REQUIRE(load.plan);
    return *load.plan;
}

// One random edit of the kind people make: rename, reword, move a date, add or drop a change,
// add or drop a release.
void random_edit(Plan& p, std::mt19937& rng, int tag) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const std::string t = std::to_string(tag);
    Release& r = p.releases[pick(p.releases.size())];
    switch (pick(7)) {
        case 0: r.name = "renamed " + t; break;
        case 1: r.summary = "summary " + t; break;
        case 2:
            if (r.release_date) r.release_date = Date{std::chrono::sys_days(*r.release_date) + std::chrono::days(1 + pick(20))};
            break;
        case 3: {
            Change c;
            c.id = "chg-" + t;
            c.description = "added " + t;
            r.changes.push_back(c);
            break;
        }
        case 4:
            if (!r.changes.empty()) r.changes.erase(r.changes.begin() + static_cast<std::ptrdiff_t>(pick(r.changes.size())));
            break;
        case 5: {
            Release n;
            n.id = "new-" + t;
            n.name = "New " + t;
            p.releases.insert(p.releases.begin() + static_cast<std::ptrdiff_t>(pick(p.releases.size() + 1)), n);
            break;
        }
        default:
            if (p.releases.size() > 1) p.releases.erase(p.releases.begin() + static_cast<std::ptrdiff_t>(pick(p.releases.size())));
    }
}

// Content without list order: releases and their changes sorted by id.
Plan sorted(Plan p) {
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(p.releases.begin(), p.releases.end(), by_id);
    for (auto& r : p.releases) std::sort(r.changes.begin(), r.changes.end(), by_id);
    return p;
}

std::string merged(const Plan& base, const Plan& ours, const Plan& theirs) {
    const auto m = merge_plans(base, ours, theirs);
    REQUIRE(m);
    CHECK(m->clean());
    return to_json(m->plan);
}

}  // namespace

TEST_CASE("merge property: identity laws and commutative clean merges on the example plans", "[team]") {
    const std::string name = GENERATE(std::string("examples/acme.plan.json"), std::string("../docs/relplan.plan.json"));
    INFO(name);
    const Plan base = example(name);
    CHECK(merged(base, base, base) == to_json(base));
    std::mt19937 rng(16);
    int clean = 0, conflicted = 0;
    for (int i = 0; i < 80; ++i) {
        Plan ours = base, theirs = base;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            random_edit(ours, rng, 10 * i + e);
            random_edit(theirs, rng, 10 * i + 5 + e);
        }
        INFO("pair " << i);
        // merge(p, p, p) = p; a change on one side only is taken as it is; identical changes agree.
        CHECK(merged(ours, ours, ours) == to_json(ours));
        CHECK(merged(base, ours, base) == to_json(ours));
        CHECK(merged(base, base, theirs) == to_json(theirs));
        CHECK(merged(base, theirs, theirs) == to_json(theirs));
        const auto ab = merge_plans(base, ours, theirs), ba = merge_plans(base, theirs, ours);
        REQUIRE(ab);
        REQUIRE(ba);
        CHECK(ab->clean() == ba->clean());
        CHECK(ab->new_conflicts == ba->new_conflicts);
        if (!ab->clean()) {
            ++conflicted;
            CHECK(load_plan(to_json(ab->plan)).plan.has_value());
            continue;
        }
        ++clean;
        CHECK(to_json(sorted(ab->plan)) == to_json(sorted(ba->plan)));
    }
    CHECK(clean > 30);
    CHECK(conflicted > 0);
}

#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"
#include "plan/release_copy.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace relplan;

namespace {
Plan example() {
    PlanLoad load = load_plan(test::asset("examples/acme.plan.json"));
    REQUIRE(load.ok());
    return *load.plan;
}
}  // namespace

TEST_CASE("fresh release id: rel-N after the count, skipping ids in use") {
    Plan p;
    CHECK(fresh_release_id(p) == "rel-1");
    p.releases.resize(2);
    p.releases[0].id = "rel-3";
    p.releases[1].id = "a";
    CHECK(fresh_release_id(p) == "rel-4");
    p.releases[1].id = "rel-4";
    CHECK(fresh_release_id(p) == "rel-5");
}

TEST_CASE("duplicate release: a new planning release modelled on the original") {
    Plan p = example();
    const Release original = *find_release(p, "web-3.9.1");  // a copy: the releases grow below
    Result<Release> copy = duplicate_release(p, "web-3.9.1");
    REQUIRE(copy.ok());
    CHECK(copy->id == "rel-12");
    CHECK(copy->name == original.name + " copy");
    CHECK(copy->status == ReleaseStatus::planning);
    CHECK(copy->version.empty());
    CHECK_FALSE(copy->review.has_value());
    // What the release is about is kept.
    CHECK(copy->type == original.type);
    CHECK(copy->components == original.components);
    CHECK(copy->release_date == original.release_date);
    REQUIRE(copy->changes.size() == original.changes.size());
    CHECK(copy->changes[0].description == original.changes[0].description);
    // What already happened to the original is not.
    REQUIRE(copy->quality_gates.size() == original.quality_gates.size());
    for (const QualityGate& g : copy->quality_gates) {
        CHECK(g.status == GateStatus::pending);
        CHECK_FALSE(g.approved_on.has_value());
    }
    REQUIRE(!copy->communications.empty());
    for (const Communication& c : copy->communications) CHECK_FALSE(c.sent_on.has_value());

    // Appended, the plan stays valid (no duplicate release or change ids), twice over.
    p.releases.push_back(*copy);
    Result<Release> again = duplicate_release(p, "rel-12");
    REQUIRE(again.ok());
    CHECK(again->id == "rel-13");
    CHECK(again->name == original.name + " copy copy");
    p.releases.push_back(*again);
    CHECK(validate_plan(p).empty());
    std::set<std::string> change_ids;
    std::size_t changes = 0;
    for (const Release& r : p.releases)
        for (const Change& c : r.changes) {
            change_ids.insert(c.id);
            ++changes;
        }
    CHECK(change_ids.size() == changes);
}

TEST_CASE("duplicate release: an unknown id is an error naming it") {
    Result<Release> copy = duplicate_release(example(), "no-such-release");
    REQUIRE_FALSE(copy.ok());
    CHECK(copy.error().kind == ErrorKind::not_found);
    CHECK(copy.error().message.find("no-such-release") != std::string::npos);
}

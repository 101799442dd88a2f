// The schema tables of plan_schema.hpp drive the reader, the writer, the validator's pointers and
// assets/plan.schema.json; these tests catch the places drifting apart.
#include "base/json_doc.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_schema.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace relplan;

static_assert(schema::json_key<&Release::release_date> == "release_date");
static_assert(schema::json_key<&ChangeWindow::start_offset_minutes> == "start");
static_assert(schema::json_key<&PostReleaseReview::retrospective> == "retrospective");

TEST_CASE("assets/plan.schema.json is the schema the tables produce") {
    // On failure: build the CLI and run `relplan plan schema > assets/plan.schema.json`.
    const std::string generated = plan_json_schema();
    CHECK(test::asset("plan.schema.json") == generated);
    const auto parsed = json::parse(generated);
    REQUIRE(parsed.ok());
    CHECK(parsed->duplicate_keys.empty());
}

TEST_CASE("every required row is reported missing by the reader, at its object") {
    // A change without "description": the reader names exactly the required member that is gone.
    const std::string text = R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "x"},
        "releases": [{"id": "r", "type": "minor", "status": "planning",
        "changes": [{"id": "c", "category": "bug-fix"}],
        "change_window": {"start": "2027-01-15T22:00:00+01:00"}}]})";
    const PlanLoad loaded = load_plan(text);
    REQUIRE(loaded.errors.size() == 2);
    CHECK(loaded.errors[0].pointer == "/releases/0/changes/0");
    CHECK(loaded.errors[0].message == "missing required member \"description\"");
    CHECK(loaded.errors[1].pointer == "/releases/0/change_window");
    CHECK(loaded.errors[1].message == "missing required member \"end\"");
}

TEST_CASE("rows marked not_negative are checked by the validator and bounded in the schema") {
    Plan plan = test::plan_named("x");
    Release r;
    r.id = "r";
    Communication c;
    c.notice_days = -3;
    r.communications.push_back(c);
    plan.releases.push_back(r);
    const auto problems = validate_plan(plan);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/releases/0/communications/0/notice_days");
    const auto s = nlohmann::json::parse(plan_json_schema(), nullptr, false);
    CHECK(s.at("$defs").at("communication").at("properties").at("notice_days").at("minimum") == 0);
}

TEST_CASE("optional rows are left out when unset, required and always rows are written") {
    Plan plan;
    Release r;
    r.id = "r";
    QualityGate g;
    r.quality_gates.push_back(g);
    plan.releases.push_back(r);
    const std::string out = to_json(plan);
    CHECK(out.find(R"("project": {
    "name": ""
  })") != std::string::npos);
    CHECK(out.find(R"("required": true)") != std::string::npos);
    CHECK(out.find(R"("yanked")") == std::string::npos);
    CHECK(out.find(R"("settings")") == std::string::npos);
    r.yanked = true;
    plan.releases[0] = r;
    CHECK(to_json(plan).find(R"("yanked": true)") != std::string::npos);
}

// The project's time zone (project.time_zone): kept through reading and writing, and checked against
// the zone database by lint_plan (what `relplan plan validate` reports) with a pointer and position.
#include "plan/plan_json.hpp"
#include "plan/plan_lint.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace relplan;

namespace {

std::string plan_with_zone(const std::string& zone) {
    return R"({"format": {"name": "relplan", "version": 1},
  "project": {"name": "Acme", "time_zone": ")" + zone + R"("}})";
}

}  // namespace

TEST_CASE("the project's time zone survives reading and writing") {
    const PlanLoad loaded = load_plan(plan_with_zone("Europe/Berlin"));
    REQUIRE(loaded.ok());
    CHECK(loaded.plan->project.time_zone == "Europe/Berlin");
    const std::string written = to_json(*loaded.plan);
    CHECK(written.find(R"("time_zone": "Europe/Berlin")") != std::string::npos);
    const PlanLoad again = load_plan(written);
    REQUIRE(again.ok());
    CHECK(again.plan->project == loaded.plan->project);

    Plan no_zone = *loaded.plan;
    no_zone.project.time_zone.clear();
    CHECK(to_json(no_zone).find("time_zone") == std::string::npos);  // an unset zone is not written
}

TEST_CASE("an unknown project time zone is an error at /project/time_zone with its line") {
    const std::string text = plan_with_zone("europe/berlin");
    const PlanLoad loaded = load_plan(text);
    REQUIRE(loaded.ok());  // the app opens it (the zone may still be being typed)
    const std::vector<Diagnostic> problems = lint_plan(*loaded.plan, text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/project/time_zone");
    CHECK(problems[0].message.find("Europe/Berlin") != std::string::npos);  // the spelling it meant
    CHECK(problems[0].line == 2);

    const std::string good = plan_with_zone("America/New_York");
    CHECK(lint_plan(*load_plan(good).plan, good).empty());
}

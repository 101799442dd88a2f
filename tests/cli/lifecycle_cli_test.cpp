#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using relplan::cli::cmd_impact;
using relplan::cli::cmd_support;
using relplan::cli::test::run;

namespace {

const std::string dir = std::string(RELPLAN_TEST_DATA_DIR) + "/lifecycle/";
const std::string plan = dir + "debug.plan.json";

}  // namespace

TEST_CASE("impact: real package.json consumers of debug, per planned release") {
    auto r = run(cmd_impact, {plan, "--consumers", dir + "express-4.21.2.package.json", "--consumers",
                              dir + "eslint-8.57.0.package.json", "--release", "v4.4.0", "--json"});
    CHECK(r.code == 1);  // express pins 2.6.9: cut off
    auto rows = nlohmann::json::parse(r.out, nullptr, false);
    REQUIRE(rows.is_array());
    REQUIRE(rows.size() == 3);  // the plan's mocha, then express and eslint from their package.json
    CHECK(rows[0]["consumer"] == "mocha");
    CHECK(rows[0]["receives"] == true);
    CHECK(rows[1]["consumer"] == "express");
    CHECK(rows[1]["range"] == "2.6.9");
    CHECK(rows[1]["receives"] == false);
    CHECK(rows[1]["kind"] == "cut-off");
    CHECK(rows[1]["suggested_range"] == "^4.4.0");
    CHECK(rows[2]["consumer"] == "eslint");
    CHECK(rows[2]["version"] == "4.4.0");
    CHECK(rows[2]["receives"] == true);
}

TEST_CASE("impact: text, the pre-release rule, and errors") {
    auto text = run(cmd_impact, {plan, "--release", "5.0.0-rc.1"});
    CHECK(text.out.find("CUT OFF   mocha (^4.3.5): move to ^5.0.0-rc.1") != std::string::npos);
    auto none = run(cmd_impact, {plan, "--consumers", dir + "body-parser-1.20.3.package.json", "--package", "left-pad",
                                 "--release", "4.4.0"});
    CHECK(none.err.find("does not depend on left-pad") != std::string::npos);
    CHECK(run(cmd_impact, {plan, "--release", "9.9.9"}).code == 1);
    CHECK(run(cmd_impact, {}).code == 2);
    CHECK(run(cmd_impact, {plan, "--bogus"}).code == 2);
    auto bad = run(cmd_impact, {plan, "--consumers", dir + "SOURCES.md"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("SOURCES.md (byte 0)") != std::string::npos);
}

TEST_CASE("support: phases, warnings and the endoflife.date shape") {
    auto r = run(cmd_support, {plan, "--today", "2026-12-05", "--import-eol", dir + "nodejs.eol.json", "--product",
                               "nodejs", "--cycle", "22", "--cycle", "20"});
    CHECK(r.code == 1);
    CHECK(r.out.find("2.x  end-of-life") != std::string::npos);
    CHECK(r.out.find("4.x  active") != std::string::npos);
    CHECK(r.out.find("warning: 2.6.10 is planned on 2026-12-15, after 2.x reaches end of life on 2026-06-30") !=
          std::string::npos);
    CHECK(r.out.find("nodejs 22 reaches end of life on 2027-04-30, before 5.0.0 (planned 2027-06-01)") != std::string::npos);
    CHECK(r.out.find("nodejs 20 reaches end of life on 2026-04-30, before 2.6.10 (planned 2026-12-15) and 3 later "
                     "planned releases") != std::string::npos);
    CHECK(r.out.find("nodejs 18") == std::string::npos);  // not a cycle the plan runs on

    auto eol = run(cmd_support, {plan, "--format", "endoflife", "--today", "2026-12-05"});
    auto cycles = nlohmann::json::parse(eol.out, nullptr, false);
    REQUIRE(cycles.is_array());
    REQUIRE(cycles.size() == 3);
    CHECK(cycles[0]["cycle"] == "5");
    CHECK(cycles[2]["cycle"] == "2");
    CHECK(cycles[2]["eol"] == "2026-06-30");
    CHECK(cycles[2]["latest"] == "2.6.9");
    CHECK(cycles[1]["eol"] == "2028-06-01");  // 12 months after 5.x takes over

    auto json = nlohmann::json::parse(run(cmd_support, {plan, "--format", "json", "--today", "2026-12-05"}).out, nullptr, false);
    REQUIRE(json.is_object());
    CHECK(json["lines"][1]["phase"] == "active");
    CHECK(json["warnings"][0]["kind"] == "release-after-eol");
    CHECK(run(cmd_support, {plan, "--format", "xml"}).code == 2);
    CHECK(run(cmd_support, {plan, "--import-eol", dir + "nodejs.eol.json"}).code == 2);
}

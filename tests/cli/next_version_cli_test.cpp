#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

using namespace relplan::cli;
using namespace relplan::cli::test;

TEST_CASE("next-version --release-rule and --policy", "[cli][next-version]") {
    const std::string deps = nul_log({"build(deps): bump jsonpath-plus from 9.0.0 to 10.0.0", "docs: typo"});
    CHECK(run(cmd_next_version, {"--current", "16.14.2"}, deps).out.empty());
    const Run ruled = run(cmd_next_version, {"--current", "16.14.2", "--release-rule", "build(deps)=patch"}, deps);
    CHECK(ruled.out == "16.14.3\n");
    CHECK(ruled.err.find("[release rule build(deps)=patch]") != std::string::npos);
    const Run bad_rule = run(cmd_next_version, {"--current", "1.0.0", "--release-rule", "build(deps)"}, deps);
    CHECK(bad_rule.code == 1);
    CHECK(bad_rule.err.find("no '='") != std::string::npos);

    const std::string breaking = nul_log({"feat!: drop Node 12"});
    CHECK(run(cmd_next_version, {"--current", "0.9.1"}, breaking).out == "0.10.0\n");
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "semantic-release"}, breaking).out == "1.0.0\n");
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "release-please", "--bump-minor-pre-major"}, breaking).out == "0.10.0\n");
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "git-cliff", "--breaking-always-bump-major", "false"}, breaking).out == "0.10.0\n");
    const std::string feat = nul_log({"feat: add --json"});
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "release-please", "--bump-patch-for-minor-pre-major"}, feat).out == "0.9.2\n");
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "git-cliff", "--features-always-bump-minor", "true"}, feat).out == "0.10.0\n");
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--features-always-bump-minor", "maybe"}, feat).code == 1);
    CHECK(run(cmd_next_version, {"--current", "0.9.1", "--policy", "lerna"}, feat).code == 1);
}

TEST_CASE("next-version: reverts, hashes, --keep-reverted, --pre and the -z warning", "[cli][next-version]") {
    const std::string pair = nul_log({"914b0a2642\nRevert \"feat: ava 5\"\n\nThis reverts commit 3f3b286fb80215b2ad65378340208eb4c8eb6aea.\n",
                                "3f3b286fb8\nfeat: ava 5"});
    const Run cancelled = run(cmd_next_version, {"--current", "20.0.2"}, pair);
    CHECK(cancelled.out.empty());
    CHECK(cancelled.err.find("2 cancelled as revert pairs") != std::string::npos);
    CHECK(run(cmd_next_version, {"--current", "20.0.2", "--keep-reverted"}, pair).out == "20.1.0\n");

    CHECK(run(cmd_next_version, {"--current", "1.3.0-rc.1", "--pre", "rc"}, nul_log({"fix: page size"})).out == "1.3.0-rc.2\n");
    CHECK(run(cmd_next_version, {"--current", "1.3.0-rc.2"}, nul_log({"fix: page size"})).out == "1.3.0\n");

    const Run newline = run(cmd_next_version, {"--current", "1.0.0"}, "feat: a\nfix: b\n");
    CHECK(newline.err.find("warning:") != std::string::npos);
    CHECK(newline.err.find("-z") != std::string::npos);

    std::string many;
    for (int i = 0; i < 40; ++i) many += "fix: f" + std::to_string(i) + '\0';
    const Run bounded = run(cmd_next_version, {"--current", "1.0.0"}, many);
    CHECK(bounded.out == "1.0.1\n");
    CHECK(bounded.err.find("(patch bump, 40 of 40 commits)") != std::string::npos);
    CHECK(bounded.err.find("... and 30 more patch commits") != std::string::npos);
}

TEST_CASE("next-version --plan: a release's changes decide, like the release editor", "[cli][next-version]") {
    const std::string plan = R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "P"},
      "releases": [
        {"id": "web-2.1.0", "version": "2.1.0", "type": "minor", "status": "released", "components": [],
         "release_date": "2026-01-10"},
        {"id": "web-next", "version": "", "type": "minor", "status": "planning", "release_date": "2026-03-01",
         "changes": [{"id": "c1", "category": "bug-fix", "description": "Fix the login form"},
                     {"id": "c2", "category": "breaking-change", "description": "Drop IE 11"}]}
      ]})";
    const Run r = run("next-version", {"--plan", "-", "--release", "web-next"}, plan);
    CHECK(r.code == 0);
    CHECK(r.out == "3.0.0\n");
    CHECK(r.err == "web-next: major bump from web-2.1.0 2.1.0 (web-2.1.0) because of 1 breaking change: \"Drop IE 11\"\n");
    const Run json = run("next-version", {"--plan", "-", "--release", "web-next", "--json", "--pre", "beta"}, plan);
    CHECK(json.code == 0);
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["version"] == "3.0.0-beta.0");
    CHECK(doc["base"] == "web-2.1.0");
    CHECK(doc["bump"] == "major");
    CHECK(run("next-version", {"--plan", "-", "--release", "nope"}, plan).code == 1);
    CHECK(run("next-version", {"--plan", "-"}, plan).code == 2);
    CHECK(run("next-version", {"--plan", "-", "--release", "web-next", "--base", "web-next"}, plan).code == 1);
}

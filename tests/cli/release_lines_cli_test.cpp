// next-version on a maintenance line, squash merges split, and versioning taken from a plan.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace relplan::cli;
using namespace relplan::cli::test;

TEST_CASE("next-version --line refuses a version outside the maintenance line", "[cli][next-version]") {
    const std::string fixes = nul_log({"fix: keep the cache warm", "docs: typo"});
    const Run patch = run(cmd_next_version, {"--current", "v1.4.2", "--line", "1.4.x"}, fixes);
    CHECK(patch.code == 0);
    CHECK(patch.out == "1.4.3\n");
    const Run refused =
        run(cmd_next_version, {"--current", "1.4.2", "--line", "1.4.x"}, nul_log({"fix: a", "feat(api): add paging"}));
    CHECK(refused.code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("outside release line 1.4.x (commit 2: feat(api): add paging [feat])") != std::string::npos);
    const Run bad = run(cmd_next_version, {"--current", "1.4.2", "--line", "1.4"}, fixes);
    CHECK(bad.code == 1);
    CHECK(bad.err.find("--line: release line \"1.4\" is not of the form 1.x or 1.4.x") != std::string::npos);
}

TEST_CASE("next-version --split-squash reads the commits a squash merge lists", "[cli][next-version]") {
    const std::string squash = nul_log({"chore: merge the release branch\n\n* feat(ui): dark mode\n\n* fix: contrast\n"});
    CHECK(run(cmd_next_version, {"--current", "2.1.0"}, squash).out.empty());
    const Run split = run(cmd_next_version, {"--current", "2.1.0", "--split-squash"}, squash);
    CHECK(split.out == "2.2.0\n");
    CHECK(split.err.find("commit 1: feat(ui): dark mode [feat]") != std::string::npos);
}

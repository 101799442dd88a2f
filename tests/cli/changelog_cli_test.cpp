// relplan import changelog: --explain, and the errors that write no plan.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>

using namespace relplan::cli;
using relplan::cli::test::Run;

namespace {

test::Run run(const Args& args, const std::string& input = {}) { return test::run(cmd_import, args, input); }

// A real changelog under tests/data/changelogs/.
std::string changelog_file(const std::string& name) { return test::data_path("changelogs/" + name); }

}  // namespace

TEST_CASE("import changelog --explain prints the dialect, each section's mapping and what was dropped") {
    const Run r = run({"changelog", changelog_file("git-cliff.md"), "--explain"});
    CHECK(r.code == 0);
    CHECK(relplan::load_plan(r.out).ok());  // the plan still goes to stdout
    CHECK(r.err.find("dialect: git-cliff\n") == 0);
    CHECK(r.err.find("releases: 4 (0 unreleased), changes: 20\n") != std::string::npos);
    CHECK(r.err.find("  line 22: \"🚜 Refactor\" -> improvement, internal (2 entries; ") != std::string::npos);
    CHECK(r.err.find("  line 45: \"◀️ Revert\" -> improvement, technical (1 entry; ") != std::string::npos);
    CHECK(r.err.find("  line 54: \"New Contributors ❤️\" -> dropped (2 entries; a list of people, not changes)\n") !=
          std::string::npos);
    CHECK(r.err.find("  line 56: \"@truffle-dev made their first contribution in [#1490](https:…\": under \"New "
                     "Contributors ❤️\": a list of people, not changes\n") != std::string::npos);
    // "([#1161](…/issues/1161)) ([#1172](…/issues/1172))": one tracker, so #1172's link is made from the
    // first one's and nothing is reported dropped.
    CHECK(r.err.find("the link of #1172") == std::string::npos);

    const Run github = run({"changelog", "--explain", changelog_file("global-laravel-remote.md")});
    CHECK(github.code == 0);
    CHECK(github.err.find("dialect: GitHub release notes (also seen: hand-written lists)\n") == std::string::npos);
    CHECK(github.err.find("dialect: GitHub release notes\n") == 0);
    CHECK(github.err.find("\"What's Changed\" -> by entry") != std::string::npos);
    CHECK(github.err.find("\"Full Changelog\" line: not a change; its URL is the release link") != std::string::npos);

    const Run quiet = run({"changelog", changelog_file("git-cliff.md")});
    CHECK(quiet.code == 0);
    CHECK(quiet.err.find("dialect:") == std::string::npos);
    CHECK(quiet.out == r.out);
}

TEST_CASE("import changelog refuses duplicate versions and impossible dates and writes nothing") {
    const Run twice = run({"changelog", "-"}, "# Changelog\n\n## [1.0.0] - 2024-01-01\n- a\n\n## [1.0.0] - 2023-01-01\n- b\n");
    CHECK(twice.code == 1);
    CHECK(twice.out.empty());
    CHECK(twice.err == "<stdin>:6:1: version 1.0.0 appears twice: lines 3 and 6; remove or rename one of them\n");

    const Run date = run({"changelog", "-"}, "## [1.0.0] - 2023-13-45\n- a\n");
    CHECK(date.code == 1);
    CHECK(date.out.empty());
    CHECK(date.err == "<stdin>:1:1: release date 2023-13-45 of 1.0.0 does not exist (line 1)\n");
}

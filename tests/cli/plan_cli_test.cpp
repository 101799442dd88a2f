#include "commands.hpp"
#include "cli_test_support.hpp"

#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace relplan;
using relplan::cli::Args;
using namespace relplan::cli::test;

namespace {

const std::string data_dir = std::string(RELPLAN_TEST_DATA_DIR) + "/plan/";
const std::string acme = std::string(RELPLAN_ASSETS_DIR) + "/examples/acme.plan.json";

// A fresh scratch directory per test.
std::string scratch() { return relplan::cli::test::scratch("plan-cli"); }

// The release `version` of the plan a successful command wrote to stdout.
Release written_release(const Run& r, const char* version) {
    CHECK(r.code == 0);
    const PlanLoad loaded = load_plan(r.out);
    REQUIRE(loaded.ok());
    const Release* found = find_release_by_version(*loaded.plan, version);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("relplan plan validate: exit 0 for a valid plan, 1 with every error") {
    const Run ok = run(cli::cmd_plan, {"validate", acme});
    CHECK(ok.code == 0);
    CHECK(ok.out == acme + ": valid (11 releases, 24 changes)\n");
    CHECK(ok.err.empty());

    const std::string bad = data_dir + "semantic.json";
    const Run failed = run(cli::cmd_plan, {"validate", bad});
    CHECK(failed.code == 1);
    CHECK(failed.out.empty());
    CHECK(failed.err.substr(0, failed.err.find('\n')) ==
          bad + ":4:40: /components/1/id: duplicate component id \"api\" (also /components/0/id)");
    CHECK(std::count(failed.err.begin(), failed.err.end(), '\n') == 12);

    const Run syntax = run(cli::cmd_plan, {"validate", data_dir + "truncated.json", acme});
    CHECK(syntax.code == 1);
    CHECK(syntax.err == data_dir + "truncated.json:3:23: unterminated string: end of file before the closing '\"'\n");
    CHECK(syntax.out == acme + ": valid (11 releases, 24 changes)\n");

    const Run bom = run(cli::cmd_plan, {"validate", data_dir + "bom.json"});
    CHECK(bom.code == 0);
    CHECK(bom.err == data_dir + "bom.json:1:1: note: ignored the UTF-8 byte order mark at the start of the file; it is not written back\n");

    const Run missing = run(cli::cmd_plan, {"validate", "/nonexistent/plan.json"});
    CHECK(missing.code == 1);
    CHECK(missing.err == "relplan: cannot open /nonexistent/plan.json: No such file or directory\n");

    const Run stdin_plan = run(cli::cmd_plan, {"validate", "-"}, read(data_dir + "feb30.json"));
    CHECK(stdin_plan.code == 1);
    CHECK(stdin_plan.err == "<stdin>:5:93: /releases/0/release_date: \"2026-02-30\" is not a valid date (February 2026 has 28 days)\n");
}

TEST_CASE("relplan plan fmt: canonical output, --in-place atomic, refusals leave the file alone") {
    const std::string dir = scratch();
    const std::string messy = dir + "/messy.json";
    const std::string text = R"({"releases":[{"status":"planning","type":"minor","id":"r1","version":"1.0.0","x-new":{"b":1}}],"project":{"name":"Acme"},"format":{"version":1,"name":"relplan"}})";
    write(messy, text);
    const Run printed = run(cli::cmd_plan, {"fmt", messy});
    CHECK(printed.code == 0);
    CHECK(printed.out == R"({
  "format": {
    "name": "relplan",
    "version": 1
  },
  "project": {
    "name": "Acme"
  },
  "releases": [
    {
      "id": "r1",
      "version": "1.0.0",
      "type": "minor",
      "status": "planning",
      "x-new": {
        "b": 1
      }
    }
  ]
}
)");
    CHECK(read(messy) == text);

    CHECK(run(cli::cmd_plan, {"fmt", messy, "--in-place"}).code == 0);
    CHECK(read(messy) == printed.out);
    CHECK(run(cli::cmd_plan, {"fmt", "--in-place", messy}).code == 0);
    CHECK(read(messy) == printed.out);

    const std::string newer = dir + "/newer.json";
    write(newer, read(data_dir + "newer-format.json"));
    const Run refused = run(cli::cmd_plan, {"fmt", newer, "--in-place"});
    CHECK(refused.code == 1);
    CHECK(refused.err == newer + ":2:44: /format/version: format version 2 is newer than this relplan supports (1); open the file with a newer relplan\n"
                         "relplan: " + newer + " was not formatted\n");
    CHECK(read(newer) == read(data_dir + "newer-format.json"));

    const std::string broken = dir + "/broken.json";
    write(broken, read(data_dir + "truncated.json"));
    CHECK(run(cli::cmd_plan, {"fmt", broken, "--in-place"}).code == 1);
    CHECK(read(broken) == read(data_dir + "truncated.json"));

    // Semantic problems are reported but do not stop formatting.
    const Run feb = run(cli::cmd_plan, {"fmt", data_dir + "feb30.json"});
    CHECK(feb.code == 0);
    CHECK(feb.out.find("\"release_date\": \"2026-02-30\"") != std::string::npos);
    CHECK_FALSE(feb.err.empty());
    std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("relplan import changelog") {
    const Run ok = run(cli::cmd_import, {"changelog", data_dir + "keepachangelog.md"});
    CHECK(ok.code == 0);
    CHECK(ok.err.empty());
    const PlanLoad loaded = load_plan(ok.out);
    REQUIRE(loaded.ok());
    CHECK(loaded.plan->releases.size() == 5);

    const Run conventional = run(cli::cmd_import, {"changelog", data_dir + "conventional.md"});
    CHECK(conventional.code == 0);
    CHECK(conventional.err == data_dir + "conventional.md:43:1: note: section \"Housekeeping\" is not a known changelog section; its entries were imported as improvements\n");

    const Run none = run(cli::cmd_import, {"changelog", data_dir + "no-versions.md"});
    CHECK(none.code == 1);
    CHECK(none.out.empty());
    CHECK(none.err.rfind(data_dir + "no-versions.md: no release headings found;", 0) == 0);

    const Run binary = run(cli::cmd_import, {"changelog", data_dir + "binary.bin"});
    CHECK(binary.code == 1);
    CHECK(binary.err == data_dir + "binary.bin:1:1: invalid UTF-8 (byte 0x89); save the changelog as UTF-8\n");

    const Run loose = run(cli::cmd_import, {"changelog", "-"}, "## [1.2] - 2024-01-01\n### Fixed\n- x\n");
    CHECK(loose.code == 0);
    CHECK(loose.err == "<stdin>: warning: /releases/0/version: \"1.2\" is not a valid semantic version\n");
}

TEST_CASE("relplan import commits") {
    const std::string log = std::string("feat(api): webhooks (#4)") + '\0' + "fix: typo" + '\0' + "Merge branch 'x'" + '\0';
    const Run fresh = run(cli::cmd_import, {"commits", "--release", "1.1.0"}, log);
    CHECK(fresh.code == 0);
    CHECK(fresh.err == "<stdin>: note: commit 3: merge commit skipped: Merge branch 'x'\n"
                       "<stdin>: note: added a planning release 1.1.0\n");
    const PlanLoad loaded = load_plan(fresh.out);
    REQUIRE(loaded.ok());
    CHECK(loaded.plan->project.name == "Untitled project");
    REQUIRE(loaded.plan->releases.size() == 1);
    CHECK(loaded.plan->releases[0].changes.size() == 2);
    CHECK(loaded.plan->releases[0].changes[0].ref_id == "#4");

    const Release into = written_release(run(cli::cmd_import, {"commits", "--release", "3.10.0", "--plan", acme}, log), "3.10.0");
    CHECK(into.changes.size() == 6);
    CHECK(into.changes.back().id == "web-3.10.0:6");

    const Run released = run(cli::cmd_import, {"commits", "--release", "3.9.0", "--plan", acme}, log);
    CHECK(released.code == 1);
    CHECK(released.err == "relplan: release 3.9.0 is released; commits can only be added to a release that is still planned\n");
    CHECK(released.out.empty());

    CHECK(run(cli::cmd_import, {"commits"}).code == 2);
    CHECK(run(cli::cmd_import, {"commits", "--release", "1.0.0", "--plan", data_dir + "truncated.json"}).code == 1);
}

TEST_CASE("relplan import commits --date: added_on of the imported changes, default today (UTC)") {
    const std::string log = std::string("feat(api): webhooks (#4)") + '\0' + "fix: typo" + '\0';
    const Release dated = written_release(
        run(cli::cmd_import, {"commits", "--release", "3.10.0", "--plan", acme, "--date", "2026-11-20"}, log), "3.10.0");
    REQUIRE(dated.changes.size() == 6);
    // The changes the plan already had keep their dates.
    CHECK(dated.changes[0].added_on == relplan::test::d(2026, 11, 16));
    CHECK(dated.changes[3].added_on == relplan::test::d(2026, 11, 26));
    CHECK(dated.changes[4].description == "webhooks");
    CHECK(dated.changes[4].added_on == relplan::test::d(2026, 11, 20));
    CHECK(dated.changes[5].added_on == relplan::test::d(2026, 11, 20));

    const Date before{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    const Run fresh = run(cli::cmd_import, {"commits", "--release", "1.1.0"}, log);
    const Date after{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    CHECK(fresh.code == 0);
    const PlanLoad today = load_plan(fresh.out);
    REQUIRE(today.ok());
    REQUIRE(today.plan->releases.at(0).changes.size() == 2);
    for (const Change& c : today.plan->releases[0].changes) {
        CHECK((c.added_on == before || c.added_on == after));
    }

    const Run bad = run(cli::cmd_import, {"commits", "--release", "1.1.0", "--date", "2026-02-30"}, log);
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.rfind("relplan: --date: 2026-02-30 does not exist\n", 0) == 0);
    CHECK(run(cli::cmd_import, {"commits", "--release", "1.1.0", "--date"}, log).code == 2);
    CHECK(run(cli::cmd_import, {"commits", "--release", "1.1.0", "--date", "20.11.2026"}, log).code == 2);
}

TEST_CASE("relplan changelog") {
    const Run out = run(cli::cmd_changelog, {acme, "--today", "2026-11-26"});
    CHECK(out.code == 0);
    CHECK(out.out.rfind("# Changelog\n\nAll notable changes to Acme Cloud will be documented in this file.\n", 0) == 0);
    CHECK(out.out.find("- Security fixes; details are withheld until 2026-12-03.") != std::string::npos);
    CHECK(out.out.find("CVE-2026-41234") == std::string::npos);
    CHECK(out.out.find("## [3.9.1] - 2026-11-13\n") < out.out.find("## [3.9.0] - 2026-11-10\n"));
    CHECK(out.out.find("[3.9.1]: https://github.com/acme/acme-cloud/compare/v3.9.0...v3.9.1\n") != std::string::npos);

    const Run later = run(cli::cmd_changelog, {acme, "--today", "2027-01-01", "--component", "billing"});
    CHECK(later.out.find("CVE-2026-41234") != std::string::npos);
    CHECK(later.out.find("## [3.9.1]") == std::string::npos);

    const Run bad_date = run(cli::cmd_changelog, {acme, "--today", "2026-02-30"});
    CHECK(bad_date.code == 2);
    CHECK(bad_date.err.rfind("relplan: --today: 2026-02-30 does not exist\n", 0) == 0);
    CHECK(run(cli::cmd_changelog, {data_dir + "binary.bin"}).code == 1);
}

TEST_CASE("usage errors exit 2; --help exits 0") {
    CHECK(run(cli::cmd_plan, {}).code == 2);
    CHECK(run(cli::cmd_plan, {"lint", "x"}).code == 2);
    CHECK(run(cli::cmd_plan, {"validate"}).code == 2);
    CHECK(run(cli::cmd_plan, {"fmt", "a", "b"}).code == 2);
    CHECK(run(cli::cmd_plan, {"fmt", "-", "--in-place"}).code == 2);
    CHECK(run(cli::cmd_import, {"changelog"}).code == 2);
    CHECK(run(cli::cmd_changelog, {}).code == 2);
    const Run help = run(cli::cmd_plan, {"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.rfind("usage: relplan plan validate FILE... [--json]\n", 0) == 0);
    CHECK(run(cli::cmd_import, {"commits", "--help"}).code == 0);
    CHECK(run(cli::cmd_changelog, {"--help"}).code == 0);
}

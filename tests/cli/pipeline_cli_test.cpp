// The CLI as a pipeline tool, across every command: the same exit codes (0 ok, 1 findings or
// invalid input, 2 usage), -q / --quiet, --json shapes (docs/cli.md), versions in tag form, and no
// escape sequences in any output.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using relplan::cli::Args;
using relplan::cli::test::Run;
using relplan::cli::test::run;
using relplan::cli::test::Scratch;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string data = RELPLAN_TEST_DATA_DIR;
const std::string sync_plan = data + "/notes/sync.plan.json";
const std::string debug_plan = data + "/lifecycle/debug.plan.json";
const std::string missing = data + "/no-such-file.plan.json";
const std::string not_json = data + "/plan/not-json.txt";

struct Line {
    std::string name;
    Args args;
    std::string input;
};

// One good command line per command (and subcommand); each exits 0 on the fixtures.
std::vector<Line> good_lines() {
    const std::string log = std::string("feat: a\n") + '\0' + "fix: b\n" + '\0';
    return {
        {"semver", {"valid", "1.2.3"}, ""},
        {"semver", {"compare", "1.2.3", "1.2.4"}, ""},
        {"semver", {"diff", "1.2.3", "1.3.0"}, ""},
        {"semver", {"sort"}, "1.10.0\n1.2.0\n"},
        {"semver", {"bump", "1.2.3", "minor"}, ""},
        {"semver", {"satisfies", "1.2.3", "^1.0.0"}, ""},
        {"semver", {"max-satisfying", "^1.0.0"}, "1.2.0\n1.3.0\n2.0.0\n"},
        {"calver", {"next", "YY.0M.MICRO", "--date", "2024-06-03"}, ""},
        {"next-version", {"--current", "1.4.2"}, log},
        {"plan", {"validate", sync_plan}, ""},
        {"plan", {"fmt", sync_plan}, ""},
        {"import", {"commits", "--release", "1.1.0", "--date", "2026-01-02"}, log},
        {"ics", {sync_plan, "--dtstamp", "2026-01-01T00:00:00Z"}, ""},
        {"windows", {sync_plan, "--release", "2.0.1", "--today", "2026-03-01"}, ""},
        {"notes", {sync_plan, "--release", "2.0.0", "--today", "2026-03-15"}, ""},
        {"changelog", {sync_plan, "--today", "2026-03-15"}, ""},
        {"impact", {debug_plan, "--release", "4.3.7"}, ""},
        {"diff", {sync_plan, sync_plan}, ""},
        {"merge", {sync_plan, sync_plan, sync_plan}, ""},
    };
}

bool has_escape(const std::string& s) { return s.find('\x1b') != std::string::npos; }

}  // namespace

TEST_CASE("every command: a good command line exits 0", "[cli][pipeline]") {
    for (const Line& line : good_lines()) {
        INFO(line.name << " " << (line.args.empty() ? "" : line.args[0]));
        const Run r = run(line.name, line.args, line.input);
        CHECK(r.code == 0);
        CHECK((r.out.empty() == (line.name == "diff")));  // equal plans: diff prints nothing
    }
}

TEST_CASE("every command: an unknown option is a usage error (2) that names it", "[cli][pipeline]") {
    std::vector<Line> lines = good_lines();
    lines.push_back({"check", {sync_plan}, ""});
    lines.push_back({"schedule", {sync_plan, "--cadence", "biweekly:tue", "--from", "2026-04-01", "--count", "2"}, ""});
    lines.push_back({"support", {debug_plan}, ""});
    lines.push_back({"import", {"changelog", data + "/plan/keepachangelog.md"}, ""});
    lines.push_back({"plan", {"schema"}, ""});
    for (Line line : lines) {
        INFO(line.name << " " << (line.args.empty() ? "" : line.args[0]));
        line.args.push_back("--frobnicate");
        const Run r = run(line.name, line.args, line.input);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("--frobnicate") != std::string::npos);
    }
    // A missing option value and a missing argument are usage errors too.
    CHECK(run("notes", {sync_plan, "--release"}).code == 2);
    CHECK(run("notes", {sync_plan}).code == 2);
    CHECK(run("windows", {sync_plan}).code == 2);
    CHECK(run("next-version", {}).code == 2);
    CHECK(run("calver", {"next", "YY.0M", "--date", "2024-02-30"}).code == 2);
    CHECK(run("frobnicate", {}).code == 2);
}

TEST_CASE("every command: invalid input exits 1", "[cli][pipeline]") {
    const std::vector<Line> lines = {
        {"semver", {"valid", "1.2"}, ""},
        {"semver", {"compare", "1.2.3", "x"}, ""},
        {"semver", {"satisfies", "x", "*"}, ""},
        {"semver", {"max-satisfying", "~~"}, "1.0.0\n"},
        {"semver", {"sort"}, "nope\n"},
        {"semver", {"bump", "1.2", "minor"}, ""},
        {"calver", {"next", "YYY"}, ""},
        {"next-version", {"--current", "1.x"}, ""},
        {"plan", {"validate", missing}, ""},
        {"plan", {"validate", not_json}, ""},
        {"plan", {"fmt", not_json}, ""},
        {"import", {"changelog", missing}, ""},
        {"import", {"commits", "--release", "1.0.0", "--plan", missing}, ""},
        {"check", {not_json}, ""},
        {"ics", {missing}, ""},
        {"schedule", {missing, "--cadence", "biweekly:tue", "--from", "2026-04-01", "--count", "2"}, ""},
        {"windows", {sync_plan, "--release", "9.9.9"}, ""},
        {"notes", {sync_plan, "--release", "9.9.9"}, ""},
        {"notes", {not_json, "--release", "1.0.0"}, ""},
        {"changelog", {not_json}, ""},
        {"impact", {debug_plan, "--release", "9.9.9"}, ""},
        {"support", {missing}, ""},
        {"diff", {sync_plan, missing}, ""},
        {"merge", {sync_plan, missing, sync_plan}, ""},
    };
    for (const Line& line : lines) {
        INFO(line.name << " " << line.args[0]);
        const Run r = run(line.name, line.args, line.input);
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK_FALSE(r.err.empty());
    }
}

TEST_CASE("-q and --quiet: no output, the exit code is the answer", "[cli][pipeline]") {
    for (const Line& line : good_lines()) {
        INFO(line.name << " " << (line.args.empty() ? "" : line.args[0]));
        Args quiet = line.args;
        quiet.insert(quiet.begin(), "-q");
        const Run r = run(line.name, quiet, line.input);
        CHECK(r.code == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
    }
    const Run no = run("semver", {"satisfies", "2.0.0", "^1.0.0", "--quiet"});
    CHECK(no.code == 1);
    CHECK(no.out.empty());
    const Run bad = run("notes", {"-q", missing, "--release", "1.0.0"});
    CHECK(bad.code == 1);
    CHECK(bad.err.empty());
    // Usage errors still explain themselves.
    const Run usage = run("notes", {"-q", sync_plan, "--bogus"});
    CHECK(usage.code == 2);
    CHECK(usage.err.rfind("relplan: unknown option --bogus\n", 0) == 0);
    // After "--" a -q is an argument, not the option.
    CHECK(run("semver", {"valid", "--", "-q"}).code == 1);
}

TEST_CASE("--json: every answer parses and carries its fields", "[cli][pipeline]") {
    const auto parse = [](const Run& r) {
        INFO(r.err);
        CHECK(r.err.find("relplan: unknown") == std::string::npos);
        json j = json::parse(r.out, nullptr, false);
        CHECK_FALSE(j.is_discarded());
        return j;
    };
    CHECK(parse(run("semver", {"valid", "v1.2.3", "--json"})) == json{{"version", "1.2.3"}});
    CHECK(parse(run("semver", {"compare", "1.2.3", "1.2.4", "--json"})) == json{{"result", -1}});
    CHECK(parse(run("semver", {"diff", "1.2.3", "1.3.0", "--json"})) == json{{"diff", "minor"}});
    CHECK(parse(run("semver", {"diff", "1.2.3", "1.2.3", "--json"})) == json{{"diff", nullptr}});
    CHECK(parse(run("semver", {"sort", "--json"}, "1.10.0\n1.2.0\n")) == json{{"versions", {"1.2.0", "1.10.0"}}});
    CHECK(parse(run("semver", {"bump", "1.2.3", "minor", "--json"})) == json{{"version", "1.3.0"}});
    const Run no = run("semver", {"satisfies", "2.0.0", "^1.0.0", "--json"});
    CHECK(no.code == 1);
    CHECK(parse(no) == json{{"satisfies", false}});
    const Run none = run("semver", {"max-satisfying", "^3.0.0", "--json"}, "1.0.0\n");
    CHECK(none.code == 1);
    CHECK(parse(none) == json{{"version", nullptr}});
    CHECK(parse(run("calver", {"next", "YY.0M.MICRO", "--date", "2024-06-03", "--json"})) == json{{"version", "24.06.0"}});

    const std::string log = std::string("feat(ui): a\n") + '\0' + "fix: b\n" + '\0' + "docs: c\n" + '\0';
    const Run next = run("next-version", {"--current", "v1.4.2", "--json"}, log);
    CHECK(next.err.empty());
    const json n = parse(next);
    CHECK(n["current"] == "1.4.2");
    CHECK(n["version"] == "1.5.0");
    CHECK(n["bump"] == "minor");
    CHECK(n["commits"] == 3);
    CHECK(n["reasons_total"] == 1);
    CHECK(n["release_as"].is_null());
    REQUIRE(n["reasons"].size() == 1);
    CHECK(n["reasons"][0]["commit"] == 1);
    CHECK(n["reasons"][0]["summary"] == "feat(ui): a");
    CHECK(parse(run("next-version", {"--current", "1.4.2", "--json"}, std::string("docs: x\n") + '\0'))["version"].is_null());

    const json valid = parse(run("plan", {"validate", sync_plan, not_json, "--json"}));
    REQUIRE(valid["files"].size() == 2);
    CHECK(valid["files"][0]["file"] == sync_plan);
    CHECK(valid["files"][0]["valid"] == true);
    CHECK(valid["files"][0]["releases"] == 4);
    CHECK(valid["files"][0]["errors"].empty());
    CHECK(valid["files"][1]["valid"] == false);
    REQUIRE_FALSE(valid["files"][1]["errors"].empty());
    for (const char* key : {"pointer", "line", "column", "message"}) CHECK(valid["files"][1]["errors"][0].contains(key));

    const json notes = parse(run("notes", {sync_plan, "--release", "v2.0.0", "--audience", "customer", "--json"}));
    CHECK(notes["release"] == "r200");
    CHECK(notes["version"] == "2.0.0");
    CHECK(notes["audience"] == "customer");
    CHECK(notes["format"] == "md");
    CHECK(notes["title"] == "Acme Sync 2.0.0 \xE2\x80\x93 Phoenix (2026-03-02)");
    CHECK(notes["file_name"] == "acme-sync-2.0.0-release-notes-customer.md");
    CHECK(notes["media_type"] == "text/markdown; charset=utf-8");
    CHECK(notes["hidden_changes"] == 2);  // the internal CI fix and the technical performance change
    CHECK(notes["shown_changes"] == 8);
    CHECK(notes["text"].get<std::string>().rfind("# Acme Sync 2.0.0", 0) == 0);

    const json changelog = parse(run("changelog", {sync_plan, "--json"}));
    CHECK(changelog["file_name"] == "CHANGELOG.md");
    CHECK(changelog["text"].get<std::string>().rfind("# Changelog\n", 0) == 0);
    const json ics = parse(run("ics", {sync_plan, "--json", "--dtstamp", "2026-01-01T00:00:00Z"}));
    CHECK(ics["warnings"].is_array());
    CHECK(ics["text"].get<std::string>().rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    const json support = parse(run("support", {debug_plan, "--json", "--today", "2026-01-01"}));
    CHECK(support["lines"].is_array());
    CHECK(support["warnings"].is_array());
    const json windows = parse(run("windows", {sync_plan, "--release", "v2.0.1", "--today", "2026-03-01", "--json"}));
    CHECK(windows.is_object());
    const json diff = parse(run("diff", {sync_plan, sync_plan, "--json"}));
    CHECK(diff.is_object());
    const json impact = parse(run("impact", {debug_plan, "--release", "v4.3.7", "--json"}));
    CHECK(impact.is_array());
    // Commands whose output is JSON already take --json and print the same.
    CHECK(run("check", {sync_plan, "--json", "--today", "2026-01-01"}).out == run("check", {sync_plan, "--today", "2026-01-01"}).out);
    CHECK(run("plan", {"fmt", sync_plan, "--json"}).out == run("plan", {"fmt", sync_plan}).out);
    CHECK(run("merge", {sync_plan, sync_plan, sync_plan, "--json"}).out == run("merge", {sync_plan, sync_plan, sync_plan}).out);
}

TEST_CASE("versions in tag form name the release", "[cli][pipeline]") {
    const std::string plain = run("notes", {sync_plan, "--release", "2.0.0"}).out;
    CHECK_FALSE(plain.empty());
    CHECK(run("notes", {sync_plan, "--release", "v2.0.0"}).out == plain);
    CHECK(run("notes", {sync_plan, "--release", "=v2.0.0"}).out == plain);
    // node-semver's clean() keeps a capital V: so does relplan.
    const Run capital = run("notes", {sync_plan, "--release", "V2.0.0"});
    CHECK(capital.code == 1);
    CHECK(capital.err.find("no release with version or id 'V2.0.0'") != std::string::npos);
    CHECK(run("windows", {sync_plan, "--release", "v2.0.1", "--today", "2026-03-01"}).code == 0);
    // debug's release ids are tags: the id wins, the version in tag form finds the same release.
    CHECK(run("impact", {debug_plan, "--release", "v4.3.7"}).out == run("impact", {debug_plan, "--release", "4.3.7"}).out);
    CHECK(run("next-version", {"--current", "v1.4.2"}, std::string("fix: a\n") + '\0').out == "1.4.3\n");
    CHECK(run("calver", {"next", "YY.0M.MICRO", "--current", "v24.06.0", "--date", "2024-06-20"}).out == "24.06.1\n");

    const std::string log = std::string("fix: a\n") + '\0';
    const Run imported = run("import", {"commits", "--release", "v1.1.0", "--date", "2026-01-02"}, log);
    REQUIRE(imported.code == 0);
    const json plan = json::parse(imported.out);
    CHECK(plan["releases"][0]["version"] == "1.1.0");
    Scratch s;
    const std::string planned = s.write("planned.plan.json", R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Tags"},
  "releases": [{"id": "next", "version": "2.1.0", "type": "minor", "status": "planning"}]
})");
    const Run into = run("import", {"commits", "--release", "v2.1.0", "--plan", planned, "--date", "2026-01-02"}, log);
    REQUIRE(into.code == 0);
    const json merged = json::parse(into.out);
    REQUIRE(merged["releases"].size() == 1);  // added to 2.1.0, not a new release "v2.1.0"
    CHECK(merged["releases"][0]["changes"].size() == 1);
}

TEST_CASE("no colour and no escape sequences, on a TTY or not", "[cli][pipeline]") {
    Scratch s;
    const std::string plan = s.write("esc.plan.json", R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Esc \u001b[31mRed\u001b[0m"},
  "releases": [
    {"id": "r1", "version": "1.0.0", "type": "minor", "status": "planning", "release_date": "2026-03-10",
     "changes": [{"id": "c1", "category": "new-feature", "description": "Bell \u0007 and \u001b[1mbold\u001b[0m", "audience": "customer"}]}
  ]
})");
    const std::vector<Line> lines = {
        {"notes", {plan, "--release", "1.0.0"}, ""},
        {"notes", {plan, "--release", "1.0.0", "--format", "txt"}, ""},
        {"notes", {plan, "--release", "\x1b[31m"}, ""},
        {"changelog", {plan}, ""},
        {"check", {plan, "--today", "2026-01-01"}, ""},
        {"plan", {"validate", plan}, ""},
        {"diff", {sync_plan, plan}, ""},
        {"semver", {"valid", "\x1b[31m1.2.3"}, ""},
        {"notes", {plan, "--\x1b[31m"}, ""},
    };
    for (const Line& line : lines) {
        INFO(line.name << " " << line.args[0]);
        const Run r = run(line.name, line.args, line.input);
        CHECK_FALSE(has_escape(r.out));
        CHECK_FALSE(has_escape(r.err));
    }
}

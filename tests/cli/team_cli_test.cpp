#include "commands.hpp"
#include "cli_test_support.hpp"

#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace relplan;
using namespace relplan::cli::test;

namespace {

const std::string acme_path = std::string(RELPLAN_ASSETS_DIR) + "/examples/acme.plan.json";

Plan acme() { return *load_plan(read(acme_path)).plan; }

std::string scratch() { return relplan::cli::test::scratch("team-cli"); }

// Writes the plan canonically to dir/name and returns the path.
std::string put(const std::string& dir, const std::string& name, const Plan& p) {
    const std::string path = dir + "/" + name;
    write(path, to_json(p));
    return path;
}

}  // namespace

TEST_CASE("diff CLI: equal plans exit 0 with no output, different ones exit 1 and say what moved", "[cli][team]") {
    const std::string dir = scratch();
    Plan before = acme(), after = before;
    after.releases[0].release_date = Date{std::chrono::sys_days(*after.releases[0].release_date) + std::chrono::days(7)};
    Release hotfix;
    hotfix.id = "web-3.8.1";
    hotfix.version = "3.8.1";
    after.releases.push_back(hotfix);
    const std::string a = put(dir, "a.plan.json", before), b = put(dir, "b.plan.json", after);

    const Run same = run(relplan::cli::cmd_diff, {a, a});
    CHECK(same.code == 0);
    CHECK(same.out.empty());

    const Run text = run(relplan::cli::cmd_diff, {a, b});
    CHECK(text.code == 1);
    CHECK(text.out.find("release 3.8.0 (web-3.8.0): changed") != std::string::npos);
    CHECK(text.out.find("/release_date: \"2026-10-13\" -> \"2026-10-20\" (+7 days, +5 business days)") != std::string::npos);
    CHECK(text.out.find("release 3.8.1 (web-3.8.1): added") != std::string::npos);

    const Run json = run(relplan::cli::cmd_diff, {a, b, "--json"});
    CHECK(json.code == 1);
    const auto j = nlohmann::json::parse(json.out, nullptr, false);
    REQUIRE(j.is_object());
    REQUIRE(j["releases"].size() == 2);
    CHECK(j["releases"][0]["fields"][0]["pointer"] == "/release_date");
    CHECK(j["releases"][0]["fields"][0]["days"] == 7);
    CHECK(j["releases"][1]["kind"] == "added");
    CHECK(j["conflicts"]["appeared"].is_array());
}

TEST_CASE("diff CLI: unreadable input exits 1, bad usage 2", "[cli][team]") {
    const std::string dir = scratch();
    write(dir + "/broken.plan.json", "{\"releases\": [");
    const std::string a = put(dir, "a.plan.json", acme());
    CHECK(run(relplan::cli::cmd_diff, {a, dir + "/missing.plan.json"}).code == 1);
    const Run broken = run(relplan::cli::cmd_diff, {a, dir + "/broken.plan.json"});
    CHECK(broken.code == 1);
    CHECK(broken.err.find("could not be read as a plan") != std::string::npos);
    CHECK(run(relplan::cli::cmd_diff, {a}).code == 2);
    CHECK(run(relplan::cli::cmd_diff, {a, a, "--bogus"}).code == 2);
}

TEST_CASE("diff CLI: git's seven-argument external diff form names the path and exits 0", "[cli][team]") {
    const std::string dir = scratch();
    Plan before = acme(), after = before;
    after.releases[1].name = "Renamed";
    const std::string a = put(dir, "old", before), b = put(dir, "new", after);
    const Run r = run(relplan::cli::cmd_diff, {"docs/x.plan.json", a, "abc123", "100644", b, "def456", "100644"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("relplan diff a/docs/x.plan.json b/docs/x.plan.json\n", 0) == 0);
    CHECK(r.out.find("/name: ") != std::string::npos);
    CHECK(r.out.find("\"Renamed\"") != std::string::npos);
    // A file added in the commit: git passes /dev/null for the old side.
    const Run added = run(relplan::cli::cmd_diff, {"x.plan.json", "/dev/null", ".", ".", b, "def456", "100644"});
    CHECK(added.code == 0);
    CHECK(added.out.find("): added") != std::string::npos);
}

TEST_CASE("merge CLI: clean merge exits 0 and writes -o; a same-field edit exits 1 with the conflict", "[cli][team]") {
    const std::string dir = scratch();
    const Plan base = acme();
    Plan ours = base, theirs = base;
    ours.releases[0].name = "Ours";
    theirs.releases[1].summary = "Theirs";
    const std::string b = put(dir, "base", base), o = put(dir, "ours", ours), t = put(dir, "theirs", theirs);

    const Run clean = run(relplan::cli::cmd_merge, {b, o, t, "-o", o});
    CHECK(clean.code == 0);
    CHECK(clean.out.empty());
    const auto merged = load_plan(read(o));
    REQUIRE(merged.plan);
    CHECK(merged.plan->releases[0].name == "Ours");
    CHECK(merged.plan->releases[1].summary == "Theirs");
    CHECK(merged.errors.empty());

    Plan other = base;
    other.releases[0].name = "Other";
    const std::string t2 = put(dir, "theirs2", other);
    const Run conflict = run(relplan::cli::cmd_merge, {b, o, t2});
    CHECK(conflict.code == 1);
    CHECK(conflict.err.find("conflict at /releases/0/name") != std::string::npos);
    const auto text = load_plan(conflict.out);
    REQUIRE(text.plan);
    REQUIRE(text.plan->conflicts.size() == 1);
    CHECK(text.plan->conflicts[0].theirs == std::optional<std::string>("\"Other\""));
    CHECK(text.plan->releases[0].name == "Ours");

    CHECK(run(relplan::cli::cmd_merge, {b, o}).code == 2);
    CHECK(run(relplan::cli::cmd_merge, {b, o, t, "-o"}).code == 2);
    CHECK(run(relplan::cli::cmd_merge, {b, o, dir + "/missing"}).code == 1);
}

TEST_CASE("merge CLI: identical edits on both sides give exactly either side's bytes", "[cli][team]") {
    const std::string dir = scratch();
    const Plan base = acme();
    Plan edited = base;
    edited.releases[2].theme = "same on both sides";
    edited.releases[2].changes.push_back(relplan::test::change("chg-both", "Fixed on both branches"));
    const std::string b = put(dir, "base", base), o = put(dir, "ours", edited), t = put(dir, "theirs", edited);
    const std::string side = read(o);
    const Run r = run(relplan::cli::cmd_merge, {b, o, t, "-o", o});
    CHECK(r.code == 0);
    CHECK(read(o) == side);
    CHECK(read(o) == read(t));
}

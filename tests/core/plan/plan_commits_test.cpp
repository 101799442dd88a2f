#include "plan/commit_import.hpp"
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace relplan;
using namespace std::string_literals;
using relplan::test::nul_log;

namespace {

std::vector<std::string> notes_of(const std::vector<Diagnostic>& notes) {
    std::vector<std::string> out;
    for (const Diagnostic& d : notes) out.push_back(d.message);
    return out;
}

Plan base_plan() {
    Plan plan = test::plan_named("Widget");
    Release r = test::release("w-2.4.0", "2.4.0");
    r.status = ReleaseStatus::approved;
    Change c = test::change("w-2.4.0:1", "handle empty input", ChangeCategory::bug_fix);
    c.scope = "parser";
    r.changes.push_back(c);
    Release old = test::release("w-2.3.0", "2.3.0");
    old.status = ReleaseStatus::released;
    plan.releases = {old, r};
    return plan;
}

}  // namespace

TEST_CASE("commit types map onto change categories") {
    const CommitChanges parsed = changes_from_commits(nul_log({
        "feat(api): add webhooks (#42)",
        "fix: crash on empty config\n\nThe loader assumed a file.\n\nCloses #17",
        "perf(db): batch inserts",
        "feat!: drop Node 16",
        "refactor(core): split parser\n\nBREAKING CHANGE: parse() now returns a Result\nwith an error list",
        "docs: explain config",
        "security: escape HTML in notes\n\nRefs: CVE-2026-1234",
        "deprecate(cli): --old flag",
        "revert: feat(api): add webhooks",
        "Update README",
        "Merge pull request #9 from acme/topic",
        "fixup! fix: crash on empty config",
        "wip(x): something",
        "",
        "  \n",
    }));
    REQUIRE(parsed.changes.size() == 11);
    const auto& c = parsed.changes;
    CHECK(c[0].category == ChangeCategory::new_feature);
    CHECK(c[0].scope == "api");
    CHECK(c[0].description == "add webhooks");
    CHECK(c[0].ref_id == "#42");
    CHECK(c[1].category == ChangeCategory::bug_fix);
    CHECK(c[1].ref_id == "#17");
    CHECK(c[2].category == ChangeCategory::performance);
    CHECK(c[3].category == ChangeCategory::breaking_change);
    CHECK(c[3].description == "drop Node 16");
    CHECK(c[4].category == ChangeCategory::breaking_change);
    CHECK(c[4].impact == "parse() now returns a Result\nwith an error list");
    CHECK(c[5].category == ChangeCategory::improvement);
    CHECK(c[5].audience == Audience::internal);
    CHECK(c[6].category == ChangeCategory::security);
    CHECK(c[6].ref_id == "CVE-2026-1234");
    CHECK(c[7].category == ChangeCategory::deprecation);
    CHECK(c[8].category == ChangeCategory::improvement);
    CHECK(c[9].description == "Update README");
    CHECK(c[10].description == "something");
    CHECK(notes_of(parsed.notes) ==
          std::vector<std::string>{
              "commit 10: not a Conventional Commit; imported as an improvement: Update README",
              "commit 11: merge commit skipped: Merge pull request #9 from acme/topic",
              "commit 12: fixup commit skipped: fixup! fix: crash on empty config",
              "commit 13: unknown commit type \"wip\"; imported as an improvement",
          });
}

TEST_CASE("commits go into an existing planned release without duplicates") {
    const Plan base = base_plan();
    const auto imported = import_commits(base, "2.4.0", nul_log({"fix(parser): handle empty input", "feat: dark mode"}));
    REQUIRE(imported);
    const Release& r = imported->plan.releases[1];
    REQUIRE(r.changes.size() == 2);
    CHECK(r.changes[1].id == "w-2.4.0:2");
    CHECK(r.changes[1].description == "dark mode");
    CHECK(notes_of(imported->notes) == std::vector<std::string>{"1 change(s) already in the release were not added again"});
    CHECK(base == base_plan());  // the input plan is untouched
    CHECK(validate_plan(imported->plan).empty());

    const auto by_id = import_commits(base, "w-2.4.0", nul_log({"feat: x"}));
    REQUIRE(by_id);
    CHECK(by_id->plan.releases[1].changes.size() == 2);
}

TEST_CASE("a new planning release is added when the plan has none with that version") {
    const auto imported = import_commits(Plan{}, "3.0.0", nul_log({"feat: a", "fix!: b"}));
    REQUIRE(imported);
    REQUIRE(imported->plan.releases.size() == 1);
    const Release& r = imported->plan.releases[0];
    CHECK(r.id == "3.0.0");
    CHECK(r.status == ReleaseStatus::planning);
    CHECK(r.type == ReleaseType::major);
    CHECK(r.changes[0].id == "3.0.0:1");
    CHECK(notes_of(imported->notes) == std::vector<std::string>{"added a planning release 3.0.0"});
    CHECK(import_commits(Plan{}, "3.1.0", nul_log({"feat: a"}))->plan.releases[0].type == ReleaseType::minor);
    CHECK(import_commits(Plan{}, "3.1.1", nul_log({"fix: a"}))->plan.releases[0].type == ReleaseType::patch);
}

TEST_CASE("commit import errors") {
    CHECK(import_commits(Plan{}, "next", "feat: a").error().message ==
          "\"next\" is neither a release of the plan nor a valid semantic version");
    CHECK(import_commits(base_plan(), "2.3.0", "feat: a").error().message ==
          "release 2.3.0 is released; commits can only be added to a release that is still planned");
    const std::string bad = "fix: caf\xE9";
    const CommitChanges parsed = changes_from_commits(bad);
    REQUIRE(parsed.changes.size() == 1);
    CHECK(parsed.changes[0].description == "caf\xEF\xBF\xBD");
    CHECK(notes_of(parsed.notes) == std::vector<std::string>{"commit 1: invalid UTF-8 replaced by U+FFFD"});
}

TEST_CASE("property: any bytes as a commit log give changes that save and load") {
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::string log;
        const std::size_t n = rng() % 400;
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned pick = rng() % 10;
            log += pick == 0 ? '\0' : pick == 1 ? '\n' : pick == 2 ? ':' : static_cast<char>(rng() % 256);
        }
        const auto imported = import_commits(Plan{}, "1.0.0", log);
        REQUIRE(imported);
        const PlanLoad loaded = load_plan(to_json(imported->plan));
        REQUIRE(loaded.plan);
        CHECK(*loaded.plan == imported->plan);
    }
}

TEST_CASE("the streaming import writes what import_commits returns, without holding the changes") {
    Plan base = base_plan();
    base.releases[1].status = ReleaseStatus::planning;
    const std::string log = nul_log({"fix(parser): handle empty input", "feat: dark mode", "Update README",
                                    "refactor!: drop v1 API\n\nBREAKING CHANGE: v1 is gone", "docs: x"});
    for (const std::string_view release : {std::string_view("2.4.0"), std::string_view("9.0.0")}) {
        auto expected = import_commits(base, release, log);
        REQUIRE(expected);
        const std::size_t target = release == "2.4.0" ? 1 : 2;
        for (std::size_t i = release == "2.4.0" ? 1 : 0; i < expected->plan.releases[target].changes.size(); ++i) {
            expected->plan.releases[target].changes[i].added_on = Date{std::chrono::year(2026) / 3 / 1};
        }
        CommitImportOptions options;
        options.added_on = Date{std::chrono::year(2026) / 3 / 1};
        const auto streamed = import_commits_json(base, release, log, options);
        REQUIRE(streamed);
        std::string json;
        for (const std::string& piece : streamed->json) json += piece;
        CHECK(json == to_json(expected->plan));
        CHECK(notes_of(streamed->notes) == notes_of(expected->notes));
    }
    CHECK(import_commits_json(base_plan(), "2.3.0", log).error().message ==
          "release 2.3.0 is released; commits can only be added to a release that is still planned");
}

TEST_CASE("a commit log whose plan would pass the plan limit is refused, not half written") {
    std::string log;
    for (int i = 0; i < 2000; ++i) log += "fix: a\0"s;
    CommitImportOptions options;
    options.max_output = 64 << 10;
    const auto streamed = import_commits_json(Plan{}, "1.0.0", log, options);
    REQUIRE(!streamed);
    CHECK(streamed.error().message.find("import a shorter range of commits") != std::string::npos);
    options.max_output = max_plan_bytes;
    CHECK(import_commits_json(Plan{}, "1.0.0", log, options));
}

TEST_CASE("notes stop at the first hundred and count the rest") {
    std::string log;
    for (int i = 0; i < 250; ++i) log += "Update README\0"s;
    const auto imported = import_commits(Plan{}, "1.0.0", log);
    REQUIRE(imported);
    CHECK(imported->plan.releases[0].changes.size() == 250);
    const auto notes = notes_of(imported->notes);
    REQUIRE(notes.size() == max_commit_notes + 2);
    CHECK(notes[0] == "commit 1: not a Conventional Commit; imported as an improvement: Update README");
    CHECK(notes[max_commit_notes] == "... and 150 more commit notes");
    CHECK(notes.back() == "added a planning release 1.0.0");
}

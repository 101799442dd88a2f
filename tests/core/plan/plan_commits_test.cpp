#include "plan/commit_import.hpp"
#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace relplan;

namespace {

std::string log_of(std::initializer_list<std::string_view> messages) {
    std::string log;
    for (const std::string_view m : messages) {
        log += m;
        log += '\0';
    }
    return log;
}

std::vector<std::string> notes_of(const std::vector<Diagnostic>& notes) {
    std::vector<std::string> out;
    for (const Diagnostic& d : notes) out.push_back(d.message);
    return out;
}

Plan base_plan() {
    Plan plan;
    plan.project.name = "Widget";
    Release r;
    r.id = "w-2.4.0";
    r.version = "2.4.0";
    r.status = ReleaseStatus::approved;
    Change c;
    c.id = "w-2.4.0:1";
    c.category = ChangeCategory::bug_fix;
    c.scope = "parser";
    c.description = "handle empty input";
    r.changes.push_back(c);
    Release old;
    old.id = "w-2.3.0";
    old.version = "2.3.0";
    old.status = ReleaseStatus::released;
    plan.releases = {old, r};
    return plan;
}

}  // namespace

TEST_CASE("commit types map onto change categories") {
    const CommitChanges parsed = changes_from_commits(log_of({
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
    const auto imported = import_commits(base, "2.4.0", log_of({"fix(parser): handle empty input", "feat: dark mode"}));
    REQUIRE(imported);
    const Release& r = imported->plan.releases[1];
    REQUIRE(r.changes.size() == 2);
    CHECK(r.changes[1].id == "w-2.4.0:2");
    CHECK(r.changes[1].description == "dark mode");
    CHECK(notes_of(imported->notes) == std::vector<std::string>{"1 change(s) already in the release were not added again"});
    CHECK(base == base_plan());  // the input plan is untouched
    CHECK(validate_plan(imported->plan).empty());

    const auto by_id = import_commits(base, "w-2.4.0", log_of({"feat: x"}));
    REQUIRE(by_id);
    CHECK(by_id->plan.releases[1].changes.size() == 2);
}

TEST_CASE("a new planning release is added when the plan has none with that version") {
    const auto imported = import_commits(Plan{}, "3.0.0", log_of({"feat: a", "fix!: b"}));
    REQUIRE(imported);
    REQUIRE(imported->plan.releases.size() == 1);
    const Release& r = imported->plan.releases[0];
    CHECK(r.id == "3.0.0");
    CHECK(r.status == ReleaseStatus::planning);
    CHECK(r.type == ReleaseType::major);
    CHECK(r.changes[0].id == "3.0.0:1");
    CHECK(notes_of(imported->notes) == std::vector<std::string>{"added a planning release 3.0.0"});
    CHECK(import_commits(Plan{}, "3.1.0", log_of({"feat: a"}))->plan.releases[0].type == ReleaseType::minor);
    CHECK(import_commits(Plan{}, "3.1.1", log_of({"fix: a"}))->plan.releases[0].type == ReleaseType::patch);
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

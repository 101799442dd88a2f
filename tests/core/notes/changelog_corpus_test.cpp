// The real changelogs in tests/data/changelogs (SOURCES.md): each imports without leftover markup in
// its descriptions, in the dialect it was written in, and survives import -> relplan changelog ->
// import unchanged.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>

using namespace relplan;

namespace {

// A real changelog under tests/data/changelogs/.
std::string corpus(const std::string& name) { return test::data("changelogs/" + name); }

// A real changelog imported; it must import.
ChangelogImport import_corpus(const std::string& name) {
    auto imported = import_changelog(corpus(name));
    REQUIRE(imported);
    return *imported;
}

struct CorpusFile {
    const char* name;
    ChangelogDialect dialect;
    std::size_t releases;
};

const CorpusFile files[] = {
    {"keep-a-changelog.md", ChangelogDialect::keep_a_changelog, 4},
    {"commander.md", ChangelogDialect::keep_a_changelog, 4},
    {"dotenv.md", ChangelogDialect::conventional_changelog, 6},
    {"standard-version.md", ChangelogDialect::conventional_changelog, 4},
    {"commitlint.md", ChangelogDialect::conventional_changelog, 5},
    {"release-please.md", ChangelogDialect::release_please, 3},
    {"git-cliff.md", ChangelogDialect::git_cliff, 4},
    {"git-cliff-2021.md", ChangelogDialect::git_cliff, 5},
    {"marzban-sdk.md", ChangelogDialect::git_cliff, 3},
    {"global-laravel-remote.md", ChangelogDialect::github_release_notes, 4},
    {"laravel-newsletter.md", ChangelogDialect::github_release_notes, 8},
    {"laravel-permission.md", ChangelogDialect::keep_a_changelog, 8},
};

bool hex_word(std::string_view w) {
    if (w.size() < 7 || w.size() > 40) return false;
    bool digit = false, letter = false;
    for (const char c : w) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
            letter = true;
        } else {
            return false;
        }
    }
    return digit && letter;
}

// The markup the importer must have turned into fields; empty when there is none.
std::string leftover(const std::string& d) {
    for (const char* marker : {"*(", "**", "(["}) {
        if (d.find(marker) != std::string::npos) return marker;
    }
    if (d.size() >= 2 && d.compare(d.size() - 2, 2, " -") == 0) return "trailing ' -'";
    std::string word;
    for (const char c : d + " ") {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum) {
            word += c;
            continue;
        }
        if (hex_word(word)) return "bare hash " + word;
        word.clear();
    }
    for (std::size_t at = d.find('@'); at != std::string::npos; at = d.find('@', at + 1)) {
        const std::size_t in = d.find(" in http", at);
        if (in != std::string::npos && d.find(' ', at) == in) return "@user in http";
    }
    return {};
}

const Change* find_change(const Plan& plan, const std::string& version, const std::string& start) {
    for (const Release& r : plan.releases) {
        if (r.version != version) continue;
        for (const Change& c : r.changes) {
            if (c.description.rfind(start, 0) == 0) return &c;
        }
    }
    return nullptr;
}

// What the importer should have read into a change; a field left out is not checked. (The `{}` keep
// GCC's -Wmissing-field-initializers quiet about designated initializers that leave fields out.)
struct ChangeFields {
    std::optional<std::string> description{}, scope{}, author{}, commit{}, ref_id{}, link{};
    std::optional<ChangeCategory> category{};
    std::optional<Audience> audience{};
};

// The change of release `version` whose description starts with `start` holds the fields in `want`.
void check_change(const Plan& plan, const std::string& version, const std::string& start, const ChangeFields& want) {
    const Change* c = find_change(plan, version, start);
    REQUIRE(c != nullptr);
    if (want.description) CHECK(c->description == *want.description);
    if (want.scope) CHECK(c->scope == *want.scope);
    if (want.author) CHECK(c->author == *want.author);
    if (want.commit) CHECK(c->commit == *want.commit);
    if (want.ref_id) CHECK(c->ref_id == *want.ref_id);
    if (want.link) CHECK(c->link == *want.link);
    if (want.category) CHECK(c->category == *want.category);
    if (want.audience) CHECK(c->audience == *want.audience);
}

}  // namespace

TEST_CASE("changelog corpus: every file imports in its dialect with no markup left in descriptions") {
    for (const CorpusFile& f : files) {
        INFO(f.name);
        const ChangelogImport imported = import_corpus(f.name);
        CHECK(imported.dialect == f.dialect);
        CHECK(imported.plan.releases.size() == f.releases);
        std::size_t changes = 0;
        for (const Release& r : imported.plan.releases) {
            for (const Change& c : r.changes) {
                INFO(r.version << ": " << c.description);
                CHECK(leftover(c.description).empty());
                CHECK_FALSE(c.description.empty());
                ++changes;
            }
        }
        CHECK(changes > 0);
    }
}

TEST_CASE("changelog corpus: import -> relplan changelog -> import gives the same plan") {
    for (const CorpusFile& f : files) {
        INFO(f.name);
        const ChangelogImport first = import_corpus(f.name);
        const std::string exported = changelog_document(first.plan, {});
        const auto second = import_changelog(exported);
        REQUIRE(second);
        CHECK(to_json(second->plan) == to_json(first.plan));
        CHECK(second->plan == first.plan);
        CHECK(changelog_document(second->plan, {}) == exported);
    }
}

namespace {

// What write_changelog_import streams must be what import_changelog builds: the same bytes, notes,
// drops and validation findings.
void check_streamed_like_whole(const std::string& text) {
    const auto whole = import_changelog(text);
    REQUIRE(whole);
    std::string streamed;
    const auto written = write_changelog_import(text, [&](std::string_view piece) { streamed += piece; });
    REQUIRE(written);
    CHECK(streamed == to_json(whole->plan));
    CHECK(written->bytes == streamed.size());
    CHECK(written->imported.plan.releases.empty());
    CHECK(written->imported.notes == whole->notes);
    CHECK(written->warnings == validate_plan(whole->plan));
    REQUIRE(written->imported.dropped.size() == whole->dropped.size());
    for (std::size_t i = 0; i < whole->dropped.size(); ++i) {
        CHECK(written->imported.dropped[i].line == whole->dropped[i].line);
        CHECK(written->imported.dropped[i].what == whole->dropped[i].what);
    }
    CHECK(explain_changelog_import(written->imported) == explain_changelog_import(*whole));
}

}  // namespace

TEST_CASE("changelog corpus: the streamed import writes what the whole import builds") {
    for (const CorpusFile& f : files) {
        INFO(f.name);
        check_streamed_like_whole(corpus(f.name));
    }
    // Findings about single releases are reported with their place in the whole plan.
    const std::string findings = "# Changelog\n\n## [Unreleased]\n- Next\n\n## [2.0] - 2024-02-01\n- Two\n\n"
                                 "## [1.0.0] - 2024-01-01\n- One\n\n## [0.9] - 2023-12-01\n- Old\n";
    check_streamed_like_whole(findings);
    const auto written = write_changelog_import(findings, [](std::string_view) {});
    REQUIRE(written);
    REQUIRE(written->warnings.size() == 2);
    CHECK(written->warnings[0].pointer == "/releases/0/version");
    CHECK(written->warnings[1].pointer == "/releases/2/version");
}

TEST_CASE("changelog import refuses a plan over the plan limit before writing anything") {
    const std::string text = corpus("laravel-permission.md");
    const auto whole = import_changelog(text);
    REQUIRE(whole);
    const std::uint64_t size = to_json(whole->plan).size();
    std::size_t pieces = 0;
    const auto refused = write_changelog_import(text, [&](std::string_view) { ++pieces; }, size - 1);
    REQUIRE_FALSE(refused);
    CHECK(pieces == 0);
    CHECK(refused.error().message.find("over the") != std::string::npos);
    CHECK(write_changelog_import(text, [&](std::string_view) { ++pieces; }, size));
    CHECK(pieces > 0);
}

TEST_CASE("git-cliff: scopes, breaking markers, several references, full commit hashes, emoji sections") {
    const ChangelogImport cliff = import_corpus("git-cliff.md");
    const Plan& plan = cliff.plan;
    CHECK(plan.project.repository == "https://github.com/orhun/git-cliff");
    check_change(plan, "2.13.1", "Prepare embedded assets",
                 {.description = "Prepare embedded assets before PyPI and crates.io packaging", .scope = "cd",
                  .commit = "b99a23250fe159c39a17d223359268611e8547e7", .ref_id = "",
                  .category = ChangeCategory::bug_fix});
    check_change(plan, "2.10.0", "Use empty header",
                 {.scope = "config", .ref_id = "#1161, #1172", .link = "https://github.com/orhun/git-cliff/issues/1161",
                  .category = ChangeCategory::breaking_change});

    const auto category_of = [&](const std::string& start) {
        const Change* c = find_change(plan, "2.13.0", start);
        REQUIRE(c != nullptr);
        return std::make_pair(c->category, c->audience);
    };
    CHECK(category_of("Replace dirs_next") == std::make_pair(ChangeCategory::improvement, Audience::internal));  // Refactor
    CHECK(category_of("Add test fixture") == std::make_pair(ChangeCategory::improvement, Audience::internal));   // Testing
    CHECK(category_of("Add github token") == std::make_pair(ChangeCategory::improvement, Audience::internal));   // Misc
    CHECK(category_of("Optimize tsup") == std::make_pair(ChangeCategory::improvement, Audience::internal));      // Build
    CHECK(category_of("Add caching") == std::make_pair(ChangeCategory::performance, Audience::customer));
    CHECK(category_of("Use `reqwest") == std::make_pair(ChangeCategory::improvement, Audience::technical));       // Revert
    CHECK(category_of("Add highlights") == std::make_pair(ChangeCategory::improvement, Audience::technical));     // Docs
    // "New Contributors" lists people: nothing from it is a change.
    CHECK(find_change(plan, "2.13.0", "@truffle-dev") == nullptr);
    bool dropped = false;
    for (const ChangelogDrop& d : cliff.dropped) dropped = dropped || d.why.find("a list of people") != std::string::npos;
    CHECK(dropped);
}

TEST_CASE("GitHub release notes: authors and pull requests are fields, Full Changelog is the release link") {
    const Plan plan = import_corpus("global-laravel-remote.md").plan;
    CHECK(plan.project.name == "global-laravel-remote");
    check_change(plan, "0.0.4", "bump stefanzweifel",
                 {.description = "bump stefanzweifel/git-auto-commit-action from 4 to 5", .scope = "deps",
                  .author = "Nielsvanpach", .ref_id = "#14",
                  .link = "https://github.com/spatie/global-laravel-remote/pull/14",
                  .category = ChangeCategory::improvement, .audience = Audience::internal});  // chore(deps)
    REQUIRE(plan.releases.size() == 4);
    CHECK(plan.releases[0].link == "https://github.com/spatie/global-laravel-remote/commits/0.0.1");
    CHECK(plan.releases[3].link == "https://github.com/spatie/global-laravel-remote/compare/0.0.3...0.0.4");
    CHECK(plan.releases[3].changes.size() == 3);  // not the two "made their first contribution" lines
    CHECK(plan.releases[1].changes.empty());
}

TEST_CASE("conventional-changelog and release-please: closes lists, duplicate notes, hand-written prefixes") {
    const Plan commitlint = import_corpus("commitlint.md").plan;
    check_change(commitlint, "16.2.1", "satisfy @types/node",
                 {.scope = "load", .commit = "338180c7174625cddd7a0ea2b9d2786fee375756", .ref_id = "#3008, #3007"});
    CHECK(commitlint.releases.back().summary == "**Note:** Version bump only for package @commitlint/root");

    const Plan newsletter = import_corpus("laravel-newsletter.md").plan;
    check_change(newsletter, "4.0.0", "Dropped support", {.category = ChangeCategory::breaking_change});
    check_change(newsletter, "5.1.0", "Laravel 10.x", {.author = "laravel-shift"});

    const Plan commander = import_corpus("commander.md").plan;
    check_change(commander, "5.1.0", "support for multiple command aliases",
                 {.ref_id = "#531, #1236", .link = "https://github.com/tj/commander.js/issues/531"});
}

TEST_CASE("dialect detection names the most specific dialect and the others it saw") {
    const ChangelogImport mixed = import_corpus("dotenv.md");
    CHECK(mixed.dialect == ChangelogDialect::conventional_changelog);
    CHECK(mixed.also_seen == std::vector<ChangelogDialect>{ChangelogDialect::keep_a_changelog});
    const auto plain = import_changelog("## 1.0.0\n\n- first\n");
    REQUIRE(plain);
    CHECK(plain->dialect == ChangelogDialect::hand_written);
    CHECK(plain->also_seen.empty());
}

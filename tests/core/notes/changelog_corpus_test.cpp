// The real changelogs in tests/data/changelogs (SOURCES.md): each imports without leftover markup in
// its descriptions, in the dialect it was written in, and survives import -> relplan changelog ->
// import unchanged.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace relplan;

namespace {

// A real changelog under tests/data/changelogs/.
std::string corpus(const std::string& name) { return test::data("changelogs/" + name); }

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

}  // namespace

TEST_CASE("changelog corpus: every file imports in its dialect with no markup left in descriptions") {
    for (const CorpusFile& f : files) {
        INFO(f.name);
        const auto imported = import_changelog(corpus(f.name));
        REQUIRE(imported);
        CHECK(imported->dialect == f.dialect);
        CHECK(imported->plan.releases.size() == f.releases);
        std::size_t changes = 0;
        for (const Release& r : imported->plan.releases) {
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
        const auto first = import_changelog(corpus(f.name));
        REQUIRE(first);
        const std::string exported = changelog_document(first->plan, {});
        const auto second = import_changelog(exported);
        REQUIRE(second);
        CHECK(to_json(second->plan) == to_json(first->plan));
        CHECK(second->plan == first->plan);
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
    const auto imported = import_changelog(corpus("git-cliff.md"));
    REQUIRE(imported);
    const Plan& plan = imported->plan;
    CHECK(plan.project.repository == "https://github.com/orhun/git-cliff");
    const Change* fix = find_change(plan, "2.13.1", "Prepare embedded assets");
    REQUIRE(fix != nullptr);
    CHECK(fix->description == "Prepare embedded assets before PyPI and crates.io packaging");
    CHECK(fix->scope == "cd");
    CHECK(fix->commit == "b99a23250fe159c39a17d223359268611e8547e7");
    CHECK(fix->ref_id.empty());
    CHECK(fix->category == ChangeCategory::bug_fix);

    const Change* breaking = find_change(plan, "2.10.0", "Use empty header");
    REQUIRE(breaking != nullptr);
    CHECK(breaking->category == ChangeCategory::breaking_change);
    CHECK(breaking->scope == "config");
    CHECK(breaking->ref_id == "#1161, #1172");
    CHECK(breaking->link == "https://github.com/orhun/git-cliff/issues/1161");

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
    for (const ChangelogDrop& d : imported->dropped) dropped = dropped || d.why.find("a list of people") != std::string::npos;
    CHECK(dropped);
}

TEST_CASE("GitHub release notes: authors and pull requests are fields, Full Changelog is the release link") {
    const auto imported = import_changelog(corpus("global-laravel-remote.md"));
    REQUIRE(imported);
    const Plan& plan = imported->plan;
    CHECK(plan.project.name == "global-laravel-remote");
    const Change* bump = find_change(plan, "0.0.4", "bump stefanzweifel");
    REQUIRE(bump != nullptr);
    CHECK(bump->description == "bump stefanzweifel/git-auto-commit-action from 4 to 5");
    CHECK(bump->scope == "deps");
    CHECK(bump->author == "Nielsvanpach");
    CHECK(bump->ref_id == "#14");
    CHECK(bump->link == "https://github.com/spatie/global-laravel-remote/pull/14");
    CHECK(bump->category == ChangeCategory::improvement);
    CHECK(bump->audience == Audience::internal);  // chore(deps)
    REQUIRE(plan.releases.size() == 4);
    CHECK(plan.releases[0].link == "https://github.com/spatie/global-laravel-remote/commits/0.0.1");
    CHECK(plan.releases[3].link == "https://github.com/spatie/global-laravel-remote/compare/0.0.3...0.0.4");
    CHECK(plan.releases[3].changes.size() == 3);  // not the two "made their first contribution" lines
    CHECK(plan.releases[1].changes.empty());
}

TEST_CASE("conventional-changelog and release-please: closes lists, duplicate notes, hand-written prefixes") {
    const auto commitlint = import_changelog(corpus("commitlint.md"));
    REQUIRE(commitlint);
    const Change* load = find_change(commitlint->plan, "16.2.1", "satisfy @types/node");
    REQUIRE(load != nullptr);
    CHECK(load->scope == "load");
    CHECK(load->ref_id == "#3008, #3007");
    CHECK(load->commit == "338180c7174625cddd7a0ea2b9d2786fee375756");
    CHECK(commitlint->plan.releases.back().summary == "**Note:** Version bump only for package @commitlint/root");

    const auto newsletter = import_changelog(corpus("laravel-newsletter.md"));
    REQUIRE(newsletter);
    const Change* removed = find_change(newsletter->plan, "4.0.0", "Dropped support");
    REQUIRE(removed != nullptr);
    CHECK(removed->category == ChangeCategory::breaking_change);
    const Change* author = find_change(newsletter->plan, "5.1.0", "Laravel 10.x");
    REQUIRE(author != nullptr);
    CHECK(author->author == "laravel-shift");

    const auto commander = import_changelog(corpus("commander.md"));
    REQUIRE(commander);
    const Change* aliases = find_change(commander->plan, "5.1.0", "support for multiple command aliases");
    REQUIRE(aliases != nullptr);
    CHECK(aliases->ref_id == "#531, #1236");
    CHECK(aliases->link == "https://github.com/tj/commander.js/issues/531");
}

TEST_CASE("dialect detection names the most specific dialect and the others it saw") {
    const auto mixed = import_changelog(corpus("dotenv.md"));
    REQUIRE(mixed);
    CHECK(mixed->dialect == ChangelogDialect::conventional_changelog);
    CHECK(mixed->also_seen == std::vector<ChangelogDialect>{ChangelogDialect::keep_a_changelog});
    const auto plain = import_changelog("## 1.0.0\n\n- first\n");
    REQUIRE(plain);
    CHECK(plain->dialect == ChangelogDialect::hand_written);
    CHECK(plain->also_seen.empty());
}

// Real published changelogs (tests/data/changelogs, sources in SOURCES.md): each imports in its
// dialect with no markup left in any description, and import -> changelog -> import gives the same plan.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/plan_json.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace relplan;

namespace {

struct CorpusFile {
    const char* name;
    ChangelogDialect dialect;
};

constexpr CorpusFile corpus[] = {
    {"git-cliff.md", ChangelogDialect::git_cliff},
    {"gaxios-release-please.md", ChangelogDialect::release_please},
    {"node-semver-release-please.md", ChangelogDialect::release_please},
    {"yargs-release-please.md", ChangelogDialect::release_please},
    {"standard-version-conventional.md", ChangelogDialect::conventional_changelog},
    {"commitlint-conventional.md", ChangelogDialect::conventional_changelog},
    {"eslint-plugin-import-keepachangelog.md", ChangelogDialect::keep_a_changelog},
    {"keep-a-changelog.md", ChangelogDialect::keep_a_changelog},
    {"commander-keepachangelog.md", ChangelogDialect::keep_a_changelog},
    {"tflint-hand-written.md", ChangelogDialect::hand_written},
    {"just-the-docs-github-notes.md", ChangelogDialect::keep_a_changelog},
};

// Markup that belongs in a structured field, not in a description.
std::string leftover(const std::string& d) {
    static const std::regex bare_hash("(^|[\\s(])[0-9a-f]{7,40}([\\s).,]|$)");
    static const std::regex github_by("@[A-Za-z0-9_-]+ in http");
    for (const char* m : {"*(", "**", "(["}) {
        if (d.find(m) != std::string::npos) return m;
    }
    if (d.size() >= 2 && d.compare(d.size() - 2, 2, " -") == 0) return "trailing \" -\"";
    if (std::regex_search(d, bare_hash)) return "bare commit hash";
    if (std::regex_search(d, github_by)) return "@user in URL";
    return {};
}

}  // namespace

TEST_CASE("real changelogs import in their dialect with no markup left") {
    for (const CorpusFile& f : corpus) {
        INFO(f.name);
        const auto imported = import_changelog(test::data(std::string("changelogs/") + f.name));
        REQUIRE(imported);
        CHECK(imported->dialect == f.dialect);
        CHECK(imported->plan.releases.size() >= 3);
        for (const Release& r : imported->plan.releases) {
            for (const Change& c : r.changes) {
                INFO(r.version << ": " << c.description);
                CHECK(leftover(c.description).empty());
            }
        }
    }
}

TEST_CASE("real changelogs survive import, export and import unchanged") {
    for (const CorpusFile& f : corpus) {
        INFO(f.name);
        const auto first = import_changelog(test::data(std::string("changelogs/") + f.name));
        REQUIRE(first);
        const std::string exported = changelog_document(first->plan, {});
        const auto second = import_changelog(exported);
        REQUIRE(second);
        INFO(exported);
        CHECK(to_json(second->plan) == to_json(first->plan));
    }
}

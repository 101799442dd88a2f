#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace relplan;
using relplan::test::d;

namespace {

// A changelog fixture under tests/data/plan/.
std::string data(const std::string& name) { return test::data("plan/" + name); }

// "category|scope|description|ref_id|link|commit" for compact comparisons.
std::vector<std::string> summary(const Release& r) {
    std::vector<std::string> out;
    for (const Change& c : r.changes) {
        out.push_back(std::string(to_string(c.category)) + "|" + c.scope + "|" + c.description + "|" + c.ref_id + "|" +
                      c.link + "|" + c.commit);
    }
    return out;
}

// The error import_changelog gives for `text`, which it must refuse.
Error import_error(std::string_view text) {
    const auto imported = import_changelog(text);
    REQUIRE_FALSE(imported);
    return imported.error();
}

// `error` about `text` as relplan prints it for a file C.md: with line and column.
std::string in_file(std::string_view text, const Error& error) {
    return format_diagnostic(diagnostic_at(text, error.offset, error.message), "C.md");
}

// Imports `text` (which must import), checks that importing its export gives the same plan, and
// returns the import.
ChangelogImport round_tripped(const std::string& text) {
    auto imported = import_changelog(text);
    REQUIRE(imported);
    const auto again = import_changelog(changelog_document(imported->plan, {}));
    REQUIRE(again);
    CHECK(again->plan == imported->plan);
    return std::move(*imported);
}

}  // namespace

TEST_CASE("Keep a Changelog 1.1: versions, dates, sections, [Unreleased], [YANKED], link references") {
    const auto imported = import_changelog(data("keepachangelog.md"));
    REQUIRE(imported);
    CHECK(imported->notes.empty());
    const Plan& plan = imported->plan;
    CHECK(validate_plan(plan).empty());
    CHECK(plan.project.name == "keep-a-changelog");
    CHECK(plan.project.repository == "https://github.com/olivierlacan/keep-a-changelog");
    REQUIRE(plan.releases.size() == 5);

    const Release& oldest = plan.releases[0];
    CHECK(oldest.id == "0.3.0");
    CHECK(oldest.version == "0.3.0");
    CHECK(oldest.status == ReleaseStatus::released);
    CHECK(oldest.type == ReleaseType::minor);
    CHECK(oldest.release_date == d(2015, 12, 3));
    CHECK(oldest.link == "https://github.com/olivierlacan/keep-a-changelog/releases/tag/v0.3.0");

    const Release& yanked = plan.releases[2];
    CHECK(yanked.version == "1.1.0");
    CHECK(yanked.yanked);
    // Changes come in the order `relplan changelog` writes their sections in.
    CHECK(summary(yanked) == std::vector<std::string>{"deprecation||The `--old` flag.|||",
                                                      "security||Patched a cross-site scripting hole in the template.|||"});

    const Release& latest = plan.releases[3];
    CHECK(latest.version == "1.1.1");
    CHECK(latest.type == ReleaseType::patch);
    CHECK(summary(latest) ==
          std::vector<std::string>{
              "new-feature||Arabic translation.|#444||",
              "new-feature||Version navigation.|||",
              "new-feature||Links to latest released version in previous versions. Wrapped onto a second line.|||",
              "breaking-change||Trademark sign previously shown after the project description in version 0.3.0|||",
              "bug-fix||Improve French translation.|#377||",
          });
    CHECK(latest.changes[0].id == "1.1.1:1");

    const Release& unreleased = plan.releases[4];
    CHECK(unreleased.id == "unreleased");
    CHECK(unreleased.version.empty());
    CHECK(unreleased.status == ReleaseStatus::planning);
    CHECK(unreleased.type == ReleaseType::minor);
    CHECK(unreleased.link == "https://github.com/olivierlacan/keep-a-changelog/compare/v1.1.1...HEAD");
    CHECK(unreleased.changes.size() == 3);
}

TEST_CASE("conventional-changelog and standard-version headings, sections, scopes and links") {
    const auto imported = import_changelog(data("conventional.md"));
    REQUIRE(imported);
    const Plan& plan = imported->plan;
    CHECK(plan.project.name == "widget");
    REQUIRE(plan.releases.size() == 3);

    const Release& minor = plan.releases[0];  // "## <small>1.2.0 (2024-03-01)</small>"
    CHECK(minor.version == "1.2.0");
    CHECK(minor.release_date == d(2024, 3, 1));
    CHECK(summary(minor) == std::vector<std::string>{"new-feature|cli|add --json flag|#45||",
                                                     "improvement||explain the config file|||",
                                                     "improvement||bump deps|||"});
    CHECK(minor.changes[1].audience == Audience::technical);  // Documentation: users read it

    const Release& patch = plan.releases[1];  // "### [1.2.1](link) (date)"
    CHECK(patch.version == "1.2.1");
    CHECK(patch.type == ReleaseType::patch);
    CHECK(patch.link == "https://github.com/acme/widget/compare/v1.2.0...v1.2.1");
    CHECK(summary(patch) == std::vector<std::string>{
                                "bug-fix|parser|handle empty input|#50|https://github.com/acme/widget/issues/50|d34db33f"});

    const Release& major = plan.releases[2];  // "# [2.0.0](link) (date)"
    CHECK(major.version == "2.0.0");
    CHECK(major.type == ReleaseType::major);
    CHECK(major.release_date == d(2024, 4, 2));
    CHECK(summary(major) ==
          std::vector<std::string>{
              "new-feature|api|rename color option|#51|https://github.com/acme/widget/issues/51|4f2a9c1e5b",
              "new-feature||add dark theme|#48|https://github.com/acme/widget/issues/48|9b8e7d6f00",
              "breaking-change|api|the `color` option is now called `colour`|||",
              "improvement||Revert \"feat: experimental canvas backend\"|||0a1b2c3d4e",
              "performance|render|cache glyph atlas|||c0ffee12",
          });

    REQUIRE(imported->notes.size() == 1);
    CHECK(format_diagnostic(imported->notes[0], "CHANGELOG.md") ==
          "CHANGELOG.md:43:1: section \"Housekeeping\" is not a known changelog section; its entries were imported as "
          "improvements");
}

TEST_CASE("release-please: a breaking change listed twice becomes one change; nested lists stay nested") {
    const auto imported = import_changelog(data("release-please.md"));
    REQUIRE(imported);
    const Plan& plan = imported->plan;
    REQUIRE(plan.releases.size() == 2);
    CHECK(summary(plan.releases[0]) == std::vector<std::string>{"breaking-change||drop Node 16 support|||1234567890"});
    CHECK(plan.releases[0].link == "https://github.com/acme/service/compare/service-v2.9.0...service-v3.0.0");
    const Change& dependencies = plan.releases[1].changes.at(1);  // Changed comes before Fixed
    CHECK(dependencies.description ==
          "The following workspace dependencies were updated\n* dependencies\n  * shared-lib bumped from 1.0.0 to 1.1.0");
    CHECK(dependencies.audience == Audience::technical);  // Dependencies reach consumers
}

TEST_CASE("changelog import errors and notes") {
    CHECK(import_error(data("no-versions.md")).message ==
          "no release headings found; expected headings like \"## [1.2.0] - 2024-03-01\" (Keep a Changelog) or "
          "\"## [1.2.0](https://example.com/compare/v1.1.0...v1.2.0) (2024-03-01)\" (conventional-changelog)");
    CHECK_FALSE(import_changelog(""));
    CHECK_FALSE(import_changelog(data("binary.bin")));

    const std::string bad_utf8 = "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- Caf\xE9\n";
    const Error invalid = import_error(bad_utf8);
    CHECK(invalid.message == "invalid UTF-8 (byte 0xE9); save the changelog as UTF-8");
    CHECK(in_file(bad_utf8, invalid) == "C.md:7:6: invalid UTF-8 (byte 0xE9); save the changelog as UTF-8");

    const Error nul = import_error(std::string("## [1.0.0]\n\0x", 13));
    CHECK(nul.message == "the file contains NUL bytes; it is not a text file");
    CHECK(nul.offset == 11);

    const auto bom = import_changelog("\xEF\xBB\xBF## [1.0.0] - 2024-01-01\n### Fixed\n- A bug\n");
    REQUIRE(bom);
    CHECK(format_diagnostic(bom->notes.at(0), "C.md") == "C.md:1:1: ignored the UTF-8 byte order mark at the start of the file");
    CHECK(bom->plan.releases.at(0).changes.at(0).category == ChangeCategory::bug_fix);

    const std::string twice = "## v2.0.0 - 2024-02-01\n- Something\n\n## v2.0.0\n### Added\n- Again\n";
    const Error duplicate = import_error(twice);
    CHECK(duplicate.message == "version 2.0.0 appears twice: lines 1 and 4; remove or rename one of them");
    CHECK(in_file(twice, duplicate) ==
          "C.md:4:1: version 2.0.0 appears twice: lines 1 and 4; remove or rename one of them");
    CHECK(import_changelog("## [Unreleased]\n## [Unreleased]\n").error().message ==
          "[Unreleased] appears twice: lines 1 and 2; remove or rename one of them");

    CHECK(import_error("## [1.0.0] - 2023-13-45\n### Added\n- A\n").message ==
          "release date 2023-13-45 of 1.0.0 does not exist (line 1)");
    CHECK_FALSE(import_changelog("## 1.0.0 (2023-02-30)\n"));

    std::string big(max_changelog_bytes + 1, '#');
    CHECK(import_changelog(big).error().message == "the file is 67108865 bytes; changelogs are limited to 64 MiB");
}

TEST_CASE("summary paragraphs under a version heading become the release summary") {
    const auto imported = import_changelog(
        "# Acme Widget Changelog\n\n## [1.0.0] - 2024-01-01\n\nFirst stable release.\nThanks to everyone.\n\n### Added\n\n- All of it\n");
    REQUIRE(imported);
    CHECK(imported->plan.project.name == "Acme Widget");
    CHECK(imported->plan.releases[0].summary == "First stable release.\nThanks to everyone.");
    CHECK(imported->plan.releases[0].type == ReleaseType::major);
}

TEST_CASE("property: changelog import never crashes and its plans always save and load") {
    const std::string base = data("conventional.md") + data("keepachangelog.md");
    std::mt19937 rng(44);
    const std::string alphabet = "#[]()*-+ \n:.0123456789vYANKED`\xE2\x9A\xA0";
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        for (int e = 0; e < 10; ++e) {
            const std::size_t at = rng() % text.size();
            if (rng() % 2) {
                text.insert(at, 1, alphabet[rng() % alphabet.size()]);
            } else {
                text.erase(at, 1 + rng() % 8);
            }
        }
        const auto imported = import_changelog(text);
        if (!imported) continue;
        const PlanLoad loaded = load_plan(to_json(imported->plan));
        REQUIRE(loaded.plan);
        CHECK(*loaded.plan == imported->plan);
    }
}

TEST_CASE("an entry keeps its paragraphs and the line after a code fence through import and export") {
    const std::string text =
        "# Changelog\n\n## [1.1.0] - 2024-02-01\n\n### Fixed\n\n"
        "- Fix parsing of config files\n  with a second line\n\n  A second paragraph.\n\n"
        "  ```\n  code inside\n  ```\n  after the fence\n- Another fix\n";
    const ChangelogImport imported = round_tripped(text);
    REQUIRE(imported.plan.releases.size() == 1);
    const std::vector<Change>& changes = imported.plan.releases[0].changes;
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].description ==
          "Fix parsing of config files with a second line\n\nA second paragraph.\n```\ncode inside\n```\nafter the fence");
    CHECK(changes[1].description == "Another fix");
}

TEST_CASE("several references on one tracker keep each one's link through import and export") {
    const std::string text =
        "# Changelog\n\n## [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (2024-01-02)\n\n### Bug Fixes\n\n"
        "* **api:** keep sessions ([#12](https://github.com/o/r/issues/12), [#13](https://github.com/o/r/issues/13))\n"
        "* other tracker ([#14](https://github.com/o/r/issues/14), [#15](https://example.org/t/99))\n";
    const ChangelogImport imported = round_tripped(text);
    const std::vector<Change>& changes = imported.plan.releases.at(0).changes;
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].ref_id == "#12, #13");
    CHECK(changes[0].link == "https://github.com/o/r/issues/12");
    const std::string explained = explain_changelog_import(imported);
    CHECK(explained.find("issues/13") == std::string::npos);  // made from the first link: nothing dropped
    CHECK(explained.find("https://example.org/t/99") != std::string::npos);  // another tracker's link is reported
    const std::string written = changelog_document(imported.plan, {});
    CHECK(written.find("([#12](https://github.com/o/r/issues/12), [#13](https://github.com/o/r/issues/13))") != std::string::npos);
    // A reference whose link cannot be made from the first one's keeps the list on the first link.
    Plan mixed = imported.plan;
    mixed.releases[0].changes[0].ref_id = "#12, o/r#5, #13";
    CHECK(changelog_document(mixed, {}).find("([#12, o/r#5, #13](https://github.com/o/r/issues/12))") != std::string::npos);
}

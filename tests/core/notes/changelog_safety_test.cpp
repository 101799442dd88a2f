// What `relplan changelog` writes can never be read back as something else: descriptions and
// summaries cannot open releases, entries or link definitions, raw HTML and script links never get
// through, and plans made by import come back equal.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "notes/changelog_sections.hpp"
#include "plan/plan_json.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

namespace {

Plan one_release(std::vector<Change> changes, std::string summary = {}) {
    Plan plan = test::plan_named("Widget");
    Release r;
    r.id = r.version = "1.0.0";
    r.status = ReleaseStatus::released;
    r.release_date = d(2024, 1, 1);
    r.summary = std::move(summary);
    for (std::size_t i = 0; i < changes.size(); ++i) changes[i].id = "1.0.0:" + std::to_string(i + 1);
    r.changes = std::move(changes);
    plan.releases = {r};
    return plan;
}

Change change(std::string description, ChangeCategory category = ChangeCategory::bug_fix) {
    Change c;
    c.category = category;
    c.description = std::move(description);
    return c;
}

}  // namespace

TEST_CASE("changelog export: raw HTML and script links in descriptions do not get through") {
    const std::string out = changelog_document(
        one_release({change("<script>alert(1)</script> in titles"), change("see [the docs](javascript:alert(1)) now"),
                     change("keep `<b>` in code and [links](https://example.com/a)")},
                    "<img src=x onerror=alert(1)> summary"),
        {});
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("<img") == std::string::npos);
    CHECK(out.find("javascript:") == std::string::npos);
    CHECK(out.find("- &lt;script>alert(1)&lt;/script> in titles\n") != std::string::npos);
    CHECK(out.find("- see the docs now\n") != std::string::npos);
    CHECK(out.find("- keep `<b>` in code and [links](https://example.com/a)\n") != std::string::npos);
}

TEST_CASE("changelog export: a description cannot start a release, an entry or a link definition") {
    Change scoped = change("**api:** looks like a scope");
    Change tail = change("Fix parsing of (#12)");
    Change by = change("Thanks by @octocat");
    const Plan plan = one_release({change("## [9.9.9] - 2020-01-01"), change("first line\n## [9.9.9] - 2020-01-01"),
                                   change("first line\n[1.0.0]: https://evil.example/"),
                                   change("first line\n- [ ] not an entry of its own"), scoped, tail, by},
                                  "## [8.8.8]\n- not an entry\n[1.0.0]: https://evil.example/");
    const std::string out = changelog_document(plan, {});
    CHECK(out.find("\n## [9.9.9]") == std::string::npos);
    CHECK(out.find("\n## [8.8.8]") == std::string::npos);
    CHECK(out.find("\n[1.0.0]: https://evil.example/") == std::string::npos);
    const auto back = import_changelog(out);
    REQUIRE(back);
    REQUIRE(back->plan.releases.size() == 1);
    const Release& r = back->plan.releases[0];
    CHECK(r.version == "1.0.0");
    CHECK(r.link.empty());
    REQUIRE(r.changes.size() == 7);
    CHECK(r.changes[0].description == "## [9.9.9] - 2020-01-01");  // single lines come back as they were
    CHECK(r.changes[4].description == "**api:** looks like a scope");
    CHECK(r.changes[4].scope.empty());
    CHECK(r.changes[5].description == "Fix parsing of (#12)");
    CHECK(r.changes[5].ref_id.empty());
    CHECK(r.changes[6].description == "Thanks by @octocat");
    CHECK(r.changes[6].author.empty());
    CHECK(r.changes[3].description == "first line\n- [ ] not an entry of its own");  // a nested list stays nested
}

TEST_CASE("changelog round trip keeps empty [Unreleased], yanked releases, links, summaries and fields") {
    const std::string text =
        "# Changelog\n\nAll notable changes to `widget` will be documented in this file.\n\n"
        "## [Unreleased]\n\n"
        "## [1.1.0] - 2024-02-01 [YANKED]\n\nPulled: it broke installs.\n\nSee the issue.\n\n"
        "### Fixed\n\n- **cli:** crash on start by @octocat ([#12](https://github.com/acme/widget/pull/12)) "
        "([abc1234](https://github.com/acme/widget/commit/abc1234def))\n"
        "  ```sh\n  widget --start\n\n  ```\n\n"
        "### Miscellaneous Tasks\n\n- [**breaking**] drop the old build\n\n"
        "## 1.0.0 (2024-01-01)\n\n- Added: everything\n\n"
        "[unreleased]: https://github.com/acme/widget/compare/v1.1.0...HEAD\n"
        "[1.1.0]: https://github.com/acme/widget/compare/v1.0.0...v1.1.0\n";
    const auto first = import_changelog(text);
    REQUIRE(first);
    const Plan& plan = first->plan;
    CHECK(plan.project.name == "widget");
    REQUIRE(plan.releases.size() == 3);
    CHECK(plan.releases[2].id == "unreleased");
    CHECK(plan.releases[2].changes.empty());
    CHECK(plan.releases[1].yanked);
    CHECK(plan.releases[1].summary == "Pulled: it broke installs.\n\nSee the issue.");
    const Change& fix = plan.releases[1].changes.at(0);  // Fixed is written before Internal
    CHECK(fix.commit == "abc1234def");
    CHECK(fix.author == "octocat");
    CHECK(fix.description == "crash on start\n```sh\nwidget --start\n\n```");
    CHECK(plan.releases[1].changes.at(1).category == ChangeCategory::breaking_change);
    CHECK(plan.releases[1].changes.at(1).audience == Audience::internal);
    CHECK(plan.releases[0].changes.at(0).category == ChangeCategory::new_feature);

    const std::string exported = changelog_document(plan, {});
    CHECK(exported.find("## [Unreleased]\n") != std::string::npos);
    CHECK(exported.find("## [1.1.0] - 2024-02-01 [YANKED]\n\nPulled: it broke installs.\n\nSee the issue.\n") !=
          std::string::npos);
    const auto second = import_changelog(exported);
    REQUIRE(second);
    CHECK(to_json(second->plan) == to_json(plan));

    // No [Unreleased] in, none out; and no links made up for a plan that has its own.
    const auto plain = import_changelog("## [1.0.0] - 2024-01-01\n### Added\n- A\n");
    REQUIRE(plain);
    const std::string plain_out = changelog_document(plain->plan, {});
    CHECK(plain_out.find("Unreleased") == std::string::npos);
    CHECK(import_changelog(plain_out)->plan == plain->plan);
    // A plan with nothing in it still gives a file import reads.
    CHECK(import_changelog(changelog_document(Plan{}, {})));
}

TEST_CASE("every section the exporter writes reads back as the category and audience it was written for") {
    for (const ChangeCategory category : all_values<ChangeCategory>()) {
        for (const Audience audience : all_values<Audience>()) {
            Change c = change("text", category);
            c.audience = audience;
            const SectionRow* row = find_section(export_section_headings().at(export_section_index(c)));
            REQUIRE(row != nullptr);
            const auto back = import_changelog(changelog_document(one_release({c}), {}));
            REQUIRE(back);
            const Change& again = back->plan.releases.at(0).changes.at(0);
            CHECK(again.category == category);
            // Audiences are not written: a change comes back with its section's, a breaking one for
            // customers unless internal.
            const Audience expected = category != ChangeCategory::breaking_change ? row->audience
                                      : audience == Audience::internal           ? Audience::internal
                                                                                 : Audience::customer;
            CHECK(again.audience == expected);
            CHECK(again.section.empty());
        }
    }
}

TEST_CASE("a change keeps the section heading it was imported under, with that section's audience") {
    for (const SectionRow& row : changelog_section_table()) {
        if (row.kind == SectionKind::not_changes) continue;
        for (const std::string_view name : row.names) {
            const std::string heading = "\xF0\x9F\x93\x9A " + std::string(name) + " <!-- 3 -->";
            const auto first = import_changelog("## [1.0.0] - 2024-01-01\n\n### " + heading + "\n\n- a change\n");
            REQUIRE(first);
            const Change& c = first->plan.releases.at(0).changes.at(0);
            CHECK(c.category == row.category);
            CHECK(c.audience == row.audience);
            CHECK(c.section == "\xF0\x9F\x93\x9A " + std::string(name));
            const std::string exported = changelog_document(first->plan, {});
            CHECK(exported.find("### " + c.section + "\n") != std::string::npos);
            const auto second = import_changelog(exported);
            REQUIRE(second);
            CHECK(second->plan == first->plan);
        }
    }
    // Unknown headings keep their name too; a standard heading is not recorded.
    const auto plan = import_changelog("## [1.0.0] - 2024-01-01\n### Odds and ends\n- a\n### Fixed\n- b\n### Bug Fixes\n- c\n");
    REQUIRE(plan);
    const auto& changes = plan->plan.releases.at(0).changes;
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].section == "Odds and ends");
    CHECK(changes[1].section.empty());
    CHECK(changes[2].section == "Bug Fixes");
    CHECK(changes[1].description == "b");  // Changed's place (Odds and ends), then Fixed, then Bug Fixes
    CHECK(changelog_document(plan->plan, {}).find("### Odds and ends\n\n- a\n\n### Fixed\n\n- b\n\n### Bug Fixes\n\n- c\n") !=
          std::string::npos);
}

TEST_CASE("a recorded section that no longer fits the change, or would read as a release, is not written") {
    Change c = change("text", ChangeCategory::bug_fix);
    c.audience = Audience::customer;
    c.section = "Bug Fixes";
    CHECK(export_heading(c) == "Bug Fixes");
    c.category = ChangeCategory::new_feature;  // edited after import
    CHECK(export_heading(c) == "Added");
    c.category = ChangeCategory::breaking_change;  // its marker keeps it breaking under any heading
    CHECK(export_heading(c) == "Bug Fixes");
    c.category = ChangeCategory::bug_fix;
    c.audience = Audience::internal;
    CHECK(export_heading(c) == "Fixed");
    Change fake = change("text", ChangeCategory::improvement);
    for (const std::string_view release : {"1.2.0", "[9.9.9] - 2020-01-01", "Unreleased", "v2.0.0"}) {
        fake.section = std::string(release);
        CHECK(export_heading(fake) == "Changed");
    }
    // Written safely: raw HTML becomes text, and a second import reads the same heading.
    const auto hostile = import_changelog("## [1.0.0] - 2024-01-01\n### <b onclick=x>Odd</b>\n- a\n");
    REQUIRE(hostile);
    const std::string out = changelog_document(hostile->plan, {});
    CHECK(out.find("<b") == std::string::npos);
    CHECK(import_changelog(out)->plan == hostile->plan);
}

TEST_CASE("a release with more entries than import holds is refused while reading, naming it") {
    std::string text = "## [1.0.0] - 2024-01-01\n### Fixed\n";
    for (std::size_t i = 0; i < max_changes_per_release; ++i) text += "- fix " + std::to_string(i) + "\n";
    const auto at_limit = import_changelog(text);
    REQUIRE(at_limit);
    CHECK(at_limit->plan.releases.at(0).changes.size() == max_changes_per_release);
    // Merging breaking duplicates and ordering by section stay right at that size.
    CHECK(at_limit->plan.releases.at(0).changes.back().description == "fix 49999");
    text += "- one more\n";
    const auto over = import_changelog(text);
    REQUIRE_FALSE(over);
    CHECK(over.error().message == "release 1.0.0 (line 1) has more than 50000 entries; relplan imports at most that many "
                                  "changes per release");
    CHECK(over.error().offset == text.size() - std::string("- one more\n").size());
}

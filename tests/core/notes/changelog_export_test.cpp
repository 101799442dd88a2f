#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace relplan;
using relplan::test::d;

namespace {

using relplan::test::read;

Change change(std::string id, ChangeCategory category, std::string description, std::string scope = {},
              std::string ref = {}, std::string link = {}) {
    Change c;
    c.id = std::move(id);
    c.category = category;
    c.description = std::move(description);
    c.scope = std::move(scope);
    c.ref_id = std::move(ref);
    c.link = std::move(link);
    return c;
}

Plan small_plan() {
    Plan plan = test::plan_named("Widget");
    plan.project.repository = "https://github.com/acme/widget";
    Release r1;
    r1.id = "r1";
    r1.version = "1.0.0";
    r1.status = ReleaseStatus::released;
    r1.release_date = d(2026, 9, 1);
    r1.changes = {change("a", ChangeCategory::new_feature, "First")};
    Release r2;
    r2.id = "r2";
    r2.version = "1.1.0";
    r2.status = ReleaseStatus::released;
    r2.release_date = d(2026, 10, 6);
    r2.changes = {change("b", ChangeCategory::bug_fix, "Crash on start", "cli", "#12", "https://github.com/acme/widget/issues/12"),
                  change("c", ChangeCategory::improvement, "Faster\nand smaller"),
                  change("d", ChangeCategory::breaking_change, "Config moved", "config"),
                  change("e", ChangeCategory::performance, "Cache results"),
                  change("f", ChangeCategory::deprecation, "Old flag", "", "PROJ-7")};
    Release r3;
    r3.id = "r3";
    r3.version = "1.2.0";
    r3.status = ReleaseStatus::planning;
    r3.changes = {change("g", ChangeCategory::new_feature, "Export to PDF")};
    Release r4;
    r4.id = "r4";
    r4.version = "1.0.1";
    r4.status = ReleaseStatus::cancelled;
    r4.changes = {change("h", ChangeCategory::bug_fix, "Never shipped")};
    plan.releases = {r1, r2, r3, r4};
    return plan;
}

// small_plan's released 1.1.0 and its unversioned planned release as sections; the whole-plan
// document holds them unchanged.
const std::string released_section = R"(## [1.1.0] - 2026-10-06

### Changed

- **BREAKING:** **config:** Config moved
- Faster
  and smaller

### Performance

- Cache results

### Deprecated

- Old flag ([PROJ-7])

### Fixed

- **cli:** Crash on start ([#12](https://github.com/acme/widget/issues/12))
)";
const std::string unreleased_section = "## [Unreleased]\n\n### Added\n\n- Export to PDF\n";

}  // namespace

TEST_CASE("a release as a Keep a Changelog section") {
    const Plan plan = small_plan();
    CHECK(changelog_section(plan.releases[1], {}) == released_section);
    Release unversioned = plan.releases[2];
    unversioned.version.clear();
    CHECK(changelog_section(unversioned, {}) == unreleased_section);
}

TEST_CASE("the whole plan as a Keep a Changelog file") {
    CHECK(changelog_document(small_plan(), {}) == R"(# Changelog

All notable changes to Widget will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

)" + unreleased_section + "\n" + released_section + R"(
## [1.0.0] - 2026-09-01

### Added

- First

[unreleased]: https://github.com/acme/widget/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/acme/widget/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/acme/widget/releases/tag/v1.0.0
)");
}

TEST_CASE("embargoed security details stay out until the embargo date") {
    Plan plan = small_plan();
    Release sec;
    sec.id = "s";
    sec.version = "1.1.1";
    sec.type = ReleaseType::security;
    sec.status = ReleaseStatus::frozen;
    sec.embargo_until = d(2026, 12, 3);
    sec.changes = {change("s1", ChangeCategory::security, "Timing attack on webhook signatures", "", "CVE-2026-41234"),
                   change("s2", ChangeCategory::bug_fix, "Typo in the dashboard")};
    plan.releases.push_back(sec);

    ChangelogOptions before;
    before.today = d(2026, 11, 26);
    const std::string hidden = changelog_document(plan, before);
    CHECK(hidden.find("Timing attack") == std::string::npos);
    CHECK(hidden.find("CVE-2026-41234") == std::string::npos);
    CHECK(hidden.find("### Security\n\n- Security fixes; details are withheld until 2026-12-03.\n") != std::string::npos);
    CHECK(hidden.find("- Typo in the dashboard") != std::string::npos);
    CHECK(changelog_document(plan, {}).find("Timing attack") == std::string::npos);  // unknown today: withheld

    ChangelogOptions after;
    after.today = d(2026, 12, 3);
    CHECK(changelog_document(plan, after).find("- Timing attack on webhook signatures ([CVE-2026-41234])") != std::string::npos);
}

TEST_CASE("yanked and rolled-back releases, component filter, release order") {
    Plan plan = small_plan();
    plan.releases[0].status = ReleaseStatus::rolled_back;
    plan.releases[0].components = {"api"};
    plan.releases[1].components = {"web"};
    ChangelogOptions web;
    web.component = "web";
    const std::string out = changelog_document(plan, web);
    CHECK(out.find("## [1.0.0]") == std::string::npos);
    CHECK(out.find("## [1.1.0] - 2026-10-06\n") != std::string::npos);
    CHECK(out.find("[1.1.0]: https://github.com/acme/widget/releases/tag/v1.1.0") != std::string::npos);

    CHECK(changelog_document(plan, {}).find("## [1.0.0] - 2026-09-01 [YANKED]\n") != std::string::npos);
}

TEST_CASE("export then import gives back versions, dates, categories (performance too), scopes and refs") {
    const PlanLoad loaded = load_plan(read(std::string(RELPLAN_ASSETS_DIR) + "/examples/acme.plan.json"));
    REQUIRE(loaded.ok());
    ChangelogOptions options;
    options.today = d(2027, 6, 1);
    options.component = "web";
    const auto back = import_changelog(changelog_document(*loaded.plan, options));
    REQUIRE(back);
    std::vector<const Release*> released;
    for (const Release& r : loaded.plan->releases) {
        if (r.status == ReleaseStatus::released && (r.components.empty() || r.components[0] == "web")) released.push_back(&r);
    }
    REQUIRE(back->plan.releases.size() == released.size() + 1);  // + [Unreleased]
    for (std::size_t i = 0; i < released.size(); ++i) {
        const Release& original = *released[i];
        const Release& again = back->plan.releases[i];
        CHECK(again.version == original.version);
        CHECK(again.release_date == original.release_date);
        REQUIRE(again.changes.size() == original.changes.size());
        for (const Change& c : original.changes) {
            const auto same = std::find_if(again.changes.begin(), again.changes.end(),
                                           [&](const Change& x) { return x.description == c.description; });
            REQUIRE(same != again.changes.end());
            CHECK(same->scope == c.scope);
            CHECK(same->ref_id == c.ref_id);
            CHECK(same->link == c.link);
            CHECK(same->category == c.category);
        }
    }
}

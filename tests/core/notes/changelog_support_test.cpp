// The "Supported versions" table of a generated changelog: where it goes, when it is left out, and
// that importing the changelog again ignores it.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace std::chrono;

namespace {

Plan plan_with_support() {
    Plan p = test::plan_named("Acme");
    Release one;
    one.id = one.version = "1.0.0";
    one.status = ReleaseStatus::released;
    one.release_date = year{2025} / 1 / 15;
    Change first;
    first.id = "c1";
    first.category = ChangeCategory::new_feature;
    first.description = "First";
    first.audience = Audience::customer;
    one.changes = {first};
    Release two = one;
    two.id = two.version = "2.0.0";
    two.release_date = year{2026} / 1 / 20;
    two.changes[0].description = "Second";
    p.releases = {one, two};
    p.settings.support = SupportPolicy{false, 6, 12, {}, {}, {}};
    return p;
}

}  // namespace

TEST_CASE("changelog: the support table sits in the preamble and import ignores it") {
    const Plan p = plan_with_support();
    ChangelogOptions options;
    options.today = year{2026} / 2 / 1;
    const std::string text = changelog_document(p, options);
    const std::size_t table = text.find("\n## Supported versions\n\n| Line | First release | Active support ends | End of life |");
    REQUIRE(table != std::string::npos);
    CHECK(table < text.find("## [Unreleased]"));
    CHECK(text.find("| 2.x | 2026-01-20 | 2026-07-20 | 2027-07-20 | 2.0.0 |\n") != std::string::npos);
    CHECK(text.find("| 1.x | 2025-01-15 | 2025-07-15 | 2026-07-15 | 1.0.0 |\n") != std::string::npos);

    Plan without = p;
    without.settings.support.reset();
    const std::string plain = changelog_document(without, options);
    CHECK(plain.find("Supported versions") == std::string::npos);
    // The same releases come back with or without the table.
    auto a = import_changelog(text);
    auto b = import_changelog(plain);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->plan.releases == b->plan.releases);
    CHECK(a->notes.size() == b->notes.size());
    // A one-component changelog leaves the project's support windows out.
    options.component = "api";
    CHECK(changelog_document(p, options).find("Supported versions") == std::string::npos);
}

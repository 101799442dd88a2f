// Audience rules made visible: what each audience's notes show, what they say when they show
// nothing, the default audience of imported changes, and descriptions as inline Markdown.
#include "notes/notes.hpp"
#include "plan/change_audience.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace relplan;

namespace {

Change change(ChangeCategory category, std::string description, Audience audience) {
    Change c;
    c.id = "c" + std::to_string(static_cast<int>(category)) + description.substr(0, 3);
    c.category = category;
    c.description = std::move(description);
    c.audience = audience;
    return c;
}

Plan plan_with(std::vector<Change> changes) {
    Plan plan = test::plan_named("Acme");
    Release r;
    r.id = "r1";
    r.version = "1.1.0";
    r.changes = std::move(changes);
    plan.releases.push_back(std::move(r));
    return plan;
}

std::string notes(const Plan& plan, Audience audience, NotesFormat format = NotesFormat::markdown) {
    NotesOptions o;
    o.audience = audience;
    o.format = format;
    const auto out = render_notes(plan, plan.releases.front(), o);
    REQUIRE(out.ok());
    return *out;
}

}  // namespace

TEST_CASE("internal changes appear in no notes and no highlights") {
    const Plan plan = plan_with({change(ChangeCategory::new_feature, "Secret admin switch", Audience::internal),
                                 change(ChangeCategory::improvement, "Refactor the sync loop", Audience::internal),
                                 change(ChangeCategory::bug_fix, "Fix the token parser", Audience::technical)});
    for (const Audience audience : notes_audiences) {
        for (const NotesFormat format : notes_formats) {
            INFO(to_string(audience) << " " << to_string(format));
            const std::string out = notes(plan, audience, format);
            CHECK(out.find("Secret admin switch") == std::string::npos);
            CHECK(out.find("Refactor the sync loop") == std::string::npos);
            CHECK(out.find("Highlights") == std::string::npos);
        }
    }
    CHECK(notes(plan, Audience::technical).find("Fix the token parser") != std::string::npos);
    Change c;
    c.audience = Audience::internal;
    for (const Audience audience : notes_audiences) CHECK_FALSE(visible_to(c, audience));
}

TEST_CASE("notes that show nothing say so, with the number held back") {
    const Plan plan = plan_with({change(ChangeCategory::new_feature, "Plugin API", Audience::technical),
                                 change(ChangeCategory::bug_fix, "Fix the build", Audience::internal)});
    CHECK(notes(plan, Audience::customer) ==
          "# Acme 1.1.0\n\nNo customer-facing changes in this release. 2 changes for other audiences are not shown.\n");
    CHECK(notes(plan, Audience::end_user, NotesFormat::text).find("No customer-facing changes in this release.") !=
          std::string::npos);
    CHECK(notes(plan, Audience::customer, NotesFormat::keep_a_changelog) ==
          "## [1.1.0]\n\nNo customer-facing changes in this release. 2 changes for other audiences are not shown.\n");
    CHECK(notes(plan, Audience::customer, NotesFormat::html)
              .find("<p>No customer-facing changes in this release. 2 changes for other audiences are not shown.</p>") !=
          std::string::npos);
    // Technical notes show the technical change and need no such line.
    CHECK(notes(plan, Audience::technical).find("No ") == std::string::npos);

    const Plan internal_only = plan_with({change(ChangeCategory::bug_fix, "Fix the build", Audience::internal)});
    CHECK(notes(internal_only, Audience::technical) ==
          "# Acme 1.1.0\n\nNo technical changes in this release. 1 change for other audiences is not shown.\n");
    const Plan empty = plan_with({});
    CHECK(notes(empty, Audience::customer) == "# Acme 1.1.0\n\nNo customer-facing changes in this release.\n");
    CHECK(notes(empty, Audience::technical) == "# Acme 1.1.0\n");
}

TEST_CASE("imported changes get a default audience per category") {
    CHECK(default_audience(ChangeCategory::new_feature) == Audience::end_user);
    for (const ChangeCategory c : {ChangeCategory::breaking_change, ChangeCategory::improvement, ChangeCategory::bug_fix,
                                   ChangeCategory::performance, ChangeCategory::security, ChangeCategory::deprecation}) {
        CHECK(default_audience(c) == Audience::customer);
    }
    // So customer notes of an imported release are not empty, and end-user notes list its features.
    const Plan plan = plan_with({change(ChangeCategory::new_feature, "Dark mode", default_audience(ChangeCategory::new_feature)),
                                 change(ChangeCategory::bug_fix, "Fix login", default_audience(ChangeCategory::bug_fix))});
    const std::string customer = notes(plan, Audience::customer);
    CHECK(customer.find("Dark mode") != std::string::npos);
    CHECK(customer.find("Fix login") != std::string::npos);
    const std::string end_user = notes(plan, Audience::end_user);
    CHECK(end_user.find("Dark mode") != std::string::npos);
    CHECK(end_user.find("Fix login") == std::string::npos);
}

TEST_CASE("descriptions are inline Markdown in every format") {
    const Plan plan = plan_with({change(ChangeCategory::new_feature,
                                        "Add `--dry-run` to *sync*, see [the docs](https://example.com/d) "
                                        "and [this](javascript:alert(1)) <b>now</b>",
                                        Audience::customer)});
    const std::string md = notes(plan, Audience::customer);
    CHECK(md.find("- Add `--dry-run` to *sync*, see [the docs](https://example.com/d) and this \\<b>now\\</b>\n") !=
          std::string::npos);
    const std::string html = notes(plan, Audience::customer, NotesFormat::html);
    CHECK(html.find("Add <code>--dry-run</code> to <em>sync</em>, see <a href=\"https://example.com/d\" "
                    "rel=\"noopener noreferrer\">the docs</a> and this &lt;b&gt;now&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("javascript") == std::string::npos);
    const std::string text = notes(plan, Audience::customer, NotesFormat::text);
    CHECK(text.find("- Add --dry-run to sync, see the docs <https://example.com/d> and this\n  <b>now</b>") !=
          std::string::npos);
    const std::string kac = notes(plan, Audience::customer, NotesFormat::keep_a_changelog);
    CHECK(kac.find("- Add `--dry-run` to *sync*, see [the docs](https://example.com/d)") != std::string::npos);
    // A description that looks like a release heading stays an item's text.
    const Plan fake = plan_with({change(ChangeCategory::bug_fix, "## [9.9.9] - 2030-01-01", Audience::customer)});
    CHECK(notes(fake, Audience::customer, NotesFormat::keep_a_changelog).find("- \\## \\[9.9.9\\] - 2030-01-01\n") !=
          std::string::npos);
}

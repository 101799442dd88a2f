#include "notes/changelog_import.hpp"
#include "notes/notes.hpp"
#include "plan/plan_json.hpp"
#include "base/text.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

using namespace relplan;
using namespace std::chrono;

namespace {

using relplan::test::read;

Plan load(const std::string& name) {
    PlanLoad loaded = load_plan(read(std::string(RELPLAN_TEST_DATA_DIR) + "/notes/" + name));
    REQUIRE(loaded.ok());
    return *loaded.plan;
}

const Plan& sync_plan() {
    static const Plan plan = load("sync.plan.json");
    return plan;
}

const Release& release(const Plan& plan, std::string_view version) {
    const Release* r = find_release_by_version(plan, version);
    REQUIRE(r != nullptr);
    return *r;
}

std::string notes(const Plan& plan, std::string_view version, Audience audience, NotesFormat format,
                  std::optional<Date> today = year{2026} / 3 / 15) {
    NotesOptions options;
    options.audience = audience;
    options.format = format;
    options.today = today;
    const Result<std::string> out = render_notes(plan, release(plan, version), options);
    REQUIRE(out.ok());
    return *out;
}

// Headings of a document in order, "## Title" style.
std::vector<std::string> headings(const md::Document& doc) {
    std::vector<std::string> out;
    for (const md::Block& b : doc.blocks)
        if (b.kind == md::BlockKind::heading) out.push_back(std::string(static_cast<std::size_t>(b.level), '#') + " " + md::plain_text(b.inlines));
    return out;
}

}  // namespace

TEST_CASE("technical Markdown notes: everything, with ids and links") {
    CHECK(notes(sync_plan(), "2.0.0", Audience::technical, NotesFormat::markdown) == R"(# Acme Sync 2.0.0 – Phoenix (2026-03-02)

**Theme:** Offline first

Acme Sync 2.0 works **offline** and syncs when you reconnect.

### Why

Because `networks` fail.

## Highlights

- **Breaking:** Remove the v1 REST endpoints
- **New:** Offline mode for the desktop app
- **New:** Sync conflict resolver
- **Improved:** Faster start-up on large libraries

## Breaking Changes

- **api:** Remove the v1 REST endpoints ([#101](https://github.com/acme/sync/issues/101), `a1b2c3d4e5f6`)
  - **Impact:** Clients calling /v1 get 404.
  - **Workaround:** Call /v2 instead.

## New Features

- Offline mode for the desktop app ([#120](https://github.com/acme/sync/issues/120))
- Sync conflict resolver (#121)

## Improvements

- Faster start-up on large libraries

## Bug Fixes

- Fix crash when a file name contains *stars* and \<tags> (#130)
  - **Workaround:** Rename the file.

## Performance

- **Public API:** Index rebuild is 3x faster (`deadbeef`)

## Security

- [CVE-2026-1234](https://nvd.nist.gov/vuln/detail/CVE-2026-1234): Stored XSS in comments
- Escape file names in the share dialog (#140)

## Deprecations

- The `--legacy` flag is deprecated

## Upgrade Instructions

1. Back up your data.
2. Run `acme migrate --to 2`.

## Known Issues

- Sync may pause on metered networks (#150)
  - **Workaround:** Turn off metered detection.

## Contributors

Thanks to Alice, Bob and Chen.
)");
}

TEST_CASE("customer notes: no internal changes, no internal ids, advisories kept") {
    const std::string md = notes(sync_plan(), "2.0.0", Audience::customer, NotesFormat::markdown);
    CHECK(md.find("Flaky CI job") == std::string::npos);
    CHECK(md.find("#101") == std::string::npos);
    CHECK(md.find("a1b2c3d") == std::string::npos);
    CHECK(md.find("deadbeef") == std::string::npos);
    CHECK(md.find("**api:**") == std::string::npos);
    const std::string tail = md.substr(md.find("## Breaking Changes"));
    CHECK(tail.substr(0, tail.find("## Upgrade Instructions")) == R"(## Breaking Changes

- Remove the v1 REST endpoints
  - **Impact:** Clients calling /v1 get 404.
  - **Workaround:** Call /v2 instead.

## New Features

- Offline mode for the desktop app
- Sync conflict resolver

## Improvements

- Faster start-up on large libraries

## Bug Fixes

- Fix crash when a file name contains *stars* and \<tags>
  - **Workaround:** Rename the file.

## Security

- [CVE-2026-1234](https://nvd.nist.gov/vuln/detail/CVE-2026-1234): Stored XSS in comments
- Escape file names in the share dialog

## Deprecations

- The `--legacy` flag is deprecated

)");
}

TEST_CASE("end-user plain text: What's new, wrapped at 72 columns") {
    CHECK(notes(sync_plan(), "2.0.0", Audience::end_user, NotesFormat::text) == R"(What's new in Acme Sync 2.0.0 – Phoenix (2026-03-02)
====================================================

Offline first

Acme Sync 2.0 works offline and syncs when you reconnect.

Why

Because networks fail.

New
---

- Offline mode for the desktop app

Improved
--------

- Faster start-up on large libraries

Before you update
-----------------

1. Back up your data.
2. Run acme migrate --to 2.

Known problems
--------------

- Sync may pause on metered networks
  - Workaround: Turn off metered detection.
)");
}

TEST_CASE("customer plain text wraps long lines with hanging indents") {
    const std::string txt = notes(sync_plan(), "2.0.0", Audience::customer, NotesFormat::text);
    const std::string security = txt.substr(txt.find("Security\n--------"));
    CHECK(security.substr(0, security.find("Deprecations")) == R"(Security
--------

- CVE-2026-1234 <https://nvd.nist.gov/vuln/detail/CVE-2026-1234>: Stored
  XSS in comments
- Escape file names in the share dialog

)");
    std::istringstream lines(txt);
    for (std::string line; std::getline(lines, line);) CHECK(display_width(line) <= 72);
}

TEST_CASE("Keep a Changelog section") {
    CHECK(notes(sync_plan(), "2.0.0", Audience::technical, NotesFormat::keep_a_changelog) == R"(## [2.0.0] - 2026-03-02

### Added

- Offline mode for the desktop app ([#120](https://github.com/acme/sync/issues/120))
- Sync conflict resolver (#121)

### Changed

- **BREAKING:** **api:** Remove the v1 REST endpoints ([#101](https://github.com/acme/sync/issues/101), `a1b2c3d4e5f6`)
- Faster start-up on large libraries
- **Public API:** Index rebuild is 3x faster (`deadbeef`)

### Deprecated

- The `--legacy` flag is deprecated

### Fixed

- Fix crash when a file name contains *stars* and \<tags> (#130)

### Security

- [CVE-2026-1234](https://nvd.nist.gov/vuln/detail/CVE-2026-1234): Stored XSS in comments
- Escape file names in the share dialog (#140)

[2.0.0]: https://github.com/acme/sync/compare/v1.9.0...v2.0.0
)");
    const Plan& plan = sync_plan();
    NotesOptions options;
    options.format = NotesFormat::keep_a_changelog;
    const Result<std::string> unreleased = render_notes(plan, *find_release(plan, "next"), options);
    REQUIRE(unreleased.ok());
    CHECK(*unreleased == "## [Unreleased]\n");
}

TEST_CASE("Keep a Changelog output imports back into the same changes") {
    const std::string text = "# Changelog\n\n" + notes(sync_plan(), "2.0.0", Audience::technical, NotesFormat::keep_a_changelog);
    const Result<ChangelogImport> imported = import_changelog(text);
    REQUIRE(imported.ok());
    REQUIRE(imported->plan.releases.size() == 1);
    const Release& back = imported->plan.releases[0];
    CHECK(back.version == "2.0.0");
    CHECK(back.release_date == Date{year{2026} / 3 / 2});
    // Every change but the internal one (notes never show internal changes).
    Release original = sync_plan().releases[1];
    original.changes.erase(std::remove_if(original.changes.begin(), original.changes.end(),
                                          [](const Change& c) { return c.audience == Audience::internal; }),
                           original.changes.end());
    REQUIRE(back.changes.size() == original.changes.size());
    const auto count = [](const Release& r, ChangeCategory c) {
        return std::count_if(r.changes.begin(), r.changes.end(), [&](const Change& x) { return x.category == c; });
    };
    for (ChangeCategory c : {ChangeCategory::breaking_change, ChangeCategory::new_feature, ChangeCategory::bug_fix,
                             ChangeCategory::deprecation, ChangeCategory::security}) {
        INFO(to_string(c));
        CHECK(count(back, c) == count(original, c));
    }
    // Improvements and performance share "Changed".
    CHECK(count(back, ChangeCategory::improvement) + count(back, ChangeCategory::performance) == 2);
    const auto find = [&](std::string_view description) -> const Change* {
        for (const Change& c : back.changes)
            if (c.description == description) return &c;
        return nullptr;
    };
    const Change* offline = find("Offline mode for the desktop app");
    REQUIRE(offline != nullptr);
    CHECK(offline->ref_id == "#120");
    CHECK(offline->link == "https://github.com/acme/sync/issues/120");
    CHECK(find("Sync conflict resolver") != nullptr);
    CHECK(find("Faster start-up on large libraries") != nullptr);
    CHECK(find("Escape file names in the share dialog") != nullptr);
}

TEST_CASE("security details wait for the embargo") {
    const Plan& plan = sync_plan();
    const std::string during = notes(plan, "2.0.1", Audience::technical, NotesFormat::markdown, year{2026} / 3 / 15);
    CHECK(during == R"(# Acme Sync 2.0.1 (2026-03-10)

## Bug Fixes

- Tray icon shows the right status again

## Security

This release contains 1 security fix. Details will be published on 2026-03-20.
)");
    CHECK(notes(plan, "2.0.1", Audience::customer, NotesFormat::markdown, std::nullopt).find("CVE-2026-2001") ==
          std::string::npos);
    const std::string after = notes(plan, "2.0.1", Audience::customer, NotesFormat::markdown, year{2026} / 3 / 20);
    CHECK(after.find("- [CVE-2026-2001](https://nvd.nist.gov/vuln/detail/CVE-2026-2001): Path traversal in the import "
                     "endpoint\n") != std::string::npos);
}

TEST_CASE("section titles and order follow the plan's settings") {
    Plan plan = sync_plan();
    plan.settings.notes_sections = {
        {NotesSection::security, "Security fixes", {}},
        {NotesSection::upgrade_instructions, "", {}},
        {NotesSection::summary, "About this release", {}},
        {NotesSection::security, "ignored duplicate", {}},
    };
    NotesOptions options;
    const Result<md::Document> doc = build_notes(plan, release(plan, "2.0.0"), options);
    REQUIRE(doc.ok());
    CHECK(headings(*doc) == std::vector<std::string>{
                                "# Acme Sync 2.0.0 – Phoenix (2026-03-02)", "## Security fixes", "## Upgrade Instructions",
                                "## About this release", "### Why", "## Highlights", "## Breaking Changes",
                                "## New Features", "## Improvements", "## Bug Fixes", "## Performance",
                                "## Deprecations", "## Known Issues", "## Contributors"});
}

TEST_CASE("upgrade instructions appear for breaking changes even without steps") {
    Plan plan = sync_plan();
    Release& r = plan.releases[1];
    r.upgrade_instructions.clear();
    const std::string md = notes(plan, "2.0.0", Audience::technical, NotesFormat::markdown);
    CHECK(md.find("## Upgrade Instructions\n\nThis release has breaking changes: read “Breaking Changes” before you "
                  "upgrade.\n") != std::string::npos);
    r.changes.erase(r.changes.begin());
    CHECK(notes(plan, "2.0.0", Audience::technical, NotesFormat::markdown).find("Upgrade") == std::string::npos);
}

TEST_CASE("empty sections are left out and highlights take at most five") {
    Plan plan;
    Release r;
    r.version = "1.0.0";
    for (int i = 0; i < 4; ++i) {
        Change c;
        c.category = ChangeCategory::improvement;
        c.description = "improvement " + std::to_string(i);
        r.changes.push_back(c);
        c.category = ChangeCategory::new_feature;
        c.description = "feature " + std::to_string(i);
        r.changes.push_back(c);
    }
    plan.releases.push_back(r);
    const Result<md::Document> doc = build_notes(plan, plan.releases[0], {});
    REQUIRE(doc.ok());
    CHECK(headings(*doc) == std::vector<std::string>{"# 1.0.0", "## Highlights", "## New Features", "## Improvements"});
    const std::string md = md::to_markdown(*doc);
    CHECK(md.substr(md.find("## Highlights"), md.find("## New Features") - md.find("## Highlights")) ==
          "## Highlights\n\n- **New:** feature 0\n- **New:** feature 1\n- **New:** feature 2\n- **New:** feature 3\n"
          "- **Improved:** improvement 0\n\n");
}

TEST_CASE("hostile plan strings come out inert in HTML") {
    const Plan plan = load("hostile.plan.json");
    const std::string html = notes(plan, "6.6.6", Audience::technical, NotesFormat::html);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n",
                     0) == 0);
    // The only elements are the page's own; no plan text became markup.
    for (const char* bad : {"<script", "<img", "<iframe", "<svg", "<b>", "<i>", "<a href=\"javascript", "<base",
                            "<style>body", "javascript:alert('md-link')\"", "href=\"data:",
                            "href=\"vbscript", "<!--", "</main></body><script"}) {
        INFO(bad);
        CHECK(html.find(bad) == std::string::npos);
    }
    CHECK(html.find("<title>&lt;script&gt;alert('project')&lt;/script&gt; 6.6.6 – &lt;/title&gt;&lt;script&gt;"
                    "alert('name')&lt;/script&gt; (2026-06-06)</title>") != std::string::npos);
    CHECK(html.find("<li><strong>&lt;i&gt;:</strong> &lt;script&gt;alert('breaking')&lt;/script&gt; (&lt;b&gt;, "
                    "<code>&lt;script&gt;</code>)") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.com/%22%3E%3Cscript%3Ealert(&#39;quote&#39;)%3C/script%3E\" "
                    "rel=\"noopener noreferrer\">") != std::string::npos);
    // Every link is http, https or mailto.
    for (std::size_t at = html.find("<a href=\""); at != std::string::npos; at = html.find("<a href=\"", at + 1)) {
        const std::string target = html.substr(at + 9, 8);
        CHECK((target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0 || target.rfind("mailto:", 0) == 0));
    }
    // The Markdown forms render to inert HTML too, whatever renders them.
    for (Audience a : notes_audiences) {
        for (NotesFormat f : {NotesFormat::markdown, NotesFormat::keep_a_changelog}) {
            const std::string out = notes(plan, "6.6.6", a, f);
            CHECK(out.find("](javascript") == std::string::npos);
            CHECK(out.find("](JaVaScRiPt") == std::string::npos);
            const std::string rendered = md::to_html(md::parse(out));
            CHECK(rendered.find("<script") == std::string::npos);
            CHECK(rendered.find("<img") == std::string::npos);
        }
    }
}

TEST_CASE("hostile plan Markdown keeps its structure") {
    const Plan plan = load("hostile.plan.json");
    const std::string md = notes(plan, "6.6.6", Audience::technical, NotesFormat::markdown);
    const md::Document doc = md::parse(md);
    CHECK(headings(doc) == std::vector<std::string>{
                               "# <script>alert('project')</script> 6.6.6 – </title><script>alert('name')</script> "
                               "(2026-06-06)",
                               "## Highlights", "## Breaking Changes", "## New Features", "## Improvements",
                               "## Bug Fixes", "## Security", "## Upgrade Instructions", "## Known Issues",
                               "## Contributors"});
}

TEST_CASE("options are checked") {
    NotesOptions internal;
    internal.audience = Audience::internal;
    const auto a = render_notes(sync_plan(), sync_plan().releases[0], internal);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().message == "release notes are for the technical, customer or end-user audience, not internal");
    NotesOptions narrow;
    narrow.format = NotesFormat::text;
    narrow.text_width = 10;
    const auto b = render_notes(sync_plan(), sync_plan().releases[0], narrow);
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().message == "text width 10 is out of range (20 to 1000 columns)");
}

TEST_CASE("format names, file names and visibility") {
    CHECK(parse_notes_format("md") == NotesFormat::markdown);
    CHECK(parse_notes_format("markdown") == NotesFormat::markdown);
    CHECK(parse_notes_format("kac") == NotesFormat::keep_a_changelog);
    CHECK(parse_notes_format("txt") == NotesFormat::text);
    CHECK(parse_notes_format("html") == NotesFormat::html);
    CHECK_FALSE(parse_notes_format("pdf").has_value());
    for (NotesFormat f : notes_formats) CHECK(parse_notes_format(to_string(f)) == f);
    CHECK(media_type(NotesFormat::html) == "text/html; charset=utf-8");
    NotesOptions o;
    o.audience = Audience::end_user;
    o.format = NotesFormat::html;
    CHECK(notes_file_name(sync_plan(), sync_plan().releases[1], o) == "acme-sync-2.0.0-release-notes-end-user.html");
    Plan odd;
    odd.project.name = "../../etc/<passwd>";
    Release r;
    r.id = "x";
    CHECK(notes_file_name(odd, r, {}) == "etc-passwd-x-release-notes.md");

    Change c;
    c.audience = Audience::internal;
    CHECK_FALSE(visible_to(c, Audience::technical));
    CHECK_FALSE(visible_to(c, Audience::customer));
    CHECK_FALSE(visible_to(c, Audience::end_user));
    c.audience = Audience::customer;
    CHECK(visible_to(c, Audience::customer));
    CHECK_FALSE(visible_to(c, Audience::end_user));
    c.audience = Audience::end_user;
    CHECK(visible_to(c, Audience::customer));
    CHECK(visible_to(c, Audience::end_user));
}

// Speed for 100,000 changes is measured by the benchmark; here a large release must come out whole and
// the same every time.
TEST_CASE("notes for a large release are complete and deterministic") {
    Plan plan = test::plan_named("Big");
    Release r;
    r.version = "9.0.0";
    r.summary = "Lots of changes.";
    const ChangeCategory categories[] = {ChangeCategory::new_feature, ChangeCategory::bug_fix, ChangeCategory::improvement,
                                         ChangeCategory::security, ChangeCategory::performance};
    constexpr int count = 20000;
    for (int i = 0; i < count; ++i) {
        Change c;
        c.id = "c" + std::to_string(i);
        c.category = categories[i % 5];
        c.description = "Change number " + std::to_string(i) + " with *markup* <and> [brackets]";
        c.ref_id = "#" + std::to_string(i);
        c.link = "https://example.com/issues/" + std::to_string(i);
        c.commit = "0123456789abcdef";
        c.audience = i % 3 == 0 ? Audience::customer : Audience::technical;
        r.changes.push_back(std::move(c));
    }
    plan.releases.push_back(std::move(r));
    for (NotesFormat f : notes_formats) {
        NotesOptions o;
        o.format = f;
        const Result<std::string> out = render_notes(plan, plan.releases[0], o);
        REQUIRE(out.ok());
        INFO(to_string(f));
        std::size_t entries = 0;
        for (std::size_t at = out->find("Change number "); at != std::string::npos; at = out->find("Change number ", at + 1))
            ++entries;
        // Every change once, the first five features and improvements once more as highlights.
        CHECK(entries == count + (f == NotesFormat::keep_a_changelog ? 0 : 5));
    }
    NotesOptions customer;
    customer.audience = Audience::customer;
    CHECK(*render_notes(plan, plan.releases[0], customer) == *render_notes(plan, plan.releases[0], customer));
}

namespace {

Change customer_change(const char* id, ChangeCategory category, const char* description) {
    Change c = test::change(id, description, category);
    c.audience = Audience::customer;
    return c;
}

// A breaking 2.0.0 with three consumers: one cut off by its caret, one already on 2.x pre-releases,
// one that takes every version.
Plan consumer_plan() {
    Plan p = test::plan_named("Acme SDK");
    p.consumers = {Consumer{"web-app", "^1.4.0", "Web team", "web@acme.test", {}},
                   Consumer{"mobile-app", "~1.4.2", "", "", {}},
                   Consumer{"cli", "*", "Tools", "#tools", {}}};
    Release r = test::release("sdk-2.0", "2.0.0");
    r.type = ReleaseType::major;
    r.release_date = year{2026} / 4 / 14;
    r.changes = {customer_change("c1", ChangeCategory::breaking_change, "Drop the v1 client")};
    p.releases.push_back(r);
    Release patch = r;
    patch.id = "sdk-1.4.3";
    patch.version = "1.4.3";
    patch.type = ReleaseType::patch;
    patch.changes = {customer_change("c2", ChangeCategory::bug_fix, "Fix retries")};
    p.releases.push_back(patch);
    return p;
}

}  // namespace

TEST_CASE("breaking releases name the consumers they cut off and who to notify, in technical notes only") {
    const Plan plan = consumer_plan();
    const std::string md = notes(plan, "2.0.0", Audience::technical, NotesFormat::markdown);
    const std::string upgrade = md.substr(md.find("## Upgrade Instructions"));
    CHECK(upgrade.find("Consumers whose declared range does not take 2.0.0") != std::string::npos);
    CHECK(upgrade.find("- **web-app** declares `^1.4.0`: move to `^2.0.0`\n") != std::string::npos);
    CHECK(upgrade.find("- **mobile-app** declares `~1.4.2`: move to `^2.0.0`\n") != std::string::npos);
    CHECK(upgrade.find("**cli**") == std::string::npos);  // "*" takes 2.0.0: nothing to do
    CHECK(upgrade.find("### Who to notify\n") != std::string::npos);
    CHECK(upgrade.find("- **web-app**: Web team (web@acme.test) \xE2\x80\x94 cut off by `^1.4.0`\n") != std::string::npos);
    CHECK(upgrade.find("- **mobile-app**: no owner or contact in the plan \xE2\x80\x94 cut off by `~1.4.2`\n") !=
          std::string::npos);
    // Public audiences never see consumers, owners or contacts.
    for (Audience a : {Audience::customer, Audience::end_user}) {
        for (NotesFormat f : notes_formats) {
            const std::string out = notes(plan, "2.0.0", a, f);
            CHECK(out.find("web-app") == std::string::npos);
            CHECK(out.find("web@acme.test") == std::string::npos);
            CHECK(out.find("Who to notify") == std::string::npos);
        }
    }
    // The plain-text and HTML forms carry the same lists.
    const std::string text = notes(plan, "2.0.0", Audience::technical, NotesFormat::text);
    CHECK(text.find("Who to notify") != std::string::npos);
    CHECK(text.find("web@acme.test") != std::string::npos);
    const std::string html = notes(plan, "2.0.0", Audience::technical, NotesFormat::html);
    CHECK(html.find("<h3>Who to notify</h3>") != std::string::npos);
    // A patch every consumer receives has no upgrade section at all.
    CHECK(notes(plan, "1.4.3", Audience::technical, NotesFormat::markdown).find("Upgrade Instructions") == std::string::npos);
}

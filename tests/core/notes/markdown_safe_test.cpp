// md::sanitize_markdown, the one Markdown policy for author text, as its two users see it: release
// notes (md::inline_markdown, rendered to HTML/Markdown/text) and `relplan changelog` (descriptions
// and summaries written as Markdown, read back by import).
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "notes/markdown.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>

using namespace relplan;

namespace {

Plan one_change(std::string description, std::string summary = {}) {
    Plan plan = test::plan_named("Widget");
    Release r = test::release("1.0.0", "1.0.0");
    r.status = ReleaseStatus::released;
    r.summary = std::move(summary);
    r.changes = {test::change("1.0.0:1", std::move(description), ChangeCategory::bug_fix)};
    plan.releases = {r};
    return plan;
}

}  // namespace

TEST_CASE("sanitize_markdown keeps what authors wrote when it is safe") {
    for (const char* safe : {"Plain words", "_em_ and __strong__ and *em* and **strong**", "keep `<b>` and ``a ` b``",
                             "[docs](https://example.com/a_(b)) and [mail](MAILTO:team@example.com \"Team\")",
                             "<https://example.com/x> and <mailto:a@example.com>", "\\<b> and \\[x](javascript:y)",
                             "x < y and a<3", "[ref][1] and [1]", "line one\nline [two](http://example.com)",
                             "&lt;b> stays an entity"}) {
        INFO(safe);
        CHECK(md::sanitize_markdown(safe) == safe);
    }
}

TEST_CASE("sanitize_markdown makes raw HTML literal and drops targets of other schemes") {
    CHECK(md::sanitize_markdown("Fix <script>alert(1)</script> and <!-- c --> and <?php") ==
          "Fix &lt;script>alert(1)&lt;/script> and &lt;!-- c --> and &lt;?php");
    CHECK(md::sanitize_markdown("[click](javascript:alert(1)) here") == "click here");
    CHECK(md::sanitize_markdown("![img](javascript:alert(1))") == "!img");
    CHECK(md::sanitize_markdown("[a](<javascript:x> \"t\") and [b](data:text/html,x 'u') and [c]()") == "a and b and c");
    CHECK(md::sanitize_markdown("<javascript:alert(1)>") == "&lt;javascript:alert(1)>");
    CHECK(md::sanitize_markdown("[a [b](javascript:x) c](https://example.com)") == "[a b c](https://example.com)");
    CHECK(md::sanitize_markdown("[`]`](javascript:x)") == "`]`");
}

TEST_CASE("sanitize_markdown sees links and code spans the way a renderer does") {
    // A link's words or target may run over a line break within a paragraph.
    CHECK(md::sanitize_markdown("see [the\ndocs](javascript:x) now") == "see the\ndocs now");
    CHECK(md::sanitize_markdown("see [docs](\njavascript:x) now") == "see docs now");
    // ... but not over a blank line.
    CHECK(md::sanitize_markdown("[a\n\n](javascript:x)") == "[a\n\n](javascript:x)");
    // A code span is trusted on one line only: across lines it may be two blocks in the file.
    CHECK(md::sanitize_markdown("`a\n<b>`") == "`a\n&lt;b>`");
    // An edit that uncovers a link is seen by the next pass.
    const std::string out = md::sanitize_markdown("[x <javascript:a](javascript:b)>");
    CHECK(out.find("](javascript") == std::string::npos);
    CHECK(md::sanitize_markdown(out) == out);
}

TEST_CASE("release notes and the changelog apply the same policy to one description") {
    const std::string d = "see [the\ndocs](javascript:alert(1)), [site](https://example.com) and <b>bold</b>";
    CHECK(md::to_html(test::description_paragraph(d)) ==
          "<p>see the\ndocs, <a href=\"https://example.com\" rel=\"noopener noreferrer\">site</a> and "
          "&lt;b&gt;bold&lt;/b&gt;</p>\n");
    const std::string file = changelog_document(one_change(d), {});
    CHECK(file.find("- see the\n  docs, [site](https://example.com) and &lt;b>bold&lt;/b>\n") != std::string::npos);
    const auto back = import_changelog(file);
    REQUIRE(back);
    CHECK(md::plain_text(md::inline_markdown(back->plan.releases.at(0).changes.at(0).description)) ==
          md::plain_text(md::inline_markdown(d)));
}

TEST_CASE("changelog export keeps fenced code as written and sanitises summaries across lines") {
    const std::string d = "Render tags\n```html\n<b>bold</b> [x](javascript:y)\n```\n<i>after</i>";
    const std::string file = changelog_document(one_change(d, "Read [the\nnotes](javascript:x) first."), {});
    CHECK(file.find("  ```html\n  <b>bold</b> [x](javascript:y)\n  ```\n  &lt;i>after&lt;/i>\n") != std::string::npos);
    CHECK(file.find("Read the\nnotes first.\n") != std::string::npos);
    const auto back = import_changelog(file);
    REQUIRE(back);
    CHECK(back->plan.releases.at(0).changes.at(0).description.rfind("Render tags\n```html\n<b>bold</b> [x](javascript:y)\n```", 0) == 0);
}

TEST_CASE("sanitize_markdown is idempotent and leaves no tag opener (property)") {
    std::mt19937 rng(20261206);
    const std::string alphabet = "ab <>[]()`\\\n!:/\"'jh-";
    const std::string words[] = {"javascript:", "https://x", "<b>", "](", "[", "`", "\n\n"};
    for (int n = 0; n < 3000; ++n) {
        std::string d;
        const int len = static_cast<int>(rng() % 30);
        for (int i = 0; i < len; ++i) d += rng() % 4 == 0 ? words[rng() % 7] : std::string(1, alphabet[rng() % alphabet.size()]);
        INFO(d);
        const std::string out = md::sanitize_markdown(d);
        CHECK(md::sanitize_markdown(out) == out);
        // Without code spans to hide it, nothing that opens raw HTML is left.
        if (out.find('`') != std::string::npos) continue;
        for (std::size_t at = out.find('<'); at != std::string::npos; at = out.find('<', at + 1)) {
            const char next = at + 1 < out.size() ? out[at + 1] : ' ';
            const bool opener = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
            const bool escaped = at > 0 && out[at - 1] == '\\';
            if (opener && !escaped) CHECK(out.substr(at, 10).rfind("<https://x", 0) == 0);
        }
    }
}

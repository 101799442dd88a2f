// The inline-Markdown policy for plan strings (md::inline_markdown, md::canonical_inline_markdown):
// what survives into Markdown, HTML and plain text, and what can never get through.
#include "notes/markdown.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace relplan;

namespace {

std::string html(std::string_view description) { return md::to_html(test::description_paragraph(description)); }

std::string text(std::string_view description) { return md::to_text(test::description_paragraph(description), 200); }

// The description as it reads back from a Markdown file, rendered: one paragraph.
std::string reparsed_html(const std::string& markdown) {
    const md::Document doc = md::parse(markdown);
    REQUIRE(doc.blocks.size() == 1);
    REQUIRE(doc.blocks[0].kind == md::BlockKind::paragraph);
    return md::to_html(doc);
}

}  // namespace

TEST_CASE("descriptions keep code spans, emphasis and web links in every output") {
    const std::string d = "Add `--dry-run` to *sync* (see [docs](https://example.com/sync?a=1&b=2))";
    CHECK(md::canonical_inline_markdown(d) == "Add `--dry-run` to *sync* (see [docs](https://example.com/sync?a=1&b=2))");
    CHECK(html(d) == "<p>Add <code>--dry-run</code> to <em>sync</em> (see <a href=\"https://example.com/sync?a=1&amp;b=2\" "
                     "rel=\"noopener noreferrer\">docs</a>)</p>\n");
    CHECK(text(d) == "Add --dry-run to sync (see docs <https://example.com/sync?a=1&b=2>)\n");
    CHECK(md::canonical_inline_markdown("Mail <mailto:sec@example.com> or **now**") == "Mail <mailto:sec@example.com> or **now**");
}

TEST_CASE("links to other schemes and raw HTML never get through") {
    CHECK(md::canonical_inline_markdown("[click](javascript:alert(1)) here") == "click here");
    CHECK(html("[click](javascript:alert(1))") == "<p>click</p>\n");
    CHECK(html("[x](data:text/html,<script>alert(1)</script>)").find("<script") == std::string::npos);
    CHECK(md::canonical_inline_markdown("Fix <script>alert(1)</script> in <b>bold</b>") ==
          "Fix \\<script>alert(1)\\</script> in \\<b>bold\\</b>");
    CHECK(html("Fix <img src=x onerror=alert(1)>") == "<p>Fix &lt;img src=x onerror=alert(1)&gt;</p>\n");
    CHECK(text("Fix <b>bold</b>") == "Fix <b>bold</b>\n");
}

TEST_CASE("a description can never start a block in the exported file") {
    const struct {
        const char* description;
        const char* markdown;
    } cases[] = {
        {"## [9.9.9] - 2030-01-01", "\\## \\[9.9.9\\] - 2030-01-01"},
        {"[9.9.9]: https://evil.example", "\\[9.9.9\\]: https://evil.example"},
        {"- not an item", "\\- not an item"},
        {"> not a quote", "\\> not a quote"},
        {"1. not a list", "1\\. not a list"},
        {"first\n## second\n- third\n===", "first\n\\## second\n\\- third\n\\==="},
        {"    indented code?", "indented code?"},
        {"```\nfenced?\n```", "`fenced?`"},
    };
    for (const auto& c : cases) {
        INFO(c.description);
        const std::string out = md::canonical_inline_markdown(c.description);
        CHECK(out == c.markdown);
        // Read back as the text of a list item, it is still one paragraph with the same inlines.
        CHECK(reparsed_html(out) == html(c.description));
        CHECK(md::parse("- " + out).blocks.size() == 1);
    }
}

TEST_CASE("the sanitiser is idempotent and keeps lines") {
    for (const char* d : {"Plain words", "a *b* `c` [d](https://e.example)", "## x\n- y", "<b>x</b> & y",
                          "back\\slash and \\*stars\\*", "two\n\nparagraphs become one", "  trimmed  \n  lines  "}) {
        INFO(d);
        const std::string once = md::canonical_inline_markdown(d);
        CHECK(md::canonical_inline_markdown(once) == once);
        CHECK(once.find("\n\n") == std::string::npos);
    }
    CHECK(md::canonical_inline_markdown("two\n\nparagraphs") == "two\nparagraphs");
    CHECK(md::canonical_inline_markdown("").empty());
}

// Idempotence is checked without '*' and '_': literal ones right next to emphasis can regroup in
// the canonical form (md::to_markdown says so); every other property holds for all input.
TEST_CASE("random descriptions come out as one inert paragraph (property)") {
    std::mt19937 rng(20261205);
    const std::string alphabet = "ab #-*_`[]()<>!:/\\\n.1=|&;hjtps";
    for (int n = 0; n < 2000; ++n) {
        std::string d;
        const int len = static_cast<int>(rng() % 40);
        for (int i = 0; i < len; ++i) d += alphabet[rng() % alphabet.size()];
        INFO(d);
        const std::string out = md::canonical_inline_markdown(d);
        if (d.find_first_of("*_") == std::string::npos) CHECK(md::canonical_inline_markdown(out) == out);
        const md::Document doc = md::parse("- " + out);
        CHECK(doc.blocks.size() <= 1);
        if (!doc.blocks.empty()) {
            CHECK(doc.blocks[0].kind == md::BlockKind::bullet_list);
            CHECK(doc.blocks[0].children.size() == 1);
        }
        CHECK(html(d).find("<script") == std::string::npos);
    }
}

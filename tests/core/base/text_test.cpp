#include "base/text.hpp"

#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;

namespace {

// Every line of `text` fits in `width` columns.
bool fits(const std::string& text, int width) {
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        if (display_width(text.substr(start, nl - start)) > width) return false;
        if (nl == std::string::npos) return true;
        start = nl + 1;
    }
}

// The text with all whitespace removed: wrapping must only move line breaks and spaces.
std::string squeezed(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t') out += c;
    return out;
}

}  // namespace

TEST_CASE("clean_text keeps valid text and replaces what would break a document or a terminal") {
    for (const auto& [input, expected] : std::vector<std::pair<std::string, std::string>>{
             {"plain ASCII, tab\tand\nnewline", "plain ASCII, tab\tand\nnewline"},
             {"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x91\x8D", "caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x91\x8D"},
             {"a\r\nb\rc", "a\nb\nc"},
             {std::string("nul\0byte", 8), "nul\xEF\xBF\xBD" "byte"},
             {"\x1B[31mred", "\xEF\xBF\xBD[31mred"},
             {"c1 \xC2\x9B control", "c1 \xEF\xBF\xBD control"},
             {"bad \xFF\xFE end", "bad \xEF\xBF\xBD\xEF\xBF\xBD end"},
             {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
             {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
             {"truncated \xE4\xB8", "truncated \xEF\xBF\xBD\xEF\xBF\xBD"},
         })
        CHECK(clean_text(input) == expected);
}

TEST_CASE("HTML escaping for element content and attribute values") {
    CHECK(html_escape_text("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;");
    CHECK(html_escape_attribute("\" onerror=\"alert(1)' x='<>&") ==
          "&quot; onerror=&quot;alert(1)&#39; x=&#39;&lt;&gt;&amp;");
    CHECK(html_escape_text("&amp; stays visible as typed") == "&amp;amp; stays visible as typed");
    CHECK(html_escape_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("sanitize_url allows http, https and mailto only") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"https://example.com/a?b=1&c=2#d", "https://example.com/a?b=1&c=2#d"},
        {"http://example.com", "http://example.com"},
        {"mailto:team@example.com", "mailto:team@example.com"},
        {"HTTPS://Example.COM/Path", "https://Example.COM/Path"},
        {"  https://example.com/with space  ", "https://example.com/with%20space"},
        {"https://example.com/\"><script>", "https://example.com/%22%3E%3Cscript%3E"},
        {"https://example.com/caf\xC3\xA9", "https://example.com/caf\xC3\xA9"},
        // Browsers read backslashes after the scheme as slashes (found by fuzz_markdown: "https:%5C/x").
        {"https:\\/example.com/a\\b", "https://example.com/a%5Cb"},
        {"http:\\\\example.com", "http://example.com"},
    };
    for (const auto& [input, expected] : rows) CHECK(sanitize_url(input) == expected);

    for (const char* bad : {
             "javascript:alert(1)",
             "JaVaScRiPt:alert(1)",
             " \t javascript:alert(1)",
             "java\tscript:alert(1)",
             "java\nscript:alert(1)",
             "\x01javascript:alert(1)",
             "javascript&colon;alert(1)",
             "javascript&#58;alert(1)",
             "javascript&#x3A;alert(1)",
             "&#106;avascript:alert(1)",
             "&#x6A;avascript:alert(1)",
             "https&#58;//example.com",
             "\xC2\xA0javascript:alert(1)",
             "vbscript:msgbox(1)",
             "data:text/html,<script>alert(1)</script>",
             "file:///etc/passwd",
             "ftp://example.com",
             "//evil.example",
             "/relative/path",
             "relative",
             "#fragment",
             "",
             "   ",
             "http:",
             "http://",
             "https:///path",
             "https:example.com",
             "mailto:",
         }) {
        INFO(bad);
        CHECK_FALSE(sanitize_url(bad).has_value());
    }
}

TEST_CASE("sanitize_url output always starts with an allowed scheme (property)") {
    std::mt19937 rng(7);
    const std::string pieces[] = {"java", "script", ":", "&#", "58;", "x", "http", "s", "//", "\t", " ", "\n",
                                  "&colon;", "mailto", "\x01", "a.b", "%3A", "\\"};
    for (int i = 0; i < 20000; ++i) {
        std::string url;
        for (int k = 0; k < 6; ++k) url += pieces[rng() % std::size(pieces)];
        const auto clean = sanitize_url(url);
        if (!clean) continue;
        INFO(url);
        const bool allowed = clean->rfind("http://", 0) == 0 || clean->rfind("https://", 0) == 0 ||
                             clean->rfind("mailto:", 0) == 0;
        CHECK(allowed);
        CHECK(clean->find_first_of(" \t\n\"<>") == std::string::npos);
    }
}

TEST_CASE("markdown_escape neutralises Markdown syntax in plan text") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"plain words stay plain", "plain words stay plain"},
        {"*bold* _em_ `code` [link](x) <b> | ~", "\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b> \\| \\~"},
        {"# not a heading", "\\# not a heading"},
        {"- not a list", "\\- not a list"},
        {"+ not a list", "\\+ not a list"},
        {"> not a quote", "\\> not a quote"},
        {"2026. was a good year", "2026\\. was a good year"},
        {"3) third", "3\\) third"},
        {"=== not a heading underline", "\\=== not a heading underline"},
        {"back\\slash", "back\\\\slash"},
        {"AT&T and &amp; and &#123;", "AT&T and \\&amp; and \\&#123;"},
        {"line one\nline two", "line one line two"},
    };
    for (const auto& [input, expected] : rows) CHECK(markdown_escape(input) == expected);
    CHECK(markdown_escape("mid-line # and - stay", false) == "mid-line # and - stay");
    CHECK(markdown_escape("# heading marker mid-line", false) == "# heading marker mid-line");
    CHECK(markdown_escape("v1.2.3 fixes #42") == "v1.2.3 fixes #42");
}

TEST_CASE("display width counts terminal columns") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("\xE4\xB8\xAD\xE6\x96\x87") == 4);           // 中文
    CHECK(display_width("\xEF\xBC\xA1") == 2);                        // fullwidth A
    CHECK(display_width("e\xCC\x81") == 1);                           // e + combining acute
    CHECK(display_width("\xF0\x9F\x91\x8D") == 2);                    // thumbs up
    CHECK(display_width("\xE2\x9D\xA4\xEF\xB8\x8F") == 2);            // heart + VS16
    CHECK(display_width("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA") == 2);    // flag DE
    CHECK(display_width("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7") == 2);  // family
    CHECK(display_width("\xEA\xB0\x80") == 2);                        // Hangul syllable
    CHECK(display_width("\xE2\x80\x8B") == 0);                        // zero width space
    CHECK(display_width("\xFF") == 1);                                // U+FFFD
    CHECK(code_point_width(U'\x1B') == 0);
    CHECK(code_point_width(0x20000) == 2);
}

TEST_CASE("wrap_text breaks at spaces and keeps line breaks") {
    CHECK(wrap_text("The quick brown fox jumps over the lazy dog", {.width = 15}) ==
          "The quick brown\nfox jumps over\nthe lazy dog");
    CHECK(wrap_text("first paragraph\n\nsecond one here", {.width = 10}) == "first\nparagraph\n\nsecond one\nhere");
    CHECK(wrap_text("  indented line stays indented", {.width = 40}) == "  indented line stays indented");
    CHECK(wrap_text("trailing spaces   \nare dropped   ", {.width = 40}) == "trailing spaces\nare dropped");
    CHECK(wrap_text("", {.width = 10}) == "");
    CHECK(wrap_text("exactly ten", {.width = 11}) == "exactly ten");
    CHECK(wrap_text("a bullet item that needs wrapping",
                    {.width = 16, .first_prefix = "- ", .rest_prefix = "  "}) ==
          "- a bullet item\n  that needs\n  wrapping");
    CHECK(wrap_text("quoted\n\ntext", {.width = 20, .first_prefix = "> ", .rest_prefix = "> "}) == "> quoted\n>\n> text");
}

TEST_CASE("wrap_text hard-breaks words longer than a line") {
    CHECK(wrap_text("see https://example.com/a/very/long/path/that/cannot/fit here", {.width = 20}) ==
          "see\nhttps://example.com/\na/very/long/path/tha\nt/cannot/fit here");
    CHECK(wrap_text("abcdefghij", {.width = 1}) == "a\nb\nc\nd\ne\nf\ng\nh\ni\nj");
    // A combining mark stays with its letter.
    CHECK(wrap_text("e\xCC\x81" "e\xCC\x81" "e\xCC\x81", {.width = 2}) == "e\xCC\x81" "e\xCC\x81\ne\xCC\x81");
}

TEST_CASE("wrap_text counts CJK and emoji as two columns") {
    // 日本語のテキストを折り返します。 — breaks between ideographs, never before "。".
    CHECK(wrap_text("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88"
                    "\xE3\x82\x92\xE6\x8A\x98\xE3\x82\x8A\xE8\xBF\x94\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82",
                    {.width = 10}) ==
          "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\n"
          "\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\xE3\x82\x92\xE6\x8A\x98\n"
          "\xE3\x82\x8A\xE8\xBF\x94\xE3\x81\x97\xE3\x81\xBE\n"
          "\xE3\x81\x99\xE3\x80\x82");
    // Mixed text: "Release 中文版 ready" at 12 columns.
    CHECK(wrap_text("Release \xE4\xB8\xAD\xE6\x96\x87\xE7\x89\x88 ready", {.width = 12}) ==
          "Release \xE4\xB8\xAD\xE6\x96\x87\n\xE7\x89\x88 ready");
    // Emoji are two columns; a ZWJ family is one glyph.
    CHECK(wrap_text("ok \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D done", {.width = 7}) ==
          "ok \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D\n\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D\ndone");
    CHECK(wrap_text("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 family", {.width = 8}) ==
          "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\nfamily");
}

TEST_CASE("wrap_text never crashes and never loses text (property)") {
    std::mt19937 rng(11);
    const std::string pieces[] = {"a", "word", " ", "  ", "\n", "\xE4\xB8\xAD", "\xF0\x9F\x91\x8D", "e\xCC\x81",
                                  "\xFF", "\xE2\x80\x8D", "\xF0\x9F\x87\xA9", "verylongwordwithoutspaces", "\t",
                                  "\xE3\x80\x82", "\xEF\xBC\x88", "\r\n"};
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        const int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
        const int width = 2 + static_cast<int>(rng() % 30);
        const std::string wrapped = wrap_text(text, {.width = width});
        INFO(text << " @" << width);
        CHECK(fits(wrapped, width));
        CHECK(squeezed(wrapped) == squeezed(clean_text(text)));
    }
}

TEST_CASE("wrap_text on invalid UTF-8 replaces instead of failing") {
    CHECK(wrap_text("ab\xC3 cd\xFF\xFE", {.width = 3}) == "ab\xEF\xBF\xBD\ncd\xEF\xBF\xBD\n\xEF\xBF\xBD");
}

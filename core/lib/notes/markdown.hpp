// A small Markdown document model: what the release-notes generator builds and the live preview draws.
//
// parse() reads CommonMark 0.30 with GFM pipe tables through md4c (markdown.cpp): ATX and setext
// headings, paragraphs, bullet and ordered lists (nested, tight or loose), block quotes, fenced and
// indented code, thematic breaks, tables (md4c's rules: the header row starts a block, delimiter cells
// have three or more characters); inline emphasis, strong emphasis, code spans, links (inline,
// reference and <autolinks>), backslash escapes, numeric and named (HTML5) character references,
// hard and soft line breaks. Raw HTML is literal text; images become "!" and a link; strikethrough
// is not read. The result is a plain tree of values; the UI walks it to draw styled text.
//
// Guarantees, for any input bytes: no crash, time linear in the input, container nesting at most
// max_block_depth (deeper containers' content joins the deepest one kept), emphasis nesting at most
// max_inline_depth outside links and again inside each link (deeper emphasis becomes '*' or '**'
// around its text), all strings valid UTF-8 without control characters (line feeds
// and tabs only inside code blocks), and every parsed link has an http/https/mailto URL from sanitize_url
// (text.hpp); a link to anything else is parsed as its text alone.
//
// Renderers: to_markdown (CommonMark that parses back to the same tree for generated documents and
// ordinary Markdown; literal '*' and '_' right next to emphasis can regroup), to_html (an HTML
// fragment: every string escaped, links re-checked, nothing executable), to_text (plain text wrapped
// at a column width, Unicode-aware).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::md {

inline constexpr int max_block_depth = 32;   // block quotes, lists and list items, counted together
inline constexpr int max_inline_depth = 16;  // emphasis and links inside each other

enum class InlineKind { text, code, emphasis, strong, link, soft_break, hard_break };

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;              // text, code: the characters shown (never a line feed)
    std::string url;               // link: sanitized target; empty = not followable (renderers show the text)
    std::vector<Inline> children;  // emphasis, strong, link
    bool operator==(const Inline&) const = default;
};

enum class BlockKind {
    paragraph,
    heading,
    bullet_list,
    ordered_list,
    list_item,
    block_quote,
    code_block,
    thematic_break,
    table,
    table_row,
    table_cell,
};

enum class Align { none, left, center, right };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;             // heading: 1..6
    std::int64_t start = 1;    // ordered_list: number of the first item
    bool tight = true;         // bullet_list, ordered_list: items without blank lines between them
    std::string info;          // code_block: the fence's info string ("cpp"), empty if none
    std::string literal;       // code_block: the code, every line ending in '\n'
    Align align = Align::none;  // table_cell
    std::vector<Inline> inlines;  // paragraph, heading, table_cell
    // bullet_list, ordered_list: list_items; list_item, block_quote: blocks; table: table_rows, the
    // first one the header; table_row: table_cells (every row has as many cells as the header).
    std::vector<Block> children;
    bool operator==(const Block&) const = default;
};

struct Document {
    std::vector<Block> blocks;
    bool operator==(const Document&) const = default;
};

Document parse(std::string_view markdown);

std::string to_markdown(const Document& document);
std::string to_html(const Document& document);
std::string to_text(const Document& document, int width = 72);

// The characters of inline content without markup (link targets left out): for headings in plain
// text, window titles, search.
std::string plain_text(const std::vector<Inline>& inlines);

// The one Markdown policy for what authors write in plan strings (change descriptions, summaries),
// shared by every output. sanitize_markdown gives `text` back byte for byte except that a raw HTML
// opener (`<b`, `</`, `<!`, `<?`, an autolink to a refused scheme) becomes `&lt;` and an inline link or
// image whose target sanitize_url (text.hpp) refuses becomes its text alone; code spans on one line
// and http(s)/mailto autolinks and links stay as written. Rendering the result with raw HTML enabled
// (GitHub, any CommonMark renderer) shows no tag and follows no other scheme. It does not decide
// block structure: callers keep text from opening a block where their context needs it.
std::string sanitize_markdown(std::string_view text);

// sanitize_markdown read as inline content only: emphasis, strong emphasis, code spans and links keep
// their meaning; block syntax has no meaning ("## x", "- x", "> x", "[x]: url" at a line start are
// text), so a description can never start a heading, list, quote or link reference definition.
// Lines are trimmed, blank lines dropped, and the line breaks between them become soft breaks.
std::vector<Inline> inline_markdown(std::string_view source);
// inline_markdown written back as canonical Markdown to put after "- " in a Markdown file: it renders
// to the same inlines, never starts a block (escapes where needed) and contains no blank line. Line
// breaks are '\n' (indent continuation lines under a list item). Applying it again gives the result
// unchanged, except where literal '*' or '_' sit right next to emphasis (see to_markdown).
std::string canonical_inline_markdown(std::string_view source);

// Small builders for generated documents; they keep the invariants above (text is cleaned, line
// breaks become soft_break inlines, link targets go through sanitize_url).
std::vector<Inline> text_inlines(std::string_view text);
Inline text(std::string_view text);
Inline code(std::string_view text);
Inline strong(std::vector<Inline> children);
Inline emphasis(std::vector<Inline> children);
Inline link(std::vector<Inline> children, std::string_view url);
Block paragraph(std::vector<Inline> inlines);
Block heading(int level, std::vector<Inline> inlines);
// A bullet or ordered list of list_item blocks, and one item holding `blocks`.
Block list(BlockKind kind, std::vector<Block> items);
Block list_item(std::vector<Block> blocks);

}  // namespace relplan::md

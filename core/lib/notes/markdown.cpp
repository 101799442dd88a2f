// Parsing: md4c (CommonMark 0.30 with GFM tables, raw HTML off) reads the text; its callbacks build
// the document model of markdown.hpp, applying our limits and URL policy on the way. The shared
// character-reference decoder used by the writers lives here too.
#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <md4c.h>
extern "C" {
#include <entity.h>
}

#include <algorithm>
#include <utility>

namespace relplan::md {

namespace detail {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A character reference at s[i] ('&'): appends its text and returns its length, or returns 0.
// Decoded control characters would break the model's invariants: line breaks and tabs become spaces,
// the rest U+FFFD, as do NUL, surrogates and out-of-range numbers.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
        ++j;
        const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        const std::size_t start = j;
        std::uint32_t value = 0;
        while (j < s.size() && j - start < (hex ? 6u : 7u)) {
            const char c = static_cast<char>(s[j] | 0x20);
            const int d = is_digit(s[j]) ? s[j] - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) break;
            value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            ++j;
        }
        if (j == start || j >= s.size() || s[j] != ';') return 0;
        if (value == '\n' || value == '\t' || value == '\r') {
            out += ' ';
        } else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || value < 0x20 ||
                   (value >= 0x7F && value <= 0x9F)) {
            out += "\xEF\xBF\xBD";
        } else {
            utf8::append(out, value);
        }
        return j + 1 - i;
    }
    const std::size_t start = j;
    while (j < s.size() && is_alnum(s[j]) && j - start < 32) ++j;
    if (j == start || j >= s.size() || s[j] != ';') return 0;
    // HTML5's named references, as CommonMark requires: md4c's table ("&name;" keys).
    const entity* e = entity_lookup(s.data() + i, j + 1 - i);
    if (e == nullptr) return 0;
    for (const unsigned cp : e->codepoints) {
        if (cp != 0) utf8::append(out, cp);
    }
    return j + 1 - i;
}

}  // namespace detail

namespace {

constexpr std::string_view nbsp = "\xC2\xA0";

// An md4c attribute (link target, info string) as text: entities decoded, NUL as U+FFFD.
std::string attribute(const MD_ATTRIBUTE& a) {
    std::string out;
    if (a.text == nullptr) return out;
    for (int k = 0; a.substr_offsets[k] < a.size; ++k) {
        const std::string_view part(a.text + a.substr_offsets[k], a.substr_offsets[k + 1] - a.substr_offsets[k]);
        if (a.substr_types[k] == MD_TEXT_NULLCHAR) {
            out += "\xEF\xBF\xBD";
        } else if (a.substr_types[k] != MD_TEXT_ENTITY || detail::decode_entity(part, 0, out) == 0) {
            out += part;
        }
    }
    return out;
}

bool is_container(MD_BLOCKTYPE t) {
    return t == MD_BLOCK_QUOTE || t == MD_BLOCK_UL || t == MD_BLOCK_OL || t == MD_BLOCK_LI;
}

// Builds the model from md4c's callbacks. Containers deeper than max_block_depth and emphasis deeper
// than max_inline_depth are not made: their content goes to the nearest node that was (a list is only
// made when its items fit too, so lists hold list items only). `skip` lists the offsets of the
// separators inline_markdown put before each line; text starting there loses them.
class Builder {
public:
    Builder(std::string_view source, std::vector<std::size_t> skip) : source_(source), skip_(std::move(skip)) {}

    Document run(unsigned flags) {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = flags;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* self) { return static_cast<Builder*>(self)->enter_block(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void*, void* self) { return static_cast<Builder*>(self)->leave_block(t); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* self) { return static_cast<Builder*>(self)->enter_span(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void*, void* self) { return static_cast<Builder*>(self)->leave_span(t); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* self) {
            return static_cast<Builder*>(self)->text(t, std::string_view(s, n));
        };
        blocks_.push_back({Block{}, true, false});
        md_parse(source_.data(), static_cast<MD_SIZE>(source_.size()), &parser, this);
        Document doc;
        doc.blocks = std::move(blocks_.front().block.children);
        return doc;
    }

private:
    // Each open node knows the nearest made one at or around it (an index into its stack), so finding
    // where content goes does not walk the unmade levels: that was quadratic in hostile nesting.
    struct OpenBlock {
        Block block;
        bool made = true;
        bool code = false;  // a code block: text goes to `literal`
        std::size_t owner = 0;
    };
    struct OpenSpan {
        Inline node;
        bool made = true;
        int depth = 0;          // emphasis levels open around it since the innermost link
        bool closes_line = false;  // code: the last text was only a line's separator (closer next)
        std::size_t owner = none;  // `none`: the enclosing block's inlines
    };
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    std::string_view source_;
    std::vector<std::size_t> skip_;
    std::vector<OpenBlock> blocks_;
    std::vector<OpenSpan> spans_;
    int container_depth_ = 0;

    Block& parent_block() { return blocks_[blocks_.back().owner].block; }

    std::vector<Inline>& inlines() {
        const std::size_t owner = spans_.empty() ? none : spans_.back().owner;
        return owner == none ? parent_block().inlines : spans_[owner].node.children;
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        OpenBlock open;
        Block& b = open.block;
        switch (type) {
            case MD_BLOCK_DOC: return 0;
            case MD_BLOCK_QUOTE: b.kind = BlockKind::block_quote; break;
            case MD_BLOCK_UL:
                b.kind = BlockKind::bullet_list;
                b.tight = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->is_tight != 0;
                break;
            case MD_BLOCK_OL:
                b.kind = BlockKind::ordered_list;
                b.tight = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->is_tight != 0;
                b.start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
                break;
            case MD_BLOCK_LI: b.kind = BlockKind::list_item; break;
            case MD_BLOCK_HR: b.kind = BlockKind::thematic_break; break;
            case MD_BLOCK_H:
                b.kind = BlockKind::heading;
                b.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                break;
            case MD_BLOCK_CODE:
                b.kind = BlockKind::code_block;
                b.info = attribute(static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->info);
                open.code = true;
                break;
            case MD_BLOCK_TABLE: b.kind = BlockKind::table; break;
            case MD_BLOCK_THEAD:
            case MD_BLOCK_TBODY: open.made = false; break;
            case MD_BLOCK_TR: b.kind = BlockKind::table_row; break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                b.kind = BlockKind::table_cell;
                const MD_ALIGN a = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
                b.align = a == MD_ALIGN_LEFT ? Align::left : a == MD_ALIGN_CENTER ? Align::center
                                                        : a == MD_ALIGN_RIGHT ? Align::right : Align::none;
                break;
            }
            case MD_BLOCK_HTML:  // raw HTML is off; kept as a paragraph of text if it ever comes
            case MD_BLOCK_P: b.kind = BlockKind::paragraph; break;
        }
        if (type == MD_BLOCK_LI) {
            open.made = blocks_.back().made;
        } else if (is_container(type)) {
            open.made = container_depth_ + (type == MD_BLOCK_QUOTE ? 1 : 2) <= max_block_depth;
        }
        if (open.made && is_container(type)) ++container_depth_;
        end_item_paragraph(parent_block());
        open.owner = open.made ? blocks_.size() : blocks_.back().owner;
        blocks_.push_back(std::move(open));
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type) {
        // md4c 0.4.8 (and 0.5) can open emphasis whose closer it then finds inside a link destination
        // ("_a [b](https://x.org/C_) c"): the closer is hidden and the span never left. Spans end with
        // their block, or everything after them, up to the end of the document, would be lost.
        while (!spans_.empty()) close_span();
        if (type == MD_BLOCK_DOC) return 0;
        OpenBlock open = std::move(blocks_.back());
        blocks_.pop_back();
        if (!open.made) return 0;
        // A paragraph left with nothing to show ("[]()", or "[\t]()": a dropped link with no text or
        // only blanks) is no paragraph: it would be written as nothing and read back as none.
        if (type == MD_BLOCK_P && shows_nothing(open.block.inlines)) return 0;
        if (is_container(type)) --container_depth_;
        if (type == MD_BLOCK_TABLE) even_rows(open.block);
        end_item_paragraph(open.block);
        parent_block().children.push_back(std::move(open.block));
        return 0;
    }

    static bool shows_nothing(const std::vector<Inline>& inlines) {
        return std::all_of(inlines.begin(), inlines.end(), [](const Inline& i) {
            return i.kind == InlineKind::soft_break || i.kind == InlineKind::hard_break ||
                   (i.kind == InlineKind::text && i.text.find_first_not_of(' ') == std::string::npos);
        });
    }

    // md4c reports no paragraph in a tight list item: its text collects in the item's inlines and
    // becomes a paragraph when another block starts in the item or the item ends.
    static void end_item_paragraph(Block& b) {
        if (b.kind != BlockKind::list_item || b.inlines.empty()) return;
        if (shows_nothing(b.inlines)) {
            b.inlines.clear();
            return;
        }
        Block p;
        p.inlines = std::move(b.inlines);
        b.inlines.clear();
        b.children.push_back(std::move(p));
    }

    // Every row gets as many cells as the header.
    static void even_rows(Block& table) {
        if (table.children.empty()) return;
        const std::size_t width = table.children.front().children.size();
        for (Block& row : table.children) {
            Block cell;
            cell.kind = BlockKind::table_cell;
            if (!row.children.empty()) cell.align = row.children.back().align;
            row.children.resize(width, cell);
        }
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        OpenSpan open;
        open.depth = spans_.empty() ? 0 : spans_.back().depth;
        switch (type) {
            case MD_SPAN_EM:
            case MD_SPAN_STRONG:
                open.node.kind = type == MD_SPAN_EM ? InlineKind::emphasis : InlineKind::strong;
                open.made = ++open.depth <= max_inline_depth;
                if (!open.made) append_text(type == MD_SPAN_EM ? "*" : "**");
                break;
            case MD_SPAN_A:
            case MD_SPAN_IMG: {
                const MD_ATTRIBUTE& target = type == MD_SPAN_A ? static_cast<MD_SPAN_A_DETAIL*>(detail)->href
                                                               : static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
                if (type == MD_SPAN_IMG) append_text("!");
                open.node.kind = InlineKind::link;
                open.node.url = sanitize_url(attribute(target)).value_or(std::string());
                open.made = !open.node.url.empty();
                open.depth = 0;
                break;
            }
            case MD_SPAN_CODE: open.node.kind = InlineKind::code; break;
            default: open.made = false; break;  // extensions that are not enabled
        }
        open.owner = open.made ? spans_.size() : spans_.empty() ? none : spans_.back().owner;
        spans_.push_back(std::move(open));
        return 0;
    }

    int leave_span(MD_SPANTYPE) {
        // md4c 0.4.8 can close a span it never opened (tests/fuzz/corpus/markdown/
        // regression_break_before_closer.md): there is nothing to close then.
        if (!spans_.empty()) close_span();
        return 0;
    }

    void close_span() {
        OpenSpan open = std::move(spans_.back());
        spans_.pop_back();
        if (!open.made) {
            if (open.node.kind == InlineKind::emphasis) append_text("*");
            if (open.node.kind == InlineKind::strong) append_text("**");
            return;
        }
        std::vector<Inline>& to = inlines();
        if (open.node.kind == InlineKind::code) code_text(open);
        to.push_back(std::move(open.node));
    }

    // A code span's text as CommonMark gives it, where md4c could not: it leaves "\\|" in spans in
    // table cells (GFM reads it as '|'), and a separator inline_markdown added before the closing
    // backticks hid the line ending before them, which md4c drops next to a closer.
    void code_text(OpenSpan& open) {
        std::string& t = open.node.text;
        std::replace(t.begin(), t.end(), '\t', ' ');
        if (parent_block().kind == BlockKind::table_cell)
            for (std::size_t at = t.find("\\|"); at != std::string::npos; at = t.find("\\|", at)) t.erase(at, 1);
        if (open.closes_line && !t.empty() && t.back() == ' ') t.pop_back();
        // md4c drops a span's only line ending ("`\n`"); CommonMark reads it as a space, and an empty
        // span could not be written back (the paragraph it stood alone in was lost).
        if (t.empty()) t = " ";
    }

    void append_text(std::string_view s) {
        if (s.empty()) return;
        std::vector<Inline>& to = inlines();
        if (to.empty() || to.back().kind != InlineKind::text) to.emplace_back();
        for (char c : s) to.back().text += c == '\t' ? ' ' : c;
    }

    // Whether `s` starts with a separator inline_markdown put in front of a line.
    bool separated(std::string_view s) const {
        if (skip_.empty() || s.data() < source_.data() || s.data() >= source_.data() + source_.size()) return false;
        return std::binary_search(skip_.begin(), skip_.end(), static_cast<std::size_t>(s.data() - source_.data()));
    }

    int text(MD_TEXTTYPE type, std::string_view s) {
        const bool line_start = separated(s);
        if (line_start) s.remove_prefix(std::min(s.size(), nbsp.size()));
        if (!spans_.empty() && spans_.back().node.kind == InlineKind::code) spans_.back().closes_line = line_start && s.empty();
        if (blocks_.back().code) {
            blocks_.back().block.literal += s;
            return 0;
        }
        if (!spans_.empty() && spans_.back().made && spans_.back().node.kind == InlineKind::code) {
            spans_.back().node.text += type == MD_TEXT_NULLCHAR ? std::string_view("\xEF\xBF\xBD") : s;
            return 0;
        }
        switch (type) {
            case MD_TEXT_BR:
            case MD_TEXT_SOFTBR: {
                Inline br;
                br.kind = type == MD_TEXT_BR ? InlineKind::hard_break : InlineKind::soft_break;
                inlines().push_back(std::move(br));
                break;
            }
            case MD_TEXT_NULLCHAR: append_text("\xEF\xBF\xBD"); break;
            case MD_TEXT_ENTITY: {
                std::string decoded;
                append_text(detail::decode_entity(s, 0, decoded) == 0 ? s : std::string_view(decoded));
                break;
            }
            default: append_text(s); break;
        }
        return 0;
    }
};

constexpr unsigned dialect = MD_FLAG_TABLES | MD_FLAG_NOHTML;

}  // namespace

Document parse(std::string_view markdown) {
    const std::string clean = clean_text(markdown);
    return Builder(clean, {}).run(dialect);
}

// Inline content only: every line gets a no-break space in front, which md4c's block rules do not
// take for indentation or a marker (so no line opens a block) while its emphasis rules see it as
// white space, like a line start. The builder drops it again.
std::vector<Inline> inline_markdown(std::string_view source) {
    std::string clean = clean_text(source);
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::string joined;
    std::string_view rest = clean;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = detail::trim(rest.substr(0, nl));
        if (!line.empty()) {
            if (!joined.empty()) joined += '\n';
            joined += line;
        }
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    const std::string safe = sanitize_markdown(joined);
    std::string text;
    std::vector<std::size_t> separators;
    for (std::size_t at = 0; at < safe.size();) {
        const std::size_t eol = std::min(safe.find('\n', at), safe.size());
        if (!text.empty()) text += '\n';
        separators.push_back(text.size());
        text += nbsp;
        text += std::string_view(safe).substr(at, eol - at);
        at = eol + 1;
    }
    std::vector<Inline> out;
    for (Block& b : Builder(text, std::move(separators)).run(dialect).blocks) {
        if (!out.empty()) {
            Inline br;
            br.kind = InlineKind::soft_break;
            out.push_back(std::move(br));
        }
        for (Inline& i : b.inlines) out.push_back(std::move(i));
    }
    return out;
}

}  // namespace relplan::md

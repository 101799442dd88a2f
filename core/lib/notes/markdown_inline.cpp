// The inline builders, plain_text and the canonical inline Markdown: the small pieces generated
// documents are made of. Parsing is in markdown.cpp.
#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <utility>

namespace relplan::md {

using detail::trim;

// ---- builders and plain text ---------------------------------------------------------------------

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& i : inlines) {
        switch (i.kind) {
            case InlineKind::text:
            case InlineKind::code: out += i.text; break;
            case InlineKind::emphasis:
            case InlineKind::strong:
            case InlineKind::link: out += plain_text(i.children); break;
            case InlineKind::soft_break:
            case InlineKind::hard_break: out += ' '; break;
        }
    }
    return out;
}

std::vector<Inline> text_inlines(std::string_view text) {
    std::string clean = clean_text(text);
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::vector<Inline> out;
    std::string_view rest = trim(clean);
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = trim(rest.substr(0, nl));
        if (!line.empty()) {
            if (!out.empty()) {
                Inline br;
                br.kind = InlineKind::soft_break;
                out.push_back(std::move(br));
            }
            Inline t;
            t.text = std::string(line);
            out.push_back(std::move(t));
        }
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    return out;
}

std::string canonical_inline_markdown(std::string_view source) {
    Document doc;
    doc.blocks.push_back(paragraph(inline_markdown(source)));
    std::string out = to_markdown(doc);
    if (!out.empty()) out.pop_back();  // to_markdown ends the document with a line feed
    return out;
}

Inline text(std::string_view value) {
    Inline i;
    i.text = clean_text(value);
    std::replace(i.text.begin(), i.text.end(), '\n', ' ');
    std::replace(i.text.begin(), i.text.end(), '\t', ' ');
    return i;
}

Inline code(std::string_view value) {
    Inline i = text(value);
    i.kind = InlineKind::code;
    return i;
}

namespace {

// An inline or block node of `kind` holding `children`.
template <class Node, class Kind>
Node with_children(Kind kind, std::vector<Node> children) {
    Node n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

Block with_inlines(BlockKind kind, std::vector<Inline> inlines) {
    Block b;
    b.kind = kind;
    b.inlines = std::move(inlines);
    return b;
}

}  // namespace

Inline strong(std::vector<Inline> children) { return with_children(InlineKind::strong, std::move(children)); }

Inline emphasis(std::vector<Inline> children) { return with_children(InlineKind::emphasis, std::move(children)); }

Inline link(std::vector<Inline> children, std::string_view url) {
    Inline i = with_children(InlineKind::link, std::move(children));
    i.url = sanitize_url(url).value_or(std::string());
    return i;
}

Block paragraph(std::vector<Inline> inlines) { return with_inlines(BlockKind::paragraph, std::move(inlines)); }

Block heading(int level, std::vector<Inline> inlines) {
    Block b = with_inlines(BlockKind::heading, std::move(inlines));
    b.level = std::clamp(level, 1, 6);
    return b;
}

Block list(BlockKind kind, std::vector<Block> items) { return with_children(kind, std::move(items)); }

Block list_item(std::vector<Block> blocks) { return list(BlockKind::list_item, std::move(blocks)); }

}  // namespace relplan::md

// libFuzzer target for the Markdown parser and its three renderers (md::parse, to_markdown, to_html,
// to_text), and for the author-text policy (sanitize_markdown, inline_markdown). Beyond "no crash, no hang, no sanitizer report" it checks the guarantees markdown.hpp
// makes: bounded nesting, links only to http/https/mailto, HTML output without markup from the input,
// and Markdown output that keeps the top-level blocks when parsed again (below the nesting limit).
//
// Build: cmake -DRELPLAN_FUZZ=ON with clang; run: fuzz_markdown tests/fuzz/corpus/markdown
#include "notes/markdown.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using relplan::md::Block;
using relplan::md::Inline;

void require(bool ok) {
    if (!ok) std::abort();
}

int check_inlines(const std::vector<Inline>& inlines) {
    int depth = 0;
    for (const Inline& i : inlines) {
        if (i.kind == relplan::md::InlineKind::link) {
            const std::string_view url = i.url;
            require(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("mailto:", 0) == 0);
        }
        require(i.text.find('\n') == std::string::npos);
        const int d = 1 + check_inlines(i.children);
        depth = d > depth ? d : depth;
    }
    return depth;
}

int check_blocks(const std::vector<Block>& blocks) {
    int depth = 0;
    for (const Block& b : blocks) {
        require(check_inlines(b.inlines) <= 2 * relplan::md::max_inline_depth + 1);
        const int d = 1 + check_blocks(b.children);
        depth = d > depth ? d : depth;
    }
    return depth;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const relplan::md::Document doc = relplan::md::parse(input);
    // Blocks: containers up to the limit, then table rows and cells or a list's items below them.
    const int depth = check_blocks(doc.blocks);
    require(depth <= relplan::md::max_block_depth + 2);

    const std::string html = relplan::md::to_html(doc);
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        const std::string_view tag = std::string_view(html).substr(at + 1, 11);
        require(tag.rfind("script", 0) != 0 && tag.rfind("img", 0) != 0 && tag.rfind("iframe", 0) != 0 &&
                tag.rfind("svg", 0) != 0 && tag.rfind("style", 0) != 0 && tag.rfind("!--", 0) != 0);
    }
    relplan::md::to_text(doc, 40);
    // At the nesting limit, markers past it are text and the written form can nest differently.
    if (depth < relplan::md::max_block_depth - 2)
        require(relplan::md::parse(relplan::md::to_markdown(doc)).blocks.size() == doc.blocks.size());

    // The policy for author text: the sanitiser reaches a fixed point, and read as inline content
    // it keeps the same guarantees (one paragraph's worth of inlines, links checked).
    const std::string safe = relplan::md::sanitize_markdown(input.substr(0, 4096));
    require(relplan::md::sanitize_markdown(safe) == safe);
    require(check_inlines(relplan::md::inline_markdown(input)) <= 2 * relplan::md::max_inline_depth + 1);
    return 0;
}

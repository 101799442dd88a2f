// The three writers of a parsed document: canonical Markdown (to_markdown), HTML with the input's
// markup escaped (to_html) and wrapped plain text (to_text). The parser is in markdown.cpp.
#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace relplan::md {

using detail::decode_entity;
using detail::trim;

namespace {

// ---- Markdown writer -----------------------------------------------------------------------------

std::size_t longest_run(std::string_view s, char c) {
    std::size_t best = 0, run = 0;
    for (char ch : s) {
        run = ch == c ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

std::string escape_destination(std::string_view url) {
    std::string out, scratch;
    for (std::size_t i = 0; i < url.size(); ++i) {
        const char c = url[i];
        if (c == '(' || c == ')' || c == '\\' || c == '<' || c == '>' || (c == '&' && decode_entity(url, i, scratch) != 0))
            out += '\\';
        out += c;
    }
    return out;
}

enum class Context { paragraph, heading, table_cell };

class MarkdownWriter {
public:
    // `lead` is the bullet of the list item these blocks start, '\0' if none.
    std::string blocks(const std::vector<Block>& blocks, bool tight, char lead = '\0') {
        std::string out;
        const Block* previous = nullptr;
        bool previous_alternate = false;
        for (const Block& b : blocks) {
            // Adjacent lists of one kind would merge; a different marker keeps them apart.
            const bool alternate = is_list(b.kind) && previous != nullptr && previous->kind == b.kind && !previous_alternate;
            std::string text = block(b, alternate, previous == nullptr ? lead : '\0');
            if (text.empty()) continue;
            if (previous != nullptr) {
                // md4c closes every open list at a blank line after an empty item, where CommonMark
                // keeps the outer items open; the next block on the following line reads the same in both.
                const bool blank = !ends_in_empty_item(*previous) && (!tight || b.kind == BlockKind::table ||
                                   (previous->kind == BlockKind::paragraph &&
                                    (b.kind == BlockKind::paragraph ||
                                     (b.kind == BlockKind::ordered_list && b.start != 1))) ||
                                   (is_list(previous->kind) && b.kind == BlockKind::paragraph));
                out += blank ? "\n\n" : "\n";
            }
            out += text;
            previous = &b;
            previous_alternate = alternate;
        }
        return out;
    }

private:
    static bool is_list(BlockKind k) { return k == BlockKind::bullet_list || k == BlockKind::ordered_list; }

    // A list whose last item is empty, or ends in such a list (an empty item is written with its
    // space, which md4c reads as an item wherever it stands).
    static bool ends_in_empty_item(const Block& b) {
        const Block* list = &b;
        while (is_list(list->kind) && !list->children.empty()) {
            const Block& item = list->children.back();
            if (item.children.empty()) return true;
            list = &item.children.back();
        }
        return false;
    }

    // Each line of `text` with a prefix (`first` on the first line); blank lines get the prefix without
    // its trailing spaces.
    static std::string prefix_lines(std::string_view text, std::string_view first, std::string_view rest) {
        const auto trimmed = [](std::string_view p) {
            while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
            return p;
        };
        std::string out;
        out.reserve(text.size() + 8 * first.size());
        bool first_line = true;
        for (;;) {
            const std::size_t nl = text.find('\n');
            const std::string_view line = text.substr(0, nl);
            const std::string_view prefix = first_line ? first : rest;
            out += line.empty() ? trimmed(prefix) : prefix;
            out += line;
            first_line = false;
            if (nl == std::string_view::npos) break;
            out += '\n';
            text.remove_prefix(nl + 1);
        }
        return out;
    }

    std::string block(const Block& b, bool alternate_marker, char lead) {
        switch (b.kind) {
            case BlockKind::paragraph: return inlines(b.inlines, Context::paragraph);
            case BlockKind::heading: {
                std::string text = inlines(b.inlines, Context::heading);
                const int level = std::clamp(b.level, 1, 6);
                std::string out(static_cast<std::size_t>(level), '#');
                if (!text.empty()) out += ' ' + text;
                return out;
            }
            case BlockKind::code_block: {
                const bool tildes = b.info.find('`') != std::string::npos;
                const char fc = tildes ? '~' : '`';
                const std::string fence(std::max<std::size_t>(3, longest_run(b.literal, fc) + 1), fc);
                std::string info = clean_text(b.info);
                std::replace(info.begin(), info.end(), '\n', ' ');
                std::string escaped_info, scratch;
                const std::string_view trimmed_info = trim(info);
                for (std::size_t k = 0; k < trimmed_info.size(); ++k) {
                    const char c = trimmed_info[k];
                    if (c == '\\' || (c == '&' && decode_entity(trimmed_info, k, scratch) != 0) || (k == 0 && c == fc))
                        escaped_info += '\\';
                    escaped_info += c;
                }
                std::string out = fence + escaped_info + "\n" + clean_text(b.literal);
                if (!b.literal.empty() && out.back() != '\n') out += '\n';
                return out + fence;
            }
            // "* ***" would be one thematic break, not an item holding one.
            case BlockKind::thematic_break: return lead == '*' ? "___" : "***";
            case BlockKind::block_quote: return prefix_lines(blocks(b.children, false), "> ", "> ");
            case BlockKind::bullet_list:
            case BlockKind::ordered_list: {
                std::string out;
                std::int64_t number = std::clamp<std::int64_t>(b.start, 0, 999999999);
                for (std::size_t i = 0; i < b.children.size(); ++i) {
                    std::string marker;
                    if (b.kind == BlockKind::bullet_list) {
                        // A list that starts its parent's item takes the other bullet: "- - -" would be a
                        // thematic break.
                        const char base = lead == '-' ? '*' : '-';
                        marker = std::string(1, alternate_marker ? (base == '-' ? '*' : '-') : base);
                    } else {
                        marker = std::to_string(std::min<std::int64_t>(number++, 999999999)) +
                                 (alternate_marker ? ")" : ".");
                    }
                    const std::string content =
                        blocks(b.children[i].children, b.tight, b.kind == BlockKind::bullet_list ? marker[0] : '\0');
                    if (i > 0) out += b.tight ? "\n" : "\n\n";
                    if (content.empty()) {
                        // md4c reads "1." after a paragraph line as more of the paragraph, "1. " as an
                        // empty item; the space keeps the item whatever comes before it.
                        out += marker + " ";
                    } else {
                        out += prefix_lines(content, marker + " ", std::string(marker.size() + 1, ' '));
                    }
                }
                return out;
            }
            case BlockKind::list_item: return blocks(b.children, true);
            case BlockKind::table: {
                if (b.children.empty()) return {};
                const std::size_t columns = b.children.front().children.size();
                if (columns == 0) return {};
                std::string out;
                for (std::size_t r = 0; r < b.children.size(); ++r) {
                    const Block& row = b.children[r];
                    out += '|';
                    for (std::size_t c = 0; c < columns; ++c) {
                        const std::string cell =
                            c < row.children.size() ? inlines(row.children[c].inlines, Context::table_cell) : "";
                        out += ' ' + cell + (cell.empty() ? "|" : " |");
                    }
                    out += '\n';
                    if (r == 0) {
                        out += '|';
                        for (std::size_t c = 0; c < columns; ++c) {
                            const Align a = row.children[c].align;
                            out += a == Align::left     ? " :-- |"
                                   : a == Align::center ? " :-: |"
                                   : a == Align::right  ? " --: |"
                                                        : " --- |";
                        }
                        out += '\n';
                    }
                }
                out.pop_back();
                return out;
            }
            case BlockKind::table_row:
            case BlockKind::table_cell: return {};
        }
        return {};
    }

    char emphasis_char_ = 0;  // delimiter of the emphasis whose children are being written, 0 outside

    std::string inlines(const std::vector<Inline>& list, Context context) {
        emphasis_char_ = 0;
        std::string out;
        bool line_start = true;
        write_inlines(list, context, out, line_start);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }

    void write_inlines(const std::vector<Inline>& list, Context context, std::string& out, bool& line_start) {
        for (std::size_t k = 0; k < list.size(); ++k) {
            const Inline& i = list[k];
            switch (i.kind) {
                case InlineKind::text: write_text(list, k, context, out, line_start); break;
                case InlineKind::code: write_code(i, context, out, line_start); break;
                case InlineKind::emphasis:
                case InlineKind::strong:
                    write_emphasis(i, emphasis_char_ != 0 && (k == 0 || k + 1 == list.size()), context, out, line_start);
                    break;
                case InlineKind::link: write_link(i, context, out, line_start); break;
                case InlineKind::soft_break:
                case InlineKind::hard_break: write_break(i, context, out, line_start); break;
            }
        }
    }

    // Text `list[k]`, escaped so it reads back as text in `context`.
    static void write_text(const std::vector<Inline>& list, std::size_t k, Context context, std::string& out, bool& line_start) {
        std::string_view view = list[k].text;
        if (line_start) {
            while (!view.empty() && view.front() == ' ') view.remove_prefix(1);
            if (view.empty()) return;
        }
        std::string escaped = markdown_escape(view, line_start);
        if (context == Context::heading) {
            std::string h;
            for (std::size_t p = 0; p < escaped.size(); ++p) {
                if (escaped[p] == '#' && (p == 0 ? !out.empty() && out.back() == ' ' : escaped[p - 1] == ' ')) h += '\\';
                h += escaped[p];
            }
            escaped = std::move(h);
        }
        // "!" before a link would turn it into an image.
        if (!escaped.empty() && escaped.back() == '!' && k + 1 < list.size() && list[k + 1].kind == InlineKind::link)
            escaped.insert(escaped.size() - 1, "\\");
        out += escaped;
        line_start = false;
    }

    // A code span, its fence longer than any backtick run inside.
    static void write_code(const Inline& i, Context context, std::string& out, bool& line_start) {
        std::string text = clean_text(i.text);
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (text.empty()) return;
        if (context == Context::table_cell) {
            std::string escaped;
            for (char c : text) {
                if (c == '|') escaped += '\\';
                escaped += c;
            }
            text = std::move(escaped);
        }
        const std::string fence(longest_run(text, '`') + 1, '`');
        const bool pad = text.front() == '`' || text.back() == '`' ||
                         (text.front() == ' ' && text.back() == ' ' && text.find_first_not_of(' ') != std::string::npos);
        out += fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
        line_start = false;
    }

    // Emphasis or strong; `edge` says it stands at the edge of enclosing emphasis.
    void write_emphasis(const Inline& i, bool edge, Context context, std::string& out, bool& line_start) {
        // Emphasis at the edge of enclosing emphasis takes the other delimiter character: two runs of
        // one character side by side would merge ("**" reads as strong).
        const char c = i.kind == InlineKind::emphasis && edge && emphasis_char_ == '*' ? '_' : '*';
        const std::string marker(i.kind == InlineKind::strong ? 2 : 1, c);
        // Line breaks at the edges go outside: a delimiter must not start a line ("* x" would be a
        // list item).
        const auto is_break = [](const Inline& x) { return x.kind == InlineKind::soft_break || x.kind == InlineKind::hard_break; };
        const auto& ch = i.children;
        std::size_t first = 0, last = ch.size();
        while (first < last && is_break(ch[first])) ++first;
        while (last > first && is_break(ch[last - 1])) --last;
        if (first > 0) write_inlines({ch.begin(), ch.begin() + static_cast<std::ptrdiff_t>(first)}, context, out, line_start);
        std::string inner;
        bool inner_start = false;
        const char saved = emphasis_char_;
        emphasis_char_ = c;
        if (first == 0 && last == ch.size()) {
            write_inlines(ch, context, inner, inner_start);
        } else {
            write_inlines({ch.begin() + static_cast<std::ptrdiff_t>(first), ch.begin() + static_cast<std::ptrdiff_t>(last)}, context,
                          inner, inner_start);
        }
        emphasis_char_ = saved;
        wrap_in_marker(inner, marker, out, line_start);
        if (last < ch.size()) write_inlines({ch.begin() + static_cast<std::ptrdiff_t>(last), ch.end()}, context, out, line_start);
    }

    // `inner` between two `marker`s. Spaces and breaks that reach the edge from deeper inside (a
    // nested emphasis, a dropped link) go outside: a closer after them would not close, or would
    // start a line.
    static void wrap_in_marker(const std::string& inner, const std::string& marker, std::string& out, bool& line_start) {
        std::size_t lead = 0, trail = inner.size();
        while (lead < trail && (inner[lead] == ' ' || inner[lead] == '\n')) ++lead;
        while (trail > lead && (inner[trail - 1] == ' ' || inner[trail - 1] == '\n')) {
            --trail;
            if (inner[trail] != '\n') continue;
            // An odd run of backslashes before the newline ends in a hard break, whose backslash goes
            // with its newline.
            std::size_t run = 0;
            while (trail - run > lead && inner[trail - run - 1] == '\\') ++run;
            if (run % 2 == 1) --trail;
        }
        if (lead < trail) {
            append_gap(std::string_view(inner).substr(0, lead), out, line_start);
            out += marker;
            out.append(inner, lead, trail - lead);
            out += marker;
            append_gap(std::string_view(inner).substr(trail), out, false);
            line_start = trail < inner.size() && inner.back() == '\n';
        } else if (!inner.empty() && inner.find('\n') != std::string::npos) {
            append_gap(inner, out, line_start);
            line_start = inner.back() == '\n';
        }
    }

    // Spaces and breaks moved out of emphasis, without the spaces that would start a line: four of
    // them make the paragraph line an indented code block.
    static void append_gap(std::string_view gap, std::string& out, bool line_start) {
        for (const char c : gap) {
            if (c == ' ' && line_start) continue;
            out += c;
            line_start = c == '\n';
        }
    }

    // A link (an autolink when its text is its URL); a link whose URL is refused keeps only its text.
    void write_link(const Inline& i, Context context, std::string& out, bool& line_start) {
        const std::optional<std::string> url = sanitize_url(i.url);
        std::string inner;
        bool inner_start = line_start && !url;
        const char saved = emphasis_char_;
        emphasis_char_ = 0;
        write_inlines(i.children, context, inner, inner_start);
        emphasis_char_ = saved;
        if (!url) {
            out += inner;
            if (!inner.empty()) line_start = false;
            return;
        }
        const std::string shown = plain_text(i.children);
        const bool autolink = (shown == *url || "mailto:" + shown == *url) && url->find_first_of("<>&\\ ") == std::string::npos;
        if (autolink) {
            out += '<' + shown + '>';
        } else {
            out += '[' + inner + "](" + escape_destination(*url) + ')';
        }
        line_start = false;
    }

    // A soft or hard break; outside paragraphs it becomes a space.
    static void write_break(const Inline& i, Context context, std::string& out, bool& line_start) {
        // A second break in a row would be a blank line and end the paragraph (the text of a dropped
        // link can end in one).
        if (line_start && !out.empty()) return;
        if (i.kind == InlineKind::soft_break || context != Context::paragraph)
            while (!out.empty() && out.back() == ' ') out.pop_back();
        if (context != Context::paragraph || (out.empty() && i.kind == InlineKind::soft_break)) {
            if (!out.empty()) out += ' ';
            return;
        }
        out += i.kind == InlineKind::hard_break ? "\\\n" : "\n";
        line_start = true;
    }
};

// ---- HTML writer ---------------------------------------------------------------------------------

void html_inlines(const std::vector<Inline>& list, std::string& out) {
    for (const Inline& i : list) {
        switch (i.kind) {
            case InlineKind::text: out += html_escape_text(i.text); break;
            case InlineKind::code: out += "<code>" + html_escape_text(i.text) + "</code>"; break;
            case InlineKind::emphasis:
                out += "<em>";
                html_inlines(i.children, out);
                out += "</em>";
                break;
            case InlineKind::strong:
                out += "<strong>";
                html_inlines(i.children, out);
                out += "</strong>";
                break;
            case InlineKind::link: {
                const std::optional<std::string> url = sanitize_url(i.url);
                if (url) out += "<a href=\"" + html_escape_attribute(*url) + "\" rel=\"noopener noreferrer\">";
                html_inlines(i.children, out);
                if (url) out += "</a>";
                break;
            }
            case InlineKind::soft_break: out += '\n'; break;
            case InlineKind::hard_break: out += "<br />\n"; break;
        }
    }
}

void html_blocks(const std::vector<Block>& blocks, bool tight, std::string& out);

void html_block(const Block& b, bool tight, std::string& out) {
    switch (b.kind) {
        case BlockKind::paragraph:
            if (!tight) out += "<p>";
            html_inlines(b.inlines, out);
            out += tight ? "\n" : "</p>\n";
            break;
        case BlockKind::heading: {
            const std::string level = std::to_string(std::clamp(b.level, 1, 6));
            out += "<h" + level + ">";
            html_inlines(b.inlines, out);
            out += "</h" + level + ">\n";
            break;
        }
        case BlockKind::code_block: {
            out += "<pre><code";
            const std::string_view info = trim(b.info);
            const std::string_view language = info.substr(0, info.find_first_of(" \t"));
            if (!language.empty()) out += " class=\"language-" + html_escape_attribute(language) + "\"";
            out += ">" + html_escape_text(b.literal) + "</code></pre>\n";
            break;
        }
        case BlockKind::thematic_break: out += "<hr />\n"; break;
        case BlockKind::block_quote:
            out += "<blockquote>\n";
            html_blocks(b.children, false, out);
            out += "</blockquote>\n";
            break;
        case BlockKind::bullet_list:
        case BlockKind::ordered_list: {
            const bool ordered = b.kind == BlockKind::ordered_list;
            out += ordered ? (b.start == 1 ? std::string("<ol>\n") : "<ol start=\"" + std::to_string(b.start) + "\">\n")
                           : std::string("<ul>\n");
            for (const Block& item : b.children) {
                out += "<li>";
                if (!item.children.empty() && !(b.tight && item.children.front().kind == BlockKind::paragraph))
                    out += '\n';
                html_blocks(item.children, b.tight, out);
                if (b.tight && !out.empty() && out.back() == '\n' && !item.children.empty() &&
                    item.children.back().kind == BlockKind::paragraph)
                    out.pop_back();
                out += "</li>\n";
            }
            out += ordered ? "</ol>\n" : "</ul>\n";
            break;
        }
        case BlockKind::list_item: html_blocks(b.children, tight, out); break;
        case BlockKind::table: {
            if (b.children.empty()) break;
            out += "<table>\n";
            for (std::size_t r = 0; r < b.children.size(); ++r) {
                const char* cell = r == 0 ? "th" : "td";
                if (r == 0) out += "<thead>\n";
                if (r == 1) out += "<tbody>\n";
                out += "<tr>\n";
                for (const Block& c : b.children[r].children) {
                    out += std::string("<") + cell;
                    if (c.align == Align::left) out += " align=\"left\"";
                    if (c.align == Align::center) out += " align=\"center\"";
                    if (c.align == Align::right) out += " align=\"right\"";
                    out += '>';
                    html_inlines(c.inlines, out);
                    out += std::string("</") + cell + ">\n";
                }
                out += "</tr>\n";
                if (r == 0) out += "</thead>\n";
            }
            if (b.children.size() > 1) out += "</tbody>\n";
            out += "</table>\n";
            break;
        }
        case BlockKind::table_row:
        case BlockKind::table_cell: break;
    }
}

void html_blocks(const std::vector<Block>& blocks, bool tight, std::string& out) {
    for (const Block& b : blocks) html_block(b, tight, out);
}

// ---- plain-text writer ---------------------------------------------------------------------------

void plain_inlines(const std::vector<Inline>& list, std::string& out) {
    for (const Inline& i : list) {
        switch (i.kind) {
            case InlineKind::text:
            case InlineKind::code: out += i.text; break;
            case InlineKind::emphasis:
            case InlineKind::strong: plain_inlines(i.children, out); break;
            case InlineKind::link: {
                const std::string shown = plain_text(i.children);
                const std::optional<std::string> url = sanitize_url(i.url);
                out += shown;
                if (url && *url != shown && *url != "mailto:" + shown) out += (shown.empty() ? "<" : " <") + *url + ">";
                break;
            }
            case InlineKind::soft_break: out += ' '; break;
            case InlineKind::hard_break: out += '\n'; break;
        }
    }
}

std::string rtrim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

class TextWriter {
public:
    explicit TextWriter(int width) : width_(std::max(width, 8)) {}

    void blocks(const std::vector<Block>& list, const std::string& first, const std::string& rest, bool tight,
                std::string& out) {
        bool first_block = true;
        for (const Block& b : list) {
            const std::size_t before = out.size();
            if (!first_block) out += tight ? "\n" : "\n" + rtrim(rest) + "\n";
            const std::size_t mark = out.size();
            block(b, first_block ? first : rest, rest, out);
            if (out.size() == mark) {
                out.resize(before);
            } else {
                first_block = false;
            }
        }
    }

private:
    int width_;

    std::string wrap(std::string_view text, const std::string& first, const std::string& rest) const {
        return wrap_text(text, {.width = width_, .first_prefix = first, .rest_prefix = rest});
    }

    void block(const Block& b, const std::string& first, const std::string& rest, std::string& out) {
        switch (b.kind) {
            case BlockKind::paragraph: {
                std::string text;
                plain_inlines(b.inlines, text);
                if (!text.empty()) out += wrap(text, first, rest);
                break;
            }
            case BlockKind::heading: {
                std::string text;
                plain_inlines(b.inlines, text);
                std::replace(text.begin(), text.end(), '\n', ' ');
                const std::string wrapped = wrap(text, first, rest);
                out += wrapped;
                if (b.level <= 2) {
                    std::int64_t widest = 0;
                    std::size_t start = 0;
                    for (;;) {
                        const std::size_t nl = wrapped.find('\n', start);
                        const std::string_view line = std::string_view(wrapped).substr(start, nl - start);
                        widest = std::max(widest, display_width(line) - display_width(start == 0 ? first : rest));
                        if (nl == std::string::npos) break;
                        start = nl + 1;
                    }
                    out += "\n" + rest + std::string(static_cast<std::size_t>(std::max<std::int64_t>(widest, 1)),
                                                     b.level == 1 ? '=' : '-');
                }
                break;
            }
            case BlockKind::code_block: {
                std::string_view code = b.literal;
                if (!code.empty() && code.back() == '\n') code.remove_suffix(1);
                bool first_line = true;
                for (;;) {
                    const std::size_t nl = code.find('\n');
                    const std::string_view line = code.substr(0, nl);
                    std::string prefix = (first_line ? first : rest) + "    ";
                    out += line.empty() ? rtrim(prefix) : prefix + clean_text(line);
                    first_line = false;
                    if (nl == std::string_view::npos) break;
                    out += '\n';
                    code.remove_prefix(nl + 1);
                }
                break;
            }
            case BlockKind::thematic_break: {
                const std::int64_t columns = std::max<std::int64_t>(3, width_ - display_width(first));
                out += first + std::string(static_cast<std::size_t>(std::min<std::int64_t>(columns, 72)), '-');
                break;
            }
            case BlockKind::block_quote: blocks(b.children, first + "> ", rest + "> ", false, out); break;
            case BlockKind::bullet_list:
            case BlockKind::ordered_list: {
                std::int64_t number = b.start;
                for (std::size_t i = 0; i < b.children.size(); ++i) {
                    if (i > 0) out += b.tight ? "\n" : "\n" + rtrim(rest) + "\n";
                    const std::string marker = b.kind == BlockKind::bullet_list ? "- " : std::to_string(number++) + ". ";
                    const std::string& lead = i == 0 ? first : rest;
                    const std::size_t mark = out.size();
                    blocks(b.children[i].children, lead + marker, rest + std::string(marker.size(), ' '), b.tight, out);
                    if (out.size() == mark) out += rtrim(lead + marker);
                }
                break;
            }
            case BlockKind::list_item: blocks(b.children, first, rest, true, out); break;
            case BlockKind::table: table(b, first, rest, out); break;
            case BlockKind::table_row:
            case BlockKind::table_cell: break;
        }
    }

    static void table(const Block& b, const std::string& first, const std::string& rest, std::string& out) {
        if (b.children.empty()) return;
        std::vector<std::vector<std::string>> cells;
        std::vector<std::int64_t> widths;
        for (const Block& row : b.children) {
            std::vector<std::string> texts;
            for (std::size_t c = 0; c < row.children.size(); ++c) {
                std::string t;
                plain_inlines(row.children[c].inlines, t);
                std::replace(t.begin(), t.end(), '\n', ' ');
                if (widths.size() <= c) widths.push_back(3);
                widths[c] = std::max(widths[c], display_width(t));
                texts.push_back(std::move(t));
            }
            cells.push_back(std::move(texts));
        }
        for (std::size_t r = 0; r < cells.size(); ++r) {
            std::string line = r == 0 ? first : rest;
            for (std::size_t c = 0; c < cells[r].size(); ++c) {
                if (c > 0) line += "  ";
                line += cells[r][c];
                line.append(static_cast<std::size_t>(widths[c] - display_width(cells[r][c])), ' ');
            }
            out += rtrim(line);
            if (r == 0) {
                std::string rule = rest;
                for (std::size_t c = 0; c < widths.size(); ++c) {
                    if (c > 0) rule += "  ";
                    rule.append(static_cast<std::size_t>(widths[c]), '-');
                }
                out += "\n" + rule;
            }
            if (r + 1 < cells.size()) out += '\n';
        }
    }
};

}  // namespace

std::string to_markdown(const Document& document) {
    std::string out = MarkdownWriter().blocks(document.blocks, false);
    if (!out.empty()) out += '\n';
    return out;
}

std::string to_html(const Document& document) {
    std::string out;
    html_blocks(document.blocks, false, out);
    return out;
}

std::string to_text(const Document& document, int width) {
    std::string out;
    TextWriter(width).blocks(document.blocks, "", "", false, out);
    if (!out.empty()) out += '\n';
    return out;
}
}  // namespace relplan::md

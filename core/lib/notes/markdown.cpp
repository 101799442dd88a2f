#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"
#include "base/text.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace relplan::md {

using detail::decode_entity;
using detail::is_digit;
using detail::trim;
using detail::unescape;

namespace detail {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

constexpr std::pair<std::string_view, std::string_view> named_entities[] = {
    {"amp", "&"},          {"lt", "<"},           {"gt", ">"},           {"quot", "\""},
    {"apos", "'"},         {"nbsp", "\xC2\xA0"},  {"copy", "\xC2\xA9"},  {"reg", "\xC2\xAE"},
    {"trade", "\xE2\x84\xA2"}, {"hellip", "\xE2\x80\xA6"}, {"mdash", "\xE2\x80\x94"},
    {"ndash", "\xE2\x80\x93"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
    {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"bull", "\xE2\x80\xA2"},
    {"middot", "\xC2\xB7"}, {"times", "\xC3\x97"}, {"divide", "\xC3\xB7"}, {"deg", "\xC2\xB0"},
    {"plusmn", "\xC2\xB1"}, {"para", "\xC2\xB6"}, {"sect", "\xC2\xA7"}, {"laquo", "\xC2\xAB"},
    {"raquo", "\xC2\xBB"}, {"euro", "\xE2\x82\xAC"}, {"pound", "\xC2\xA3"}, {"yen", "\xC2\xA5"},
    {"cent", "\xC2\xA2"}, {"larr", "\xE2\x86\x90"}, {"rarr", "\xE2\x86\x92"}, {"uarr", "\xE2\x86\x91"},
    {"darr", "\xE2\x86\x93"}, {"harr", "\xE2\x86\x94"}, {"check", "\xE2\x9C\x93"},
};

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
    const std::string_view name = s.substr(start, j - start);
    for (const auto& [entity, value] : named_entities) {
        if (entity == name) {
            out += value;
            return j + 1 - i;
        }
    }
    return 0;
}


// Backslash escapes and character references resolved, as in link destinations and info strings.
std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
        } else if (s[i] == '&') {
            const std::size_t n = decode_entity(s, i, out);
            if (n == 0) out += '&';
            i += n == 0 ? 1 : n;
        } else {
            out += s[i++];
        }
    }
    return out;
}

}  // namespace detail

namespace {


// ---- block parsing -------------------------------------------------------------------------------

enum class NodeKind { document, block_quote, list, item, paragraph, heading, code, thematic_break, table };

struct Node {
    NodeKind kind = NodeKind::document;
    std::size_t parent = 0;
    std::vector<std::size_t> children;
    bool open = true;
    bool last_line_blank = false;
    int depth = 0;
    std::int64_t start_line = 0;
    // list, item
    bool ordered = false;
    char marker = 0;  // bullet character, or the ordered delimiter '.' / ')'
    std::int64_t start = 1;
    std::size_t marker_offset = 0;
    std::size_t padding = 0;
    bool tight = true;
    // paragraph, heading: raw inline text (lines joined by '\n'); code: the literal
    std::string content;
    int level = 0;
    bool fenced = false;
    char fence_char = 0;
    std::size_t fence_length = 0;
    std::size_t fence_offset = 0;
    std::string info;
    std::vector<Align> aligns;
    std::vector<std::string> rows;  // table: raw row text, first the header
};

bool is_container(NodeKind k) { return k == NodeKind::block_quote || k == NodeKind::list || k == NodeKind::item; }

bool can_contain(NodeKind parent, NodeKind child) {
    switch (parent) {
        case NodeKind::document:
        case NodeKind::block_quote:
        case NodeKind::item: return child != NodeKind::item;
        case NodeKind::list: return child == NodeKind::item;
        default: return false;
    }
}

// Cells of a table row: outer pipes dropped, split at unescaped '|', "\|" turned into "|".
std::vector<std::string> split_row(std::string_view row) {
    row = trim(row);
    if (!row.empty() && row.front() == '|') row.remove_prefix(1);
    if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\')) row.remove_suffix(1);
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
            cells.back() += '|';
            ++i;
        } else if (row[i] == '|') {
            cells.emplace_back();
        } else {
            cells.back() += row[i];
        }
    }
    for (std::string& c : cells) c = std::string(trim(c));
    return cells;
}

// The alignments of a GFM delimiter row ("| :-- | --: |"), or nothing when `line` is not one.
std::vector<Align> delimiter_row(std::string_view line) {
    line = trim(line);
    if (line.find('|') == std::string_view::npos) return {};
    std::vector<Align> aligns;
    for (const std::string& cell : split_row(line)) {
        std::string_view c = cell;
        const bool left = !c.empty() && c.front() == ':';
        const bool right = c.size() > static_cast<std::size_t>(left) && c.back() == ':';
        if (left) c.remove_prefix(1);
        if (right) c.remove_suffix(1);
        if (c.empty() || c.find_first_not_of('-') != std::string_view::npos) return {};
        aligns.push_back(left && right ? Align::center : left ? Align::left : right ? Align::right : Align::none);
    }
    return aligns;
}

// Tabs in the part of a line that holds indentation and container markers ("> ", "- ", "12. ") become
// spaces (tab stops of 4) so block structure can be matched by column; tabs after it are kept.
std::string expand_tabs(std::string_view line) {
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size()) break;
        std::size_t marker = i;
        if (line[i] == '>') {
            marker = i + 1;
        } else if (line[i] == '-' || line[i] == '+' || line[i] == '*') {
            marker = i + 1;
        } else {
            while (marker < line.size() && is_digit(line[marker]) && marker - i < 9) ++marker;
            marker = marker > i && marker < line.size() && (line[marker] == '.' || line[marker] == ')') ? marker + 1 : i;
        }
        if (marker == i || (line[i] != '>' && marker < line.size() && line[marker] != ' ' && line[marker] != '\t'))
            break;
        i = marker;
    }
    const std::size_t last_tab = line.substr(0, i).rfind('\t');
    if (last_tab == std::string_view::npos) return std::string(line);
    std::string out;
    out.reserve(line.size() + 8);
    for (std::size_t k = 0; k <= last_tab; ++k) {
        if (line[k] == '\t') {
            out.append(4 - out.size() % 4, ' ');
        } else {
            out += line[k];
        }
    }
    out.append(line.substr(last_tab + 1));
    return out;
}

class BlockParser {
public:
    Document parse(std::string_view input) {
        nodes_.push_back(Node{});
        const std::string clean = clean_text(input);
        std::string_view rest = clean;
        while (!rest.empty()) {
            const std::size_t nl = rest.find('\n');
            process_line(rest.substr(0, nl));
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        }
        for (std::size_t n = tip_; n != 0;) n = finalize(n);
        finalize(0);
        Document doc;
        convert_children(0, doc.blocks);
        return doc;
    }

private:
    std::vector<Node> nodes_;
    std::size_t tip_ = 0;
    std::string line_;
    std::size_t offset_ = 0;
    std::size_t first_nonspace_ = 0;
    std::size_t indent_ = 0;
    bool blank_ = false;
    std::int64_t line_number_ = 0;

    void find_first_nonspace() {
        first_nonspace_ = offset_;
        while (first_nonspace_ < line_.size() && line_[first_nonspace_] == ' ') ++first_nonspace_;
        indent_ = first_nonspace_ - offset_;
        blank_ = first_nonspace_ >= line_.size();
    }

    char peek(std::size_t i) const { return i < line_.size() ? line_[i] : '\0'; }

    std::size_t last_open_child(std::size_t n) const {
        const auto& ch = nodes_[n].children;
        return !ch.empty() && nodes_[ch.back()].open ? ch.back() : 0;
    }

    std::size_t add_child(std::size_t parent, NodeKind kind) {
        while (!can_contain(nodes_[parent].kind, kind)) parent = finalize(parent);
        Node n;
        n.kind = kind;
        n.parent = parent;
        n.depth = nodes_[parent].depth + (is_container(kind) ? 1 : 0);
        n.start_line = line_number_;
        nodes_.push_back(std::move(n));
        const std::size_t id = nodes_.size() - 1;
        nodes_[parent].children.push_back(id);
        return id;
    }

    bool ends_with_blank_line(std::size_t n) const {
        for (;;) {
            const Node& node = nodes_[n];
            if (node.last_line_blank) return true;
            if ((node.kind != NodeKind::list && node.kind != NodeKind::item) || node.children.empty()) return false;
            n = node.children.back();
        }
    }

    // Closes node n and returns its parent.
    std::size_t finalize(std::size_t n) {
        Node& node = nodes_[n];
        if (!node.open) return node.parent;
        node.open = false;
        if (node.kind == NodeKind::code && !node.fenced) {
            // Trailing blank lines are not part of an indented code block (every line ends in '\n').
            std::string& code = node.content;
            while (!code.empty()) {
                const std::size_t previous_end = code.size() >= 2 ? code.rfind('\n', code.size() - 2) : std::string::npos;
                const std::size_t begin = previous_end == std::string::npos ? 0 : previous_end + 1;
                if (code.find_first_not_of(" \n", begin) != std::string::npos) break;
                code.resize(begin);
            }
        } else if (node.kind == NodeKind::list) {
            bool tight = true;
            const auto& items = node.children;
            for (std::size_t i = 0; i < items.size() && tight; ++i) {
                const bool has_next = i + 1 < items.size();
                if (nodes_[items[i]].last_line_blank && has_next) tight = false;
                const auto& sub = nodes_[items[i]].children;
                for (std::size_t k = 0; k < sub.size() && tight; ++k)
                    if ((has_next || k + 1 < sub.size()) && ends_with_blank_line(sub[k])) tight = false;
            }
            nodes_[n].tight = tight;
        }
        return nodes_[n].parent;
    }

    // ---- block starts ----

    bool atx_heading(std::size_t container) {
        std::size_t i = first_nonspace_;
        std::size_t level = 0;
        while (peek(i) == '#' && level < 7) {
            ++i;
            ++level;
        }
        if (level == 0 || level > 6 || (peek(i) != ' ' && peek(i) != '\0')) return false;
        std::string_view text = trim(std::string_view(line_).substr(i));
        // An optional closing sequence: '#'s that are the whole text or follow a space.
        std::size_t end = text.size();
        while (end > 0 && text[end - 1] == '#') --end;
        if (end < text.size() && (end == 0 || text[end - 1] == ' ')) text = trim(text.substr(0, end));
        const std::size_t h = add_child(container, NodeKind::heading);
        nodes_[h].level = static_cast<int>(level);
        nodes_[h].content = std::string(text);
        offset_ = line_.size();
        return true;
    }

    bool fence_open(std::size_t container) {
        const char c = peek(first_nonspace_);
        if (c != '`' && c != '~') return false;
        std::size_t i = first_nonspace_;
        while (peek(i) == c) ++i;
        const std::size_t length = i - first_nonspace_;
        if (length < 3) return false;
        const std::string_view info = trim(std::string_view(line_).substr(i));
        if (c == '`' && info.find('`') != std::string_view::npos) return false;
        const std::size_t code = add_child(container, NodeKind::code);
        Node& n = nodes_[code];
        n.fenced = true;
        n.fence_char = c;
        n.fence_length = length;
        n.fence_offset = indent_;
        n.info = unescape(info);
        offset_ = line_.size();
        return true;
    }

    bool fence_close(const Node& code) const {
        if (indent_ > 3) return false;
        std::size_t i = first_nonspace_;
        while (peek(i) == code.fence_char) ++i;
        if (i - first_nonspace_ < code.fence_length) return false;
        while (peek(i) == ' ') ++i;
        return i >= line_.size();
    }

    int setext_level() const {
        const char c = peek(first_nonspace_);
        if (c != '=' && c != '-') return 0;
        std::size_t i = first_nonspace_;
        while (peek(i) == c) ++i;
        while (peek(i) == ' ') ++i;
        return i >= line_.size() ? (c == '=' ? 1 : 2) : 0;
    }

    bool thematic_break() const {
        const char c = peek(first_nonspace_);
        if (c != '*' && c != '-' && c != '_') return false;
        std::size_t count = 0;
        for (std::size_t i = first_nonspace_; i < line_.size(); ++i) {
            if (line_[i] == c) {
                ++count;
            } else if (line_[i] != ' ') {
                return false;
            }
        }
        return count >= 3;
    }

    struct ListMarker {
        bool ordered = false;
        char marker = 0;
        std::int64_t start = 1;
        std::size_t width = 0;
    };

    bool list_marker(std::size_t container, ListMarker& m) const {
        std::size_t i = first_nonspace_;
        const char c = peek(i);
        if (c == '-' || c == '+' || c == '*') {
            m.marker = c;
            m.width = 1;
        } else if (is_digit(c)) {
            std::int64_t value = 0;
            std::size_t digits = 0;
            while (is_digit(peek(i)) && digits < 10) {
                value = value * 10 + (peek(i) - '0');
                ++i;
                ++digits;
            }
            if (digits > 9 || (peek(i) != '.' && peek(i) != ')')) return false;
            m.ordered = true;
            m.marker = peek(i);
            m.start = value;
            m.width = digits + 1;
        } else {
            return false;
        }
        const std::size_t after = first_nonspace_ + m.width;
        if (peek(after) != ' ' && peek(after) != '\0') return false;
        if (nodes_[container].kind == NodeKind::paragraph) {
            std::size_t k = after;
            while (peek(k) == ' ') ++k;
            if (k >= line_.size() || (m.ordered && m.start != 1)) return false;
        }
        return true;
    }

    void open_list_item(std::size_t& container, const ListMarker& m) {
        const std::size_t marker_offset = indent_;
        const std::size_t after = first_nonspace_ + m.width;
        std::size_t spaces = 0;
        while (peek(after + spaces) == ' ' && spaces < 5) ++spaces;
        std::size_t padding = m.width + spaces;
        const bool rest_blank = after + spaces >= line_.size();
        if (spaces >= 5 || spaces == 0 || rest_blank) {
            padding = m.width + 1;
            offset_ = std::min(after + (spaces > 0 ? 1 : 0), line_.size());
        } else {
            offset_ = after + spaces;
        }
        const Node& c = nodes_[container];
        if (c.kind != NodeKind::list || c.ordered != m.ordered || c.marker != m.marker) {
            container = add_child(container, NodeKind::list);
            nodes_[container].ordered = m.ordered;
            nodes_[container].marker = m.marker;
            nodes_[container].start = m.start;
        }
        container = add_child(container, NodeKind::item);
        Node& item = nodes_[container];
        item.ordered = m.ordered;
        item.marker = m.marker;
        item.marker_offset = marker_offset;
        item.padding = padding;
    }

    // The last line of paragraph p becomes a table header when the current line is a matching
    // delimiter row.
    bool table_start(std::size_t& container) {
        std::vector<Align> aligns = delimiter_row(std::string_view(line_).substr(first_nonspace_));
        if (aligns.empty()) return false;
        Node& para = nodes_[container];
        const std::size_t nl = para.content.rfind('\n');
        const std::string header = nl == std::string::npos ? para.content : para.content.substr(nl + 1);
        if (split_row(header).size() != aligns.size()) return false;
        para.content.resize(nl == std::string::npos ? 0 : nl);
        const std::size_t parent = para.parent;
        if (para.content.empty()) {
            nodes_[parent].children.pop_back();
            para.open = false;
        } else {
            finalize(container);
        }
        container = add_child(parent, NodeKind::table);
        nodes_[container].aligns = std::move(aligns);
        nodes_[container].rows.push_back(header);
        offset_ = line_.size();
        return true;
    }

    // ---- one line ----

    void process_line(std::string_view raw) {
        line_ = expand_tabs(raw);
        offset_ = 0;
        ++line_number_;

        std::size_t container = 0;
        bool all_matched = true;
        for (std::size_t child = last_open_child(0); child != 0; child = last_open_child(container)) {
            find_first_nonspace();
            const Match m = continues(child);
            if (m == Match::fence_closed) return;
            if (m == Match::no) {
                all_matched = false;
                break;
            }
            container = child;
        }
        const std::size_t last_matched = container;
        if (open_blocks(container, all_matched)) {
            close_unmatched(last_matched, container);
            mark_blank(container, false);
            const NodeKind k = nodes_[container].kind;
            tip_ = k == NodeKind::heading || k == NodeKind::thematic_break ? finalize(container) : container;
            return;
        }
        add_text(container, last_matched);
    }

    enum class Match { no, yes, fence_closed };

    // Whether open block `child` goes on in this line; consumes its prefix ("> ", an item's indent).
    // A closing fence ends the code block and the line.
    Match continues(std::size_t child) {
        Node& n = nodes_[child];
        switch (n.kind) {
            case NodeKind::block_quote:
                if (indent_ > 3 || peek(first_nonspace_) != '>') return Match::no;
                offset_ = first_nonspace_ + (peek(first_nonspace_ + 1) == ' ' ? 2 : 1);
                return Match::yes;
            case NodeKind::item:
                if (indent_ >= n.marker_offset + n.padding) {
                    offset_ += n.marker_offset + n.padding;
                    return Match::yes;
                }
                if (blank_ && !n.children.empty()) {
                    offset_ = first_nonspace_;
                    return Match::yes;
                }
                return Match::no;
            case NodeKind::code:
                if (n.fenced) {
                    if (fence_close(n)) {
                        for (std::size_t t = tip_; t != child;) t = finalize(t);
                        tip_ = finalize(child);
                        return Match::fence_closed;
                    }
                    for (std::size_t k = 0; k < n.fence_offset && peek(offset_) == ' '; ++k) ++offset_;
                    return Match::yes;
                }
                if (indent_ >= 4) {
                    offset_ += 4;
                    return Match::yes;
                }
                if (blank_) {
                    offset_ = first_nonspace_;
                    return Match::yes;
                }
                return Match::no;
            case NodeKind::list: return Match::yes;
            case NodeKind::paragraph:
            case NodeKind::table: return blank_ ? Match::no : Match::yes;
            default: return Match::no;
        }
    }

    // Opens the blocks this line starts inside `container` (quotes, list items, …), leaving
    // `container` at the innermost. True when a leaf took the whole line (a heading, a fence, a
    // thematic break, a table header).
    bool open_blocks(std::size_t& container, bool all_matched) {
        // Once a new container has opened, the line cannot be a lazy paragraph continuation.
        bool maybe_lazy = nodes_[tip_].kind == NodeKind::paragraph;
        while (nodes_[container].kind != NodeKind::code) {
            find_first_nonspace();
            const bool indented = indent_ >= 4;
            const char c = peek(first_nonspace_);
            const NodeKind kind = nodes_[container].kind;
            const int depth = nodes_[container].depth;
            ListMarker marker;
            int level = 0;
            if (!indented && c == '>' && depth < max_block_depth) {
                offset_ = first_nonspace_ + (peek(first_nonspace_ + 1) == ' ' ? 2 : 1);
                container = add_child(container, NodeKind::block_quote);
                maybe_lazy = false;
            } else if (!indented && c == '#' && atx_heading(container)) {
                container = nodes_.size() - 1;
                return true;
            } else if (!indented && fence_open(container)) {
                container = nodes_.size() - 1;
                return true;
            } else if (!indented && kind == NodeKind::paragraph && (level = setext_level()) != 0) {
                nodes_[container].kind = NodeKind::heading;
                nodes_[container].level = level;
                return true;
            } else if (!indented && !(kind == NodeKind::paragraph && !all_matched) && thematic_break()) {
                container = add_child(container, NodeKind::thematic_break);
                return true;
            } else if ((!indented || kind == NodeKind::list) && depth + 2 <= max_block_depth &&
                       list_marker(container, marker)) {
                open_list_item(container, marker);
                maybe_lazy = false;
            } else if (indented && !maybe_lazy && !blank_) {
                offset_ += 4;
                container = add_child(container, NodeKind::code);
                return false;
            } else if (!indented && kind == NodeKind::paragraph && all_matched && table_start(container)) {
                return true;
            } else {
                return false;
            }
        }
        return false;
    }

    // The rest of the line: a lazy paragraph continuation, or text added to `container` (code,
    // paragraph, table row) or a new paragraph in it.
    void add_text(std::size_t container, std::size_t last_matched) {
        find_first_nonspace();
        if (tip_ != last_matched && container == last_matched && !blank_ &&
            nodes_[tip_].kind == NodeKind::paragraph) {
            nodes_[tip_].content += '\n';
            nodes_[tip_].content.append(line_, first_nonspace_, std::string::npos);
            return;
        }
        close_unmatched(last_matched, container);
        if (blank_ && !nodes_[container].children.empty())
            nodes_[nodes_[container].children.back()].last_line_blank = true;
        const Node& cn = nodes_[container];
        const bool blank_counts = blank_ && cn.kind != NodeKind::block_quote &&
                                  !(cn.kind == NodeKind::code && cn.fenced) &&
                                  !(cn.kind == NodeKind::item && cn.children.empty() && cn.start_line == line_number_);
        mark_blank(container, blank_counts);

        switch (nodes_[container].kind) {
            case NodeKind::code:
                nodes_[container].content.append(line_, std::min(offset_, line_.size()), std::string::npos);
                nodes_[container].content += '\n';
                break;
            case NodeKind::paragraph:
                nodes_[container].content += '\n';
                nodes_[container].content.append(line_, first_nonspace_, std::string::npos);
                break;
            case NodeKind::table: nodes_[container].rows.push_back(line_.substr(first_nonspace_)); break;
            default:
                if (!blank_) {
                    container = add_child(container, NodeKind::paragraph);
                    nodes_[container].content = line_.substr(first_nonspace_);
                }
        }
        tip_ = container;
    }

    // Closes the blocks that were open on the previous line but did not match this one.
    void close_unmatched(std::size_t last_matched, std::size_t container) {
        for (std::size_t t = tip_; t != last_matched && t != 0 && t != container;) {
            if (!nodes_[t].open) {
                t = nodes_[t].parent;
                continue;
            }
            t = finalize(t);
        }
    }

    void mark_blank(std::size_t container, bool blank) {
        nodes_[container].last_line_blank = blank;
        for (std::size_t n = container; n != 0;) {
            n = nodes_[n].parent;
            nodes_[n].last_line_blank = false;
        }
    }

    // ---- to the public model ----

    void convert_children(std::size_t n, std::vector<Block>& out) {
        for (std::size_t child : nodes_[n].children) {
            Block b;
            if (convert(child, b)) out.push_back(std::move(b));
        }
    }

    bool convert(std::size_t id, Block& b) {
        Node& n = nodes_[id];
        switch (n.kind) {
            case NodeKind::paragraph: {
                const std::string_view text = trim(n.content);
                if (text.empty()) return false;
                b.kind = BlockKind::paragraph;
                b.inlines = detail::parse_inlines(text);
                // Links with no text and no allowed target (`[]()`) vanish; a paragraph left with
                // nothing but line breaks would be written back as nothing, so it is not one.
                return std::any_of(b.inlines.begin(), b.inlines.end(), [](const Inline& i) {
                    return i.kind != InlineKind::soft_break && i.kind != InlineKind::hard_break;
                });
            }
            case NodeKind::heading:
                // A setext heading's lines are joined: a heading is one line in the model.
                std::replace(n.content.begin(), n.content.end(), '\n', ' ');
                b.kind = BlockKind::heading;
                b.level = n.level;
                b.inlines = detail::parse_inlines(trim(n.content));
                return true;
            case NodeKind::code:
                b.kind = BlockKind::code_block;
                b.info = std::move(n.info);
                b.literal = std::move(n.content);
                return true;
            case NodeKind::thematic_break: b.kind = BlockKind::thematic_break; return true;
            case NodeKind::block_quote:
                b.kind = BlockKind::block_quote;
                convert_children(id, b.children);
                return true;
            case NodeKind::list:
                b.kind = n.ordered ? BlockKind::ordered_list : BlockKind::bullet_list;
                b.start = n.start;
                b.tight = n.tight;
                convert_children(id, b.children);
                return true;
            case NodeKind::item:
                b.kind = BlockKind::list_item;
                convert_children(id, b.children);
                return true;
            case NodeKind::table: {
                b.kind = BlockKind::table;
                for (const std::string& row : n.rows) {
                    std::vector<std::string> cells = split_row(row);
                    cells.resize(n.aligns.size());
                    Block r;
                    r.kind = BlockKind::table_row;
                    for (std::size_t k = 0; k < cells.size(); ++k) {
                        Block cell;
                        cell.kind = BlockKind::table_cell;
                        cell.align = n.aligns[k];
                        cell.inlines = detail::parse_inlines(cells[k]);
                        r.children.push_back(std::move(cell));
                    }
                    b.children.push_back(std::move(r));
                }
                return true;
            }
            case NodeKind::document: return false;
        }
        return false;
    }
};

}  // namespace

Document parse(std::string_view markdown) { return BlockParser().parse(markdown); }

}  // namespace relplan::md

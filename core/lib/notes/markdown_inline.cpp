// The inline half of the Markdown parser: code spans, emphasis (CommonMark's delimiter algorithm),
// links, autolinks, breaks and entities, within the nesting limits markdown.hpp promises; and the
// inline builders and plain_text. The block half is in markdown.cpp.
#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"

#include "base/text.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace relplan::md {

using detail::decode_entity;
using detail::is_alnum;
using detail::is_alpha;
using detail::is_ascii_punct;
using detail::is_digit;
using detail::trim;
using detail::unescape;

namespace {

// Whitespace and punctuation as the emphasis flanking rules see them. Non-ASCII characters count as
// letters except the common Unicode spaces.
enum class CharClass { space, punct, other };

CharClass class_before(std::string_view s, std::size_t i) {
    if (i == 0) return CharClass::space;
    const char c = s[i - 1];
    if (c == ' ' || c == '\t' || c == '\n') return CharClass::space;
    if (static_cast<unsigned char>(c) < 0x80) return is_ascii_punct(c) ? CharClass::punct : CharClass::other;
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && i - start < 4) --start;
    const std::string_view ch = s.substr(start, i - start);
    return ch == "\xC2\xA0" || ch == "\xE3\x80\x80" ? CharClass::space : CharClass::other;
}

CharClass class_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return CharClass::space;
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') return CharClass::space;
    if (static_cast<unsigned char>(c) < 0x80) return is_ascii_punct(c) ? CharClass::punct : CharClass::other;
    const std::string_view rest = s.substr(i);
    return rest.substr(0, 2) == "\xC2\xA0" || rest.substr(0, 3) == "\xE3\x80\x80" ? CharClass::space
                                                                                 : CharClass::other;
}

// ---- inline parsing ------------------------------------------------------------------------------

// Bounds on link destination and title scanning: together with the bracket and backtick bookkeeping
// they keep inline parsing linear even on input made of nothing but "[a](" or backticks.
constexpr std::size_t max_link_part = 2048;
constexpr int max_link_parens = 32;

class InlineParser {
public:
    explicit InlineParser(std::string_view s) : s_(s) { index_backtick_runs(); }

    std::vector<Inline> run() {
        while (pos_ < s_.size()) step();
        flush_text();
        process_emphasis(0);
        return build(0, toks_.size(), 0);
    }

private:
    enum class TokKind { text, code, soft_break, hard_break, delim, bracket, link };
    struct Tok {
        TokKind kind = TokKind::text;
        std::string text;  // text, code; link: unused
        std::string url;
        std::vector<Inline> children;  // link
        char ch = 0;                   // delim: '*' or '_'
        int count = 0;                 // delim: characters not yet used by emphasis
        std::vector<InlineKind> closes;  // delim: emphasis closed here, innermost first
        std::vector<InlineKind> opens;   // delim: emphasis opened here, innermost first
    };
    struct Delim {
        std::size_t tok;
        char ch;
        int length;  // the run's original length, for the rule of three
        bool can_open;
        bool can_close;
    };
    struct Bracket {
        std::size_t tok;
        std::size_t delims;  // delimiters before it
    };

    std::string_view s_;
    std::size_t pos_ = 0;
    std::string pending_;
    std::vector<Tok> toks_;
    std::vector<Delim> delims_;
    std::vector<Bracket> brackets_;
    std::size_t active_brackets_ = 0;  // brackets below this index may no longer open a link
    std::map<std::size_t, std::vector<std::size_t>> backtick_runs_;  // length -> start offsets

    void index_backtick_runs() {
        for (std::size_t i = 0; i < s_.size();) {
            if (s_[i] != '`') {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < s_.size() && s_[j] == '`') ++j;
            backtick_runs_[j - i].push_back(i);
            i = j;
        }
    }

    void flush_text() {
        if (pending_.empty()) return;
        Tok t;
        t.text = std::move(pending_);
        toks_.push_back(std::move(t));
        pending_.clear();
    }

    void push(Tok t) {
        flush_text();
        toks_.push_back(std::move(t));
    }

    void step() {
        const char c = s_[pos_];
        switch (c) {
            case '\n': line_break(false); return;
            case '\\':
                if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
                    ++pos_;
                    line_break(true);
                } else if (pos_ + 1 < s_.size() && is_ascii_punct(s_[pos_ + 1])) {
                    pending_ += s_[pos_ + 1];
                    pos_ += 2;
                } else {
                    pending_ += '\\';
                    ++pos_;
                }
                return;
            case '`': code_span(); return;
            case '*':
            case '_': delimiter_run(c); return;
            case '[': {
                flush_text();
                Tok t;
                t.kind = TokKind::bracket;
                brackets_.push_back({toks_.size(), delims_.size()});
                toks_.push_back(std::move(t));
                ++pos_;
                return;
            }
            case ']': close_bracket(); return;
            case '<': autolink(); return;
            case '&': {
                const std::size_t n = decode_entity(s_, pos_, pending_);
                if (n == 0) pending_ += '&';
                pos_ += n == 0 ? 1 : n;
                return;
            }
            default: {
                const std::size_t start = pos_;
                while (pos_ < s_.size() && !is_special(s_[pos_])) ++pos_;
                if (pos_ == start) ++pos_;
                pending_.append(s_.substr(start, pos_ - start));
            }
        }
    }

    static bool is_special(char c) {
        switch (c) {
            case '\n': case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '&':
                return true;
            default: return false;
        }
    }

    void line_break(bool backslash) {
        std::size_t spaces = 0;
        while (!backslash && !pending_.empty() && pending_.back() == ' ') {
            pending_.pop_back();
            ++spaces;
        }
        // Tabs at the end of a line are shown as spaces, and spaces before a line break are dropped.
        while (!backslash && !pending_.empty() && (pending_.back() == ' ' || pending_.back() == '\t'))
            pending_.pop_back();
        const bool hard = backslash || spaces >= 2;
        Tok t;
        t.kind = hard ? TokKind::hard_break : TokKind::soft_break;
        push(std::move(t));
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    }

    void code_span() {
        std::size_t end = pos_;
        while (end < s_.size() && s_[end] == '`') ++end;
        const std::size_t length = end - pos_;
        const auto runs = backtick_runs_.find(length);
        std::size_t closer = std::string_view::npos;
        if (runs != backtick_runs_.end()) {
            const auto it = std::lower_bound(runs->second.begin(), runs->second.end(), end);
            if (it != runs->second.end()) closer = *it;
        }
        if (closer == std::string_view::npos) {
            pending_.append(length, '`');
            pos_ = end;
            return;
        }
        std::string content(s_.substr(end, closer - end));
        std::replace(content.begin(), content.end(), '\n', ' ');
        if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' &&
            content.find_first_not_of(' ') != std::string::npos)
            content = content.substr(1, content.size() - 2);
        std::replace(content.begin(), content.end(), '\t', ' ');
        Tok t;
        t.kind = TokKind::code;
        t.text = std::move(content);
        push(std::move(t));
        pos_ = closer + length;
    }

    void delimiter_run(char c) {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] == c) ++pos_;
        const CharClass before = class_before(s_, start);
        const CharClass after = class_at(s_, pos_);
        const bool left = after != CharClass::space &&
                          (after != CharClass::punct || before != CharClass::other);
        const bool right = before != CharClass::space &&
                           (before != CharClass::punct || after != CharClass::other);
        bool can_open = left, can_close = right;
        if (c == '_') {
            can_open = left && (!right || before == CharClass::punct);
            can_close = right && (!left || after == CharClass::punct);
        }
        const int length = static_cast<int>(std::min<std::size_t>(pos_ - start, 1u << 30));
        Tok t;
        t.kind = TokKind::delim;
        t.ch = c;
        t.count = length;
        flush_text();
        delims_.push_back({toks_.size(), c, length, can_open, can_close});
        toks_.push_back(std::move(t));
    }

    void close_bracket() {
        if (brackets_.empty()) {
            pending_ += ']';
            ++pos_;
            return;
        }
        const Bracket opener = brackets_.back();
        std::string url;
        std::size_t end = 0;
        if (brackets_.size() - 1 < active_brackets_ || !inline_link(pos_ + 1, url, end)) {
            brackets_.pop_back();
            active_brackets_ = std::min(active_brackets_, brackets_.size());
            pending_ += ']';
            ++pos_;
            return;
        }
        flush_text();
        process_emphasis(opener.delims);
        Tok link;
        link.kind = TokKind::link;
        link.children = build(opener.tok + 1, toks_.size(), 1);
        link.url = sanitize_url(url).value_or(std::string());
        toks_.resize(opener.tok);
        delims_.resize(opener.delims);
        toks_.push_back(std::move(link));
        brackets_.pop_back();
        // Links may not contain links: every bracket still open is now inside one.
        active_brackets_ = brackets_.size();
        pos_ = end;
    }

    std::size_t skip_spaces(std::size_t i, bool& newline_seen) const {
        while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || (s_[i] == '\n' && !newline_seen))) {
            if (s_[i] == '\n') newline_seen = true;
            ++i;
        }
        return i;
    }

    // "(destination "title")" at s_[i]; on success sets `url` and `end` (just past the ')').
    bool inline_link(std::size_t i, std::string& url, std::size_t& end) const {
        if (i >= s_.size() || s_[i] != '(') return false;
        bool newline = false;
        i = skip_spaces(i + 1, newline);
        std::size_t dest_start = i, dest_end = i;
        if (i < s_.size() && s_[i] == '<') {
            std::size_t j = i + 1;
            while (j < s_.size() && s_[j] != '>' && s_[j] != '<' && s_[j] != '\n' && j - i < max_link_part)
                j += s_[j] == '\\' && j + 1 < s_.size() && is_ascii_punct(s_[j + 1]) ? 2 : 1;
            if (j >= s_.size() || s_[j] != '>') return false;
            dest_start = i + 1;
            dest_end = j;
            i = j + 1;
        } else {
            std::size_t j = i;
            int depth = 0;
            while (j < s_.size() && j - i < max_link_part) {
                const char c = s_[j];
                if (c == '\\' && j + 1 < s_.size() && is_ascii_punct(s_[j + 1])) {
                    j += 2;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\n') break;
                if (c == '(') {
                    if (++depth > max_link_parens) return false;
                } else if (c == ')') {
                    if (depth == 0) break;
                    --depth;
                }
                ++j;
            }
            if (depth != 0 || j - i >= max_link_part) return false;
            dest_start = i;
            dest_end = j;
            i = j;
        }
        const std::size_t before_title = i;
        i = skip_spaces(i, newline);
        if (i < s_.size() && i > before_title && (s_[i] == '"' || s_[i] == '\'' || s_[i] == '(')) {
            const char close = s_[i] == '(' ? ')' : s_[i];
            std::size_t j = i + 1;
            while (j < s_.size() && s_[j] != close && j - i < max_link_part) {
                if (s_[j] == '(' && close == ')') return false;
                j += s_[j] == '\\' && j + 1 < s_.size() ? 2 : 1;
            }
            if (j >= s_.size() || s_[j] != close) return false;
            i = skip_spaces(j + 1, newline);
        }
        if (i >= s_.size() || s_[i] != ')') return false;
        url = unescape(s_.substr(dest_start, dest_end - dest_start));
        end = i + 1;
        return true;
    }

    void autolink() {
        const std::size_t start = pos_ + 1;
        std::size_t j = start;
        while (j < s_.size() && (is_alnum(s_[j]) || s_[j] == '+' || s_[j] == '.' || s_[j] == '-')) ++j;
        const bool scheme = j - start >= 2 && j - start <= 32 && is_alpha(s_[start]) && j < s_.size() && s_[j] == ':';
        bool ok = false;
        std::string target;
        if (scheme) {
            while (j < s_.size() && s_[j] != '>' && s_[j] != '<' && static_cast<unsigned char>(s_[j]) > ' ') ++j;
            ok = j < s_.size() && s_[j] == '>';
            if (ok) target = std::string(s_.substr(start, j - start));
        } else {
            j = start;
            while (j < s_.size() && (is_alnum(s_[j]) || std::string_view(".!#$%&'*+/=?^_`{|}~-").find(s_[j]) !=
                                                             std::string_view::npos))
                ++j;
            if (j > start && j < s_.size() && s_[j] == '@') {
                const std::size_t domain = ++j;
                while (j < s_.size() && (is_alnum(s_[j]) || s_[j] == '-' || s_[j] == '.')) ++j;
                ok = j > domain && j < s_.size() && s_[j] == '>' && is_alnum(s_[domain]) && is_alnum(s_[j - 1]);
                if (ok) target = "mailto:" + std::string(s_.substr(start, j - start));
            }
        }
        if (!ok) {
            pending_ += '<';
            ++pos_;
            return;
        }
        Tok t;
        t.kind = TokKind::link;
        t.children.push_back(md::text(s_.substr(start, j - start)));
        t.url = sanitize_url(target).value_or(std::string());
        push(std::move(t));
        pos_ = j + 1;
    }

    // CommonMark's "process emphasis" over the delimiters from index `bottom` on, with the
    // openers_bottom table that keeps it linear.
    void process_emphasis(std::size_t bottom) {
        const std::size_t n = delims_.size();
        if (bottom >= n) return;
        constexpr std::size_t none = static_cast<std::size_t>(-1);
        // Doubly linked list over delims_[bottom, n), indexed from `bottom`.
        std::vector<std::size_t> prev_links(n - bottom), next_links(n - bottom);
        for (std::size_t k = bottom; k < n; ++k) {
            prev_links[k - bottom] = k > bottom ? k - 1 : none;
            next_links[k - bottom] = k + 1 < n ? k + 1 : none;
        }
        const auto prev = [&](std::size_t k) -> std::size_t& { return prev_links[k - bottom]; };
        const auto next = [&](std::size_t k) -> std::size_t& { return next_links[k - bottom]; };
        const auto unlink = [&](std::size_t k) {
            if (prev(k) != none) next(prev(k)) = next(k);
            if (next(k) != none) prev(next(k)) = prev(k);
        };
        // Openers at or below these positions are known not to match (per character, closer length
        // mod 3, closer can-open); `none` means no bound yet.
        std::size_t openers_bottom[2][3][2];
        for (auto& a : openers_bottom)
            for (auto& b : a)
                for (auto& c : b) c = none;
        std::size_t closer = bottom;
        while (closer != none) {
            const Delim& cl = delims_[closer];
            if (!cl.can_close) {
                closer = next(closer);
                continue;
            }
            std::size_t& floor = openers_bottom[cl.ch == '*' ? 0 : 1][cl.length % 3][cl.can_open ? 1 : 0];
            std::size_t opener = prev(closer);
            bool found = false;
            while (opener != none && (floor == none || opener > floor)) {
                const Delim& op = delims_[opener];
                if (op.ch == cl.ch && op.can_open) {
                    const bool odd = (cl.can_open || op.can_close) && cl.length % 3 != 0 &&
                                     (op.length + cl.length) % 3 == 0;
                    if (!odd) {
                        found = true;
                        break;
                    }
                }
                opener = prev(opener);
            }
            if (found) {
                Tok& open_tok = toks_[delims_[opener].tok];
                Tok& close_tok = toks_[cl.tok];
                const int use = open_tok.count >= 2 && close_tok.count >= 2 ? 2 : 1;
                open_tok.count -= use;
                close_tok.count -= use;
                const InlineKind kind = use == 2 ? InlineKind::strong : InlineKind::emphasis;
                open_tok.opens.push_back(kind);
                close_tok.closes.push_back(kind);
                next(opener) = closer;
                prev(closer) = opener;
                if (open_tok.count == 0) unlink(opener);
                if (close_tok.count == 0) {
                    const std::size_t after = next(closer);
                    unlink(closer);
                    closer = after;
                }
            } else {
                floor = prev(closer);
                const std::size_t after = next(closer);
                if (!cl.can_open) unlink(closer);
                closer = after;
            }
        }
    }

    struct Frame {
        InlineKind kind = InlineKind::text;
        std::vector<Inline> children;
    };

    // md::text turns tabs into spaces: the model's text carries no control characters.
    static void add_text(std::vector<Inline>& out, std::string_view text) {
        if (text.empty()) return;
        if (!out.empty() && out.back().kind == InlineKind::text) {
            out.back().text += md::text(text).text;
        } else {
            out.push_back(md::text(text));
        }
    }

    static void add(std::vector<Inline>& out, Inline inline_) {
        if (inline_.kind == InlineKind::text) {
            add_text(out, inline_.text);
        } else {
            out.push_back(std::move(inline_));
        }
    }

    // The inline tree for toks_[from, to) after emphasis processing; `depth` is the nesting the
    // result starts at (1 inside a link).
    std::vector<Inline> build(std::size_t from, std::size_t to, int depth) {
        std::vector<Frame> stack(1);
        // One entry per emphasis opened and not yet closed: true when it was past the depth limit
        // and so written out as its delimiter characters instead of a frame.
        std::vector<bool> literal;
        for (std::size_t k = from; k < to; ++k) {
            Tok& t = toks_[k];
            std::vector<Inline>& out = stack.back().children;
            switch (t.kind) {
                case TokKind::text: add_text(out, t.text); break;
                case TokKind::bracket: add_text(out, "["); break;
                case TokKind::code: {
                    Inline i;
                    i.kind = InlineKind::code;
                    i.text = std::move(t.text);
                    out.push_back(std::move(i));
                    break;
                }
                case TokKind::soft_break:
                case TokKind::hard_break: {
                    Inline i;
                    i.kind = t.kind == TokKind::soft_break ? InlineKind::soft_break : InlineKind::hard_break;
                    out.push_back(std::move(i));
                    break;
                }
                case TokKind::link: {
                    // A link whose target is not allowed is just its text.
                    if (t.url.empty()) {
                        for (Inline& i : t.children) add(out, std::move(i));
                        break;
                    }
                    Inline i;
                    i.kind = InlineKind::link;
                    i.url = std::move(t.url);
                    i.children = std::move(t.children);
                    out.push_back(std::move(i));
                    break;
                }
                case TokKind::delim: {
                    const auto marker = [&](InlineKind kind) {
                        return std::string(kind == InlineKind::strong ? 2 : 1, t.ch);
                    };
                    for (InlineKind kind : t.closes) {
                        const bool was_literal = literal.back();
                        literal.pop_back();
                        if (was_literal) {
                            add_text(stack.back().children, marker(kind));
                            continue;
                        }
                        Inline i;
                        i.kind = kind;
                        i.children = std::move(stack.back().children);
                        stack.pop_back();
                        stack.back().children.push_back(std::move(i));
                    }
                    add_text(stack.back().children, std::string(static_cast<std::size_t>(t.count), t.ch));
                    for (auto it = t.opens.rbegin(); it != t.opens.rend(); ++it) {
                        const bool too_deep = depth + static_cast<int>(stack.size()) > max_inline_depth;
                        literal.push_back(too_deep);
                        if (too_deep) {
                            add_text(stack.back().children, marker(*it));
                        } else {
                            stack.push_back(Frame{*it, {}});
                        }
                    }
                    break;
                }
            }
        }
        return std::move(stack.front().children);
    }
};

}  // namespace

std::vector<Inline> detail::parse_inlines(std::string_view text) { return InlineParser(text).run(); }

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

std::vector<Inline> inline_markdown(std::string_view source) {
    std::string clean = clean_text(source);
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::string joined;
    std::string_view rest = clean;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = trim(rest.substr(0, nl));
        if (!line.empty()) {
            if (!joined.empty()) joined += '\n';
            joined += line;
        }
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    return detail::parse_inlines(joined);
}

std::string sanitize_inline_markdown(std::string_view source) {
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

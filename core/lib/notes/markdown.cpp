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

// ---- character classes ---------------------------------------------------------------------------

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

}  // namespace

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

}  // namespace detail

namespace {


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
            Node& n = nodes_[child];
            bool matched = false;
            switch (n.kind) {
                case NodeKind::block_quote:
                    matched = indent_ <= 3 && peek(first_nonspace_) == '>';
                    if (matched) offset_ = first_nonspace_ + (peek(first_nonspace_ + 1) == ' ' ? 2 : 1);
                    break;
                case NodeKind::item:
                    if (indent_ >= n.marker_offset + n.padding) {
                        offset_ += n.marker_offset + n.padding;
                        matched = true;
                    } else if (blank_ && !n.children.empty()) {
                        offset_ = first_nonspace_;
                        matched = true;
                    }
                    break;
                case NodeKind::code:
                    if (n.fenced) {
                        if (fence_close(n)) {
                            for (std::size_t t = tip_; t != child;) t = finalize(t);
                            tip_ = finalize(child);
                            return;
                        }
                        for (std::size_t k = 0; k < n.fence_offset && peek(offset_) == ' '; ++k) ++offset_;
                        matched = true;
                    } else if (indent_ >= 4) {
                        offset_ += 4;
                        matched = true;
                    } else if (blank_) {
                        offset_ = first_nonspace_;
                        matched = true;
                    }
                    break;
                case NodeKind::list: matched = true; break;
                case NodeKind::paragraph:
                case NodeKind::table: matched = !blank_; break;
                default: break;
            }
            if (!matched) {
                all_matched = false;
                break;
            }
            container = child;
        }
        const std::size_t last_matched = container;

        bool consumed = false;
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
                consumed = true;
                break;
            } else if (!indented && fence_open(container)) {
                container = nodes_.size() - 1;
                consumed = true;
                break;
            } else if (!indented && kind == NodeKind::paragraph && (level = setext_level()) != 0) {
                nodes_[container].kind = NodeKind::heading;
                nodes_[container].level = level;
                consumed = true;
                break;
            } else if (!indented && !(kind == NodeKind::paragraph && !all_matched) && thematic_break()) {
                container = add_child(container, NodeKind::thematic_break);
                consumed = true;
                break;
            } else if ((!indented || kind == NodeKind::list) && depth + 2 <= max_block_depth &&
                       list_marker(container, marker)) {
                open_list_item(container, marker);
                maybe_lazy = false;
            } else if (indented && !maybe_lazy && !blank_) {
                offset_ += 4;
                container = add_child(container, NodeKind::code);
                break;
            } else if (!indented && kind == NodeKind::paragraph && all_matched && table_start(container)) {
                consumed = true;
                break;
            } else {
                break;
            }
        }

        if (consumed) {
            close_unmatched(last_matched, container);
            mark_blank(container, false);
            const NodeKind k = nodes_[container].kind;
            tip_ = k == NodeKind::heading || k == NodeKind::thematic_break ? finalize(container) : container;
            return;
        }

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
                b.inlines = InlineParser(text).run();
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
                b.inlines = InlineParser(trim(n.content)).run();
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
                        cell.inlines = InlineParser(cells[k]).run();
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

Inline strong(std::vector<Inline> children) {
    Inline i;
    i.kind = InlineKind::strong;
    i.children = std::move(children);
    return i;
}

Inline emphasis(std::vector<Inline> children) {
    Inline i;
    i.kind = InlineKind::emphasis;
    i.children = std::move(children);
    return i;
}

Inline link(std::vector<Inline> children, std::string_view url) {
    Inline i;
    i.kind = InlineKind::link;
    i.url = sanitize_url(url).value_or(std::string());
    i.children = std::move(children);
    return i;
}

Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.kind = BlockKind::paragraph;
    b.inlines = std::move(inlines);
    return b;
}

Block heading(int level, std::vector<Inline> inlines) {
    Block b;
    b.kind = BlockKind::heading;
    b.level = std::clamp(level, 1, 6);
    b.inlines = std::move(inlines);
    return b;
}

}  // namespace relplan::md

// The one sanitiser for Markdown an author wrote in a plan string (markdown.hpp, sanitize_markdown).
// It edits as little as it can, so that text written out and read back is the text written: only
// raw HTML openers and links whose target sanitize_url refuses are touched. Each pass reads its input
// the way a CommonMark renderer would for these constructs (backslash escapes, code spans on one
// line, autolinks, bracket pairs within a paragraph, inline destinations); because an edit can
// expose a construct the pass did not see (a '<' that hid a ']'), passes repeat until nothing
// changes, and input that keeps changing gets everything escaped.
#include "notes/markdown.hpp"
#include "notes/markdown_syntax.hpp"

#include "base/text.hpp"

#include <optional>

namespace relplan::md {

using detail::is_alnum;
using detail::is_alpha;
using detail::is_ascii_punct;

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr int max_passes = 16;
constexpr std::size_t max_title = 2048;

std::size_t run_length(std::string_view s, std::size_t i, char c) {
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == c) ++n;
    return n;
}

// The end (one past the closing run) of a code span opened by the `n` backticks at s[i], looked for on
// the same line only: a span across lines may cross a block boundary in the exported file, so it is
// not trusted to hide HTML.
std::size_t code_span_end(std::string_view s, std::size_t i, std::size_t n) {
    for (std::size_t at = i + n; at < s.size() && s[at] != '\n';) {
        if (s[at] != '`') {
            ++at;
            continue;
        }
        const std::size_t run = run_length(s, at, '`');
        if (run == n) return at + run;
        at += run;
    }
    return npos;
}

// An autolink `<scheme:…>` at s[i]: the position of its '>' or npos.
std::size_t autolink_end(std::string_view s, std::size_t i) {
    std::size_t at = i + 1;
    if (at >= s.size() || !is_alpha(s[at])) return npos;
    while (at < s.size() && (is_alnum(s[at]) || s[at] == '+' || s[at] == '.' || s[at] == '-')) ++at;
    if (at - i - 1 < 2 || at - i - 1 > 32 || at >= s.size() || s[at] != ':') return npos;
    for (; at < s.size(); ++at) {
        const char c = s[at];
        if (c == '>') return at;
        if (c == '<' || c == ' ' || static_cast<unsigned char>(c) < 0x20) return npos;
    }
    return npos;
}

bool blank_line_at(std::string_view s, std::size_t newline) {
    std::size_t at = newline + 1;
    while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
    return at >= s.size() || s[at] == '\n';
}

// For every '[' the position of the ']' that closes it within its paragraph, or npos: escapes, code
// spans and autolinks hide brackets as they do in CommonMark.
std::vector<std::size_t> bracket_pairs(std::string_view s) {
    std::vector<std::size_t> close(s.size(), npos);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            i += 2;
        } else if (c == '`') {
            const std::size_t n = run_length(s, i, '`');
            const std::size_t end = code_span_end(s, i, n);
            i = end == npos ? i + n : end;
        } else if (c == '<' && autolink_end(s, i) != npos) {
            i = autolink_end(s, i) + 1;
        } else {
            if (c == '[') open.push_back(i);
            if (c == ']' && !open.empty()) {
                close[open.back()] = i;
                open.pop_back();
            }
            if (c == '\n' && blank_line_at(s, i)) open.clear();
            ++i;
        }
    }
    return close;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
    bool newline = false;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || (s[i] == '\n' && !newline))) newline |= s[i++] == '\n';
    return i;
}

struct Destination {
    std::size_t end = npos;     // one past the destination as written
    std::size_t after = npos;   // one past the link's ')' when a title and ')' follow, else npos
    bool allowed = false;       // the target passes sanitize_url
};

// The destination of an inline link whose '(' is at s[i - 1].
Destination destination(std::string_view s, std::size_t i) {
    Destination d;
    const std::size_t start = skip_space(s, i);
    std::size_t at = start;
    std::string_view target;
    if (at < s.size() && s[at] == '<') {
        while (++at < s.size() && s[at] != '>' && s[at] != '<' && s[at] != '\n')
            if (s[at] == '\\') ++at;
        if (at >= s.size() || s[at] != '>') return d;  // not a destination: the link is refused below
        target = s.substr(start + 1, at - start - 1);
        ++at;
    } else {
        int depth = 0;
        for (; at < s.size() && static_cast<unsigned char>(s[at]) > 0x20; ++at) {
            if (s[at] == '\\' && at + 1 < s.size()) ++at;
            else if (s[at] == '(') ++depth;
            else if (s[at] == ')' && depth-- == 0) break;
        }
        target = s.substr(start, at - start);
    }
    d.end = at;
    d.allowed = sanitize_url(target).has_value();
    at = skip_space(s, at);
    if (at < s.size() && (s[at] == '"' || s[at] == '\'' || s[at] == '(') && at > d.end) {
        const char closer = s[at] == '(' ? ')' : s[at];
        const std::size_t limit = std::min(s.size(), at + max_title);
        std::size_t t = at + 1;
        while (t < limit && s[t] != closer) t += s[t] == '\\' ? 2 : 1;
        if (t >= limit) return d;
        at = skip_space(s, t + 1);
    }
    if (at < s.size() && s[at] == ')') d.after = at + 1;
    return d;
}

std::string sanitize_pass(std::string_view s) {
    const std::vector<std::size_t> close = bracket_pairs(s);
    // What to write at a ']' that closes a link, and where reading goes on from.
    struct AtClose {
        std::size_t at;
        std::string text;
        std::size_t resume;
    };
    std::vector<AtClose> pending;  // innermost link last: closes come in reverse order of opening
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        while (!pending.empty() && pending.back().at < i) pending.pop_back();  // jumped over: next pass
        if (!pending.empty() && pending.back().at == i) {
            out += pending.back().text;
            i = pending.back().resume;
            pending.pop_back();
            continue;
        }
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out.append(s.substr(i, 2));
            i += 2;
        } else if (c == '`') {
            const std::size_t n = run_length(s, i, '`');
            const std::size_t end = code_span_end(s, i, n);
            const std::size_t next = end == npos ? i + n : end;
            out.append(s.substr(i, next - i));
            i = next;
        } else if (c == '<') {
            const std::size_t end = autolink_end(s, i);
            if (end != npos && sanitize_url(s.substr(i + 1, end - i - 1))) {
                out.append(s.substr(i, end + 1 - i));
                i = end + 1;
                continue;
            }
            const char n = i + 1 < s.size() ? s[i + 1] : ' ';
            out += end != npos || is_alpha(n) || n == '/' || n == '!' || n == '?' ? "&lt;" : "<";
            ++i;
        } else if (c == '[' && close[i] != npos && close[i] + 1 < s.size() && s[close[i] + 1] == '(') {
            const Destination d = destination(s, close[i] + 2);
            if (d.end != npos && d.allowed && d.after != npos) {
                out += '[';
                pending.push_back({close[i], "](" + std::string(s.substr(close[i] + 2, d.end - close[i] - 2)), d.end});
            } else if (d.end != npos && d.allowed) {  // not a link: read on as text
                out += '[';
            } else {  // the words stay, the target goes
                const std::size_t resume = d.after != npos ? d.after : d.end != npos ? d.end : close[i] + 2;
                pending.push_back({close[i], std::string(), resume});
            }
            ++i;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string sanitize_markdown(std::string_view text) {
    std::string current(text);
    for (int pass = 0; pass < max_passes; ++pass) {
        std::string next = sanitize_pass(current);
        if (next == current) return current;
        current = std::move(next);
    }
    return markdown_escape(text, false);
}

}  // namespace relplan::md

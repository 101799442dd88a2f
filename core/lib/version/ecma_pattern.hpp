// JavaScript as node-semver's range grammar needs it (range.cpp): a regular-expression engine for
// the ECMAScript subset of its patterns, and the String and Number operations it applies to them,
// kept apart so range.cpp reads as classes/range.js does. Internal to the version module.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ecma {

// ---------------------------------------------------------------------------------------------
// A backtracking matcher for the ECMAScript regular-expression subset node-semver's patterns use:
// literals, escapes (\d \s \. \+ \* \^), classes ([a-z-], [^\d]), groups ((...), (?:...)),
// alternation, greedy ? * + {m,n}, and the ^ $ anchors. It explores alternatives in JS order, so
// captures come out exactly as in V8. Bytes are matched one at a time; \s is ASCII whitespace
// because every caller has already folded JS whitespace to ' '.
// ---------------------------------------------------------------------------------------------

constexpr int kUnbounded = std::numeric_limits<int>::max();

using ByteClass = std::array<bool, 256>;

// Shared step allowance for one top-level operation; running out makes the operation fail. Real
// ranges take 20-60 steps per byte; the allowance stops inputs such as 60000 'v's, on which the
// patterns backtrack quadratically (node-semver spends seconds there).
constexpr std::uint64_t kBudgetBase = 1'000'000;
constexpr std::uint64_t kBudgetPerByte = 200;
struct Budget {
    std::uint64_t remaining;
    bool exhausted = false;
};

class Pattern {
public:
    explicit Pattern(std::string_view source) : src_(source) {
        Node root = parse_alternation();
        nullable_ = analyse(root, first_);
        emit(root);
        prog_.push_back(Inst{Op::match, 0, 0, 0, 0});
        src_ = {};  // the source is a temporary; only the program is kept
    }

    int group_count() const { return groups_; }

    // Captures: 2 slots per group, group 0 is the whole match; -1 marks "did not participate".
    struct Match {
        std::string_view text;
        std::vector<std::ptrdiff_t> slots;
        bool has(int g) const { return slots[2 * g] >= 0 && slots[2 * g + 1] >= 0; }
        std::string_view get(int g) const {
            if (!has(g)) return {};
            return text.substr(static_cast<std::size_t>(slots[2 * g]),
                               static_cast<std::size_t>(slots[2 * g + 1] - slots[2 * g]));
        }
        std::size_t begin() const { return static_cast<std::size_t>(slots[0]); }
        std::size_t end() const { return static_cast<std::size_t>(slots[1]); }
    };

    bool match_at(std::string_view text, std::size_t start, Match& m, Budget& budget) const {
        m.text = text;
        m.slots.assign(static_cast<std::size_t>(2 * (groups_ + 1)), -1);
        // Reused between calls: matching is not re-entrant, and allocation was most of its cost.
        thread_local std::vector<Frame> stack;
        stack.clear();
        int pc = 0;
        std::size_t pos = start;
        const std::size_t n = text.size();
        for (;;) {
            if (budget.remaining == 0) {
                budget.exhausted = true;
                return false;
            }
            --budget.remaining;
            const Inst& in = prog_[static_cast<std::size_t>(pc)];
            bool ok = true;
            switch (in.op) {
            case Op::cls:
                if (pos < n && classes_[static_cast<std::size_t>(in.a)][static_cast<unsigned char>(text[pos])]) {
                    ++pos;
                    ++pc;
                } else {
                    ok = false;
                }
                break;
            case Op::rep: {
                const ByteClass& c = classes_[static_cast<std::size_t>(in.a)];
                std::size_t k = 0;
                const auto max = static_cast<std::size_t>(in.max);
                while (k < max && pos + k < n && c[static_cast<unsigned char>(text[pos + k])]) ++k;
                budget.remaining -= std::min<std::uint64_t>(budget.remaining, k / 8);
                if (k < static_cast<std::size_t>(in.min)) {
                    ok = false;
                    break;
                }
                if (k > static_cast<std::size_t>(in.min)) {
                    stack.push_back(Frame{Frame::rep, pc + 1, pos, static_cast<std::ptrdiff_t>(k - 1), in.min});
                }
                pos += k;
                ++pc;
                break;
            }
            case Op::split:
                stack.push_back(Frame{Frame::branch, in.b, pos, 0, 0});
                pc = in.a;
                break;
            case Op::jmp: pc = in.a; break;
            case Op::save:
                stack.push_back(Frame{Frame::restore, 0, 0, m.slots[static_cast<std::size_t>(in.a)], in.a});
                m.slots[static_cast<std::size_t>(in.a)] = static_cast<std::ptrdiff_t>(pos);
                ++pc;
                break;
            case Op::bol:
                if (pos == 0) ++pc;
                else ok = false;
                break;
            case Op::eol:
                if (pos == n) ++pc;
                else ok = false;
                break;
            case Op::match:
                m.slots[0] = static_cast<std::ptrdiff_t>(start);
                m.slots[1] = static_cast<std::ptrdiff_t>(pos);
                return true;
            }
            if (ok) continue;
            for (;;) {
                if (stack.empty()) return false;
                const Frame f = stack.back();
                stack.pop_back();
                if (f.kind == Frame::restore) {
                    m.slots[static_cast<std::size_t>(f.aux)] = f.value;
                    continue;
                }
                if (f.kind == Frame::branch) {
                    pc = f.pc;
                    pos = f.pos;
                    break;
                }
                if (f.value > f.aux) stack.push_back(Frame{Frame::rep, f.pc, f.pos, f.value - 1, f.aux});
                pc = f.pc;
                pos = f.pos + static_cast<std::size_t>(f.value);
                break;
            }
        }
    }

    // RegExp#exec from `from`: the leftmost match.
    bool search(std::string_view text, std::size_t from, Match& m, Budget& budget) const {
        for (std::size_t s = from; s <= text.size(); ++s) {
            if (!nullable_ && (s == text.size() || !first_[static_cast<unsigned char>(text[s])])) continue;
            if (match_at(text, s, m, budget)) return true;
            if (budget.exhausted) return false;
        }
        return false;
    }

private:
    enum class Op : std::uint8_t { cls, rep, split, jmp, save, bol, eol, match };
    struct Inst {
        Op op;
        int a;  // class index, jump target, or capture slot
        int b;  // second split target
        int min;
        int max;
    };
    struct Frame {
        enum Kind : std::uint8_t { branch, restore, rep } kind;
        int pc;
        std::size_t pos;
        std::ptrdiff_t value;  // restore: old slot value; rep: next count to try
        int aux;               // restore: slot; rep: minimum count
    };
    struct Node {
        enum Kind { empty, cls, seq, alt, group, repeat, bol, eol } kind = empty;
        int cls_index = 0;
        int capture = -1;  // group: capture number, or -1
        int min = 1;
        int max = 1;
        std::vector<Node> kids;
    };

    // ---- parsing the pattern source (trusted constants, so no error reporting) ----
    char peek() const { return pos_ < src_.size() ? src_[pos_] : '\0'; }
    bool at_end() const { return pos_ >= src_.size(); }

    Node parse_alternation() {
        Node first = parse_sequence();
        if (peek() != '|') return first;
        Node alt;
        alt.kind = Node::alt;
        alt.kids.push_back(std::move(first));
        while (peek() == '|') {
            ++pos_;
            alt.kids.push_back(parse_sequence());
        }
        return alt;
    }

    Node parse_sequence() {
        Node seq;
        seq.kind = Node::seq;
        while (!at_end() && peek() != '|' && peek() != ')') {
            Node atom = parse_atom();
            parse_quantifier(atom);
            seq.kids.push_back(std::move(atom));
        }
        return seq;
    }

    int add_class(const ByteClass& c) {
        classes_.push_back(c);
        return static_cast<int>(classes_.size() - 1);
    }

    static void add_escape(ByteClass& c, char e) {
        if (e == 'd') {
            for (char d = '0'; d <= '9'; ++d) c[static_cast<unsigned char>(d)] = true;
        } else if (e == 's') {
            for (char w : {' ', '\t', '\n', '\v', '\f', '\r'}) c[static_cast<unsigned char>(w)] = true;
        } else {
            c[static_cast<unsigned char>(e)] = true;
        }
    }

    Node parse_atom() {
        Node n;
        const char c = src_[pos_++];
        if (c == '(') {
            n.kind = Node::group;
            if (src_.substr(pos_, 2) == "?:") {
                pos_ += 2;
            } else {
                n.capture = ++groups_;
            }
            n.kids.push_back(parse_alternation());
            ++pos_;  // ')'
            return n;
        }
        if (c == '^') {
            n.kind = Node::bol;
            return n;
        }
        if (c == '$') {
            n.kind = Node::eol;
            return n;
        }
        ByteClass set{};
        if (c == '[') {
            bool negate = false;
            if (peek() == '^') {
                negate = true;
                ++pos_;
            }
            while (peek() != ']') {
                char lo = src_[pos_++];
                if (lo == '\\') {
                    add_escape(set, src_[pos_++]);
                    continue;
                }
                if (peek() == '-' && pos_ + 1 < src_.size() && src_[pos_ + 1] != ']') {
                    const char hi = src_[pos_ + 1];
                    pos_ += 2;
                    for (int x = static_cast<unsigned char>(lo); x <= static_cast<unsigned char>(hi); ++x) {
                        set[static_cast<std::size_t>(x)] = true;
                    }
                } else {
                    set[static_cast<unsigned char>(lo)] = true;
                }
            }
            ++pos_;  // ']'
            if (negate) {
                for (auto& b : set) b = !b;
            }
        } else if (c == '\\') {
            add_escape(set, src_[pos_++]);
        } else {
            set[static_cast<unsigned char>(c)] = true;
        }
        n.kind = Node::cls;
        n.cls_index = add_class(set);
        return n;
    }

    void parse_quantifier(Node& atom) {
        int min = 1;
        int max = 1;
        const char q = peek();
        if (q == '?') {
            min = 0;
        } else if (q == '*') {
            min = 0;
            max = kUnbounded;
        } else if (q == '+') {
            max = kUnbounded;
        } else if (q == '{') {
            std::size_t p = pos_ + 1;
            min = 0;
            while (src_[p] >= '0' && src_[p] <= '9') min = min * 10 + (src_[p++] - '0');
            max = min;
            if (src_[p] == ',') {
                ++p;
                max = 0;
                while (src_[p] >= '0' && src_[p] <= '9') max = max * 10 + (src_[p++] - '0');
            }
            pos_ = p;  // at '}'
        } else {
            return;
        }
        ++pos_;
        Node rep;
        rep.kind = Node::repeat;
        rep.min = min;
        rep.max = max;
        rep.kids.push_back(std::move(atom));
        atom = std::move(rep);
    }

    // The bytes a match can start with; returns whether the node can match the empty string.
    bool analyse(const Node& n, ByteClass& first) const {
        switch (n.kind) {
        case Node::empty:
        case Node::bol:
        case Node::eol: return true;
        case Node::cls: {
            const ByteClass& c = classes_[static_cast<std::size_t>(n.cls_index)];
            for (std::size_t b = 0; b < c.size(); ++b) first[b] = first[b] || c[b];
            return false;
        }
        case Node::group: return analyse(n.kids[0], first);
        case Node::repeat: return analyse(n.kids[0], first) || n.min == 0;
        case Node::seq:
            for (const Node& k : n.kids) {
                if (!analyse(k, first)) return false;
            }
            return true;
        case Node::alt: {
            bool any = false;
            for (const Node& k : n.kids) any = analyse(k, first) || any;
            return any;
        }
        }
        return true;
    }

    // ---- code generation ----
    int here() const { return static_cast<int>(prog_.size()); }
    int push(Op op, int a = 0, int b = 0, int min = 0, int max = 0) {
        prog_.push_back(Inst{op, a, b, min, max});
        return here() - 1;
    }

    void emit(const Node& n) {
        switch (n.kind) {
        case Node::empty: break;
        case Node::cls: push(Op::cls, n.cls_index); break;
        case Node::bol: push(Op::bol); break;
        case Node::eol: push(Op::eol); break;
        case Node::seq:
            for (const Node& k : n.kids) emit(k);
            break;
        case Node::group:
            if (n.capture >= 0) push(Op::save, 2 * n.capture);
            emit(n.kids[0]);
            if (n.capture >= 0) push(Op::save, 2 * n.capture + 1);
            break;
        case Node::alt: {
            std::vector<int> to_end;
            for (std::size_t i = 0; i < n.kids.size(); ++i) {
                if (i + 1 < n.kids.size()) {
                    const int split = push(Op::split);
                    prog_[static_cast<std::size_t>(split)].a = here();
                    emit(n.kids[i]);
                    to_end.push_back(push(Op::jmp));
                    prog_[static_cast<std::size_t>(split)].b = here();
                } else {
                    emit(n.kids[i]);
                }
            }
            for (int j : to_end) prog_[static_cast<std::size_t>(j)].a = here();
            break;
        }
        case Node::repeat: {
            const Node& body = n.kids[0];
            if (body.kind == Node::cls) {
                push(Op::rep, body.cls_index, 0, n.min, n.max);
                break;
            }
            for (int i = 0; i < n.min; ++i) emit(body);
            if (n.max == kUnbounded) {
                // Every repeated group in these patterns consumes input, so no empty-loop check.
                const int split = push(Op::split);
                prog_[static_cast<std::size_t>(split)].a = here();
                emit(body);
                push(Op::jmp, split);
                prog_[static_cast<std::size_t>(split)].b = here();
            } else {
                std::vector<int> splits;
                for (int i = n.min; i < n.max; ++i) {
                    const int split = push(Op::split);
                    prog_[static_cast<std::size_t>(split)].a = here();
                    splits.push_back(split);
                    emit(body);
                }
                for (int s : splits) prog_[static_cast<std::size_t>(s)].b = here();
            }
            break;
        }
        }
    }

    std::string_view src_;
    std::size_t pos_ = 0;
    int groups_ = 0;
    std::vector<Inst> prog_;
    std::vector<ByteClass> classes_;
    ByteClass first_{};
    bool nullable_ = true;
};

// ---------------------------------------------------------------------------------------------
// JavaScript string operations as node-semver uses them.
// ---------------------------------------------------------------------------------------------

using Match = Pattern::Match;

// String#replace with a global pattern; `fn` turns a match into its replacement.
template <class Fn>
std::string replace_all(std::string_view text, const Pattern& re, Budget& budget, Fn fn) {
    std::string out;
    std::size_t last = 0;
    Match m;
    while (last <= text.size() && re.search(text, last, m, budget)) {
        out.append(text.substr(last, m.begin() - last));
        out += fn(m);
        last = m.end() > m.begin() ? m.end() : m.end() + 1;
        if (m.end() == m.begin() && m.begin() < text.size()) out += text[m.begin()];
    }
    if (last < text.size()) out.append(text.substr(last));
    return out;
}

// String#replace with a non-global pattern: the first match only.
template <class Fn>
std::string replace_first(std::string_view text, const Pattern& re, Budget& budget, Fn fn) {
    Match m;
    if (!re.search(text, 0, m, budget)) return std::string(text);
    std::string out(text.substr(0, m.begin()));
    out += fn(m);
    out.append(text.substr(m.end()));
    return out;
}

inline std::vector<std::string_view> split_exact(std::string_view text, std::string_view sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(sep, start);
        if (at == std::string_view::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, at - start));
        start = at + sep.size();
    }
}

// String#split(/\s+/).
inline std::vector<std::string_view> split_ws(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (std::size_t w = js_whitespace_length(text, i)) {
            std::size_t j = i;
            while (std::size_t w2 = js_whitespace_length(text, j)) j += w2;
            out.push_back(text.substr(start, i - start));
            i = start = j;
            (void)w;
        } else {
            ++i;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

// String#replace(/\s+/g, ' ').
inline std::string collapse_ws(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (js_whitespace_length(text, i)) {
            while (std::size_t w = js_whitespace_length(text, i)) i += w;
            out += ' ';
        } else {
            out += text[i++];
        }
    }
    return out;
}

template <class Parts>
std::string join(const Parts& parts, std::string_view sep) {
    std::string out;
    bool first = true;
    for (const auto& p : parts) {
        if (!first) out += sep;
        out += p;
        first = false;
    }
    return out;
}

inline double to_double(std::string_view digits) { return std::strtod(std::string(digits).c_str(), nullptr); }

// Number#toString for a non-negative integral double, as V8 prints it ("1e+21" from 1e21 up).
inline std::string js_number(double d) {
    if (d < 9007199254740992.0) return std::to_string(static_cast<std::uint64_t>(d));
    if (std::isinf(d)) return "Infinity";
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    const std::string s = buf;
    const std::size_t e = s.find('e');
    std::string digits;
    for (std::size_t i = 0; i < e; ++i) {
        if (s[i] != '.') digits += s[i];
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int exponent = std::atoi(s.c_str() + e + 1);
    const int n = exponent + 1;
    if (n <= 21) return digits + std::string(static_cast<std::size_t>(n) - digits.size(), '0');
    std::string out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + "e+" + std::to_string(exponent);
}

// JS `+s + 1` for a captured digit string.
inline std::string plus_one(std::string_view digits) { return js_number(to_double(digits) + 1); }

}  // namespace relplan::ecma

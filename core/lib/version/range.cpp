#include "version/range.hpp"

#include "version/ecma_pattern.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace relplan {

namespace {

using ecma::Budget;
using ecma::Pattern;
using ecma::Match;
using ecma::kBudgetBase;
using ecma::kBudgetPerByte;
using ecma::collapse_ws;
using ecma::join;
using ecma::js_number;
using ecma::plus_one;
using ecma::replace_all;
using ecma::replace_first;
using ecma::split_exact;
using ecma::split_ws;
using ecma::to_double;


// ---------------------------------------------------------------------------------------------
// node-semver's patterns (internal/re.js, the "safe" variants with bounded repeats), built the
// same way re.js builds them.
// ---------------------------------------------------------------------------------------------

struct Patterns {
    Pattern hyphen_range, hyphen_range_loose;
    Pattern comparator_trim, tilde_trim, caret_trim;
    Pattern tilde, tilde_loose, caret, caret_loose, xrange, xrange_loose;
    Pattern star, gte0, gte0_pre;
    Pattern comparator, comparator_loose;
    Pattern build, build_strip;
    Pattern coerce, coerce_full;

    static std::string g(const std::string& s) { return "(" + s + ")"; }

    static const Patterns& get() {
        static const Patterns p = make();
        return p;
    }

    static Patterns make() {
        const std::string num = "0|[1-9]\\d{0,256}";
        const std::string num_loose = "\\d{1,256}";
        const std::string non_num = "\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}";
        const std::string main = g(num) + "\\." + g(num) + "\\." + g(num);
        const std::string main_loose = g(num_loose) + "\\." + g(num_loose) + "\\." + g(num_loose);
        const std::string pre_id = "(?:" + non_num + "|" + num + ")";
        const std::string pre_id_loose = "(?:" + non_num + "|" + num_loose + ")";
        const std::string pre = "(?:-(" + pre_id + "(?:\\." + pre_id + ")*))";
        const std::string pre_loose = "(?:-?(" + pre_id_loose + "(?:\\." + pre_id_loose + ")*))";
        const std::string build_id = "[a-zA-Z0-9-]{1,250}";
        const std::string build = "(?:\\+(" + build_id + "(?:\\." + build_id + ")*))";
        const std::string build_unbounded = "(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))";
        const std::string full_plain = "v?" + main + pre + "?" + build + "?";
        const std::string loose_plain = "[v=\\s]*" + main_loose + pre_loose + "?" + build + "?";
        const std::string gtlt = "((?:<|>)?=?)";
        const std::string xid = num + "|x|X|\\*";
        const std::string xid_loose = num_loose + "|x|X|\\*";
        const std::string xplain = "[v=\\s]*" + g(xid) + "(?:\\." + g(xid) + "(?:\\." + g(xid) +
                                   "(?:" + pre + ")?" + build + "?)?)?";
        const std::string xplain_loose = "[v=\\s]*" + g(xid_loose) + "(?:\\." + g(xid_loose) +
                                         "(?:\\." + g(xid_loose) + "(?:" + pre_loose + ")?" +
                                         build + "?)?)?";
        const std::string coerce_plain =
            "(^|[^\\d])(\\d{1,16})(?:\\.(\\d{1,16}))?(?:\\.(\\d{1,16}))?";
        return Patterns{
            Pattern("^\\s{0,1}" + g(xplain) + "\\s{1,1}-\\s{1,1}" + g(xplain) + "\\s{0,1}$"),
            Pattern("^\\s{0,1}" + g(xplain_loose) + "\\s{1,1}-\\s{1,1}" + g(xplain_loose) +
                    "\\s{0,1}$"),
            Pattern("(\\s{0,1})" + gtlt + "\\s{0,1}(" + loose_plain + "|" + xplain + ")"),
            Pattern("(\\s{0,1})(?:~>?)\\s{1,1}"),
            Pattern("(\\s{0,1})(?:\\^)\\s{1,1}"),
            Pattern("^(?:~>?)" + xplain + "$"),
            Pattern("^(?:~>?)" + xplain_loose + "$"),
            Pattern("^(?:\\^)" + xplain + "$"),
            Pattern("^(?:\\^)" + xplain_loose + "$"),
            Pattern("^" + gtlt + "\\s{0,1}" + xplain + "$"),
            Pattern("^" + gtlt + "\\s{0,1}" + xplain_loose + "$"),
            Pattern("(<|>)?=?\\s{0,1}\\*"),
            Pattern("^\\s{0,1}>=\\s{0,1}0\\.0\\.0\\s{0,1}$"),
            Pattern("^\\s{0,1}>=\\s{0,1}0\\.0\\.0-0\\s{0,1}$"),
            Pattern("^" + gtlt + "\\s{0,1}" + g(full_plain) + "$|^$"),
            Pattern("^" + gtlt + "\\s{0,1}" + g(loose_plain) + "$|^$"),
            Pattern(build),
            Pattern(build_unbounded),
            Pattern(coerce_plain + "(?:$|[^\\d])"),
            Pattern(coerce_plain + "(?:" + pre + ")?" + "(?:" + build + ")?" + "(?:$|[^\\d])"),
        };
    }
};

// node-semver's isX: undefined, "", "x", "X" or "*".
bool is_x(const Match& m, int g) {
    if (!m.has(g)) return true;
    const std::string_view s = m.get(g);
    return s.empty() || s == "x" || s == "X" || s == "*";
}

std::string str(std::string_view s) { return std::string(s); }

// ---------------------------------------------------------------------------------------------
// The pipeline of classes/range.js.
// ---------------------------------------------------------------------------------------------

std::string hyphen_replace(const Match& m, bool inc_pr) {
    const std::string z = inc_pr ? "-0" : "";
    std::string from;
    if (is_x(m, 2)) {
        from = "";
    } else if (is_x(m, 3)) {
        from = ">=" + str(m.get(2)) + ".0.0" + z;
    } else if (is_x(m, 4)) {
        from = ">=" + str(m.get(2)) + "." + str(m.get(3)) + ".0" + z;
    } else if (!m.get(5).empty()) {
        from = ">=" + str(m.get(1));
    } else {
        from = ">=" + str(m.get(1)) + z;
    }
    std::string to;
    if (is_x(m, 8)) {
        to = "";
    } else if (is_x(m, 9)) {
        to = "<" + plus_one(m.get(8)) + ".0.0-0";
    } else if (is_x(m, 10)) {
        to = "<" + str(m.get(8)) + "." + plus_one(m.get(9)) + ".0-0";
    } else if (!m.get(11).empty()) {
        to = "<=" + str(m.get(8)) + "." + str(m.get(9)) + "." + str(m.get(10)) + "-" + str(m.get(11));
    } else if (inc_pr) {
        to = "<" + str(m.get(8)) + "." + str(m.get(9)) + "." + plus_one(m.get(10)) + "-0";
    } else {
        to = "<=" + str(m.get(7));
    }
    return str(js_trim(from + " " + to));
}

std::string replace_tilde(std::string_view comp, const SemverOptions& o, Budget& budget) {
    const Patterns& P = Patterns::get();
    Match m;
    if (!(o.loose ? P.tilde_loose : P.tilde).match_at(comp, 0, m, budget)) return str(comp);
    const std::string z = o.include_prerelease ? "-0" : "";
    const std::string M = str(m.get(1)), mi = str(m.get(2)), p = str(m.get(3));
    if (is_x(m, 1)) return "";
    if (is_x(m, 2)) return ">=" + M + ".0.0" + z + " <" + plus_one(M) + ".0.0-0";
    if (is_x(m, 3)) return ">=" + M + "." + mi + ".0" + z + " <" + M + "." + plus_one(mi) + ".0-0";
    if (!m.get(4).empty()) {
        return ">=" + M + "." + mi + "." + p + "-" + str(m.get(4)) + " <" + M + "." + plus_one(mi) +
               ".0-0";
    }
    return ">=" + M + "." + mi + "." + p + " <" + M + "." + plus_one(mi) + ".0-0";
}

std::string replace_caret(std::string_view comp, const SemverOptions& o, Budget& budget) {
    const Patterns& P = Patterns::get();
    Match m;
    if (!(o.loose ? P.caret_loose : P.caret).match_at(comp, 0, m, budget)) return str(comp);
    const std::string z = o.include_prerelease ? "-0" : "";
    const std::string M = str(m.get(1)), mi = str(m.get(2)), p = str(m.get(3));
    if (is_x(m, 1)) return "";
    if (is_x(m, 2)) return ">=" + M + ".0.0" + z + " <" + plus_one(M) + ".0.0-0";
    if (is_x(m, 3)) {
        if (M == "0") return ">=" + M + "." + mi + ".0" + z + " <" + M + "." + plus_one(mi) + ".0-0";
        return ">=" + M + "." + mi + ".0" + z + " <" + plus_one(M) + ".0.0-0";
    }
    const std::string low = ">=" + M + "." + mi + "." + p +
                            (m.get(4).empty() ? std::string() : "-" + str(m.get(4)));
    if (M == "0") {
        if (mi == "0") return low + " <" + M + "." + mi + "." + plus_one(p) + "-0";
        return low + " <" + M + "." + plus_one(mi) + ".0-0";
    }
    return low + " <" + plus_one(M) + ".0.0-0";
}

std::string replace_xrange(std::string_view comp_in, const SemverOptions& o, Budget& budget) {
    const Patterns& P = Patterns::get();
    const std::string_view comp = js_trim(comp_in);
    Match m;
    if (!(o.loose ? P.xrange_loose : P.xrange).match_at(comp, 0, m, budget)) return str(comp);
    std::string gtlt = str(m.get(1));
    const bool xM = is_x(m, 2);
    const bool invalid_order = (xM && !is_x(m, 3)) || (is_x(m, 3) && !m.get(4).empty() && !is_x(m, 4));
    if (invalid_order) return str(comp);
    const bool xm = xM || is_x(m, 3);
    const bool xp = xm || is_x(m, 4);
    const bool any_x = xp;
    if (gtlt == "=" && any_x) gtlt = "";
    std::string pr = o.include_prerelease ? "-0" : "";
    std::string M = str(m.get(2));
    std::string mi = str(m.get(3));
    std::string p = str(m.get(4));
    if (xM) return gtlt == ">" || gtlt == "<" ? "<0.0.0-0" : "*";
    if (!gtlt.empty() && any_x) {
        if (xm) mi = "0";
        p = "0";
        if (gtlt == ">") {
            gtlt = ">=";
            if (xm) {
                M = plus_one(M);
                mi = "0";
            } else {
                mi = plus_one(mi);
            }
        } else if (gtlt == "<=") {
            gtlt = "<";
            if (xm) {
                M = plus_one(M);
            } else {
                mi = plus_one(mi);
            }
        }
        if (gtlt == "<") pr = "-0";
        return gtlt + M + "." + mi + "." + p + pr;
    }
    if (xm) return ">=" + M + ".0.0" + pr + " <" + plus_one(M) + ".0.0-0";
    if (xp) return ">=" + M + "." + mi + ".0" + pr + " <" + M + "." + plus_one(mi) + ".0-0";
    return str(comp);
}

template <class Fn>
std::string map_words(std::string_view text, Fn fn) {
    std::vector<std::string> out;
    for (std::string_view w : split_ws(text)) out.push_back(fn(w));
    return join(out, " ");
}

// parseComparator: carets, tildes, x-ranges and stars become primitive comparators.
std::string parse_comparator(std::string_view comp_in, const SemverOptions& o, Budget& budget) {
    const Patterns& P = Patterns::get();
    std::string comp = replace_first(comp_in, P.build, budget, [](const Match&) { return std::string(); });
    comp = map_words(js_trim(comp), [&](std::string_view w) { return replace_caret(w, o, budget); });
    comp = map_words(js_trim(comp), [&](std::string_view w) { return replace_tilde(w, o, budget); });
    comp = map_words(comp, [&](std::string_view w) { return replace_xrange(w, o, budget); });
    return replace_first(js_trim(comp), P.star, budget, [](const Match&) { return std::string(); });
}

std::string quote_range(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < 80; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    if (text.size() > 80) out += " (" + std::to_string(text.size()) + " bytes)";
    return out;
}

}  // namespace

// Builds Range and Comparator values; a friend of both.
struct RangeBuilder {
    static Result<Comparator> comparator(std::string_view text, SemverOptions o, Budget& budget) {
        const Patterns& P = Patterns::get();
        const std::string comp = join(split_ws(js_trim(text)), " ");
        Match m;
        if (!(o.loose ? P.comparator_loose : P.comparator).match_at(comp, 0, m, budget)) {
            return make_error(quote_range(comp) +
                              " is not a comparator (an operator <, <=, >, >= or = and a version)");
        }
        if (!m.has(2)) return Comparator(Comparator::Op::eq, std::nullopt);
        const std::string_view op = m.get(1);
        Comparator::Op kind = Comparator::Op::eq;
        if (op == "<") kind = Comparator::Op::lt;
        else if (op == "<=") kind = Comparator::Op::le;
        else if (op == ">") kind = Comparator::Op::gt;
        else if (op == ">=") kind = Comparator::Op::ge;
        auto v = Version::parse(m.get(2), SemverOptions{o.loose, false});
        if (!v.ok()) return v.error();
        return Comparator(kind, std::move(*v));
    }

    // Range#parseRange for one "||" alternative.
    // On failure `failed` holds the comparator text (after rewriting) that did not parse.
    static Result<std::vector<Comparator>> alternative(std::string_view part, SemverOptions o,
                                                       Budget& budget, std::string& failed) {
        const Patterns& P = Patterns::get();
        const auto strip = [](const Match&) { return std::string(); };
        std::string range = replace_all(part, P.build_strip, budget, strip);
        {
            Match m;
            const Pattern& hr = o.loose ? P.hyphen_range_loose : P.hyphen_range;
            if (hr.match_at(range, 0, m, budget)) range = hyphen_replace(m, o.include_prerelease);
        }
        range = replace_all(range, P.comparator_trim, budget, [](const Match& m) {
            return str(m.get(1)) + str(m.get(2)) + str(m.get(3));
        });
        range = replace_all(range, P.tilde_trim, budget, [](const Match& m) { return str(m.get(1)) + "~"; });
        range = replace_all(range, P.caret_trim, budget, [](const Match& m) { return str(m.get(1)) + "^"; });

        std::vector<std::string> rewritten;
        for (std::string_view comp : split_exact(range, " ")) rewritten.push_back(parse_comparator(comp, o, budget));
        const std::string joined = join(rewritten, " ");
        std::vector<std::string> list;
        for (std::string_view comp : split_ws(joined)) {
            list.push_back(replace_first(js_trim(comp), o.include_prerelease ? P.gte0_pre : P.gte0,
                                         budget, strip));
        }
        if (o.loose) {
            Match m;
            list.erase(std::remove_if(list.begin(), list.end(),
                                      [&](const std::string& c) {
                                          return !P.comparator_loose.match_at(c, 0, m, budget);
                                      }),
                       list.end());
        }
        std::vector<Comparator> comparators;
        for (const std::string& c : list) {
            auto comp = comparator(c, o, budget);
            if (!comp.ok()) {
                failed = c;
                return comp.error();
            }
            comparators.push_back(std::move(*comp));
        }
        std::vector<Comparator> unique;
        std::vector<std::string> values;
        for (Comparator& c : comparators) {
            std::string value = c.to_string();
            if (value == "<0.0.0-0") return std::vector<Comparator>{std::move(c)};
            if (std::find(values.begin(), values.end(), value) == values.end()) {
                values.push_back(std::move(value));
                unique.push_back(std::move(c));
            }
        }
        if (unique.size() > 1) {
            const auto any = std::find(values.begin(), values.end(), "");
            if (any != values.end()) unique.erase(unique.begin() + (any - values.begin()));
        }
        return unique;
    }

    static Result<Range> range(std::string_view text, SemverOptions o) {
        if (text.size() > kMaxRangeLength) {
            return make_error("invalid range: longer than " + std::to_string(kMaxRangeLength) +
                              " bytes (" + std::to_string(text.size()) + ")");
        }
        Budget budget{kBudgetBase + kBudgetPerByte * static_cast<std::uint64_t>(text.size())};
        const std::string raw = collapse_ws(js_trim(text));
        Range r;
        r.options_ = o;
        for (std::string_view part : split_exact(raw, "||")) {
            std::string failed;
            auto comps = alternative(js_trim(part), o, budget, failed);
            if (budget.exhausted) {
                return make_error("invalid range " + quote_range(text) + ": too complex to parse");
            }
            if (!comps.ok()) {
                // The rewritten comparator is usually verbatim in the input; point at it if so.
                const std::size_t at = failed.empty() ? std::string_view::npos : text.find(failed);
                std::string message = "invalid range " + quote_range(text) + ": " + comps.error().message;
                if (at != std::string_view::npos) message += " at offset " + std::to_string(at);
                return make_error(std::move(message), at == std::string_view::npos ? Error::npos : at);
            }
            if (!comps->empty()) r.sets_.push_back(std::move(*comps));
        }
        if (r.sets_.empty()) {
            return make_error("invalid range " + quote_range(text) +
                              ": no valid comparators (loose mode drops the ones it cannot read)");
        }
        if (r.sets_.size() > 1) {
            std::vector<std::vector<Comparator>> kept;
            for (auto& set : r.sets_) {
                if (set[0].to_string() != "<0.0.0-0") kept.push_back(set);
            }
            if (kept.empty()) {
                kept.push_back(r.sets_[0]);
            } else if (kept.size() > 1) {
                for (auto& set : kept) {
                    if (set.size() == 1 && set[0].any()) {
                        kept = {set};
                        break;
                    }
                }
            }
            r.sets_ = std::move(kept);
        }
        return r;
    }
};

// ---- Comparator ----

Result<Comparator> Comparator::parse(std::string_view text, SemverOptions options) {
    if (text.size() > kMaxRangeLength) {
        return make_error("invalid comparator: longer than " + std::to_string(kMaxRangeLength) + " bytes");
    }
    Budget budget{kBudgetBase + kBudgetPerByte * static_cast<std::uint64_t>(text.size())};
    auto c = RangeBuilder::comparator(text, options, budget);
    if (budget.exhausted) return make_error("invalid comparator " + quote_range(text) + ": too complex to parse");
    return c;
}

std::string_view to_string(Comparator::Op op) {
    switch (op) {
    case Comparator::Op::eq: return "";
    case Comparator::Op::lt: return "<";
    case Comparator::Op::le: return "<=";
    case Comparator::Op::gt: return ">";
    case Comparator::Op::ge: return ">=";
    }
    return "";
}

bool Comparator::test(const Version& v) const {
    if (!version_) return true;
    const int c = compare(v, *version_);
    switch (op_) {
    case Op::eq: return c == 0;
    case Op::lt: return c < 0;
    case Op::le: return c <= 0;
    case Op::gt: return c > 0;
    case Op::ge: return c >= 0;
    }
    return false;
}

std::string Comparator::to_string() const {
    if (!version_) return "";
    return std::string(relplan::to_string(op_)) + version_->normalized();
}

namespace {

bool is_greater_op(Comparator::Op op) { return op == Comparator::Op::gt || op == Comparator::Op::ge; }
bool is_less_op(Comparator::Op op) { return op == Comparator::Op::lt || op == Comparator::Op::le; }
bool is_inclusive(Comparator::Op op) { return op == Comparator::Op::le || op == Comparator::Op::ge; }

}  // namespace

namespace {

bool zero_core(const Version& v) { return v.major() == 0 && v.minor() == 0 && v.patch() == 0; }

bool same_core(const Version& a, const Version& b) {
    return a.major() == b.major() && a.minor() == b.minor() && a.patch() == b.patch();
}

// The comparator set test of Range#test, pre-release rule included.
bool test_set(const Comparator* first, const Comparator* last, const Version& v, bool include_prerelease) {
    for (const Comparator* c = first; c != last; ++c) {
        if (!c->test(v)) return false;
    }
    if (!v.is_prerelease() || include_prerelease) return true;
    // A pre-release passes only through a comparator that names a pre-release of the same
    // major.minor.patch: ^1.2.3-pr.1 admits 1.2.3-pr.2 but not 1.2.4-alpha.
    for (const Comparator* c = first; c != last; ++c) {
        const Version* allowed = c->version();
        if (allowed && allowed->is_prerelease() && same_core(*allowed, v)) return true;
    }
    return false;
}

// node's `new Range(c.value, options).test(v)`. Parsing a comparator's own text gives back that
// comparator, except that >=0.0.0 (>=0.0.0-0 with include_prerelease) becomes "any".
bool value_range_test(const Comparator& c, const Version& v, SemverOptions o) {
    static const Comparator any = *Comparator::parse("");
    const Version* cv = c.version();
    const bool is_any = c.any() || (c.op() == Comparator::Op::ge && zero_core(*cv) &&
                                    cv->prerelease() == (o.include_prerelease ? "0" : ""));
    const Comparator& target = is_any ? any : c;
    return test_set(&target, &target + 1, v, o.include_prerelease);
}

}  // namespace

bool intersects(const Comparator& a, const Comparator& b, SemverOptions options) {
    if (a.op() == Comparator::Op::eq) return a.any() || value_range_test(b, *a.version(), options);
    if (b.op() == Comparator::Op::eq) return b.any() || value_range_test(a, *b.version(), options);
    const Version& av = *a.version();
    const Version& bv = *b.version();
    // node compares the texts: "<0.0.0-0" exactly, or anything starting "<0.0.0".
    const auto below_zero = [](const Comparator& c, bool exact) {
        return c.op() == Comparator::Op::lt && zero_core(*c.version()) &&
               (!exact || c.version()->prerelease() == "0");
    };
    if (options.include_prerelease && (below_zero(a, true) || below_zero(b, true))) return false;
    if (!options.include_prerelease && (below_zero(a, false) || below_zero(b, false))) return false;
    if (is_greater_op(a.op()) && is_greater_op(b.op())) return true;
    if (is_less_op(a.op()) && is_less_op(b.op())) return true;
    if (same_core(av, bv) && av.prerelease() == bv.prerelease() && is_inclusive(a.op()) && is_inclusive(b.op())) {
        return true;
    }
    const int c = compare(av, bv);
    if (c < 0 && is_greater_op(a.op()) && is_less_op(b.op())) return true;
    if (c > 0 && is_less_op(a.op()) && is_greater_op(b.op())) return true;
    return false;
}

// ---- Range ----

Result<Range> Range::parse(std::string_view text, SemverOptions options) {
    return RangeBuilder::range(text, options);
}

bool Range::test(const Version& v) const {
    for (const auto& set : sets_) {
        if (test_set(set.data(), set.data() + set.size(), v, options_.include_prerelease)) return true;
    }
    return false;
}

bool Range::test(std::string_view version) const {
    if (version.empty()) return false;
    auto v = Version::parse(version, options_);
    return v.ok() && test(*v);
}

std::string Range::to_string() const {
    std::string out;
    for (std::size_t i = 0; i < sets_.size(); ++i) {
        if (i) out += "||";
        for (std::size_t k = 0; k < sets_[i].size(); ++k) {
            if (k) out += ' ';
            out += sets_[i][k].to_string();
        }
    }
    return out;
}

bool satisfies(std::string_view version, std::string_view range, SemverOptions options) {
    // node-semver memoizes parsed ranges, so callers loop over satisfies(text, text) freely; a
    // small per-thread memo (most recent first) keeps that pattern fast here too.
    struct Entry {
        std::string text;
        SemverOptions options;
        std::optional<Range> range;  // nullopt: the text is not a range
    };
    thread_local std::vector<Entry> memo;
    constexpr std::size_t kMemoSize = 32;
    auto hit = std::find_if(memo.begin(), memo.end(), [&](const Entry& e) {
        return e.text == range && e.options.loose == options.loose &&
               e.options.include_prerelease == options.include_prerelease;
    });
    if (hit == memo.end()) {
        auto r = Range::parse(range, options);
        if (memo.size() == kMemoSize) memo.pop_back();
        memo.insert(memo.begin(), Entry{std::string(range), options,
                                        r.ok() ? std::optional<Range>(std::move(*r)) : std::nullopt});
        hit = memo.begin();
    } else if (hit != memo.begin()) {
        std::rotate(memo.begin(), hit, hit + 1);
        hit = memo.begin();
    }
    return hit->range && hit->range->test(version);
}

Result<std::string> valid_range(std::string_view range, SemverOptions options) {
    auto r = Range::parse(range, options);
    if (!r.ok()) return r.error();
    std::string text = r->to_string();
    return text.empty() ? std::string("*") : text;
}

namespace {

std::optional<std::size_t> pick_satisfying(const std::vector<std::string_view>& versions,
                                           const Range& range, int better) {
    std::optional<std::size_t> best;
    std::optional<Version> best_version;
    for (std::size_t i = 0; i < versions.size(); ++i) {
        if (versions[i].empty()) continue;
        auto v = Version::parse(versions[i], range.options());
        if (!v.ok() || !range.test(*v)) continue;
        if (!best || compare(*best_version, *v) == -better) {
            best = i;
            best_version = std::move(*v);
        }
    }
    return best;
}

}  // namespace

std::optional<std::size_t> max_satisfying(const std::vector<std::string_view>& versions,
                                          const Range& range) {
    return pick_satisfying(versions, range, 1);
}

std::optional<std::size_t> min_satisfying(const std::vector<std::string_view>& versions,
                                          const Range& range) {
    return pick_satisfying(versions, range, -1);
}

std::optional<Version> min_version(const Range& range) {
    const Version zero(0, 0, 0);
    if (range.test(zero)) return zero;
    const Version zero_pre = *Version::make(0, 0, 0, "0");
    if (range.test(zero_pre)) return zero_pre;
    std::optional<Version> min;
    for (const auto& set : range.sets()) {
        std::optional<Version> set_min;
        for (const Comparator& c : set) {
            if (c.any() || c.op() == Comparator::Op::lt || c.op() == Comparator::Op::le) continue;
            // node re-parses the comparator's version strictly; a loose-only spelling fails there.
            auto candidate = Version::parse(c.version()->normalized());
            if (!candidate.ok()) return std::nullopt;
            if (c.op() == Comparator::Op::gt) {
                const Version& cv = *candidate;
                candidate = cv.is_prerelease()
                                ? Version::make(cv.major(), cv.minor(), cv.patch(),
                                                std::string(cv.prerelease()) + ".0")
                                : Result<Version>(Version(cv.major(), cv.minor(), cv.patch() + 1));
                if (!candidate.ok()) return std::nullopt;
            }
            if (!set_min || compare(*candidate, *set_min) > 0) set_min = std::move(*candidate);
        }
        if (set_min && (!min || compare(*min, *set_min) > 0)) min = std::move(set_min);
    }
    if (!min) return std::nullopt;
    // node tests the candidate after re-parsing it with the range's options when those are not the
    // defaults, and a patch pushed past 2^53-1 by ">" fails that parse.
    const bool reparsed = range.options().loose || range.options().include_prerelease;
    if (reparsed && min->patch() > kMaxSafeInteger) return std::nullopt;
    if (range.test(*min)) return min;
    return std::nullopt;
}

namespace {

bool satisfiable(const std::vector<Comparator>& set, SemverOptions options) {
    for (std::size_t i = set.size(); i-- > 1;) {
        for (std::size_t k = 0; k < i; ++k) {
            if (!intersects(set[i], set[k], options)) return false;
        }
    }
    return true;
}

}  // namespace

bool intersects(const Range& a, const Range& b, SemverOptions options) {
    std::vector<bool> b_ok;
    for (const auto& sb : b.sets()) b_ok.push_back(satisfiable(sb, options));
    for (const auto& sa : a.sets()) {
        if (!satisfiable(sa, options)) continue;
        for (std::size_t j = 0; j < b.sets().size(); ++j) {
            if (!b_ok[j]) continue;
            bool all = true;
            for (const Comparator& ca : sa) {
                for (const Comparator& cb : b.sets()[j]) {
                    if (!intersects(ca, cb, options)) {
                        all = false;
                        break;
                    }
                }
                if (!all) break;
            }
            if (all) return true;
        }
    }
    return false;
}

bool outside(const Version& version, const Range& range, Side side) {
    using Op = Comparator::Op;
    const bool above = side == Side::above;
    const Op comp = above ? Op::gt : Op::lt;
    const Op ecomp = above ? Op::ge : Op::le;
    // In "above" terms: gtfn = gt, ltefn = lte, ltfn = lt; everything flips for "below".
    const auto gtfn = [&](const Version& x, const Version& y) { return above ? compare(x, y) > 0 : compare(x, y) < 0; };
    const auto ltfn = [&](const Version& x, const Version& y) { return above ? compare(x, y) < 0 : compare(x, y) > 0; };
    const auto ltefn = [&](const Version& x, const Version& y) { return above ? compare(x, y) <= 0 : compare(x, y) >= 0; };

    if (range.test(version)) return false;
    const Comparator zero = *Comparator::parse(">=0.0.0");
    for (const auto& set : range.sets()) {
        const Comparator* high = nullptr;
        const Comparator* low = nullptr;
        for (const Comparator& c0 : set) {
            const Comparator* c = c0.any() ? &zero : &c0;
            if (!high) high = c;
            if (!low) low = c;
            if (gtfn(*c->version(), *high->version())) {
                high = c;
            } else if (ltfn(*c->version(), *low->version())) {
                low = c;
            }
        }
        if (high->op() == comp || high->op() == ecomp) return false;
        if ((low->op() == Op::eq || low->op() == comp) && ltefn(version, *low->version())) return false;
        if (low->op() == ecomp && ltfn(version, *low->version())) return false;
    }
    return true;
}

// ---- coerce ----

namespace {

// One byte per UTF-16 code unit of `text`: ASCII stays, every other unit becomes 0x80. coerce's
// [^\d] and its "match ends at the end" test count JS units, and what it captures is ASCII.
std::string utf16_image(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            out += text[i++];
            continue;
        }
        const std::size_t len = (b >= 0xc2 && b <= 0xdf) ? 2 : (b >= 0xe0 && b <= 0xef) ? 3 : (b >= 0xf0 && b <= 0xf4) ? 4 : 1;
        bool valid = len > 1 && i + len <= text.size();
        for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
        if (!valid) {
            out += '\x80';  // JS sees U+FFFD, one unit
            ++i;
            continue;
        }
        out.append(len == 4 ? 2 : 1, '\x80');  // astral characters are surrogate pairs
        i += len;
    }
    return out;
}

}  // namespace

Result<Version> coerce(std::string_view original, const CoerceOptions& options) {
    const Patterns& P = Patterns::get();
    const Pattern& re = options.include_prerelease ? P.coerce_full : P.coerce;
    const std::string image = utf16_image(original);
    const std::string_view text = image;
    Budget budget{kBudgetBase + kBudgetPerByte * static_cast<std::uint64_t>(text.size())};
    std::optional<Match> match;
    Match next;
    if (!options.rtl) {
        if (re.search(text, 0, next, budget)) match = next;
    } else {
        // The right-most coercible run that does not share its end with a run further left:
        // "1.2.3.4" gives 2.3.4, not 3.4 or 4.
        std::size_t last = 0;
        while ((!match || match->end() != text.size()) && last <= text.size() &&
               re.search(text, last, next, budget)) {
            if (!match || next.end() != match->end()) match = next;
            last = next.begin() + next.get(1).size() + next.get(2).size();
        }
    }
    if (budget.exhausted) return make_error("cannot coerce " + quote_range(original) + ": too complex");
    if (!match) return make_error("no version found in " + quote_range(original));
    std::string s = str(match->get(2)) + "." + (match->has(3) ? str(match->get(3)) : "0") + "." +
                    (match->has(4) ? str(match->get(4)) : "0");
    if (options.include_prerelease && match->has(5)) s += "-" + str(match->get(5));
    if (options.include_prerelease && match->has(6)) s += "+" + str(match->get(6));
    return Version::parse(s, SemverOptions{options.loose, options.include_prerelease});
}

}  // namespace relplan

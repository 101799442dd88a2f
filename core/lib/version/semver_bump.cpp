// node-semver's release types, inc, diff and truncate.
#include "version/semver.hpp"
#include "version/semver_detail.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace relplan {

using namespace semver_detail;

// ---- release types ----

namespace {

struct ReleaseName {
    IncType type;
    std::string_view name;
};
constexpr ReleaseName kReleaseNames[] = {
    {IncType::major, "major"},         {IncType::premajor, "premajor"},
    {IncType::minor, "minor"},         {IncType::preminor, "preminor"},
    {IncType::patch, "patch"},         {IncType::prepatch, "prepatch"},
    {IncType::prerelease, "prerelease"}, {IncType::release, "release"},
    {IncType::pre, "pre"},
};

}  // namespace

Result<IncType> parse_inc_type(std::string_view name) {
    for (const auto& r : kReleaseNames) {
        if (r.name == name) return r.type;
    }
    return make_error("unknown release type " + quote(name) +
                      " (expected major, premajor, minor, preminor, patch, prepatch, prerelease, "
                      "release or pre)");
}

std::string_view to_string(IncType type) {
    for (const auto& r : kReleaseNames) {
        if (r.type == type) return r.name;
    }
    return "major";
}

// ---- inc ----

namespace {

// A pre-release element as node-semver holds it: a JS number or a string.
struct PreElem {
    bool is_number = false;
    std::uint64_t number = 0;
    std::string text;

    static PreElem num(std::uint64_t n) { return PreElem{true, n, {}}; }
    static PreElem str(std::string_view s) { return PreElem{false, 0, std::string(s)}; }
    std::string render() const { return is_number ? std::to_string(number) : text; }
};

// JS `isNaN(Number(s))` for a pre-release identifier (no '.', '+' or spaces can occur): "1e5",
// "0x1f", "-3" and "Infinity" are numbers to JS, so node keeps them as an existing counter.
bool js_number_is_nan(std::string_view s) {
    if (s.size() > 2 && s[0] == '0') {
        const char k = s[1];
        auto all = [&](auto pred) { return std::all_of(s.begin() + 2, s.end(), pred); };
        if (k == 'x' || k == 'X') return !all([](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
        if (k == 'o' || k == 'O') return !all([](char c) { return c >= '0' && c <= '7'; });
        if (k == 'b' || k == 'B') return !all([](char c) { return c == '0' || c == '1'; });
    }
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    if (s == "Infinity") return false;
    std::size_t p = 0;
    while (p < s.size() && is_digit(s[p])) ++p;
    if (p == 0) return true;
    if (p == s.size()) return false;
    if (s[p] != 'e' && s[p] != 'E') return true;
    ++p;
    if (p < s.size() && s[p] == '-') ++p;
    const std::size_t exp_start = p;
    while (p < s.size() && is_digit(s[p])) ++p;
    return p == exp_start || p != s.size();
}

bool elem_is_nan(const PreElem* e) { return e == nullptr || (!e->is_number && js_number_is_nan(e->text)); }

// node's compareIdentifiers(prerelease[i], part) == 0.
bool elem_equals_part(const PreElem& e, std::string_view part) {
    const bool anum = e.is_number || all_digits(e.text);
    const bool bnum = all_digits(part);
    if (anum && bnum) {
        const double da = e.is_number ? static_cast<double>(e.number) : digits_to_double(e.text);
        return da == digits_to_double(part);
    }
    return !e.is_number && e.text == part;
}

// Does `-identifier` match node's PRERELEASE (or PRERELEASELOOSE) pattern in full? The pattern's
// bounded repeats (\d{0,256}, [a-zA-Z0-9-]{0,250}) are part of the answer for long identifiers.
bool identifier_is_valid(std::string_view identifier, bool loose) {
    if (identifier.empty()) return false;
    std::size_t p = 0;
    for (;;) {
        const std::size_t len = ident_run(identifier, p);
        const std::size_t part_end = identifier.find('.', p);
        const std::size_t end = part_end == std::string_view::npos ? identifier.size() : part_end;
        if (len == 0 || p + len != end) return false;
        const std::string_view id = identifier.substr(p, len);
        std::size_t digits = 0;
        while (digits < id.size() && is_digit(id[digits])) ++digits;
        if (digits < id.size()) {
            if (digits > 256 || id.size() - digits - 1 > 250) return false;
        } else if (loose) {
            if (id.size() > 256) return false;
        } else if (id.size() > 257 || (id[0] == '0' && id.size() > 1)) {
            return false;
        }
        if (end == identifier.size()) return true;
        p = end + 1;
    }
}

struct Work {
    std::uint64_t number[3];
    std::vector<PreElem> pre;
};

std::string join(const std::vector<PreElem>& pre) {
    std::string out;
    for (std::size_t i = 0; i < pre.size(); ++i) {
        if (i) out += '.';
        out += pre[i].render();
    }
    return out;
}

Result<std::monostate> inc_step(Work& w, IncType type, const IncOptions& o, std::string_view raw);

Result<std::monostate> inc_pre(Work& w, const IncOptions& o) {
    const std::uint64_t base = o.base == IdentifierBase::one ? 1 : 0;
    if (w.pre.empty()) {
        w.pre.push_back(PreElem::num(base));
    } else {
        bool incremented = false;
        for (std::size_t i = w.pre.size(); i-- > 0;) {
            if (w.pre[i].is_number) {
                ++w.pre[i].number;
                incremented = true;
                break;
            }
        }
        if (!incremented) {
            if (!o.identifier.empty() && o.identifier == join(w.pre) &&
                o.base == IdentifierBase::none) {
                return make_error("cannot increment: pre-release " + quote(o.identifier) +
                                  " already exists and has no number to increment");
            }
            w.pre.push_back(PreElem::num(base));
        }
    }
    if (!o.identifier.empty()) {
        std::vector<PreElem> fresh{PreElem::str(o.identifier)};
        if (o.base != IdentifierBase::none) fresh.push_back(PreElem::num(base));
        std::vector<std::string_view> parts;
        for (Identifier id : IdentifierList(o.identifier)) parts.push_back(id.text);
        bool same_line = parts.size() <= w.pre.size();
        for (std::size_t i = 0; same_line && i < parts.size(); ++i) {
            same_line = elem_equals_part(w.pre[i], parts[i]);
        }
        if (!same_line) {
            w.pre = std::move(fresh);
        } else {
            const PreElem* next = parts.size() < w.pre.size() ? &w.pre[parts.size()] : nullptr;
            if (elem_is_nan(next)) w.pre = std::move(fresh);
        }
    }
    return std::monostate{};
}

Result<std::monostate> inc_step(Work& w, IncType type, const IncOptions& o,
                                std::string_view raw) {
    const bool pre_type = type == IncType::premajor || type == IncType::preminor ||
                          type == IncType::prepatch || type == IncType::prerelease ||
                          type == IncType::pre;
    if (pre_type) {
        if (o.identifier.empty() && o.base == IdentifierBase::none) {
            return make_error("cannot increment: an empty pre-release identifier needs a numeric "
                              "base");
        }
        if (!o.identifier.empty() && !identifier_is_valid(o.identifier, o.loose)) {
            return make_error("invalid pre-release identifier " + quote(o.identifier));
        }
    }
    switch (type) {
    case IncType::premajor:
        w.pre.clear();
        w.number[2] = 0;
        w.number[1] = 0;
        ++w.number[0];
        return inc_step(w, IncType::pre, o, raw);
    case IncType::preminor:
        w.pre.clear();
        w.number[2] = 0;
        ++w.number[1];
        return inc_step(w, IncType::pre, o, raw);
    case IncType::prepatch:
        w.pre.clear();
        if (auto r = inc_step(w, IncType::patch, o, raw); !r.ok()) return r;
        return inc_step(w, IncType::pre, o, raw);
    case IncType::prerelease:
        if (w.pre.empty()) {
            if (auto r = inc_step(w, IncType::patch, o, raw); !r.ok()) return r;
        }
        return inc_step(w, IncType::pre, o, raw);
    case IncType::release:
        if (w.pre.empty()) {
            return make_error("cannot increment: version " + std::string(raw) +
                              " is not a pre-release");
        }
        w.pre.clear();
        return std::monostate{};
    // node-semver counts with doubles and prints 9007199254740992 after 2^53-1; inputs never exceed
    // 2^53-1, so one step past it is exact here too and the answers agree.
    case IncType::major:
        // 1.0.0-5 graduates to 1.0.0; 1.1.0 goes to 2.0.0.
        if (w.number[1] != 0 || w.number[2] != 0 || w.pre.empty()) {
            ++w.number[0];
        }
        w.number[1] = 0;
        w.number[2] = 0;
        w.pre.clear();
        return std::monostate{};
    case IncType::minor:
        if (w.number[2] != 0 || w.pre.empty()) {
            ++w.number[1];
        }
        w.number[2] = 0;
        w.pre.clear();
        return std::monostate{};
    case IncType::patch:
        if (w.pre.empty()) {
            ++w.number[2];
        }
        w.pre.clear();
        return std::monostate{};
    case IncType::pre:
        return inc_pre(w, o);
    }
    return std::monostate{};
}

}  // namespace

Result<Version> inc(const Version& version, IncType type, const IncOptions& options) {
    Work w{{version.major(), version.minor(), version.patch()}, {}};
    for (Identifier id : version.prerelease_identifiers()) {
        if (id.numeric() && digits_value(id.text) < kMaxSafeInteger) {
            w.pre.push_back(PreElem::num(digits_value(id.text)));
        } else {
            w.pre.push_back(PreElem::str(id.text));
        }
    }
    if (auto r = inc_step(w, type, options, version.to_string()); !r.ok()) return r.error();
    const std::string pre = join(w.pre);
    return VersionAccess::make(w.number[0], w.number[1], w.number[2], pre, {});
}

std::optional<IncType> diff(const Version& v1, const Version& v2) {
    const int comparison = compare(v1, v2);
    if (comparison == 0) return std::nullopt;
    const Version& high = comparison > 0 ? v1 : v2;
    const Version& low = comparison > 0 ? v2 : v1;
    const bool high_pre = high.is_prerelease();
    const bool low_pre = low.is_prerelease();
    if (low_pre && !high_pre) {
        // Leaving a pre-release: 1.0.0-1 → anything is major; x.y.0-1 → x.y.0 is minor.
        if (low.patch() == 0 && low.minor() == 0) return IncType::major;
        if (compare_main(low, high) == 0) {
            if (low.minor() != 0 && low.patch() == 0) return IncType::minor;
            return IncType::patch;
        }
    }
    if (v1.major() != v2.major()) return high_pre ? IncType::premajor : IncType::major;
    if (v1.minor() != v2.minor()) return high_pre ? IncType::preminor : IncType::minor;
    if (v1.patch() != v2.patch()) return high_pre ? IncType::prepatch : IncType::patch;
    return IncType::prerelease;
}

Result<Version> truncate(const Version& v, IncType type) {
    switch (type) {
    case IncType::premajor:
    case IncType::preminor:
    case IncType::prepatch:
    case IncType::prerelease:
        return VersionAccess::make(v.major(), v.minor(), v.patch(), v.prerelease(), {});
    case IncType::major: return Version(v.major(), 0, 0);
    case IncType::minor: return Version(v.major(), v.minor(), 0);
    case IncType::patch: return Version(v.major(), v.minor(), v.patch());
    case IncType::release:
    case IncType::pre: break;
    }
    return make_error("cannot truncate to " + quote(to_string(type)) +
                      " (expected major, premajor, minor, preminor, patch, prepatch or prerelease)");
}

}  // namespace relplan

#include "version/semver.hpp"
#include "version/semver_detail.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace relplan {

// ---- JavaScript text rules ----

std::size_t js_whitespace_length(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0d)) return 1;
    if (b0 < 0xc2 || i + 1 >= s.size()) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xc2) return b1 == 0xa0 ? 2 : 0;  // U+00A0
    if (i + 2 >= s.size()) return 0;
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 == 0xe1) return (b1 == 0x9a && b2 == 0x80) ? 3 : 0;  // U+1680
    if (b0 == 0xe2 && b1 == 0x80) {
        // U+2000..U+200A, U+2028, U+2029, U+202F
        return (b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf ? 3 : 0;
    }
    if (b0 == 0xe2) return (b1 == 0x81 && b2 == 0x9f) ? 3 : 0;  // U+205F
    if (b0 == 0xe3) return (b1 == 0x80 && b2 == 0x80) ? 3 : 0;  // U+3000
    if (b0 == 0xef) return (b1 == 0xbb && b2 == 0xbf) ? 3 : 0;  // U+FEFF
    return 0;
}

namespace {

// Length of the JS whitespace character that ends at `end` (exclusive), or 0.
std::size_t js_whitespace_length_before(std::string_view s, std::size_t end) {
    for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
        if (js_whitespace_length(s, end - len) == len) return len;
    }
    return 0;
}

}  // namespace

std::string_view js_trim(std::string_view s) {
    std::size_t begin = 0;
    while (std::size_t len = js_whitespace_length(s, begin)) begin += len;
    std::size_t end = s.size();
    while (end > begin) {
        const std::size_t len = js_whitespace_length_before(s, end);
        if (len == 0 || end - len < begin) break;
        end -= len;
    }
    return s.substr(begin, end - begin);
}

std::size_t utf16_length(std::string_view s) {
    std::size_t units = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 1;
        if (b >= 0xc2 && b <= 0xdf) len = 2;
        else if (b >= 0xe0 && b <= 0xef) len = 3;
        else if (b >= 0xf0 && b <= 0xf4) len = 4;
        bool valid = len == 1 ? b < 0x80 : i + len <= s.size();
        for (std::size_t k = 1; valid && k < len; ++k) {
            valid = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
        }
        if (!valid) {
            ++units;
            ++i;
            continue;
        }
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

namespace semver_detail {

bool is_ident_char(char c) { return ascii::is_alnum(c) || c == '-'; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::size_t ident_run(std::string_view s, std::size_t p) {
    std::size_t q = p;
    while (q < s.size() && is_ident_char(s[q])) ++q;
    return q - p;
}

// Value of a digit string, saturated just above kMaxSafeInteger.
std::uint64_t digits_value(std::string_view digits) {
    std::uint64_t v = 0;
    for (char c : digits) {
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
        if (v > kMaxSafeInteger) return kMaxSafeInteger + 1;
    }
    return v;
}

// JS `+digits`: the nearest double. Short strings are exact; longer ones go through strtod, which
// rounds correctly in glibc and musl.
double digits_to_double(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    if (digits.size() <= 15) return static_cast<double>(digits_value(digits));
    char buf[kMaxVersionLength + 8];
    if (digits.size() >= sizeof buf) return std::strtod(std::string(digits).c_str(), nullptr);
    std::memcpy(buf, digits.data(), digits.size());
    buf[digits.size()] = '\0';
    return std::strtod(buf, nullptr);
}

int compare_numeric_identifiers(std::string_view a, std::string_view b) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() <= 15 && b.size() <= 15) {
        if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
        const int c = a.compare(b);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    const double da = digits_to_double(a);
    const double db = digits_to_double(b);
    return da == db ? 0 : (da < db ? -1 : 1);
}

std::string quote(std::string_view text, QuoteStyle style) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < style.max; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool quote_char = c == '"' || c == '\\';
        if (quote_char && !style.hex_quotes) {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f || (c > 0x7f && style.hex_non_ascii) || quote_char) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    if (text.size() > style.max) out += style.ellipsis ? "..." : " (" + std::to_string(text.size()) + " bytes)";
    return out;
}

std::string describe_char(std::string_view s, std::size_t p) {
    if (p >= s.size()) return "the end";
    const std::string q = quote(s.substr(p, 1));
    return "'" + q.substr(1, q.size() - 2) + "'";
}

constexpr const char* kPartName[3] = {"major", "minor", "patch"};

class VersionParser {
public:
    VersionParser(std::string_view original, std::string_view trimmed, std::size_t offset)
        : original_(original), s_(trimmed), offset_(offset) {}

    Error fail(std::size_t p, const std::string& reason) const {
        return make_error("invalid version " + quote(original_) + ": " + reason + " at offset " +
                              std::to_string(offset_ + p),
                          offset_ + p);
    }

    Error unexpected(std::size_t p, const char* wanted) const {
        return fail(p, std::string("expected ") + wanted + ", found " + describe_char(s_, p));
    }

    // The major, minor and patch numbers from `p`, dot-separated; with `strict`, a number with a
    // leading zero is an error. `patch_start` is where the patch number begins.
    Result<std::monostate> numbers(std::size_t& p, Parsed& out, bool strict, std::size_t& patch_start) const {
        for (int part = 0; part < 3; ++part) {
            if (part > 0) {
                if (p >= s_.size() || s_[p] != '.') {
                    return unexpected(p, part == 1 ? "'.' after the major version"
                                                   : "'.' after the minor version");
                }
                ++p;
            }
            const std::size_t start = p;
            while (p < s_.size() && is_digit(s_[p])) ++p;
            if (p == start) {
                return unexpected(start, part == 0   ? "the major version number"
                                         : part == 1 ? "the minor version number"
                                                     : "the patch version number");
            }
            const std::string_view digits = s_.substr(start, p - start);
            if (strict && digits.size() > 1 && digits[0] == '0') {
                return fail(start, std::string(kPartName[part]) + " version " + quote(digits) +
                                       " has a leading zero");
            }
            out.number[part] = digits_value(digits);
            patch_start = start;
        }
        return std::monostate{};
    }

    // node-semver's FULL pattern. Deterministic, so the first failure is the answer.
    Result<Parsed> strict() const {
        Parsed out;
        std::size_t p = 0;
        if (p < s_.size() && s_[p] == 'v') ++p;
        std::size_t patch_start = 0;
        if (auto r = numbers(p, out, true, patch_start); !r.ok()) return r.error();
        if (p < s_.size() && s_[p] == '-') {
            ++p;
            auto pre = identifiers(p, "a pre-release identifier", true);
            if (!pre) return pre.error();
            out.pre = *pre;
        }
        if (auto r = build_part(p, out); !r.ok()) return r.error();
        if (p != s_.size()) return unexpected(p, "'-', '+' or the end of the version");
        return check_numbers(out);
    }

    // node-semver's LOOSE pattern. Its patch number may give digits back to a pre-release that
    // follows without a hyphen ("1.2.34.5" is 1.2.3-4.5), so shorter patch runs are tried too.
    Result<Parsed> loose(char* scratch) const {
        std::size_t p = 0;
        while (p < s_.size()) {
            if (s_[p] == 'v' || s_[p] == '=') {
                ++p;
            } else if (std::size_t w = js_whitespace_length(s_, p)) {
                p += w;
            } else {
                break;
            }
        }
        Parsed out;
        std::size_t patch_start = 0;
        if (auto r = numbers(p, out, false, patch_start); !r.ok()) return r.error();
        const std::size_t patch_end = p;
        std::size_t failed_at = 0;
        for (std::size_t end = patch_end; end > patch_start; --end) {
            std::size_t fail_pos = 0;
            if (loose_tail(end, out, scratch, fail_pos)) {
                out.number[2] = digits_value(s_.substr(patch_start, end - patch_start));
                return check_numbers(out);
            }
            if (end == patch_end) failed_at = fail_pos;
        }
        return unexpected(failed_at, "a pre-release, build metadata or the end of the version");
    }

private:
    Result<std::monostate> build_part(std::size_t& p, Parsed& out) const {
        if (p >= s_.size() || s_[p] != '+') return std::monostate{};
        ++p;
        auto build = identifiers(p, "a build identifier", false);
        if (!build) return build.error();
        out.build = *build;
        return std::monostate{};
    }

    // The dot-separated identifiers from `p`; `what` names one in errors. With `no_leading_zero`
    // (pre-release identifiers), a numeric identifier with a leading zero is an error.
    Result<std::string_view> identifiers(std::size_t& p, const char* what, bool no_leading_zero) const {
        const std::size_t start = p;
        for (;;) {
            const std::size_t len = ident_run(s_, p);
            if (len == 0) return unexpected(p, what);
            const std::string_view id = s_.substr(p, len);
            if (no_leading_zero && id.size() > 1 && id[0] == '0' && all_digits(id))
                return fail(p, "numeric pre-release identifier " + quote(id) + " has a leading zero");
            p += len;
            if (p >= s_.size() || s_[p] != '.') break;
            ++p;
        }
        return s_.substr(start, p - start);
    }

    // Matches `(?:-?(ids))?(?:\+(ids))?$` from `p`; writes the normalized pre-release into scratch.
    bool loose_tail(std::size_t p, Parsed& out, char* scratch, std::size_t& fail_pos) const {
        out.pre = {};
        out.build = {};
        if (p < s_.size() && is_ident_char(s_[p])) {
            // `-?` takes the hyphen only when an identifier follows it; otherwise "-" is the
            // identifier itself.
            if (s_[p] == '-' && p + 1 < s_.size() && is_ident_char(s_[p + 1])) ++p;
            std::size_t w = 0;
            for (;;) {
                const std::size_t len = ident_run(s_, p);
                const std::string_view id = s_.substr(p, len);
                if (w > 0) scratch[w++] = '.';
                if (all_digits(id) && digits_value(id) < kMaxSafeInteger) {
                    const std::string num = std::to_string(digits_value(id));
                    std::memcpy(scratch + w, num.data(), num.size());
                    w += num.size();
                } else {
                    std::memcpy(scratch + w, id.data(), id.size());
                    w += id.size();
                }
                p += len;
                if (p + 1 < s_.size() && s_[p] == '.' && is_ident_char(s_[p + 1])) {
                    ++p;
                    continue;
                }
                break;
            }
            out.pre = std::string_view(scratch, w);
        }
        if (p < s_.size() && s_[p] == '+') {
            if (p + 1 >= s_.size() || !is_ident_char(s_[p + 1])) {
                fail_pos = p + 1;
                return false;
            }
            const std::size_t start = ++p;
            for (;;) {
                p += ident_run(s_, p);
                if (p + 1 < s_.size() && s_[p] == '.' && is_ident_char(s_[p + 1])) {
                    ++p;
                    continue;
                }
                break;
            }
            out.build = s_.substr(start, p - start);
        }
        fail_pos = p;
        return p == s_.size();
    }

    // node checks the magnitudes after the whole pattern matched, so this runs last.
    Result<Parsed> check_numbers(const Parsed& out) const {
        std::size_t p = 0;
        while (p < s_.size() && !is_digit(s_[p])) ++p;
        for (int part = 0; part < 3; ++part) {
            std::size_t end = p;
            while (end < s_.size() && is_digit(s_[end])) ++end;
            if (out.number[part] > kMaxSafeInteger) {
                return fail(p, std::string(kPartName[part]) + " version " + quote(s_.substr(p, end - p)) +
                                   " is larger than " + std::to_string(kMaxSafeInteger));
            }
            p = end + 1;
        }
        return out;
    }

    std::string_view original_;
    std::string_view s_;
    std::size_t offset_;
};

bool valid_strict_identifiers(std::string_view dotted, bool build) {
    if (dotted.empty()) return true;
    std::size_t p = 0;
    for (;;) {
        const std::size_t len = ident_run(dotted, p);
        if (len == 0) return false;
        const std::string_view id = dotted.substr(p, len);
        if (!build && id.size() > 1 && id[0] == '0' && all_digits(id)) return false;
        p += len;
        if (p == dotted.size()) return true;
        if (dotted[p] != '.') return false;
        ++p;
    }
}

}  // namespace semver_detail

using namespace semver_detail;

// ---- identifiers ----

bool Identifier::numeric() const { return all_digits(text); }

IdentifierList::iterator& IdentifierList::iterator::operator++() {
    const std::size_t dot = rest_.find('.');
    if (dot == std::string_view::npos) {
        end_ = true;
        rest_ = {};
    } else {
        rest_.remove_prefix(dot + 1);
    }
    return *this;
}

std::size_t IdentifierList::size() const {
    if (dotted_.empty()) return 0;
    return 1 + static_cast<std::size_t>(std::count(dotted_.begin(), dotted_.end(), '.'));
}

// ---- Version storage ----

Version::Version(std::uint64_t major, std::uint64_t minor, std::uint64_t patch)
    : major_(major), minor_(minor), patch_(patch) {}

Version::Version(const Version& o)
    : major_(o.major_), minor_(o.minor_), patch_(o.patch_), size_(o.size_), pre_size_(o.pre_size_) {
    if (o.heap_) {
        heap_ = new char[size_];
        std::memcpy(heap_, o.heap_, size_);
    } else {
        std::memcpy(inline_, o.inline_, kInline);
    }
}

Version::Version(Version&& o) noexcept
    : major_(o.major_), minor_(o.minor_), patch_(o.patch_), size_(o.size_), pre_size_(o.pre_size_),
      heap_(o.heap_) {
    std::memcpy(inline_, o.inline_, kInline);
    o.heap_ = nullptr;
    o.size_ = 0;
    o.pre_size_ = 0;
}

Version& Version::operator=(const Version& o) {
    if (this != &o) {
        Version copy(o);
        *this = std::move(copy);
    }
    return *this;
}

Version& Version::operator=(Version&& o) noexcept {
    if (this != &o) {
        delete[] heap_;
        major_ = o.major_;
        minor_ = o.minor_;
        patch_ = o.patch_;
        size_ = o.size_;
        pre_size_ = o.pre_size_;
        heap_ = o.heap_;
        std::memcpy(inline_, o.inline_, kInline);
        o.heap_ = nullptr;
        o.size_ = 0;
        o.pre_size_ = 0;
    }
    return *this;
}

Version::~Version() { delete[] heap_; }

void Version::set_tail(std::string_view prerelease, std::string_view build) {
    delete[] heap_;
    heap_ = nullptr;
    pre_size_ = static_cast<std::uint32_t>(prerelease.size());
    size_ = static_cast<std::uint32_t>(prerelease.size() + (build.empty() ? 0 : build.size() + 1));
    char* dst = inline_;
    if (size_ > kInline) {
        heap_ = new char[size_];
        dst = heap_;
    }
    if (!prerelease.empty()) std::memcpy(dst, prerelease.data(), prerelease.size());
    if (!build.empty()) {
        dst[prerelease.size()] = '+';
        std::memcpy(dst + prerelease.size() + 1, build.data(), build.size());
    }
}

std::string_view Version::build() const {
    const std::string_view t = tail();
    return size_ > pre_size_ ? t.substr(pre_size_ + 1) : std::string_view{};
}

std::string Version::normalized() const {
    std::string out = std::to_string(major_);
    out += '.';
    out += std::to_string(minor_);
    out += '.';
    out += std::to_string(patch_);
    if (pre_size_) {
        out += '-';
        out += prerelease();
    }
    return out;
}

std::string Version::to_string() const {
    std::string out = normalized();
    if (size_ > pre_size_) {
        out += '+';
        out += build();
    }
    return out;
}

Result<Parsed> semver_detail::parse_parts(std::string_view text, SemverOptions options, char* scratch) {
    if (text.size() > kMaxVersionLength && utf16_length(text) > kMaxVersionLength) {
        return make_error("invalid version " + quote(text) + ": longer than " +
                          std::to_string(kMaxVersionLength) + " characters");
    }
    const std::string_view trimmed = js_trim(text);
    if (trimmed.empty()) return make_error("invalid version " + quote(text) + ": it is empty");
    const std::size_t offset = static_cast<std::size_t>(trimmed.data() - text.data());
    VersionParser parser(text, trimmed, offset);
    return options.loose ? parser.loose(scratch) : parser.strict();
}

Result<Version> Version::parse(std::string_view text, SemverOptions options) {
    char scratch[kScratchSize];
    auto parsed = parse_parts(text, options, scratch);
    if (!parsed.ok()) return parsed.error();
    const Parsed& p = *parsed;
    return VersionAccess::make(p.number[0], p.number[1], p.number[2], p.pre, p.build);
}

Result<Version> Version::make(std::uint64_t major, std::uint64_t minor, std::uint64_t patch,
                              std::string_view prerelease, std::string_view build) {
    const std::uint64_t numbers[3] = {major, minor, patch};
    for (int part = 0; part < 3; ++part) {
        if (numbers[part] > kMaxSafeInteger) {
            return make_error(std::string(kPartName[part]) + " version " +
                              std::to_string(numbers[part]) + " is larger than " +
                              std::to_string(kMaxSafeInteger));
        }
    }
    if (!valid_strict_identifiers(prerelease, false)) {
        return make_error("invalid pre-release " + quote(prerelease) +
                          ": identifiers are non-empty [0-9A-Za-z-] runs separated by '.', "
                          "numeric ones without leading zeros");
    }
    if (!valid_strict_identifiers(build, true)) {
        return make_error("invalid build metadata " + quote(build) +
                          ": identifiers are non-empty [0-9A-Za-z-] runs separated by '.'");
    }
    return VersionAccess::make(major, minor, patch, prerelease, build);
}

// ---- comparison ----

int compare_identifiers(std::string_view a, std::string_view b) {
    if (a == b) return 0;
    const bool anum = all_digits(a);
    const bool bnum = all_digits(b);
    if (anum && bnum) return compare_numeric_identifiers(a, b);
    if (anum) return -1;
    if (bnum) return 1;
    return a < b ? -1 : 1;
}

namespace semver_detail {

// node's comparePre/compareBuild loop: the first differing identifier decides, even when
// compareIdentifiers calls it a tie (digit strings equal as doubles).
int compare_identifier_lists(std::string_view a, std::string_view b) {
    for (;;) {
        if (a.empty() && b.empty()) return 0;
        if (b.empty()) return 1;
        if (a.empty()) return -1;
        const std::size_t da = a.find('.');
        const std::size_t db = b.find('.');
        const std::string_view ia = a.substr(0, da);
        const std::string_view ib = b.substr(0, db);
        if (ia != ib) return compare_identifiers(ia, ib);
        a = da == std::string_view::npos ? std::string_view{} : a.substr(da + 1);
        b = db == std::string_view::npos ? std::string_view{} : b.substr(db + 1);
    }
}

int compare_main(const Version& a, const Version& b) {
    if (a.major() != b.major()) return a.major() < b.major() ? -1 : 1;
    if (a.minor() != b.minor()) return a.minor() < b.minor() ? -1 : 1;
    if (a.patch() != b.patch()) return a.patch() < b.patch() ? -1 : 1;
    return 0;
}

}  // namespace semver_detail

int compare(const Version& a, const Version& b) {
    if (int c = compare_main(a, b)) return c;
    const bool apre = a.is_prerelease();
    const bool bpre = b.is_prerelease();
    if (apre != bpre) return apre ? -1 : 1;
    if (!apre) return 0;
    return compare_identifier_lists(a.prerelease(), b.prerelease());
}

int compare_build(const Version& a, const Version& b) {
    if (int c = compare(a, b)) return c;
    return compare_identifier_lists(a.build(), b.build());
}

std::strong_ordering operator<=>(const Version& a, const Version& b) {
    if (int c = compare_build(a, b)) return c < 0 ? std::strong_ordering::less
                                                  : std::strong_ordering::greater;
    const int c = a.tail().compare(b.tail());
    return c < 0   ? std::strong_ordering::less
           : c > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

bool operator==(const Version& a, const Version& b) {
    return a.major_ == b.major_ && a.minor_ == b.minor_ && a.patch_ == b.patch_ &&
           a.pre_size_ == b.pre_size_ && a.tail() == b.tail();
}

}  // namespace relplan

// SemVer 2.0.0 versions with node-semver 7.8.5 semantics.
//
// Version is a small value type: three numbers (each at most 2^53-1, node-semver's limit) and the
// pre-release and build text, kept inline for typical versions so that parsing and comparing
// "1.2.3" or "1.2.3-rc.1+b.7" never touches the heap. Every function here answers exactly what the
// node-semver function of the same name answers (valid, compare, compareBuild, sort, diff, inc,
// truncate, coerce); where node-semver returns null or throws, these return an Error whose message
// names the problem and, for text, the byte offset.
//
// Sections: options and release types · Version · comparison · bumps (inc, diff, truncate) · coerce.
// Input text is UTF-8; lengths are counted in UTF-16 units as in JS. Like node-semver, inc of a
// number at 2^53-1 gives 2^53, a version that does not parse back.
#pragma once

#include "base/result.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relplan {

// node-semver's options object. `loose` accepts "=v 1.2.3", "1.2.3beta", leading zeros, and
// ranges' loose comparators; `include_prerelease` lets ranges match any pre-release.
struct SemverOptions {
    bool loose = false;
    bool include_prerelease = false;
};

inline constexpr std::uint64_t kMaxSafeInteger = 9007199254740991ull;  // 2^53-1
inline constexpr std::size_t kMaxVersionLength = 256;                 // in UTF-16 units, as node

enum class IncType { major, premajor, minor, preminor, patch, prepatch, prerelease, release, pre };

// Names are node-semver's ("major", ..., "release", "pre"); case-sensitive.
Result<IncType> parse_inc_type(std::string_view name);
std::string_view to_string(IncType type);

// One dot-separated identifier of a pre-release or build. Numeric identifiers (digits only) compare
// by value, others as ASCII text; node compares digit strings above 2^53 as doubles, and so do we.
struct Identifier {
    std::string_view text;
    bool numeric() const;
};

// Iterates the identifiers of a dotted text without allocating.
class IdentifierList {
public:
    class iterator {
    public:
        iterator(std::string_view rest, bool end) : rest_(rest), end_(end) {}
        Identifier operator*() const { return Identifier{rest_.substr(0, rest_.find('.'))}; }
        iterator& operator++();
        bool operator==(const iterator& other) const {
            return end_ == other.end_ && (end_ || rest_.data() == other.rest_.data());
        }
        bool operator!=(const iterator& other) const { return !(*this == other); }

    private:
        std::string_view rest_;
        bool end_;
    };
    explicit IdentifierList(std::string_view dotted) : dotted_(dotted) {}
    iterator begin() const { return iterator(dotted_, dotted_.empty()); }
    iterator end() const { return iterator({}, true); }
    bool empty() const { return dotted_.empty(); }
    std::size_t size() const;

private:
    std::string_view dotted_;
};

class Version {
public:
    Version() : Version(0, 0, 0) {}
    // Callers keep each number at most kMaxSafeInteger; make() checks that and the identifiers.
    Version(std::uint64_t major, std::uint64_t minor, std::uint64_t patch);
    Version(const Version& other);
    Version(Version&& other) noexcept;
    Version& operator=(const Version& other);
    Version& operator=(Version&& other) noexcept;
    ~Version();

    // node-semver `new SemVer(text, options)`: surrounding whitespace and a leading "v" are dropped
    // (loose also drops "=" and spaces, accepts "1.2.3beta" and leading zeros). Texts longer than
    // 256 characters and numbers above 2^53-1 are rejected.
    static Result<Version> parse(std::string_view text, SemverOptions options = {});

    // Builds a version from parts; `prerelease` and `build` are dotted identifier lists ("rc.1")
    // validated with the strict grammar, or empty.
    static Result<Version> make(std::uint64_t major, std::uint64_t minor, std::uint64_t patch,
                                std::string_view prerelease = {}, std::string_view build = {});

    std::uint64_t major() const { return major_; }
    std::uint64_t minor() const { return minor_; }
    std::uint64_t patch() const { return patch_; }
    std::string_view prerelease() const { return tail().substr(0, pre_size_); }
    std::string_view build() const;
    IdentifierList prerelease_identifiers() const { return IdentifierList(prerelease()); }
    IdentifierList build_identifiers() const { return IdentifierList(build()); }
    bool is_prerelease() const { return pre_size_ != 0; }

    // node-semver's `.version`: "1.2.3-rc.1", without build metadata.
    std::string normalized() const;
    // Full text with build metadata; parse(to_string()) gives back an equal Version.
    std::string to_string() const;

    // A total order consistent with ==: precedence, then build (node's compareBuild), then the
    // build text itself so that distinct values never compare equivalent.
    friend std::strong_ordering operator<=>(const Version& a, const Version& b);
    friend bool operator==(const Version& a, const Version& b);

private:
    friend struct VersionAccess;
    static constexpr std::size_t kInline = 24;

    std::string_view tail() const { return {heap_ ? heap_ : inline_, size_}; }
    void set_tail(std::string_view prerelease, std::string_view build);

    std::uint64_t major_ = 0;
    std::uint64_t minor_ = 0;
    std::uint64_t patch_ = 0;
    std::uint32_t size_ = 0;      // bytes of prerelease + ('+' build)
    std::uint32_t pre_size_ = 0;  // bytes of prerelease
    char* heap_ = nullptr;        // owns the tail when it does not fit inline
    char inline_[kInline] = {};
};

// ---- JavaScript text rules node-semver inherits (UTF-8 in, JS semantics out) ----

// Bytes of the JS whitespace character (String.prototype.trim / \s) starting at `pos`, or 0.
std::size_t js_whitespace_length(std::string_view text, std::size_t pos);
// String.prototype.trim.
std::string_view js_trim(std::string_view text);
// Length in UTF-16 code units (JS `.length`); each byte of invalid UTF-8 counts as one unit.
std::size_t utf16_length(std::string_view text);

// ---- comparison (node-semver compare / compareBuild / compareIdentifiers) ----

// Precedence: -1, 0 or 1; build metadata ignored.
int compare(const Version& a, const Version& b);
// Precedence, then build metadata compared identifier by identifier (node's compareBuild, used by
// sort and rsort).
int compare_build(const Version& a, const Version& b);
int compare_identifiers(std::string_view a, std::string_view b);

// ---- bumps ----

// `identifier_base` is node's identifierBase: "0" (default), "1", or false (no numeric suffix).
enum class IdentifierBase { zero, one, none };

struct IncOptions {
    std::string_view identifier;  // pre-release id such as "rc"; empty for none
    IdentifierBase base = IdentifierBase::zero;
    bool loose = false;  // validate `identifier` with the loose grammar
};

// node-semver `inc`. The result carries no build metadata, as inc's return value.
Result<Version> inc(const Version& version, IncType type, const IncOptions& options = {});
// node-semver `diff`: the release type between two versions, nullopt when equal in precedence.
std::optional<IncType> diff(const Version& a, const Version& b);
// node-semver `truncate`: drops what is below `type` ("release" and "pre" are not accepted).
Result<Version> truncate(const Version& version, IncType type);

// ---- coerce (implemented in range.cpp, beside the node-semver pattern engine it shares) ----

struct CoerceOptions {
    bool rtl = false;                 // take the right-most version-like run
    bool include_prerelease = false;  // keep "-pre" and "+build" parts
    bool loose = false;
};
// node-semver `coerce`: the first "N[.N[.N]]" (each at most 16 digits) in arbitrary text.
Result<Version> coerce(std::string_view text, const CoerceOptions& options = {});

}  // namespace relplan

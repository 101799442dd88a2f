#include "version/semver.hpp"
#include "version/semver_sort.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;

// Counts heap allocations so the tests can pin "no allocation per typical parse/compare". The
// replacement is program-wide but only counts; it forwards to malloc/free.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // GCC cannot see that new is malloc here
#endif
static std::atomic<long> g_allocations{0};
void* operator new(std::size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n == 0 ? 1 : n);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

Version v(std::string_view text, SemverOptions o = {}) { return test::parsed<Version>(text, o); }

std::string error_of(std::string_view text, SemverOptions o = {}) {
    auto r = Version::parse(text, o);
    REQUIRE(!r.ok());
    return r.error().message;
}

// Random strict versions from a small alphabet, so that equal parts and ties are common.
struct VersionGen {
    std::mt19937_64 rng{12345};
    std::uint64_t small() { return std::uniform_int_distribution<std::uint64_t>(0, 3)(rng); }
    std::string ident() {
        static const char* words[] = {"alpha", "beta", "rc", "0", "1", "2", "10", "a1", "1a", "-", "x-y", "B"};
        return words[std::uniform_int_distribution<int>(0, 11)(rng)];
    }
    std::string next() {
        std::string s = std::to_string(small()) + "." + std::to_string(small()) + "." + std::to_string(small());
        const int pre = std::uniform_int_distribution<int>(0, 3)(rng);
        for (int i = 0; i < pre; ++i) s += (i ? "." : "-") + ident();
        const int build = std::uniform_int_distribution<int>(0, 2)(rng) == 0 ? 1 : 0;
        if (build) s += "+" + ident();
        return s;
    }
};

}  // namespace

TEST_CASE("parse gives node-semver's fields and normalized text", "[semver]") {
    const Version a = v("1.2.3-rc.1+build.5");
    CHECK(a.major() == 1);
    CHECK(a.minor() == 2);
    CHECK(a.patch() == 3);
    CHECK(a.prerelease() == "rc.1");
    CHECK(a.build() == "build.5");
    CHECK(a.normalized() == "1.2.3-rc.1");
    CHECK(a.to_string() == "1.2.3-rc.1+build.5");
    CHECK(a.prerelease_identifiers().size() == 2);
    CHECK(a.build_identifiers().size() == 2);

    CHECK(v("  v1.2.3\n").normalized() == "1.2.3");
    CHECK(v("\xc2\xa0" "1.2.3\xe3\x80\x80").normalized() == "1.2.3");  // JS trim drops NBSP and U+3000
    CHECK(v("1.2.3-alpha-.-beta").prerelease() == "alpha-.-beta");
    CHECK(v("1.2.3--").prerelease() == "-");
}

TEST_CASE("loose parsing follows node-semver's LOOSE pattern", "[semver]") {
    const SemverOptions loose{true, false};
    CHECK(v(" =v 01.02.03", loose).normalized() == "1.2.3");
    CHECK(v("1.2.3beta", loose).normalized() == "1.2.3-beta");
    CHECK(v("1.2.3-0012", loose).normalized() == "1.2.3-12");
    CHECK(v("1.2.3-09007199254740991", loose).normalized() == "1.2.3-09007199254740991");
    // The patch gives digits back to a hyphen-less pre-release, as the regex backtracks.
    CHECK(v("1.2.34.5", loose).normalized() == "1.2.3-4.5");
    CHECK(v("1.2.3-", loose).normalized() == "1.2.3--");
    CHECK(v("1.2.3-.x", loose).normalized() == "1.2.3--.x");
    CHECK(!Version::parse("1.2.3.4", loose).ok());
    CHECK(!Version::parse("hello, world", loose).ok());
}

TEST_CASE("invalid versions name the problem and its offset", "[semver][errors]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"1.2", "invalid version \"1.2\": expected '.' after the minor version, found the end at offset 3"},
        {"01.2.3", "invalid version \"01.2.3\": major version \"01\" has a leading zero at offset 0"},
        {"1.2.3-01",
         "invalid version \"1.2.3-01\": numeric pre-release identifier \"01\" has a leading zero at offset 6"},
        {"1.2.3-a..b", "invalid version \"1.2.3-a..b\": expected a pre-release identifier, found '.' at offset 8"},
        {"1.2.3+", "invalid version \"1.2.3+\": expected a build identifier, found the end at offset 6"},
        {"1.2.3.4", "invalid version \"1.2.3.4\": expected '-', '+' or the end of the version, found '.' at offset 5"},
        {"  x", "invalid version \"  x\": expected the major version number, found 'x' at offset 2"},
        {"", "invalid version \"\": it is empty"},
        {"1.2.3\x01",
         "invalid version \"1.2.3\\x01\": expected '-', '+' or the end of the version, found '\\x01' at offset 5"},
    };
    for (const auto& [input, expected] : rows) CHECK(error_of(input) == expected);
    auto e = Version::parse("1.2.3 x");
    REQUIRE(!e.ok());
    CHECK(e.error().offset == 5);
}

TEST_CASE("numbers are limited to 2^53-1 and text to 256 characters", "[semver][errors]") {
    CHECK(v("9007199254740991.9007199254740991.9007199254740991").major() == kMaxSafeInteger);
    CHECK(error_of("9007199254740992.0.0") ==
          "invalid version \"9007199254740992.0.0\": major version \"9007199254740992\" is larger than "
          "9007199254740991 at offset 0");
    CHECK(error_of("0.0.99999999999999999999999") ==
          "invalid version \"0.0.99999999999999999999999\": patch version \"99999999999999999999999\" is "
          "larger than 9007199254740991 at offset 4");
    // Pre-release numbers are not limited; from 2^53-1 up they stay text, as in node-semver.
    CHECK(v("1.2.3-9007199254740993").prerelease() == "9007199254740993");

    const std::string at_limit = "1.2.3-" + std::string(250, 'a');
    CHECK(at_limit.size() == 256);
    CHECK(Version::parse(at_limit).ok());
    const std::string too_long = at_limit + "a";
    CHECK(error_of(too_long) == "invalid version \"1.2.3-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" "
                                "(257 bytes): longer than 256 characters");
    // The limit counts UTF-16 units like JS: two-byte NBSPs count once each.
    std::string spaced = "1.2.3";
    for (int i = 0; i < 125; ++i) spaced += "\xc2\xa0";
    CHECK(utf16_length(spaced) == 130);
    CHECK(Version::parse(spaced).ok());
}

TEST_CASE("bad input never crashes: huge, binary and truncated text", "[semver][errors]") {
    CHECK(!Version::parse(std::string(1 << 20, '1')).ok());
    CHECK(!Version::parse(std::string(1 << 20, ' ') + "1.2.3").ok());
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    CHECK(!Version::parse(all_bytes).ok());
    CHECK(!Version::parse(all_bytes, {true, false}).ok());
    test::for_random_strings(7, 2000, 40, "0123456789.-+vxX= \xc2\xa0", [](const std::string& s) {
        auto strict = Version::parse(s);
        auto loose = Version::parse(s, {true, false});
        if (strict.ok()) CHECK(Version::parse(strict->to_string()).ok());
        if (loose.ok()) CHECK(loose->major() <= kMaxSafeInteger);
    });
    // Every prefix of a valid version is rejected exactly where it stops mid-part.
    const std::string full = "1.2.3-alpha.1+build";
    for (std::size_t n = 0; n <= full.size(); ++n) {
        INFO(full.substr(0, n));
        const bool cut = n < 5 || n == 6 || n == 12 || n == 14;  // "1.2.", "1.2.3-", "alpha.", "1+"
        CHECK(Version::parse(full.substr(0, n)).ok() == !cut);
    }
}

TEST_CASE("make validates parts", "[semver]") {
    auto ok = Version::make(1, 2, 3, "rc.1", "sha.5");
    REQUIRE(ok.ok());
    CHECK(ok->to_string() == "1.2.3-rc.1+sha.5");
    CHECK(Version::make(kMaxSafeInteger + 1, 0, 0).error().message ==
          "major version 9007199254740992 is larger than 9007199254740991");
    CHECK(!Version::make(1, 2, 3, "01").ok());
    CHECK(!Version::make(1, 2, 3, "a..b").ok());
    CHECK(Version::make(1, 2, 3, {}, "001").ok());
    CHECK(Version::make(1, 2, 3, "rc", "a+b").error().message ==
          "invalid build metadata \"a+b\": identifiers are non-empty [0-9A-Za-z-] runs separated by '.'");
}

TEST_CASE("precedence follows SemVer 2.0.0 and node-semver", "[semver]") {
    const char* ascending[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                               "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0",
                               "2.1.0", "2.1.1"};
    for (std::size_t i = 0; i + 1 < std::size(ascending); ++i) {
        INFO(ascending[i] << " < " << ascending[i + 1]);
        CHECK(compare(v(ascending[i]), v(ascending[i + 1])) == -1);
        CHECK(compare(v(ascending[i + 1]), v(ascending[i])) == 1);
    }
    CHECK(compare(v("1.2.3+a"), v("1.2.3+b")) == 0);
    CHECK(compare_build(v("1.2.3+a"), v("1.2.3+b")) == -1);
    CHECK(compare_build(v("1.2.3"), v("1.2.3+0")) == -1);
    CHECK(compare(v("1.2.3-r100"), v("1.2.3-R2")) == 1);  // ASCII: 'r' > 'R'
    // node compares digit strings past 2^53 as doubles, where these two are equal.
    CHECK(compare(v("1.2.3-9007199254740993"), v("1.2.3-9007199254740992")) == 0);
    CHECK(compare_identifiers("10", "9") == 1);
    CHECK(compare_identifiers("a", "9") == 1);
}

TEST_CASE("property: parse and format round-trip", "[semver][property]") {
    VersionGen gen;
    for (int i = 0; i < 3000; ++i) {
        const std::string text = gen.next();
        const Version a = v(text);
        CHECK(a.to_string() == text);
        CHECK(v(a.to_string()) == a);
        CHECK(v(a.normalized()).normalized() == a.normalized());
        CHECK(v("v" + text) == a);
    }
}

TEST_CASE("property: compare_build and <=> are total orders", "[semver][property]") {
    VersionGen gen;
    std::vector<Version> vs;
    for (int i = 0; i < 120; ++i) vs.push_back(v(gen.next()));
    for (const Version& a : vs) {
        CHECK(compare(a, a) == 0);
        CHECK((a <=> a) == std::strong_ordering::equal);
        for (const Version& b : vs) {
            CHECK(compare(a, b) == -compare(b, a));
            CHECK(compare_build(a, b) == -compare_build(b, a));
            CHECK(((a <=> b) == std::strong_ordering::equal) == (a == b));
            if (compare(a, b) != 0) CHECK(compare_build(a, b) == compare(a, b));
            for (const Version& c : vs) {
                if (compare(a, b) <= 0 && compare(b, c) <= 0) CHECK(compare(a, c) <= 0);
                if (a < b && b < c) CHECK(a < c);
            }
        }
    }
    std::vector<Version> sorted = vs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Version& a, const Version& b) { return compare_build(a, b) < 0; });
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i) CHECK(compare_build(sorted[i], sorted[i + 1]) <= 0);
}

TEST_CASE("property: inc moves versions up", "[semver][property]") {
    VersionGen gen;
    const IncType types[] = {IncType::major, IncType::minor, IncType::patch,
                                 IncType::premajor, IncType::preminor, IncType::prepatch,
                                 IncType::prerelease, IncType::release};
    for (int i = 0; i < 2000; ++i) {
        const Version a = v(gen.next());
        for (IncType t : types) {
            auto b = inc(a, t);
            INFO(a.to_string() << " " << to_string(t));
            if (t == IncType::release && !a.is_prerelease()) {
                CHECK(!b.ok());
                continue;
            }
            REQUIRE(b.ok());
            CHECK(compare(*b, a) == 1);
            CHECK(b->build().empty());
            CHECK(Version::parse(b->to_string()).ok());
        }
    }
}

TEST_CASE("inc follows node-semver, including the graduate rule and identifiers", "[semver]") {
    const auto bump = [](std::string_view text, IncType t, IncOptions o = {}) {
        auto r = inc(v(text), t, o);
        return r.ok() ? r->to_string() : "error: " + r.error().message;
    };
    CHECK(bump("1.2.0-rc.1", IncType::minor) == "1.2.0");
    CHECK(bump("1.2.1-rc.1", IncType::minor) == "1.3.0");
    CHECK(bump("1.0.0-5", IncType::major) == "1.0.0");
    CHECK(bump("1.2.3+build", IncType::patch) == "1.2.4");
    CHECK(bump("1.2.3", IncType::prerelease, {"rc"}) == "1.2.4-rc.0");
    CHECK(bump("1.2.4-rc.0", IncType::prerelease, {"rc"}) == "1.2.4-rc.1");
    CHECK(bump("1.2.4-beta.3", IncType::prerelease, {"rc"}) == "1.2.4-rc.0");
    CHECK(bump("1.2.3", IncType::premajor, {"rc", IdentifierBase::one}) == "2.0.0-rc.1");
    CHECK(bump("1.2.3", IncType::preminor, {"dev", IdentifierBase::none}) == "1.3.0-dev");
    CHECK(bump("1.2.3", IncType::pre) == "1.2.3-0");
    CHECK(bump("1.2.3-alpha.1e5", IncType::prerelease, {"alpha"}) == "1.2.3-alpha.1e5.0");
    CHECK(bump("9007199254740991.0.0", IncType::major) == "9007199254740992.0.0");
    CHECK(bump("1.2.3", IncType::release) == "error: cannot increment: version 1.2.3 is not a pre-release");
    CHECK(bump("1.2.3", IncType::prerelease, {"a/b"}) == "error: invalid pre-release identifier \"a/b\"");
    CHECK(bump("1.2.3", IncType::prerelease, {"", IdentifierBase::none}) ==
          "error: cannot increment: an empty pre-release identifier needs a numeric base");
    CHECK(bump("1.2.3-dev", IncType::prerelease, {"dev", IdentifierBase::none}) ==
          "error: cannot increment: pre-release \"dev\" already exists and has no number to increment");
    CHECK(parse_inc_type("Major").error().message ==
          "unknown release type \"Major\" (expected major, premajor, minor, preminor, patch, prepatch, "
          "prerelease, release or pre)");
}

TEST_CASE("diff, truncate and coerce", "[semver]") {
    const auto d = [](std::string_view a, std::string_view b) {
        auto r = diff(v(a), v(b));
        return r ? std::string(to_string(*r)) : std::string("none");
    };
    CHECK(d("1.2.3", "1.2.3+b") == "none");
    CHECK(d("1.2.3", "2.0.0") == "major");
    CHECK(d("1.0.0-1", "1.0.0") == "major");
    CHECK(d("1.1.0-1", "1.1.0") == "minor");
    CHECK(d("1.1.1-1", "1.1.1") == "patch");
    CHECK(d("1.2.3", "1.3.0-rc.1") == "preminor");
    CHECK(d("1.2.3-a", "1.2.3-b") == "prerelease");

    CHECK(truncate(v("4.5.6-rc2+dadb0d"), IncType::minor)->to_string() == "4.5.0");
    CHECK(truncate(v("4.5.6-rc2+dadb0d"), IncType::prerelease)->to_string() == "4.5.6-rc2");
    CHECK(truncate(v("4.5.6"), IncType::release).error().message ==
          "cannot truncate to \"release\" (expected major, premajor, minor, preminor, patch, prepatch or prerelease)");

    const auto c = [](std::string_view text, CoerceOptions o = {}) {
        auto r = coerce(text, o);
        return r.ok() ? r->to_string() : "error: " + r.error().message;
    };
    CHECK(c("v2") == "2.0.0");
    CHECK(c("version 1.2 of it") == "1.2.0");
    CHECK(c("1.2.3.4", {true, false, false}) == "2.3.4");
    CHECK(c("1.2.3-rc.1+b", {false, true, false}) == "1.2.3-rc.1+b");
    CHECK(c("v01") == "error: invalid version \"01.0.0\": major version \"01\" has a leading zero at offset 0");
    CHECK(c("no digits") == "error: no version found in \"no digits\"");
    // Right-to-left coercion counts characters as JS does: a trailing NBSP is one unit, so the
    // last run ends the text and wins; an astral character is two.
    CHECK(c("30084.59673.9071992547^40990-4-.beta.rc\xc2\xa0", {true, true, false}) == "40990.0.0-4-.beta.rc");
    CHECK(c("30084.59673.9071992547^40990-4-.beta.rc\xc2\xa0", {true, false, false}) == "4.0.0");
    CHECK(c("\xf0\x9f\x98\x80" "7.8.9.1\xf0\x9f\x98\x80", {true, false, false}) == "8.9.1");
}

TEST_CASE("typical versions parse and compare without heap allocation", "[semver][alloc]") {
    const char* texts[] = {"1.2.3", "1.2.3-rc.1", "v10.20.30-alpha.12+build.345", "1.0.0-beta.11"};
    for (const char* t : texts) {
        const long before = g_allocations.load();
        auto a = Version::parse(t);
        auto b = Version::parse(t, {true, false});
        const int c = compare(*a, *b) + compare_build(*a, *b);
        const long after = g_allocations.load();
        INFO(t);
        CHECK(c == 0);
        CHECK(after == before);
    }
}

TEST_CASE("sort_version_lines sorts like node-semver sort and rsort, keeping ties in input order") {
    const std::string text = "1.2.3\r\n\n  v1.2.3-rc.10\n1.2.3-rc.2\n1.2.3+b.2\n1.2.3+b.10\n10.0.0\n 2.0.0 \n1.2.3\n";
    std::vector<std::string> lines;
    const auto collect = [&](std::string_view line) { lines.emplace_back(line); };
    REQUIRE(sort_version_lines(text, {}, false, collect));
    CHECK(lines == std::vector<std::string>{"1.2.3-rc.2", "  v1.2.3-rc.10", "1.2.3", "1.2.3", "1.2.3+b.2",
                                            "1.2.3+b.10", " 2.0.0 ", "10.0.0"});
    lines.clear();
    REQUIRE(sort_version_lines(text, {}, true, collect));
    CHECK(lines == std::vector<std::string>{"10.0.0", " 2.0.0 ", "1.2.3+b.10", "1.2.3+b.2", "1.2.3", "1.2.3",
                                            "  v1.2.3-rc.10", "1.2.3-rc.2"});
    lines.clear();
    // Loose parsing rewrites "1.2.3beta.01" to the pre-release beta.1; it still sorts by that.
    REQUIRE(sort_version_lines("1.2.3beta.02\n1.2.3beta.1\n", SemverOptions{true, false}, false, collect));
    CHECK(lines == std::vector<std::string>{"1.2.3beta.1", "1.2.3beta.02"});
    const auto bad = sort_version_lines("1.0.0\n\nnope\n", {}, false, collect);
    REQUIRE(!bad);
    CHECK(bad.error().message.rfind("line 3: invalid version \"nope\"", 0) == 0);
}

#include "version/range.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace relplan;

namespace {

Range range(std::string_view text, SemverOptions o = {}) { return test::parsed<Range>(text, o); }

Version ver(std::string_view text) { return test::parsed<Version>(text); }

std::string normalized(std::string_view text, SemverOptions o = {}) {
    auto r = valid_range(text, o);
    return r.ok() ? *r : "error: " + r.error().message;
}

}  // namespace

TEST_CASE("ranges desugar exactly as node-semver's validRange", "[range]") {
    CHECK(normalized("^1.2.3") == ">=1.2.3 <2.0.0-0");
    CHECK(normalized("^0.2.3") == ">=0.2.3 <0.3.0-0");
    CHECK(normalized("^0.0.3") == ">=0.0.3 <0.0.4-0");
    CHECK(normalized("^0.0") == "<0.1.0-0");  // ">=0.0.0" is dropped as "any"
    CHECK(normalized("~1.2.3-beta.2") == ">=1.2.3-beta.2 <1.3.0-0");
    CHECK(normalized("~> 1") == ">=1.0.0 <2.0.0-0");
    CHECK(normalized("1.2.x || >=2.0.0 <2.1") == ">=1.2.0 <1.3.0-0||>=2.0.0 <2.1.0-0");
    CHECK(normalized("1.2 - 3.4") == ">=1.2.0 <3.5.0-0");
    CHECK(normalized("1.2.3 - 2.3.4", {false, true}) == ">=1.2.3-0 <2.3.5-0");
    CHECK(normalized(">1.2") == ">=1.3.0");
    CHECK(normalized("<=1.2") == "<1.3.0-0");
    CHECK(normalized("*") == "*");
    CHECK(normalized("") == "*");
    CHECK(normalized(">=0.0.0") == "*");
    CHECK(normalized("<x || >*") == "<0.0.0-0");
    CHECK(normalized("1.2.3+build") == "1.2.3");
    CHECK(normalized("  >=  1.2.3\t\t<\xc2\xa0" "2  ") == ">=1.2.3 <2.0.0-0");
    CHECK(normalized(">=01.2.3", {true, false}) == ">=1.2.3");
    CHECK(normalized("~1.2.3beta", {true, false}) == ">=1.2.3-beta <1.3.0-0");
    CHECK(normalized("1.2.3 || garbage", {true, false}) == "1.2.3");
    CHECK(normalized("1.2.3 1.2.3 >=1.0.0 1.2.3") == "1.2.3 >=1.0.0");
}

TEST_CASE("the pre-release rule", "[range]") {
    const Range caret = range("^1.2.3-beta.2");
    CHECK(caret.test(ver("1.2.3-beta.4")));    // same major.minor.patch as the comparator's pre-release
    CHECK(!caret.test(ver("1.2.4-alpha.1")));  // a pre-release of another patch does not pass
    CHECK(caret.test(ver("1.9.0")));
    CHECK(!range("1.x").test(ver("1.5.0-rc.1")));
    CHECK(range("1.x", {false, true}).test(ver("1.5.0-rc.1")));
    CHECK(!range(">=1.0.0 <1.1.0").test(ver("1.1.0-pre")));  // would pass the comparators by precedence
}

TEST_CASE("a compiled range is reused for many versions", "[range]") {
    const Range r = range(">=1.2.7 <1.3.0 || 2.x");
    int hits = 0;
    for (int minor = 0; minor < 4; ++minor) {
        for (int patch = 0; patch < 10; ++patch) {
            const Version v(1 + minor / 2, static_cast<std::uint64_t>(minor % 2 + 2), static_cast<std::uint64_t>(patch));
            hits += r.test(v) ? 1 : 0;
        }
    }
    CHECK(hits == 3 + 20);
    CHECK(r.test(std::string_view("2.4.0")));
    CHECK(!r.test(std::string_view("not a version")));
    CHECK(!r.test(std::string_view("")));
    CHECK(r.sets().size() == 2);
    CHECK(r.to_string() == ">=1.2.7 <1.3.0||>=2.0.0 <3.0.0-0");
}

TEST_CASE("satisfying, minimum version, intersection and outside", "[range]") {
    const std::vector<std::string_view> list = {"1.2.3", "v1.2.4", "1.3.0-rc.1", "1.2.9", "junk", "2.0.0"};
    const Range r = range("~1.2.0");
    CHECK(max_satisfying(list, r) == std::optional<std::size_t>(3));
    CHECK(min_satisfying(list, r) == std::optional<std::size_t>(0));
    CHECK(!max_satisfying(list, range(">3")).has_value());
    CHECK(!max_satisfying({}, r).has_value());

    CHECK(min_version(range(">=1.2.3 <2"))->to_string() == "1.2.3");
    CHECK(min_version(range(">1.2.3"))->to_string() == "1.2.4");
    CHECK(min_version(range(">1.2.3-rc"))->to_string() == "1.2.3-rc.0");
    CHECK(min_version(range("<1"))->to_string() == "0.0.0");
    CHECK(!min_version(range(">2 <1")).has_value());

    CHECK(intersects(range("^1.2"), range("1.5.x")));
    CHECK(!intersects(range("^1.2"), range(">=2")));
    auto a = Comparator::parse(">=1.3.0");
    auto b = Comparator::parse("<1.3.0");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(!intersects(*a, *b));
    CHECK(a->to_string() == ">=1.3.0");
    CHECK(a->op() == Comparator::Op::ge);
    CHECK(Comparator::parse("")->any());

    CHECK(gtr(ver("2.0.0"), range("^1.2")));
    CHECK(!gtr(ver("1.9.9"), range("^1.2")));
    CHECK(ltr(ver("1.1.0"), range("^1.2")));
    CHECK(outside(ver("0.1.0"), range("^1.2"), Side::below));
    CHECK(!outside(ver("1.5.0"), range("<1 || >2"), Side::above));
}

TEST_CASE("satisfies on text is false for anything invalid", "[range]") {
    CHECK(satisfies("1.2.3", "1.x"));
    CHECK(!satisfies("1.2.3", "not a range"));
    CHECK(!satisfies("not a version", "*"));
    CHECK(satisfies("v1.2.3-foo", "*", {true, true}));
}

TEST_CASE("invalid ranges name the comparator that does not parse", "[range][errors]") {
    const auto error = [](std::string_view text, SemverOptions o = {}) {
        auto r = Range::parse(text, o);
        REQUIRE(!r.ok());
        return r.error();
    };
    CHECK(error("1.x.5").message ==
          "invalid range \"1.x.5\": \"1.x.5\" is not a comparator (an operator <, <=, >, >= or = and a "
          "version) at offset 0");
    CHECK(error(">=1.2.3 <").message ==
          "invalid range \">=1.2.3 <\": \"<\" is not a comparator (an operator <, <=, >, >= or = and a "
          "version) at offset 8");
    CHECK(error(">=1.2.3 <").offset == 8);
    CHECK(error("^9007199254740991.0.0").message ==
          "invalid range \"^9007199254740991.0.0\": invalid version \"9007199254740992.0.0-0\": major version "
          "\"9007199254740992\" is larger than 9007199254740991 at offset 0");
    CHECK(error("nonsense", {true, false}).message ==
          "invalid range \"nonsense\": no valid comparators (loose mode drops the ones it cannot read)");
    CHECK(error(std::string(kMaxRangeLength + 1, ' ')).message ==
          "invalid range: longer than 65536 bytes (65537)");
    CHECK(Comparator::parse("~1.2").error().message ==
          "\"~1.2\" is not a comparator (an operator <, <=, >, >= or = and a version)");
}

TEST_CASE("bad range input never crashes or hangs", "[range][errors]") {
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    CHECK(!Range::parse(all_bytes).ok());
    CHECK(!Range::parse(all_bytes, {true, true}).ok());
    // Long, deeply repetitive inputs stay within the work budget or fail with a clear message.
    const std::string many = [] {
        std::string s;
        for (int i = 0; i < 2000; ++i) s += (i ? " || " : "") + std::string("^1.") + std::to_string(i) + ".x";
        return s;
    }();
    CHECK(Range::parse(many).ok());
    std::string dots = ">=1.2.3-a";
    while (dots.size() < 60000) dots += ".a";
    auto long_version = Range::parse(dots);
    REQUIRE(!long_version.ok());
    CHECK(long_version.error().message.find("longer than 256 characters") != std::string::npos);
    const std::string vees(60000, 'v');
    auto r = Range::parse(vees);
    REQUIRE(!r.ok());
    CHECK((r.error().message.find("too complex") != std::string::npos ||
           r.error().message.find("is not a comparator") != std::string::npos));
    test::for_random_strings(11, 3000, 30, "0123456789.-+xX*^~<>=| v", [](const std::string& s) {
        auto strict = Range::parse(s);
        auto loose = Range::parse(s, {true, false});
        if (strict.ok()) CHECK(Range::parse(strict->to_string()).ok());
        if (loose.ok()) CHECK(!loose->sets().empty());
    });
}

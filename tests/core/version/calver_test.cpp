#include "version/calver.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;
using namespace std::chrono;

namespace {

CalverScheme scheme(std::string_view text) {
    auto s = CalverScheme::parse(text);
    INFO(text);
    REQUIRE(s.ok());
    return *s;
}

std::string scheme_error(std::string_view text) {
    auto s = CalverScheme::parse(text);
    REQUIRE(!s.ok());
    return s.error().message;
}

year_month_day date(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

// The next version as text, or "error: ..." with the message.
std::string next(std::string_view scheme_text, std::string_view current, year_month_day on,
                 std::string_view modifier = {}) {
    const CalverScheme s = scheme(scheme_text);
    CalverNextOptions o;
    if (!current.empty()) {
        auto c = parse_calver(current, s);
        REQUIRE(c.ok());
        o.current = *c;
    }
    o.modifier = modifier;
    auto r = next_calver(s, on, o);
    return r.ok() ? r->to_string() : "error: " + r.error().message;
}

}  // namespace

TEST_CASE("schemes are values with a text form", "[calver]") {
    const CalverScheme s = scheme("YY.0M.MICRO-MODIFIER");
    CHECK(s.to_string() == "YY.0M.MICRO-MODIFIER");
    REQUIRE(s.segments().size() == 4);
    CHECK(s.segments()[1].token == CalverToken::zero_m);
    CHECK(s.segments()[1].separator == '.');
    CHECK(s.segments()[3].separator == '-');
    CHECK(s.has(CalverToken::micro));
    CHECK(!s.has(CalverToken::major));
    CHECK(scheme("YYYY_0W") == scheme("YYYY_0W"));
    CHECK(!(scheme("YYYY.0W") == scheme("YYYY_0W")));
    for (const char* ok : {"YYYY.MM.DD", "YYYY.0M.0D.MICRO", "0Y.WW", "MAJOR.YY.MINOR", "YYYY", "YY.0M_MODIFIER"}) {
        INFO(ok);
        CHECK(scheme(ok).to_string() == ok);
    }
}

TEST_CASE("bad schemes are explained", "[calver][errors]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"", "invalid calver scheme: it is empty"},
        {"YYY.MM",
         "invalid calver scheme \"YYY.MM\": unknown token \"YYY\" (expected YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, "
         "0D, MAJOR, MINOR, MICRO or MODIFIER) at offset 0"},
        {"YYYY0M",
         "invalid calver scheme \"YYYY0M\": unknown token \"YYYY0M\" (expected YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, "
         "0D, MAJOR, MINOR, MICRO or MODIFIER) at offset 0"},
        {"YYYY..MM", "invalid calver scheme \"YYYY..MM\": expected a token at offset 5"},
        {"YYYY.MM.", "invalid calver scheme \"YYYY.MM.\": expected a token after the separator at offset 8"},
        {"YYYY.YY", "invalid calver scheme \"YYYY.YY\": token \"YY\" repeats a unit already in the scheme at offset 5"},
        {"YYYY.MICRO.MICRO", "invalid calver scheme \"YYYY.MICRO.MICRO\": token \"MICRO\" appears twice at offset 11"},
        {"YYYY-MODIFIER.MICRO",
         "invalid calver scheme \"YYYY-MODIFIER.MICRO\": MODIFIER must be the last token at offset 14"},
        {"MAJOR.MINOR", "invalid calver scheme \"MAJOR.MINOR\": it needs a year token (YYYY, YY or 0Y)"},
        {"YYYY.0W.DD", "invalid calver scheme \"YYYY.0W.DD\": week tokens cannot be combined with month or day tokens"},
        {"YYYY.DD", "invalid calver scheme \"YYYY.DD\": a day token needs a month token"},
        {"0M.YYYY", "invalid calver scheme \"0M.YYYY\": date tokens must go from year to day, but YYYY follows 0M"},
        {"YYYY.DD.MM", "invalid calver scheme \"YYYY.DD.MM\": date tokens must go from year to day, but MM follows DD"},
    };
    for (const auto& [input, expected] : rows) CHECK(scheme_error(input) == expected);
    CHECK(scheme_error(std::string("YY\0MM", 5)).find("unknown token") != std::string::npos);
}

TEST_CASE("versions parse against their scheme", "[calver]") {
    const CalverScheme s = scheme("YY.0M.MICRO-MODIFIER");
    auto v = parse_calver("24.06.3-rc1", s);
    REQUIRE(v.ok());
    CHECK(v->values == std::vector<std::uint64_t>{24, 6, 3, 0});
    CHECK(v->modifier == "rc1");
    CHECK(v->to_string() == "24.06.3-rc1");
    auto plain = parse_calver("24.06.3", s);
    REQUIRE(plain.ok());
    CHECK(plain->modifier.empty());
    CHECK(plain->to_string() == "24.06.3");

    const auto error = [&](std::string_view text, std::string_view scheme_text) {
        auto r = parse_calver(text, scheme(scheme_text));
        REQUIRE(!r.ok());
        return r.error().message;
    };
    CHECK(error("24.6.3", "YY.0M.MICRO") ==
          "calver version \"24.6.3\" does not match \"YY.0M.MICRO\": 0M needs at least two digits and no extra "
          "leading zero, found \"6\" at offset 3");
    CHECK(error("24.13.0", "YY.MM.MICRO") ==
          "calver version \"24.13.0\" does not match \"YY.MM.MICRO\": MM must be 1-12, found \"13\" at offset 3");
    CHECK(error("2023.02.29", "YYYY.0M.0D") ==
          "calver version \"2023.02.29\" does not match \"YYYY.0M.0D\": day 29 does not exist in 2023-02 at offset 8");
    CHECK(error("2024.53", "YYYY.WW") ==
          "calver version \"2024.53\" does not match \"YYYY.WW\": week 53 does not exist in 2024 at offset 5");
    CHECK(parse_calver("2020.53", scheme("YYYY.WW")).ok());
    CHECK(error("24.06", "YY.0M.MICRO") ==
          "calver version \"24.06\" does not match \"YY.0M.MICRO\": expected '.' before MICRO at offset 5");
    CHECK(error("24.06.01", "YY.0M.MICRO") ==
          "calver version \"24.06.01\" does not match \"YY.0M.MICRO\": MICRO \"01\" has a leading zero at offset 6");
    CHECK(error("24.06.1x", "YY.0M.MICRO") ==
          "calver version \"24.06.1x\" does not match \"YY.0M.MICRO\": unexpected text \"x\" after the last token "
          "at offset 7");
    CHECK(error("24.06.1-", "YY.0M.MICRO-MODIFIER") ==
          "calver version \"24.06.1-\" does not match \"YY.0M.MICRO-MODIFIER\": MODIFIER must be [0-9A-Za-z-] "
          "identifiers separated by '.' at offset 8");
    CHECK(error("999.01", "YYYY.0M") ==
          "calver version \"999.01\" does not match \"YYYY.0M\": YYYY needs a four-digit year, found \"999\" at offset 0");
    CHECK(error("99999999999999999.01", "YY.0M").find("is too large") != std::string::npos);
}

TEST_CASE("calver versions compare segment by segment, modifiers first", "[calver]") {
    const CalverScheme s = scheme("YY.0M.MICRO-MODIFIER");
    const auto c = [&](std::string_view a, std::string_view b) {
        return compare(*parse_calver(a, s), *parse_calver(b, s));
    };
    CHECK(c("24.06.1", "24.06.2") == -1);
    CHECK(c("24.10.0", "24.09.7") == 1);
    CHECK(c("25.01.0", "24.12.9") == 1);
    CHECK(c("24.06.1-rc1", "24.06.1") == -1);
    CHECK(c("24.06.1-rc.2", "24.06.1-rc.10") == -1);
    CHECK(c("24.06.1-beta", "24.06.1-alpha") == 1);
    CHECK(c("24.06.1", "24.06.1") == 0);
}

TEST_CASE("next version: same period counts up, a new period resets", "[calver]") {
    CHECK(next("YY.0M.MICRO", "", date(2024, 6, 3)) == "24.06.0");
    CHECK(next("YY.0M.MICRO", "24.06.0", date(2024, 6, 20)) == "24.06.1");
    CHECK(next("YY.0M.MICRO", "24.06.7", date(2024, 7, 1)) == "24.07.0");
    CHECK(next("YYYY.0M.0D", "", date(2024, 1, 5)) == "2024.01.05");
    CHECK(next("YYYY.MM.DD", "", date(2024, 1, 5)) == "2024.1.5");
    CHECK(next("0Y.0M", "", date(2006, 3, 9)) == "06.03");
    CHECK(next("YYYY.MINOR.MICRO", "2024.3.4", date(2024, 8, 1)) == "2024.3.5");
    CHECK(next("YYYY.MINOR.MICRO", "2024.3.4", date(2025, 1, 1)) == "2025.3.0");
    CHECK(next("YYYY.MINOR", "2024.3", date(2024, 8, 1)) == "2024.4");
    CHECK(next("MAJOR.YY.0M", "3.24.05", date(2024, 5, 9)) == "4.24.05");
    CHECK(next("MAJOR.YY.0M", "3.24.05", date(2025, 1, 9)) == "3.25.01");  // MAJOR outranks the date
    CHECK(next("YYYY.MINOR.0M.MICRO", "2024.2.05.3", date(2024, 7, 9)) == "2024.2.07.0");
    CHECK(next("YYYY.0M.0D", "2024.01.05", date(2024, 1, 5)) ==
          "error: a version of \"YYYY.0M.0D\" was already released in this period (\"2024.01.05\") and the scheme "
          "has no MAJOR, MINOR or MICRO to increment");
    CHECK(next("YY.0M.MICRO", "24.06.3", date(2024, 5, 31)) ==
          "error: date 2024-05-31 is before the period of the current version \"24.06.3\"");
    CHECK(next("YY.0M", "", date(1999, 12, 31)) == "error: YY counts years from 2000; 1999 is earlier");
}

TEST_CASE("next version: ISO weeks keep versions monotonic at year ends", "[calver]") {
    CHECK(next("YYYY.0W.MICRO", "", date(2024, 12, 30)) == "2025.01.0");  // Monday of ISO week 1 of 2025
    CHECK(next("YYYY.WW.MICRO", "", date(2021, 1, 3)) == "2020.53.0");    // Sunday of week 53 of 2020
    CHECK(next("YY.WW", "", date(2024, 6, 12)) == "24.24");
    // Over a few years of days, each release is newer than the previous one.
    const CalverScheme s = scheme("YYYY.0W.MICRO");
    CalverNextOptions o;
    for (sys_days d = sys_days{date(2019, 12, 1)}; d < sys_days{date(2026, 2, 1)}; d += days{3}) {
        auto v = next_calver(s, year_month_day{d}, o);
        REQUIRE(v.ok());
        if (o.current) CHECK(compare(*v, *o.current) == 1);
        o.current = *v;
    }
}

TEST_CASE("next version: modifiers mark pre-releases of the next counters", "[calver]") {
    CHECK(next("YY.0M.MICRO-MODIFIER", "24.06.1", date(2024, 6, 9), "rc1") == "24.06.2-rc1");
    CHECK(next("YY.0M.MICRO-MODIFIER", "24.06.2-rc1", date(2024, 6, 10), "rc2") == "24.06.2-rc2");
    CHECK(next("YY.0M.MICRO-MODIFIER", "24.06.2-rc2", date(2024, 6, 11)) == "24.06.2");
    CHECK(next("YY.0M.MICRO-MODIFIER", "24.06.2-rc2", date(2024, 7, 1)) == "24.07.0");
    CHECK(next("YY.0M.MICRO-MODIFIER", "24.06.2-rc2", date(2024, 6, 11), "alpha") ==
          "error: next version \"24.06.2-alpha\" would not be newer than \"24.06.2-rc2\"");
    CHECK(next("YY.0M.MICRO", "", date(2024, 6, 11), "rc1") == "error: scheme \"YY.0M.MICRO\" has no MODIFIER for \"rc1\"");
    CHECK(next("YY.0M-MODIFIER", "", date(2024, 6, 11), "r c") ==
          "error: invalid modifier \"r c\": use [0-9A-Za-z-] identifiers separated by '.'");
}

TEST_CASE("dates parse from YYYY-MM-DD", "[calver]") {
    CHECK(*parse_iso_date("2024-02-29") == date(2024, 2, 29));
    CHECK(parse_iso_date("2023-02-29").error().message == "invalid date \"2023-02-29\": no such day in the calendar");
    CHECK(parse_iso_date("2024-2-29").error().message == "invalid date \"2024-2-29\": expected YYYY-MM-DD");
    CHECK(!parse_iso_date("").ok());
    CHECK(!parse_iso_date("2024-13-01").ok());
}

TEST_CASE("calver parsing survives garbage", "[calver][errors]") {
    std::mt19937 rng(5);
    const CalverScheme s = scheme("YYYY.0M.0D.MICRO-MODIFIER");
    for (int i = 0; i < 5000; ++i) {
        std::string text(static_cast<std::size_t>(rng() % 24), '\0');
        for (char& c : text) c = "0123456789.-_YMDWAJORICX\xff"[rng() % 25];
        auto sc = CalverScheme::parse(text);
        if (sc.ok()) CHECK(CalverScheme::parse(sc->to_string()).ok());
        auto v = parse_calver(text, s);
        if (v.ok()) {
            CHECK(v->to_string() == text);
        }
    }
}

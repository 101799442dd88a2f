#include "calendar/business_days.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace relplan;
using namespace std::chrono;
using relplan::test::d;
using relplan::test::period;

namespace {

std::vector<Period> year_end_holidays() {
    return {period("Christmas Day", "2026-12-25", "2026-12-25"),
            period("API freeze week", "2026-12-28", "2026-12-31", {"api"})};
}

}  // namespace

TEST_CASE("dates parse strictly and stay within 1900..9999") {
    CHECK(format_date(d("2026-03-08")) == "2026-03-08");
    CHECK(parse_date("2026-02-30", "--from").error().message == "--from: 2026-02-30 does not exist");
    CHECK(parse_date("2026-13-01").error().message == "date: 2026-13-01 does not exist");
    CHECK(parse_date("1899-12-31", "--today").error().message ==
          "--today: 1899-12-31 is outside the supported range 1900-01-01..9999-12-31");
    CHECK(parse_date("10000-01-01").error().message ==
          "date: '10000-01-01' is not a date in the form YYYY-MM-DD");
    CHECK(parse_date("").error().message == "date: '' is not a date in the form YYYY-MM-DD");
    CHECK(parse_date(std::string(1000, '9')).error().message ==
          "date: '9999999999999999999999999999999999999999...' is not a date in the form YYYY-MM-DD");
    CHECK(parse_date("1900-01-01").ok());
    CHECK(parse_date("9999-12-31").ok());
    CHECK(weekday_name(d("2026-03-07")) == "Saturday");
    CHECK(is_weekend(d("2026-03-07")));
    CHECK(is_weekend(d("2026-03-08")));
    CHECK(!is_weekend(d("2026-03-09")));
}

TEST_CASE("holidays apply to a release when they share a component or name none") {
    BusinessCalendar all(year_end_holidays());
    BusinessCalendar web(year_end_holidays(), {"web"});
    BusinessCalendar api(year_end_holidays(), {"web", "api"});
    CHECK(all.is_holiday(d("2026-12-29")));
    CHECK(!web.is_holiday(d("2026-12-29")));
    CHECK(api.is_holiday(d("2026-12-29")));
    CHECK(web.is_holiday(d("2026-12-25")));
    CHECK(web.holiday_name(d("2026-12-25")) == "Christmas Day");
    CHECK(web.holiday_name(d("2026-12-24")).empty());
    CHECK(!web.is_business_day(d("2026-12-26")));
    // Broken periods are left to plan validation, not applied.
    Period backwards = period("backwards", "2026-05-05", "2026-05-01");
    Period nonexistent = period("bad", "2026-05-05", "2026-05-05");
    nonexistent.end = Date{year{2026}, February, day{30}};
    BusinessCalendar broken({backwards, nonexistent});
    CHECK(!broken.is_holiday(d("2026-05-04")));
    CHECK(!broken.is_holiday(d("2026-05-05")));
}

TEST_CASE("business-day arithmetic skips weekends and holidays") {
    BusinessCalendar web(year_end_holidays(), {"web"});
    BusinessCalendar api(year_end_holidays(), {"api"});
    CHECK(format_date(*web.add_business_days(d("2026-12-23"), 1)) == "2026-12-24");
    CHECK(format_date(*web.add_business_days(d("2026-12-23"), 2)) == "2026-12-28");
    CHECK(format_date(*api.add_business_days(d("2026-12-23"), 2)) == "2027-01-01");
    CHECK(format_date(*api.add_business_days(d("2027-01-01"), -1)) == "2026-12-24");
    CHECK(format_date(*web.add_business_days(d("2026-12-26"), 0)) == "2026-12-26");
    CHECK(format_date(*web.add_business_days(d("2026-12-26"), -1)) == "2026-12-24");
    CHECK(format_date(*web.next_business_day(d("2026-03-07"))) == "2026-03-09");
    CHECK(format_date(*web.previous_business_day(d("2026-03-07"))) == "2026-03-06");
    CHECK(format_date(*web.next_business_day(d("2026-03-09"))) == "2026-03-09");
    CHECK(web.business_days_between(d("2026-03-06"), d("2026-03-13")) == 5);
    CHECK(web.business_days_between(d("2026-03-13"), d("2026-03-06")) == -5);
    CHECK(web.business_days_between(d("2026-12-24"), d("2027-01-04")) == 6);
    CHECK(api.business_days_between(d("2026-12-24"), d("2027-01-04")) == 2);
    // All weekdays of the range (counted independently) less the one holiday that is a Friday.
    CHECK(web.business_days_between(d("1900-01-01"), d("9999-12-31")) == 2113189 - 1);
}

TEST_CASE("business-day arithmetic reports leaving the supported range") {
    BusinessCalendar none;
    CHECK(none.add_business_days(d("9999-12-30"), 2).error().message ==
          "2 business days from 9999-12-30 is outside the supported range 1900-01-01..9999-12-31");
    CHECK(!none.add_business_days(d("1900-01-02"), -5).ok());
    CHECK(!none.add_business_days(d("2026-01-01"), INT64_MAX).ok());
    CHECK(!none.add_business_days(d("2026-01-01"), INT64_MIN).ok());
    CHECK(none.add_business_days(Date{year{2026}, February, day{30}}, 1).error().message ==
          "date: 2026-02-30 does not exist");
    // A holiday covering everything ends the search at the range limit instead of looping.
    BusinessCalendar closed({period("forever", "1900-01-01", "9999-12-31")});
    CHECK(closed.next_business_day(d("2026-03-07")).error().message ==
          "no business day between 2026-03-07 and 9999-12-31");
    CHECK(closed.previous_business_day(d("2026-03-07")).error().message ==
          "no business day between 1900-01-01 and 2026-03-07");
    CHECK(!closed.add_business_days(d("2026-03-07"), 1).ok());
    CHECK(closed.business_days_between(d("1900-01-01"), d("9999-12-31")) == 0);
}

TEST_CASE("property: adding the business days between two dates gets from one to the other") {
    std::mt19937 rng(11);
    for (int round = 0; round < 200; ++round) {
        std::vector<Period> hs;
        const sys_days base = sys_days{d("2026-01-01")} + days{int(rng() % 300)};
        for (int i = 0; i < 5; ++i) {
            Period p;
            p.name = "h";
            p.start = Date{base + days{int(rng() % 60)}};
            p.end = Date{sys_days{p.start} + days{int(rng() % 4)}};
            hs.push_back(p);
        }
        BusinessCalendar cal(hs);
        const Date a{base + days{int(rng() % 30)}};
        auto b = cal.next_business_day(Date{sys_days{a} + days{int(rng() % 60)}});
        REQUIRE(b.ok());
        const std::int64_t n = cal.business_days_between(a, *b);
        auto reached = cal.add_business_days(a, n);
        REQUIRE(reached.ok());
        CHECK(format_date(*reached) == format_date(*b));
        if (cal.is_business_day(a)) {
            auto back = cal.add_business_days(*b, -n);
            REQUIRE(back.ok());
            CHECK(format_date(*back) == format_date(a));
        }
    }
}

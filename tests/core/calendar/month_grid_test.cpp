#include "calendar/month_grid.hpp"
#include "calendar/business_days.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace std::chrono;
using relplan::test::d;

TEST_CASE("ISO week numbers match the calendar at year ends", "[month_grid]") {
    CHECK(iso_week(d(2026, 1, 1)) == 1);    // a Thursday
    CHECK(iso_week(d(2027, 1, 1)) == 53);   // a Friday: still 2026's week 53
    CHECK(iso_week(d(2027, 1, 4)) == 1);
    CHECK(iso_week(d(2024, 12, 30)) == 1);  // Monday of 2025's week 1
    CHECK(iso_week(d(2026, 12, 5)) == 49);
}

TEST_CASE("the month grid starts on the Monday before the first and numbers its weeks", "[month_grid]") {
    MonthGrid g = month_grid(year{2026} / December);
    CHECK(format_date(g.days[0]) == "2026-11-30");
    CHECK(format_date(g.days[41]) == "2027-01-10");
    CHECK(g.weeks[0] == 49);
    CHECK(g.weeks[5] == 1);
    MonthGrid feb = month_grid(year{2027} / February);  // starts on a Monday
    CHECK(format_date(feb.days[0]) == "2027-02-01");
}

TEST_CASE("keyboard moves of the date picker", "[month_grid]") {
    CHECK(format_date(move_day(d(2027, 1, 31), DayMove::next_month)) == "2027-02-28");
    CHECK(format_date(move_day(d(2027, 3, 31), DayMove::prev_month)) == "2027-02-28");
    CHECK(format_date(move_day(d(2026, 12, 31), DayMove::next_day)) == "2027-01-01");
    CHECK(format_date(move_day(d(2026, 12, 5), DayMove::week_start)) == "2026-11-30");  // a Saturday
    CHECK(format_date(move_day(d(2026, 12, 5), DayMove::week_end)) == "2026-12-06");
    CHECK(format_date(move_day(d(2026, 12, 5), DayMove::prev_week)) == "2026-11-28");
}

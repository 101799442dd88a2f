#include "calendar/month_grid.hpp"

namespace relplan {

using namespace std::chrono;

namespace {

Date clamp_day(year_month ym, day d) {
    const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), d > last ? last : d};
}

}  // namespace

MonthGrid month_grid(year_month month) {
    MonthGrid g{month, {}, {}};
    const sys_days first{month.year() / month.month() / day{1}};
    const sys_days monday = first - (weekday{first} - Monday);
    for (int i = 0; i < 42; ++i) g.days[static_cast<std::size_t>(i)] = Date{monday + days{i}};
    for (std::size_t w = 0; w < 6; ++w) g.weeks[w] = iso_week(g.days[w * 7]);
    return g;
}

unsigned iso_week(const Date& date) {
    const sys_days d{date};
    const sys_days thursday = d - (weekday{d} - Monday) + days{3};  // the Thursday of d's week
    const year y = year_month_day{thursday}.year();
    const sys_days jan1{y / January / day{1}};
    return static_cast<unsigned>((thursday - jan1).count() / 7 + 1);
}

Date move_day(const Date& date, DayMove move) {
    const sys_days d{date};
    const year_month ym{date.year(), date.month()};
    switch (move) {
    case DayMove::prev_day: return Date{d - days{1}};
    case DayMove::next_day: return Date{d + days{1}};
    case DayMove::prev_week: return Date{d - days{7}};
    case DayMove::next_week: return Date{d + days{7}};
    case DayMove::prev_month: return clamp_day(ym - months{1}, date.day());
    case DayMove::next_month: return clamp_day(ym + months{1}, date.day());
    case DayMove::week_start: return Date{d - (weekday{d} - Monday)};
    case DayMove::week_end: return Date{d - (weekday{d} - Monday) + days{6}};
    }
    return date;
}

}  // namespace relplan

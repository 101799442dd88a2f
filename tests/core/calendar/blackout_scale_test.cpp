// Blackouts and holidays against many releases: the index answers what a walk over every period
// answers, and a plan of many releases and many blackouts is reported with a bounded list per release.
#include "calendar/conflicts.hpp"
#include "calendar/period_index.hpp"

#include <catch2/catch.hpp>

#include "calendar_test_support.hpp"

#include <random>
#include <string>

using namespace relplan;
using namespace relplan::test;
using namespace std::chrono;

namespace {

const char* const kComponents[] = {"api", "web", "db"};

// Periods of 0..20 days in 2026 with 0..2 components (repeats included), in random order.
std::vector<Period> random_periods(std::mt19937& rng, int n) {
    std::vector<Period> out;
    for (int i = 0; i < n; ++i) {
        Period p;
        p.name = "p" + std::to_string(i);
        const sys_days start = sys_days{d("2026-01-01")} + days{int(rng() % 120)};
        p.start = Date{start};
        p.end = Date{start + days{int(rng() % 21)}};
        if (rng() % 9 == 0) std::swap(p.start, p.end);  // invalid: left out
        for (unsigned k = rng() % 3; k > 0; --k) p.components.push_back(kComponents[rng() % 3]);
        out.push_back(p);
    }
    return out;
}

// What a walk over every period answers: positions in (start, position) order.
std::vector<std::size_t> reference(const std::vector<Period>& periods, const std::vector<std::string>& components,
                                   const Date& first, const Date& last) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const Period& p = periods[i];
        if (p.end < p.start || !applies_to(p.components, components)) continue;
        if (p.start <= last && p.end >= first) out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return periods[a].start < periods[b].start; });
    return out;
}

}  // namespace

TEST_CASE("period index: counts and finds what a walk over every period finds") {
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) {
        const std::vector<Period> periods = random_periods(rng, 1 + round);
        const PeriodIndex index(periods);
        for (int q = 0; q < 60; ++q) {
            std::vector<std::string> components;
            for (unsigned k = rng() % 3; k > 0; --k) components.push_back(kComponents[rng() % 3]);
            const sys_days first = sys_days{d("2025-12-20")} + days{int(rng() % 160)};
            const Date a{first}, b{first + days{int(rng() % 5)}};
            const auto expected = reference(periods, components, a, b);
            REQUIRE(index.count(components, a, b) == expected.size());
            for (std::size_t limit : {std::size_t{1}, std::size_t{3}, std::size_t{1000}}) {
                const auto found = index.find(components, a, b, limit);
                const std::vector<std::size_t> head(expected.begin(), expected.begin() + std::min(limit, expected.size()));
                REQUIRE(found == head);
            }
            // The holiday a BusinessCalendar names for a day is the first one found.
            const BusinessCalendar cal(periods, components);
            const auto on_day = reference(periods, components, a, a);
            REQUIRE(cal.holiday_name(a) == (on_day.empty() ? std::string_view() : std::string_view(periods[on_day[0]].name)));
        }
    }
}

TEST_CASE("a few blackouts on one release are reported one by one, in plan order") {
    Plan p;
    Release r = release("r", "api", "1.0.0", ReleaseType::minor, "2026-03-10");
    p.releases = {r};
    p.blackouts = {period("B", "2026-03-09", "2026-03-11", {"api"}), period("Other", "2026-03-10", "2026-03-10", {"web"}),
                   period("A", "2026-03-01", "2026-03-31")};
    const auto fs = find_conflicts(p);
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].message == "release r: the release date 2026-03-10 falls in blackout 'B' (2026-03-09..2026-03-11)");
    CHECK(fs[1].message == "release r: the release date 2026-03-10 falls in blackout 'A' (2026-03-01..2026-03-31)");
}

TEST_CASE("10,000 releases in 10,000 overlapping blackouts: one finding per release with a bounded list") {
    Plan p;
    for (int i = 0; i < 10000; ++i) {
        const sys_days day = sys_days{d("2027-01-04")} + days{i % 5};
        p.blackouts.push_back(period(("freeze " + std::to_string(i)).c_str(), "2027-01-01", "2027-01-31",
                                     i % 2 ? std::vector<std::string>{"api"} : std::vector<std::string>{}));
        Release r = release(("rel-" + std::to_string(i)).c_str(), "api", "1.0.0", ReleaseType::minor, "");
        r.release_date = Date{day};
        p.holidays.push_back(period(("holiday " + std::to_string(i)).c_str(), "2026-12-01", "2027-02-01", {"web"}));
        p.releases.push_back(r);
    }
    p.holidays.push_back(period("Epiphany", "2027-01-06", "2027-01-06", {"api"}));
    const auto fs = find_conflicts(p);
    std::size_t blackout = 0, holiday = 0;
    for (const Finding& f : fs) {
        blackout += f.code == "blackout";
        holiday += f.code == "holiday";
        REQUIRE(f.message.size() < 600);
    }
    CHECK(blackout == 10000);
    CHECK(holiday == 2000);  // the releases on 2027-01-06; the "web" holidays do not apply
    CHECK(fs.front().message ==
          "release rel-0: the release date 2027-01-04 falls in 10,000 blackouts: 'freeze 0' (2027-01-01..2027-01-31), "
          "'freeze 1' (2027-01-01..2027-01-31), 'freeze 2' (2027-01-01..2027-01-31), 'freeze 3' "
          "(2027-01-01..2027-01-31), 'freeze 4' (2027-01-01..2027-01-31) and 9,995 more");
}

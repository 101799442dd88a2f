#include "calendar/cadence.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;
using namespace std::chrono;
using namespace relplan::test;

namespace {

std::string series(const char* spec, const char* from, std::int64_t count,
                   const BusinessCalendar& cal = {}, std::optional<Date> until = std::nullopt) {
    auto c = parse_cadence(spec);
    if (!c) return "parse error: " + c.error().message;
    auto r = cadence_dates(*c, d(from), count, cal, until);
    if (!r) return "error: " + r.error().message;
    std::string out;
    for (const Date& x : *r) out += (out.empty() ? "" : " ") + format_date(x);
    return out;
}

Plan plan_with_api() {
    Plan p;
    p.components = {component("api"), component("web")};
    p.releases.push_back(release("api-1.4.0", "api", "1.4.0", ReleaseType::minor, "2026-01-15"));
    p.releases.push_back(release("web-3.0.0", "web", "3.0.0", ReleaseType::minor, ""));
    return p;
}

// A series as `series` writes it, for `count` dates of `spec` from `from`.
struct SeriesRow {
    const char* spec;
    const char* from;
    std::int64_t count;
    const char* dates;
};

}  // namespace

TEST_CASE("cadence forms give the dates of their series") {
    const std::vector<SeriesRow> rows = {
        // The common release cadences.
        {"monthly:2nd-tue", "2026-01-01", 4, "2026-01-13 2026-02-10 2026-03-10 2026-04-14"},
        {"weekly:wed", "2026-03-05", 3, "2026-03-11 2026-03-18 2026-03-25"},
        {"every:3w", "2026-03-05", 3, "2026-03-05 2026-03-26 2026-04-16"},
        {"quarterly", "2026-01-31", 4, "2026-01-31 2026-04-30 2026-07-31 2026-10-31"},
        {"monthly:last-business-day", "2026-01-01", 3, "2026-01-30 2026-02-27 2026-03-31"},
        // More forms.
        {"weekly", "2026-03-05", 2, "2026-03-05 2026-03-12"},
        {"biweekly:mon", "2026-03-05", 2, "2026-03-09 2026-03-23"},
        {"every:10d", "2026-12-25", 2, "2026-12-25 2027-01-04"},
        {"every:1m", "2026-01-31", 3, "2026-01-31 2026-02-28 2026-03-31"},
        {"every:2m:last-fri", "2026-01-01", 3, "2026-01-30 2026-03-27 2026-05-29"},
        {"monthly:5th-thu", "2026-01-01", 3, "2026-01-29 2026-04-30 2026-07-30"},
        {"monthly:31", "2026-02-01", 2, "2026-02-28 2026-03-31"},
        {"monthly:15", "2026-01-20", 2, "2026-02-15 2026-03-15"},
        {"monthly:last-day", "2024-02-01", 1, "2024-02-29"},
        {"quarterly:first-business-day", "2026-01-01", 3, "2026-01-01 2026-04-01 2026-07-01"},
        {"  Monthly:2ND-Tuesday ", "2026-01-01", 1, "2026-01-13"},
    };
    for (const SeriesRow& row : rows) CHECK(series(row.spec, row.from, row.count) == row.dates);
}

TEST_CASE("business-day cadences skip the plan's holidays") {
    const Period p = period("Quarter close", "2026-03-30", "2026-03-31");
    BusinessCalendar cal({p});
    CHECK(series("monthly:last-business-day", "2026-03-01", 1, cal) == "2026-03-27");
    const Period all = period("closed", "2026-01-01", "2026-12-31");
    CHECK(series("monthly:first-business-day", "2026-01-01", 1, BusinessCalendar({all})) == "2027-01-01");
}

TEST_CASE("cadences that produce nothing or run out say so") {
    CHECK(series("monthly:5th-fri", "2026-02-01", 3, {}, d("2026-04-30")) ==
          "error: cadence 'monthly:5th-fri' produces no dates between 2026-02-01 and 2026-04-30");
    CHECK(series("monthly:5th-fri", "2026-02-01", 3, {}, d("2026-05-31")) == "2026-05-29");
    CHECK(series("monthly", "9999-10-01", 5) ==
          "error: cadence 'monthly' produces only 3 of 5 dates before 9999-12-31");
    CHECK(series("every:1000w", "9990-01-01", 2) ==
          "error: cadence 'every:1000w' produces only 1 of 2 dates before 9999-12-31");
    const Period all = period("forever", "1900-01-01", "9999-12-31");
    CHECK(series("monthly:last-business-day", "2026-01-01", 1, BusinessCalendar({all})) ==
          "error: cadence 'monthly:last-business-day' produces no dates between 2026-01-01 and 9999-12-31");
    CHECK(series("weekly", "2026-01-01", 0) == "error: count must be between 1 and 1000 (got 0)");
    CHECK(series("weekly", "2026-01-01", 1001) == "error: count must be between 1 and 1000 (got 1001)");
    CHECK(series("weekly", "2026-01-10", 2, {}, d("2026-01-01")) ==
          "error: the series ends (2026-01-01) before it starts (2026-01-10)");
    auto c = parse_cadence("weekly");
    CHECK(cadence_dates(*c, Date{year{2026}, February, day{30}}, 1).error().message ==
          "start date: 2026-02-30 does not exist");
}

TEST_CASE("malformed cadence specs are clear errors") {
    auto msg = [](std::string_view spec) {
        auto r = parse_cadence(spec);
        return r ? std::string("ok") : r.error().message;
    };
    const std::vector<std::pair<std::string, std::string>> messages = {
        {"",
         "empty cadence (expected e.g. monthly:2nd-tue; see relplan schedule --help)"},
        {"   ",
         "empty cadence (expected e.g. monthly:2nd-tue; see relplan schedule --help)"},
        {"fortnightly",
         "cadence 'fortnightly': expected weekly, biweekly, every:N(d|w|m), monthly or quarterly"},
        {"weekly:funday",
         "cadence 'weekly:funday': 'funday' is not a weekday (mon, tue, wed, thu, fri, sat, sun)"},
        {"monthly:6th-mon",
         "cadence 'monthly:6th-mon': '6th-mon' is not a day (1..31, 2nd-tue, last-fri, last-day, "
         "first-business-day or last-business-day)"},
        {"every",
         "cadence 'every': expected every:N followed by d, w or m (e.g. every:3w)"},
        {"every:0w",
         "cadence 'every:0w': '0w' is not a count from 1 to 1000 followed by d, w or m"},
        {"every:3d:mon",
         "cadence 'every:3d:mon': every:Nd takes no further argument"},
        {std::string(65, 'x'),
         "cadence 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is too long (65 "
         "characters; at most 64)"},
        {std::string("weekly:\x1b[2J", 11),
         "cadence 'weekly:?[2J': '?[2j' is not a weekday (mon, tue, wed, thu, fri, sat, sun)"},
    };
    for (const auto& [spec, message] : messages) CHECK(msg(spec) == message);
    const char* rejected[] = {"monthly:32", "monthly:0", "monthly:", "every:1001d", "every:3y", "every:w"};
    for (const char* spec : rejected) CHECK(msg(spec) != "ok");
}

TEST_CASE("cadences print canonically and re-parse to the same value") {
    const char* specs[] = {"weekly",          "weekly:wed",       "biweekly",           "biweekly:fri",
                           "every:3w",        "every:3w:mon",     "every:10d",          "every:2m",
                           "every:5m:last-day", "monthly",        "monthly:2nd-tue",    "monthly:last-sun",
                           "monthly:15",      "quarterly",        "quarterly:last-business-day",
                           "MONTHLY:First-Business-Day"};
    for (const char* s : specs) {
        auto c = parse_cadence(s);
        REQUIRE(c.ok());
        auto again = parse_cadence(to_string(*c));
        REQUIRE(again.ok());
        CHECK(*again == *c);
    }
    CHECK(to_string(*parse_cadence("biweekly:fri")) == "every:2w:fri");
    CHECK(to_string(*parse_cadence("every:1m")) == "monthly");
    CHECK(to_string(*parse_cadence("every:3m:2nd-tue")) == "quarterly:2nd-tue");
}

TEST_CASE("property: series are increasing, on or after --from, and follow the rule") {
    std::mt19937 rng(17);
    const char* specs[] = {"weekly:tue", "every:2w", "monthly:2nd-tue", "monthly:last-fri", "quarterly",
                           "monthly:last-business-day", "every:9d", "monthly:29"};
    for (int i = 0; i < 300; ++i) {
        const char* spec = specs[rng() % 8];
        const Date from{sys_days{d("2000-01-01")} + days{int(rng() % 20000)}};
        auto c = parse_cadence(spec);
        auto r = cadence_dates(*c, from, 1 + rng() % 30);
        REQUIRE(r.ok());
        for (std::size_t k = 0; k < r->size(); ++k) {
            CHECK((*r)[k] >= from);
            if (k > 0) CHECK((*r)[k - 1] < (*r)[k]);
            if (std::string_view(spec) == "weekly:tue") CHECK(weekday_name((*r)[k]) == "Tuesday");
            if (std::string_view(spec) == "monthly:last-business-day") CHECK(!is_weekend((*r)[k]));
        }
    }
}

TEST_CASE("a SemVer train continues after the component's highest version") {
    const Plan plan = plan_with_api();
    TrainOptions o;
    o.components = {"api"};
    auto dates = cadence_dates(*parse_cadence("monthly:2nd-tue"), d("2026-02-01"), 3);
    REQUIRE(dates.ok());
    auto train = plan_train(plan, *dates, o);
    REQUIRE(train.ok());
    REQUIRE(train->size() == 3);
    CHECK((*train)[0].id == "api-1.5.0");
    CHECK((*train)[0].version == "1.5.0");
    CHECK((*train)[1].version == "1.6.0");
    CHECK((*train)[2].version == "1.7.0");
    CHECK(format_date(*(*train)[0].release_date) == "2026-02-10");
    CHECK(format_date(*(*train)[0].code_freeze) == "2026-02-06");  // minor: T-3 (a Saturday) -> Friday
    CHECK(format_date(*(*train)[0].feature_freeze) == "2026-02-03");
    CHECK((*train)[0].status == ReleaseStatus::planning);
    CHECK((*train)[0].components == std::vector<std::string>{"api"});

    // Without components every release counts, so 3.0.0 (web) is the highest.
    auto all = plan_train(plan, *dates, TrainOptions{});
    REQUIRE(all.ok());
    CHECK((*all)[0].version == "3.1.0");
    CHECK((*all)[0].id == "release-3.1.0");

    TrainOptions first = o;
    first.first_version = "1.4.0";  // collides with the existing id api-1.4.0
    auto f = plan_train(plan, *dates, first);
    REQUIRE(f.ok());
    CHECK((*f)[0].id == "api-1.4.0-2");
    CHECK((*f)[1].version == "1.5.0");
    first.first_version = "v1";
    CHECK(plan_train(plan, *dates, first).error().message ==
          "first version 'v1' is not a SemVer version such as 1.4.0");
    TrainOptions unknown;
    unknown.components = {"mobile"};
    CHECK(plan_train(plan, *dates, unknown).error().message == "unknown component 'mobile'");
    Plan empty;
    auto fresh = plan_train(empty, *dates, TrainOptions{});
    REQUIRE(fresh.ok());
    CHECK((*fresh)[0].version == "0.1.0");
    CHECK((*fresh)[1].version == "0.2.0");
}

TEST_CASE("a CalVer train takes each version from its date") {
    Plan plan = plan_with_api();
    TrainOptions o;
    o.components = {"api"};
    o.calver_scheme = "YYYY.0M.MICRO";
    auto dates = cadence_dates(*parse_cadence("every:2w"), d("2026-01-05"), 4);
    REQUIRE(dates.ok());
    auto train = plan_train(plan, *dates, o);
    REQUIRE(train.ok());
    std::string versions;
    for (const Release& r : *train) versions += r.version + " ";
    CHECK(versions == "2026.01.0 2026.01.1 2026.02.0 2026.02.1 ");
    CHECK(*(*train)[0].calver_scheme == "YYYY.0M.MICRO");
    // Continues after the highest version already planned in the scheme.
    plan.releases.push_back((*train)[3]);
    auto more = plan_train(plan, {d("2026-02-23")}, o);
    REQUIRE(more.ok());
    CHECK((*more)[0].version == "2026.02.2");
    o.calver_scheme = "YYYY.QQ";
    CHECK(!plan_train(plan, *dates, o).ok());
}

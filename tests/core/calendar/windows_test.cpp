#include "calendar/windows.hpp"

#include "calendar/business_days.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "calendar_test_support.hpp"

#include <vector>

using namespace relplan;
using namespace relplan::test;
using namespace std::chrono;

namespace {

Plan sample() {
    Plan p;
    p.components.push_back(component("api"));
    p.releases.push_back(release("big", "api", "2.0.0", ReleaseType::major, "2026-03-17"));
    Release other = release("other", "api", "1.9.1", ReleaseType::patch, "2026-03-17");
    ChangeWindow w;
    w.start = utc("2026-03-16", 23);  // 00:00-03:00 in Berlin (UTC+1)
    w.end = utc("2026-03-17", 2);
    w.zone = "Europe/Berlin";
    other.change_window = w;
    p.releases.push_back(other);
    return p;
}

WindowRequest request() {
    WindowRequest r;
    r.from = d("2026-03-14");
    r.until = d("2026-03-18");
    r.zone = "Europe/Berlin";
    r.today = d("2026-02-01");
    r.count = 3;
    return r;
}

}  // namespace

std::string factor(const WindowCandidate& c, std::string_view name) {
    for (const ScoreFactor& f : c.factors)
        if (f.name == name) return std::to_string(f.points) + " " + f.explanation;
    return "missing";
}

TEST_CASE("window finder explains its best candidates, one per day first") {
    auto s = find_windows(sample(), "big", request(), zones());
    REQUIRE(s.ok());
    CHECK(format_window_search(*s) ==
          "1. 2026-03-18T00:00:00+01:00 .. 2026-03-18T02:00:00+01:00 Europe/Berlin  score 97\n"
          "      0  weekday         Wednesday 2026-03-18, a business day\n"
          "      0  holiday         2026-03-18 is not a holiday\n"
          "      0  business-hours  entirely outside business hours (09:00-17:00 Europe/Berlin)\n"
          "      0  notice-period   28 days' notice met: 45 days after today (2026-02-01)\n"
          "      0  code-freeze     8 days after the code freeze (2026-03-10)\n"
          "     -3  release-date    1 day after the planned release date (2026-03-17)\n"
          "      0  other-releases  no other release on a shared component deploys on 2026-03-18\n"
          "      0  duration        2 h (allowed 2 h to 8 h)\n"
          "2. 2026-03-16T00:00:00+01:00 .. 2026-03-16T02:00:00+01:00 Europe/Berlin  score 94\n"
          "      0  weekday         Monday 2026-03-16, a business day\n"
          "      0  holiday         2026-03-16 is not a holiday\n"
          "      0  business-hours  entirely outside business hours (09:00-17:00 Europe/Berlin)\n"
          "      0  notice-period   28 days' notice met: 43 days after today (2026-02-01)\n"
          "     -3  code-freeze     6 days after the code freeze (2026-03-10); 7 days of stabilization "
          "recommended\n"
          "     -3  release-date    1 day before the planned release date (2026-03-17)\n"
          "      0  other-releases  no other release on a shared component deploys on 2026-03-16\n"
          "      0  duration        2 h (allowed 2 h to 8 h)\n"
          "3. 2026-03-17T03:00:00+01:00 .. 2026-03-17T05:00:00+01:00 Europe/Berlin  score 90\n"
          "      0  weekday         Tuesday 2026-03-17, a business day\n"
          "      0  holiday         2026-03-17 is not a holiday\n"
          "      0  business-hours  entirely outside business hours (09:00-17:00 Europe/Berlin)\n"
          "      0  notice-period   28 days' notice met: 44 days after today (2026-02-01)\n"
          "      0  code-freeze     7 days after the code freeze (2026-03-10)\n"
          "      0  release-date    on the planned release date (2026-03-17)\n"
          "    -10  other-releases  also deploying on 2026-03-17: other (component api)\n"
          "      0  duration        2 h (allowed 2 h to 8 h)\n"
          "120 candidate starts considered\n"
          "excluded: 4 candidates overlap the change window of release other (component api)\n");
    for (const WindowCandidate& c : s->candidates) {
        std::int32_t sum = 100;
        for (const ScoreFactor& f : c.factors) sum += f.points;
        CHECK(c.score == sum);
        CHECK(c.window.zone == "Europe/Berlin");
        CHECK(c.window.start_offset_minutes == 60);
        CHECK(c.window.end - c.window.start == hours{2});
    }
}

TEST_CASE("penalties: weekend, holiday, business hours, notice, code freeze") {
    Plan p = sample();
    p.holidays.push_back(Period{"Founders' Day", d("2026-03-16"), d("2026-03-16"), {}, {}});
    WindowRequest r = request();
    r.step = hours{24};  // one candidate per day, at local midnight
    r.count = 5;
    r.business_start_hour = 0;
    r.business_end_hour = 1;
    r.today = d("2026-03-01");
    auto s = find_windows(p, "big", r, zones());
    REQUIRE(s.ok());
    REQUIRE(s->candidates.size() == 4);  // 03-17 00:00 overlaps release other
    const WindowCandidate* sat = nullptr;
    const WindowCandidate* mon = nullptr;
    for (const auto& c : s->candidates) {
        if (factor(c, "weekday").find("2026-03-14") != std::string::npos) sat = &c;
        if (factor(c, "weekday").find("2026-03-16") != std::string::npos) mon = &c;
    }
    REQUIRE(sat);
    REQUIRE(mon);
    CHECK(factor(*sat, "weekday") == "-30 Saturday 2026-03-14; weekends are avoided");
    // Business hours are Monday-Friday only.
    CHECK(factor(*sat, "business-hours") == "0 entirely outside business hours (00:00-01:00 Europe/Berlin)");
    CHECK(factor(*sat, "notice-period") ==
          "-40 13 days after today (2026-03-01); major releases need 28 days' notice");
    // A window already in the past is counted back from today, not as a negative distance.
    WindowRequest late = r;
    late.today = d("2026-03-17");
    auto past = find_windows(p, "big", late, zones());
    REQUIRE(past.ok());
    const auto saturday = std::find_if(past->candidates.begin(), past->candidates.end(), [](const WindowCandidate& c) {
        return factor(c, "weekday").find("2026-03-14") != std::string::npos;
    });
    REQUIRE(saturday != past->candidates.end());
    CHECK(factor(*saturday, "notice-period") ==
          "-40 3 days before today (2026-03-17); major releases need 28 days' notice");
    CHECK(factor(*sat, "code-freeze") ==
          "-9 4 days after the code freeze (2026-03-10); 7 days of stabilization recommended");
    CHECK(factor(*mon, "holiday") == "-25 2026-03-16 is the holiday 'Founders' Day'");
    CHECK(factor(*mon, "business-hours") ==
          "-15 1 h of the window falls in business hours (00:00-01:00 Europe/Berlin); major releases "
          "deploy outside them");
    WindowRequest early = r;
    early.from = early.until = d("2026-03-09");
    auto e = find_windows(p, "big", early, zones());
    REQUIRE(e.ok());
    REQUIRE(e->candidates.size() == 1);
    CHECK(factor(e->candidates[0], "code-freeze") == "-40 1 day before the code freeze (2026-03-10)");
    CHECK(factor(e->candidates[0], "release-date") == "-24 8 days before the planned release date (2026-03-17)");
    r.avoid_weekends = false;
    r.outside_business_hours = false;
    auto relaxed = find_windows(p, "big", r, zones());
    REQUIRE(relaxed.ok());
    for (const auto& c : relaxed->candidates) {
        CHECK(factor(c, "weekday").rfind("0 ", 0) == 0);
        CHECK(factor(c, "business-hours") == "0 business hours (00:00-01:00 Europe/Berlin) are allowed for major releases");
    }
}

TEST_CASE("blackouts exclude candidates and DST gaps are skipped") {
    Plan p = sample();
    p.blackouts.push_back(Period{"Quarter close", d("2026-03-27"), d("2026-03-28"), {"api"}, {}});
    WindowRequest r = request();
    r.from = d("2026-03-27");
    r.until = d("2026-03-29");
    auto s = find_windows(p, "big", r, zones());
    REQUIRE(s.ok());
    CHECK(s->considered == 72);
    // Every start on 03-27 and 03-28 touches the blackout; on 03-29, 02:00 does not exist in Berlin.
    CHECK(s->excluded == std::vector<std::string>{
                             "48 candidates overlap blackout 'Quarter close' (2026-03-27..2026-03-28)",
                             "1 candidate start skipped: the local time does not exist (DST gap in Europe/Berlin)"});
    REQUIRE(!s->candidates.empty());
    for (const auto& c : s->candidates) CHECK(c.window.start >= utc("2026-03-28", 23));
    // Everything excluded: an empty result, said plainly.
    p.blackouts.push_back(Period{"Sunday", d("2026-03-29"), d("2026-03-29"), {}, {}});
    auto none = find_windows(p, "big", r, zones());
    REQUIRE(none.ok());
    CHECK(none->candidates.empty());
    CHECK(format_window_search(*none).rfind("no window fits the constraints\n72 candidate starts considered\n", 0) == 0);
}

TEST_CASE("window search input errors") {
    const Plan p = sample();
    auto err = [&](const WindowRequest& r, std::string_view id = "big") {
        auto s = find_windows(p, id, r, zones());
        return s ? std::string("ok") : s.error().message;
    };
    CHECK(err(request(), "nope") == "no release with id 'nope'");
    // Each row changes one thing in an otherwise valid request.
    struct Row {
        void (*change)(WindowRequest&);
        const char* error;
    };
    const std::vector<Row> rows = {
        {[](WindowRequest& r) { r.zone = "Europe/Berlinn"; },
         "unknown time zone 'Europe/Berlinn' (expected an IANA name such as 'Europe/Berlin' or 'UTC')"},
        {[](WindowRequest& r) { r.until = d("2026-03-01"); },
         "the search range ends (2026-03-01) before it starts (2026-03-14)"},
        {[](WindowRequest& r) { r.until = d("2027-03-14"); }, "ok"},  // 366 days, the most allowed
        {[](WindowRequest& r) { r.until = d("2027-03-15"); },
         "the search range 2026-03-14..2027-03-15 is longer than 366 days"},
        {[](WindowRequest& r) { r.min_duration = hours{9}; }, "the minimum duration 9 h exceeds the maximum 8 h"},
        {[](WindowRequest& r) { r.duration = minutes{30}; }, "the duration 30 min is outside the allowed 2 h to 8 h"},
        {[](WindowRequest& r) { r.max_duration = hours{25}; }, "the maximum duration 25 h is longer than 24 h"},
        {[](WindowRequest& r) { r.step = minutes{7}; }, "the step 7 min must divide 24 h and be at least 15 min"},
        {[](WindowRequest& r) { r.count = 0; }, "count must be between 1 and 50 (got 0)"},
        {[](WindowRequest& r) {
             r.business_start_hour = 17;
             r.business_end_hour = 9;
         },
         "business hours 17..9 are not a range within a day"},
        {[](WindowRequest& r) { r.from = Date{year{2026}, February, day{30}}; },
         "search start: 2026-02-30 does not exist"},
        {[](WindowRequest& r) {
             r.from = d("9999-12-30");
             r.until = d("9999-12-31");
         },
         "the search range must end before 9999-12-30"},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        WindowRequest r = request();
        rows[i].change(r);
        CHECK(err(r) == rows[i].error);
    }
}

TEST_CASE("window search as JSON") {
    WindowRequest r = request();
    r.count = 1;
    auto s = find_windows(sample(), "big", r, zones());
    REQUIRE(s.ok());
    const std::string json = window_search_to_json(*s);
    CHECK(json.rfind("{\n  \"candidates\": [\n    {\n      \"start\": \"2026-03-18T00:00:00+01:00\",\n"
                     "      \"end\": \"2026-03-18T02:00:00+01:00\",\n      \"zone\": \"Europe/Berlin\",\n"
                     "      \"score\": 97,\n      \"factors\": [\n        {\n          \"name\": \"weekday\",\n"
                     "          \"points\": 0,\n",
                     0) == 0);
    CHECK(json.find("\"considered\": 120") != std::string::npos);
    CHECK(json.back() == '\n');
}

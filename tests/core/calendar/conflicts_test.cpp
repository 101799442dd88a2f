#include "calendar/conflicts.hpp"

#include "calendar/business_days.hpp"

#include <catch2/catch.hpp>

#include "calendar_test_support.hpp"

#include <algorithm>

using namespace relplan;
using namespace relplan::test;
using namespace std::chrono;

namespace {

ChangeWindow window(sys_seconds start, sys_seconds end, const char* zone = "") {
    ChangeWindow w;
    w.start = start;
    w.end = end;
    w.zone = zone;
    return w;
}

Plan sample() {
    Plan p;
    p.holidays = {period("Christmas Day", "2026-12-25", "2026-12-25")};
    p.blackouts = {period("Year-end freeze", "2026-12-20", "2027-01-03"),
                   period("API migration", "2026-06-01", "2026-06-05", {"api"})};
    Release r1 = release("r1", "api", "1.0.0", ReleaseType::major, "2026-03-10");
    r1.environment = "production";
    r1.change_window = window(utc("2026-03-10", 22), utc("2026-03-11", 1));
    Communication c;
    c.subject = "Announcing 1.0";
    c.planned_on = d("2026-02-24");
    r1.communications.push_back(c);
    p.releases.push_back(r1);
    Release r2 = release("r2", "web", "2.0.0", ReleaseType::minor, "2026-03-10");
    r2.environment = "production";
    r2.change_window = window(utc("2026-03-10", 23), utc("2026-03-11", 2));
    p.releases.push_back(r2);
    p.releases.push_back(release("r3", "api", "0.9.0", ReleaseType::minor, "2026-04-14"));
    p.releases.push_back(release("r4", "api", "1.1.0", ReleaseType::patch, "2026-12-22"));
    p.releases.push_back(release("r5", "web", "2.1.0", ReleaseType::minor, "2026-03-14"));
    p.releases.push_back(release("r6", "web", "2.2.0", ReleaseType::minor, "2026-12-25"));
    p.releases.push_back(release("r7", "api", "1.2.0", ReleaseType::hotfix, "2026-06-03"));
    Release r8 = release("r8", "api", "1.3.0", ReleaseType::minor, "2026-07-28");
    r8.feature_freeze = d("2026-07-20");
    r8.code_freeze = d("2026-07-15");
    Change late;
    late.id = "c1";
    late.added_on = d("2026-07-25");
    Change approved = late;
    approved.id = "c2";
    approved.freeze_exception = FreezeException{"cto", d("2026-07-25"), "customer escalation", {}};
    r8.changes = {late, approved};
    p.releases.push_back(r8);
    Release r9 = release("r9", "api", "0.1.0", ReleaseType::major, "2026-03-10");
    r9.status = ReleaseStatus::cancelled;
    r9.change_window = r1.change_window;
    p.releases.push_back(r9);
    Release r10 = release("r10", "web", "0.0.1", ReleaseType::patch, "2026-01-01");
    r10.release_date = Date{year{1850}, January, day{1}};
    p.releases.push_back(r10);
    Release r11 = release("r11", "", "", ReleaseType::minor, "2026-09-15");
    r11.change_window = window(utc("2026-09-15", 10), utc("2026-09-15", 9), "Mars/Base");
    p.releases.push_back(r11);
    return p;
}

std::string lines(const std::vector<Finding>& fs) {
    std::string out;
    for (const Finding& f : fs) {
        out += std::string(to_string(f.severity)) + " " + f.code + " [";
        for (std::size_t i = 0; i < f.releases.size(); ++i) out += (i ? "," : "") + f.releases[i];
        out += "] " + f.message + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("every conflict code with its message") {
    ConflictOptions o;
    o.today = d("2026-03-01");
    o.zones = &zones();
    const auto fs = find_conflicts(sample(), o);
    CHECK(lines(fs) ==
          "error window-invalid [r11] the change window of release r11 ends (2026-09-15T09:00:00Z) before "
          "it starts (2026-09-15T10:00:00Z)\n"
          "error window-overlap [r1,r2] the change windows of releases r1 "
          "(2026-03-10T22:00:00Z..2026-03-11T01:00:00Z) and r2 (2026-03-10T23:00:00Z..2026-03-11T02:00:00Z) "
          "overlap by 2 h (both deploy to production)\n"
          "error blackout [r4] release r4: the release date 2026-12-22 falls in blackout 'Year-end freeze' "
          "(2026-12-20..2027-01-03)\n"
          "error blackout [r6] release r6: the release date 2026-12-25 falls in blackout 'Year-end freeze' "
          "(2026-12-20..2027-01-03)\n"
          "warning blackout [r7] release r7: the release date 2026-06-03 falls in blackout 'API migration' "
          "(2026-06-01..2026-06-05); a hotfix release may need an emergency exception\n"
          "warning weekend [r5] release r5 is planned on 2026-03-14, a Saturday\n"
          "warning holiday [r6] release r6 is planned on 2026-12-25, the holiday 'Christmas Day'\n"
          "error notice-period [r1] release r1 (major) on 2026-03-10 needs 28 days' notice, but the first "
          "announcement is on 2026-02-24, 14 days before\n"
          "error notice-period [r2] release r2 (minor) on 2026-03-10 needs 14 days' notice; no announcement "
          "is planned and only 9 days remain from today (2026-03-01)\n"
          "error notice-period [r5] release r5 (minor) on 2026-03-14 needs 14 days' notice; no announcement "
          "is planned and only 13 days remain from today (2026-03-01)\n"
          "error milestone-order [r8] release r8: the feature freeze (2026-07-20) comes after the code "
          "freeze (2026-07-15)\n"
          "error version-order [r1,r3] release r3 (0.9.0 on 2026-04-14) is not newer than r1 (1.0.0 on "
          "2026-03-10) on component api; a release opening line 0.9.x must be newer than every version "
          "released before it\n"
          "error version-order [r4,r8] release r4 (1.1.0 on 2026-12-22) is not newer than r8 (1.3.0 on "
          "2026-07-28) on component api; versions must increase with release dates on line 1.x\n"
          "error freeze-exception [r8] change c1 of release r8 was added on 2026-07-25, after the code "
          "freeze (2026-07-15), without an approved freeze exception\n"
          "warning unknown-zone [r11] the change window of release r11: unknown time zone 'Mars/Base' "
          "(expected an IANA name such as 'Europe/Berlin' or 'UTC'); its dates are taken in UTC\n"
          "error date-range [r10] release r10 has release date 1850-01-01, outside the supported range "
          "1900-01-01..9999-12-31; it is not checked further\n");
    CHECK(has_errors(fs));
    // Without today, notice is only checked against planned announcements.
    const auto no_today = find_conflicts(sample(), ConflictOptions{std::nullopt, &zones()});
    CHECK(std::count_if(no_today.begin(), no_today.end(),
                        [](const Finding& f) { return f.code == "notice-period"; }) == 1);
}

TEST_CASE("a clean plan has no findings; warnings alone are not errors") {
    Plan p;
    p.releases.push_back(release("a", "api", "1.0.0", ReleaseType::minor, "2026-03-10"));
    p.releases.push_back(release("b", "api", "1.1.0", ReleaseType::minor, "2026-04-14"));
    CHECK(find_conflicts(p).empty());
    CHECK(findings_to_json({}) == "[]\n");
    p.releases.push_back(release("c", "web", "1.0.0", ReleaseType::minor, "2026-03-14"));
    const auto fs = find_conflicts(p);
    CHECK(!has_errors(fs));
    CHECK(findings_to_json(fs) ==
          "[\n"
          "  {\n"
          "    \"severity\": \"warning\",\n"
          "    \"code\": \"weekend\",\n"
          "    \"releases\": [\n"
          "      \"c\"\n"
          "    ],\n"
          "    \"message\": \"release c is planned on 2026-03-14, a Saturday\"\n"
          "  }\n"
          "]\n");
}

TEST_CASE("change windows are judged on their own zone's dates") {
    Plan p;
    Release r = release("r", "api", "1.0.0", ReleaseType::minor, "2026-03-13");
    // Friday 22:00 in New York is Saturday 03:00 UTC.
    r.change_window = window(utc("2026-03-14", 3), utc("2026-03-14", 5), "America/New_York");
    p.releases.push_back(r);
    CHECK(find_conflicts(p, ConflictOptions{std::nullopt, &zones()}).empty());
    p.releases[0].change_window->zone = "";
    CHECK(lines(find_conflicts(p, ConflictOptions{std::nullopt, &zones()})) ==
          "warning weekend [r] the change window of release r starts on 2026-03-14, a Saturday\n");
    // A window reaching into a blackout counts even when the release date does not.
    p.releases[0].change_window->zone = "America/New_York";
    p.blackouts = {period("Weekend freeze", "2026-03-14", "2026-03-15")};
    p.releases[0].change_window->end = utc("2026-03-14", 6);  // 01:00 Saturday in New York
    CHECK(lines(find_conflicts(p, ConflictOptions{std::nullopt, &zones()})) ==
          "error blackout [r] release r: the change window (2026-03-14T03:00:00Z..2026-03-14T06:00:00Z) "
          "falls in blackout 'Weekend freeze' (2026-03-14..2026-03-15)\n");
}

TEST_CASE("windows overlap only on a shared component or environment") {
    Plan p;
    Release a = release("a", "api", "1.0.0", ReleaseType::minor, "2026-03-10");
    a.change_window = window(utc("2026-03-10", 20), utc("2026-03-10", 22, 30));
    Release b = release("b", "web", "1.0.0", ReleaseType::minor, "2026-03-10");
    b.change_window = window(utc("2026-03-10", 21), utc("2026-03-10", 23));
    p.releases = {a, b};
    CHECK(find_conflicts(p).empty());
    p.releases[1].components = {"web", "api"};
    CHECK(lines(find_conflicts(p)) ==
          "error window-overlap [a,b] the change windows of releases a (2026-03-10T20:00:00Z..2026-03-10T22:30:00Z) "
          "and b (2026-03-10T21:00:00Z..2026-03-10T23:00:00Z) overlap by 1 h 30 min (both deploy component api)\n");
    // Touching windows do not overlap; an empty window is invalid.
    p.releases[1].change_window = window(utc("2026-03-10", 22, 30), utc("2026-03-10", 23));
    CHECK(find_conflicts(p).empty());
    p.releases[1].change_window = window(utc("2026-03-10", 22, 30), utc("2026-03-10", 22, 30));
    CHECK(lines(find_conflicts(p)) ==
          "error window-invalid [b] the change window of release b ends (2026-03-10T22:30:00Z) when it "
          "starts (2026-03-10T22:30:00Z)\n");
}

TEST_CASE("notice per communication, CalVer order and feature-freeze warnings") {
    Plan p;
    Release a = release("a", "api", "2026.03.0", ReleaseType::minor, "2026-03-10");
    a.calver_scheme = "YYYY.0M.MICRO";
    Communication c;
    c.subject = "Ops heads-up";
    c.notice_days = 21;
    c.planned_on = d("2026-02-20");  // 18 days before; the type needs 14, the message 21
    a.communications.push_back(c);
    Change ch;
    ch.added_on = d("2026-03-05");  // after the feature freeze (03-03), before the code freeze (03-06)
    a.changes.push_back(ch);
    Release b = release("b", "api", "2026.03.0", ReleaseType::minor, "2026-03-24");
    b.calver_scheme = "YYYY.0M.MICRO";
    Release other_scheme = release("x", "api", "1.0.0", ReleaseType::minor, "2026-04-20");
    p.releases = {a, b, other_scheme};
    CHECK(lines(find_conflicts(p)) ==
          "warning notice-period [a] communication 'Ops heads-up' of release a is planned on 2026-02-20, "
          "18 days before the release; it needs 21 days\n"
          "error version-order [a,b] release b (2026.03.0 on 2026-03-24) is not newer than a (2026.03.0 on "
          "2026-03-10) on component api; versions must increase with release dates\n"
          "warning freeze-exception [a] change 1 of release a was added on 2026-03-05, after the feature "
          "freeze (2026-03-03), without an approved freeze exception\n");
    // Released and cancelled releases: released ones still order versions, cancelled ones vanish.
    p.releases[0].status = ReleaseStatus::released;
    p.releases[1].status = ReleaseStatus::cancelled;
    CHECK(find_conflicts(p).empty());
}

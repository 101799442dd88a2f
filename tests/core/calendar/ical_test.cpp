#include "calendar/ical.hpp"

#include "calendar/business_days.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace relplan;
using namespace std::chrono;
using relplan::test::d;
using relplan::test::utc;
using relplan::test::zones;

namespace {

Plan sample_plan() {
    Plan p = test::plan_named("Acme Shop");
    Release r = test::release("shop-2.0", "2.0.0");
    r.type = ReleaseType::major;
    r.components = {"api", "web"};
    r.release_date = d("2026-03-10");
    r.environment = "production";
    ChangeWindow w;
    w.start = utc("2026-03-08", 6, 30);  // 01:30 EST; ends after the switch to EDT
    w.end = w.start + hours{3};
    w.zone = "America/New_York";
    r.change_window = w;
    p.releases.push_back(r);
    Release h = test::release("hf;1", "2.0.1");
    h.type = ReleaseType::hotfix;
    h.status = ReleaseStatus::approved;
    h.release_date = d("2026-03-12");
    h.name = "Hotfix, urgent; with \\ backslash and a very long name that needs folding at "
             "seventy-five octets \xe2\x80\x94 \xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9";
    p.releases.push_back(h);
    Release undated;
    undated.id = "someday";
    p.releases.push_back(undated);
    p.blackouts.push_back(test::period("Year-end freeze", "2026-12-20", "2027-01-03"));
    return p;
}

IcsExportOptions options(IcsTimes times = IcsTimes::utc) {
    IcsExportOptions o;
    o.times = times;
    o.zones = &zones();
    o.dtstamp = utc("2026-01-01", 12, 0);
    return o;
}

std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t k = text.find("\r\n", pos);
        REQUIRE(k != std::string::npos);  // every line ends in CRLF
        out.push_back(text.substr(pos, k - pos));
        pos = k + 2;
    }
    return out;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

std::string periods_text(const std::vector<Period>& ps) {
    std::string out;
    for (const Period& p : ps) out += format_date(p.start) + ".." + format_date(p.end) + " " + p.name + "\n";
    return out;
}

std::string warnings_text(const std::vector<std::string>& ws) {
    std::string out;
    for (const auto& w : ws) out += w + "\n";
    return out;
}

}  // namespace

TEST_CASE("export matches the reviewed calendar byte for byte") {
    const IcsExport e = export_ics(sample_plan(), options());
    CHECK(e.warnings.empty());
    CHECK(e.text == test::data("ics/export_utc.ics"));
    const IcsExport z = export_ics(sample_plan(), options(IcsTimes::zoned));
    CHECK(z.text == test::data("ics/export_zoned.ics"));
}

TEST_CASE("exported lines are CRLF, at most 75 octets, folded between UTF-8 sequences") {
    const std::string text = export_ics(sample_plan(), options(IcsTimes::zoned)).text;
    std::string unfolded;
    for (const std::string& line : physical_lines(text)) {
        CHECK(line.size() <= 75);
        CHECK(valid_utf8(line));
        CHECK(line.find('\r') == std::string::npos);
        if (!line.empty() && line[0] == ' ') unfolded += line.substr(1);
        else unfolded += "\n" + line;
    }
    CHECK(unfolded.find("SUMMARY:Release Hotfix\\, urgent\\; with \\\\ backslash and a very long name "
                        "that needs folding at seventy-five octets \xe2\x80\x94 "
                        "\xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9\n") != std::string::npos);
}

TEST_CASE("TEXT escaping and folding building blocks") {
    CHECK(ics_escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    CHECK(ics_fold_line("") == "\r\n");
    CHECK(ics_fold_line(std::string(75, 'x')) == std::string(75, 'x') + "\r\n");
    CHECK(ics_fold_line(std::string(76, 'x')) == std::string(75, 'x') + "\r\n x\r\n");
    // A 3-octet character that would straddle octet 75 moves to the next line whole.
    const std::string euro = "\xe2\x82\xac";
    CHECK(ics_fold_line(std::string(73, 'x') + euro) == std::string(73, 'x') + "\r\n " + euro + "\r\n");
    // Property: folding never splits a sequence and unfolding restores the line.
    std::mt19937 rng(5);
    const std::string pieces[] = {"a", "\xc3\xa9", euro, "\xf0\x9f\x9a\x80", " ", ","};
    for (int i = 0; i < 300; ++i) {
        std::string line;
        const int n = int(rng() % 200);
        for (int k = 0; k < n; ++k) line += pieces[rng() % 6];
        const std::string folded = ics_fold_line(line);
        std::string back;
        const auto lines = physical_lines(folded);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            CHECK(lines[k].size() <= 75);
            CHECK(valid_utf8(lines[k]));
            back += k == 0 ? lines[k] : lines[k].substr(1);
        }
        CHECK(back == line);
    }
}

TEST_CASE("UIDs stay the same when dates change and differ for different ids") {
    Plan a = sample_plan();
    Plan b = sample_plan();
    b.releases[0].release_date = d("2026-04-14");
    b.releases[0].change_window->start += days{30};
    b.releases[0].change_window->end += days{30};
    auto uids = [](const std::string& text) {
        std::vector<std::string> out;
        for (const std::string& l : physical_lines(text))
            if (l.rfind("UID:", 0) == 0) out.push_back(l);
        return out;
    };
    const auto ua = uids(export_ics(a, options()).text);
    CHECK(ua == uids(export_ics(b, options()).text));
    CHECK(ua.size() == 8);
    CHECK(std::set<std::string>(ua.begin(), ua.end()).size() == ua.size());
    Plan c = sample_plan();
    c.releases[1].id = "hf%3B1";  // must not collide with the escaped "hf;1"
    c.releases.push_back(c.releases[1]);
    c.releases.back().id = "hf;1";
    const auto uc = uids(export_ics(c, options()).text);
    CHECK(std::set<std::string>(uc.begin(), uc.end()).size() == uc.size());
}

TEST_CASE("export reports what it cannot write and never writes ambiguous local times") {
    Plan p = test::plan_named("P");
    Release r;
    r.id = "r1";
    r.release_date = d("2026-11-02");
    r.type = ReleaseType::hotfix;
    ChangeWindow w;
    w.start = utc("2026-11-01", 6, 30);  // 01:30 EST, the second 01:30 of the night
    w.end = w.start + hours{1};
    w.zone = "America/New_York";
    r.change_window = w;
    p.releases.push_back(r);
    Release bad = r;
    bad.id = "r2";
    bad.change_window->zone = "Mars/Base";
    p.releases.push_back(bad);
    Release backwards = r;
    backwards.id = "r3";
    backwards.change_window->end = backwards.change_window->start - hours{1};
    p.releases.push_back(backwards);
    Release nodate = r;
    nodate.id = "r4";
    nodate.release_date = Date{year{2026}, February, day{30}};
    p.releases.push_back(nodate);
    p.blackouts.push_back(test::period("upside down", "2026-05-05", "2026-05-01"));
    const IcsExport e = export_ics(p, options(IcsTimes::zoned));
    const std::string text = e.text;
    CHECK(text.find("DTSTART:20261101T063000Z\r\n") != std::string::npos);
    CHECK(text.find("DTEND;TZID=America/New_York:20261101T023000\r\n") != std::string::npos);
    CHECK(warnings_text(e.warnings) ==
          "release r2 change window: unknown time zone 'Mars/Base' (expected an IANA name such as "
          "'Europe/Berlin' or 'UTC'); written in UTC\n"
          "release r3 change window ends (2026-11-01T05:30:00Z) before it starts "
          "(2026-11-01T06:30:00Z); not exported\n"
          "release r4 release date: 2026-02-30 does not exist; not exported\n"
          "blackout 1 (upside down) ends (2026-05-01) before it starts (2026-05-05); not exported\n");
    // Control characters in plan text never reach the calendar.
    Plan ctl;
    Period evil;
    evil.name = "a\x1b[31mred\x07";
    evil.start = evil.end = d("2026-05-05");
    ctl.blackouts.push_back(evil);
    const std::string t = export_ics(ctl, options()).text;
    CHECK(t.find('\x1b') == std::string::npos);
    CHECK(t.find('\x07') == std::string::npos);
}

TEST_CASE("import reads a public-holiday calendar with yearly recurrences") {
    auto r = import_ics(test::data("ics/us_holidays.ics"));
    REQUIRE(r.ok());
    CHECK(periods_text(r->periods) ==
          "2026-01-01..2026-01-01 New Year's Day\n"
          "2026-07-04..2026-07-04 Independence Day\n"
          "2027-07-04..2027-07-04 Independence Day\n"
          "2028-07-04..2028-07-04 Independence Day\n"
          "2026-05-25..2026-05-25 Memorial Day\n"
          "2027-05-31..2027-05-31 Memorial Day\n"
          "2028-05-29..2028-05-29 Memorial Day\n"
          "2026-11-26..2026-11-27 Thanksgiving, and the day after\n"
          "2027-11-25..2027-11-26 Thanksgiving, and the day after\n"
          "2026-12-25..2026-12-25 Christmas Day\n"
          "2029-12-25..2029-12-25 Christmas Day\n"
          "2030-12-25..2030-12-25 Christmas Day\n"
          "2031-12-25..2031-12-25 Christmas Day\n"
          "2032-12-25..2032-12-25 Christmas Day\n"
          "2033-12-25..2033-12-25 Christmas Day\n"
          "2034-12-25..2034-12-25 Christmas Day\n"
          "2035-12-25..2035-12-25 Christmas Day\n"
          "2036-12-25..2036-12-25 Christmas Day\n"
          "2028-12-26..2028-12-26 Christmas Day (observed)\n");
    CHECK(r->warnings.empty());

    IcsImportOptions window;
    window.from = d("2027-01-01");
    window.until = d("2027-12-31");
    auto y = import_ics(test::data("ics/us_holidays.ics"), window);
    REQUIRE(y.ok());
    CHECK(periods_text(y->periods) ==
          "2027-07-04..2027-07-04 Independence Day\n"
          "2027-05-31..2027-05-31 Memorial Day\n"
          "2027-11-25..2027-11-26 Thanksgiving, and the day after\n");
    window.until = d("2026-01-01");
    CHECK(import_ics(test::data("ics/us_holidays.ics"), window).error().message ==
          "import range ends (2026-01-01) before it starts (2027-01-01)");
}

TEST_CASE("import keeps what it can of damaged or unusual files and says where") {
    struct Row {
        const char* file;
        std::string periods;
        std::string warnings;
    };
    const std::vector<Row> rows = {
        {"ics/broken_folding.ics", "2026-04-06..2026-04-06 Easter Monday holiday for thewhole company\n",
         "line 1: continuation line with nothing before it; ignored\n"
         "line 8: 'whole company' is not a property; joined to the line before (folded without "
         "the leading space?)\n"
         "line 14: DTSTART '2026-04-07' is not a DATE or DATE-TIME; event skipped\n"
         "line 17: event without DTSTART skipped\n"
         "line 21: END:VEVENT without a matching BEGIN; ignored\n"
         "line 22: 'this line has no colon at all' is not a property; ignored\n"},
        // Unknown properties: one warning per name.
        {"ics/unknown_properties.ics", "2026-08-17..2026-08-21 Release freeze week\n",
         "line 4: unknown property FAVORITE-COLOR ignored\n"
         "line 12: unknown property MOOD ignored\n"},
        // Timed events, durations and unsupported rules.
        {"ics/timed_events.ics",
         "2026-12-24..2026-12-26 Maintenance across midnight\n"
         "2026-03-10..2026-03-11 UTC window\n"
         "2026-04-01..2026-04-01 Floating day ending at midnight\n"
         "2026-05-05..2026-05-05 Ends before start\n"
         "2026-06-01..2026-06-01 Monthly thing\n",
         "line 24: DTEND is before DTSTART; the event is taken as its start day\n"
         "line 29: event dates 1899-12-31..1899-12-31 are outside 1900..9999; event skipped\n"
         "line 35: RRULE FREQ=MONTHLY is not supported (only YEARLY); only the first occurrence "
         "is imported\n"},
        // A truncated file keeps what was read.
        {"ics/truncated.ics", "2026-10-01..2026-10-01 Cut off\n",
         "line 6: the file ends inside the event that starts at line 3; it is imported as read\n"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        auto r = import_ics(test::data(row.file));
        REQUIRE(r.ok());
        CHECK(periods_text(r->periods) == row.periods);
        CHECK(warnings_text(r->warnings) == row.warnings);
    }
}

TEST_CASE("import errors and hostile input") {
    CHECK(import_ics("").error().message == "not an iCalendar file: no BEGIN:VCALENDAR line");
    CHECK(import_ics("hello\nworld\n").error().message == "not an iCalendar file: no BEGIN:VCALENDAR line");
    std::string deep = "BEGIN:VCALENDAR\r\n";
    for (int i = 0; i < 20; ++i) deep += "BEGIN:X\r\n";
    CHECK(import_ics(deep).error().message == "line 17: components nested more than 16 deep");
    CHECK(import_ics(std::string(max_ics_bytes + 1, 'A')).error().message ==
          "calendar is 16777217 bytes; the limit is 16 MiB");
    // Binary garbage around a calendar: warnings, no crash.
    std::mt19937 rng(9);
    for (int i = 0; i < 200; ++i) {
        std::string junk = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\n";
        for (int k = 0; k < 300; ++k) junk += char(rng());
        auto r = import_ics(junk);
        CHECK(r.ok());
    }
    // Every Monday for a century stops at the occurrence cap with a warning.
    const std::string mondays =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260105\r\n"
        "RRULE:FREQ=YEARLY;BYDAY=MO\r\nSUMMARY:Monday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    IcsImportOptions century;
    century.until = d("2126-01-01");
    auto m = import_ics(mondays, century);
    REQUIRE(m.ok());
    CHECK(m->periods.size() == 1000);
    CHECK(warnings_text(m->warnings) ==
          "line 4: recurrence stopped after 1000 occurrences (until 2045-02-27)\n");
    // Long BY lists are refused rather than expanded.
    std::string longlist = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260105\r\nRRULE:FREQ=YEARLY;BYMONTHDAY=1";
    for (int i = 0; i < 100; ++i) longlist += ",1";
    longlist += "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    auto l = import_ics(longlist);
    REQUIRE(l.ok());
    CHECK(l->periods.size() == 1);
    CHECK(warnings_text(l->warnings) ==
          "line 4: RRULE BYMONTHDAY lists more than 64 values; only the first occurrence is imported\n");
}

TEST_CASE("yearly rules: leap days, negative month days, Friday the 13th") {
    auto one = [](const std::string& rule, const char* start, const char* until) {
        IcsImportOptions o;
        o.until = d(until);
        auto r = import_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:" + std::string(start) +
                                "\r\nRRULE:" + rule + "\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                            o);
        REQUIRE(r.ok());
        std::string out;
        for (const Period& p : r->periods) out += format_date(p.start) + " ";
        return out;
    };
    CHECK(one("FREQ=YEARLY", "20240229", "2033-01-01") == "2024-02-29 2028-02-29 2032-02-29 ");
    CHECK(one("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "20260228", "2029-01-01") ==
          "2026-02-28 2027-02-28 2028-02-29 ");
    CHECK(one("FREQ=YEARLY;BYDAY=FR;BYMONTHDAY=13", "20260213", "2027-12-31") ==
          "2026-02-13 2026-03-13 2026-11-13 2027-08-13 ");
    CHECK(one("FREQ=YEARLY;INTERVAL=2;BYMONTH=1,7;BYMONTHDAY=1", "20260101", "2029-12-31") ==
          "2026-01-01 2026-07-01 2028-01-01 2028-07-01 ");
    CHECK(one("FREQ=YEARLY;BYDAY=1MO", "20260105", "2028-12-31") == "2026-01-05 2027-01-04 2028-01-03 ");
    CHECK(one("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "20260101", "2030-12-31") == "2026-01-01 ");
}

TEST_CASE("merging imported periods skips the ones already present") {
    auto r = import_ics(test::data("ics/us_holidays.ics"));
    REQUIRE(r.ok());
    std::vector<Period> holidays;
    CHECK(merge_periods(holidays, r->periods) == 19);
    CHECK(merge_periods(holidays, r->periods) == 0);
    CHECK(holidays.size() == 19);
}

TEST_CASE("a blackout through 9999-12-31 is written with a duration") {
    Plan p;
    Period forever;
    forever.name = "forever";
    forever.start = d("9999-12-30");
    forever.end = d("9999-12-31");
    p.blackouts.push_back(forever);
    const std::string text = export_ics(p, options()).text;
    CHECK(text.find("DTSTART;VALUE=DATE:99991230\r\nDURATION:P2D\r\n") != std::string::npos);
    auto back = import_ics(text);
    REQUIRE(back.ok());
    CHECK(periods_text(back->periods) == "9999-12-30..9999-12-31 Blackout: forever\n");
}

TEST_CASE("exported blackouts import back as the same dates") {
    const std::string text = export_ics(sample_plan(), options()).text;
    auto r = import_ics(text);
    REQUIRE(r.ok());
    CHECK(r->warnings.empty());
    const auto it = std::find_if(r->periods.begin(), r->periods.end(),
                                 [](const Period& p) { return p.name == "Blackout: Year-end freeze"; });
    REQUIRE(it != r->periods.end());
    CHECK(format_date(it->start) == "2026-12-20");
    CHECK(format_date(it->end) == "2027-01-03");
}

TEST_CASE("write_ics streams the text export_ics returns, with its warnings") {
    for (const IcsTimes times : {IcsTimes::utc, IcsTimes::zoned}) {
        Plan plan = sample_plan();
        for (int i = 0; i < 600; ++i) {  // enough events for several pieces
            Release r = plan.releases.front();
            r.id += "-" + std::to_string(i);
            plan.releases.push_back(r);
        }
        const IcsExport whole = export_ics(plan, options(times));
        std::string streamed;
        std::size_t pieces = 0;
        const auto warnings = write_ics(plan, options(times), [&](std::string_view piece) {
            streamed += piece;
            ++pieces;
        });
        CHECK(streamed == whole.text);
        CHECK(warnings == whole.warnings);
        CHECK(pieces > 2);
    }
}

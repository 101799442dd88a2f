#include "base/tz.hpp"

#include "base/assets.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

using namespace relplan;
using namespace std::chrono;
using test::check_resolution;
using test::local;
using test::zone;

namespace {

const TzDatabase& db() { return test::zones(); }

// Sums in seconds, as test::local does (32-bit minutes on wasm32).
sys_seconds utc(int y, unsigned m, unsigned d, int h, int mi, int s = 0) {
    return sys_seconds{sys_days{year{y} / month{m} / day{d}}} +
           seconds{std::int64_t{h} * 3600 + mi * 60 + s};
}

std::string describe(const TimeZone& z, sys_seconds t) {
    ZoneState s = z.state_at(t);
    return format_utc_offset(s.utc_offset) + " " + s.abbreviation + (s.is_dst ? " dst" : "");
}

}  // namespace

TEST_CASE("embedded zone database loads with canonical zones and links") {
    CHECK(!db().version().empty());
    CHECK(db().names().size() > 550);
    for (const char* name : {"America/New_York", "Europe/London", "Australia/Lord_Howe",
                             "Asia/Kolkata", "UTC", "Etc/GMT+5", "US/Eastern", "Asia/Calcutta",
                             "Europe/Kyiv", "America/Argentina/Buenos_Aires"})
        CHECK(db().contains(name));
    CHECK(std::is_sorted(db().names().begin(), db().names().end()));
    // A link converts exactly like its target.
    CHECK(describe(zone("US/Eastern"), utc(2026, 7, 1, 12, 0)) == "-04:00 EDT dst");
}

TEST_CASE("unknown zone names give a clear error") {
    auto r = db().zone("Mars/Olympus_Mons");
    REQUIRE(!r.ok());
    CHECK(r.error().message ==
          "unknown time zone 'Mars/Olympus_Mons' (expected an IANA name such as 'Europe/Berlin' "
          "or 'UTC')");
    auto c = db().zone("america/new_york");
    REQUIRE(!c.ok());
    CHECK(c.error().message ==
          "unknown time zone 'america/new_york' (did you mean 'America/New_York'?)");
    CHECK(db().zone("").error().message == "empty time-zone name");
    auto huge = db().zone(std::string(100000, 'x'));
    REQUIRE(!huge.ok());
    CHECK(huge.error().message.size() < 200);
    CHECK(!db().zone(std::string("UTC\0", 4)).ok());
}

TEST_CASE("America/New_York in 2026") {
    TimeZone ny = zone("America/New_York");
    CHECK(describe(ny, utc(2026, 3, 8, 6, 59, 59)) == "-05:00 EST");
    CHECK(describe(ny, utc(2026, 3, 8, 7, 0)) == "-04:00 EDT dst");
    CHECK(describe(ny, utc(2026, 11, 1, 5, 59, 59)) == "-04:00 EDT dst");
    CHECK(describe(ny, utc(2026, 11, 1, 6, 0)) == "-05:00 EST");

    auto tr = ny.transitions(utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0));
    REQUIRE(tr.size() == 2);
    CHECK(format_utc(tr[0].at) == "2026-03-08T07:00:00Z");
    CHECK(tr[0].before.abbreviation == "EST");
    CHECK(tr[0].after.abbreviation == "EDT");
    CHECK(format_utc(tr[1].at) == "2026-11-01T06:00:00Z");

    auto l = ny.to_local(utc(2026, 7, 4, 16, 0));
    REQUIRE(l.ok());
    CHECK(format_local(l->local) == "2026-07-04 12:00");
    CHECK(l->state.abbreviation == "EDT");

    auto u = ny.to_utc(local(2026, 1, 15, 9, 30));
    REQUIRE(u.ok());
    CHECK(u->kind == LocalTimeKind::unique);
    CHECK(u->note.empty());
    CHECK(format_utc(u->utc) == "2026-01-15T14:30:00Z");
}

TEST_CASE("a local time inside a DST gap moves forward and says so") {
    check_resolution("America/New_York", local(2026, 3, 8, 2, 30), LocalTimeKind::gap, hours{1}, "2026-03-08T07:30:00Z",
                     "2026-03-08 02:30 does not exist in America/New_York (clocks jump from 02:00 EST to "
                     "03:00 EDT); using 03:30 EDT");
    // The first instant of the gap and the first valid instant after it.
    CHECK(format_utc(zone("America/New_York").to_utc(local(2026, 3, 8, 2, 0))->utc) ==
          "2026-03-08T07:00:00Z");
    auto after = zone("America/New_York").to_utc(local(2026, 3, 8, 3, 0));
    CHECK(after->kind == LocalTimeKind::unique);
    CHECK(format_utc(after->utc) == "2026-03-08T07:00:00Z");
}

TEST_CASE("a local time inside an overlap picks the earlier instant and says so") {
    check_resolution("America/New_York", local(2026, 11, 1, 1, 30), LocalTimeKind::overlap, hours{1},
                     "2026-11-01T05:30:00Z",
                     "2026-11-01 01:30 occurs twice in America/New_York (clocks go back from 02:00 EDT to "
                     "01:00 EST); using the earlier, 01:30 EDT (UTC-04:00)");
}

TEST_CASE("Europe/London") {
    TimeZone lon = zone("Europe/London");
    CHECK(describe(lon, utc(2026, 3, 29, 0, 59, 59)) == "+00:00 GMT");
    CHECK(describe(lon, utc(2026, 3, 29, 1, 0)) == "+01:00 BST dst");
    CHECK(describe(lon, utc(2026, 10, 25, 1, 0)) == "+00:00 GMT");
    auto gap = lon.to_utc(local(2026, 3, 29, 1, 15));
    CHECK(gap->kind == LocalTimeKind::gap);
    CHECK(format_utc(gap->utc) == "2026-03-29T01:15:00Z");
    auto overlap = lon.to_utc(local(2026, 10, 25, 1, 15));
    CHECK(overlap->kind == LocalTimeKind::overlap);
    CHECK(format_utc(overlap->utc) == "2026-10-25T00:15:00Z");
    // Double summer time in 1941 (+02:00) comes from the explicit historical transitions.
    CHECK(describe(lon, utc(1941, 6, 1, 12, 0)) == "+02:00 BDST dst");
}

TEST_CASE("Australia/Lord_Howe shifts by half an hour") {
    TimeZone lh = zone("Australia/Lord_Howe");
    CHECK(describe(lh, utc(2026, 7, 1, 0, 0)) == "+10:30 +1030");
    CHECK(describe(lh, utc(2026, 12, 1, 0, 0)) == "+11:00 +11 dst");
    auto gap = lh.to_utc(local(2026, 10, 4, 2, 15));
    REQUIRE(gap.ok());
    CHECK(gap->kind == LocalTimeKind::gap);
    CHECK(gap->shift == minutes{30});
    CHECK(gap->note ==
          "2026-10-04 02:15 does not exist in Australia/Lord_Howe (clocks jump from 02:00 +1030 to "
          "02:30 +11); using 02:45 +11");
    auto overlap = lh.to_utc(local(2026, 4, 5, 1, 45));
    REQUIRE(overlap.ok());
    CHECK(overlap->kind == LocalTimeKind::overlap);
    CHECK(overlap->shift == minutes{30});
    CHECK(format_utc(overlap->utc) == "2026-04-04T14:45:00Z");
}

TEST_CASE("zones without DST: Asia/Kolkata and UTC") {
    TimeZone kol = zone("Asia/Kolkata");
    CHECK(describe(kol, utc(2026, 1, 1, 0, 0)) == "+05:30 IST");
    CHECK(describe(kol, utc(2026, 7, 1, 0, 0)) == "+05:30 IST");
    CHECK(kol.transitions(utc(2000, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0)).empty());
    CHECK(format_utc(kol.to_utc(local(2026, 3, 8, 2, 30))->utc) == "2026-03-07T21:00:00Z");
    CHECK(describe(zone("UTC"), utc(2026, 3, 8, 2, 30)) == "+00:00 UTC");
    TimeZone builtin = TimeZone::utc();
    CHECK(builtin.name() == "UTC");
    CHECK(format_utc(builtin.to_utc(local(9999, 12, 31, 23, 59, 59))->utc) ==
          "9999-12-31T23:59:59Z");
    CHECK(describe(zone("Etc/GMT+5"), utc(2026, 1, 1, 0, 0)) == "-05:00 -05");
}

TEST_CASE("rules continue past the stored transitions to 9999") {
    TimeZone ny = zone("America/New_York");
    CHECK(describe(ny, utc(2100, 7, 4, 12, 0)) == "-04:00 EDT dst");
    CHECK(describe(ny, utc(2100, 12, 25, 12, 0)) == "-05:00 EST");
    CHECK(describe(ny, utc(9999, 7, 1, 0, 0)) == "-04:00 EDT dst");
    auto tr = ny.transitions(utc(2400, 1, 1, 0, 0), utc(2401, 1, 1, 0, 0));
    REQUIRE(tr.size() == 2);
    CHECK(format_utc(tr[0].at) == "2400-03-12T07:00:00Z");  // second Sunday of March 2400
    TimeZone syd = zone("Australia/Sydney");                  // southern hemisphere
    CHECK(describe(syd, utc(2500, 1, 15, 0, 0)) == "+11:00 AEDT dst");
    CHECK(describe(syd, utc(2500, 7, 15, 0, 0)) == "+10:00 AEST");
    // Negative DST: Irish Standard Time is the summer "standard", GMT the winter "DST".
    TimeZone dub = zone("Europe/Dublin");
    CHECK(describe(dub, utc(2300, 7, 1, 0, 0)) == "+01:00 IST");
    CHECK(describe(dub, utc(2300, 1, 1, 0, 0)) == "+00:00 GMT dst");
    // Transition times beyond 24 h ("M3.4.4/26", Israel) and negative ones ("M3.5.0/-1", Nuuk).
    CHECK(format_utc(zone("Asia/Jerusalem").transitions(utc(2300, 1, 1, 0, 0),
                                                        utc(2300, 6, 1, 0, 0))[0].at) ==
          "2300-03-23T00:00:00Z");
    CHECK(format_utc(zone("America/Nuuk").transitions(utc(2300, 1, 1, 0, 0),
                                                      utc(2300, 6, 1, 0, 0))[0].at) ==
          "2300-03-25T01:00:00Z");  // Sunday 03-25 at "-1": 23:00 the day before
}

TEST_CASE("instants outside 1900..9999 are errors, not wrong answers") {
    TimeZone ny = zone("America/New_York");
    auto early = ny.to_local(utc(1899, 12, 31, 23, 59, 59));
    REQUIRE(!early.ok());
    CHECK(early.error().message ==
          "instant -2208988801 s since 1970 is outside the supported range 1900-01-01..9999-12-31");
    CHECK(!ny.to_utc(local(10000, 1, 1, 0, 0)).ok());
    CHECK(!ny.to_utc(local_seconds{seconds{INT64_MIN / 2}}).ok());
    CHECK(ny.to_local(utc(1900, 1, 1, 0, 0)).ok());
    // state_at and transitions clamp instead of overflowing.
    CHECK(ny.state_at(sys_seconds{seconds{INT64_MAX}}).abbreviation == "EST");
    CHECK(ny.state_at(sys_seconds{seconds{INT64_MIN}}).abbreviation == "EST");
    CHECK(ny.transitions(sys_seconds{seconds{INT64_MIN}}, sys_seconds{seconds{INT64_MAX}}, 50)
              .size() == 50);
}

TEST_CASE("utc offsets and times format consistently") {
    CHECK(format_utc_offset(seconds{19800}) == "+05:30");
    CHECK(format_utc_offset(seconds{-14400}) == "-04:00");
    CHECK(format_utc_offset(seconds{0}) == "+00:00");
    CHECK(format_utc_offset(seconds{-75}) == "-00:01:15");
    CHECK(format_local(local(2026, 3, 8, 2, 30, 5)) == "2026-03-08 02:30:05");
    CHECK(format_utc(utc(1900, 1, 1, 0, 0)) == "1900-01-01T00:00:00Z");
}

TEST_CASE("conversions match Python's zoneinfo for every zone (golden file)") {
    std::ifstream in(RELPLAN_TEST_DATA_DIR "/tz/golden.txt");
    REQUIRE(in.good());
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream ls(line);
        std::string kind, name;
        std::int64_t a = 0, b = 0;
        ls >> kind >> name >> a >> b;
        TimeZone z = zone(name);
        INFO(line);
        if (kind == "U") {
            std::string abbr;
            ls >> abbr;
            ZoneState s = z.state_at(sys_seconds{seconds{a}});
            CHECK(s.utc_offset.count() == b);
            CHECK(s.abbreviation == abbr);
        } else {
            auto r = z.to_utc(local_seconds{seconds{a}});
            REQUIRE(r.ok());
            CHECK(r->utc.time_since_epoch().count() == b);
        }
        ++checked;
    }
    CHECK(checked > 2000);
}

TEST_CASE("property: local -> UTC -> local round-trips except in gaps") {
    std::mt19937_64 rng(42);
    const auto& names = db().names();
    for (int i = 0; i < 3000; ++i) {
        TimeZone z = zone(names[rng() % names.size()]);
        std::int64_t l = -2208902400 + std::int64_t(rng() % std::uint64_t(253402214400 + 2208902400));
        auto u = z.to_utc(local_seconds{seconds{l}});
        INFO(z.name() << " " << l);
        REQUIRE(u.ok());
        auto back = z.to_local(u->utc);
        REQUIRE(back.ok());
        if (u->kind == LocalTimeKind::gap)
            CHECK(back->local.time_since_epoch().count() == l + u->shift.count());
        else
            CHECK(back->local.time_since_epoch().count() == l);
    }
}

TEST_CASE("damaged databases are rejected without crashing") {
    std::string good(assets::get("tzdb.bin"));
    CHECK(TzDatabase::parse("").error().message ==
          "zone database: not a relplan zone database (bad magic)");
    CHECK(!TzDatabase::parse("RPTZDB1\n").ok());
    // Every prefix in steps (a full sweep is too slow for CI) and the last few bytes one by one.
    for (std::size_t n = 8; n < good.size(); n += (n < 4096 || n > good.size() - 64) ? 1 : 997)
        CHECK(!TzDatabase::parse(std::string_view(good).substr(0, n)).ok());
    CHECK(!TzDatabase::parse(good + "x").ok());
    // A count that claims more data than exists.
    std::string huge = std::string("RPTZDB1\n") + char(1) + "x" + "\xff\xff\xff\xff\x0f";
    CHECK(TzDatabase::parse(huge).error().message ==
          "zone database: zone record count 4294967295 is too large at byte 15");
    // Random corruption: any outcome but a crash; survivors must still convert.
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        std::string bad = good;
        for (int k = 0; k < 4; ++k) bad[8 + rng() % (bad.size() - 8)] = char(rng());
        auto r = TzDatabase::parse(bad);
        if (!r.ok()) continue;
        for (const auto& n : r->names()) {
            auto z = r->zone(n);
            REQUIRE(z.ok());
            (void)z->to_utc(local(2026, 3, 8, 2, 30));
        }
    }
}

// Helpers shared by the core tests: whole files from disk (assets and tests/data fixtures), dates,
// zones and local times.
// A date that does not parse fails the test through Catch2's REQUIRE.
#pragma once

#include "base/dates.hpp"
#include "base/tz.hpp"
#include "plan/plan.hpp"
#include "plan/plan_json.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>

namespace relplan::test {

// The whole file as bytes; "" when it cannot be read (the test then fails on the content).
inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A file under assets/, e.g. asset("examples/acme.plan.json").
inline std::string asset(const std::string& name) { return read(std::string(RELPLAN_ASSETS_DIR) + "/" + name); }

// A fixture under tests/data/, e.g. data("plan/bom.json").
inline std::string data(const std::string& name) { return read(std::string(RELPLAN_TEST_DATA_DIR) + "/" + name); }

// An empty plan whose project is called `name`.
inline Plan plan_named(std::string name) {
    Plan p;
    p.project.name = std::move(name);
    return p;
}

// The example plan every new user sees first (assets/examples/acme.plan.json), loaded.
inline Plan acme() {
    auto loaded = load_plan(asset("examples/acme.plan.json"));
    REQUIRE(loaded.plan);
    return *loaded.plan;
}

// A calendar date from numbers: d(2027, 1, 19).
inline Date d(int year, unsigned month, unsigned day) {
    return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// The zone database built into relplan.
inline const TzDatabase& zones() {
    const auto& db = embedded_tzdb();
    REQUIRE(db.ok());
    return *db;
}

// A zone of the built-in database by its IANA name.
inline TimeZone zone(std::string_view name) {
    auto z = zones().zone(name);
    REQUIRE(z.ok());
    return *z;
}

// A wall-clock time. Sums in seconds: libc++ on wasm32 keeps minutes in a 32-bit long, which
// overflows near 9999.
inline std::chrono::local_seconds local(int y, unsigned m, unsigned d, int h, int mi, int s = 0) {
    using namespace std::chrono;
    return local_seconds{local_days{year{y} / month{m} / day{d}}} + seconds{std::int64_t{h} * 3600 + mi * 60 + s};
}

// The instant a wall-clock time in zone `zone_name` stands for, as TimeZone::to_utc reads it.
inline UtcResolution to_utc(std::string_view zone_name, std::chrono::local_seconds t) {
    auto u = zone(zone_name).to_utc(t);
    REQUIRE(u.ok());
    return *u;
}

// How TimeZone::to_utc read a local time the clocks skip or pass twice: its kind, the shift, the
// UTC instant it chose and the note it gives the user.
inline void check_resolution(const UtcResolution& u, LocalTimeKind kind, std::chrono::seconds shift,
                             const char* utc, const std::string& note) {
    CHECK(u.kind == kind);
    CHECK(u.shift == shift);
    CHECK(format_utc(u.utc) == utc);
    CHECK(u.note == note);
}

// Commit messages as `git log -z --format=%B` prints them: each one followed by a NUL.
inline std::string nul_log(std::initializer_list<std::string_view> messages) {
    std::string log;
    for (const std::string_view m : messages) {
        log += m;
        log += '\0';
    }
    return log;
}

// A calendar date from its ISO text: d("2027-01-19").
inline Date d(const char* text) {
    auto r = dates::parse_date(text);
    REQUIRE(r.ok());
    return *r;
}

}  // namespace relplan::test

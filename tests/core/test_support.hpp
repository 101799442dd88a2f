// Helpers shared by the core tests: whole files from disk (assets and tests/data fixtures), plans,
// releases and changes built in one line, the sides of a merge, versions and ranges that must parse,
// seeded random text, dates, zones and local times.
// A date that does not parse fails the test through Catch2's REQUIRE.
#pragma once

#include "base/dates.hpp"
#include "base/tz.hpp"
#include "notes/markdown.hpp"
#include "plan/plan.hpp"
#include "plan/plan_json.hpp"
#include "team/merge.hpp"
#include "version/range.hpp"
#include "version/semver.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

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

// A release with just an id and a version; tests set whatever else they need.
inline Release release(std::string id, std::string version) {
    Release r;
    r.id = std::move(id);
    r.version = std::move(version);
    return r;
}

// A change with an id and a description, in `category` (by default the one a new Change has).
inline Change change(std::string id, std::string description, ChangeCategory category = ChangeCategory::improvement) {
    Change c;
    c.id = std::move(id);
    c.category = category;
    c.description = std::move(description);
    return c;
}

// One side's edit in a merge: the release at index `release` gets `value` in `field`.
struct FieldEdit {
    std::size_t release;
    std::string Release::*field;
    std::string value;
};

// A copy of `plan` with the edits made in order (an index past the last release fails the test
// rather than writing past the end).
inline Plan edited(Plan plan, std::initializer_list<FieldEdit> edits) {
    for (const FieldEdit& e : edits) plan.releases.at(e.release).*e.field = e.value;
    return plan;
}

// The three-way merge of `base` with two copies of it, ours and theirs, each with its own edits.
inline Result<PlanMerge> merge_edited(const Plan& base, std::initializer_list<FieldEdit> ours,
                                      std::initializer_list<FieldEdit> theirs) {
    return merge_plans(base, edited(base, ours), edited(base, theirs));
}

// A plan description as release notes place it: one paragraph of inline Markdown.
inline md::Document description_paragraph(std::string_view description) {
    md::Document doc;
    doc.blocks.push_back(md::paragraph(md::inline_markdown(description)));
    return doc;
}

// The example plan every new user sees first (assets/examples/acme.plan.json), loaded.
inline Plan acme() {
    auto loaded = load_plan(asset("examples/acme.plan.json"));
    REQUIRE(loaded.plan);
    return *loaded.plan;
}

// `text` read by T::parse (Version, Range or Comparator) with `options`; it must parse.
template <class T>
T parsed(std::string_view text, SemverOptions options = {}) {
    auto r = T::parse(text, options);
    INFO(text);
    REQUIRE(r.ok());
    return *r;
}

// Calls `check` on `count` strings of random length below `max_length` drawn from `alphabet`, the same
// strings on every run and platform for one `seed`.
template <class Check>
void for_random_strings(unsigned seed, int count, unsigned max_length, std::string_view alphabet, Check check) {
    std::mt19937 rng(seed);
    for (int i = 0; i < count; ++i) {
        std::string s(static_cast<std::size_t>(rng() % max_length), '\0');
        for (char& c : s) c = alphabet[rng() % alphabet.size()];
        check(s);
    }
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

// How TimeZone::to_utc reads local time `t` in zone `zone_name` when the clocks skip it or pass it
// twice: its kind, the shift, the UTC instant it chooses and the note it gives the user. Returns the
// reading for further checks.
inline UtcResolution check_resolution(std::string_view zone_name, std::chrono::local_seconds t, LocalTimeKind kind,
                                      std::chrono::seconds shift, const char* utc, const std::string& note) {
    const UtcResolution u = to_utc(zone_name, t);
    CHECK(u.kind == kind);
    CHECK(u.shift == shift);
    CHECK(format_utc(u.utc) == utc);
    CHECK(u.note == note);
    return u;
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

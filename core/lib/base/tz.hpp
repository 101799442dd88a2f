// Time zones: IANA zones over relplan's own embedded zone database, identical natively and in WASM.
//
// Neither libstdc++ 12 nor libc++ 14 has std::chrono::tzdb, and a web page has no zoneinfo, so the
// core reads assets/tzdb.bin (built by tools/gen_tzdb.py from tzdata; format in that script). Each
// zone carries its explicit transitions plus the POSIX TZ rule that continues them, so conversions
// are exact from 1900 to 9999.
//
// Contract:
// - TzDatabase::parse validates the whole file and never reads out of bounds; a damaged file is an
//   Error, not a crash. Looking up an unknown zone is an Error naming it.
// - TimeZone is a small value (name + shared immutable rules); copies are cheap and outlive the
//   database they came from.
// - Local -> UTC follows RFC 5545 section 3.3.5: a time inside a DST gap is read with the offset in
//   effect before the gap (so it moves forward by the gap's length), and a time inside an overlap
//   picks the earlier instant. Both cases are reported in the result (kind + note), never silently.
// - Conversions accept 1900-01-01T00:00:00 to 9999-12-31T23:59:59 (UTC or local) and return an
//   Error outside that range.
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

namespace detail {
struct ZoneRules;
}

// The local-time rules in effect at one instant.
struct ZoneState {
    std::chrono::seconds utc_offset{0};  // local = UTC + utc_offset
    bool is_dst = false;
    std::string abbreviation;  // "EDT", "+0530"-style numeric abbreviations as tzdata has them
    bool operator==(const ZoneState&) const = default;
};

// A change of rules: `before` holds until `at`, `after` from `at` on.
struct ZoneTransition {
    std::chrono::sys_seconds at{};
    ZoneState before;
    ZoneState after;
};

enum class LocalTimeKind {
    unique,   // the local time occurs exactly once
    gap,      // skipped by a forward jump; moved forward by `shift`
    overlap,  // occurs twice (clocks went back); the earlier instant was chosen
};

struct UtcResolution {
    std::chrono::sys_seconds utc{};
    LocalTimeKind kind = LocalTimeKind::unique;
    // gap: how far the time was moved forward; overlap: how long the repeated span lasts.
    std::chrono::seconds shift{0};
    // Empty for unique times; otherwise a sentence for the user, e.g. "2026-03-08 02:30 does not
    // exist in America/New_York (clocks jump from 02:00 EST to 03:00 EDT); using 03:30 EDT".
    std::string note;
};

struct LocalTime {
    std::chrono::local_seconds local{};
    ZoneState state;
};

class TimeZone {
public:
    // The UTC zone, available without a database.
    static TimeZone utc();

    const std::string& name() const { return name_; }
    // Rules in effect at `t`; instants outside 1900..9999 are clamped to that range.
    ZoneState state_at(std::chrono::sys_seconds t) const;
    Result<LocalTime> to_local(std::chrono::sys_seconds t) const;
    Result<UtcResolution> to_utc(std::chrono::local_seconds local) const;
    // Transitions with from <= at < to (clamped to 1900..9999), in order. Pure abbreviation or
    // DST-flag changes count; at most `limit` are returned (the caller asks for a bounded span).
    std::vector<ZoneTransition> transitions(std::chrono::sys_seconds from,
                                            std::chrono::sys_seconds to,
                                            std::size_t limit = 10000) const;

private:
    friend class TzDatabase;
    TimeZone(std::string name, std::shared_ptr<const detail::ZoneRules> rules);
    Error inconsistent(std::chrono::local_seconds local) const;
    std::string name_;
    std::shared_ptr<const detail::ZoneRules> rules_;
};

class TzDatabase {
public:
    // Parses and validates a tzdb.bin image; the bytes need not outlive the database.
    static Result<TzDatabase> parse(std::string_view bytes);

    // Exact, case-sensitive IANA name or link ("America/New_York", "US/Eastern", "UTC"). The
    // error for an unknown name suggests the right spelling when only the case differs.
    Result<TimeZone> zone(std::string_view name) const;
    bool contains(std::string_view name) const;
    const std::vector<std::string>& names() const { return names_; }  // sorted
    const std::string& version() const { return version_; }            // tzdata release, "2025b"

private:
    std::string version_;
    std::vector<std::string> names_;
    std::vector<std::uint32_t> name_rules_;  // parallel to names_
    std::vector<std::shared_ptr<const detail::ZoneRules>> rules_;
};

// The database embedded in this build (assets/tzdb.bin), parsed once on first use. An Error only if
// the build embedded a damaged or no database.
const Result<TzDatabase>& embedded_tzdb();

// The earliest and latest instants the engine converts: 1900-01-01T00:00:00Z, 9999-12-31T23:59:59Z.
std::chrono::sys_seconds min_supported_instant();
std::chrono::sys_seconds max_supported_instant();

// "+05:30", "-04:00", "+00:00"; seconds are shown only when non-zero ("-00:01:15").
std::string format_utc_offset(std::chrono::seconds offset);
// "2026-03-08 02:30" (seconds shown when non-zero); for notes and messages.
std::string format_local(std::chrono::local_seconds t);
std::string format_utc(std::chrono::sys_seconds t);  // "2026-03-08T07:30:00Z"

}  // namespace relplan

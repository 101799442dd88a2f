// iCalendar (RFC 5545): export a plan's calendar, import holidays and blackouts.
//
// Export writes one VCALENDAR with one VEVENT per release (all-day, on its release date), per
// milestone (planning start, stakeholder notice due, feature freeze, code freeze -- the release's own
// dates where set, else computed by milestones.hpp; milestones on the release day itself are left
// out), per change window (timed) and per blackout (all-day, inclusive range; one that reaches
// 9999-12-31 gets DURATION instead of DTEND, which would need a five-digit year), and -- when the
// plan has a support policy or per-line support dates -- per release line one all-day event where
// active support ends and one at its end of life (lifecycle/support.hpp; a line whose active support
// lasts until its end of life gets the end-of-life event only). Released releases get only the
// milestones the plan stores: a computed freeze for a shipped release would be invented history.
// UIDs are "<kind>-<id>@<domain>.relplan" with the release id (the blackout's start and name, the
// line name) and a domain from project.id, which stays when the project is renamed; a plan without
// an id uses its project name ("plan" when unnamed), the derivation of plans written before ids
// existed, so their subscribers keep their events. Re-importing an updated export into a calendar
// app updates its events instead of duplicating them. Clashing UIDs get "-2", "-3"... in plan
// order. The work is O(n log n) in releases (milestone calendars are built once per component
// set; UIDs are kept in a hash set). Output is
// CRLF-terminated, TEXT values are escaped (backslash, semicolon, comma, newline) after control
// characters are removed, and lines are folded at 75 octets without splitting a UTF-8 sequence.
// Change windows are written in UTC, or with TZID of the window's zone plus a VTIMEZONE built from
// the zone database (explicit transitions around the events); a window whose zone is unknown, or
// whose local start is ambiguous in its zone, is written in UTC with a warning / silently. The
// project's time zone, when set, is the calendar's X-WR-TIMEZONE (the default zone calendar apps show).
//
// Import reads VEVENTs into Periods (holidays or blackouts; the caller decides which). Scope:
// - Unfolding per RFC 5545; bare-LF files are accepted. Broken folding (a continuation line that
//   lacks its leading space, a continuation before any property) is repaired with a warning.
// - DTSTART as DATE (all-day) or DATE-TIME (UTC, floating or TZID); a timed event counts on the
//   dates as written (TZID/floating) or on its UTC dates (Z). The end comes from DTEND (exclusive)
//   or DURATION; neither means one day.
// - RRULE: FREQ=YEARLY only (recurring holidays), with INTERVAL, COUNT, UNTIL, BYMONTH,
//   BYMONTHDAY and BYDAY (ordinal weekdays such as 4TH or -1MO, with BYMONTH). EXDATE and
//   RECURRENCE-ID instances remove occurrences. Occurrences are expanded within the options' range.
//   Other frequencies import the first occurrence only, with a warning.
// - STATUS:CANCELLED events are skipped. X- properties and registered properties relplan does not
//   use are ignored; unregistered property names are ignored with one warning per name.
// - Limits: 16 MiB input, 16 nested components, 100,000 events, 1,000 occurrences per event
//   (more are cut with a warning). Dates outside 1900..9999 skip the event with a warning.
// Hard errors (no VCALENDAR at all, input too large, nesting too deep) return an Error; everything
// else yields warnings "line N: ..." naming the physical line.
#pragma once

#include "plan/plan.hpp"
#include "base/result.hpp"
#include "base/tz.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

// ---- export -------------------------------------------------------------------------------------

enum class IcsTimes {
    utc,    // change windows as "DTSTART:20260308T073000Z"
    zoned,  // "DTSTART;TZID=America/New_York:20260308T033000" plus VTIMEZONE
};

struct IcsExportOptions {
    IcsTimes times = IcsTimes::utc;
    const TzDatabase* zones = nullptr;  // needed for IcsTimes::zoned; without it UTC is used
    std::chrono::sys_seconds dtstamp{};  // DTSTAMP of every event (RFC 5545 requires one)
    bool support_phases = true;          // end of active support and end of life per release line
};

struct IcsExport {
    std::string text;
    std::vector<std::string> warnings;
};

IcsExport export_ics(const Plan& plan, const IcsExportOptions& options);
// The same text handed to `sink` in pieces of about 64 KiB (the calendar is never held whole: it is
// many times the size of its plan); returns the warnings. Costs a second pass over the plan, which
// finds the zones the VTIMEZONE blocks before the events must describe.
std::vector<std::string> write_ics(const Plan& plan, const IcsExportOptions& options,
                                   const std::function<void(std::string_view)>& sink);

// ---- import -------------------------------------------------------------------------------------

inline constexpr std::uint64_t max_ics_bytes = 16ull << 20;

struct IcsImportOptions {
    // Only occurrences starting within [from, until] are imported; recurring events are expanded
    // within it. Unset: each event's own start through the end of the tenth year after it.
    std::optional<Date> from;
    std::optional<Date> until;
};

struct IcsImport {
    std::vector<Period> periods;  // file order; a recurring event's occurrences in date order
    std::vector<std::string> warnings;
};

Result<IcsImport> import_ics(std::string_view text, const IcsImportOptions& options = {});

// Appends the periods of `add` that `into` does not already hold (same name, start and end), so
// importing the same calendar twice changes nothing. Returns how many were added.
std::size_t merge_periods(std::vector<Period>& into, const std::vector<Period>& add);

// ---- text building blocks (exposed for tests and other exporters) --------------------------------

// RFC 5545 TEXT escaping of already-clean text: \ ; , and newline.
std::string ics_escape_text(std::string_view text);
// Folds one content line (without line break) into CRLF-terminated physical lines of at most 75
// octets, breaking only between UTF-8 sequences.
std::string ics_fold_line(std::string_view line);

}  // namespace relplan

// relplan check | ics | schedule | windows: the release calendar from the command line.
#include "commands.hpp"
#include "cli_options.hpp"

#include "common/file_io.hpp"

#include "calendar/business_days.hpp"
#include "calendar/cadence.hpp"
#include "calendar/conflicts.hpp"
#include "calendar/ical.hpp"
#include "plan/plan_json.hpp"
#include "base/json_doc.hpp"
#include "base/text.hpp"
#include "base/tz.hpp"
#include "calendar/windows.hpp"

#include <algorithm>
#include <chrono>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace relplan::cli {
namespace {

using namespace std::chrono;

constexpr std::string_view check_usage =
    "usage: relplan check FILE [--today YYYY-MM-DD] [-q]\n"
    "  scheduling conflicts of a plan as a JSON array of {severity, code, releases, message}\n"
    "  (the output is JSON already: --json changes nothing);\n"
    "  exits 1 when a finding is an error or the plan has validation errors, 0 otherwise.\n"
    "  codes: window-invalid window-overlap blackout weekend holiday notice-period milestone-order\n"
    "         version-order freeze-exception unknown-zone date-range\n"
    "  --today DATE  the day notice periods are counted from when nothing is announced\n"
    "                (default: today, UTC)\n";

constexpr std::string_view ics_usage =
    "usage: relplan ics FILE [--utc] [--no-support] [--dtstamp YYYY-MM-DDTHH:MM:SSZ] [--json] [-q]\n"
    "  the plan as an iCalendar (RFC 5545) file: releases, milestones, change windows, blackouts,\n"
    "  and the end of active support and end of life of each release line (plans with a support policy).\n"
    "  --utc         write change windows in UTC instead of their zone (TZID + VTIMEZONE)\n"
    "  --no-support  leave the release lines' support dates out\n"
    "  --dtstamp     the DTSTAMP of every event (default: now)\n"
    "  --json        {warnings, text}: the warnings and the iCalendar text in one object\n"
    "  exit 1 when the plan cannot be read or has errors, 2 on a usage error\n";

constexpr std::string_view schedule_head =
    "usage: relplan schedule FILE --cadence SPEC --from DATE --count N [options]\n"
    "  adds a release train to the plan and prints the updated plan JSON.\n"
    "  --until DATE          stop at this date (then fewer than N releases are fine)\n"
    "  --type TYPE           major|minor|patch|hotfix|security (default: minor)\n"
    "  --component ID        component of every release (repeatable)\n"
    "  --calver SCHEME       CalVer versions per date, e.g. YYYY.0M.MICRO (default: SemVer,\n"
    "                        next minor after the highest version of the components)\n"
    "  --first-version V     SemVer version of the first release\n"
    "  --id-prefix P         release ids are P-VERSION (default: the first component, or release)\n"
    "  --in-place            write the plan file atomically instead of printing it\n"
    "  the output is plan JSON (--json changes nothing); -q: only the exit code\n";

constexpr std::string_view windows_usage =
    "usage: relplan windows FILE --release V [options]\n"
    "  the best change windows for the release with version V (tag form v1.2.3 too) or id V, each\n"
    "  with its score broken down factor by factor.\n"
    "  --from DATE, --until DATE  days searched (default: a week either side of the release date,\n"
    "                        else the next 30 days); at most 366 days\n"
    "  --zone ZONE           IANA zone of the windows (default: the release's window zone, else UTC)\n"
    "  --duration D          window length, e.g. 2h, 90m, 1h30m (default: the current window's, else\n"
    "                        the minimum)\n"
    "  --min-duration D, --max-duration D   (default: 2h for major releases, else 1h; 8h)\n"
    "  --step D              spacing of candidate starts (default: 1h)\n"
    "  --count N             windows to list, 1..50 (default: 5)\n"
    "  --allow-weekends      do not penalise Saturdays and Sundays\n"
    "  --outside-business-hours / --business-hours-ok   (default: outside for major releases)\n"
    "  --today DATE          for the notice period when nothing is announced (default: today)\n"
    "  --json                JSON instead of text (docs/cli.md)\n"
    "  exits 1 when no window fits or the plan has errors (the windows are still printed)\n";

Date today_utc() { return Date{floor<days>(system_clock::now())}; }

// Loads the plan, printing notes and validation errors to stderr. `valid` is false when there were
// errors; the plan is still returned when it could be decoded.
std::optional<Plan> load(const std::string& path, Io io, bool& valid) {
    valid = false;
    std::optional<PlanFile> file = load_plan_file(path, io);
    if (!file) return std::nullopt;
    valid = file->loaded.errors.empty();
    if (!file->loaded.plan) io.err << "relplan: " << clean_text(file->name) << " could not be read as a plan\n";
    return std::move(file->loaded.plan);
}

const TzDatabase* zone_database(Io io) {
    const auto& db = embedded_tzdb();
    if (db) return &*db;
    io.err << "relplan: " << clean_text(db.error().message) << "; times are shown in UTC\n";
    return nullptr;
}

std::optional<Date> date_option(const Options& o, std::string_view name, Io io, std::string_view text, int& rc) {
    auto v = o.value(name);
    if (!v) return std::nullopt;
    auto d = parse_date(*v, name);
    if (!d) {
        rc = usage_error(io, text, d.error().message);
        return std::nullopt;
    }
    return *d;
}

// "2h", "90m", "1h30m" -> minutes.
std::optional<minutes> parse_duration(std::string_view s) {
    std::int64_t total = 0;
    bool any = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::int64_t n = 0;
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 6) n = n * 10 + (s[i++] - '0');
        if (i == start || i >= s.size()) return std::nullopt;
        if (s[i] == 'h') total += n * 60;
        else if (s[i] == 'm') total += n;
        else return std::nullopt;
        ++i;
        any = true;
    }
    if (!any || total > 7 * 24 * 60) return std::nullopt;
    return minutes{total};
}

// "2026-03-08T07:30:00Z"
std::optional<sys_seconds> parse_utc_stamp(std::string_view s) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
    auto d = parse_date(s.substr(0, 10));
    if (!d) return std::nullopt;
    int parts[3] = {0, 0, 0};
    for (int k = 0; k < 3; ++k) {
        const char a = s[11 + k * 3], b = s[12 + k * 3];
        if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
        parts[k] = (a - '0') * 10 + (b - '0');
    }
    if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return sys_seconds{sys_days{*d}} + seconds{std::int64_t{parts[0]} * 3600 + parts[1] * 60 + parts[2]};
}

}  // namespace

int cmd_check(const Args& args, Io io) {
    const Options o(args, {"--today"}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, check_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, check_usage, "check takes one FILE");
    int rc = exit_ok;
    const auto today = date_option(o, "--today", io, check_usage, rc);
    if (rc != exit_ok) return rc;
    bool valid = false;
    const auto plan = load(o.positional()[0], io, valid);
    if (!plan) return exit_failed;
    ConflictOptions co;
    co.today = today ? *today : today_utc();
    co.zones = zone_database(io);
    bool errors = false;
    FindingsJson json([&](std::string_view piece) { io.out << piece; });
    find_conflicts(*plan, co, [&](Finding&& f) {
        errors = errors || f.severity == Severity::error;
        json.add(f);
    });
    json.finish();
    return errors || !valid ? exit_failed : exit_ok;
}

int cmd_ics(const Args& args, Io io) {
    const Options o(args, {"--dtstamp"}, {"--utc", "--no-support", "--json"});
    if (const auto done = help_or_usage_error(o, io, ics_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, ics_usage, "ics takes one FILE");
    IcsExportOptions eo;
    eo.dtstamp = floor<seconds>(system_clock::now());
    if (auto stamp = o.value("--dtstamp")) {
        auto t = parse_utc_stamp(*stamp);
        if (!t) return usage_error(io, ics_usage, "--dtstamp: '" + *stamp + "' is not a UTC time like 2026-03-08T07:30:00Z");
        eo.dtstamp = *t;
    }
    eo.times = o.has("--utc") ? IcsTimes::utc : IcsTimes::zoned;
    eo.support_phases = !o.has("--no-support");
    bool valid = false;
    const auto plan = load(o.positional()[0], io, valid);
    if (!plan) return exit_failed;
    if (eo.times == IcsTimes::zoned) eo.zones = zone_database(io);
    if (!o.has("--json")) {
        // Written as it is made: the calendar is several times the size of the plan.
        for (const std::string& w : write_ics(*plan, eo, [&](std::string_view piece) { io.out << piece; })) {
            io.err << "relplan: warning: " << clean_text(w) << "\n";
        }
        return valid ? exit_ok : exit_failed;
    }
    const IcsExport out = export_ics(*plan, eo);
    json::Writer w;
    w.begin_object();
    w.key("warnings");
    w.begin_array();
    for (const std::string& warning : out.warnings) w.string(clean_text(warning));
    w.end_array();
    w.member("text", out.text);
    w.end_object();
    io.out << w.take() << "\n";
    return valid ? exit_ok : exit_failed;
}

int cmd_schedule(const Args& args, Io io) {
    const std::string help = std::string(schedule_head) + "\n" + std::string(cadence_grammar);
    const Options o(args,
                    {"--cadence", "--from", "--count", "--until", "--type", "--component", "--calver",
                     "--first-version", "--id-prefix"},
                    {"--in-place", "-i", "--json"});
    if (const auto done = help_or_usage_error(o, io, help)) return *done;
    if (o.positional().size() != 1) return usage_error(io, help, "schedule takes one FILE");
    const std::string path = o.positional()[0];
    const bool in_place = o.has("--in-place") || o.has("-i");
    if (in_place && path == "-") return usage_error(io, help, "--in-place needs a file, not standard input");
    for (const char* required : {"--cadence", "--from", "--count"})
        if (!o.has(required)) return usage_error(io, help, std::string("schedule needs ") + required);
    auto cadence = parse_cadence(*o.value("--cadence"));
    if (!cadence) return usage_error(io, help, cadence.error().message);
    int rc = exit_ok;
    const auto from = date_option(o, "--from", io, help, rc);
    if (rc != exit_ok) return rc;
    const auto until = date_option(o, "--until", io, help, rc);
    if (rc != exit_ok) return rc;
    const std::string count_text = *o.value("--count");
    std::int64_t count = 0;
    if (count_text.empty() || count_text.size() > 6 ||
        count_text.find_first_not_of("0123456789") != std::string::npos)
        return usage_error(io, help, "--count: '" + count_text + "' is not a number");
    count = std::stoll(count_text);
    TrainOptions train;
    if (auto t = o.value("--type")) {
        auto type = from_string<ReleaseType>(*t);
        if (!type) return usage_error(io, help, "--type: '" + *t + "' is not major, minor, patch, hotfix or security");
        train.type = *type;
    }
    train.components = o.all("--component");
    if (auto s = o.value("--calver")) train.calver_scheme = *s;
    train.first_version = o.value("--first-version").value_or("");
    train.id_prefix = o.value("--id-prefix").value_or("");

    bool valid = false;
    auto plan = load(path, io, valid);
    if (!plan) return exit_failed;
    if (!valid) return fail(io, "fix the plan's errors before scheduling into it");
    const BusinessCalendar calendar(plan->holidays, train.components);
    auto dates = cadence_dates(*cadence, *from, count, calendar, until);
    if (!dates) return fail(io, dates.error().message);
    auto releases = plan_train(*plan, *dates, train);
    if (!releases) return fail(io, releases.error().message);
    for (const Release& r : *releases) {
        io.err << "relplan: added " << clean_text(r.id) << " (" << clean_text(r.version) << ") on "
               << format_date(*r.release_date) << "\n";
        plan->releases.push_back(r);
    }
    const std::string json = to_json(*plan);
    if (!in_place) {
        io.out << json;
        return exit_ok;
    }
    auto written = native::rewrite_file_in_place(path, json);
    if (!written) return fail(io, written.error().message);
    return exit_ok;
}

int cmd_windows(const Args& args, Io io) {
    const Options o(args,
                    {"--release", "--from", "--until", "--zone", "--duration", "--min-duration", "--max-duration",
                     "--step", "--count", "--today"},
                    {"--allow-weekends", "--outside-business-hours", "--business-hours-ok", "--json"});
    if (const auto done = help_or_usage_error(o, io, windows_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, windows_usage, "windows takes one FILE");
    if (!o.has("--release")) return usage_error(io, windows_usage, "windows needs --release ID");
    int rc = exit_ok;
    const auto from = date_option(o, "--from", io, windows_usage, rc);
    if (rc != exit_ok) return rc;
    const auto until = date_option(o, "--until", io, windows_usage, rc);
    if (rc != exit_ok) return rc;
    const auto today = date_option(o, "--today", io, windows_usage, rc);
    if (rc != exit_ok) return rc;
    WindowRequest req;
    req.today = today ? *today : today_utc();
    req.zone = o.value("--zone").value_or("");
    req.avoid_weekends = !o.has("--allow-weekends");
    if (o.has("--outside-business-hours")) req.outside_business_hours = true;
    if (o.has("--business-hours-ok")) req.outside_business_hours = false;
    const std::pair<const char*, std::optional<minutes>*> durations[] = {
        {"--duration", &req.duration}, {"--min-duration", &req.min_duration}, {"--max-duration", &req.max_duration}};
    for (const auto& [name, target] : durations) {
        if (auto v = o.value(name)) {
            auto d = parse_duration(*v);
            if (!d) return usage_error(io, windows_usage, std::string(name) + ": '" + *v + "' is not a duration like 2h, 90m or 1h30m");
            *target = *d;
        }
    }
    if (auto v = o.value("--step")) {
        auto d = parse_duration(*v);
        if (!d) return usage_error(io, windows_usage, "--step: '" + *v + "' is not a duration like 1h or 30m");
        req.step = *d;
    }
    if (auto v = o.value("--count")) {
        if (v->empty() || v->size() > 3 || v->find_first_not_of("0123456789") != std::string::npos)
            return usage_error(io, windows_usage, "--count: '" + *v + "' is not a number");
        req.count = std::stoll(*v);
    }

    bool valid = false;
    const auto plan = load(o.positional()[0], io, valid);
    if (!plan) return exit_failed;
    const TzDatabase* zones = zone_database(io);
    if (!zones) return fail(io, "the window finder needs the zone database");
    const Release* release = find_release_argument(*plan, *o.value("--release"));
    if (!release) return fail(io, "no release with version or id '" + *o.value("--release") + "'");
    const std::string id = release->id;
    const Date anchor = release->release_date && check_date(*release->release_date, "date") ? *release->release_date
                                                                                           : *req.today;
    const bool dated = release->release_date.has_value();
    req.from = from ? *from : Date{sys_days{anchor} - days{dated ? 7 : 0}};
    req.until = until ? *until : Date{sys_days{req.from} + days{dated ? 14 : 30}};
    auto search = find_windows(*plan, id, req, *zones);
    if (!search) return fail(io, search.error().message);
    io.out << (o.has("--json") ? window_search_to_json(*search) : format_window_search(*search));
    return search->candidates.empty() || !valid ? exit_failed : exit_ok;
}

}  // namespace relplan::cli

// relplan impact | support: who a release reaches, and how long each release line is supported.
#include "commands.hpp"
#include "cli_options.hpp"

#include "common/file_io.hpp"

#include "base/json_doc.hpp"
#include "base/text.hpp"
#include "lifecycle/consumer_import.hpp"
#include "lifecycle/impact.hpp"
#include "lifecycle/support.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_time.hpp"
#include "version/semver.hpp"

#include <algorithm>
#include <chrono>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace relplan::cli {
namespace {

constexpr std::string_view impact_usage =
    "usage: relplan impact PLAN [--release V] [--package NAME] [--consumers FILE]... [--json] [-q]\n"
    "  who receives each planned release automatically and who is cut off by their version range\n"
    "  (node-semver's answers), with the range cut-off consumers should move to.\n"
    "  --release V      only this release (version, tag form v1.2.3, or id); default: every release\n"
    "                   that is not released or cancelled\n"
    "  --package NAME   the package consumers depend on (default: the plan's project.package)\n"
    "  --consumers FILE a package.json, package-lock.json, `npm ls --json` output or consumers list\n"
    "                   (repeatable); added to the plan's own consumers\n"
    "  --json           an array of {consumer, range, version, release, receives, kind,\n"
    "                   suggested_range, owner, contact}\n"
    "  exits 1 when a consumer is cut off by a release, 0 otherwise\n";

constexpr std::string_view support_usage =
    "usage: relplan support PLAN [--format text|json|endoflife] [--json] [--today YYYY-MM-DD] [-q]\n"
    "                            [--import-eol FILE --product NAME [--cycle C]...]\n"
    "  each release line's support phases (active, maintenance, end of life) and warnings.\n"
    "  --format         text (default); json: {lines, warnings}; endoflife: endoflife.date's shape\n"
    "  --json           the same as --format json\n"
    "  --today DATE     the day phases are computed for (default: today, UTC)\n"
    "  --import-eol F   read endoflife.date JSON for product NAME (--product) as dependency cycles,\n"
    "                   checked against the planned releases; --cycle keeps only the cycles you\n"
    "                   run on (repeatable; default: all)\n"
    "  exits 1 when there are warnings, 0 otherwise\n";

// The plan in `path`; nullopt (the errors printed) unless it is valid.
std::optional<Plan> load(const std::string& path, Io io) {
    std::optional<PlanFile> file = load_plan_file(path, io);
    if (!file) return std::nullopt;
    if (!file->loaded.errors.empty() || !file->loaded.plan) {
        io.err << "relplan: " << clean_text(file->name) << " is not a valid plan\n";
        return std::nullopt;
    }
    return std::move(file->loaded.plan);
}

bool matches_release(const Release& r, std::string_view wanted) {
    return r.id == wanted || r.version == wanted || r.version == version_argument(wanted);
}

void write_impact_json(json::Writer& w, const ConsumerImpact& row, const Release& r) {
    w.begin_object();
    w.member("consumer", row.consumer);
    w.member("range", row.range);
    w.member("version", row.version);
    w.member("release", r.id);
    w.member("receives", row.receives);
    w.member("kind", to_string(row.kind));
    w.member("suggested_range", row.suggested_range);
    w.member("owner", row.owner);
    w.member("contact", row.contact);
    w.end_object();
}

std::string impact_line(const ConsumerImpact& row) {
    std::string who = row.consumer + " (" + row.range + ")";
    switch (row.kind) {
        case ImpactKind::receives: return "  receives  " + who;
        case ImpactKind::cut_off: return "  CUT OFF   " + who + ": move to " + row.suggested_range;
        case ImpactKind::prerelease_excluded:
            return "  not yet   " + who + ": node-semver keeps pre-releases away; to test it declare " +
                   row.suggested_range;
        case ImpactKind::below_range: return "  not for   " + who + ": it wants newer versions";
        case ImpactKind::outside_range: return "  skips     " + who + ": the version falls between its ranges";
        case ImpactKind::invalid_range: return "  INVALID   " + who + ": not a node-semver range";
    }
    return who;
}

}  // namespace

int cmd_impact(const Args& args, Io io) {
    const Options o(args, {"--release", "--package", "--consumers"}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, impact_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, impact_usage, "impact needs exactly one PLAN file");
    auto plan = load(o.positional()[0], io);
    if (!plan) return exit_failed;
    std::string package = o.value("--package").value_or(plan->project.package);
    std::vector<Consumer> consumers = plan->consumers;
    for (const std::string& file : o.all("--consumers")) {
        auto text = native::read_file(file, max_plan_bytes);
        if (!text) return fail(io, text.error().message);
        auto imported = import_consumers(*text, package);
        if (!imported) {
            Error e = imported.error();
            return fail(io, file + (e.offset != Error::npos ? " (byte " + std::to_string(e.offset) + ")" : "") + ": " +
                                e.message);
        }
        if (imported->consumers.empty())
            io.err << "relplan: note: " << clean_text(file) << " (" << to_string(imported->source)
                   << ") does not depend on " << clean_text(package.empty() ? "the package" : package) << "\n";
        merge_consumers(consumers, imported->consumers);
    }
    std::optional<std::string> wanted = o.value("--release");
    std::vector<const Release*> releases;
    for (const Release& r : plan->releases) {
        if (wanted ? matches_release(r, *wanted)
                   : r.status != ReleaseStatus::released && r.status != ReleaseStatus::cancelled && !r.version.empty())
            releases.push_back(&r);
    }
    if (wanted && releases.empty()) return fail(io, "no release with version or id '" + *wanted + "' in the plan");
    bool json_out = o.has("--json");
    bool cut = false;
    json::Writer w;
    w.begin_array();
    for (const Release* r : releases) {
        auto impact = release_impact(consumers, r->version);
        if (!impact) {
            io.err << "relplan: " << clean_text(r->id) << ": " << clean_text(impact.error().message) << "\n";
            continue;
        }
        if (!json_out) io.out << (r->version.empty() ? r->id : r->version) << " (" << r->id << ")\n";
        for (const ConsumerImpact& row : *impact) {
            cut = cut || row.kind == ImpactKind::cut_off;
            if (json_out) write_impact_json(w, row, *r);
            else io.out << clean_text(impact_line(row)) << "\n";
        }
        if (!json_out && impact->empty()) io.out << "  no consumers listed\n";
    }
    w.end_array();
    if (json_out) io.out << w.take() << "\n";
    return cut ? exit_failed : exit_ok;
}

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? format_iso_date(*d) : "-"; }

void write_support_json(const SupportReport& report, Io io) {
    json::Writer w;
    w.begin_object();
    w.key("lines");
    w.begin_array();
    for (const LineSchedule& s : report.lines) {
        w.begin_object();
        w.member("line", s.line);
        w.member("phase", to_string(s.phase));
        for (auto [key, date] : {std::pair{"release_date", &s.release_date}, std::pair{"active_until", &s.active_until},
                                 std::pair{"eol", &s.eol}}) {
            w.key(key);
            if (*date) w.string(format_iso_date(**date));
            else w.null();
        }
        w.member("lts", s.lts);
        w.member("latest", s.latest);
        w.member("latest_planned", s.latest_planned);
        w.end_object();
    }
    w.end_array();
    w.key("warnings");
    w.begin_array();
    for (const SupportWarning& warning : report.warnings) {
        w.begin_object();
        w.member("kind", to_string(warning.kind));
        w.member("line", warning.line);
        w.member("release", warning.release_id);
        w.member("message", warning.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    io.out << w.take() << "\n";
}

void write_support_text(const SupportReport& report, Io io) {
    if (report.lines.empty()) io.out << "no release lines: the plan has no SemVer releases\n";
    for (const LineSchedule& s : report.lines) {
        io.out << s.line << (s.lts ? " (LTS)" : "") << "  " << to_string(s.phase) << "  released "
               << date_text(s.release_date) << ", active until " << date_text(s.active_until) << ", end of life "
               << date_text(s.eol) << ", latest " << (s.latest.empty() ? "-" : s.latest);
        if (s.latest_planned != s.latest) io.out << " (planned " << s.latest_planned << ")";
        io.out << "\n";
    }
    for (const SupportWarning& warning : report.warnings)
        io.out << "warning: " << clean_text(warning.message) << "\n";
}

}  // namespace

int cmd_support(const Args& args, Io io) {
    const Options o(args, {"--format", "--today", "--import-eol", "--product", "--cycle"}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, support_usage)) return *done;
    if (o.positional().size() != 1) return usage_error(io, support_usage, "support needs exactly one PLAN file");
    std::string format = o.value("--format").value_or(o.has("--json") ? "json" : "text");
    if (format != "text" && format != "json" && format != "endoflife")
        return usage_error(io, support_usage, "--format must be text, json or endoflife");
    if (o.has("--json") && format != "json") return usage_error(io, support_usage, "--json is --format json");
    Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (auto t = o.value("--today")) {
        auto d = parse_plan_date(*t);
        if (!d || !d->ok()) return usage_error(io, support_usage, "--today must be a YYYY-MM-DD date, not '" + *t + "'");
        today = *d;
    }
    if (o.has("--import-eol") != o.has("--product"))
        return usage_error(io, support_usage, "--import-eol and --product go together");
    auto plan = load(o.positional()[0], io);
    if (!plan) return exit_failed;
    if (auto file = o.value("--import-eol")) {
        auto text = native::read_file(*file, max_plan_bytes);
        if (!text) return fail(io, text.error().message);
        auto cycles = import_endoflife(*text, *o.value("--product"));
        if (!cycles) return fail(io, *file + ": " + cycles.error().message);
        std::vector<std::string> wanted = o.all("--cycle");
        for (const DependencySupport& dep : *cycles)
            if (wanted.empty() || std::find(wanted.begin(), wanted.end(), dep.cycle) != wanted.end())
                plan->dependencies.push_back(dep);
    }
    SupportReport report = support_report(*plan, today);
    if (format == "endoflife") io.out << endoflife_json(report);
    else if (format == "json") write_support_json(report, io);
    else write_support_text(report, io);
    return report.warnings.empty() ? exit_ok : exit_failed;
}

}  // namespace relplan::cli

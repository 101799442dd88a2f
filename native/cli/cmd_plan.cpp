// relplan plan validate|fmt, relplan import changelog|commits, relplan changelog.
#include "commands.hpp"
#include "cli_options.hpp"

#include "common/file_io.hpp"

#include "base/json_doc.hpp"

#include "calendar/business_days.hpp"
#include "calendar/dst_gap.hpp"
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/commit_import.hpp"
#include "plan/plan_lint.hpp"
#include "version/commits.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_schema.hpp"
#include "base/text.hpp"
#include "base/tz.hpp"

#include <chrono>
#include <istream>
#include <optional>
#include <ostream>

namespace relplan::cli {
namespace {

constexpr std::string_view plan_usage =
    "usage: relplan plan validate FILE... [--json]\n"
    "       relplan plan fmt FILE [--in-place]\n"
    "       relplan plan schema\n"
    "  validate  check plan files; prints FILE:LINE:COLUMN: /pointer: message for every problem (the\n"
    "            first 100 and a count of the rest; --json lists all) and exits 1 when there is one; it\n"
    "            warns (without failing) of change-window times written inside a DST gap\n"
    "  fmt       print the canonical form of a plan (--in-place: rewrite the file atomically)\n"
    "  schema    print the JSON Schema of plan files (assets/plan.schema.json)\n"
    "  FILE may be - for standard input (not with --in-place)\n"
    "  --json    validate: {files: [{file, valid, releases, changes, errors, warnings, notes}]}, each\n"
    "            problem {pointer, line, column, message}; fmt and schema print JSON already\n";

constexpr std::string_view import_usage =
    "usage: relplan import changelog FILE [--explain]\n"
    "       relplan import commits --release V [--plan FILE] [--date YYYY-MM-DD]\n"
    "  changelog  a changelog (Keep a Changelog, conventional-changelog, release-please, git-cliff, GitHub\n"
    "             release notes, hand-written lists) as plan JSON on stdout; --explain: on stderr, the\n"
    "             dialect, what each section became and what was dropped and why\n"
    "  commits    NUL-separated commit messages on stdin (git log -z --format=%B) become the changes\n"
    "             of release V (added as a planning release when the plan has none); plan JSON on stdout\n"
    "             --date: the imported changes' added_on (default: today, UTC); V may be a tag (v1.2.0)\n"
    "  the output is plan JSON (--json changes nothing); exit 1 on invalid input, 2 on a usage error\n";

constexpr std::string_view changelog_usage =
    "usage: relplan changelog FILE [--component ID] [--today YYYY-MM-DD] [--json]\n"
    "  the plan as a Keep a Changelog file: [Unreleased] first, then releases newest first.\n"
    "  --component ID  only releases that include this component\n"
    "  --today DATE    the date embargoes are checked against (default: today, UTC)\n"
    "  --json          {file_name, text}: the file's name and its text in one object\n"
    "  exit 1 when the plan cannot be read or has errors (the changelog is still printed)\n";

bool wants_help(const Args& args) {
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") return true;
    }
    return false;
}

int usage(Io io, std::string_view text, const std::string& problem) {
    io.err << "relplan: " << clean_text(problem) << "\n" << text;
    return exit_usage;
}

// The exit code of a command with subcommands when there is none to run: none named (a usage error)
// or help asked for. nullopt when the subcommand should run.
std::optional<int> without_subcommand(const Args& args, Io io, std::string_view text, std::string_view command) {
    if (args.empty()) return usage(io, text, std::string(command) + " needs a subcommand");
    if (!wants_help(args)) return std::nullopt;
    io.out << text;
    return exit_ok;
}

Result<std::string> read_input(const std::string& path, Io io, std::uint64_t max_bytes) {
    return native::read_input(path, io.in, max_bytes);
}

// Loads a plan file, printing every note and error. nullopt when there is no plan to work with.
std::optional<Plan> load(const std::string& path, Io io, bool& had_errors) {
    std::optional<PlanFile> file = load_plan_file(path, io, true);
    had_errors = !file || !file->loaded.errors.empty();
    if (!file) return std::nullopt;
    return std::move(file->loaded.plan);
}

// Times in a DST gap are kept as written (the offset decides) and reported, not refused.
std::vector<Diagnostic> plan_warnings(const Plan& plan, std::string_view text) {
    const auto& zones = embedded_tzdb();
    return zones ? calendar::dst_gap_warnings(plan, *zones, text) : std::vector<Diagnostic>{};
}

int plan_validate(const Args& files, Io io) {
    if (files.empty()) return usage(io, plan_usage, "plan validate needs a FILE");
    int rc = exit_ok;
    for (const std::string& path : files) {
        std::optional<PlanFile> file = load_plan_file(path, io, true);
        if (!file || !file->loaded.plan || !file->loaded.errors.empty()) {
            rc = exit_failed;
            continue;
        }
        const Plan* plan = &*file->loaded.plan;
        for (const Diagnostic& w : plan_warnings(*plan, file->text)) print_diagnostic(io.err, w, file->name, "warning");
        std::size_t changes = 0;
        for (const Release& r : plan->releases) changes += r.changes.size();
        io.out << clean_text(display_name(path)) << ": valid (" << plan->releases.size() << " releases, " << changes
               << " changes)\n";
    }
    return rc;
}

int plan_fmt(const Args& args, Io io) {
    std::string path;
    bool in_place = false;
    for (const std::string& a : args) {
        if (a == "--in-place" || a == "-i") {
            in_place = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return usage(io, plan_usage, "unknown option " + a);
        } else if (path.empty()) {
            path = a;
        } else {
            return usage(io, plan_usage, "plan fmt takes one FILE");
        }
    }
    if (path.empty()) return usage(io, plan_usage, "plan fmt needs a FILE");
    if (in_place && path == "-") return usage(io, plan_usage, "--in-place needs a file, not standard input");

    std::optional<PlanFile> file = load_plan_file(path, io);
    if (!file) return exit_failed;
    const PlanLoad& loaded = file->loaded;
    if (!loaded.plan) {
        io.err << "relplan: " << clean_text(file->name) << " was not formatted\n";
        return exit_failed;
    }
    // Written as it is serialised: the canonical form of a minified plan is about twice its size.
    if (!in_place) {
        write_json(*loaded.plan, [&](std::string_view piece) { io.out << piece; });
        return exit_ok;
    }
    std::string_view unchanged = file->text;  // the bytes of the file not matched yet
    bool same = true;
    write_json(*loaded.plan, [&](std::string_view piece) {
        same = same && unchanged.substr(0, piece.size()) == piece;
        if (same) unchanged.remove_prefix(piece.size());
    });
    if (same && unchanged.empty()) return exit_ok;
    const auto written = native::rewrite_file_in_place(
        path, [&](const native::Sink& write) { write_json(*loaded.plan, write); });
    if (!written) {
        io.err << "relplan: " << clean_text(written.error().message) << "\n";
        return exit_failed;
    }
    return exit_ok;
}

int import_changelog_cmd(const Args& all_args, Io io) {
    Args args = all_args;
    const bool explain = take_flag(args, "--explain");
    for (const std::string& a : args)
        if (a.size() > 1 && a[0] == '-') return usage(io, import_usage, "unknown option " + a);
    if (args.size() != 1) return usage(io, import_usage, "import changelog takes one FILE");
    const std::string& path = args[0];
    const std::string name = display_name(path);
    const auto text = read_input(path, io, max_changelog_bytes);
    if (!text) {
        io.err << "relplan: " << clean_text(text.error().message) << "\n";
        return exit_failed;
    }
    const auto written = write_changelog_import(*text, [&](std::string_view piece) { io.out << piece; });
    if (!written) {
        const Error& e = written.error();
        print_diagnostic(io.err, e.offset == Error::npos ? Diagnostic{"", e.message, 0, 0} : diagnostic_at(*text, e.offset, e.message),
                         name);
        return exit_failed;
    }
    for (const Diagnostic& n : written->imported.notes) print_diagnostic(io.err, n, name, "note");
    for (const Diagnostic& w : written->warnings) print_diagnostic(io.err, w, name, "warning");
    if (explain) io.err << explain_changelog_import(written->imported);
    return exit_ok;
}

// The release import_commits adds to: the first with version `release`, else the one with that id.
std::optional<std::size_t> import_target(const Plan& plan, std::string_view release) {
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        if (plan.releases[i].version == release) return i;
    }
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        if (plan.releases[i].id == release) return i;
    }
    return std::nullopt;
}

int import_commits_cmd(const Args& args, Io io) {
    std::string release, plan_path;
    // Commit messages carry no dates; without added_on the freeze checks could not see late changes.
    Date added_on{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "--release" || a == "--plan") && i + 1 < args.size()) {
            (a == "--release" ? release : plan_path) = args[++i];
        } else if (a == "--date" && i + 1 < args.size()) {
            const auto date = parse_date(args[++i], "--date");
            if (!date) return usage(io, import_usage, date.error().message);
            added_on = *date;
        } else {
            return usage(io, import_usage, "unexpected argument " + a);
        }
    }
    if (release.empty()) return usage(io, import_usage, "import commits needs --release V");

    Plan base;
    base.project.name = "Untitled project";
    if (!plan_path.empty()) {
        if (plan_path == "-") return usage(io, import_usage, "--plan needs a file; commits come on standard input");
        bool had_errors = false;
        auto plan = load(plan_path, io, had_errors);
        if (!plan) return exit_failed;
        base = std::move(*plan);
    }
    // A tag (v1.2.0) names the release with that version unless a release has the tag as its id.
    if (!import_target(base, release)) release = version_argument(release);
    const auto log = read_input("-", io, max_commit_log_bytes);
    if (!log) {
        io.err << "relplan: " << clean_text(log.error().message) << "\n";
        return exit_failed;
    }
    if (const auto warning = commit_log_warning(*log)) io.err << "relplan: warning: " << *warning << "\n";
    CommitImportOptions options;
    options.added_on = added_on;
    // The streaming import: the imported changes are written as they are read, never all held.
    const auto imported = import_commits_json(std::move(base), release, *log, options);
    if (!imported) {
        io.err << "relplan: " << clean_text(imported.error().message) << "\n";
        return exit_failed;
    }
    for (const Diagnostic& n : imported->notes) print_diagnostic(io.err, n, "<stdin>", "note");
    for (const std::string& piece : imported->json) io.out << piece;
    return exit_ok;
}

void diagnostics_json(json::Writer& w, std::string_view key, const std::vector<Diagnostic>& list) {
    w.key(key);
    w.begin_array();
    for (const Diagnostic& d : list) {
        w.begin_object();
        w.member("pointer", d.pointer);
        w.member("line", d.line);
        w.member("column", d.column);
        w.member("message", d.message);
        w.end_object();
    }
    w.end_array();
}

// plan validate --json: one object for all files; exit 1 when one of them is not valid.
int plan_validate_json(const Args& files, Io io) {
    if (files.empty()) return usage(io, plan_usage, "plan validate needs a FILE");
    int rc = exit_ok;
    json::Writer w;
    w.begin_object();
    w.key("files");
    w.begin_array();
    for (const std::string& path : files) {
        const auto text = read_input(path, io, max_plan_bytes);
        PlanLoad loaded;
        if (text) loaded = load_plan(*text);
        else loaded.errors.push_back(Diagnostic{"", text.error().message, 0, 0});
        if (loaded.plan) for (Diagnostic& d : lint_plan(*loaded.plan, *text)) loaded.errors.push_back(std::move(d));
        const bool valid = loaded.plan && loaded.errors.empty();
        if (!valid) rc = exit_failed;
        std::size_t changes = 0;
        if (loaded.plan)
            for (const Release& r : loaded.plan->releases) changes += r.changes.size();
        w.begin_object();
        w.member("file", display_name(path));
        w.member("valid", valid);
        w.member("releases", loaded.plan ? static_cast<std::int64_t>(loaded.plan->releases.size()) : 0);
        w.member("changes", static_cast<std::int64_t>(changes));
        diagnostics_json(w, "errors", loaded.errors);
        diagnostics_json(w, "warnings", loaded.plan ? plan_warnings(*loaded.plan, text ? *text : "") : std::vector<Diagnostic>{});
        diagnostics_json(w, "notes", loaded.notes);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    io.out << w.take() << "\n";
    return rc;
}

}  // namespace

int cmd_plan(const Args& args, Io io) {
    if (const auto rc = without_subcommand(args, io, plan_usage, "plan")) return *rc;
    Args rest(args.begin() + 1, args.end());
    const bool as_json = take_flag(rest, "--json");  // fmt and schema print JSON anyway
    if (args[0] == "validate") {
        for (const std::string& a : rest)
            if (a.size() > 1 && a[0] == '-') return usage(io, plan_usage, "unknown option " + a);
        return as_json ? plan_validate_json(rest, io) : plan_validate(rest, io);
    }
    if (args[0] == "fmt") return plan_fmt(rest, io);
    if (args[0] == "schema" && !rest.empty()) return usage(io, plan_usage, "plan schema takes no argument: " + rest[0]);
    if (args[0] == "schema") {
        io.out << plan_json_schema();
        return exit_ok;
    }
    return usage(io, plan_usage, "unknown plan subcommand " + args[0]);
}

int cmd_import(const Args& args, Io io) {
    if (const auto rc = without_subcommand(args, io, import_usage, "import")) return *rc;
    Args rest(args.begin() + 1, args.end());
    take_flag(rest, "--json");  // the output is plan JSON
    if (args[0] == "changelog") return import_changelog_cmd(rest, io);
    if (args[0] == "commits") return import_commits_cmd(rest, io);
    return usage(io, import_usage, "unknown import subcommand " + args[0]);
}

int cmd_changelog(const Args& all_args, Io io) {
    if (wants_help(all_args)) {
        io.out << changelog_usage;
        return exit_ok;
    }
    Args args = all_args;
    const bool as_json = take_flag(args, "--json");
    std::string path;
    ChangelogOptions options;
    options.today = Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--component" && i + 1 < args.size()) {
            options.component = args[++i];
        } else if (a == "--today" && i + 1 < args.size()) {
            const auto today = parse_date(args[++i], "--today");
            if (!today) return usage(io, changelog_usage, today.error().message);
            options.today = *today;
        } else if (path.empty() && (a == "-" || a.empty() || a[0] != '-')) {
            path = a;
        } else {
            return usage(io, changelog_usage, "unexpected argument " + a);
        }
    }
    if (path.empty()) return usage(io, changelog_usage, "changelog needs a FILE");
    bool had_errors = false;
    const auto plan = load(path, io, had_errors);
    if (!plan) return exit_failed;
    const std::string text = changelog_document(*plan, options);
    // A plan with errors still gets its changelog, but the exit code says it is not good.
    const int rc = had_errors ? exit_failed : exit_ok;
    if (!as_json) {
        io.out << text;
        return rc;
    }
    json::Writer w;
    w.begin_object();
    w.member("file_name", "CHANGELOG.md");
    w.member("text", text);
    w.end_object();
    io.out << w.take() << "\n";
    return rc;
}

}  // namespace relplan::cli

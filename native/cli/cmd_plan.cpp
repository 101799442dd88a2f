// relplan plan validate|fmt, relplan import changelog|commits, relplan changelog.
#include "commands.hpp"

#include "common/file_io.hpp"

#include "calendar/business_days.hpp"
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/commit_import.hpp"
#include "version/commits.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_schema.hpp"
#include "base/text.hpp"

#include <chrono>
#include <istream>
#include <optional>
#include <ostream>

namespace relplan::cli {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

constexpr std::string_view plan_usage =
    "usage: relplan plan validate FILE...\n"
    "       relplan plan fmt FILE [--in-place]\n"
    "       relplan plan schema\n"
    "  validate  check plan files; prints FILE:LINE:COLUMN: /pointer: message for every problem and\n"
    "            exits 1 when there is one\n"
    "  fmt       print the canonical form of a plan (--in-place: rewrite the file atomically)\n"
    "  schema    print the JSON Schema of plan files (assets/plan.schema.json)\n"
    "  FILE may be - for standard input (not with --in-place)\n";

constexpr std::string_view import_usage =
    "usage: relplan import changelog FILE\n"
    "       relplan import commits --release V [--plan FILE] [--date YYYY-MM-DD]\n"
    "  changelog  a Keep a Changelog or conventional-changelog file as plan JSON on stdout\n"
    "  commits    NUL-separated commit messages on stdin (git log -z --format=%B) become the changes\n"
    "             of release V (added as a planning release when the plan has none); plan JSON on stdout\n"
    "             --date: the imported changes' added_on (default: today, UTC)\n";

constexpr std::string_view changelog_usage =
    "usage: relplan changelog FILE [--component ID] [--today YYYY-MM-DD]\n"
    "  the plan as a Keep a Changelog file: [Unreleased] first, then releases newest first.\n"
    "  --component ID  only releases that include this component\n"
    "  --today DATE    the date embargoes are checked against (default: today, UTC)\n";

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

void print(std::ostream& os, const Diagnostic& d, std::string_view file, std::string_view kind = {}) {
    Diagnostic shown = d;
    if (!kind.empty()) {
        shown.pointer.clear();
        shown.message = std::string(kind) + ": " + (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
    }
    os << clean_text(format_diagnostic(shown, file)) << "\n";
}

Result<std::string> read_input(const std::string& path, Io io, std::uint64_t max_bytes) {
    return native::read_input(path, io.in, max_bytes);
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Loads a plan file, printing every note and error. nullopt when there is no plan to work with.
std::optional<Plan> load(const std::string& path, Io io, bool& had_errors) {
    const auto text = read_input(path, io, max_plan_bytes);
    if (!text) {
        io.err << "relplan: " << clean_text(text.error().message) << "\n";
        had_errors = true;
        return std::nullopt;
    }
    PlanLoad loaded = load_plan(*text);
    const std::string name = display_name(path);
    for (const Diagnostic& n : loaded.notes) print(io.err, n, name, "note");
    for (const Diagnostic& e : loaded.errors) print(io.err, e, name);
    had_errors = !loaded.errors.empty();
    return std::move(loaded.plan);
}

int plan_validate(const Args& files, Io io) {
    if (files.empty()) return usage(io, plan_usage, "plan validate needs a FILE");
    int rc = exit_ok;
    for (const std::string& path : files) {
        bool had_errors = false;
        const auto plan = load(path, io, had_errors);
        if (!plan || had_errors) {
            rc = exit_failed;
            continue;
        }
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

    const auto original = read_input(path, io, max_plan_bytes);
    if (!original) {
        io.err << "relplan: " << clean_text(original.error().message) << "\n";
        return exit_failed;
    }
    PlanLoad loaded = load_plan(*original);
    const std::string name = display_name(path);
    for (const Diagnostic& n : loaded.notes) print(io.err, n, name, "note");
    for (const Diagnostic& e : loaded.errors) print(io.err, e, name);
    if (!loaded.plan) {
        io.err << "relplan: " << clean_text(name) << " was not formatted\n";
        return exit_failed;
    }
    const std::string json = to_json(*loaded.plan);
    if (!in_place) {
        io.out << json;
        return exit_ok;
    }
    if (json == *original) return exit_ok;
    const auto written = native::rewrite_file_in_place(path, json);
    if (!written) {
        io.err << "relplan: " << clean_text(written.error().message) << "\n";
        return exit_failed;
    }
    return exit_ok;
}

int import_changelog_cmd(const Args& args, Io io) {
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-')) {
        return usage(io, import_usage, "import changelog takes one FILE");
    }
    const std::string& path = args[0];
    const std::string name = display_name(path);
    const auto text = read_input(path, io, max_changelog_bytes);
    if (!text) {
        io.err << "relplan: " << clean_text(text.error().message) << "\n";
        return exit_failed;
    }
    const auto imported = import_changelog(*text);
    if (!imported) {
        const Error& e = imported.error();
        print(io.err, e.offset == Error::npos ? Diagnostic{"", e.message, 0, 0} : diagnostic_at(*text, e.offset, e.message),
              name);
        return exit_failed;
    }
    for (const Diagnostic& n : imported->notes) print(io.err, n, name, "note");
    for (const Diagnostic& w : validate_plan(imported->plan)) print(io.err, w, name, "warning");
    io.out << to_json(imported->plan);
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
    const auto log = read_input("-", io, max_commit_log_bytes);
    if (!log) {
        io.err << "relplan: " << clean_text(log.error().message) << "\n";
        return exit_failed;
    }
    if (const auto warning = commit_log_warning(*log)) io.err << "relplan: warning: " << *warning << "\n";
    auto imported = import_commits(base, release, *log);
    if (!imported) {
        io.err << "relplan: " << clean_text(imported.error().message) << "\n";
        return exit_failed;
    }
    // import_commits appends: the release's changes past those it had in `base` are the imported ones.
    const auto before = import_target(base, release);
    if (const auto after = import_target(imported->plan, release)) {
        std::vector<Change>& changes = imported->plan.releases[*after].changes;
        const std::size_t had = before ? base.releases[*before].changes.size() : 0;
        for (std::size_t i = had; i < changes.size(); ++i) changes[i].added_on = added_on;
    }
    for (const Diagnostic& n : imported->notes) print(io.err, n, "<stdin>", "note");
    io.out << to_json(imported->plan);
    return exit_ok;
}

}  // namespace

int cmd_plan(const Args& args, Io io) {
    if (args.empty()) return usage(io, plan_usage, "plan needs a subcommand");
    if (wants_help(args)) {
        io.out << plan_usage;
        return exit_ok;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args[0] == "validate") return plan_validate(rest, io);
    if (args[0] == "fmt") return plan_fmt(rest, io);
    if (args[0] == "schema" && rest.empty()) {
        io.out << plan_json_schema();
        return exit_ok;
    }
    return usage(io, plan_usage, "unknown plan subcommand " + args[0]);
}

int cmd_import(const Args& args, Io io) {
    if (args.empty()) return usage(io, import_usage, "import needs a subcommand");
    if (wants_help(args)) {
        io.out << import_usage;
        return exit_ok;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args[0] == "changelog") return import_changelog_cmd(rest, io);
    if (args[0] == "commits") return import_commits_cmd(rest, io);
    return usage(io, import_usage, "unknown import subcommand " + args[0]);
}

int cmd_changelog(const Args& args, Io io) {
    if (wants_help(args)) {
        io.out << changelog_usage;
        return exit_ok;
    }
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
    io.out << changelog_document(*plan, options);
    return exit_ok;
}

}  // namespace relplan::cli

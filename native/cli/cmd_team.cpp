// relplan diff / merge: plans kept in git by a team (core/lib/team). Both also serve as git drivers:
// `diff` accepts git's seven external-diff arguments, `merge` is a merge driver (`%O %A %B -o %A`).
#include "commands.hpp"
#include "cli_options.hpp"

#include "common/file_io.hpp"

#include "base/text.hpp"
#include "base/tz.hpp"
#include "plan/plan_json.hpp"
#include "team/diff.hpp"
#include "team/merge.hpp"

#include <iterator>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace relplan::cli {
namespace {

constexpr int exit_same = 0;    // diff: equal; merge: clean
constexpr int exit_differ = 1;  // diff: different; merge: conflicts recorded in the plan; unreadable input

constexpr std::string_view diff_usage =
    "usage: relplan diff OLD NEW [--json] [-q]\n"
    "       relplan diff PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE   (git's external diff driver)\n"
    "Releases added / removed / changed (matched by id), fields old -> new, moved dates in days and\n"
    "business days, changes added to / removed from the notes, conflicts that appear or disappear.\n"
    "--json: {releases: [{id, label, kind, fields, changes_added, changes_removed}], plan: [...],\n"
    "conflicts: {appeared, resolved}} (docs/cli.md).\n"
    "Exit 0 equal, 1 different or unreadable input, 2 usage (as a git driver: 0 unless an error).\n";

constexpr std::string_view merge_usage =
    "usage: relplan merge BASE OURS THEIRS [-o OUT] [-q]\n"
    "Three-way merge of plans; writes the merged plan to OUT (default: standard output).\n"
    "Concurrent edits of one value are recorded in the plan's \"conflicts\" member.\n"
    "The output is plan JSON (--json changes nothing). Exit 0 clean, 1 conflicts or unreadable\n"
    "input, 2 usage. git merge driver:\n"
    "  relplan merge %O %A %B -o %A\n";

// A plan file; "/dev/null" and empty files (git's stand-ins for a missing side) are the empty plan.
std::optional<Plan> load(const std::string& path, Io io) {
    if (path == "/dev/null") return Plan{};
    const auto text = path == "-" ? Result<std::string>(std::string(std::istreambuf_iterator<char>(io.in), {}))
                                  : native::read_file(path);
    if (!text) {
        io.err << "relplan: " << clean_text(text.error().message) << "\n";
        return std::nullopt;
    }
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) return Plan{};
    PlanLoad loaded = load_plan(*text);
    if (!loaded.plan) {
        print_plan_errors(io.err, loaded.errors, path);
        io.err << "relplan: " << clean_text(path) << " could not be read as a plan\n";
    }
    return std::move(loaded.plan);
}

ConflictOptions conflict_options() {
    ConflictOptions o;
    const auto& db = embedded_tzdb();
    if (db) o.zones = &*db;
    return o;
}

}  // namespace

int cmd_diff(const Args& args, Io io) {
    const Options o(args, {}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, diff_usage, exit_same)) return *done;
    const bool json = o.has("--json");
    const Args& files = o.positional();
    const bool git = files.size() == 7;
    if (!git && files.size() != 2) return usage_error(io, diff_usage, "diff takes OLD and NEW (or git's seven arguments)");
    const std::string old_path = files[git ? 1 : 0], new_path = files[git ? 4 : 1];
    const auto before = load(old_path, io);
    const auto after = load(new_path, io);
    if (!before || !after) return exit_failed;
    const PlanDiff d = diff_plans(*before, *after, conflict_options());
    if (json) {
        io.out << format_diff_json(d);
    } else {
        if (git) io.out << "relplan diff a/" << clean_text(files[0]) << " b/" << clean_text(files[0]) << "\n";
        io.out << clean_text(format_diff_text(d));
    }
    if (git) return exit_same;  // git stops at an external diff that exits non-zero
    return d.empty() ? exit_same : exit_differ;
}

int cmd_merge(const Args& args, Io io) {
    const Options o(args, {"-o", "--output"}, {"--json"});
    if (const auto done = help_or_usage_error(o, io, merge_usage, exit_same)) return *done;
    const Args& files = o.positional();
    std::optional<std::string> out_path = o.value("-o");
    if (auto output = o.value("--output")) out_path = output;
    if (files.size() != 3) return usage_error(io, merge_usage, "merge takes BASE OURS THEIRS");
    const auto base = load(files[0], io), ours = load(files[1], io), theirs = load(files[2], io);
    if (!base || !ours || !theirs) return exit_failed;
    auto merged = merge_plans(*base, *ours, *theirs);
    if (!merged) return fail(io, merged.error().message);
    const std::string text = to_json(merged->plan);
    if (out_path) {
        auto written = native::write_file_atomic(*out_path, text);
        if (!written) return fail(io, written.error().message);
    } else {
        io.out << text;
    }
    for (const auto& c : merged->plan.conflicts) io.err << "relplan: conflict at " << clean_text(c.pointer) << "\n";
    return merged->clean() ? exit_same : exit_differ;
}

}  // namespace relplan::cli

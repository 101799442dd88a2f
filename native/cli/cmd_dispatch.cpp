// The table of subcommands and what every one of them gets from the dispatcher: -q / --quiet.
#include "commands.hpp"

#include "base/text.hpp"

#include <ostream>
#include <sstream>

namespace relplan::cli {
namespace {

struct Command {
    std::string_view name;
    int (*run)(const Args&, Io);
    std::string_view summary;
};

constexpr Command commands[] = {
    {"semver", cmd_semver, "valid|compare|diff|sort|bump|satisfies|max-satisfying — node-semver compatible"},
    {"calver", cmd_calver, "next SCHEME [--current V] [--date YYYY-MM-DD] — next CalVer version"},
    {"next-version", cmd_next_version, "--current V [--pre ID] [--policy TOOL] [--release-rule TYPE=BUMP] — next version from Conventional Commits on stdin (NUL-separated), or --plan FILE --release V from its changes"},
    {"plan", cmd_plan, "validate FILE | fmt FILE [--in-place] | schema — check or canonicalise a plan, print its JSON Schema"},
    {"import", cmd_import, "changelog FILE | commits --release V [--plan FILE] — build plan JSON from other sources"},
    {"check", cmd_check, "FILE [--today DATE] — scheduling conflicts as JSON"},
    {"ics", cmd_ics, "FILE — the plan as an iCalendar (RFC 5545) file"},
    {"schedule", cmd_schedule, "FILE --cadence SPEC --from DATE --count N — add a release train"},
    {"windows", cmd_windows, "FILE --release V — best change windows with score breakdowns"},
    {"notes", cmd_notes, "FILE --release V [--format md|html|txt] [--audience ...] — release notes"},
    {"changelog", cmd_changelog, "FILE — the whole plan as a Keep a Changelog file"},
    {"impact", cmd_impact, "PLAN [--release V] [--consumers FILE...] — who receives a release, who is cut off"},
    {"support", cmd_support, "PLAN [--format text|json|endoflife] — support phases of each release line"},
    {"diff", cmd_diff, "OLD NEW — what changed between two plans (git diff driver too)"},
    {"merge", cmd_merge, "BASE OURS THEIRS [-o OUT] — three-way merge of plans (git merge driver)"},
};

}  // namespace

std::string command_summaries() {
    std::string out;
    for (const Command& c : commands) {
        out += "  " + std::string(c.name);
        out.append(c.name.size() < 14 ? 14 - c.name.size() : 1, ' ');
        out += std::string(c.summary) + "\n";
    }
    return out;
}

int run_command(std::string_view name, const Args& args, Io io) {
    const Command* command = nullptr;
    for (const Command& c : commands)
        if (c.name == name) command = &c;
    if (command == nullptr) {
        io.err << "relplan: unknown command '" << clean_text(name) << "' (see relplan --help)\n";
        return 2;
    }
    Args rest;
    bool quiet = false;
    bool options_done = false;
    for (const std::string& a : args) {
        if (!options_done && (a == "-q" || a == "--quiet")) {
            quiet = true;
            continue;
        }
        options_done = options_done || a == "--";
        rest.push_back(a);
    }
    if (!quiet) return command->run(rest, io);
    // A stream without a buffer drops what is written to it.
    std::ostream discard(nullptr);
    std::ostringstream err;
    const int code = command->run(rest, Io{io.in, discard, err});
    if (code == 2) io.err << err.str();
    return code;
}

}  // namespace relplan::cli

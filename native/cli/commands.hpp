// The CLI's subcommands. Each takes the arguments after its own name and the process streams, and
// returns the exit code. They are plain functions over streams so tests call them in-process.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::cli {

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

using Args = std::vector<std::string>;

// Runs the subcommand called `name` (the table in cmd_dispatch.cpp). -q / --quiet (before any "--")
// is handled here for every command: nothing reaches standard output, and standard error carries
// only the message of a usage error (exit 2); the exit code is the answer. An unknown command is a
// usage error.
int run_command(std::string_view name, const Args& args, Io io);
// "  name          summary" lines for `relplan --help`.
std::string command_summaries();

int cmd_semver(const Args& args, Io io);        // semver valid|compare|diff|sort|bump|satisfies|max-satisfying
int cmd_calver(const Args& args, Io io);        // calver next
int cmd_next_version(const Args& args, Io io);  // next-version --current V [--pre ID] [--policy TOOL] [--release-rule R]...
int cmd_plan(const Args& args, Io io);          // plan validate|fmt
int cmd_import(const Args& args, Io io);        // import changelog|commits
int cmd_check(const Args& args, Io io);         // check FILE
int cmd_ics(const Args& args, Io io);           // ics FILE
int cmd_schedule(const Args& args, Io io);      // schedule FILE --cadence SPEC --from DATE --count N
int cmd_windows(const Args& args, Io io);       // windows FILE --release ID
int cmd_notes(const Args& args, Io io);         // notes FILE --release V [--format] [--audience]
int cmd_changelog(const Args& args, Io io);     // changelog FILE
int cmd_impact(const Args& args, Io io);        // impact PLAN [--release V] [--consumers FILE...] [--json]
int cmd_support(const Args& args, Io io);       // support PLAN [--format text|json|endoflife]
int cmd_diff(const Args& args, Io io);         // diff OLD NEW [--json] (also git's external diff driver)
int cmd_merge(const Args& args, Io io);        // merge BASE OURS THEIRS [-o OUT] (git merge driver)

}  // namespace relplan::cli

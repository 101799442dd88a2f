// relplan: the command-line front-end. Every subcommand is a function in cli/cmd_*.cpp.
#include "commands.hpp"
#include "common/file_io.hpp"

#include <cstdio>
#include <iostream>
#include <new>
#include <string_view>

namespace {

struct Command {
    std::string_view name;
    int (*run)(const relplan::cli::Args&, relplan::cli::Io);
    std::string_view summary;
};

constexpr Command commands[] = {
    {"semver", relplan::cli::cmd_semver, "valid|compare|diff|sort|bump|satisfies|max-satisfying — node-semver compatible"},
    {"calver", relplan::cli::cmd_calver, "next SCHEME [--current V] [--date YYYY-MM-DD] — next CalVer version"},
    {"next-version", relplan::cli::cmd_next_version, "--current V [--pre ID] [--policy TOOL] [--release-rule TYPE=BUMP] — next version from Conventional Commits on stdin (NUL-separated)"},
    {"plan", relplan::cli::cmd_plan, "validate FILE | fmt FILE [--in-place] | schema — check or canonicalise a plan, print its JSON Schema"},
    {"import", relplan::cli::cmd_import, "changelog FILE | commits --release V [--plan FILE] — build plan JSON from other sources"},
    {"check", relplan::cli::cmd_check, "FILE [--today DATE] — scheduling conflicts as JSON"},
    {"ics", relplan::cli::cmd_ics, "FILE — the plan as an iCalendar (RFC 5545) file"},
    {"schedule", relplan::cli::cmd_schedule, "FILE --cadence SPEC --from DATE --count N — add a release train"},
    {"windows", relplan::cli::cmd_windows, "FILE --release ID — best change windows with score breakdowns"},
    {"notes", relplan::cli::cmd_notes, "FILE --release V [--format md|html|txt] [--audience ...] — release notes"},
    {"changelog", relplan::cli::cmd_changelog, "FILE — the whole plan as a Keep a Changelog file"},
    {"impact", relplan::cli::cmd_impact, "PLAN [--release V] [--consumers FILE...] [--json] — who receives a release, who is cut off"},
    {"support", relplan::cli::cmd_support, "PLAN [--format text|json|endoflife] — support phases of each release line"},
    {"diff", relplan::cli::cmd_diff, "OLD NEW [--json] — what changed between two plans (git diff driver too)"},
    {"merge", relplan::cli::cmd_merge, "BASE OURS THEIRS [-o OUT] — three-way merge of plans (git merge driver)"},
};

void print_help(std::ostream& out) {
    out << "relplan " RELPLAN_VERSION " — release planning from the command line\n\n"
           "usage: relplan <command> [arguments]\n"
           "       relplan <command> --help\n\n"
           "commands:\n";
    for (const auto& c : commands) {
        out << "  " << c.name;
        for (std::size_t i = c.name.size(); i < 14; ++i) out << ' ';
        out << c.summary << '\n';
    }
    out << "\noptions:\n  --help        this text\n  --version     print the version\n"
           "  --max-input=SIZE  (with any command) read inputs up to SIZE (e.g. 512M) instead of the\n"
           "                default cap; plans stay limited to 64 MiB\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        print_help(std::cerr);
        return 2;
    }
    std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_help(std::cout);
        return 0;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "relplan " RELPLAN_VERSION "\n";
        return 0;
    }
    relplan::cli::Args args;
    for (int i = 2; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a.rfind("--max-input=", 0) != 0) {
            args.emplace_back(a);
            continue;
        }
        const auto bytes = relplan::native::parse_size(a.substr(12));
        if (!bytes) {
            std::cerr << "relplan: --max-input expects a size such as 128M or 2G\n";
            return 2;
        }
        relplan::native::set_max_input(*bytes);
    }
    relplan::cli::Io io{std::cin, std::cout, std::cerr};
    // The core reports every error as a value; running out of memory on a huge input is the one
    // failure left, and it must end in a message, not an abort.
    try {
        for (const auto& c : commands)
            if (c.name == first) return c.run(args, io);
    } catch (const std::bad_alloc&) {
        std::cout.flush();
        std::cerr << "relplan: out of memory while working on this input; try a smaller input or allow "
                     "the process more memory\n";
        return 1;
    }
    std::cerr << "relplan: unknown command '" << first << "' (see relplan --help)\n";
    return 2;
}

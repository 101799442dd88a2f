// relplan: the command-line front-end. Every subcommand is a function in cli/cmd_*.cpp.
#include "commands.hpp"
#include "common/file_io.hpp"

#include <cstdio>
#include <iostream>
#include <new>
#include <string_view>

namespace {

void print_help(std::ostream& out) {
    out << "relplan " RELPLAN_VERSION " — release planning from the command line\n\n"
           "usage: relplan <command> [arguments]\n"
           "       relplan <command> --help\n\n"
           "commands:\n"
        << relplan::cli::command_summaries()
        << "\noptions:\n  --help        this text\n  --version     print the version\n\n"
           "with any command:\n"
           "  --json        machine-readable output (shapes in docs/cli.md)\n"
           "  -q, --quiet   no output; the exit code is the answer\n"
           "  --max-input=SIZE  read inputs up to SIZE (e.g. 512M) instead of the default cap; plans\n"
           "                stay limited to 64 MiB\n"
           "versions may be given in tag form (v1.2.3). relplan never prints colour or escape sequences.\n"
           "exit codes: 0 ok, 1 findings or invalid input, 2 usage error\n";
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
        return relplan::cli::run_command(first, args, io);
    } catch (const std::bad_alloc&) {
        std::cout.flush();
        std::cerr << "relplan: out of memory while working on this input; try a smaller input or allow "
                     "the process more memory\n";
        return 1;
    }
}

// Runs a CLI subcommand in-process with string streams, for the CLI tests.
#pragma once

#include "commands.hpp"

#include <sstream>
#include <string>

namespace relplan::cli::test {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

inline Run run(int (*cmd)(const Args&, Io), const Args& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = cmd(args, Io{in, out, err});
    return Run{code, out.str(), err.str()};
}

// Through the dispatcher, as `relplan NAME ARGS...` runs it (with -q / --quiet handled there).
inline Run run(std::string_view name, const Args& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = run_command(name, args, Io{in, out, err});
    return Run{code, out.str(), err.str()};
}

}  // namespace relplan::cli::test

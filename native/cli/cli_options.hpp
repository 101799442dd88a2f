// What every subcommand shares: its exit codes, one option parser, the usage and failure messages,
// and the lookup of a release given on the command line (version, tag form or id).
//
// Exit codes, the same for every command: 0 ok; 1 findings or a negative answer (conflicts, a cut-off
// consumer, "false"), or invalid input (unreadable file, invalid plan, invalid version); 2 usage (unknown
// option, missing argument or option value, an option value that is not of its kind).
//
// Options: "--name VALUE" and "--name=VALUE" for options with a value, "--flag" for switches,
// "-h"/"--help" anywhere, "--" ends the options; "-" alone is an argument (standard input). A name the
// command does not know is a usage error naming it.
#pragma once

#include "commands.hpp"

#include "plan/plan.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relplan::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_usage = 2;

class Options {
public:
    Options(const Args& args, std::initializer_list<std::string_view> with_value,
            std::initializer_list<std::string_view> flags);

    bool help() const { return help_; }
    // The first problem ("unknown option --x", "--release needs a value"); empty when none.
    const std::string& problem() const { return problem_; }
    const std::vector<std::string>& positional() const { return positional_; }
    bool has(std::string_view name) const;
    std::optional<std::string> value(std::string_view name) const;  // the last one given
    std::vector<std::string> all(std::string_view name) const;      // every one, in order

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> positional_;
    std::string problem_;
    bool help_ = false;
};

// Removes every `flag` (before a "--") from `args`; whether there was one. For commands that parse
// their arguments by hand and take a flag every command accepts (--json).
bool take_flag(Args& args, std::string_view flag);

// "relplan: PROBLEM" and the command's usage text on stderr; returns exit_usage.
int usage_error(Io io, std::string_view usage, std::string_view problem);
// "relplan: MESSAGE" on stderr; returns exit_failed.
int fail(Io io, std::string_view message);

// A version given on the command line in the form node-semver's clean() accepts: surrounding
// whitespace and a leading run of '=' and 'v' are dropped when a digit follows ("v2.13.0" ->
// "2.13.0"). Anything else is returned unchanged. "V2.13.0" stays as it is, as in node-semver.
std::string version_argument(std::string_view text);

// The release named on the command line: by version, then by id, then by the version in tag form.
const Release* find_release_argument(const Plan& plan, std::string_view wanted);

}  // namespace relplan::cli

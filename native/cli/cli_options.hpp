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
#include "plan/plan_json.hpp"

#include <initializer_list>
#include <iosfwd>
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

// The answer to --help or a bad option, once parsed: the usage on stdout and `help_code` (exit_ok
// unless the command gives 0 another meaning), or the problem and the usage on stderr and exit_usage.
// nullopt when the command goes on.
std::optional<int> help_or_usage_error(const Options& o, Io io, std::string_view usage, int help_code = exit_ok);

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

// How a file is named in messages: its path, or "<stdin>" for "-".
std::string display_name(const std::string& path);

// "FILE:LINE:COL: KIND: POINTER: MESSAGE" on `os`, the parts that are known; an empty `kind` (an
// error) is left out.
void print_diagnostic(std::ostream& os, const Diagnostic& d, std::string_view file, std::string_view kind = {});

// A plan file as read and decoded: its display name, its text and what loading found.
struct PlanFile {
    std::string name;
    std::string text;
    PlanLoad loaded;
};

// Reads plan file `path` ("-": standard input; at most max_plan_bytes) and decodes it; with `lint`
// the plan's lint findings count as errors. Prints its notes ("FILE:LINE:COL: note: ...") and errors
// to stderr, bounded as print_plan_errors does. nullopt, with the reason printed, when the file cannot
// be read; otherwise the caller decides what an absent plan or errors mean for its command.
std::optional<PlanFile> load_plan_file(const std::string& path, Io io, bool lint = false);

// The first 100 errors of file `name`, then how many more: thousands of lines help nobody, and
// `plan validate --json` lists every one.
void print_plan_errors(std::ostream& os, const std::vector<Diagnostic>& errors, std::string_view name);

// The release named on the command line: by version, then by id, then by the version in tag form.
const Release* find_release_argument(const Plan& plan, std::string_view wanted);

}  // namespace relplan::cli

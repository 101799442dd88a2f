// The version commands of the CLI, called in-process with string streams. Pins the CLI contract
// scripts depend on: exact output, exit codes, errors on stderr.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace relplan::cli;
using namespace relplan::cli::test;

namespace {

Run semver(Args args, const std::string& input = {}) { return run(cmd_semver, std::move(args), input); }

}  // namespace

TEST_CASE("semver valid, compare and diff", "[cli][semver]") {
    CHECK(semver({"valid", "v1.2.3"}).out == "1.2.3\n");
    CHECK(semver({"valid", " =1.2.3-rc.1+b "}).code == 1);
    const Run loose = semver({"valid", "=1.2.3beta", "--loose"});
    CHECK(loose.code == 0);
    CHECK(loose.out == "1.2.3-beta\n");
    const Run bad = semver({"valid", "1.2"});
    CHECK(bad.code == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err == "relplan: invalid version \"1.2\": expected '.' after the minor version, found the end at offset 3\n");

    CHECK(semver({"compare", "1.2.3", "1.2.4"}).out == "-1\n");
    CHECK(semver({"compare", "1.2.3+a", "1.2.3+b"}).out == "0\n");
    CHECK(semver({"compare", "2.0.0", "1.9.9"}).out == "1\n");
    CHECK(semver({"compare", "2.0.0", "x"}).code == 1);

    CHECK(semver({"diff", "1.2.3", "1.3.0-rc.1"}).out == "preminor\n");
    const Run same = semver({"diff", "1.2.3", "1.2.3+build"});
    CHECK(same.code == 0);
    CHECK(same.out.empty());
}

TEST_CASE("semver sort", "[cli][semver]") {
    const std::string input = "1.10.0\n1.2.0\r\n\n1.2.0-rc.1\n  v1.2.0+b\n1.2.0+a\n";
    const Run up = semver({"sort"}, input);
    CHECK(up.code == 0);
    CHECK(up.out == "1.2.0-rc.1\n1.2.0\n1.2.0+a\n  v1.2.0+b\n1.10.0\n");
    const Run down = semver({"sort", "--reverse"}, input);
    CHECK(down.out == "1.10.0\n  v1.2.0+b\n1.2.0+a\n1.2.0\n1.2.0-rc.1\n");
    const Run bad = semver({"sort"}, "1.0.0\n2.0.0\n\nnope\n");
    CHECK(bad.code == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err == "relplan: line 4: invalid version \"nope\": expected the major version number, found 'n' at offset 0\n");
    CHECK(semver({"sort"}, "").out.empty());
    CHECK(semver({"sort", "extra"}).code == 2);
}

TEST_CASE("semver bump", "[cli][semver]") {
    CHECK(semver({"bump", "1.2.3", "minor"}).out == "1.3.0\n");
    CHECK(semver({"bump", "1.2.0-rc.1", "minor"}).out == "1.2.0\n");
    CHECK(semver({"bump", "1.2.3", "prerelease", "--preid", "rc"}).out == "1.2.4-rc.0\n");
    CHECK(semver({"bump", "2.0.0-rc.1", "prerelease", "--preid=rc"}).out == "2.0.0-rc.2\n");
    CHECK(semver({"bump", "1.2.3", "premajor", "--preid", "beta", "--preid-base", "1"}).out == "2.0.0-beta.1\n");
    const Run impossible = semver({"bump", "1.2.3", "release"});
    CHECK(impossible.code == 1);
    CHECK(impossible.err == "relplan: cannot increment: version 1.2.3 is not a pre-release\n");
    CHECK(semver({"bump", "1.2.3", "huge"}).code == 1);
    CHECK(semver({"bump", "1.2.3"}).code == 2);
    CHECK(semver({"bump", "1.2.3", "minor", "--preid-base", "2"}).code == 2);
}

TEST_CASE("semver satisfies and max-satisfying", "[cli][semver]") {
    const Run yes = semver({"satisfies", "1.2.3", "^1.0.0"});
    CHECK(yes.code == 0);
    CHECK(yes.out == "true\n");
    const Run no = semver({"satisfies", "1.3.0-rc.1", "^1.0.0"});
    CHECK(no.code == 1);
    CHECK(no.out == "false\n");
    CHECK(semver({"satisfies", "1.3.0-rc.1", "^1.0.0", "--include-prerelease"}).code == 0);
    const Run bad_range = semver({"satisfies", "1.2.3", "1.x.5"});
    CHECK(bad_range.code == 1);  // invalid input, like every command
    CHECK(bad_range.out.empty());
    CHECK(bad_range.err ==
          "relplan: invalid range \"1.x.5\": \"1.x.5\" is not a comparator (an operator <, <=, >, >= or = and a "
          "version) at offset 0\n");
    CHECK(semver({"satisfies", "x", "*"}).code == 1);

    const std::string list = "1.2.3\n1.4.0\n2.0.0\nnot-a-version\n1.4.0-rc.1\n";
    const Run best = semver({"max-satisfying", "^1.2"}, list);
    CHECK(best.code == 0);
    CHECK(best.out == "1.4.0\n");
    CHECK(semver({"max-satisfying", ">3"}, list).code == 1);
    CHECK(semver({"max-satisfying", "~~"}, list).code == 1);
}

TEST_CASE("semver usage errors and help", "[cli][semver]") {
    const Run none = semver({});
    CHECK(none.code == 2);
    CHECK(none.err == "relplan: missing semver command (see relplan semver --help)\n");
    CHECK(semver({"frobnicate"}).err == "relplan: unknown semver command 'frobnicate' (see relplan semver --help)\n");
    CHECK(semver({"valid", "1.2.3", "--bogus"}).err == "relplan: unknown option --bogus\n");
    CHECK(semver({"bump", "1.2.3", "minor", "--preid"}).err == "relplan: --preid needs a value\n");
    const Run help = semver({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.rfind("usage: relplan semver COMMAND", 0) == 0);
    CHECK(semver({"sort", "-h"}).code == 0);
}

TEST_CASE("calver next", "[cli][calver]") {
    CHECK(run(cmd_calver, {"next", "YY.0M.MICRO", "--date", "2024-06-03"}).out == "24.06.0\n");
    CHECK(run(cmd_calver, {"next", "YY.0M.MICRO", "--current", "24.06.0", "--date", "2024-06-20"}).out == "24.06.1\n");
    CHECK(run(cmd_calver, {"next", "YY.0M.MICRO", "--current", "24.06.4", "--date", "2024-07-01"}).out == "24.07.0\n");
    CHECK(run(cmd_calver, {"next", "YYYY.0M.MICRO-MODIFIER", "--current", "2024.06.1", "--date", "2024-06-02",
                           "--modifier", "rc1"})
              .out == "2024.06.2-rc1\n");
    const Run today = run(cmd_calver, {"next", "YYYY.0M.0D"});
    CHECK(today.code == 0);
    CHECK(today.out.size() == 11);
    const Run bad_scheme = run(cmd_calver, {"next", "YYY"});
    CHECK(bad_scheme.code == 1);
    CHECK(bad_scheme.err ==
          "relplan: invalid calver scheme \"YYY\": unknown token \"YYY\" (expected YYYY, YY, 0Y, MM, 0M, WW, 0W, "
          "DD, 0D, MAJOR, MINOR, MICRO or MODIFIER) at offset 0\n");
    const Run bad_date = run(cmd_calver, {"next", "YY.0M", "--date", "2024-02-30"});
    CHECK(bad_date.code == 2);  // an option value that is not a date: a usage error
    CHECK(bad_date.err ==
          "relplan: --date: invalid date \"2024-02-30\": no such day in the calendar (see relplan calver --help)\n");
    const Run bad_current = run(cmd_calver, {"next", "YY.0M.MICRO", "--current", "24.6.0"});
    CHECK(bad_current.code == 1);
    CHECK(bad_current.err.rfind("relplan: --current: calver version \"24.6.0\" does not match", 0) == 0);
    CHECK(run(cmd_calver, {}).code == 2);
    CHECK(run(cmd_calver, {"prev", "YY"}).code == 2);
    CHECK(run(cmd_calver, {"--help"}).out.rfind("usage: relplan calver next SCHEME", 0) == 0);
}

TEST_CASE("next-version reads NUL-separated messages", "[cli][next-version]") {
    const std::string log = std::string("fix: a\n") + '\0' + "feat(ui): b\n\nbody\n" + '\0' + "docs: c\n" + '\0';
    const Run r = run(cmd_next_version, {"--current", "1.4.2"}, log);
    CHECK(r.code == 0);
    CHECK(r.out == "1.5.0\n");
    CHECK(r.err == "1.4.2 -> 1.5.0 (minor bump, 1 of 3 commits):\n  commit 2: feat(ui): b [feat]\n");

    const Run pre = run(cmd_next_version, {"--current", "2.0.0-rc.1", "--preid", "rc"}, std::string("fix: x\n") + '\0');
    CHECK(pre.out == "2.0.0-rc.2\n");

    const Run none = run(cmd_next_version, {"--current", "1.4.2"}, std::string("docs: x\n") + '\0' + "chore: y\n" + '\0');
    CHECK(none.code == 0);
    CHECK(none.out.empty());
    CHECK(none.err == "no release: none of the 2 commits is a feat, fix, perf, revert or breaking change\n");

    CHECK(run(cmd_next_version, {}).code == 2);
    const Run bad = run(cmd_next_version, {"--current", "1.x"});
    CHECK(bad.code == 1);
    CHECK(bad.err == "relplan: --current: invalid version \"1.x\": expected the minor version number, found 'x' at offset 2\n");
    CHECK(run(cmd_next_version, {"--current", "1.0.0", "--preid", "a/b"}, "fix: x").code == 1);
    CHECK(run(cmd_next_version, {"--help"}).out.rfind("usage: relplan next-version", 0) == 0);
}

// `--in-place` behaves like `sed -i --follow-symlinks` / `prettier --write`: the symlink's target is
// rewritten, mode and owner are kept, and read-only files, non-regular files and hard-linked files
// are refused with a message, untouched.
#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace relplan::cli::test;

namespace {

std::string scratch() { return relplan::cli::test::scratch("in-place"); }

const std::string messy =
    R"({"releases":[],"project":{"name":"Acme"},"format":{"version":1,"name":"relplan"}})";

struct stat info(const std::string& path, bool follow = true) {
    struct stat st {};
    REQUIRE((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) == 0);
    return st;
}

}  // namespace

TEST_CASE("plan fmt --in-place on a symlink rewrites the target and keeps the link") {
    const std::string dir = scratch();
    const std::string target = dir + "/real.json", link = dir + "/link.json";
    write(target, messy);
    REQUIRE(::symlink("real.json", link.c_str()) == 0);
    const Run r = run(relplan::cli::cmd_plan, {"fmt", link, "--in-place"});
    CHECK(r.code == 0);
    CHECK(S_ISLNK(info(link, false).st_mode));
    CHECK(read(target) == run(relplan::cli::cmd_plan, {"fmt", target}).out);
    CHECK(read(target) != messy);
}

TEST_CASE("plan fmt --in-place keeps mode and owner") {
    const std::string dir = scratch();
    const std::string path = dir + "/plan.json";
    write(path, messy);
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    // Changing the owner needs root; elsewhere the mode alone is checked.
    const bool can_chown = ::chown(path.c_str(), 4321, 4321) == 0;
    CHECK(run(relplan::cli::cmd_plan, {"fmt", path, "--in-place"}).code == 0);
    CHECK(read(path) != messy);
    CHECK((info(path).st_mode & 07777) == 0640);
    if (can_chown) {
        CHECK(info(path).st_uid == 4321u);
        CHECK(info(path).st_gid == 4321u);
    }
}

TEST_CASE("plan fmt --in-place refuses read-only and hard-linked files") {
    const std::string dir = scratch();
    SECTION("read-only") {
        const std::string path = dir + "/ro.json";
        write(path, messy);
        REQUIRE(::chmod(path.c_str(), 0444) == 0);
        const Run r = run(relplan::cli::cmd_plan, {"fmt", path, "--in-place"});
        CHECK(r.code == 1);
        CHECK(r.err.find("read-only (mode 0444)") != std::string::npos);
        CHECK(read(path) == messy);
    }
    SECTION("hard links") {
        const std::string path = dir + "/a.json", other = dir + "/b.json";
        write(path, messy);
        REQUIRE(::link(path.c_str(), other.c_str()) == 0);
        const Run r = run(relplan::cli::cmd_plan, {"fmt", path, "--in-place"});
        CHECK(r.code == 1);
        CHECK(r.err.find("2 hard links") != std::string::npos);
        CHECK(read(path) == messy);
        CHECK(info(path).st_ino == info(other).st_ino);
    }
}

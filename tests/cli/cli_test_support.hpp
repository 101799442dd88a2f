// Runs a CLI subcommand in-process with string streams, and the files the CLI tests work on: fixtures
// (from the core tests' helpers), files written for a test and scratch directories.
#pragma once

#include "commands.hpp"

#include "../core/test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>

namespace relplan::cli::test {

using relplan::test::nul_log;
using relplan::test::read;

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

// The path of a fixture under tests/data/, e.g. data_path("notes/sync.plan.json").
inline std::string data_path(const std::string& name) { return std::string(RELPLAN_TEST_DATA_DIR) + "/" + name; }

inline void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A fresh directory /tmp/relplan-NAME-XXXXXX for one test (left behind for a look after a failure).
inline std::string scratch(const std::string& name) {
    std::string pattern = "/tmp/relplan-" + name + "-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

// A scratch directory in the system's temporary directory, removed when the test is done.
struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("relplan-cli-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    // Writes dir/name and returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path p = dir / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};

}  // namespace relplan::cli::test

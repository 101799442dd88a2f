// Helpers shared by the core tests: whole files from disk (assets and tests/data fixtures) and dates.
#pragma once

#include "plan/plan.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace relplan::test {

// The whole file as bytes; "" when it cannot be read (the test then fails on the content).
inline std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A file under assets/, e.g. asset("examples/acme.plan.json").
inline std::string asset(const std::string& name) { return read(std::string(RELPLAN_ASSETS_DIR) + "/" + name); }

// A fixture under tests/data/, e.g. data("plan/bom.json").
inline std::string data(const std::string& name) { return read(std::string(RELPLAN_TEST_DATA_DIR) + "/" + name); }

// A calendar date from numbers: d(2027, 1, 19).
inline Date d(int year, unsigned month, unsigned day) {
    return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

}  // namespace relplan::test

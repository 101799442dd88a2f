// Helpers shared by the calendar tests (besides ../test_support.hpp): instants from text, and
// holidays, releases and components built in one line. Failures are reported through Catch2's REQUIRE.
#pragma once

#include "../test_support.hpp"

#include "calendar/business_days.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace relplan::test {

inline std::chrono::sys_seconds utc(const char* date, int h, int m = 0) {
    using namespace std::chrono;
    return sys_seconds{sys_days{d(date)}} + seconds{std::int64_t{h} * 3600 + m * 60};
}

// A holiday or blackout from `start` to `end` (inclusive), for `components` (empty: all).
inline Period period(const char* name, const char* start, const char* end, std::vector<std::string> components = {}) {
    Period p;
    p.name = name;
    p.start = d(start);
    p.end = d(end);
    p.components = std::move(components);
    return p;
}

// A release of `component` ("" for none) on `date` ("" for no date yet).
inline Release release(const char* id, const char* component, const char* version, ReleaseType type, const char* date) {
    Release r;
    r.id = id;
    if (*component) r.components = {component};
    r.version = version;
    r.type = type;
    if (*date) r.release_date = d(date);
    return r;
}

inline Component component(const char* id) {
    Component c;
    c.id = id;
    return c;
}

}  // namespace relplan::test

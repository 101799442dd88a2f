// Helpers shared by the scheduling tests (conflicts, what-if, window finder): dates and instants from
// text, and the embedded zone database. Failures are reported through Catch2's REQUIRE.
#pragma once

#include "calendar/business_days.hpp"
#include "base/tz.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>

namespace relplan::test {

inline Date d(const char* text) {
    auto r = parse_date(text);
    REQUIRE(r.ok());
    return *r;
}

inline std::chrono::sys_seconds utc(const char* date, int h, int m = 0) {
    using namespace std::chrono;
    return sys_seconds{sys_days{d(date)}} + seconds{std::int64_t{h} * 3600 + m * 60};
}

inline const TzDatabase& zones() {
    const auto& db = embedded_tzdb();
    REQUIRE(db.ok());
    return *db;
}

}  // namespace relplan::test

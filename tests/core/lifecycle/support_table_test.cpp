#include "lifecycle/support.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

namespace {

Release release(const char* version, ReleaseStatus status, const char* date) {
    Release r = test::release(version, version);
    r.status = status;
    r.release_date = d(date);
    return r;
}

}  // namespace

TEST_CASE("support table: newest line first, dates only, LTS and planned versions marked") {
    Plan p;
    p.releases = {release("1.0.0", ReleaseStatus::released, "2025-01-15"),
                  release("1.0.1", ReleaseStatus::planning, "2025-02-10"),
                  release("2.0.0", ReleaseStatus::planning, "2026-01-20")};
    CHECK_FALSE(has_support_policy(p));
    p.settings.support = SupportPolicy{false, 6, 12, {}, {}, {}};
    p.settings.support_lines = {LineSupport{"1.x", true, {}, d("2026-03-31"), {}}};
    CHECK(has_support_policy(p));
    // The table does not depend on the day it is made.
    const std::string a = support_table_markdown(support_report(p, d("2025-01-01")));
    CHECK(a == support_table_markdown(support_report(p, d("2030-01-01"))));
    CHECK(a ==
          "| Line | First release | Active support ends | End of life | Latest release |\n"
          "| --- | --- | --- | --- | --- |\n"
          "| 2.x | 2026-01-20 | 2026-07-20 | 2027-07-20 | none yet (2.0.0 planned) |\n"
          "| 1.x (LTS) | 2025-01-15 | 2025-07-15 | 2026-03-31 | 1.0.0 (1.0.1 planned) |\n");
    CHECK(support_table_markdown(support_report(Plan{}, d("2025-01-01"))).empty());
}

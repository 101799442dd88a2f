#include "plan/plan_id.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

TEST_CASE("plan id: a slug of the name and 48 bits of entropy") {
    CHECK(new_plan_id("Acme Cloud", 0x3f9a1c0b7e2dull) == "acme-cloud-3f9a1c0b7e2d");
    CHECK(new_plan_id("  Ünïcode & Co. ", 1) == "n-code-co-000000000001");
    CHECK(new_plan_id("", 0xFFFF'FFFF'FFFF'FFFFull) == "plan-ffffffffffff");
    CHECK(new_plan_id("Acme", 1) != new_plan_id("Acme", 2));
}

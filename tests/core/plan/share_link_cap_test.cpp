// Share links and the plan cap: a link is refused for its length only when no encoder could have
// written it for a plan within the cap, so the smallest plans' links read back.
#include "plan/share_link.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace relplan;

TEST_CASE("share link: a tiny plan's link reads back with the cap at its own size") {
    for (const std::string json : {"[]", "1", "{}", R"({"project":{"name":"x"}})"}) {
        const auto link = make_share_link(json, "https://example.org/relplan/", {});
        REQUIRE(link);
        const auto back = plan_json_from_link(*link, json.size());
        REQUIRE(back);
        CHECK(*back == json);
        CHECK_FALSE(plan_json_from_link(*link, json.size() - 1));
    }
}

TEST_CASE("share link: a link far longer than any encoding of the cap is refused before decoding") {
    const std::string link = "#plan=" + std::string(10000, 'A');
    const auto refused = plan_json_from_link(link, 1000);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "the link is too long to be a share link");
}

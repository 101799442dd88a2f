#include "plan/share_link.hpp"

#include "base/assets.hpp"
#include "base/deflate.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace relplan;

namespace {

// Characters of base64url for `bytes` bytes (no padding), as the page writes links.
std::size_t base64url_length(std::size_t bytes) { return (bytes * 4 + 2) / 3; }

}  // namespace

TEST_CASE("share link: the bundled example plan's link fits in 4,096 characters") {
    std::string_view example = assets::get("examples/acme.plan.json");
    REQUIRE_FALSE(example.empty());
    auto payload = share_payload(example);
    REQUIRE(payload);
    // https://host/path/#pd1= leaves room for an origin and path of 100 characters.
    CHECK(base64url_length(payload->size()) + 100 <= 4096);
    auto back = read_share_payload(*payload, 64u << 20);
    REQUIRE(back);
    CHECK(nlohmann::json::parse(*back) == nlohmann::json::parse(example));
}

TEST_CASE("share link: any plan text round-trips, Unicode included") {
    std::string plan = R"({"format":{"name":"relplan","version":1},"project":{"name":"リリース計画 🚀 ünïcödé"},)"
                       R"("releases":[{"id":"r1","name":"春季发布 🌸","version":"1.0.0"}]})";
    auto payload = share_payload(plan);
    REQUIRE(payload);
    auto back = read_share_payload(*payload, 1 << 20);
    REQUIRE(back);
    CHECK(*back == plan);  // already minified: byte for byte
}

TEST_CASE("share link: not JSON, too large or damaged is an Error") {
    CHECK_FALSE(share_payload("{\"project\": "));
    auto payload = share_payload(R"({"project":{"name":")" + std::string(300000, 'a') + "\"}}");
    REQUIRE(payload);
    auto capped = read_share_payload(*payload, 100000);
    REQUIRE_FALSE(capped);
    CHECK(capped.error().message.find("larger than allowed") != std::string::npos);
    CHECK_FALSE(read_share_payload(payload->substr(0, payload->size() - 3), 1 << 20));
}

TEST_CASE("share link: payloads are written in base64url without padding") {
    // RFC 4648 section 10 vectors, and the two characters base64url has in place of '+' and '/'.
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"}, {"foobar", "Zm9vYmFy"}, {"\xfb\xff", "-_8"},
    };
    for (const auto& [bytes, text] : rows) CHECK(to_base64url(bytes) == text);
}

TEST_CASE("share link: a pasted link of either form gives back the plan") {
    const std::string plan = R"({"format":{"name":"relplan","version":1},"project":{"name":"Pasted"},"releases":[]})";
    auto payload = share_payload(plan);
    REQUIRE(payload);
    auto dict = plan_json_from_link("  https://example.org/relplan/#pd1=" + to_base64url(*payload) + "\n", 1 << 20);
    REQUIRE(dict);
    CHECK(*dict == plan);
    auto plain = plan_json_from_link("#plan=" + to_base64url(deflate::compress(plan)), 1 << 20);
    REQUIRE(plain);
    CHECK(*plain == plan);

    CHECK(plan_json_from_link("https://example.org/relplan/", 1 << 20).error().message.find("not a relplan share link") != std::string::npos);
    auto bad = plan_json_from_link("#pd1=abc$def", 1 << 20);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("'$' is not base64url") != std::string::npos);
    auto cut = plan_json_from_link("#pd1=" + to_base64url(payload->substr(0, payload->size() / 2)), 1 << 20);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().message.find("damaged or cut short") != std::string::npos);
    auto big = share_payload(R"({"project":{"name":")" + std::string(300000, 'a') + "\"}}");
    REQUIRE(big);
    CHECK_FALSE(plan_json_from_link("#pd1=" + to_base64url(*big), 100000));
}

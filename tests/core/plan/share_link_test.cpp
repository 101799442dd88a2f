#include "plan/share_link.hpp"

#include "base/assets.hpp"
#include "base/deflate.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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

namespace {

std::string base64url(std::string_view bytes) {
    static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += abc[(acc >> bits) & 63];
        }
    }
    if (bits > 0) out += abc[(acc << (6 - bits)) & 63];
    return out;
}

}  // namespace

TEST_CASE("share link: a pasted link of either form gives back the plan") {
    const std::string plan = R"({"format":{"name":"relplan","version":1},"project":{"name":"Pasted"},"releases":[]})";
    auto payload = share_payload(plan);
    REQUIRE(payload);
    auto dict = plan_json_from_link("  https://example.org/relplan/#pd1=" + base64url(*payload) + "\n", 1 << 20);
    REQUIRE(dict);
    CHECK(*dict == plan);
    auto plain = plan_json_from_link("#plan=" + base64url(deflate::compress(plan)), 1 << 20);
    REQUIRE(plain);
    CHECK(*plain == plan);

    CHECK(plan_json_from_link("https://example.org/relplan/", 1 << 20).error().message.find("not a relplan share link") != std::string::npos);
    auto bad = plan_json_from_link("#pd1=abc$def", 1 << 20);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("'$' is not base64url") != std::string::npos);
    auto cut = plan_json_from_link("#pd1=" + base64url(payload->substr(0, payload->size() / 2)), 1 << 20);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().message.find("damaged or cut short") != std::string::npos);
    auto big = share_payload(R"({"project":{"name":")" + std::string(300000, 'a') + "\"}}");
    REQUIRE(big);
    CHECK_FALSE(plan_json_from_link("#pd1=" + base64url(*big), 100000));
}

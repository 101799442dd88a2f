#include "base/deflate.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace relplan;

namespace {

std::string random_text(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(rng() % 256);
    return s;
}

}  // namespace

TEST_CASE("deflate: what compress writes, inflate reads back byte for byte") {
    const std::string text = "Release 3.8.0 ships bulk approval; release 3.8.1 fixes bulk approval. ";
    for (const std::string& data : {std::string(), std::string("a"), text, text + text + text, random_text(70000, 7),
                                    std::string(100000, ' ') + "end"}) {
        auto back = deflate::inflate(deflate::compress(data), {}, data.size());
        REQUIRE(back);
        CHECK(*back == data);
    }
}

TEST_CASE("deflate: repetition shrinks, a dictionary shrinks text that resembles it") {
    const std::string dict = "{\"id\":\"web-3.8.0\",\"name\":\"Web console October\",\"status\":\"released\"}";
    const std::string data = "{\"id\":\"web-3.9.0\",\"name\":\"Web console November\",\"status\":\"released\"}";
    std::string plain = deflate::compress(data);
    std::string with_dict = deflate::compress(data, dict);
    CHECK(with_dict.size() * 2 < plain.size());
    auto back = deflate::inflate(with_dict, dict, 1000);
    REQUIRE(back);
    CHECK(*back == data);
    CHECK(deflate::compress(std::string(10000, 'x')).size() < 100);
}

TEST_CASE("deflate: the dictionary sent as stored blocks makes a stream any inflater reads") {
    const std::string dict = random_text(70000, 3) + "shared phrase for the link";  // two stored blocks
    const std::string data = "a shared phrase for the link, twice: shared phrase for the link";
    std::string stream = deflate::stored_prefix(dict) + deflate::compress(data, dict);
    auto all = deflate::inflate(stream, {}, dict.size() + data.size());
    REQUIRE(all);
    CHECK(*all == dict + data);
}

TEST_CASE("deflate: damaged or oversized input is an Error with an offset, never a crash") {
    const std::string data = std::string(5000, 'z') + "tail";
    std::string packed = deflate::compress(data);
    auto capped = deflate::inflate(packed, {}, 4096);
    REQUIRE_FALSE(capped);
    CHECK(capped.error().message.find("larger than allowed") != std::string::npos);
    auto cut = deflate::inflate(packed.substr(0, packed.size() / 2), {}, 1 << 20);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().offset != Error::npos);
    for (unsigned seed = 0; seed < 200; ++seed) {
        auto r = deflate::inflate(random_text(64, seed), {}, 1 << 16);
        if (r) CHECK(r->size() <= (1u << 16));
    }
    const std::string dict = "a phrase only the dictionary has";
    auto far = deflate::inflate(deflate::compress("a phrase only the dictionary has", dict), {}, 100);
    REQUIRE_FALSE(far);  // without the dictionary the reference points before the start
    CHECK(far.error().message.find("before the start") != std::string::npos);
}

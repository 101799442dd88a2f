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

namespace {

std::string from_hex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    return out;
}

}  // namespace

TEST_CASE("inflate reads dynamic Huffman blocks as zlib and browsers write them") {
    // node -e 'zlib.deflateRawSync(text, {level: 9})' of a small plan: one dynamic-Huffman block.
    const std::string zlib_made = from_hex(
        "add34f4ac53010c7f1ab9459771e99f47f8ef24424be468db46969a220a5e021bc842b77aedcf5269e448a204d5ca6dbe1c7"
        "87d97c67b81ba65e3a103318d92b1030a96eeca481149ed564f56040d092c2380d8feab21f9e3b7d9bf4b255897bd036f97e"
        "7d4bd62fb37e5cd6cf767d8725dd2825adb220ae66d0ed2f8e6c4f039dd869bbb89771437b6d860952b04eba270b02b65f8c"
        "36f7f0c7ddb4d26d53ce78858c90182ce9cea7c0a7289f2391eff3c0e7517e86c47d3f0bfc2ccacf9132dfcf033f8ff20ba4"
        "dcf78bc02fa2fc12a9f0fd32f0cb28bf422a7dbf0afc2acaaf912adfaf03bf8ef21ba4daf79bc06f8eee2b0c98d8c185d1bf"
        "84e980c6ae971f");
    const std::string text = R"({"format":{"name":"relplan","version":1},"project":{"name":"Zlib made this — ünïcödé"},"releases":[{"id":"rel-0","version":"1.0.0","type":"minor","status":"planning","release_date":"2027-01-10"},{"id":"rel-1","version":"1.1.0","type":"minor","status":"planning","release_date":"2027-02-11"},{"id":"rel-2","version":"1.2.0","type":"minor","status":"planning","release_date":"2027-03-12"},{"id":"rel-3","version":"1.3.0","type":"minor","status":"planning","release_date":"2027-04-13"},{"id":"rel-4","version":"1.4.0","type":"minor","status":"planning","release_date":"2027-05-14"},{"id":"rel-5","version":"1.5.0","type":"minor","status":"planning","release_date":"2027-06-15"},{"id":"rel-6","version":"1.6.0","type":"minor","status":"planning","release_date":"2027-07-16"},{"id":"rel-7","version":"1.7.0","type":"minor","status":"planning","release_date":"2027-08-17"},{"id":"rel-8","version":"1.8.0","type":"minor","status":"planning","release_date":"2027-09-18"},{"id":"rel-9","version":"1.9.0","type":"minor","status":"planning","release_date":"2027-01-10"},{"id":"rel-10","version":"1.10.0","type":"minor","status":"planning","release_date":"2027-02-11"},{"id":"rel-11","version":"1.11.0","type":"minor","status":"planning","release_date":"2027-03-12"}]})";
    auto out = relplan::deflate::inflate(zlib_made, {}, 1 << 20);
    REQUIRE(out);
    CHECK(*out == text);
    CHECK_FALSE(relplan::deflate::inflate(zlib_made.substr(0, zlib_made.size() / 2), {}, 1 << 20));
    auto capped = relplan::deflate::inflate(zlib_made, {}, 100);
    REQUIRE_FALSE(capped);
    CHECK(capped.error().message.find("larger than allowed") != std::string::npos);
    std::string damaged = zlib_made;
    damaged[3] = static_cast<char>(damaged[3] ^ 0x5A);  // inside the code length tables
    auto bad = relplan::deflate::inflate(damaged, {}, 1 << 20);
    CHECK((!bad || *bad != text));
}

#include "base/json_doc.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace relplan;

TEST_CASE("LineIndex gives lines and character columns anywhere in a long one-line text") {
    // Two-byte characters across several 4 KiB blocks, a line break late in the text.
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "a\xC3\xA9";  // "aé": 3 bytes, 2 characters
    text += "\nxyz";
    const json::LineIndex lines(text);
    CHECK(lines.locate(0) == std::pair<std::int64_t, std::int64_t>{1, 1});
    CHECK(lines.locate(3 * 4096) == std::pair<std::int64_t, std::int64_t>{1, 2 * 4096 + 1});
    CHECK(lines.locate(3 * 4999 + 1) == std::pair<std::int64_t, std::int64_t>{1, 2 * 4999 + 2});
    CHECK(lines.locate(15000) == std::pair<std::int64_t, std::int64_t>{1, 10001});  // the line break
    CHECK(lines.locate(15001) == std::pair<std::int64_t, std::int64_t>{2, 1});
    CHECK(lines.locate(text.size()) == std::pair<std::int64_t, std::int64_t>{2, 4});
    const std::string exact(8192, 'x');  // a text that ends on a block boundary
    CHECK(json::LineIndex(exact).locate(8192) == std::pair<std::int64_t, std::int64_t>{1, 8193});
    CHECK(json::LineIndex("").locate(0) == std::pair<std::int64_t, std::int64_t>{1, 1});
}

TEST_CASE("a streamed array hands over its elements one at a time and keeps only their offsets") {
    const std::string text = R"({"a": 1, "list": [{"x": 1}, {"x": [2, 3]}, "s"], "b": {"list": [9]}})";
    std::vector<std::string> seen;
    std::vector<std::size_t> members_seen;  // root members already parsed when each element arrives
    const json::Stream stream{"list", [&](json::Value& element, const json::Value& root) {
                                  seen.push_back(json::to_canonical(element));
                                  members_seen.push_back(root.size());
                              }};
    const auto doc = json::parse(text, stream);
    REQUIRE(doc);
    CHECK(seen == std::vector<std::string>{"{\n  \"x\": 1\n}", "{\n  \"x\": [\n    2,\n    3\n  ]\n}", "\"s\""});
    CHECK(members_seen == std::vector<std::size_t>{2, 2, 2});
    const json::Value* list = doc->root.find("list");
    REQUIRE(list != nullptr);
    CHECK(list->kind == json::Kind::array);
    CHECK(list->children.empty());
    // Only the root member streams: the nested "list" is an ordinary array.
    CHECK(json::resolve(doc->root, "/b/list/0") != nullptr);
    CHECK(doc->streamed_offsets == std::vector<std::size_t>{text.find("{\"x\": 1"), text.find("{\"x\": ["), text.find("\"s\"")});

    const auto again = json::parse_at(text, doc->streamed_offsets[1]);
    REQUIRE(again);
    CHECK(again->offset == text.find("{\"x\": ["));
    CHECK(json::resolve(*again, "/x/1")->offset == text.find("3]"));

    // Pointers into streamed elements find the same offsets as in the whole document.
    const auto whole = json::parse(text);
    REQUIRE(whole);
    json::Locator locator(text, *doc, "list");
    for (const char* pointer : {"/list/1/x/1", "/list/0/x", "/list/2", "/a", "/b/list/0"}) {
        CHECK(locator.offset_of(pointer) == json::resolve(whole->root, pointer)->offset);
    }
    // A pointer past what exists falls back to the deepest value on its way.
    CHECK(locator.offset_of("/list/1/missing") == text.find("{\"x\": ["));
    CHECK(locator.offset_of("/list/7/x") == text.find("[{"));
    CHECK(locator.offset_of("/nothing") == 0);
}

TEST_CASE("a syntax error inside a streamed element stops the parse like any other") {
    std::size_t elements = 0;
    const json::Stream stream{"list", [&](json::Value&, const json::Value&) { ++elements; }};
    const auto doc = json::parse(R"({"list": [1, 2, {"x": }]})", stream);
    REQUIRE_FALSE(doc);
    CHECK(doc.error().offset == 22);
    CHECK(elements == 2);
}

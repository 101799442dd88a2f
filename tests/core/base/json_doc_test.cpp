#include "base/json_doc.hpp"

#include <catch2/catch.hpp>

#include <string>

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

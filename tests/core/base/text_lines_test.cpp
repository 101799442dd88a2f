#include "base/text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace relplan;

namespace {

std::vector<std::pair<std::string, std::size_t>> lines_of(std::string_view text) {
    std::vector<std::pair<std::string, std::size_t>> out;
    LineReader reader(text);
    while (const auto line = reader.next()) out.emplace_back(std::string(line->text), line->number);
    return out;
}

const char* brackets(char c) {
    switch (c) {
        case '<': return "[";
        case '>': return "]";
        default: return nullptr;
    }
}

}  // namespace

TEST_CASE("LineReader: lines without their breaks, numbered from 1") {
    using Lines = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(lines_of("").empty());
    CHECK(lines_of("a") == Lines{{"a", 1}});
    CHECK(lines_of("a\n") == Lines{{"a", 1}});
    CHECK(lines_of("a\r\nb\r\n") == Lines{{"a", 1}, {"b", 2}});
    CHECK(lines_of("\n\nc") == Lines{{"", 1}, {"", 2}, {"c", 3}});
    CHECK(lines_of("a\rb\n") == Lines{{"a\rb", 1}});
    CHECK(lines_of("a\r") == Lines{{"a", 1}});
}

TEST_CASE("escape_bytes: replaces the bytes the table names, copies the rest") {
    CHECK(escape_bytes("", brackets).empty());
    CHECK(escape_bytes("a<b>c", brackets) == "a[b]c");
    CHECK(escape_bytes(std::string_view("<\0>", 3), brackets) == std::string("[\0]", 3));
}

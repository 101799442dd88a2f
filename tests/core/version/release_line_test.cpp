#include "version/release_line.hpp"
#include "version/next_version.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

namespace {
Version v(const char* text) { return *Version::parse(text); }
}  // namespace

TEST_CASE("release line names parse in semantic-release's maintenance forms") {
    CHECK(*parse_release_line("1.x") == LineRange{1, std::nullopt});
    CHECK(*parse_release_line("1.4.x") == LineRange{1, 4});
    CHECK(*parse_release_line("2.X") == LineRange{2, std::nullopt});
    CHECK(*parse_release_line("0.3.*") == LineRange{0, 3});
    CHECK(to_string(*parse_release_line("1.4.X")) == "1.4.x");
    for (const char* bad : {"", "1", "1.", "x.x", "1.4", "1.4.2", "01.x", "1.x.x", "v1.x", "1.-1.x"}) {
        INFO(bad);
        const auto r = parse_release_line(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("1.x or 1.4.x") != std::string::npos);
    }
}

TEST_CASE("a version's line is the most specific declared line, else its major (0.y: its minor)") {
    const std::vector<LineRange> declared{{1, std::nullopt}, {1, 4}};
    CHECK(line_of(v("1.4.7"), declared) == LineRange{1, 4});
    CHECK(line_of(v("1.5.0"), declared) == LineRange{1, std::nullopt});
    CHECK(line_of(v("2.0.0-rc.1"), declared) == LineRange{2, std::nullopt});
    CHECK(line_of(v("0.7.3"), {}) == LineRange{0, 7});
    CHECK(line_holds(LineRange{1, 4}, v("1.4.0-beta.2")));
    CHECK_FALSE(line_holds(LineRange{1, 4}, v("1.5.0")));
}

TEST_CASE("next-version on a maintenance line never leaves it") {
    NextVersionOptions o;
    o.line = LineRange{1, 4};
    const std::vector<std::string_view> fix{"fix: keep the cache"};
    CHECK(next_version(v("1.4.2"), fix, o)->version->normalized() == "1.4.3");
    const std::vector<std::string_view> feat{"fix: keep the cache", "feat(api): add paging"};
    const auto refused = next_version(v("1.4.2"), feat, o);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::out_of_range);
    CHECK(refused.error().message ==
          "the next version 1.5.0 is outside release line 1.4.x (commit 2: feat(api): add paging [feat]); "
          "make this release from a newer line, or revert the change on this line");
    // A major line takes features but not breaking changes.
    o.line = LineRange{1, std::nullopt};
    CHECK(next_version(v("1.4.2"), feat, o)->version->normalized() == "1.5.0");
    const std::vector<std::string_view> breaking{"feat!: drop node 14"};
    CHECK(next_version(v("1.4.2"), breaking, o).error().message.find("outside release line 1.x") != std::string::npos);
    // A Release-As footer is held to the line too.
    const std::vector<std::string_view> forced{"chore: release\n\nRelease-As: 2.0.0"};
    CHECK_FALSE(next_version(v("1.4.2"), forced, o).ok());
}

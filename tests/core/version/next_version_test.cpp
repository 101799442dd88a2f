#include "version/next_version.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace relplan;

namespace {

NextVersion run(std::string_view current, const std::vector<std::string_view>& messages,
                std::string_view preid = {}) {
    auto v = Version::parse(current);
    REQUIRE(v.ok());
    auto r = next_version(*v, messages, NextVersionOptions{preid});
    REQUIRE(r.ok());
    return *r;
}

std::string next(std::string_view current, const std::vector<std::string_view>& messages,
                 std::string_view preid = {}) {
    const NextVersion n = run(current, messages, preid);
    return n.version ? n.version->to_string() : "none";
}

}  // namespace

TEST_CASE("breaking → major, feat → minor, fix/perf → patch, others → none", "[next_version]") {
    CHECK(next("1.4.2", {"fix: a"}) == "1.4.3");
    CHECK(next("1.4.2", {"perf(db): faster"}) == "1.4.3");
    CHECK(next("1.4.2", {"fix: a", "feat: b"}) == "1.5.0");
    CHECK(next("1.4.2", {"fix: a", "feat!: b", "feat: c"}) == "2.0.0");
    CHECK(next("1.4.2", {"docs: a\n\nBREAKING CHANGE: documented\n"}) == "2.0.0");
    CHECK(next("1.4.2", {"docs: a", "chore: b", "Merge branch 'x'", ""}) == "none");
    CHECK(next("1.4.2", {}) == "none");
    CHECK(next("1.4.2", {"FIX: upper-case type"}) == "1.4.3");
}

TEST_CASE("below 1.0.0 breaking → minor and feat → patch", "[next_version]") {
    CHECK(next("0.3.1", {"feat!: drop it"}) == "0.4.0");
    CHECK(next("0.3.1", {"feat: add it"}) == "0.3.2");
    CHECK(next("0.3.1", {"fix: mend it"}) == "0.3.2");
    const NextVersion n = run("0.3.1", {"feat(x)!: drop it"});
    CHECK(n.bump == Bump::minor);
    REQUIRE(n.reasons.size() == 1);
    CHECK(n.reasons[0].why == "breaking change (! in the header), a minor bump below 1.0.0");
}

TEST_CASE("pre-release lines continue or restart", "[next_version]") {
    CHECK(next("2.0.0-rc.1", {"fix: a"}, "rc") == "2.0.0-rc.2");
    CHECK(next("2.0.0-rc.1", {"feat!: a"}, "rc") == "2.0.0-rc.2");  // 2.0.0 already is a major release
    CHECK(next("2.0.0-beta.3", {"fix: a"}, "rc") == "2.0.0-rc.0");  // channel switch
    CHECK(next("1.3.0-rc.1", {"feat: a"}, "rc") == "1.3.0-rc.2");
    CHECK(next("1.3.0-rc.1", {"feat!: a"}, "rc") == "2.0.0-rc.0");  // beyond the line
    CHECK(next("1.2.4-rc.1", {"feat: a"}, "rc") == "1.3.0-rc.0");
    CHECK(next("1.2.3", {"fix: a"}, "rc") == "1.2.4-rc.0");
    CHECK(next("1.2.3", {"feat: a"}, "rc") == "1.3.0-rc.0");
    CHECK(next("0.3.0-rc.1", {"feat!: a"}, "rc") == "0.3.0-rc.2");  // 0.x: breaking is a minor bump
    // Without an id, a pre-release graduates when its release covers the bump.
    CHECK(next("2.0.0-rc.1", {"fix: a"}) == "2.0.0");
    CHECK(next("1.2.0-rc.1", {"feat: a"}) == "1.2.0");
    CHECK(next("1.2.4-rc.1", {"feat: a"}) == "1.3.0");
    auto v = Version::parse("1.2.3");
    CHECK(next_version(*v, {"fix: a"}, NextVersionOptions{"r/c"}).error().message ==
          "invalid pre-release identifier \"r/c\"");
}

TEST_CASE("every result carries its reasons", "[next_version]") {
    const NextVersion n = run("1.4.2", {"fix: a", "feat(ui): b", "docs: c", "not conventional", "feat: d\n\nbody\n"});
    CHECK(n.bump == Bump::minor);
    REQUIRE(n.reasons.size() == 2);
    CHECK(n.reasons[0].index == 1);
    CHECK(n.reasons[0].summary == "feat(ui): b");
    CHECK(n.reasons[0].why == "feat");
    CHECK(n.reasons[1].index == 4);
    CHECK(n.reasons[1].summary == "feat: d");
    REQUIRE(n.commits.size() == 5);
    CHECK(n.commits[0].bump == Bump::patch);
    CHECK(n.commits[2].why == "type docs does not release");
    CHECK(n.commits[3].bump == Bump::none);
    CHECK(n.commits[3].why ==
          "not a conventional commit \"not conventional\": expected ':' after the type \"not\" at offset 3");
    CHECK(to_string(n.bump) == "minor");

    const NextVersion b = run("1.4.2", {"fix: x\n\nBREAKING CHANGE: y\n"});
    REQUIRE(b.reasons.size() == 1);
    CHECK(b.reasons[0].why == "breaking change (BREAKING CHANGE footer)");
}

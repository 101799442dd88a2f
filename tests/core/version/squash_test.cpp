// Squash merges split into the commits they list, as release-please reads them.
#include "version/next_version.hpp"
#include "version/squash.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

TEST_CASE("a squash body listing conventional commits splits into them") {
    // GitHub's default squash message: the PR title, then one "* " item per commit.
    const auto parts = split_squash_message(
        "feat(ui): dark mode (#412)\n\n* feat(ui): add theme switch\n\n* fix: contrast of links\n\n"
        "* docs: mention the theme\n\nCo-authored-by: Ann <ann@example.org>\n");
    REQUIRE(parts.size() == 4);
    CHECK(parts[0] == "feat(ui): dark mode (#412)");
    CHECK(parts[1] == "feat(ui): add theme switch");
    CHECK(parts[2] == "fix: contrast of links");
    CHECK(parts[3] == "docs: mention the theme\n\nCo-authored-by: Ann <ann@example.org>");
}

TEST_CASE("release-please's footer-style commits keep their indented footers") {
    // The example from release-please's documentation.
    const auto parts = split_squash_message(
        "feat: adds v4 UUID to crypto\n\nThis adds support for v4 UUIDs to the library.\n\n"
        "fix(utils): unicode no longer throws exception\n  PiperOrigin-RevId: 345559154\n"
        "  BREAKING-CHANGE: encode method no longer throws.\n  Source-Link: googleapis/googleapis@5e0dcb2\n\n"
        "feat(utils): update encode to support unicode\n  PiperOrigin-RevId: 345559182\n");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0] == "feat: adds v4 UUID to crypto\n\nThis adds support for v4 UUIDs to the library.");
    CHECK(parts[1].find("\nBREAKING-CHANGE: encode method no longer throws.") != std::string::npos);
    const std::vector<std::string_view> one{
        "feat: adds v4 UUID to crypto\n\nfix(utils): unicode no longer throws exception\n"
        "  BREAKING-CHANGE: encode method no longer throws.\n"};
    NextVersionOptions o;
    CHECK(next_version(*Version::parse("1.2.0"), one, o)->version->normalized() == "1.3.0");
    o.split_squash = true;
    const auto split = next_version(*Version::parse("1.2.0"), one, o);
    CHECK(split->version->normalized() == "2.0.0");
    REQUIRE(split->reasons.size() == 1);
    CHECK(split->reasons[0].index == 0);  // the part reports the commit it came from
    CHECK(split->reasons[0].summary == "fix(utils): unicode no longer throws exception");
}

TEST_CASE("override and nested blocks replace or add commits") {
    const auto overridden = split_squash_message(
        "chore: big merge\n\nBEGIN_COMMIT_OVERRIDE\nfeat: add paging\nfix: off-by-one in paging\n"
        "END_COMMIT_OVERRIDE\n");
    CHECK(overridden == std::vector<std::string>{"feat: add paging", "fix: off-by-one in paging"});
    const auto nested = split_squash_message(
        "chore: update deps\n\nBEGIN_NESTED_COMMIT\nfix(deps): bump zlib\nEND_NESTED_COMMIT\n"
        "BEGIN_NESTED_COMMIT\nfeat(deps)!: require node 20\nEND_NESTED_COMMIT\n");
    CHECK(nested == std::vector<std::string>{"chore: update deps", "fix(deps): bump zlib", "feat(deps)!: require node 20"});
    // Nothing to split: the message itself, and a body sentence that is no header stays body.
    CHECK(split_squash_message("fix: x\n\nThis fixes: the crash") == std::vector<std::string>{"fix: x\n\nThis fixes: the crash"});
    CHECK(split_squash_message("") == std::vector<std::string>{""});
}

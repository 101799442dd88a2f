// Pasted commit logs: the three forms git prints of the same real commits give the same messages.
#include "version/pasted_commits.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace relplan;
using relplan::test::data;

namespace {

std::string without_trailing_newlines(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("pasted commits: git log -z, the default format and --oneline of node-semver agree", "[pasted]") {
    const std::vector<std::string> z = split_pasted_commits(data("commits/node-semver.z"));
    REQUIRE(z.size() == 2);
    CHECK(z[0] == "fix: reject numeric segments after x-ranges\n");
    CHECK(z[1].rfind("chore: release 7.8.3 (#873)\n\n:robot: I have created a release *beep* *boop*\n---\n\n\n## [7.8.3]", 0) == 0);

    // The default format indents messages by four spaces and puts author and date lines before them.
    const std::vector<std::string> log = split_pasted_commits(data("commits/node-semver.log"));
    REQUIRE(log.size() == 2);
    CHECK(log[0] == without_trailing_newlines(z[0]));
    CHECK(log[1] == without_trailing_newlines(z[1]));

    // --oneline: one message per line, the abbreviated hash dropped.
    const std::vector<std::string> oneline = split_pasted_commits(data("commits/node-semver.oneline"));
    CHECK(oneline == std::vector<std::string>{
                         "chore: release 7.8.5 (#879)",
                         "fix: include prereleases in tilde range lower bound with includePrerelease (#878)",
                         "chore: release 7.8.4 (#875)", "fix: reject numeric segments after x-ranges",
                         "chore: release 7.8.3 (#873)",
                         "chore: bump @npmcli/eslint-config from 6.0.1 to 7.0.0 (#866)"});
}

TEST_CASE("pasted commits: messages separated by blank lines keep their bodies and footers", "[pasted]") {
    // A footer paragraph ("Refs: #12") looks like a header but belongs to the message before it.
    CHECK(split_pasted_commits("feat(api): add x\n\nLonger body.\n\nRefs: #12\n\nfix: y\r\n\r\nBREAKING CHANGE: z\n") ==
          std::vector<std::string>{"feat(api): add x\n\nLonger body.\n\nRefs: #12", "fix: y\n\nBREAKING CHANGE: z"});
    // A first paragraph that is not a header is still a message; a hash before a header is dropped.
    CHECK(split_pasted_commits("Update README\n\na1b2c3d fix: y") == std::vector<std::string>{"Update README", "fix: y"});
    // NULs decide when present, whatever the lines look like.
    CHECK(split_pasted_commits(std::string("feat: a\n\nfix: b\0docs: c\0", 24)) ==
          std::vector<std::string>{"feat: a\n\nfix: b", "docs: c"});
    CHECK(split_pasted_commits("").empty());
    CHECK(split_pasted_commits("\n\n  \n").empty());
}

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


namespace {

std::string next_with(std::string_view current, const std::vector<std::string_view>& messages, NextVersionOptions o) {
    auto v = Version::parse(current);
    REQUIRE(v.ok());
    auto r = next_version(*v, messages, o);
    REQUIRE(r.ok());
    return r->version ? r->version->to_string() : "none";
}

}  // namespace

TEST_CASE("reverts cancel the reverted commit in the range, else they are a patch", "[next_version][revert]") {
    // git revert of a feature in the same range: neither counts.
    CHECK(next("1.4.2", {"Revert \"feat(cli): add --json\"\n\nThis reverts commit 0ce6472d5bb01ebd02f9737be8e44665ae3f4ff7.\n",
                         "docs: typo", "feat(cli): add --json"}) == "none");
    // The reverted feature shipped in an earlier release: the revert is a patch.
    const NextVersion lone = run("1.4.2", {"Revert \"feat(cli): add --json\" (#88)\n\nThis reverts commit 0ce6472d5b.\n", "docs: typo"});
    REQUIRE(lone.version);
    CHECK(lone.version->to_string() == "1.4.3");
    REQUIRE(lone.reasons.size() == 1);
    CHECK(lone.reasons[0].why == "revert");
    CHECK(next("1.4.2", {"revert: feat(cli): add --json", "chore: bump"}) == "1.4.3");
    // By hash when the log carries them: another commit with the same header is not the reverted one.
    CHECK(next("1.4.2", {"aaaaaaa1\nRevert \"feat: x\"\n\nThis reverts commit bbbbbbb2.\n", "ccccccc3\nfeat: x"}) == "1.5.0");
    CHECK(next("1.4.2", {"aaaaaaa1\nRevert \"feat: x\"\n\nThis reverts commit bbbbbbb2.\n", "bbbbbbb2\nfeat: x"}) == "none");
    // A revert of a revert brings the feature back.
    CHECK(next("1.4.2", {"Revert \"Revert \"feat: x\"\"", "Revert \"feat: x\"", "feat: x"}) == "1.5.0");
    // Two commits with the same subject stay two commits: one revert cancels one of them.
    const NextVersion twice = run("1.4.2", {"revert: feat: x", "feat: x", "feat: x"});
    CHECK(twice.bump == Bump::minor);
    CHECK(twice.cancelled == 2);
    CHECK(twice.reasons_total == 1);
    // As semantic-release and release-please behave in practice: the pair still releases.
    NextVersionOptions keep;
    keep.cancel_revert_pairs = false;
    CHECK(next_with("10.7.3", {"revert(typescript): new `pull_request.milestoned` event (#830)\" (#833)\n\nThis reverts commit 8a7ac100ebc22808abde1c562fa5700ded2018a2.\n",
                               "feat(typescript): new `pull_request.milestoned` event (#830)"}, keep) == "10.8.0");
}

TEST_CASE("merge commits are skipped; breaking footers count under any header", "[next_version]") {
    const NextVersion n = run("2.3.0", {"Merge pull request #91 from ana/feat-x\n\nfeat: x", "fix: y"});
    CHECK(n.version->to_string() == "2.3.1");
    CHECK(n.merges == 1);
    CHECK(next("8.1.0", {"v9 (#639)\n\nBREAKING CHANGE: now a native ES Module\n\nBREAKING CHANGE: Node 14 is no longer supported"}) == "9.0.0");
    CHECK(next("3.0.1", {"fix(post): revert to `exec`ing `git` commands\n`git-node` is unstable.\n"}) == "3.0.2");
    CHECK(next("6.0.12", {" feat: exclude reverted commits from the changelog"}) == "6.1.0");
}

TEST_CASE("release rules per type and scope, like commit-analyzer's releaseRules", "[next_version][rules]") {
    NextVersionOptions o;
    o.rules = {*parse_release_rule("build(deps)=patch"), *parse_release_rule("docs(readme)=patch"),
               *parse_release_rule("refactor=minor"), *parse_release_rule("fix(ci)=none")};
    CHECK(next_with("1.2.3", {"build(deps): bump jsonpath-plus from 9.0.0 to 10.0.0 (#2401)"}, o) == "1.2.4");
    CHECK(next_with("1.2.3", {"build: switch to GitHub actions"}, o) == "none");
    CHECK(next_with("1.2.3", {"docs(readme): fix the install command"}, o) == "1.2.4");
    CHECK(next_with("1.2.3", {"docs: add a recipe"}, o) == "none");
    CHECK(next_with("1.2.3", {"refactor(core): split the parser"}, o) == "1.3.0");
    CHECK(next_with("1.2.3", {"fix(ci): retry npm install"}, o) == "none");
    CHECK(next_with("1.2.3", {"build(deps)!: require Node 18"}, o) == "2.0.0");  // a rule never lowers a breaking change
    CHECK(to_string(*parse_release_rule("Build(deps)=patch")) == "build(deps)=patch");
    CHECK(parse_release_rule("build(deps)").error().message.find("no '='") != std::string::npos);
    CHECK_FALSE(parse_release_rule("build=huge").ok());
    CHECK_FALSE(parse_release_rule("=patch").ok());
}

TEST_CASE("pre-1.0 policies of semantic-release, release-please and git-cliff", "[next_version][policy]") {
    NextVersionOptions tools;
    tools.pre_major = *pre_major_policy("semantic-release");
    CHECK(next_with("0.3.1", {"feat!: drop Node 12"}, tools) == "1.0.0");
    CHECK(next_with("0.3.1", {"feat: add --json"}, tools) == "0.4.0");
    NextVersionOptions minor_pre_major;  // release-please bump-minor-pre-major (git-cliff breaking_always_bump_major = false)
    minor_pre_major.pre_major = {true, false};
    CHECK(next_with("0.3.1", {"feat!: drop Node 12"}, minor_pre_major) == "0.4.0");
    CHECK(next_with("0.3.1", {"feat: add --json"}, minor_pre_major) == "0.4.0");
    NextVersionOptions patch_for_minor;  // bump-patch-for-minor-pre-major (features_always_bump_minor = false)
    patch_for_minor.pre_major = {false, true};
    CHECK(next_with("0.3.1", {"feat: add --json"}, patch_for_minor) == "0.3.2");
    CHECK(next_with("0.3.1", {"feat!: drop Node 12"}, patch_for_minor) == "1.0.0");
    CHECK(next_with("1.3.1", {"feat: add --json"}, patch_for_minor) == "1.4.0");  // only below 1.0.0
    CHECK(pre_major_policy("git-cliff")->breaking_is_minor == false);
    CHECK(pre_major_policy("relplan")->feat_is_patch);
    CHECK_FALSE(pre_major_policy("lerna").ok());
}

TEST_CASE("pre-release continuation: 1.3.0-rc.1 -> rc.2 -> 1.3.0", "[next_version][pre]") {
    CHECK(next("1.2.9", {"feat(api): add pagination"}, "rc") == "1.3.0-rc.0");
    CHECK(next("1.3.0-rc.1", {"fix(api): off-by-one in page size"}, "rc") == "1.3.0-rc.2");
    CHECK(next("1.3.0-rc.2", {"feat(api): cursor pagination"}, "rc") == "1.3.0-rc.3");
    CHECK(next("1.3.0-rc.2", {"fix(api): off-by-one in page size"}) == "1.3.0");
    CHECK(next("1.3.0-rc.2", {"feat(api)!: drop offset pagination"}, "rc") == "2.0.0-rc.0");
}

TEST_CASE("Release-As footers name the version, as release-please reads them", "[next_version]") {
    CHECK(next("15.1.0", {"feat: a", "chore(deps): update mocha to v7\n\nRelease-As: 15.2.0", "feat!: b\n\nBREAKING CHANGE: c"}) == "15.2.0");
    CHECK(next("1.0.0", {"chore: x\n\nRelease-As: soon"}) == "none");
    CHECK(next("2.0.0", {"fix: y", "chore: x\n\nRelease-As: 1.5.0"}) == "2.0.1");
}

TEST_CASE("reasons stay bounded on huge logs while counts stay exact", "[next_version]") {
    std::vector<std::string> owned;
    for (int i = 0; i < 5000; ++i) owned.push_back(i % 2 ? "fix: f" + std::to_string(i) : "docs: d");
    owned.push_back("feat: one feature");
    owned.push_back("feat: another");
    const std::vector<std::string_view> messages(owned.begin(), owned.end());
    NextVersionOptions o;
    o.keep_commits = false;
    o.max_reasons = 1;
    auto v = Version::parse("1.0.0");
    auto r = next_version(*v, messages, o);
    REQUIRE(r.ok());
    CHECK(r->version->to_string() == "1.1.0");
    CHECK(r->reasons.size() == 1);
    CHECK(r->reasons[0].summary == "feat: one feature");
    CHECK(r->reasons_total == 2);
    CHECK(r->counts[static_cast<int>(Bump::patch)] == 2500);
    CHECK(r->commits.empty());
}

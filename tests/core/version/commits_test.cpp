#include "version/commits.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;

namespace {

ConventionalCommit parse(std::string_view message) {
    auto c = parse_conventional_commit(message);
    INFO(message);
    if (!c.ok()) INFO(c.error().message);
    REQUIRE(c.ok());
    return *c;
}

std::string why_not(std::string_view message) {
    auto c = parse_conventional_commit(message);
    REQUIRE(!c.ok());
    return c.error().message;
}

}  // namespace

// The examples of conventionalcommits.org 1.0.0.
TEST_CASE("the specification's examples", "[commits]") {
    const ConventionalCommit a = parse(
        "feat: allow provided config object to extend other configs\n\n"
        "BREAKING CHANGE: `extends` key in config file is now used for extending other config files\n");
    CHECK(a.type == "feat");
    CHECK(a.scope.empty());
    CHECK(a.breaking);
    CHECK(!a.breaking_bang);
    CHECK(a.description == "allow provided config object to extend other configs");
    CHECK(a.body.empty());
    REQUIRE(a.footers.size() == 1);
    CHECK(a.footers[0].token == "BREAKING CHANGE");
    CHECK(a.footers[0].value == "`extends` key in config file is now used for extending other config files");

    const ConventionalCommit b = parse("feat!: send an email to the customer when a product is shipped");
    CHECK(b.breaking);
    CHECK(b.breaking_bang);

    const ConventionalCommit c = parse("feat(api)!: send an email to the customer when a product is shipped");
    CHECK(c.scope == "api");
    CHECK(c.breaking);

    const ConventionalCommit d = parse(
        "chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.\n");
    CHECK(d.type == "chore");
    CHECK(d.breaking);

    const ConventionalCommit e = parse("docs: correct spelling of CHANGELOG");
    CHECK(!e.breaking);
    CHECK(e.footers.empty());

    const ConventionalCommit f = parse("feat(lang): add Polish language");
    CHECK(f.scope == "lang");

    const ConventionalCommit g = parse(
        "fix: prevent racing of requests\n\n"
        "Introduce a request id and a reference to latest request. Dismiss\n"
        "incoming responses other than from latest request.\n\n"
        "Remove timeouts which were used to mitigate the racing issue but are\n"
        "obsolete now.\n\n"
        "Reviewed-by: Z\n"
        "Refs: #123\n");
    CHECK(g.type == "fix");
    CHECK(g.body ==
          "Introduce a request id and a reference to latest request. Dismiss\n"
          "incoming responses other than from latest request.\n\n"
          "Remove timeouts which were used to mitigate the racing issue but are\n"
          "obsolete now.");
    REQUIRE(g.footers.size() == 2);
    CHECK(g.footers[0].token == "Reviewed-by");
    CHECK(g.footers[0].value == "Z");
    CHECK(g.footers[1].token == "Refs");
    CHECK(g.footers[1].value == "#123");
    CHECK(!g.breaking);
}

TEST_CASE("footers: separators, continuation lines and the BREAKING CHANGE spelling", "[commits]") {
    const ConventionalCommit a = parse(
        "fix(parser): handle CRLF\r\n\r\nBody line.\r\n\r\nFixes #42\r\nBREAKING-CHANGE: the parser now\r\n"
        "  rejects lone CR\r\n\r\n  in headers\r\nAcked-by: Someone <s@example.org>\r\n\r\n");
    CHECK(a.body == "Body line.");
    REQUIRE(a.footers.size() == 3);
    CHECK(a.footers[0].token == "Fixes");
    CHECK(a.footers[0].value == "42");
    CHECK(a.footers[1].token == "BREAKING-CHANGE");
    CHECK(a.footers[1].value == "the parser now\n  rejects lone CR\n\n  in headers");
    CHECK(a.footers[2].value == "Someone <s@example.org>");
    CHECK(a.breaking);

    // Types are case-insensitive; BREAKING CHANGE is upper-case only.
    const ConventionalCommit b = parse("FEAT(Scope): x\n\nbreaking change: lower case does not count\n");
    CHECK(b.type == "feat");
    CHECK(b.scope == "Scope");
    CHECK(!b.breaking);
    CHECK(b.body == "breaking change: lower case does not count");
    const ConventionalCommit c = parse("fix: x\n\nbreaking-change: a footer, but not a breaking one\n");
    REQUIRE(c.footers.size() == 1);
    CHECK(!c.breaking);
    const ConventionalCommit d = parse("fix: x\n\nBREAKING-CHANGE #12\n");
    CHECK(!d.breaking);  // the breaking footer needs ": "
    CHECK(parse("fix:  spaced   \n").description == "spaced");
}

TEST_CASE("messages that are not conventional say why", "[commits][errors]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"", "not a conventional commit: the message is empty"},
        {"\n\n  \n", "not a conventional commit: the message is empty"},
        {"Merge branch 'main' into topic",
         "not a conventional commit \"Merge branch 'main' into topic\": expected ':' after the type \"Merge\" at offset 5"},
        {"feat(api: x", "not a conventional commit \"feat(api: x\": unclosed '(' of the scope at offset 4"},
        {"feat(): x", "not a conventional commit \"feat(): x\": empty scope at offset 4"},
        {"feat:x", "not a conventional commit \"feat:x\": expected a space after ':' at offset 5"},
        {"feat: ", "not a conventional commit \"feat: \": empty description at offset 6"},
        {": x", "not a conventional commit \": x\": expected a type such as feat or fix at offset 0"},
        {"feat: x\nsecond line",
         "not a conventional commit \"feat: x\": the line after the description must be blank at offset 8"},
        {"feat!(api): x",
         "not a conventional commit \"feat!(api): x\": expected ':' after the type \"feat!\" at offset 5"},
        {std::string(kMaxCommitMessageSize + 1, 'a'), "commit message too long: 1048577 bytes (limit 1048576)"},
    };
    for (const auto& [input, expected] : rows) CHECK(why_not(input) == expected);
}

TEST_CASE("commit summary and the git log -z splitter", "[commits]") {
    CHECK(commit_summary("fix: a\r\n\r\nbody") == "fix: a");
    CHECK(commit_summary("") == "");
    const std::string log = std::string("feat: one\n\nbody\n") + '\0' + "fix: two\n" + '\0' + '\0' + "chore: four\n" + '\0';
    const auto messages = split_commit_log(log);
    REQUIRE(messages.size() == 4);
    CHECK(messages[0] == "feat: one\n\nbody\n");
    CHECK(messages[1] == "fix: two\n");
    CHECK(messages[2].empty());  // a commit with an empty message
    CHECK(messages[3] == "chore: four\n");
    CHECK(split_commit_log("").empty());
    CHECK(split_commit_log("\n").empty());
    CHECK(split_commit_log("fix: no trailing NUL").size() == 1);
}

TEST_CASE("commit parsing survives garbage", "[commits][errors]") {
    std::mt19937 rng(3);
    for (int i = 0; i < 5000; ++i) {
        std::string m(static_cast<std::size_t>(rng() % 60), '\0');
        for (char& c : m) c = "fixeat():! \n\r#-BREAKING CHANGE\0\xff"[rng() % 33];
        auto c = parse_conventional_commit(m);
        if (c.ok()) {
            CHECK(!c->type.empty());
            CHECK(!c->description.empty());
            CHECK(c->raw == m);
        } else {
            CHECK(c.error().message.rfind("not a conventional commit", 0) == 0);
        }
    }
}

TEST_CASE("footers: BREAKING CHANGE text on the next line, the hyphen synonym, several breaking footers",
          "[commits]") {
    auto c = parse_conventional_commit(
        "feat(api)!: drop v1 endpoints\n\nThe v1 API was deprecated a year ago.\n\nBREAKING CHANGE:\n  /v1/users and /v1/teams are gone;\n  use /v2.\nBREAKING-CHANGE: the `token` query parameter is no longer read\nReviewed-by: Ana\nRefs: #412\n");
    REQUIRE(c.ok());
    CHECK(c->body == "The v1 API was deprecated a year ago.");
    REQUIRE(c->footers.size() == 4);
    CHECK(c->footers[0].token == "BREAKING CHANGE");
    CHECK(c->footers[0].value == "  /v1/users and /v1/teams are gone;\n  use /v2.");
    CHECK(c->footers[1].token == "BREAKING-CHANGE");
    CHECK(c->footers[1].value == "the `token` query parameter is no longer read");
    CHECK(c->footers[3].value == "#412");

    // conventional-changelog reads a BREAKING CHANGE line inside the body too.
    auto d = parse_conventional_commit("fix: parse dates strictly\n\nDates like 2023-13-45 were accepted.\nBREAKING CHANGE: invalid dates are now errors\n");
    REQUIRE(d.ok());
    CHECK(d->breaking);
    CHECK(d->body == "Dates like 2023-13-45 were accepted.");
    REQUIRE(d->footers.size() == 1);
    CHECK(d->footers[0].value == "invalid dates are now errors");
}

TEST_CASE("git log records with hashes, merges and reverts", "[commits]") {
    const auto r = read_commit_record("3f3b286fb8 9a7283d66a\nchore(deps): update dependency ava to v5.1.1\n");
    CHECK(r.hash == "3f3b286fb8");
    CHECK_FALSE(r.merge);
    CHECK(commit_summary(r.message) == "chore(deps): update dependency ava to v5.1.1");
    CHECK(read_commit_record("a1b2c3d4e5 1111111 2222222\nMerge pull request #12 from ana/fix-dates\n\nfix: dates").merge);
    CHECK(read_commit_record("Merge branch 'main' into next").merge);
    const auto plain = read_commit_record("deadbeef is not a hash line\n");
    CHECK(plain.hash.empty());

    auto git = revert_of("Revert \"chore(deps): update dependency ava to v5.1.1\" (#2682)\n\nThis reverts commit 3f3b286fb80215b2ad65378340208eb4c8eb6aea.\n");
    REQUIRE(git);
    CHECK(git->header == "chore(deps): update dependency ava to v5.1.1");
    CHECK(git->hash == "3f3b286fb80215b2ad65378340208eb4c8eb6aea");
    auto typed = revert_of("revert: feat(cli): add --json\n");
    REQUIRE(typed);
    CHECK(typed->header == "feat(cli): add --json");
    CHECK(typed->hash.empty());
    CHECK_FALSE(revert_of("fix: revert to `exec`ing git commands"));
}

TEST_CASE("a log without NULs holding several headers gets a warning naming -z", "[commits]") {
    const auto w = commit_log_warning("feat: add export\nfix: crash on empty plan\ndocs: typo\n");
    REQUIRE(w);
    CHECK(w->find("-z") != std::string::npos);
    CHECK_FALSE(commit_log_warning("feat: add export\n\nLong body.\n\nRefs: #12\nReviewed-by: Ana\n"));
    CHECK_FALSE(commit_log_warning(std::string_view("feat: a\0fix: b\0", 16)));
}

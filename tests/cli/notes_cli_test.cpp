#include "commands.hpp"
#include "cli_test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan::cli;
using relplan::cli::test::Run;
using relplan::cli::test::read;

namespace {

test::Run run(const Args& args, const std::string& input = {}) { return test::run(cmd_notes, args, input); }

const std::string plan_file = test::data_path("notes/sync.plan.json");

}  // namespace

TEST_CASE("notes prints the release notes for a version") {
    const Run r = run({plan_file, "--release", "1.9.0"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "# Acme Sync 1.9.0 (2026-01-15)\n\n## Bug Fixes\n\n- Fix sync of files larger than 4 GB (#88)\n");
}

TEST_CASE("notes picks format and audience, and finds releases by id") {
    CHECK(run({plan_file, "--release", "r190", "--format", "txt", "--audience", "end-user"}).out ==
          "What's new in Acme Sync 1.9.0 (2026-01-15)\n==========================================\n\n"
          "Fixed\n-----\n\n- Fix sync of files larger than 4 GB\n");
    CHECK(run({plan_file, "--release", "1.9.0", "--format", "keep-a-changelog"}).out ==
          "## [1.9.0] - 2026-01-15\n\n### Fixed\n\n- Fix sync of files larger than 4 GB (#88)\n");
    const Run html = run({plan_file, "--release", "1.9.0", "--format", "html", "--audience", "customer"});
    CHECK(html.code == 0);
    CHECK(html.out.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(html.out.find("<h1>Acme Sync 1.9.0 (2026-01-15)</h1>\n<h2>Bug Fixes</h2>\n<ul>\n"
                        "<li>Fix sync of files larger than 4 GB</li>\n</ul>\n</main>") != std::string::npos);
}

TEST_CASE("notes checks the embargo against --today") {
    const Run during = run({plan_file, "--release", "2.0.1", "--today", "2026-03-19"});
    CHECK(during.out.find("Details will be published on 2026-03-20.") != std::string::npos);
    CHECK(during.out.find("CVE-2026-2001") == std::string::npos);
    const Run after = run({plan_file, "--release", "2.0.1", "--today", "2026-03-20"});
    CHECK(after.out.find("CVE-2026-2001") != std::string::npos);
    const Run bad = run({plan_file, "--release", "2.0.1", "--today", "2026-02-30"});
    CHECK(bad.code == 2);
    CHECK(bad.err.rfind("relplan: --today: 2026-02-30 does not exist\n", 0) == 0);
}

TEST_CASE("notes reads the plan from standard input") {
    const Run r = run({"-", "--release", "1.9.0", "--format", "md"}, read(plan_file));
    CHECK(r.code == 0);
    CHECK(r.out.rfind("# Acme Sync 1.9.0", 0) == 0);
}

TEST_CASE("notes names the releases it has when the one asked for is missing") {
    const Run r = run({plan_file, "--release", "3.0.0"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "relplan: no release with version or id '3.0.0' in " + plan_file +
                       "; releases: 1.9.0, 2.0.0, 2.0.1, next (id; no version yet)\n");
}

TEST_CASE("notes reports usage errors with exit code 2") {
    const auto usage_error = [](const Args& args, const std::string& first_line) {
        const Run r = run(args);
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind(first_line + "\nusage: relplan notes FILE --release V", 0) == 0);
    };
    usage_error({}, "relplan: notes needs a FILE");
    usage_error({plan_file}, "relplan: notes needs --release V (a version or release id)");
    usage_error({plan_file, "--release"}, "relplan: --release needs a value");
    usage_error({plan_file, "--release", "1.9.0", "--format", "pdf"},
                "relplan: unknown format 'pdf' (use md, html, txt or keep-a-changelog)");
    usage_error({plan_file, "--release", "1.9.0", "--audience", "internal"},
                "relplan: unknown audience 'internal' (use technical, customer or end-user)");
    usage_error({plan_file, "--release", "1.9.0", "--width", "12"},
                "relplan: --width must be a number of columns from 20 to 1000, not '12'");
    usage_error({plan_file, "--release", "1.9.0", "--width", "80x"},
                "relplan: --width must be a number of columns from 20 to 1000, not '80x'");
    usage_error({plan_file, "other.json", "--release", "1.9.0"}, "relplan: notes takes one FILE");
    usage_error({plan_file, "--release", "1.9.0", "--bogus"}, "relplan: unknown option --bogus");

    const Run help = run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.rfind("usage: relplan notes FILE --release V", 0) == 0);
}

TEST_CASE("notes fails cleanly on unreadable or broken plans") {
    const Run missing = run({"/nonexistent/plan.json", "--release", "1.0.0"});
    CHECK(missing.code == 1);
    CHECK(missing.err == "relplan: cannot open /nonexistent/plan.json: No such file or directory\n");

    const Run garbage = run({"-", "--release", "1.0.0"}, std::string("\x1B[2J\xFF{not json", 13));
    CHECK(garbage.code == 1);
    CHECK(garbage.err.find("relplan: <stdin> could not be read as a plan\n") != std::string::npos);
    CHECK(garbage.err.find('\x1B') == std::string::npos);

    const Run empty = run({"-", "--release", "1.0.0"}, R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "P"}})");
    CHECK(empty.code == 1);
    CHECK(empty.err == "relplan: <stdin> has no releases\n");
}

TEST_CASE("notes output from a hostile plan carries no markup") {
    const Run r = run({test::data_path("notes/hostile.plan.json"), "--release", "6.6.6", "--format", "html"});
    CHECK(r.code == 0);
    CHECK(r.out.find("<script") == std::string::npos);
    CHECK(r.out.find("<img") == std::string::npos);
    CHECK(r.out.find("<a href=\"javascript") == std::string::npos);
    CHECK(r.out.find("<a href=\"JaVaScRiPt") == std::string::npos);
}

TEST_CASE("notes of a breaking release name the consumers to notify, for the technical audience only") {
    const std::string plan = R"({
  "format": {"name": "relplan", "version": 1},
  "project": {"name": "Acme SDK"},
  "consumers": [{"name": "shop-web", "range": "^1.4.0", "owner": "Shop team", "contact": "shop@acme.test"}],
  "releases": [{"id": "sdk-2", "version": "2.0.0", "type": "major", "status": "planning", "release_date": "2026-04-14",
                "changes": [{"id": "c1", "category": "breaking-change", "description": "Drop the v1 client",
                             "audience": "customer"}]}]
})";
    const Run technical = run({"-", "--release", "2.0.0"}, plan);
    CHECK(technical.code == 0);
    CHECK(technical.out.find("- **shop-web** declares `^1.4.0`: move to `^2.0.0`\n") != std::string::npos);
    CHECK(technical.out.find("### Who to notify\n\n- **shop-web**: Shop team (shop@acme.test)") != std::string::npos);
    const Run customer = run({"-", "--release", "2.0.0", "--audience", "customer"}, plan);
    CHECK(customer.code == 0);
    CHECK(customer.out.find("Drop the v1 client") != std::string::npos);
    CHECK(customer.out.find("shop") == std::string::npos);
}

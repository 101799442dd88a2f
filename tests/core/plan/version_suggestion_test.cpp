// The next version of a release from its changes, counted from the right earlier release: what the
// release editor suggests and `relplan next-version --plan` prints.
#include "plan/version_suggestion.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using relplan::test::d;

namespace {

Release shipped(const char* id, std::vector<std::string> components, const char* version, const char* date) {
    Release r;
    r.id = id;
    r.components = std::move(components);
    r.version = version;
    r.status = ReleaseStatus::released;
    r.release_date = d(date);
    return r;
}

Change change(ChangeCategory category, const char* description) {
    Change c;
    c.category = category;
    c.description = description;
    return c;
}

// The web console's line, the API's line and a release that shipped both.
Plan two_lines() {
    Plan p = relplan::test::plan_named("Lines");
    p.releases.push_back(shipped("web-2.1.0", {"web"}, "2.1.0", "2026-01-10"));
    p.releases.push_back(shipped("api-1.4.0", {"api"}, "1.4.0", "2026-01-12"));
    p.releases.push_back(shipped("both-4.0.0", {"api", "web"}, "4.0.0", "2026-02-01"));
    Release cancelled = shipped("web-2.5.0", {"web"}, "2.5.0", "2026-02-10");
    cancelled.status = ReleaseStatus::cancelled;
    p.releases.push_back(cancelled);
    Release next;
    next.id = "web-next";
    next.components = {"web"};
    next.release_date = d("2026-03-01");
    next.changes = {change(ChangeCategory::bug_fix, "Fix the login form"),
                    change(ChangeCategory::new_feature, "Add dark mode"),
                    change(ChangeCategory::new_feature, "Add CSV export")};
    p.releases.push_back(next);
    p.releases.push_back(shipped("web-3.0.0", {"web"}, "3.0.0", "2026-04-01"));  // later: not a base
    return p;
}

}  // namespace

TEST_CASE("version suggestion: counts from the latest release of the same components", "[suggest]") {
    const Plan p = two_lines();
    const Release& next = p.releases[4];
    std::vector<std::string> bases;
    for (const Release* r : version_bases(p, next)) bases.push_back(r->id);
    // Cancelled and later releases are not bases; a release sharing a component is.
    CHECK(bases == std::vector<std::string>{"web-2.1.0", "both-4.0.0"});
    // 4.0.0 is newer but shipped with the API: the web console keeps counting from its own 2.1.0.
    REQUIRE(default_version_base(p, next) != nullptr);
    CHECK(default_version_base(p, next)->id == "web-2.1.0");

    auto s = suggest_release_version(p, next, nullptr, "", d("2026-02-15"));
    REQUIRE(s.ok());
    CHECK(s->version == "2.2.0");
    CHECK(s->bump == Bump::minor);
    CHECK(s->reasons == std::vector<std::size_t>{1, 2});
    CHECK(s->why == "minor bump from web-2.1.0 2.1.0 (web-2.1.0) because of 2 new features: \"Add dark mode\", "
                    "\"Add CSV export\"");

    // Counting from the shared release instead, and as a pre-release.
    s = suggest_release_version(p, next, &p.releases[2], "rc", d("2026-02-15"));
    REQUIRE(s.ok());
    CHECK(s->version == "4.1.0-rc.0");
}

TEST_CASE("version suggestion: a first release, a release without changes, CalVer", "[suggest]") {
    Plan p = relplan::test::plan_named("First");
    Release first;
    first.id = "r1";
    first.components = {"api"};
    first.changes = {change(ChangeCategory::new_feature, "Everything")};
    p.releases.push_back(first);
    auto s = suggest_release_version(p, p.releases[0], nullptr, "", d("2026-02-15"));
    REQUIRE(s.ok());
    CHECK(s->base == nullptr);
    CHECK(s->version == "1.0.0");
    CHECK(s->why.find("0.1.0 in initial development") != std::string::npos);

    p.releases.insert(p.releases.begin(), shipped("r0", {"api"}, "0.3.0", "2026-01-01"));
    p.releases[1].changes.clear();
    s = suggest_release_version(p, p.releases[1], nullptr, "", d("2026-02-15"));
    REQUIRE(s.ok());
    CHECK(s->version.empty());
    CHECK(s->why == "the release has no changes");

    Plan cal = relplan::test::plan_named("Cal");
    Release march = shipped("m1", {"app"}, "2026.03.0", "2026-03-02");
    march.calver_scheme = "YYYY.0M.MICRO";
    Release later = march;
    later.id = "m2";
    later.version.clear();
    later.status = ReleaseStatus::planning;
    later.release_date = d("2026-03-20");
    cal.releases = {march, later};
    s = suggest_release_version(cal, cal.releases[1], nullptr, "", d("2026-02-15"));
    REQUIRE(s.ok());
    CHECK(s->version == "2026.03.1");
    CHECK(s->why == "the next YYYY.0M.MICRO version for 2026-03-20 after m1 2026.03.0 (m1)");
    // Undated: today's month decides.
    cal.releases[1].release_date.reset();
    s = suggest_release_version(cal, cal.releases[1], nullptr, "", d("2026-04-02"));
    REQUIRE(s.ok());
    CHECK(s->version == "2026.04.0");
}

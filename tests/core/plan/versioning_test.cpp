// The plan's versioning settings: stored in the plan, validated with positions, used for the version
// a release's changes call for.
#include "plan/versioning.hpp"

#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"
#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace relplan;

namespace {

Version v(const char* text) { return *Version::parse(text); }

Change change(ChangeCategory category, const char* text) {
    Change c;
    c.category = category;
    c.description = text;
    return c;
}

Release release(const char* id, const char* version, std::vector<std::string> components = {"lib"}) {
    Release r;
    r.id = id;
    r.version = version;
    r.components = std::move(components);
    r.status = ReleaseStatus::released;
    return r;
}

bool has_error(const std::vector<Diagnostic>& ds, const std::string& pointer, const std::string& part) {
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) {
        return d.pointer == pointer && d.message.find(part) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("a release's changes decide its version by category, with the plan's 0.x rules") {
    PlanSettings s;
    const std::vector<Change> changes{change(ChangeCategory::bug_fix, "crash on start"),
                                      change(ChangeCategory::new_feature, "dark mode"),
                                      change(ChangeCategory::deprecation, "old export"),
                                      change(ChangeCategory::performance, "faster load")};
    auto got = suggest_from_changes(s, v("1.4.2"), changes);
    REQUIRE(got.ok());
    CHECK(got->version->normalized() == "1.5.0");
    CHECK(got->bump == Bump::minor);
    CHECK(got->reasons == std::vector<std::size_t>{1, 2});
    // relplan's own 0.x rule: a feature is a patch below 1.0.0.
    CHECK(suggest_from_changes(s, v("0.3.1"), changes)->version->normalized() == "0.3.2");
    // semantic-release's: a feature is a minor.
    s.versioning = VersioningSettings{"semantic-release", false, false, {}, {}};
    CHECK(suggest_from_changes(s, v("0.3.1"), changes)->version->normalized() == "0.4.0");
    const std::vector<Change> breaking{change(ChangeCategory::breaking_change, "drop the v1 API")};
    CHECK(suggest_from_changes(s, v("0.3.1"), breaking)->version->normalized() == "1.0.0");
    s.versioning->bump_minor_pre_major = true;
    CHECK(suggest_from_changes(s, v("0.3.1"), breaking)->version->normalized() == "0.4.0");
    CHECK(suggest_from_changes(s, v("2.0.0-rc.1"), breaking, "rc")->version->normalized() == "2.0.0-rc.2");
    CHECK_FALSE(suggest_from_changes(s, v("1.0.0"), {})->version);
}

TEST_CASE("on a declared maintenance line a feature is refused with the line named") {
    PlanSettings s;
    s.release_lines = {ReleaseLine{"1.4.x", "release/1.4", {}}};
    const std::vector<Change> feature{change(ChangeCategory::new_feature, "paging")};
    const auto refused = suggest_from_changes(s, v("1.4.2"), feature);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::out_of_range);
    CHECK(refused.error().message ==
          "the next version 1.5.0 is outside release line 1.4.x of 1.4.2; make this release from a newer line");
    // Off the declared line the default lines don't restrict anything.
    CHECK(suggest_from_changes(s, v("1.5.0"), feature)->version->normalized() == "1.6.0");
}

TEST_CASE("versioning settings and release lines survive a save and load") {
    Plan p = test::plan_named("lib");
    p.settings.versioning = VersioningSettings{"release-please", true, false, {"build(deps)=patch", "docs=none"}, {}};
    p.settings.release_lines = {ReleaseLine{"1.x", "release/1.x", {}}, ReleaseLine{"2.3.x", "", {}}};
    const std::string text = to_json(p);
    CHECK(text.find("\"bump_minor_pre_major\": true") != std::string::npos);
    const PlanLoad back = load_plan(text);
    REQUIRE(back.ok());
    CHECK(back.plan->settings == p.settings);
    auto options = versioning_options(back.plan->settings);
    REQUIRE(options.ok());
    CHECK(options->pre_major.breaking_is_minor);
    CHECK_FALSE(options->pre_major.feat_is_patch);
    REQUIRE(options->rules.size() == 2);
    CHECK(to_string(options->rules[0]) == "build(deps)=patch");
}

TEST_CASE("validate names a bad preset, rule or line and duplicate versions with both places") {
    Plan p = test::plan_named("lib");
    Component lib;
    lib.id = "lib";
    lib.name = "Lib";
    p.components = {lib};
    p.settings.versioning = VersioningSettings{"lerna", false, false, {"build(deps)=patch", "docs:none"}, {}};
    p.settings.release_lines = {ReleaseLine{"1.x", "", {}}, ReleaseLine{"1.4", "", {}}, ReleaseLine{"1.X", "", {}}};
    p.releases = {release("a", "1.2.0"), release("b", "1.3.0"), release("c", "1.2.0")};
    Release cancelled = release("d", "1.3.0");
    cancelled.status = ReleaseStatus::cancelled;
    p.releases.push_back(cancelled);
    const auto ds = validate_plan(p);
    CHECK(has_error(ds, "/settings/versioning/preset", "unknown version policy \"lerna\""));
    CHECK(has_error(ds, "/settings/versioning/release_rules/1", "docs:none"));
    CHECK(has_error(ds, "/settings/release_lines/1/line", "is not of the form 1.x or 1.4.x"));
    CHECK(has_error(ds, "/settings/release_lines/2/line", "release line 1.x is listed twice (first at /settings/release_lines/0)"));
    CHECK(has_error(ds, "/releases/2/version", "duplicate version \"1.2.0\" on component \"lib\" (also /releases/0/version)"));
    // A cancelled release may reuse a version, and the same version on two components is fine.
    CHECK_FALSE(has_error(ds, "/releases/3/version", "duplicate"));
    p.releases = {release("a", "1.2.0", {"lib"}), release("b", "1.2.0", {})};
    const auto two_components = validate_plan(p);
    CHECK_FALSE(has_error(two_components, "/releases/1/version", "duplicate"));
}

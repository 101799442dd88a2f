#include "lifecycle/consumer_import.hpp"
#include "lifecycle/impact.hpp"

#include <catch2/catch.hpp>

using namespace relplan;

namespace {

std::vector<Consumer> consumers(std::initializer_list<std::pair<const char*, const char*>> list) {
    std::vector<Consumer> out;
    for (auto [name, range] : list) out.push_back(Consumer{name, range, "", "", {}});
    return out;
}

// The impact of `version` on the one consumer `name`, which takes `range`.
ConsumerImpact impact_on(const char* name, const char* range, const char* version) {
    auto r = release_impact(consumers({{name, range}}), version);
    REQUIRE(r.ok());
    return r->front();
}

ImpactKind kind_for(const char* range, const char* version) { return impact_on("app", range, version).kind; }

// The consumers of `package` that `text` names; `text` must read as a file of kind `source`.
std::vector<Consumer> imported_consumers(const char* text, const char* package, ConsumerSource source) {
    auto r = import_consumers(text, package);
    REQUIRE(r.ok());
    CHECK(r->source == source);
    return r->consumers;
}

}  // namespace

TEST_CASE("impact: caret ranges take minors, are cut off by majors") {
    auto r = release_impact(consumers({{"web", "^1.2.0"}, {"cli", "~1.2.0"}, {"api", "^2.0.0"}}), "1.4.0");
    REQUIRE(r.ok());
    REQUIRE(r->size() == 3);
    CHECK((*r)[0].receives);
    CHECK((*r)[1].kind == ImpactKind::cut_off);
    CHECK((*r)[1].suggested_range == "^1.4.0");
    CHECK((*r)[2].kind == ImpactKind::below_range);
    CHECK((*r)[2].suggested_range.empty());

    auto major = release_impact(consumers({{"web", "^1.2.0"}}), "2.0.0");
    REQUIRE(major.ok());
    CHECK_FALSE(major->front().receives);
    CHECK(major->front().kind == ImpactKind::cut_off);
    CHECK(major->front().suggested_range == "^2.0.0");
    CHECK(consumers_to_notify(*major).size() == 1);
}

TEST_CASE("impact: the release list's summary counts who must act and who receives") {
    auto r = release_impact(consumers({{"web", "^1.2.0"}, {"cli", "~1.2.0"}, {"api", "^2.0.0"}, {"old", "not a range"}}), "1.4.0");
    REQUIRE(r.ok());
    const ImpactSummary sum = summarize_impact(*r);
    CHECK(sum == ImpactSummary{1, 1, 1, 1});
    CHECK(to_string(sum) == "1 must act · 1 receive · 1 not affected · 1 invalid range");
    CHECK(sum.must_act == static_cast<int>(consumers_to_notify(*r).size()));
    CHECK(to_string(summarize_impact({})) == "no consumers");
    auto pre = release_impact(consumers({{"web", "^2.0.0-rc.0"}, {"app", "^1.2.0"}}), "2.0.0-rc.1");
    REQUIRE(pre.ok());
    CHECK(to_string(summarize_impact(*pre)) == "1 must act · 1 receive");
}

TEST_CASE("impact: pre-releases follow node-semver's rule") {
    CHECK(kind_for("^1.2.0", "1.3.0-rc.1") == ImpactKind::prerelease_excluded);
    CHECK(kind_for("^1.3.0-rc.0", "1.3.0-rc.1") == ImpactKind::receives);
    CHECK(kind_for("^1.2.0", "2.0.0-rc.1") == ImpactKind::cut_off);
    CHECK(impact_on("web", "^1.2.0", "1.3.0-rc.1").suggested_range == "^1.3.0-rc.1");
}

TEST_CASE("impact: unions with gaps, star, invalid ranges and bad versions") {
    CHECK(kind_for("^1.0.0 || ^3.0.0", "2.1.0") == ImpactKind::outside_range);
    CHECK(kind_for("*", "7.0.0") == ImpactKind::receives);
    CHECK(kind_for("not a range!", "1.0.0") == ImpactKind::invalid_range);
    auto bad = release_impact(consumers({{"web", "^1"}}), "1.0");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("not a SemVer version") != std::string::npos);
    const ConsumerImpact tag = impact_on("web", "^1", "v1.5.0");  // the tag form, as node-semver
    CHECK(tag.version == "1.5.0");
    CHECK(tag.receives);
}

TEST_CASE("consumers: package.json dependency sections name our package") {
    const char* pkg = R"({"name": "shop-web", "version": "3.1.0",
        "dependencies": {"left-pad": "^1.0.0", "@acme/ui": "^1.2.0"},
        "devDependencies": {"@acme/ui": "^1.2.0"},
        "peerDependencies": {"@acme/ui": ">=1.4 <3"}})";
    const std::vector<Consumer> found = imported_consumers(pkg, "@acme/ui", ConsumerSource::package_json);
    REQUIRE(found.size() == 2);  // the same range twice is one consumer
    CHECK(found[0].name == "shop-web");
    CHECK(found[0].range == "^1.2.0");
    CHECK(found[1].range == ">=1.4 <3");
    auto none = import_consumers(pkg, "react");
    REQUIRE(none.ok());
    CHECK(none->consumers.empty());
}

TEST_CASE("consumers: package-lock v3, v1 and npm ls trees") {
    const char* lock3 = R"({"name": "shop", "lockfileVersion": 3, "packages": {
        "": {"name": "shop", "dependencies": {"@acme/ui": "^1.2.0"}},
        "node_modules/@acme/forms": {"version": "2.0.1", "peerDependencies": {"@acme/ui": "^1.0.0"}},
        "node_modules/@acme/ui": {"version": "1.3.0"}}})";
    const std::vector<Consumer> locked = imported_consumers(lock3, "@acme/ui", ConsumerSource::package_lock);
    REQUIRE(locked.size() == 2);
    CHECK(locked[0].name == "shop");
    CHECK(locked[1].name == "@acme/forms");
    CHECK(locked[1].range == "^1.0.0");

    const char* lock1 = R"({"name": "old", "lockfileVersion": 1, "dependencies": {
        "forms": {"version": "1.0.0", "requires": {"@acme/ui": "~1.1.0"}}}})";
    auto v1 = import_consumers(lock1, "@acme/ui");
    REQUIRE(v1.ok());
    REQUIRE(v1->consumers.size() == 1);
    CHECK(v1->consumers[0].range == "~1.1.0");

    const char* ls = R"({"name": "shop", "version": "1.0.0", "dependencies": {
        "forms": {"version": "2.0.0", "dependencies": {"@acme/ui": {"version": "1.3.2"}}},
        "@acme/ui": {"version": "1.3.2"}}})";
    const std::vector<Consumer> tree = imported_consumers(ls, "@acme/ui", ConsumerSource::npm_ls);
    REQUIRE(tree.size() == 2);
    CHECK(tree[0].range == "1.3.2");
}

TEST_CASE("consumers: a consumers list, and errors with positions") {
    auto list = import_consumers(R"([{"name": "a", "range": "^1", "owner": "Kim", "contact": "kim@example.com"}])", "");
    REQUIRE(list.ok());
    REQUIRE(list->consumers.size() == 1);
    CHECK(list->consumers[0].contact == "kim@example.com");
    auto missing = import_consumers(R"({"consumers": [{"name": "a"}]})", "");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().offset == 15);
    CHECK_FALSE(import_consumers("[1,", "x").ok());
    CHECK_FALSE(import_consumers("42", "x").ok());
    std::string deep(100000, '[');
    CHECK_FALSE(import_consumers(deep, "x").ok());

    std::vector<Consumer> have = {{"a", "^1", "", "", {}}};
    merge_consumers(have, {{"a", "^1", "", "", {}}, {"b", "^2", "", "", {}}});
    CHECK(have.size() == 2);
}

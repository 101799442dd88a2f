// assets/plan.schema.json must describe exactly what the loader and writer use: same members, same
// required members, same enum tokens. These checks catch a schema left behind by a model change.
#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace relplan;
using nlohmann::json;

namespace {

json schema() {
    return json::parse(test::asset("plan.schema.json"), nullptr, false);
}

template <class E>
std::set<std::string> tokens() {
    std::set<std::string> out;
    for (const E e : all_values<E>()) out.insert(std::string(to_string(e)));
    return out;
}

std::set<std::string> schema_enum(const json& s) {
    std::set<std::string> out;
    for (const auto& v : s.at("enum")) out.insert(v.get<std::string>());
    return out;
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
    return out;
}

// Every member the writer emits for a fully populated plan, per schema definition.
json full_plan_json() {
    Date d{std::chrono::year{2027}, std::chrono::January, std::chrono::day{19}};
    Change c{"c", ChangeCategory::bug_fix, "d", "#1", "l", "abc1234", "s", "api", "i", "w", Audience::customer, d,
             FreezeException{"a", d, "r", {}}, {}};
    Release r;
    r.id = r.name = r.version = r.theme = r.branch = r.link = r.environment = r.summary = "x";
    r.calver_scheme = "YYYY.0M.MICRO";
    r.yanked = true;
    r.components = r.objectives = r.upgrade_instructions = r.contributors = {"x"};
    r.planning_start = r.feature_freeze = r.code_freeze = r.release_date = r.embargo_until = d;
    r.change_window = ChangeWindow{{}, std::chrono::sys_seconds{std::chrono::seconds{3600}}, 60, 60, "Europe/Berlin", {}};
    r.known_issues = {KnownIssue{"d", "w", "r", "l", {}}};
    r.changes = {c};
    r.changes[0].author = "a";
    r.changes[0].section = "Bug Fixes";
    r.train = "x";
    r.communications = {Communication{Audience::customer, Channel::blog, "s", {"x"}, 1, d, d, {}}};
    r.risks = {Risk{"d", RiskLevel::low, RiskLevel::high, "m", "o", {}}};
    r.quality_gates = {QualityGate{GateKind::uat, "n", true, GateStatus::passed, "a", d, "n", {}}};
    r.deployment = DeploymentPlan{"s", "o", {"x"}, {}};
    r.rollback = RollbackPlan{"o", {"x"}, {"x"}, {}};
    r.review = PostReleaseReview{d, d, d, ReleaseOutcome::success, "s", {Metric{"n", "v", "t", {}}},
                                 {RetroItem{RetroKind::went_well, "t", "o", {}}}, {}};
    Plan p;
    p.project = Project{"n", "d", "r", {}};
    p.components = {Component{"c", "n", "d", "o", "r", {}}};
    p.stakeholders = {Stakeholder{"s", "n", "r", "e", Audience::internal, {"c"}, {}}};
    p.blackouts = p.holidays = {Period{"n", d, d, {"c"}, {}}};
    p.settings.milestone_offsets = {MilestoneOverride{ReleaseType::major, 1, 1, 1, 1, {}}};
    p.settings.notes_sections = {NotesSectionOverride{NotesSection::summary, "t", {}}};
    p.project.package = "p";
    p.project.time_zone = "Europe/Berlin";
    p.project.id = "i";
    p.settings.support = SupportPolicy{true, 1, 1, 1, 1, {}};
    p.settings.support_lines = {LineSupport{"1.x", true, d, d, {}}};
    p.settings.versioning = VersioningSettings{"release-please", true, true, {"build(deps)=patch"}, {}};
    p.settings.release_lines = {ReleaseLine{"1.x", "release/1.x", {}}};
    p.consumers = {Consumer{"n", "^1.0.0", "o", "c", {}}};
    p.dependencies = {DependencySupport{"p", "1", d, d, d, true, {}}};
    Train t;
    t.id = t.name = t.cadence = t.calver_scheme = "x";
    t.start = d;
    t.components = {"c"};
    t.code_freeze_days = 1;
    p.trains = {t};
    p.conflicts = {MergeConflict{"/x", "1", "2", "3", {}}};
    p.releases = {r};
    return json::parse(to_json(p), nullptr, false);
}

}  // namespace

TEST_CASE("the schema is JSON Schema 2020-12 and lists the loader's enum tokens") {
    const json s = schema();
    REQUIRE_FALSE(s.is_discarded());
    CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    const json& d = s.at("$defs");
    const json& release = d.at("release").at("properties");
    CHECK(schema_enum(release.at("type")) == tokens<ReleaseType>());
    CHECK(schema_enum(release.at("status")) == tokens<ReleaseStatus>());
    CHECK(schema_enum(d.at("change").at("properties").at("category")) == tokens<ChangeCategory>());
    CHECK(schema_enum(d.at("change").at("properties").at("audience")) == tokens<Audience>());
    CHECK(schema_enum(d.at("communication").at("properties").at("channel")) == tokens<Channel>());
    CHECK(schema_enum(d.at("risk").at("properties").at("likelihood")) == tokens<RiskLevel>());
    CHECK(schema_enum(d.at("qualityGate").at("properties").at("kind")) == tokens<GateKind>());
    CHECK(schema_enum(d.at("qualityGate").at("properties").at("status")) == tokens<GateStatus>());
    CHECK(schema_enum(d.at("review").at("properties").at("outcome")) == tokens<ReleaseOutcome>());
    CHECK(schema_enum(d.at("retroItem").at("properties").at("kind")) == tokens<RetroKind>());
    CHECK(schema_enum(d.at("notesSection").at("properties").at("section")) == tokens<NotesSection>());
    CHECK(schema_enum(d.at("milestoneOverride").at("properties").at("type")) == tokens<ReleaseType>());
}

TEST_CASE("the schema defines every member the writer emits") {
    const json s = schema();
    const json& d = s.at("$defs");
    const json plan = full_plan_json();
    REQUIRE_FALSE(plan.is_discarded());
    CHECK(keys(plan) == keys(s.at("properties")));
    const json& release = plan.at("releases").at(0);
    CHECK(keys(release) == keys(d.at("release").at("properties")));
    CHECK(keys(release.at("changes").at(0)) == keys(d.at("change").at("properties")));
    CHECK(keys(release.at("changes").at(0).at("freeze_exception")) == keys(d.at("freezeException").at("properties")));
    CHECK(keys(release.at("known_issues").at(0)) == keys(d.at("knownIssue").at("properties")));
    CHECK(keys(release.at("communications").at(0)) == keys(d.at("communication").at("properties")));
    CHECK(keys(release.at("risks").at(0)) == keys(d.at("risk").at("properties")));
    CHECK(keys(release.at("quality_gates").at(0)) == keys(d.at("qualityGate").at("properties")));
    CHECK(keys(release.at("change_window")) == keys(d.at("changeWindow").at("properties")));
    CHECK(keys(release.at("deployment")) == keys(d.at("deployment").at("properties")));
    CHECK(keys(release.at("rollback")) == keys(d.at("rollback").at("properties")));
    CHECK(keys(release.at("review")) == keys(d.at("review").at("properties")));
    CHECK(keys(release.at("review").at("metrics").at(0)) == keys(d.at("metric").at("properties")));
    CHECK(keys(release.at("review").at("retrospective").at(0)) == keys(d.at("retroItem").at("properties")));
    CHECK(keys(plan.at("project")) == keys(d.at("project").at("properties")));
    CHECK(keys(plan.at("components").at(0)) == keys(d.at("component").at("properties")));
    CHECK(keys(plan.at("stakeholders").at(0)) == keys(d.at("stakeholder").at("properties")));
    CHECK(keys(plan.at("blackouts").at(0)) == keys(d.at("period").at("properties")));
    CHECK(keys(plan.at("settings")) == keys(d.at("settings").at("properties")));
    CHECK(keys(plan.at("settings").at("milestone_offsets").at(0)) == keys(d.at("milestoneOverride").at("properties")));
    CHECK(keys(plan.at("settings").at("notes_sections").at(0)) == keys(d.at("notesSection").at("properties")));
}

TEST_CASE("members the schema requires are the ones the loader requires") {
    const json s = schema();
    // Dropping a required member from the example must be an error naming it.
    const json& d = s.at("$defs");
    for (const auto& name : d.at("release").at("required")) {
        std::string text = R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "x"}, "releases": [{)";
        bool first = true;
        for (const char* member : {"id", "type", "status"}) {
            if (name == member) continue;
            text += std::string(first ? "" : ", ") + "\"" + member + "\": " +
                    (std::string(member) == "id" ? "\"r\"" : std::string(member) == "type" ? "\"minor\"" : "\"planning\"");
            first = false;
        }
        text += "}]}";
        const PlanLoad loaded = load_plan(text);
        REQUIRE(loaded.errors.size() == 1);
        CHECK(loaded.errors[0].message == "missing required member \"" + name.get<std::string>() + "\"");
    }
    CHECK(s.at("required") == json::array({"format", "project"}));
}

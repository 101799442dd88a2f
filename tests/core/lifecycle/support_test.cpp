#include "lifecycle/support.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace std::chrono;
using relplan::test::d;

namespace {

Release rel(std::string version, Date on, ReleaseStatus status = ReleaseStatus::released) {
    Release r;
    r.id = "r" + version;
    r.version = std::move(version);
    r.release_date = on;
    r.status = status;
    return r;
}

Plan node_like() {
    Plan p;
    p.releases = {rel("1.0.0", d(2024, 1, 10)), rel("1.1.0", d(2024, 3, 1)), rel("1.1.1", d(2024, 6, 1)),
                  rel("2.0.0", d(2024, 9, 1)), rel("2.1.0", d(2025, 2, 1), ReleaseStatus::planning)};
    SupportPolicy policy;
    policy.maintenance_months = 6;
    p.settings.support = policy;
    return p;
}

const LineSchedule* line(const SupportReport& r, std::string_view name) {
    for (const auto& l : r.lines)
        if (l.line == name) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("support: major lines are active until the successor, then in maintenance") {
    SupportReport r = support_report(node_like(), d(2024, 12, 1));
    REQUIRE(r.lines.size() == 2);
    const LineSchedule* one = line(r, "1.x");
    REQUIRE(one);
    CHECK(one->cycle == "1");
    CHECK(*one->release_date == d(2024, 1, 10));
    CHECK(*one->active_until == d(2024, 9, 1));
    CHECK(*one->eol == d(2025, 3, 1));
    CHECK(one->latest == "1.1.1");
    CHECK(one->phase == SupportPhase::maintenance);
    const LineSchedule* two = line(r, "2.x");
    REQUIRE(two);
    CHECK(two->phase == SupportPhase::active);
    CHECK_FALSE(two->active_until.has_value());
    CHECK(two->latest_planned == "2.1.0");
    CHECK(support_report(node_like(), d(2025, 3, 1)).lines[0].phase == SupportPhase::end_of_life);
}

TEST_CASE("support: 0.y lines, explicit dates, latest-N and LTS") {
    Plan p;
    p.releases = {rel("0.3.0", d(2023, 1, 1)), rel("0.4.0", d(2023, 6, 1)), rel("0.4.1", d(2023, 7, 1))};
    SupportPolicy policy;
    policy.latest_lines = 1;
    p.settings.support = policy;
    p.settings.support_lines = {LineSupport{"0.4.x", true, std::nullopt, d(2026, 1, 1), {}}};
    SupportReport r = support_report(p, d(2024, 1, 1));
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0].line == "0.3.x");
    CHECK(*r.lines[0].eol == d(2023, 6, 1));  // no longer among the newest 1 line
    CHECK(r.lines[1].lts);
    CHECK(*r.lines[1].eol == d(2026, 1, 1));
}

TEST_CASE("support: warnings a release manager acts on") {
    Plan p = node_like();
    p.settings.support->patch_interval_days = 60;
    p.releases.push_back(rel("1.2.0", d(2024, 11, 1), ReleaseStatus::planning));
    p.releases.push_back(rel("1.1.2", d(2025, 4, 1), ReleaseStatus::planning));
    DependencySupport node18{"nodejs", "18", d(2022, 4, 19), d(2023, 10, 18), d(2025, 1, 30), true, {}};
    p.dependencies.push_back(node18);
    SupportReport r = support_report(p, d(2024, 12, 1));
    auto has = [&](SupportWarningKind kind, std::string_view release_id) {
        for (const auto& w : r.warnings)
            if (w.kind == kind && (release_id.empty() || w.release_id == release_id)) return true;
        return false;
    };
    CHECK(has(SupportWarningKind::feature_in_maintenance, "r1.2.0"));
    CHECK(has(SupportWarningKind::release_after_eol, "r1.1.2"));
    CHECK(has(SupportWarningKind::patch_gap, ""));
    CHECK(has(SupportWarningKind::dependency_eol, "r2.1.0"));
    CHECK(has(SupportWarningKind::eol_without_successor, "") == false);  // 2.x shipped before 1.x's eol

    Plan lonely;
    lonely.releases = {rel("3.0.0", d(2024, 1, 1))};
    lonely.settings.support_lines = {LineSupport{"3.x", false, std::nullopt, d(2025, 1, 1), {}}};
    SupportReport l = support_report(lonely, d(2024, 6, 1));
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0].kind == SupportWarningKind::eol_without_successor);
    CHECK(l.warnings[0].message == "3.x reaches end of life on 2025-01-01 with no successor line released or planned before then");
}

TEST_CASE("support: endoflife.date JSON out and in") {
    SupportReport r = support_report(node_like(), d(2024, 12, 1));
    std::string json = endoflife_json(r);
    CHECK(json.find("\"cycle\": \"2\"") < json.find("\"cycle\": \"1\""));  // newest first
    CHECK(json.find("\"eol\": \"2025-03-01\"") != std::string::npos);
    CHECK(json.find("\"latest\": \"1.1.1\"") != std::string::npos);
    auto back = import_endoflife(json, "self");
    REQUIRE(back.ok());
    REQUIRE(back->size() == 2);
    CHECK((*back)[1].cycle == "1");
    CHECK(*(*back)[1].eol == d(2025, 3, 1));
    CHECK_FALSE((*back)[0].eol.has_value());

    auto real = import_endoflife(R"([{"cycle":"22","releaseDate":"2024-04-24","support":"2025-10-21","eol":"2027-04-30","latest":"22.12.0","lts":"2024-10-29"},
        {"cycle":"21","releaseDate":"2023-10-17","support":"2024-04-01","eol":"2024-06-01","latest":"21.7.3","lts":false}])", "nodejs");
    REQUIRE(real.ok());
    CHECK((*real)[0].lts);
    CHECK_FALSE((*real)[1].lts);
    auto bad = import_endoflife(R"([{"cycle":"1","eol":"2024-02-30"}])", "x");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().offset == 20);  // the value "2024-02-30"
}

TEST_CASE("support: a downloaded endoflife.date file names its product; cycles merge by product and cycle") {
    CHECK(endoflife_product_name("nodejs.json") == "nodejs");
    CHECK(endoflife_product_name("/downloads/python.eol.json") == "python");
    CHECK(endoflife_product_name("C:\\Users\\me\\nodejs (1).json") == "nodejs");
    CHECK(endoflife_product_name(".json") == "dependency");
    std::vector<DependencySupport> known{{"nodejs", "18", std::nullopt, std::nullopt, d(2025, 4, 30), true, {}}};
    merge_dependency_support(known, {{"nodejs", "18", std::nullopt, std::nullopt, d(2025, 5, 1), true, {}},
                                     {"nodejs", "20", std::nullopt, std::nullopt, d(2026, 4, 30), true, {}}});
    REQUIRE(known.size() == 2);
    CHECK(*known[0].eol == d(2025, 5, 1));
    CHECK(known[1].cycle == "20");
}

// The project's time zone in Project settings: typed (one undo step), an unknown name shown with
// known names like it, and new change windows starting in that zone.
#include "fake_platform.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace relplan::ui::test;

namespace {

const char* one_release = R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "Zoned"},
  "components": [{"id": "api"}],
  "releases": [{"id": "r1", "version": "1.1.0", "type": "minor", "status": "planning", "components": ["api"],
                "release_date": "2026-03-17"}]})";

nlohmann::json saved(UiHarness& ui) { return nlohmann::json::parse(ui.app().export_plan_text()); }

void set_time_zone(UiHarness& ui, const std::string& zone) {
    REQUIRE(ui.click("menu.project"));
    REQUIRE(ui.click("menu.project.settings"));
    REQUIRE(ui.click("project.time_zone"));
    ui.press({'A', true});
    ui.type(zone);
    ui.press({key::enter});
}

}  // namespace

TEST_CASE("the project's time zone is typed in Project settings, one undo step") {
    UiHarness ui;
    REQUIRE(ui.app().load_plan_text(one_release, "zoned.plan.json").ok);
    ui.frames(2);
    set_time_zone(ui, "Asia/Tokyo");
    CHECK(saved(ui)["project"]["time_zone"] == "Asia/Tokyo");
    CHECK(!ui.find("project.time_zone.suggestion.0"));  // a known zone needs no suggestions
    ui.press({'Z', true});
    CHECK(!saved(ui)["project"].contains("time_zone"));
}

TEST_CASE("an unknown time zone offers known names like it") {
    UiHarness ui;
    REQUIRE(ui.app().load_plan_text(one_release, "zoned.plan.json").ok);
    ui.frames(2);
    set_time_zone(ui, "kolkata");
    CHECK(saved(ui)["project"]["time_zone"] == "kolkata");  // kept while being typed, as the plan allows
    REQUIRE(ui.click("project.time_zone.suggestion.0"));
    CHECK(saved(ui)["project"]["time_zone"] == "Asia/Kolkata");
}

TEST_CASE("a new change window starts at 20:00 in the project's time zone") {
    UiHarness ui;
    REQUIRE(ui.app().load_plan_text(one_release, "zoned.plan.json").ok);
    ui.frames(2);
    set_time_zone(ui, "Asia/Tokyo");
    ui.press({key::escape});  // closes Project settings
    REQUIRE(ui.click("release.r1"));
    REQUIRE(ui.click("tab.Release"));
    REQUIRE(ui.scroll_to("editor.section.deployment", 900.0f, 500.0f));
    REQUIRE(ui.click("editor.section.deployment"));
    REQUIRE(ui.scroll_to("editor.change_window", 900.0f, 500.0f));
    REQUIRE(ui.click("editor.change_window"));
    const nlohmann::json window = saved(ui)["releases"][0]["change_window"];
    CHECK(window["zone"] == "Asia/Tokyo");
    CHECK(window["start"] == "2026-03-17T20:00:00+09:00");
    CHECK(window["end"] == "2026-03-18T00:00:00+09:00");
}

// Every view drawn over every example plan (assets/examples/) without an ImGui assertion: the six
// tabs, the project, trains and help windows, the compare window, and the file browser a desktop
// without system dialogs shows; in the light and the dark theme.
#include "fake_platform.hpp"
#include "ui_harness.hpp"

#include "../core/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace relplan::ui::test;

namespace {

std::vector<std::string> example_plans() {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(std::string(RELPLAN_ASSETS_DIR) + "/examples"))
        if (e.path().filename().string().find(".plan.json") != std::string::npos) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void open_example(UiHarness& ui, const std::string& name) {
    relplan::ui::LoadReport r = ui.app().load_plan_text(relplan::test::asset("examples/" + name), name);
    INFO(name << ": " << (r.errors.empty() ? "" : r.errors.front()));
    REQUIRE(r.ok);
    ui.frames(2);
}

void close_window(UiHarness& ui) {
    ui.press({key::escape});
    ui.frames(2);
}

}  // namespace

TEST_CASE("the examples are there to be drawn") { CHECK(!example_plans().empty()); }

TEST_CASE("every tab draws every example plan") {
    const std::pair<const char*, const char*> tabs[] = {{"tab.Dashboard", "dashboard"}, {"tab.Release", "release"},
                                                        {"tab.Calendar", "calendar"},   {"tab.Timeline", "timeline"},
                                                        {"tab.Versions", "versions"},   {"tab.Notes", "notes"}};
    for (const char* theme : {"light", "dark"}) {
        for (const std::string& plan : example_plans()) {
            relplan::ui::AppConfig config;
            config.theme = theme;
            UiHarness ui(config);
            open_example(ui, plan);
            for (const auto& [anchor, tab] : tabs) {
                INFO(plan << ", " << theme << " theme, " << tab);
                REQUIRE_NOTHROW(ui.click(anchor));
                CHECK(ui.fact("tab") == tab);
                REQUIRE_NOTHROW(ui.frames(3));
            }
            CHECK(ui.fact("message") == "");
        }
    }
}

TEST_CASE("the project, trains, help and compare windows draw every example plan") {
    for (const std::string& plan : example_plans()) {
        INFO(plan);
        UiHarness ui;
        open_example(ui, plan);
        REQUIRE_NOTHROW(ui.click("menu.project"));
        REQUIRE(ui.click("menu.project.settings"));
        CHECK(ui.find("project.name"));
        REQUIRE_NOTHROW(ui.frames(3));
        REQUIRE(ui.click("menu.trains"));
        CHECK(ui.find("trains.add"));
        REQUIRE_NOTHROW(ui.frames(3));
        REQUIRE(ui.click("menu.help"));
        REQUIRE(ui.click("menu.help.open"));
        REQUIRE_NOTHROW(ui.frames(3));
        REQUIRE(ui.click("menu.file"));
        REQUIRE(ui.click("menu.file.compare"));
        REQUIRE(ui.click("menu.file.compare.saved"));
        CHECK(ui.find("compare.window"));
        REQUIRE_NOTHROW(ui.frames(3));
    }
}

TEST_CASE("a host with file paths is asked for paths: save as starts in home, the next dialog where the user went") {
    relplan::ui::platform::Abilities desktop;
    desktop.file_paths = true;
    desktop.quit = true;
    UiHarness ui({}, desktop);
    FakePlatform& host = fake_platform();
    host.answer = "/home/tester/plans/acme.plan.json";
    ui.press({'S', true, true});
    REQUIRE(host.save_suggestions.size() == 1);
    CHECK(host.save_suggestions[0] == "/home/tester/acme.plan.json");  // the open plan's file name
    REQUIRE(host.saves.size() == 1);
    CHECK(host.saves[0].name == "/home/tester/plans/acme.plan.json");
    CHECK(ui.fact("dirty") == "false");
    CHECK(ui.fact("dialog") == "");  // the host's dialog, not one of the app's

    ui.press({'O', true});
    REQUIRE(host.dialog_folders.size() == 1);
    CHECK(host.dialog_folders[0] == "/home/tester/plans");
    CHECK(host.open_requests.back() == relplan::ui::platform::OpenPurpose::plan);
}

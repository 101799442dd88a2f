// Editing a plan through the UI: one typing session is one undo step; Ctrl+Z / Ctrl+Shift+Z and the
// Edit menu undo and redo it; the unsaved marker follows, and saving clears it.
#include "fake_platform.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace relplan::ui::test;

namespace {

// Renames the selected release in the Release tab: click the name field, select all, type, leave.
void rename_release(UiHarness& ui, const std::string& name) {
    REQUIRE(ui.click("tab.Release"));
    REQUIRE(ui.click("editor.name"));
    ui.press({'A', true});
    ui.type(name);
    ui.press({key::enter});
}

bool plan_has(UiHarness& ui, const std::string& text) { return ui.app().export_plan_text().find(text) != std::string::npos; }

}  // namespace

TEST_CASE("the example plan opens clean, with nothing to undo") {
    UiHarness ui;
    CHECK(ui.fact("dirty") == "false");
    CHECK(ui.fact("can_undo") == "false");
    CHECK(!ui.app().has_unsaved_changes());
    CHECK(ui.fact("releases") != "0");
}

TEST_CASE("a working copy the host cannot keep is flagged until one is kept again") {
    UiHarness ui;
    fake_platform().working_copy_full = true;
    rename_release(ui, "Not kept");
    CHECK(ui.fact("working_copy_problem") == "storage is full");
    CHECK(ui.find("status.working_copy"));
    CHECK(plan_has(ui, "Not kept"));  // the edit itself stands

    fake_platform().working_copy_full = false;
    rename_release(ui, "Kept again");
    CHECK(ui.fact("working_copy_problem") == "");
    CHECK_FALSE(ui.find("status.working_copy"));
    CHECK(fake_platform().working_copy.find("Kept again") != std::string::npos);
}

TEST_CASE("a typed edit is one undo step; Ctrl+Z undoes it and Ctrl+Shift+Z redoes it") {
    UiHarness ui;
    rename_release(ui, "Renamed in a test");
    CHECK(plan_has(ui, "Renamed in a test"));
    CHECK(ui.fact("dirty") == "true");
    CHECK(ui.fact("can_undo") == "true");
    CHECK(fake_platform().unsaved);
    CHECK(fake_platform().working_copy.find("Renamed in a test") != std::string::npos);

    ui.press({'Z', true});
    CHECK(!plan_has(ui, "Renamed in a test"));
    CHECK(ui.fact("can_undo") == "false");

    ui.press({'Z', true, true});
    CHECK(plan_has(ui, "Renamed in a test"));
    CHECK(ui.fact("can_undo") == "true");
}

TEST_CASE("Edit > Undo undoes the last edit") {
    UiHarness ui;
    rename_release(ui, "Undone from the menu");
    REQUIRE(plan_has(ui, "Undone from the menu"));
    REQUIRE(ui.click("menu.edit"));
    REQUIRE(ui.click("menu.edit.undo"));
    CHECK(!plan_has(ui, "Undone from the menu"));
}

TEST_CASE("saving clears the unsaved marker and the next edit sets it again") {
    UiHarness ui;
    rename_release(ui, "Saved name");
    REQUIRE(ui.fact("dirty") == "true");
    ui.press({'S', true});
    REQUIRE(fake_platform().saves.size() == 1);
    CHECK(fake_platform().saves[0].bytes.find("Saved name") != std::string::npos);
    CHECK(ui.fact("dirty") == "false");
    CHECK(!fake_platform().unsaved);

    rename_release(ui, "Changed after saving");
    CHECK(ui.fact("dirty") == "true");
    CHECK(ui.app().has_unsaved_changes());
}

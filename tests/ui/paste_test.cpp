// Pasting commit messages into the release editor's "Paste git log" dialog with Ctrl+V: the output of
// `git log -z --format=%B A..B` (messages separated by NUL bytes) and of `git log --oneline`.
#include "fake_platform.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace relplan::ui::test;

namespace {

int fact_number(const UiHarness& ui, const char* name) { return std::stoi(ui.fact(name)); }

// Selects, in the release list, a release that still takes changes (one that is out refuses them).
void select_open_release(UiHarness& ui) {
    const nlohmann::json anchors = nlohmann::json::parse(relplan::ui::test_hooks::anchors_json());
    for (const auto& [name, r] : anchors.items()) {
        if (name.rfind("release.", 0) != 0 || name.find(".impact") != std::string::npos || name.find(".overdue") != std::string::npos)
            continue;
        REQUIRE(ui.click(name));
        const std::string status = ui.fact("release_status");
        if (status == "planning" || status == "approved") return;
    }
    FAIL("no release in the list is still being planned");
}

// Opens the dialog for an open release, pastes the clipboard into it and presses Import.
void paste_and_import(UiHarness& ui) {
    select_open_release(ui);
    REQUIRE(ui.click("tab.Release"));
    REQUIRE(ui.scroll_to("editor.paste_git_log", 900.0f, 500.0f));  // the Changes section is far down
    REQUIRE(ui.click("editor.paste_git_log"));
    REQUIRE(ui.fact("dialog") == "Paste git log");
    REQUIRE(ui.click("git_log.text"));
    ui.press({'V', true});
    REQUIRE(ui.click("git_log.import"));
}

}  // namespace

// Known to fail: the clipboard reaches ImGui's text field as a C string (both hosts, and ImGui's own
// GetClipboardTextFn), so everything after the first NUL is lost and only the first commit arrives,
// although the dialog asks for `git log -z` output. Tagged [!mayfail] until the app takes NUL-separated
// text another way; the assertions still run and are reported.
TEST_CASE("a pasted git log -z of three commits adds three changes, as one undo step", "[!mayfail]") {
    UiHarness ui;
    select_open_release(ui);
    const int before = fact_number(ui, "changes");
    fake_platform().clipboard = std::string("feat(api): add bulk export\n\nCloses #12\n") + '\0' +
                                "fix: keep empty plans valid\n" + '\0' + "docs: explain CalVer schemes\n" + '\0';
    paste_and_import(ui);
    CHECK(ui.fact("dialog") == "");
    CHECK(fact_number(ui, "changes") == before + 3);
    const std::string plan = ui.app().export_plan_text();
    CHECK(plan.find("add bulk export") != std::string::npos);
    CHECK(plan.find("keep empty plans valid") != std::string::npos);
    CHECK(plan.find("explain CalVer schemes") != std::string::npos);
    CHECK(ui.fact("dirty") == "true");

    ui.press({'Z', true});
    CHECK(fact_number(ui, "changes") == before);
}

TEST_CASE("a pasted git log --oneline adds one change per line") {
    UiHarness ui;
    select_open_release(ui);
    const int before = fact_number(ui, "changes");
    fake_platform().clipboard = "a1b2c3d feat: export to CSV\ne4f5a6b fix: timezone of freeze dates\n";
    paste_and_import(ui);
    CHECK(fact_number(ui, "changes") == before + 2);
    CHECK(ui.app().export_plan_text().find("timezone of freeze dates") != std::string::npos);
}

TEST_CASE("text that holds no commit imports nothing") {
    UiHarness ui;
    select_open_release(ui);
    const int before = fact_number(ui, "changes");
    fake_platform().clipboard = "\n\n";
    paste_and_import(ui);
    CHECK(ui.fact("dialog") == "Paste git log");  // Import stays disabled; the dialog stays open
    CHECK(fact_number(ui, "changes") == before);
    CHECK(ui.fact("dirty") == "false");
}

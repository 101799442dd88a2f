// Pasting commit messages into the release editor's "Paste git log" dialog with Ctrl+V: the output of
// `git log -z --format=%B A..B` (messages separated by NUL bytes) and of `git log --oneline`.
#include "fake_platform.hpp"
#include "ui_harness.hpp"

#include "app/clipboard.hpp"

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

// Selects an open release; the number of changes it holds.
int changes_of_open_release(UiHarness& ui) {
    select_open_release(ui);
    return fact_number(ui, "changes");
}

// Puts `clipboard` on the clipboard, opens the dialog for an open release, pastes into it and
// presses Import.
void paste_and_import(UiHarness& ui, const std::string& clipboard) {
    fake_platform().clipboard = clipboard;
    select_open_release(ui);
    REQUIRE(ui.click("tab.Release"));
    REQUIRE(ui.scroll_to("editor.paste_git_log", 900.0f, 500.0f));  // the Changes section is far down
    REQUIRE(ui.click("editor.paste_git_log"));
    REQUIRE(ui.fact("dialog") == "Paste git log");
    REQUIRE(ui.click("git_log.text"));
    ui.press({'V', true});
    REQUIRE(ui.click("git_log.import"));
}

// Counts the changes of an open release, then pastes `clipboard` into it; the count from before.
int paste_into_open_release(UiHarness& ui, const std::string& clipboard) {
    const int before = changes_of_open_release(ui);
    paste_and_import(ui, clipboard);
    return before;
}

}  // namespace

// The page's clipboard carries NUL bytes; the text field shows each as a line "␀".
relplan::ui::platform::Abilities page_clipboard() {
    relplan::ui::platform::Abilities a;
    a.share_links = true;
    a.clipboard_nul = true;
    return a;
}

const std::string three_commits = std::string("feat(api): add bulk export\n\nCloses #12\n") + '\0' +
                                  "fix: keep empty plans valid\n" + '\0' + "docs: explain CalVer schemes\n" + '\0';

TEST_CASE("a NUL reaches a text field as a line of its own and turns back into a NUL") {
    using relplan::ui::nul_separated;
    using relplan::ui::text_for_fields;
    const std::string marker = "\xE2\x90\x80";
    CHECK(text_for_fields(std::string("a\n") + '\0' + "b" + '\0') == "a\n" + marker + "\nb\n" + marker + "\n");
    CHECK(text_for_fields("no NUL here") == "no NUL here");
    CHECK(nul_separated(text_for_fields(three_commits)) ==
          std::string("feat(api): add bulk export\n\nCloses #12") + '\0' + "fix: keep empty plans valid" + '\0' +
              "docs: explain CalVer schemes" + '\0');
    CHECK(nul_separated("a\r\n " + marker + " \r\nb") == std::string("a") + '\0' + "b");
    CHECK(nul_separated("a " + marker + " in a line stays") == "a " + marker + " in a line stays");
}

TEST_CASE("a pasted git log -z of three commits adds three changes, as one undo step") {
    UiHarness ui({}, page_clipboard());
    const int before = paste_into_open_release(ui, three_commits);
    CHECK(ui.fact("dialog") == "");
    CHECK(fact_number(ui, "changes") == before + 3);
    const std::string plan = ui.app().export_plan_text();
    CHECK(plan.find("add bulk export") != std::string::npos);
    CHECK(plan.find("keep empty plans valid") != std::string::npos);
    CHECK(plan.find("explain CalVer schemes") != std::string::npos);
    CHECK(plan.find("\xE2\x90\x80") == std::string::npos);  // the separator lines are not part of any message
    CHECK(ui.fact("dirty") == "true");

    ui.press({'Z', true});
    CHECK(fact_number(ui, "changes") == before);
}

TEST_CASE("a git log -z of non-conventional messages keeps one message per commit") {
    UiHarness ui({}, page_clipboard());
    // Without Conventional Commit headers, blank lines could not tell bodies from the next message.
    const int before = paste_into_open_release(
        ui, std::string("Update the README\n\nMention the new flag.\n") + '\0' + "Bump the copyright year\n" + '\0');
    CHECK(ui.fact("dialog") == "Imported 2 change(s), with notes");  // each one is not a Conventional Commit
    CHECK(fact_number(ui, "changes") == before + 2);
}

// GLFW's clipboard is a C string: the desktop's dialog asks for plain git log instead, and -z text
// arrives only up to its first NUL.
TEST_CASE("the desktop clipboard ends at the first NUL, and plain git log keeps whole messages") {
    relplan::ui::platform::Abilities desktop;
    desktop.file_paths = true;
    UiHarness ui({}, desktop);
    const int before = paste_into_open_release(ui, three_commits);
    CHECK(fact_number(ui, "changes") == before + 1);

    paste_and_import(
        ui,
        "commit 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567\nAuthor: A <a@example.com>\nDate:   Mon Dec 1 10:00:00 2025 +0000\n\n"
        "    fix: keep empty plans valid\n\n    The body stays with its commit.\n\n"
        "commit 1a1b2c3d4e5f60718293a4b5c6d7e8f901234567\nAuthor: A <a@example.com>\nDate:   Mon Dec 1 09:00:00 2025 +0000\n\n"
        "    docs: explain CalVer schemes\n");
    CHECK(fact_number(ui, "changes") == before + 3);
    CHECK(ui.app().export_plan_text().find("explain CalVer schemes") != std::string::npos);
}

TEST_CASE("a pasted git log --oneline adds one change per line") {
    UiHarness ui;
    const int before =
        paste_into_open_release(ui, "a1b2c3d feat: export to CSV\ne4f5a6b fix: timezone of freeze dates\n");
    CHECK(fact_number(ui, "changes") == before + 2);
    CHECK(ui.app().export_plan_text().find("timezone of freeze dates") != std::string::npos);
}

TEST_CASE("text that holds no commit imports nothing") {
    UiHarness ui;
    const int before = paste_into_open_release(ui, "\n\n");
    CHECK(ui.fact("dialog") == "Paste git log");  // Import stays disabled; the dialog stays open
    CHECK(fact_number(ui, "changes") == before);
    CHECK(ui.fact("dirty") == "false");
}

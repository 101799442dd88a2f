// Share links in the shared UI over the fake platform: File > Copy share link names the version and
// keeps it; a link of the open plan made from that version merges three-way (different releases
// edited: no conflict); a link whose base is not kept merges two-way, and the status line says which.
// File > Share link address… keeps the page address the desktop's links start with.
#include "ui_harness.hpp"
#include "fake_platform.hpp"

#include "plan/plan_json.hpp"
#include "plan/share_link.hpp"
#include "team/revision.hpp"

#include <catch2/catch.hpp>

using namespace relplan;
using namespace relplan::ui;
using namespace relplan::ui::test;

namespace {

Plan loaded(const std::string& json) {
    PlanLoad l = load_plan(json);
    REQUIRE(l.plan);
    return *l.plan;
}

// The open plan with a project id, as File > New plan makes it.
Plan open_with_id(UiHarness& ui) {
    Plan p = loaded(ui.app().export_plan_text());
    p.project.id = "acme-cloud-0a1b2c3d4e5f";
    REQUIRE(ui.app().load_plan_text(to_json(p), "mine.plan.json").ok);
    ui.frames(2);
    return p;
}

}  // namespace

TEST_CASE("share links: a link made from the version shared merges three-way, an unknown base two-way") {
    platform::Abilities abilities;
    abilities.share_links = true;
    UiHarness ui({}, abilities);
    ui.frames(2);
    const Plan mine = open_with_id(ui);
    REQUIRE(ui.click("menu.file"));
    REQUIRE(ui.click("menu.file.share_link"));
    const std::string shared_name = plan_revision(mine);
    CHECK(fake_platform().clipboard.find("&r=" + shared_name) != std::string::npos);
    CHECK(fake_platform().snapshots.count(shared_name) == 1);

    // I edit release 1; they edit release 2 of the version I shared.
    Plan ours = mine;
    ours.releases[0].theme = "my theme";
    REQUIRE(ui.app().load_plan_text(to_json(ours), "mine.plan.json").ok);
    Plan theirs = mine;
    theirs.releases[1].summary = "their summary";
    ui.app().open_shared_plan(to_json(theirs), "shared.plan.json", ShareRevision{"", shared_name});
    ui.frames(2);
    CHECK(ui.fact("dialog") == "This link holds a version of your plan");
    REQUIRE(ui.click("offer.merge"));
    ui.frames(2);
    CHECK(ui.fact("status").find("three-way") != std::string::npos);
    CHECK(ui.fact("merge_conflicts") == "0");
    Plan merged = loaded(ui.app().export_plan_text());
    CHECK(merged.releases[0].theme == "my theme");
    CHECK(merged.releases[1].summary == "their summary");
    // Their version is kept and is now the base the next link of mine names.
    CHECK(fake_platform().snapshots.count(plan_revision(theirs)) == 1);
    REQUIRE(ui.click("menu.file"));
    REQUIRE(ui.click("menu.file.share_link"));
    CHECK(fake_platform().clipboard.find("&b=" + plan_revision(theirs)) != std::string::npos);

    // A link whose base was never kept here: two-way, so the edits of both sides conflict.
    Plan stranger = mine;
    stranger.releases[0].theme = "a third theme";
    ui.app().open_shared_plan(to_json(stranger), "shared.plan.json", ShareRevision{"", "0000000000000000"});
    ui.frames(2);
    REQUIRE(ui.click("offer.merge"));
    ui.frames(2);
    CHECK(ui.fact("status").find("two-way") != std::string::npos);
    CHECK(ui.fact("merge_conflicts") != "0");
}

TEST_CASE("share links: File > Share link address keeps a valid page address as a setting, refuses others") {
    platform::Abilities abilities;
    abilities.share_links = true;
    abilities.share_address = true;
    UiHarness ui({}, abilities);
    ui.frames(2);
    REQUIRE(ui.click("menu.file"));
    REQUIRE(ui.click("menu.file.share_address"));
    CHECK(ui.fact("dialog") == "Share link address");

    // Not a web address: Save stays disabled and nothing is kept.
    REQUIRE(ui.click("share_address.text"));
    ui.type("example.org/relplan/");
    ui.frames(2);
    REQUIRE(ui.click("share_address.ok"));
    CHECK(ui.fact("dialog") == "Share link address");
    CHECK(fake_platform().settings.count("share_address") == 0);

    // A web address (spaces around it dropped) is kept; the dialog shows it when opened again.
    REQUIRE(ui.click("share_address.text"));
    ui.press({'A', true});
    ui.type("  https://example.org/relplan/ ");
    ui.frames(2);
    REQUIRE(ui.click("share_address.ok"));
    CHECK(ui.fact("dialog").empty());
    CHECK(fake_platform().settings["share_address"] == "https://example.org/relplan/");
    CHECK(ui.fact("can_undo") == "false");  // a setting of the app, not an edit of the plan
    REQUIRE(ui.click("menu.file"));
    REQUIRE(ui.click("menu.file.share_address"));
    REQUIRE(ui.click("share_address.ok"));  // opened with the kept address, saved unchanged
    CHECK(fake_platform().settings["share_address"] == "https://example.org/relplan/");

    // Storage that keeps nothing: the dialog stays open with what was typed, and the status says why.
    fake_platform().settings_full = true;
    REQUIRE(ui.click("menu.file"));
    REQUIRE(ui.click("menu.file.share_address"));
    REQUIRE(ui.click("share_address.text"));
    ui.press({'A', true});
    ui.type("https://example.com/plans/");
    ui.frames(2);
    REQUIRE(ui.click("share_address.ok"));
    CHECK(ui.fact("dialog") == "Share link address");
    CHECK(ui.fact("status") == "App setting not kept for next time: storage is full");
    CHECK(fake_platform().settings["share_address"] == "https://example.org/relplan/");
    fake_platform().settings_full = false;
    REQUIRE(ui.click("share_address.ok"));
    CHECK(ui.fact("dialog").empty());
    CHECK(fake_platform().settings["share_address"] == "https://example.com/plans/");
}

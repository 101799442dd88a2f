// Dragging a release's bar on the timeline: while the button is held a preview shows where it would
// land; letting go asks (the "Move release" dialog) before anything changes; Esc drops the drag.
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace relplan::ui::test;

namespace {

struct Bar {
    std::string anchor;
    relplan::ui::test_hooks::Rect rect;
};

// A release's bar on the Timeline tab, wide enough to grab, of a release that may still move (not
// released or cancelled); selected by clicking it.
Bar movable_bar(UiHarness& ui) {
    REQUIRE(ui.click("tab.Timeline"));
    const std::string prefix = "timeline.release.";
    const nlohmann::json anchors = nlohmann::json::parse(relplan::ui::test_hooks::anchors_json());
    for (const auto& [name, r] : anchors.items()) {
        if (name.rfind(prefix, 0) != 0 || name.find(".overdue") != std::string::npos || r["w"].get<float>() < 24.0f) continue;
        Bar bar{name, {r["x"].get<float>(), r["y"].get<float>(), r["w"].get<float>(), r["h"].get<float>()}};
        REQUIRE(ui.click(name));
        REQUIRE(ui.fact("selected_release") == name.substr(prefix.size()));
        const std::string status = ui.fact("release_status");
        if (status == "released" || status == "cancelled" || status == "rolled_back") continue;
        auto now = ui.find(name);  // where the bar is after the click (a selection may scroll)
        REQUIRE(now);
        bar.rect = *now;
        return bar;
    }
    FAIL("no movable release's bar is on the timeline");
    return {};
}

void drag_right(UiHarness& ui, const Bar& bar, float dx) {
    const float x0 = bar.rect.x + bar.rect.w / 2.0f;
    ui.press_and_drag(x0, x0 + dx, bar.rect.y + bar.rect.h / 2.0f, 6);
}

}  // namespace

TEST_CASE("dragging a bar previews the move and asks before changing the plan") {
    UiHarness ui;
    const Bar bar = movable_bar(ui);
    const std::string date_before = ui.fact("release_date");
    const std::string plan_before = ui.app().export_plan_text();

    drag_right(ui, bar, 120.0f);
    // While dragging only a preview moves: the bar stays where it was and the plan is untouched.
    auto held = ui.find(bar.anchor);
    REQUIRE(held);
    CHECK(held->x == Approx(bar.rect.x).margin(1.0));
    CHECK(ui.app().export_plan_text() == plan_before);
    CHECK(ui.fact("dialog") == "");

    ui.release();
    CHECK(ui.fact("dialog") == "Move release");
    CHECK(ui.fact("release_date") == date_before);
    CHECK(ui.fact("dirty") == "false");

    ui.press({key::escape});
    CHECK(ui.fact("dialog") == "");
    CHECK(ui.app().export_plan_text() == plan_before);
}

TEST_CASE("Esc during a drag cancels it without asking") {
    UiHarness ui;
    const Bar bar = movable_bar(ui);
    drag_right(ui, bar, 120.0f);
    ui.press({key::escape});
    CHECK(ui.fact("dialog") == "");
    CHECK(ui.fact("dirty") == "false");
}

TEST_CASE("Enter in the move dialog applies the dragged move, as one undo step") {
    UiHarness ui;
    const Bar bar = movable_bar(ui);
    const std::string date_before = ui.fact("release_date");
    drag_right(ui, bar, 120.0f);
    ui.release();
    REQUIRE(ui.fact("dialog") == "Move release");
    ui.press({key::enter});
    CHECK(ui.fact("dialog") == "");
    CHECK(ui.fact("release_date") > date_before);
    CHECK(ui.fact("dirty") == "true");
    ui.press({'Z', true});
    CHECK(ui.fact("release_date") == date_before);
}

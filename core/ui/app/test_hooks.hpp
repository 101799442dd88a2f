// Read-only view of the shared UI for end-to-end tests: where named widgets are on screen and a few
// facts about the app, both as of the last finished frame. The page exposes them as
// window.relplan.testHooks, the desktop's --script mode clicks and asserts with them.
//
// Anchors are named by the views (core/ui/app/test_anchors.hpp lists the conventions); rectangles are
// in framebuffer pixels, clipped to the visible part of the widget. Facts are a flat JSON object of
// strings, numbers and booleans (see facts_json for the names).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace relplan::ui::test_hooks {

struct Rect {
    float x = 0.0f;
    float y = 0.0f;
    float w = 0.0f;
    float h = 0.0f;
};

std::optional<Rect> find_anchor(std::string_view name);
// {"name": {"x": .., "y": .., "w": .., "h": ..}, ...}
std::string anchors_json();
// {"tab": "release", "selected_release": "rel-12", "releases": 12, "conflicts": 3, "conflict_errors": 1,
//  "dirty": true, "can_undo": true, "message": "<title of the message box shown, or empty>",
//  "release_type", "release_status", "release_date", "planning_start", "feature_freeze", "code_freeze",
//  "changes" (of the selected release; dates "" when unset), "notes_shown", "notes_hash" (FNV-1a 64,
//  hex), "notes_first_line", "notes_length" (of the notes preview text on screen), "missing_glyphs"
//  (code points met in text that no loaded font draws), "fallback_fonts" (fonts loaded for them),
//  "project_name", "components", "trains" (counts), "overdue" (releases past their date, not out),
//  "dialog" (title of the modal dialog open, "" when none), "status" (the status bar's passing message),
//  "working_copy_problem" (why the host did not keep the last working copy; "" when it did)}
std::string facts_json();
// One fact as text: strings as they are, numbers and booleans as JSON writes them; nullopt when unknown.
std::optional<std::string> fact(std::string_view name);

}  // namespace relplan::ui::test_hooks

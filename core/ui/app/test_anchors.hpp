// Test anchors: views name the widgets an end-to-end test needs to find in the canvas, and App::frame
// publishes them with a snapshot of app facts (core/ui/app/test_hooks.hpp is the read side).
//
// Call anchor() right after the widget it names. Names are dotted: "menu.file", "menu.file.open_example",
// "releases.add", "tab.Notes", "editor.type", "editor.release_date", "editor.change.0.description",
// "option.major" (an entry of the open combo), "status.conflicts", "message.ok". A name used twice in
// one frame keeps the later widget.
#pragma once

#include "app/state.hpp"

#include <imgui.h>

#include <string>

namespace relplan::ui {

void anchor(const char* name);
void anchor(const std::string& name);
// A place drawn without an item of its own (a timeline bar, a badge): screen rectangle lo..hi.
void anchor_rect(const std::string& name, ImVec2 lo, ImVec2 hi);
// The widget just drawn belongs to item `owner` (drawn before it): the next anchor() naming `owner`
// also names this widget, as that name + `suffix` ("editor.release_date" + ".picker").
void anchor_companion(unsigned owner, const char* suffix);

namespace test_hooks {
void begin_frame();
// Publishes this frame's anchors and captures the facts.
void end_frame(App::State& s);
// The notes preview drew `text` this frame. It must stay unchanged until the next frame (the notes
// cache only regenerates inside a frame).
void notes_shown(const std::string& text);
// The release editor showed this version suggestion (or the reason there is none) this frame.
void version_suggestion_shown(std::string text);
}  // namespace test_hooks

}  // namespace relplan::ui

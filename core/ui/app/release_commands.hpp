// Release commands offered by the right-click menu on a release (list, calendar, timeline): each is
// one undo step of the document.
#pragma once

#include "app/state.hpp"

#include <string>

namespace relplan::ui {

// A copy of the release (plan/release_copy.hpp: new id, planning, no version), added and selected.
void duplicate_release(App::State& s, const std::string& id);
// Moves the release date by `days` through the what-if preview (Apply / Cancel), like a drag.
void move_release_by(App::State& s, const std::string& id, int days);
// The menu items; call between BeginPopup and EndPopup. Duplicate and Delete are run by
// run_release_command once the frame's views are drawn.
void release_context_menu(App::State& s, const std::string& id);
void run_release_command(App::State& s);

}  // namespace relplan::ui

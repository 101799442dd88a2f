// Release commands offered by the right-click menu on a release (list, calendar, timeline): each is
// one undo step of the document.
#pragma once

#include "app/state.hpp"

#include <string>

namespace relplan::ui {

// A copy of the release (new id, status planning, "copy" appended to the name), selected.
void duplicate_release(App::State& s, const std::string& id);
// Moves the release date by `days` through the what-if preview (Apply / Cancel), like a drag.
void move_release_by(App::State& s, const std::string& id, int days);
// The menu items; call between BeginPopup and EndPopup.
void release_context_menu(App::State& s, const std::string& id);

}  // namespace relplan::ui

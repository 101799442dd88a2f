// Windows for the plan as a whole: project settings (project, components, stakeholders, holidays,
// blackouts, versioning and release lines, support policy and lines), release trains (edit, preview, apply, remove) and help
// (shortcuts and a getting-started tour). Each edit is one undo step of the document.
#pragma once

#include "app/state.hpp"

namespace relplan::ui {

void draw_project_settings(App::State& s);
// Project settings > Versioning: version rules and release lines (versioning_settings.cpp).
void draw_versioning_settings(App::State& s);
void draw_trains_window(App::State& s);
void draw_help_window(App::State& s);

}  // namespace relplan::ui

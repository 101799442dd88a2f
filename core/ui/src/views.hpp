// The app's views, each a free function drawing into the current ImGui window. Internal to core/ui.
#pragma once

#include "state.hpp"

namespace relplan::ui {

void draw_release_list(App::State& s);
void draw_release_editor(App::State& s);
void draw_dashboard(App::State& s);
void draw_calendar(App::State& s);
void draw_timeline(App::State& s);
void draw_version_calculator(App::State& s);
void draw_notes_preview(App::State& s);

// Commands shared by menus and views (commands.cpp).
void add_release(App::State& s);
void delete_release(App::State& s);
Release* selected_release(App::State& s);

struct ConflictSummary {
    int errors = 0;
    int warnings = 0;
};
// Conflict counts for the open plan, recomputed only when the plan changed.
const ConflictSummary& conflicts_for(App::State& s);

// app.cpp
void remember_recent(App::State& s, const std::string& path);
void set_theme(App::State& s, const std::string& theme);

// Theme and fonts (theme.cpp).
void apply_theme(bool dark, float scale);
void build_font_atlas(float scale);

}  // namespace relplan::ui

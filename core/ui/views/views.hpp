// The app's views, each a free function drawing into the current ImGui window. Internal to core/ui.
#pragma once

#include "app/state.hpp"
#include "calendar/schedule.hpp"
#include "lifecycle/impact.hpp"
#include "lifecycle/support.hpp"

#include <imgui.h>

namespace relplan::ui {

void draw_release_list(App::State& s);
void draw_release_editor(App::State& s);
void draw_dashboard(App::State& s);
void draw_calendar(App::State& s);
void draw_timeline(App::State& s);
void draw_version_calculator(App::State& s);
void draw_notes_preview(App::State& s);
// The notes preview as a column beside the release editor (view_notes.cpp).
void draw_notes_beside_editor(App::State& s);

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

// ---- calendar, timeline and conflicts (view_calendar.cpp, view_timeline.cpp, view_conflicts.cpp) ----
// They draw the plan's Schedule (calendar/schedule.hpp), kept with the plan revision it was built for.
struct ScheduleIndex : Schedule {
    unsigned revision = 0;
};
// Rebuilt only when the plan changed or the day turned.
const ScheduleIndex& schedule_for(App::State& s);

// Shared pieces of the calendar and timeline views.
std::string release_title(const Release& r);  // "Name 1.4.0" (the id when unnamed)
// Tooltip body for a release: type, status, dates, change window in both zones, its conflicts.
void release_tooltip(App::State& s, std::int32_t release);
ImVec4 overdue_color();
// The red "overdue" badge ("! 3d"), `height` tall, its top left (or top right) at `pos`; returns its
// width. Named "<anchor>.overdue" for tests; the flag the dashboard and the release list show too.
float draw_overdue_badge(App::State& s, ImDrawList* dl, ImVec2 pos, float height, std::int32_t days, const std::string& anchor,
                         bool right_aligned = false);
// Now as a fractional day number in the viewer's time zone (for "today" lines).
double viewer_now_days();
// The window in the viewer's zone, and in its own zone when that differs.
std::vector<std::string> describe_window(const ChangeWindow& w);
void open_release_editor(App::State& s, const std::string& id);
// A new planning release on `day` (milestones computed), selected and opened in the editor; one undo
// step. `component` empty = the plan's first component.
void new_release_on(App::State& s, std::int32_t day, const std::string& component);
// The holiday / blackout dialog: `index` -1 drafts a new period on `day` (for `component` when not
// empty), otherwise edits that period of the plan. draw_period_dialog runs once per frame.
void open_period_dialog(App::State& s, bool blackout, std::int32_t index, std::int32_t day, const std::string& component);
void draw_period_dialog(App::State& s);

// Colours the calendar and the timeline share, per theme.
struct CalendarColors {
    ImVec4 weekend;
    ImVec4 holiday;
    ImVec4 blackout;
    ImVec4 today;
    ImVec4 selection;
    ImVec4 planning;
    ImVec4 notice;
    ImVec4 feature_freeze;
    ImVec4 code_freeze;
    ImVec4 window;
    ImVec4 grid;
};
const CalendarColors& calendar_colors(bool dark);

// Conflicts of one release (view_conflicts.cpp): the worst severity among the findings that involve
// it, and those findings as tooltip lines.
enum class ConflictLevel { none, warning, error };
ConflictLevel conflict_level(App::State& s, std::int32_t release);
const std::vector<ConflictLevel>& conflict_levels(App::State& s);  // parallel to plan.releases
ImVec4 conflict_color(ConflictLevel level);
void conflict_tooltip_lines(App::State& s, std::int32_t release);
// The conflict list (a panel under the calendar and the timeline), `height` tall.
void draw_conflict_panel(App::State& s, float height);

// Moving a release (drag on the timeline or the month grid): shows the what-if preview and waits
// for Apply / Cancel (view_timeline.cpp). draw_move_preview runs once per frame, from either view.
void request_move(App::State& s, std::int32_t release, std::int32_t to_day);
void draw_move_preview(App::State& s);

// ---- consumers and support lines (views/lifecycle/) ------------------------------------------------

// The open plan's support report on today's date, rebuilt when the plan changed or the day turned.
const SupportReport& support_for(App::State& s);
// How release `r` lands with the plan's consumers, computed once per plan revision; nullptr when the
// plan lists no consumers or `r` has no SemVer version.
struct ReleaseImpact {
    std::vector<ConsumerImpact> rows;
    ImpactSummary summary;
};
const ReleaseImpact* impact_for(App::State& s, const Release& r);
ImVec4 impact_color(ImpactKind kind);
// The support chart under the timeline rows: one row per release line (newest first), then the
// dependencies' cycles; active and maintenance phases on the timeline's day axis (`start` is the day
// at `x0`, `ppd` pixels per day). `height` includes its title row.
void draw_support_chart(App::State& s, double start, double ppd, float label_w, float width, float height);
// Rows the chart would draw (its height follows them).
int support_chart_rows(App::State& s);
// Consumers and dependency cycles in the project settings window.
void draw_consumer_settings(App::State& s);
void draw_dependency_settings(App::State& s);
// The support fields of a release line or a dependency's cycle, beside the row's other fields: LTS,
// the end of the phase before maintenance (`until_label`) and the end of life.
void edit_support_dates(App::State& s, bool& lts, const char* until_label, std::optional<Date>& until,
                        std::optional<Date>& eol);

// ---- compare and merge (views/team/) ---------------------------------------------------------------

// Shows the diff between the open plan and `other`: from `other` to the open plan when
// `other_is_before` (the last saved version), else from the open plan to `other`, which can then be
// merged in when `can_merge`.
void start_compare(App::State& s, Plan other, std::string title, bool other_is_before, bool can_merge);
// A share link holding a version of the open plan (same project id): offers merge, replace or compare.
void offer_shared_plan(App::State& s, Plan plan, const ShareRevision& names);
// Share links and the versions they carry (share_versions.cpp): File > Copy share link; a version
// shared or received is kept as the base of later three-way merges (platform::store_snapshot), and
// named in the next link of the plan as the one it was made from.
void copy_share_link(App::State& s);
// File > Share link address…: the page address the desktop's links start with (the setting
// "share_address"; empty: bare #pd1= fragments). A setting of the app, not of the plan: no undo.
void draw_share_address_dialog(App::State& s);
void remember_shared_version(App::State& s, const Plan& plan, const ShareRevision& names);
// Looks for the last common version of the open plan and `theirs` (a link naming `names`); the answer
// lands in s.compare.base.
void find_merge_base(App::State& s, const Plan& theirs, const ShareRevision& names);
// Whether the compare window marks release `id` (calendar and timeline outline it).
bool compare_highlights(const App::State& s, const std::string& id);
ImVec4 compare_color();
// The conflicts a merge left in the plan, each settled by picking a side (merge_conflicts.cpp).
void draw_merge_conflicts(App::State& s);
// The compare window, the share-link dialog, the merge offer and the merge conflicts window; once per frame.
void draw_team_windows(App::State& s);

// app.cpp
// Stores a setting; when the host cannot keep it, the status line says so (the app goes on with it).
bool keep_setting(App::State& s, const std::string& key, std::string_view value);
void remember_recent(App::State& s, const std::string& path);
void set_theme(App::State& s, const std::string& theme);

// Theme and fonts (theme.cpp).
void apply_theme(bool dark, float scale);
// The body font and the larger heading sizes of it (the body font where they are missing).
enum class FontRole { body, heading1, heading2 };
ImFont* ui_font(FontRole role);

}  // namespace relplan::ui

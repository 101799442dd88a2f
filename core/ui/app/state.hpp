// App::State: everything the shared UI keeps between frames. Internal to core/ui.
#pragma once

#include "app/document.hpp"
#include "app/glyphs.hpp"

#include "app/app.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace relplan {
struct PlanDiff;
}

namespace relplan::ui {

// Actions that may need "discard unsaved changes?" first.
enum PendingAction { act_none = 0, act_new, act_open, act_open_example, act_quit };

enum class Tab { dashboard, release, calendar, timeline, versions, notes };

struct Message {
    std::string title;
    std::vector<std::string> lines;
};

struct Filters {
    std::string search;
    int status = -1;  // index into ReleaseStatus values, -1 = any
    int type = -1;
    std::string component;  // id, empty = any
};

// Calendar and timeline views (view_calendar.cpp, view_timeline.cpp, view_conflicts.cpp). Days are
// day numbers: days since 1970-01-01.
struct ScheduleIndex;
struct ConflictCache;
struct LifecycleCache;
struct MovePreview;
class TimelineGrid;

enum class CalendarMode { month, week, agenda };

struct CalendarViewState {
    CalendarMode mode = CalendarMode::month;
    std::optional<std::int32_t> cursor;  // the selected day; today until the user picks one
    bool scroll_agenda = true;           // bring the cursor day to the top of the agenda
    bool scroll_week = true;             // bring the working hours into view
    // The holiday / blackout dialog: a new period (index -1, drafted here) or one of the plan's.
    bool period_dialog = false;
    bool period_blackout = false;
    std::int32_t period_index = -1;
    Period period_draft;
};

struct TimelineViewState {
    double start = 0.0;        // day number (fractional) at the left edge of the rows area
    double px_per_day = 0.0;   // at ui scale 1; 0 until first shown
    double target_start = 0.0;
    double target_px_per_day = 0.0;
    bool anchored = false;     // zooming keeps anchor_day under anchor_x
    float anchor_x = 0.0f;
    double anchor_day = 0.0;
    std::optional<std::int32_t> selected_day;
    bool reveal_selection = false;  // scroll so the selected release is visible
    std::int32_t drag_release = -1;  // index into plan.releases while a bar is pressed
    float drag_from_x = 0.0f;
    std::int32_t drag_days = 0;
    bool dragging = false;
    bool panning = false;
    std::int32_t menu_release = -1;  // what the context menu was opened on: a release, or a day of a row
    std::int32_t menu_day = 0;
    std::int32_t menu_row = -1;
    bool support_chart = true;  // the support chart of release lines under the rows
};

// Release editor, notes preview and version calculator (view_editor.cpp, view_notes.cpp,
// view_versions.cpp).
struct NotesCache;
struct VersionsCache;
struct EditorCache;

struct EditorState {
    bool git_log_open = false;       // the "Paste git log" dialog
    std::string git_log_release;     // release id the dialog imports into
    std::string git_log_text;
    std::string milestone_prompt;    // release whose type changed while its dates were set by hand
    std::string refusal_release;     // the status change the gates refused, and why
    std::vector<std::string> refusal;
    std::string version_preid;       // pre-release id for the suggested version ("rc")
    std::string base_for;            // the release whose suggestion the user rebased, and onto which
    std::string base_release;
    std::shared_ptr<EditorCache> cache;
    bool reveal_gates = false;       // open and scroll to the gates (after a refused status change)
};

struct NotesPreviewState {
    int audience = 0;            // index into notes_audiences (notes.hpp)
    int format = 0;              // index into notes_formats
    bool rendered = true;        // Markdown formats: drawn, or the source text
    bool side_by_side = true;    // the Notes tab: the source beside the rendered preview
    bool beside_editor = true;   // a notes column in the Release tab when the window is wide enough
    std::shared_ptr<NotesCache> cache;
};

struct VersionCalculatorState {
    std::string version = "1.2.3-rc.1";
    std::string preid = "rc";
    std::string compare_a = "1.4.0";
    std::string compare_b = "2.0.0-beta.2";
    std::string range = "^1.2.0 || >=2.0.0-rc.0";
    std::string range_versions = "1.1.9\n1.2.0\n1.5.3-beta.1\n1.9.0\n2.0.0-beta.2\n2.0.0-rc.1\n2.0.0\n3.0.0-alpha.0";
    bool include_prerelease = false;
    bool loose = false;
    std::string calver_scheme = "YYYY.0M.MICRO";
    std::string calver_current;
    std::string calver_date;  // empty = today
    std::string calver_modifier;
    std::string commits_current = "1.4.2";
    std::string commits_preid;
    std::string commits_text =
        "feat(api): add bulk export\n\nfix: handle empty plans\n\ndocs: explain CalVer schemes\n\n"
        "refactor!: drop the v1 plan format\n\nBREAKING CHANGE: plans must be migrated first";
    std::shared_ptr<VersionsCache> cache;
};

// Compare and merge (views/team/): the open plan against another version of it, and the merge
// conflicts a merge left in the plan.
struct CompareState {
    bool open = false;
    std::string title;                // what the open plan is compared with
    bool other_is_before = false;     // the last saved version: the diff runs from it to the open plan
    bool can_merge = false;           // the other version came from outside (a file, a share link)
    std::shared_ptr<const Plan> other;
    std::shared_ptr<const PlanDiff> diff;
    unsigned revision = ~0u;          // the open plan's revision the diff is of
    std::vector<std::string> highlighted;  // release ids the diff touches, sorted (calendar, timeline)
    bool link_dialog = false;         // "Compare with a share link…"
    std::string link_text;
    bool address_dialog = false;      // File > Share link address… (hosts with abilities().share_address)
    std::string address_text;         // the address as typed there
    std::shared_ptr<const Plan> offered;  // a share link of the open plan: merge, replace or compare?
    bool conflicts_hidden = false;    // the user closed the conflicts window
    // The share link `other` / `offered` came from (team/revision.hpp): the versions it names, and
    // the kept version found as the common base of a merge (platform::find_snapshot).
    bool from_link = false;
    ShareRevision link_names;
    std::optional<platform::Snapshot> base;
    bool base_pending = false;        // the lookup has not answered yet
    unsigned base_lookup = 0;         // the lookup an answer belongs to
};

// Project settings, release trains and help windows (views/project/).
struct ProjectWindowsState {
    bool settings_open = false;
    bool trains_open = false;
    bool help_open = false;
    int train = -1;             // index into plan.trains being edited; -1 = a new train (the draft)
    Train draft;
    std::vector<Release> preview;  // what the draft generates, shown before it is applied
    std::string preview_error;
    bool preview_stale = true;
};

struct App::State {
    AppConfig config;
    Document doc;
    Filters filters;
    std::string selected_release;  // id
    // A release command of a context menu (release_commands.hpp), run once the views are drawn: views
    // hold references into plan.releases while they draw.
    enum class ReleaseCommand { none, duplicate, remove };
    ReleaseCommand release_command = ReleaseCommand::none;
    std::string release_command_id;
    Tab tab = Tab::dashboard;
    Tab requested_tab = Tab::dashboard;
    bool tab_requested = false;
    int reported_tab = -1;  // the tab platform::view_changed last heard of
    bool dark = false;
    bool fonts_dirty = true;
    float built_scale = 0.0f;
    GlyphNeeds glyphs;                  // code points beyond the embedded font (app/glyphs.hpp)
    unsigned glyph_revision = ~0u;      // the plan revision whose text was last noted

    // Modals and pending questions.
    std::vector<Message> messages;           // shown one at a time
    bool confirm_discard_open = false;
    int pending_after_discard = 0;           // what to do once the user agreed to discard
    std::string last_folder;  // of the last path the user chose in a file dialog; the next one starts there
    std::string second_tab;  // the plan another browser tab has open: offer a copy or a read-only view
    std::vector<std::string> recent_files;
    std::optional<platform::OpenPurpose> open_requested;  // a view asked for a file (handled by the frame)
    bool close_requested = false;
    unsigned stored_revision = 0;  // what store_working_copy last saw
    bool stored_dirty = false;
    std::string working_copy_problem;  // why the host did not keep the last working copy; "" when it did
    std::string status_text;  // transient status-bar message
    double status_until = 0.0;
    // Text typed into a date or instant field, per widget id (ImGuiID), until it parses or the field
    // is left.
    std::unordered_map<unsigned, std::string> field_drafts;
    Date date_picker_cursor{};  // the day the open date picker's keyboard cursor is on (one is open at a time)

    CalendarViewState calendar;
    TimelineViewState timeline;
    std::shared_ptr<const ScheduleIndex> schedule;  // rebuilt when the plan or the day changes
    std::shared_ptr<ConflictCache> conflicts;
    std::shared_ptr<LifecycleCache> lifecycle;      // support report and consumer impact (views/lifecycle/)
    std::shared_ptr<MovePreview> move_preview;      // a drag waiting for Apply / Cancel
    std::shared_ptr<TimelineGrid> timeline_grid;
    bool conflict_panel = true;                     // the conflict list under calendar and timeline

    EditorState editor;
    NotesPreviewState notes;
    ProjectWindowsState project;
    CompareState compare;
    VersionCalculatorState versions;

    void select_tab(Tab t) { requested_tab = t; tab_requested = true; }
    void flash(std::string text, double now) { status_text = std::move(text); status_until = now + 4.0; }
};

}  // namespace relplan::ui

// The shared planner app: one App::frame() draws one Dear ImGui frame, identically on the desktop and
// in the page. The host owns the window, the GL context and the ImGui backends; it creates the ImGui
// context, constructs the App once, then calls frame() between ImGui::NewFrame() and ImGui::Render().
//
// Entry points for the host (the data flow is host -> App -> core, never back up):
//   open_bytes()  a file the user picked or dropped, or a share link / recovery copy;
//   load_plan_text()/export_plan_text()  the page's window.relplan test API and the desktop's --plan.
#pragma once

#include "plan/share_link.hpp"
#include "platform/platform.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui {

struct AppConfig {
    float ui_scale = 1.0f;          // devicePixelRatio in the page, the content scale natively
    std::string theme;              // "light", "dark" or "" (follow the system)
    std::string initial_tab;        // tab shown first: "dashboard", "release", "calendar", "timeline", ...
};

struct LoadReport {
    bool ok = false;
    std::vector<std::string> errors;  // every problem found, each naming where (FILE:LINE:COL or /pointer)
    std::vector<std::string> notes;   // non-fatal remarks (migrations, dropped BOM)
};

class App {
public:
    explicit App(AppConfig config);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Builds the font atlas for the current scale; call before the backend creates its GL objects
    // and again (followed by the backend's font texture rebuild) when needs_font_rebuild() is true.
    void build_fonts();
    bool needs_font_rebuild() const;
    void set_ui_scale(float scale);

    void frame();
    // Hosts call it between their backend's NewFrame and ImGui::NewFrame: the time ImGui advances is
    // at most a tenth of a second a frame. A slow frame (software WebGL, a big paste) counted in full
    // made a key held across two frames repeat, and Ctrl+V pasted twice or three times.
    static void limit_frame_time();

    // Replaces the open plan with the one in `text` when it is valid; otherwise leaves the open plan
    // untouched and reports every error. `name` is the file name or path shown to the user.
    LoadReport load_plan_text(std::string_view text, const std::string& name);
    std::string export_plan_text() const;
    // A file's bytes arriving for `purpose` (file picker, drop, share link). Errors are shown in the
    // app; the open plan is only replaced by a valid plan.
    void open_bytes(platform::OpenPurpose purpose, const std::string& name, std::string_view bytes);
    // A share link (`names`: the revisions it names): a version of the open plan (same project id,
    // other content) asks whether to merge, compare or replace; anything else loads as load_plan_text.
    // Either way the version is kept as a base for three-way merges (views/team).
    LoadReport open_shared_plan(std::string_view text, const std::string& name, const ShareRevision& names);
    // Desktop: opens a path (drag-and-drop, recent files, --plan).
    void open_path(const std::string& path);
    // The working copy a previous session left (platform::store_working_copy); `unsaved` reopens it
    // as unsaved changes of `document` (a path when it starts with '/': Save writes there). A damaged
    // copy is ignored.
    void restore_recovery(std::string_view plan_json, bool unsaved, const std::string& document = "");

    // Shows a view by name (as AppConfig::initial_tab), e.g. when the browser goes Back to it.
    void show_view(const std::string& name);

    // The page: another browser tab has the plan named `plan_name` open too. Asks whether this tab
    // edits a copy (renamed "… (copy)", one undo step) or views the plan read-only.
    void offer_second_tab(const std::string& plan_name);

    bool has_unsaved_changes() const;
    // Shows a message box (host-side failures the user must hear about).
    void show_message(std::string title, std::vector<std::string> lines);
    // Desktop: the window's close button was pressed; returns true when it may close now.
    bool request_close();

    struct State;

private:
    std::unique_ptr<State> s_;
};

}  // namespace relplan::ui

// App::frame(): menu bar, shortcuts, the workspace layout, status bar and modal dialogs.
#include "app/app.hpp"
#include "app/clipboard.hpp"

#include "app/plan_io.hpp"
#include "app/release_commands.hpp"
#include "app/test_anchors.hpp"
#include "views/project/project.hpp"
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"

#include "base/assets.hpp"
#include "plan/plan_id.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <random>

namespace relplan::ui {

namespace {

// `letter` is an upper-case ASCII letter: both GLFW backends (native and emscripten) report letter
// keys by their ASCII code, which ImGui 1.86 indexes KeysDown with.
bool shortcut(char letter, bool shift = false) {
    const ImGuiIO& io = ImGui::GetIO();
    bool mod = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
    return mod && io.KeyShift == shift && !io.KeyAlt && ImGui::IsKeyPressed(letter, false);
}

constexpr std::string_view example_prefix = "Example — ";

std::string suggested_file_name(const App::State& s) {
    std::string n = s.doc.name().empty() ? "plan.json" : s.doc.name();
    if (n.rfind(example_prefix, 0) == 0) n = n.substr(example_prefix.size());
    if (n.find('.') == std::string::npos) n += ".json";
    return n;
}

void save_to(App::State& s, const std::string& target) {
    std::string json = plan_to_json(s.doc.plan);
    if (auto saved = platform::save_file(target, json); !saved) {
        s.messages.push_back({"Could not save " + target, {saved.error().message, "The plan is still open; nothing was lost."}});
        return;
    }
    bool paths = platform::abilities().file_paths;
    auto slash = target.find_last_of('/');
    s.doc.mark_saved(slash == std::string::npos ? target : target.substr(slash + 1), paths ? target : "");
    s.flash("Saved " + target, ImGui::GetTime());
}

std::string folder_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

void start_save_as(App::State& s) {
    if (!platform::abilities().file_paths) {
        save_to(s, suggested_file_name(s));
        return;
    }
    // The dialog asks before replacing a file.
    const std::string folder = s.last_folder.empty() ? platform::home_directory() : s.last_folder;
    platform::choose_save_path(folder + "/" + suggested_file_name(s), [&s](Result<std::string> path) {
        if (!path) return;
        s.last_folder = folder_of(*path);
        save_to(s, *path);
        remember_recent(s, *path);
    });
}

void save(App::State& s) {
    if (!s.doc.path().empty())
        save_to(s, s.doc.path());
    else
        start_save_as(s);
}

void start_open(App& app, App::State& s, platform::OpenPurpose purpose) {
    if (!platform::abilities().file_paths) {
        platform::request_open(purpose);
        return;
    }
    platform::choose_open_path(purpose, s.last_folder, [&app, &s, purpose](Result<std::string> path) {
        if (!path) return;
        s.last_folder = folder_of(*path);
        if (purpose == platform::OpenPurpose::plan) return app.open_path(*path);
        if (auto bytes = platform::read_file(*path)) app.open_bytes(purpose, *path, *bytes);
        else s.messages.push_back({"Could not open " + *path, {bytes.error().message}});
    });
}

void new_plan(App::State& s) {
    Plan p;
    p.project.name = "New project";
    std::random_device entropy;  // the id must differ between people's new plans, not be reproducible
    p.project.id = new_plan_id(p.project.name, (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy());
    s.doc.reset(std::move(p), "untitled.plan.json", "");
    s.selected_release.clear();
}

void run_action(App& app, App::State& s, int action) {
    switch (action) {
    case act_new: new_plan(s); break;
    case act_open: start_open(app, s, platform::OpenPurpose::plan); break;
    case act_open_example: {
        // Named as an example, with no path: saving asks for a file, the working copy is its own.
        LoadReport r = app.load_plan_text(assets::get("examples/acme.plan.json"), std::string(example_prefix) + "acme.plan.json");
        if (!r.ok) s.messages.push_back({"The example plan did not load", r.errors});
        break;
    }
    case act_quit: s.close_requested = true; platform::request_quit(); break;
    default: break;
    }
}

// Runs `action` now, or after the user agreed to discard unsaved changes.
void guarded(App& app, App::State& s, int action) {
    if (s.doc.dirty()) {
        s.confirm_discard_open = true;
        s.pending_after_discard = action;
        return;
    }
    run_action(app, s, action);
}

void draw_menu(App& app, App::State& s) {
    if (!ImGui::BeginMainMenuBar()) return;
    const bool paths = platform::abilities().file_paths;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New plan", "Ctrl+N")) guarded(app, s, act_new);
        anchor("menu.file.new");
        if (ImGui::MenuItem("Open…", "Ctrl+O")) guarded(app, s, act_open);
        if (paths && ImGui::BeginMenu("Open recent", !s.recent_files.empty())) {
            for (const auto& r : s.recent_files)
                if (ImGui::MenuItem(r.c_str())) app.open_path(r);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Open example plan")) guarded(app, s, act_open_example);
        anchor("menu.file.open_example");
        ImGui::Separator();
        if (ImGui::MenuItem("Save", "Ctrl+S")) save(s);
        if (ImGui::MenuItem(paths ? "Save as…" : "Download as…", "Ctrl+Shift+S")) start_save_as(s);
        ImGui::Separator();
        if (ImGui::MenuItem("Import changelog (Markdown)…")) start_open(app, s, platform::OpenPurpose::import_changelog);
        if (ImGui::MenuItem("Import holidays/blackouts (.ics)…")) start_open(app, s, platform::OpenPurpose::import_ics);
        if (ImGui::MenuItem("Import consumers (package.json, lockfile, npm ls)…")) start_open(app, s, platform::OpenPurpose::import_consumers);
        anchor("menu.file.import_consumers");
        if (ImGui::MenuItem("Import dependency support (endoflife.date JSON)…"))
            start_open(app, s, platform::OpenPurpose::import_dependency_support);
        anchor("menu.file.import_dependency_support");
        if (ImGui::MenuItem("Export calendar (.ics)")) {
            std::string name = "relplan.ics";
            if (auto saved = platform::save_file(paths ? platform::home_directory() + "/" + name : name, plan_to_ics(s.doc.plan)); !saved)
                s.messages.push_back({"Could not export the calendar", {saved.error().message}});
            else
                s.flash("Exported " + name, ImGui::GetTime());
        }
        if (ImGui::BeginMenu("Compare with")) {
            if (ImGui::MenuItem("A plan file…")) start_open(app, s, platform::OpenPurpose::compare);
            anchor("menu.file.compare.file");
            if (ImGui::MenuItem("The last saved version")) start_compare(s, s.doc.saved(), "Changes since " + s.doc.name() + " was last saved", true, false);
            anchor("menu.file.compare.saved");
            if (ImGui::MenuItem("A share link…")) s.compare.link_dialog = true;
            anchor("menu.file.compare.link");
            ImGui::EndMenu();
        }
        anchor("menu.file.compare");  // after EndMenu the last item is the menu's own entry
        if (platform::abilities().share_links && ImGui::MenuItem("Copy share link")) copy_share_link(s);
        if (platform::abilities().share_links) anchor("menu.file.share_link");
        if (platform::abilities().share_address && ImGui::MenuItem("Share link address…")) s.compare.address_dialog = true;
        if (platform::abilities().share_address) anchor("menu.file.share_address");
        if (platform::abilities().quit) {
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) guarded(app, s, act_quit);
        }
        ImGui::EndMenu();
    }
    anchor("menu.file");
    if (ImGui::BeginMenu("Edit")) {
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, s.doc.can_undo())) s.doc.undo();
        anchor("menu.edit.undo");
        if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, s.doc.can_redo())) s.doc.redo();
        ImGui::EndMenu();
    }
    anchor("menu.edit");
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Dashboard", nullptr, s.tab == Tab::dashboard)) s.select_tab(Tab::dashboard);
        if (ImGui::MenuItem("Release editor", nullptr, s.tab == Tab::release)) s.select_tab(Tab::release);
        if (ImGui::MenuItem("Calendar", nullptr, s.tab == Tab::calendar)) s.select_tab(Tab::calendar);
        if (ImGui::MenuItem("Timeline", nullptr, s.tab == Tab::timeline)) s.select_tab(Tab::timeline);
        ImGui::Separator();
        if (ImGui::BeginMenu("Theme")) {
            if (ImGui::MenuItem("Follow system", nullptr, s.config.theme.empty())) set_theme(s, "");
            if (ImGui::MenuItem("Light", nullptr, s.config.theme == "light")) set_theme(s, "light");
            if (ImGui::MenuItem("Dark", nullptr, s.config.theme == "dark")) set_theme(s, "dark");
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Project")) {
        if (ImGui::MenuItem("Project settings…")) s.project.settings_open = true;
        anchor("menu.project.settings");
        if (ImGui::MenuItem("Release trains…")) s.project.trains_open = true;
        anchor("menu.trains.open");
        ImGui::EndMenu();
    }
    anchor("menu.project");
    if (ImGui::MenuItem("Trains")) s.project.trains_open = true;
    anchor("menu.trains");
    if (ImGui::BeginMenu("Release")) {
        if (ImGui::MenuItem("New release")) add_release(s);
        anchor("menu.release.new");
        if (ImGui::MenuItem("Delete release", nullptr, false, !s.selected_release.empty())) delete_release(s);
        ImGui::EndMenu();
    }
    anchor("menu.release");
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Help and shortcuts", "F1")) s.project.help_open = true;
        anchor("menu.help.open");
        ImGui::EndMenu();
    }
    anchor("menu.help");
    ImGui::EndMainMenuBar();
}

void handle_shortcuts(App& app, App::State& s) {
    // In a focused text field Ctrl+Z / Ctrl+Y undo and redo the typing only (ImGui's own text undo).
    const bool typing = ImGui::GetIO().WantTextInput;
    if (!typing && shortcut('Z')) s.doc.undo();
    if (!typing && (shortcut('Z', true) || shortcut('Y'))) s.doc.redo();
    if (ImGui::IsKeyPressed(290 /* GLFW_KEY_F1, as both GLFW backends report it */, false)) s.project.help_open = true;
    if (shortcut('S')) save(s);
    if (shortcut('S', true)) start_save_as(s);
    if (shortcut('O')) guarded(app, s, act_open);
    if (shortcut('N')) guarded(app, s, act_new);
    if (platform::abilities().quit && shortcut('Q')) guarded(app, s, act_quit);
}

void edit_a_copy(App::State& s) {
    s.doc.set_read_only(false);
    s.doc.plan.project.name += " (copy)";
    s.doc.touch();
    s.doc.commit();
    s.flash("Editing a copy: download it under its own name to keep both", ImGui::GetTime());
}

void draw_status_bar(App::State& s, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f * s.config.ui_scale, 3.0f * s.config.ui_scale));
    ImGui::Begin("##status", nullptr, flags);
    ImGui::TextUnformatted(s.doc.name().c_str());
    if (s.doc.dirty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1.0f), "● unsaved");
    }
    if (!s.working_copy_problem.empty()) {  // stays until a copy is kept again
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "no recovery copy");
        anchor("status.working_copy");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s.\nA crash or reload would lose the unsaved edits: save the plan to keep them.",
                              s.working_copy_problem.c_str());
    }
    if (s.doc.read_only()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.2f, 0.45f, 0.85f, 1.0f), "read-only (open in another tab)");
        ImGui::SameLine();
        if (ImGui::SmallButton("Edit a copy")) edit_a_copy(s);
        anchor("status.edit_copy");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const int releases = static_cast<int>(s.doc.plan.releases.size());
    ImGui::Text("%d release%s", releases, releases == 1 ? "" : "s");
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const ConflictSummary& c = conflicts_for(s);
    if (c.errors + c.warnings == 0)
        ImGui::TextUnformatted("no conflicts");
    else
        ImGui::TextColored(c.errors ? ImVec4(0.85f, 0.2f, 0.2f, 1.0f) : ImVec4(0.8f, 0.6f, 0.1f, 1.0f),
                           "%d conflict%s (%d error%s)", c.errors + c.warnings, c.errors + c.warnings == 1 ? "" : "s",
                           c.errors, c.errors == 1 ? "" : "s");
    anchor("status.conflicts");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the Calendar tab for the list");
    if (!s.status_text.empty() && ImGui::GetTime() < s.status_until) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::TextUnformatted(s.status_text.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void draw_second_tab_offer(App::State& s) {
    const char* title = "This plan is open in another tab";
    if (!s.second_tab.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("\"%s\" is open in another tab of this browser.", s.second_tab.c_str());
    ImGui::TextDisabled("Each tab keeps its own working copy; nothing here overwrites the other tab's work.");
    bool close = false;
    if (ImGui::Button("Edit a copy") || dialog_confirmed()) {
        edit_a_copy(s);
        close = true;
    }
    anchor("second_tab.copy");
    ImGui::SameLine();
    if (ImGui::Button("View read-only") || dialog_cancelled()) {
        s.doc.set_read_only(true);
        close = true;
    }
    anchor("second_tab.read_only");
    if (close) {
        s.second_tab.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_modals(App& app, App::State& s) {
    draw_second_tab_offer(s);
    if (s.confirm_discard_open) {
        ImGui::OpenPopup("Discard unsaved changes?");
        s.confirm_discard_open = false;
    }
    if (ImGui::BeginPopupModal("Discard unsaved changes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s has changes that are not saved.", s.doc.name().c_str());
        if (ImGui::Button("Save first") || dialog_confirmed()) {
            save(s);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard changes")) {
            int action = s.pending_after_discard;
            s.doc.mark_saved(s.doc.name(), s.doc.path());  // the user chose to drop them
            ImGui::CloseCurrentPopup();
            run_action(app, s, action);
        }
        anchor("discard.discard");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || dialog_cancelled()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (!s.messages.empty() && !ImGui::IsPopupOpen("##message")) ImGui::OpenPopup("##message");
    ImGui::SetNextWindowSizeConstraints(ImVec2(300 * s.config.ui_scale, 0), ImVec2(900 * s.config.ui_scale, 600 * s.config.ui_scale));
    if (ImGui::BeginPopupModal("##message", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        if (!s.messages.empty()) {
            const Message& m = s.messages.front();
            ImGui::TextUnformatted(m.title.c_str());
            ImGui::Separator();
            for (std::size_t i = 0; i < m.lines.size() && i < 40; ++i) ImGui::BulletText("%s", m.lines[i].c_str());
            if (m.lines.size() > 40) ImGui::TextDisabled("… and %d more", static_cast<int>(m.lines.size() - 40));
        }
        if (ImGui::Button("OK") || dialog_confirmed() || dialog_cancelled()) {
            if (!s.messages.empty()) s.messages.erase(s.messages.begin());
            ImGui::CloseCurrentPopup();
        }
        anchor("message.ok");
        ImGui::EndPopup();
    }
}

}  // namespace

void App::frame() {
    State& s = *s_;
    ImGuiIO& io = ImGui::GetIO();
    test_hooks::begin_frame();
    route_clipboard(s);
    const std::pair<const char*, Tab> names[] = {{"dashboard", Tab::dashboard}, {"release", Tab::release},
                                                 {"calendar", Tab::calendar},   {"timeline", Tab::timeline},
                                                 {"versions", Tab::versions},   {"notes", Tab::notes}};
    if (!s.config.initial_tab.empty()) {  // AppConfig::initial_tab or App::show_view, honoured now
        for (const auto& [name, t] : names)
            if (s.config.initial_tab == name) s.select_tab(t);
        s.config.initial_tab.clear();
    }
    // The host hears of view switches (the page keeps them in the browser's history).
    if (!s.tab_requested && static_cast<int>(s.tab) != s.reported_tab) {
        s.reported_tab = static_cast<int>(s.tab);
        for (const auto& [name, t] : names)
            if (t == s.tab) platform::view_changed(name);
    }
    track_glyphs(s);
    handle_shortcuts(*this, s);
    draw_menu(*this, s);

    const float status_h = ImGui::GetFrameHeight() + 2.0f * s.config.ui_scale;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_h));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("##workspace", nullptr, flags);
    const float list_w = 300.0f * s.config.ui_scale;
    ImGui::BeginChild("##releases", ImVec2(list_w, 0), true);
    draw_release_list(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##main", ImVec2(0, 0), false);
    if (ImGui::BeginTabBar("##tabs")) {
        auto tab = [&](const char* label, Tab t, void (*draw)(State&)) {
            ImGuiTabItemFlags f = (s.tab_requested && s.requested_tab == t) ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(label, nullptr, f);
            anchor(std::string("tab.") + label);
            if (open) {
                s.tab = t;
                ImGui::BeginChild(label);
                draw(s);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        };
        tab("Dashboard", Tab::dashboard, draw_dashboard);
        tab("Release", Tab::release, draw_release_editor);
        tab("Calendar", Tab::calendar, draw_calendar);
        tab("Timeline", Tab::timeline, draw_timeline);
        tab("Versions", Tab::versions, draw_version_calculator);
        tab("Notes", Tab::notes, draw_notes_preview);
        s.tab_requested = false;
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::End();

    run_release_command(s);
    draw_project_settings(s);
    draw_trains_window(s);
    draw_help_window(s);
    draw_team_windows(s);
    draw_status_bar(s, status_h);
    platform::draw_dialogs();
    draw_modals(*this, s);
    if (s.open_requested) {  // a view's import button
        const platform::OpenPurpose purpose = *s.open_requested;
        s.open_requested.reset();
        start_open(*this, s, purpose);
    }

    // One typing session (until the field loses focus) is one undo step.
    if (!ImGui::IsAnyItemActive()) s.doc.commit();
    platform::set_unsaved(s.doc.dirty());
    if (s.doc.revision() != s.stored_revision || s.doc.dirty() != s.stored_dirty) {
        s.stored_revision = s.doc.revision();
        s.stored_dirty = s.doc.dirty();
        platform::store_working_copy(plan_to_json(s.doc.plan), s.doc.dirty(),
                                     s.doc.path().empty() ? s.doc.name() : s.doc.path(),
                                     [&s](Result<Done> kept) { s.working_copy_problem = kept ? "" : kept.error().message; });
    }
    test_hooks::end_frame(s);
    if (io.WantSaveIniSettings) {
        size_t n = 0;
        const char* ini = ImGui::SaveIniSettingsToMemory(&n);
        keep_setting(s, "layout", std::string_view(ini, n));
        io.WantSaveIniSettings = false;
    }
}

}  // namespace relplan::ui

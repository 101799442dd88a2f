// Services the shared UI needs from its host. Exactly one implementation is linked into each program
// (native/desktop/platform_desktop.cpp, web/platform_web.cpp), chosen at link time like Tracy's
// Backend: the shared code never branches on the platform.
//
// Contract: nothing here blocks a frame. Results that take user interaction (picking a file) arrive
// later through App::open_bytes(); the host calls it from its own event handling.
#pragma once

#include "base/result.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui::platform {

// What a user asked to open; passed back with the file so the app knows what to do with the bytes.
// Values are shared with the page's file picker (relplan_api.js: relplanPickFile's accept list).
enum class OpenPurpose { plan, import_changelog, import_ics, import_consumers, import_dependency_support, compare };

// Which optional abilities this host has (the UI hides what is missing).
struct Abilities {
    bool file_paths = false;   // desktop: real paths, save in place, recent files
    bool share_links = false;  // File > Copy share link (both hosts)
    bool share_address = false;  // desktop: links start with the setting "share_address" (File > Share link address…)
    bool quit = false;         // desktop: the app can close its window
    bool clipboard_nul = false;   // page: pasted text keeps its NUL bytes (`git log -z` output)
};
Abilities abilities();

// The clipboard's text, with its length. NUL bytes are part of the text where the host can carry them
// (abilities().clipboard_nul); the desktop's clipboard (GLFW) is a C string that ends at the first NUL.
// Page: what the page's last paste event delivered, or what the app last copied (browsers hand the
// clipboard over in the paste event only, so this answers in the call there too).
std::string clipboard_text();
void set_clipboard(const std::string& text);

// Page: opens the browser's file picker (call from the click's frame); the bytes arrive through
// App::open_bytes(). Desktop: not used.
void request_open(OpenPurpose purpose);
// With abilities().file_paths: a dialog to pick a file to open (starting in `folder`, the user's home
// when empty) or a path to save to (it asks before replacing a file). `chosen` gets the path in a later
// frame; a cancelled dialog answers nothing. Desktop: the system's dialog (zenity or kdialog), else
// the host's own, drawn in draw_dialogs(). Page: `chosen` gets an Error at once.
void choose_open_path(OpenPurpose purpose, const std::string& folder, std::function<void(Result<std::string>)> chosen);
void choose_save_path(const std::string& suggested, std::function<void(Result<std::string>)> chosen);
// Dialogs the host draws itself with ImGui (the desktop's own file dialog); App::frame calls it after
// its views, so they take part in the frame like the app's own. Page: nothing.
void draw_dialogs();
// Desktop: where files go when the user was not asked (calendar export of a plan never saved).
std::string home_directory();

// Saves bytes. Desktop: `name` is a path, written atomically keeping the previous file as .bak.
// Page: `name` is the download's file name.
Result<Done> save_file(const std::string& name, std::string_view bytes);
// Desktop: reads a file (capped). Page: an Error (files arrive through App::open_bytes()).
Result<std::string> read_file(const std::string& path);

// Small persistent key/value store (settings, layout, recent files): a file in the user's config
// directory natively, localStorage in the page. Settings answer in the call, unlike the services that
// wait on the user, the network or IndexedDB: both hosts hold them at hand (localStorage is synchronous,
// the files are small), so a callback would only delay the first frame's theme and layout.
// store_setting's Error says why a value was not kept (the browser's storage is full or blocked, the
// folder is not writable).
std::optional<std::string> load_setting(const std::string& key);
Result<Done> store_setting(const std::string& key, std::string_view value);

// The working copy of the open plan, kept so a crash or reload loses nothing: called after every
// committed edit and after saves. `document` is the plan's path, or its name when it has none.
// Page: IndexedDB, one copy per browser tab (reopened on reload, as unsaved when `unsaved`).
// Desktop: a recovery file per document while `unsaved`; saving (or discarding on the user's word)
// removes only the copy this session wrote or restored.
// `stored` hears whether the copy was kept (or removed): in this call (desktop) or when the browser
// has written it (page); its Error says why not (storage full or blocked, folder not writable).
void store_working_copy(std::string_view plan_json, bool unsaved, std::string_view document,
                        std::function<void(Result<Done>)> stored);

// Builds a share link for the JSON with `link_params` after its payload (plan/share_link.hpp:
// share_link_params) and copies it to the clipboard. Page: the shorter of its two forms, with the
// page's address. Desktop: the #pd1= form, after the page address in the setting "share_address"
// when there is one (links without an address open in the apps' "Compare with > A share link…").
// An Error says why no link was made when that is known at once (the page reports its errors itself).
Result<Done> copy_share_link(std::string_view plan_json, std::string_view link_params);

// Versions of plans the user shared or opened from share links, under their revision names
// (team/revision.hpp): the common bases of three-way merges with links received later. At most
// max_snapshots are kept, the oldest stored goes first; a name already kept keeps its content.
// Page: IndexedDB (store "snapshots", shared by the tabs). Desktop: files in the config folder's
// "snapshots" folder.
inline constexpr int max_snapshots = 16;
struct Snapshot {
    std::string revision;
    std::string plan_json;
};
void store_snapshot(const std::string& revision, std::string_view plan_json);
// The first of `revisions` that is kept, or nothing: in this call (desktop) or a later frame (page).
void find_snapshot(const std::vector<std::string>& revisions, std::function<void(std::optional<Snapshot>)> found);
// Page: tells the browser whether leaving the page would lose work.
void set_unsaved(bool unsaved);
// The user switched to the view `name` (dashboard, release, calendar, ...). Page: a browser history
// entry, so Back/Forward move between views (App::show_view). Desktop: nothing.
void view_changed(std::string_view name);
void request_quit();
// "light" or "dark" as the system prefers (the page reads prefers-color-scheme).
bool system_prefers_dark();

// A font file that draws glyphs the embedded font lacks (app/glyphs.hpp).
struct FontFile {
    std::string name;   // file name, for messages and to load each file once
    std::string bytes;  // TrueType/OpenType data
    int index = 0;      // face within a collection
};
// Asks for fonts covering `code_points`. `arrived` is called once per font file found, in this call
// (desktop: fontconfig) or in a later frame (page: fetched from the page's own folder), or with an
// Error when a file could not be had; code points no font covers are simply never answered.
void request_fonts(const std::vector<char32_t>& code_points, std::function<void(Result<FontFile>)> arrived);

}  // namespace relplan::ui::platform

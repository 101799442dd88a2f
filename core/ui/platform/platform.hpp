// Services the shared UI needs from its host. Exactly one implementation is linked into each program
// (native/desktop/platform_desktop.cpp, web/platform_web.cpp), chosen at link time like Tracy's
// Backend: the shared code never branches on the platform.
//
// Contract: nothing here blocks a frame. Results that take user interaction (picking a file) arrive
// later through App::open_bytes(); the host calls it from its own event handling.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui::platform {

// What a user asked to open; passed back with the file so the app knows what to do with the bytes.
enum class OpenPurpose { plan, import_changelog, import_ics };

struct DirEntry {
    std::string name;
    bool is_dir = false;
};

// Which optional abilities this host has (the UI hides what is missing).
struct Abilities {
    bool file_paths = false;   // desktop: real paths, save in place, recent files
    bool share_links = false;  // page: #plan= links
    bool quit = false;         // desktop: the app can close its window
};
Abilities abilities();

void set_clipboard(const std::string& text);

// Page: opens the browser's file picker (call from the click's frame). Desktop: not used; the UI
// shows its own file browser over list_directory() and calls App::open_path().
void request_open(OpenPurpose purpose);
// Desktop only: directory listing for the file browser (sorted, dirs first); empty on error.
std::vector<DirEntry> list_directory(const std::string& dir);
std::string home_directory();

// Saves bytes. Desktop: `name` is a path, written atomically keeping the previous file as .bak.
// Page: `name` is the download's file name. Returns an error message, or nothing on success.
std::optional<std::string> save_file(const std::string& name, std::string_view bytes);
// Desktop: reads a file (capped); errors as text.
std::optional<std::string> read_file(const std::string& path, std::string* error);

// Small persistent key/value store (settings, layout, recent files): a file in the user's config
// directory natively, localStorage in the page.
std::optional<std::string> load_setting(const std::string& key);
void store_setting(const std::string& key, std::string_view value);

// The working copy of the open plan, kept so a crash or reload loses nothing: called after every
// committed edit and after saves. Page: IndexedDB (reopened on reload, as unsaved when `unsaved`).
// Desktop: a recovery file while `unsaved`, removed once the plan is saved.
void store_working_copy(std::string_view plan_json, bool unsaved);

// Page: builds a #plan= share link for the JSON, copies it to the clipboard. Desktop: no-op.
void copy_share_link(std::string_view plan_json);
// Page: tells the browser whether leaving the page would lose work.
void set_unsaved(bool unsaved);
void request_quit();
// "light" or "dark" as the system prefers (the page reads prefers-color-scheme).
bool system_prefers_dark();

}  // namespace relplan::ui::platform

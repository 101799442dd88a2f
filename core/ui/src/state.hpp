// App::State: everything the shared UI keeps between frames. Internal to core/ui.
#pragma once

#include "document.hpp"

#include <relplan/ui/app.hpp>

#include <string>
#include <vector>

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

struct App::State {
    AppConfig config;
    Document doc;
    Filters filters;
    std::string selected_release;  // id
    Tab tab = Tab::dashboard;
    Tab requested_tab = Tab::dashboard;
    bool tab_requested = false;
    bool dark = false;
    bool fonts_dirty = true;
    float built_scale = 0.0f;

    // Modals and pending questions.
    std::vector<Message> messages;           // shown one at a time
    bool confirm_discard_open = false;
    int pending_after_discard = 0;           // what to do once the user agreed to discard
    bool file_browser_open = false;
    bool file_browser_save = false;
    platform::OpenPurpose file_browser_purpose = platform::OpenPurpose::plan;
    std::string file_browser_dir;
    std::string file_browser_name;
    std::vector<std::string> recent_files;
    bool close_requested = false;
    bool about_open = false;
    unsigned stored_revision = 0;  // what store_working_copy last saw
    bool stored_dirty = false;
    std::string status_text;  // transient status-bar message
    double status_until = 0.0;

    void select_tab(Tab t) { requested_tab = t; tab_requested = true; }
    void flash(std::string text, double now) { status_text = std::move(text); status_until = now + 4.0; }
};

}  // namespace relplan::ui

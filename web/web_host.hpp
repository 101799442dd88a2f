// The page host's state: one struct, created in main(), passed to the main loop and reached by the C
// entry points relplan_api.js calls (main.cpp, platform_web.cpp).
#pragma once

#include "app/app.hpp"
#include "base/result.hpp"

#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

struct GLFWwindow;

namespace relplan::web {

struct WebHost {
    GLFWwindow* window = nullptr;
    ui::App* app = nullptr;
    std::string clipboard;  // the last paste event's text (NULs kept), or what the app copied since
    std::string returned;   // storage for strings returned to JS (valid until the next call)
    bool first_frame_done = false;
    int canvas_w = 0;       // the canvas backing store in device pixels
    int canvas_h = 0;
    ImGuiMouseCursor cursor = -2;  // the CSS cursor last set
    // platform::request_fonts answers waiting for relplan_api.js, by request id.
    std::map<int, std::function<void(Result<ui::platform::FontFile>)>> font_requests;
    int next_font_request = 1;
    // platform::store_working_copy answers waiting for relplan_api.js (IndexedDB), by write id.
    std::map<int, std::function<void(Result<Done>)>> working_copy_writes;
    int next_working_copy_write = 1;
    // platform::find_snapshot answers waiting for relplan_api.js (IndexedDB), by request id.
    std::map<int, std::function<void(std::optional<ui::platform::Snapshot>)>> snapshot_requests;
    int next_snapshot_request = 1;
};

// The one instance (constructed on first use, lives for the page's lifetime).
WebHost& host();

}  // namespace relplan::web

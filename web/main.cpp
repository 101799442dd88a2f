// The page's host: GLFW (emscripten's -sUSE_GLFW=3) + WebGL2 + Dear ImGui, one App::frame() per
// requestAnimationFrame, and the C entry points relplan_api.js calls (window.relplan, file picks,
// drops, paste, share links, the IndexedDB working copy).
#include "app/app.hpp"
#include "app/test_hooks.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace {

GLFWwindow* g_window = nullptr;
relplan::ui::App* g_app = nullptr;
std::string g_clipboard;
std::string g_returned;  // storage for strings returned to JS (valid until the next call)
bool g_first_frame_done = false;

EM_JS(void, js_set_cursor, (const char* css), { Module.canvas.style.cursor = UTF8ToString(css); });

// The backend's cursor handling goes through emscripten's GLFW, which toggles pointer lock every
// frame; the page sets CSS cursors itself instead (ImGuiConfigFlags_NoMouseCursorChange).
void update_cursor() {
    static ImGuiMouseCursor last = -2;
    ImGuiMouseCursor c = ImGui::GetMouseCursor();
    if (c == last) return;
    last = c;
    const char* css = "default";
    switch (c) {
    case ImGuiMouseCursor_None: css = "none"; break;
    case ImGuiMouseCursor_TextInput: css = "text"; break;
    case ImGuiMouseCursor_ResizeAll: css = "move"; break;
    case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
    case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
    case ImGuiMouseCursor_ResizeNESW: css = "nesw-resize"; break;
    case ImGuiMouseCursor_ResizeNWSE: css = "nwse-resize"; break;
    case ImGuiMouseCursor_Hand: css = "pointer"; break;
    case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
    default: break;
    }
    js_set_cursor(css);
}

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    relplan::ui::platform::set_clipboard(g_clipboard);
}

// The canvas backing store follows its CSS size × devicePixelRatio, so text is sharp on HiDPI
// screens; ImGui works in backing-store pixels and the UI is scaled by the ratio instead. The size is
// set on the canvas directly: emscripten 3.1.6's glfwSetWindowSize requests fullscreen (and pointer
// lock) whenever the size equals the screen's.
int g_canvas_w = 0, g_canvas_h = 0;

void fit_canvas() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    double dpr = std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 4.0);
    int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    if (w != g_canvas_w || h != g_canvas_h) {
        emscripten_set_canvas_element_size("#canvas", w, h);
        g_canvas_w = w;
        g_canvas_h = h;
    }
    g_app->set_ui_scale(static_cast<float>(dpr));
}

void frame(void*) {
    fit_canvas();
    if (g_app->needs_font_rebuild()) {
        g_app->build_fonts();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_canvas_w), static_cast<float>(g_canvas_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;  // rAF can repeat a timestamp
    ImGui::NewFrame();
    g_app->frame();
    ImGui::Render();
    update_cursor();
    glViewport(0, 0, g_canvas_w, g_canvas_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!g_first_frame_done) {
        g_first_frame_done = true;
        EM_ASM({ Module.relplanFirstFrame(); });
    }
}

}  // namespace

extern "C" {

// window.relplan.loadPlan: {"ok":bool,"errors":[...],"notes":[...]}; the open plan is untouched on error.
EMSCRIPTEN_KEEPALIVE const char* relplan_load_plan(const char* text) {
    relplan::ui::LoadReport r = g_app->load_plan_text(text ? text : "", "plan.json");
    nlohmann::json j = {{"ok", r.ok}, {"errors", r.errors}, {"notes", r.notes}};
    g_returned = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* relplan_export_plan() {
    g_returned = g_app->export_plan_text();
    return g_returned.c_str();
}

// A file picked or dropped in the page; `purpose` is a platform::OpenPurpose value.
EMSCRIPTEN_KEEPALIVE void relplan_open_file(int purpose, const char* name, const char* bytes, int length) {
    g_app->open_bytes(static_cast<relplan::ui::platform::OpenPurpose>(purpose), name ? name : "file",
                      std::string_view(bytes, static_cast<size_t>(std::max(0, length))));
}

EMSCRIPTEN_KEEPALIVE void relplan_restore_recovery(const char* text, int unsaved) {
    g_app->restore_recovery(text ? text : "", unsaved != 0);
}

EMSCRIPTEN_KEEPALIVE void relplan_paste(const char* text) { g_clipboard = text ? text : ""; }

// Wheel input, already normalised to lines by relplan_api.js (emscripten 3.1.6's GLFW passes raw
// horizontal pixels and coarse vertical steps, which made lists jump by hundreds of rows).
EMSCRIPTEN_KEEPALIVE void relplan_wheel(double dx, double dy) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(dx);
    io.MouseWheel += static_cast<float>(dy);
}

EMSCRIPTEN_KEEPALIVE void relplan_show_message(const char* title, const char* detail) {
    g_app->show_message(title ? title : "", {detail ? detail : ""});
}

EMSCRIPTEN_KEEPALIVE int relplan_has_unsaved() { return g_app->has_unsaved_changes() ? 1 : 0; }

// window.relplan.testHooks: 0 = anchors (framebuffer pixels), 1 = facts; both as of the last frame.
EMSCRIPTEN_KEEPALIVE const char* relplan_test_hooks(int what) {
    g_returned = what == 0 ? relplan::ui::test_hooks::anchors_json() : relplan::ui::test_hooks::facts_json();
    return g_returned.c_str();
}

}  // extern "C"

int main() {
    if (!glfwInit()) {
        EM_ASM({ Module.relplanFatal("GLFW could not start in this browser."); });
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 800, "Release Planner", nullptr, nullptr);
    if (!g_window) {
        EM_ASM({ Module.relplanFatal("WebGL2 is not available in this browser, so the planner cannot draw."); });
        return 1;
    }
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    relplan::ui::AppConfig cfg;
    cfg.ui_scale = static_cast<float>(std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 4.0));
    g_app = new relplan::ui::App(cfg);  // lives for the page's lifetime
    g_app->build_fonts();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    glfwSetScrollCallback(g_window, nullptr);  // relplan_api.js feeds relplan_wheel instead
    EM_ASM({ Module.relplanStarted(); });
    emscripten_set_main_loop_arg(frame, nullptr, 0, true);
    return 0;
}

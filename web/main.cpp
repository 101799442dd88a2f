// The page's host: GLFW (emscripten's -sUSE_GLFW=3) + WebGL2 + Dear ImGui, one App::frame() per
// requestAnimationFrame, and the C entry points relplan_api.js calls (window.relplan, file picks,
// drops, paste, share links, the IndexedDB working copy).
#include "web_host.hpp"

#include "app/app.hpp"
#include "app/test_hooks.hpp"

#include "plan/plan_json.hpp"
#include "plan/share_link.hpp"

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

namespace relplan::web {
WebHost& host() {
    static WebHost h;
    return h;
}
}  // namespace relplan::web

namespace {

using relplan::web::WebHost;

// Startup milestones as performance marks ("relplan:…", since navigation start), for the benchmarks.
EM_JS(void, js_mark, (const char* name), { performance.mark('relplan:' + UTF8ToString(name)); });

EM_JS(void, js_set_cursor, (const char* css), { Module.canvas.style.cursor = UTF8ToString(css); });

// The backend's cursor handling goes through emscripten's GLFW, which toggles pointer lock every
// frame; the page sets CSS cursors itself instead (ImGuiConfigFlags_NoMouseCursorChange).
void update_cursor(WebHost& h) {
    ImGuiMouseCursor c = ImGui::GetMouseCursor();
    if (c == h.cursor) return;
    h.cursor = c;
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

double pixel_ratio() { return std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 4.0); }

// The canvas backing store follows its CSS size × devicePixelRatio, so text is sharp on HiDPI
// screens; ImGui works in backing-store pixels and the UI is scaled by the ratio instead.
void canvas_pixels(int& w, int& h) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    w = std::max(1, static_cast<int>(std::lround(css_w * pixel_ratio())));
    h = std::max(1, static_cast<int>(std::lround(css_h * pixel_ratio())));
}

// The size is set on the canvas directly: emscripten 3.1.6's glfwSetWindowSize requests fullscreen
// (and pointer lock) whenever the size equals the screen's.
void fit_canvas(WebHost& h) {
    int w = 0, hgt = 0;
    canvas_pixels(w, hgt);
    if (w != h.canvas_w || hgt != h.canvas_h) {
        emscripten_set_canvas_element_size("#canvas", w, hgt);
        h.canvas_w = w;
        h.canvas_h = hgt;
    }
    h.app->set_ui_scale(static_cast<float>(pixel_ratio()));
}

// Where ImGui wants the text cursor: the hidden text field relplan_api.js composes in follows it, so
// the IME's candidate window opens beside the field being edited.
void set_ime_position(int x, int y) {
    EM_ASM({ Module.relplanTextCursor($0, $1); }, x / pixel_ratio(), y / pixel_ratio());
}

void frame(void* arg) {
    WebHost& h = *static_cast<WebHost*>(arg);
    fit_canvas(h);
    if (h.app->needs_font_rebuild()) {
        h.app->build_fonts();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    if (!h.first_frame_done) {
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        if (!atlas->IsBuilt()) atlas->Build();  // what the backend's first NewFrame would do, timed apart
        js_mark("fonts");
    }
    ImGui_ImplOpenGL3_NewFrame();
    if (!h.first_frame_done) js_mark("gl-objects");
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(h.canvas_w), static_cast<float>(h.canvas_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    relplan::ui::App::limit_frame_time();
    ImGui::NewFrame();
    h.app->frame();
    if (!h.first_frame_done) js_mark("app-frame");
    ImGui::Render();
    update_cursor(h);
    glViewport(0, 0, h.canvas_w, h.canvas_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!h.first_frame_done) {
        h.first_frame_done = true;
        EM_ASM({ Module.relplanFirstFrame(); });
    }
}

}  // namespace

extern "C" {

// window.relplan.loadPlan: {"ok":bool,"errors":[...],"notes":[...]}; the open plan is untouched on
// error; `shared` for a share link. The text arrives with its length: a NUL in it is the parser's to report, with its position.
EMSCRIPTEN_KEEPALIVE const char* relplan_load_plan(const char* text, int length, int shared, const char* link_params) {
    WebHost& h = relplan::web::host();
    const std::string_view bytes(text, static_cast<size_t>(std::max(0, length)));
    // A share link may be a version of the open plan: App decides. `link_params` are the link's
    // "&r=…&b=…" revision names.
    relplan::ui::LoadReport r =
        shared ? h.app->open_shared_plan(bytes, "shared.plan.json", relplan::read_share_link_params(link_params ? link_params : ""))
               : h.app->load_plan_text(bytes, "plan.json");
    nlohmann::json j = {{"ok", r.ok}, {"errors", r.errors}, {"notes", r.notes}};
    h.returned = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return h.returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* relplan_export_plan() {
    WebHost& h = relplan::web::host();
    h.returned = h.app->export_plan_text();
    return h.returned.c_str();
}

// A file picked or dropped in the page; `purpose` is a platform::OpenPurpose value.
EMSCRIPTEN_KEEPALIVE void relplan_open_file(int purpose, const char* name, const char* bytes, int length) {
    relplan::web::host().app->open_bytes(static_cast<relplan::ui::platform::OpenPurpose>(purpose), name ? name : "file",
                                         std::string_view(bytes, static_cast<size_t>(std::max(0, length))));
}

EMSCRIPTEN_KEEPALIVE void relplan_restore_recovery(const char* text, int unsaved) {
    relplan::web::host().app->restore_recovery(text ? text : "", unsaved != 0);
}

// The text of a paste event, with its length: `git log -z` output keeps its NUL bytes (ImGui reads
// it through platform::clipboard_text when Ctrl+V reaches a text field).
EMSCRIPTEN_KEEPALIVE void relplan_paste(const char* text, int length) {
    relplan::web::host().clipboard.assign(text, static_cast<size_t>(std::max(0, length)));
}

// Text committed in the hidden field relplan_api.js keeps focused: typed characters, dead-key
// results and finished IME compositions, as UTF-8 (astral characters included).
EMSCRIPTEN_KEEPALIVE void relplan_text_input(const char* text) { ImGui::GetIO().AddInputCharactersUTF8(text); }

// Share links (plan/share_link.hpp): the dictionary payload of a plan's JSON, or the JSON a payload
// holds (inflated at most to the plan cap). Both return 1 with the result in relplan_returned(), or 0
// with the error message there; relplan_returned_size() is its length in bytes.
EMSCRIPTEN_KEEPALIVE int relplan_share_payload(const char* json, int length) {
    WebHost& h = relplan::web::host();
    auto r = relplan::share_payload(std::string_view(json, static_cast<size_t>(std::max(0, length))));
    h.returned = r ? std::move(*r) : r.error().message;
    return r ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int relplan_read_share_payload(const char* bytes, int length) {
    WebHost& h = relplan::web::host();
    auto r = relplan::read_share_payload(std::string_view(bytes, static_cast<size_t>(std::max(0, length))),
                                         relplan::max_plan_bytes);
    h.returned = r ? std::move(*r) : r.error().message;
    return r ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* relplan_returned() { return relplan::web::host().returned.data(); }
EMSCRIPTEN_KEEPALIVE int relplan_returned_size() { return static_cast<int>(relplan::web::host().returned.size()); }

// Browser Back/Forward: show the view the history entry names.
EMSCRIPTEN_KEEPALIVE void relplan_show_view(const char* name) { relplan::web::host().app->show_view(name ? name : ""); }

// Wheel input, already normalised to lines by relplan_api.js (emscripten 3.1.6's GLFW passes raw
// horizontal pixels and coarse vertical steps, which made lists jump by hundreds of rows).
EMSCRIPTEN_KEEPALIVE void relplan_wheel(double dx, double dy) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(dx);
    io.MouseWheel += static_cast<float>(dy);
}

EMSCRIPTEN_KEEPALIVE void relplan_show_message(const char* title, const char* detail) {
    relplan::web::host().app->show_message(title ? title : "", {detail ? detail : ""});
}

// Another tab holds the lock of the plan this tab just opened (relplan_api.js, Web Locks).
EMSCRIPTEN_KEEPALIVE void relplan_offer_second_tab(const char* plan_name) {
    relplan::web::host().app->offer_second_tab(plan_name ? plan_name : "");
}

EMSCRIPTEN_KEEPALIVE int relplan_has_unsaved() { return relplan::web::host().app->has_unsaved_changes() ? 1 : 0; }

// window.relplan.testHooks: 0 = anchors (framebuffer pixels), 1 = facts; both as of the last frame.
EMSCRIPTEN_KEEPALIVE const char* relplan_test_hooks(int what) {
    WebHost& h = relplan::web::host();
    h.returned = what == 0 ? relplan::ui::test_hooks::anchors_json() : relplan::ui::test_hooks::facts_json();
    return h.returned.c_str();
}

}  // extern "C"

int main() {
    js_mark("main");
    WebHost& h = relplan::web::host();
    if (!glfwInit()) {
        EM_ASM({ Module.relplanFatal("GLFW could not start in this browser."); });
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Made at the size the first frame needs: resizing a WebGL canvas reallocates its buffers, which
    // cost the first frame a tenth of a second with software rendering.
    canvas_pixels(h.canvas_w, h.canvas_h);
    h.window = glfwCreateWindow(h.canvas_w, h.canvas_h, "Release Planner", nullptr, nullptr);
    if (!h.window) {
        EM_ASM({ Module.relplanFatal("WebGL2 is not available in this browser, so the planner cannot draw."); });
        return 1;
    }
    glfwMakeContextCurrent(h.window);
    js_mark("gl-context");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    relplan::ui::AppConfig cfg;
    cfg.ui_scale = static_cast<float>(pixel_ratio());
    h.app = new relplan::ui::App(cfg);  // lives for the page's lifetime
    js_mark("app");
    h.app->build_fonts();
    ImGui_ImplGlfw_InitForOpenGL(h.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGuiIO& io = ImGui::GetIO();
    io.ImeSetInputScreenPosFn = set_ime_position;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    glfwSetScrollCallback(h.window, nullptr);  // relplan_api.js feeds relplan_wheel instead
    // Text comes from relplan_api.js's hidden text field (relplan_text_input), which also sees IME
    // compositions and dead keys; GLFW's keypress characters would arrive twice.
    glfwSetCharCallback(h.window, nullptr);
    EM_ASM({ Module.relplanStarted(); });
    emscripten_set_main_loop_arg(frame, &h, 0, true);
    return 0;
}

// relplan-desktop: the planner in a native window (GLFW + OpenGL 3.3 + Dear ImGui).
//
//   relplan-desktop [--plan FILE] [--theme light|dark] [--size WxH] [--tab NAME]
//                   [--screenshot OUT.png [--frames N]]   render N frames (default 6), save, exit 0
//                   [--bench-frames N]                     print frame-time percentiles, exit
//                   [--script FILE [--out DIR]]            play a test scenario, exit 1 on a failure
//
// The script commands are listed in script_player.hpp.
#include "app/app.hpp"

#include "platform_desktop.hpp"
#include "screenshot.hpp"
#include "script_player.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <memory>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>


namespace {

struct Options {
    std::string plan;
    std::string theme;
    std::string screenshot;
    std::string tab;  // first tab shown: dashboard, release, calendar, timeline, versions, notes
    std::string script;
    std::string out = ".";
    int frames = 6;
    int bench_frames = 0;
    int width = 1440;
    int height = 900;
};

int usage(const char* msg) {
    if (msg) std::fprintf(stderr, "relplan-desktop: %s\n", msg);
    std::fprintf(stderr,
                 "usage: relplan-desktop [--plan FILE] [--theme light|dark] [--size WxH] [--tab NAME]\n"
                 "                       [--screenshot OUT.png [--frames N]] [--bench-frames N]\n"
                 "                       [--script FILE [--out DIR]]\n");
    return 2;
}

relplan::ui::App* g_app = nullptr;

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (g_app && count > 0) g_app->open_path(paths[0]);
}

void on_close(GLFWwindow* w) {
    if (g_app && !g_app->request_close()) glfwSetWindowShouldClose(w, GLFW_FALSE);
}

// Reads the command line into `o`; an exit code when the program should stop here (help, a bad option).
std::optional<int> parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--help" || a == "-h") { usage(nullptr); return 0; }
        if (a == "--plan" && (v = next())) o.plan = v;
        else if (a == "--theme" && (v = next())) o.theme = v;
        else if (a == "--tab" && (v = next())) o.tab = v;
        else if (a == "--script" && (v = next())) o.script = v;
        else if (a == "--out" && (v = next())) o.out = v;
        else if (a == "--screenshot" && (v = next())) o.screenshot = v;
        else if (a == "--frames" && (v = next())) o.frames = std::max(1, std::atoi(v));
        else if (a == "--bench-frames" && (v = next())) o.bench_frames = std::max(1, std::atoi(v));
        else if (a == "--size" && (v = next())) {
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150)
                return usage("--size wants WxH, at least 200x150");
        } else return usage(("unknown or incomplete option " + a).c_str());
    }
    return std::nullopt;
}

// --plan, then a recovery copy of it (or, without --plan, the newest one) over it as unsaved work;
// copies of other plans stay where they are.
void open_first_plan(relplan::ui::App& app, std::string plan) {
    namespace platform = relplan::ui::platform;
    if (!plan.empty()) {
        std::error_code ec;
        plan = std::filesystem::absolute(plan, ec).lexically_normal().string();
        app.open_path(plan);
        if (auto rec = platform::take_recovery(plan)) app.restore_recovery(rec->plan_json, true, rec->document);
    } else if (auto rec = platform::take_newest_recovery()) {
        app.restore_recovery(rec->plan_json, true, rec->document);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (std::optional<int> stop = parse_options(argc, argv, o)) return *stop;
    relplan::desktop::ScriptPlayer script;
    if (!o.script.empty() && !script.load(o.script, o.out)) return 2;
    const bool unattended = o.bench_frames || !o.screenshot.empty() || !o.script.empty();

    glfwSetErrorCallback([](int code, const char* desc) { std::fprintf(stderr, "GLFW error %d: %s\n", code, desc); });
    if (!glfwInit()) {
        std::fprintf(stderr, "relplan-desktop: cannot initialise GLFW (no display? try xvfb-run)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(o.width, o.height, "Release Planner", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "relplan-desktop: cannot create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(unattended ? 0 : 1);
    relplan::ui::platform::set_desktop_window(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(window, &xs, &ys);
    relplan::ui::AppConfig cfg;
    cfg.ui_scale = std::clamp(xs, 1.0f, 4.0f);
    cfg.theme = o.theme;
    cfg.initial_tab = o.tab;
    // On the heap so it can be destroyed while the GL context still exists (the timeline shader
    // owns GL objects).
    auto app_owner = std::make_unique<relplan::ui::App>(cfg);
    relplan::ui::App& app = *app_owner;
    g_app = &app;
    open_first_plan(app, o.plan);

    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    glfwSetDropCallback(window, on_drop);
    glfwSetWindowCloseCallback(window, on_close);
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float x, float) {
        if (g_app) g_app->set_ui_scale(std::clamp(x, 1.0f, 4.0f));
    });

    std::vector<double> frame_ms;
    int frame = 0;
    int exit_code = 0;
    while (!glfwWindowShouldClose(window)) {
        if (unattended) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);  // idle without spinning; timers (countdowns) still tick
        relplan::ui::platform::run_dialog_answers();
        if (app.needs_font_rebuild()) {
            app.build_fonts();
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        auto t0 = std::chrono::steady_clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        relplan::ui::App::limit_frame_time();
        if (!o.script.empty()) {
            script.before_frame(app);
            if (script.finished()) break;
        }
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        auto t1 = std::chrono::steady_clock::now();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        if (!o.script.empty()) script.after_frame(fb_w, fb_h);
        if (o.bench_frames) {
            frame_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (frame >= o.bench_frames + 10) break;  // the first 10 frames warm up fonts and caches
            if (frame <= 10) frame_ms.clear();
        }
        if (!o.screenshot.empty() && frame >= o.frames) {
            if (!relplan::desktop::write_screenshot(o.screenshot, fb_w, fb_h)) {
                std::fprintf(stderr, "relplan-desktop: cannot write %s\n", o.screenshot.c_str());
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
    }
    if (o.bench_frames && !frame_ms.empty()) {
        std::sort(frame_ms.begin(), frame_ms.end());
        auto pct = [&](double p) { return frame_ms[std::min(frame_ms.size() - 1, static_cast<size_t>(p * frame_ms.size()))]; };
        std::printf("frames %zu  cpu ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f\n", frame_ms.size(), pct(0.5),
                    pct(0.9), pct(0.99), frame_ms.back());
    }
    if (!o.script.empty()) exit_code = script.summary(o.script);
    g_app = nullptr;
    app_owner.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

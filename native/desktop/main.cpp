// relplan-desktop: the planner in a native window (GLFW + OpenGL 3.3 + Dear ImGui).
//
//   relplan-desktop [--plan FILE] [--theme light|dark] [--size WxH] [--tab NAME]
//                   [--screenshot OUT.png [--frames N]]   render N frames (default 6), save, exit 0
//                   [--bench-frames N]                     print frame-time percentiles, exit
#include <relplan/ui/app.hpp>

#include "screenshot.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace relplan::ui::platform {
void set_desktop_window(GLFWwindow* w);
std::optional<std::string> load_setting(const std::string& key);
}

namespace {

struct Options {
    std::string plan;
    std::string theme;
    std::string screenshot;
    std::string tab;  // first tab shown: dashboard, release, calendar, timeline, versions, notes
    int frames = 6;
    int bench_frames = 0;
    int width = 1440;
    int height = 900;
};

int usage(const char* msg) {
    if (msg) std::fprintf(stderr, "relplan-desktop: %s\n", msg);
    std::fprintf(stderr,
                 "usage: relplan-desktop [--plan FILE] [--theme light|dark] [--size WxH] [--tab NAME]\n"
                 "                       [--screenshot OUT.png [--frames N]] [--bench-frames N]\n");
    return 2;
}

relplan::ui::App* g_app = nullptr;

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (g_app && count > 0) g_app->open_path(paths[0]);
}

void on_close(GLFWwindow* w) {
    if (g_app && !g_app->request_close()) glfwSetWindowShouldClose(w, GLFW_FALSE);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--help" || a == "-h") { usage(nullptr); return 0; }
        if (a == "--plan" && (v = next())) o.plan = v;
        else if (a == "--theme" && (v = next())) o.theme = v;
        else if (a == "--tab" && (v = next())) o.tab = v;
        else if (a == "--screenshot" && (v = next())) o.screenshot = v;
        else if (a == "--frames" && (v = next())) o.frames = std::max(1, std::atoi(v));
        else if (a == "--bench-frames" && (v = next())) o.bench_frames = std::max(1, std::atoi(v));
        else if (a == "--size" && (v = next())) {
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150)
                return usage("--size wants WxH, at least 200x150");
        } else return usage(("unknown or incomplete option " + a).c_str());
    }

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
    glfwSwapInterval(o.bench_frames || !o.screenshot.empty() ? 0 : 1);
    relplan::ui::platform::set_desktop_window(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(window, &xs, &ys);
    relplan::ui::AppConfig cfg;
    cfg.ui_scale = std::clamp(xs, 1.0f, 4.0f);
    cfg.theme = o.theme;
    cfg.initial_tab = o.tab;
    relplan::ui::App app(cfg);
    g_app = &app;
    if (!o.plan.empty()) app.open_path(o.plan);
    else if (auto rec = relplan::ui::platform::load_setting("recovery.plan")) app.restore_recovery(*rec, true);

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
        if (o.bench_frames || !o.screenshot.empty()) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);  // idle without spinning; timers (countdowns) still tick
        if (app.needs_font_rebuild()) {
            app.build_fonts();
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        auto t0 = std::chrono::steady_clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
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
    g_app = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

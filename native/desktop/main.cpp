// relplan-desktop: the planner in a native window (GLFW + OpenGL 3.3 + Dear ImGui).
//
//   relplan-desktop [--plan FILE] [--theme light|dark] [--size WxH] [--tab NAME]
//                   [--screenshot OUT.png [--frames N]]   render N frames (default 6), save, exit 0
//                   [--bench-frames N]                     print frame-time percentiles, exit
//                   [--script FILE [--out DIR]]            play a test scenario (below), exit 1 on a failure
//
// A script drives the window through ImGuiIO as a user would, one command per line (# comments):
//   click ANCHOR          move to the named widget (core/ui/app/test_hooks.hpp), press and release
//   rclick ANCHOR         the same with the right mouse button (context menus)
//   wheel ANCHOR N        over the widget, turn the mouse wheel N notches down (negative: up)
//   type TEXT             the rest of the line as typed characters
//   key ctrl+z            a key with modifiers: a-z, enter, tab, escape, backspace, delete, arrows
//   wait N                N more frames
//   shot NAME             screenshot DIR/NAME.png
//   remember FACT         keep the fact's current value as $FACT
//   expect-fact FACT V    the fact equals V; !V: differs; ~V: contains V ($FACT, $FACT+1: remembered)
//   drop FILE             open DIR/FILE as if dropped on the window
//   export FILE           write the open plan's JSON to DIR/FILE
#include "app/app.hpp"
#include "app/test_hooks.hpp"

#include "platform_desktop.hpp"
#include "screenshot.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <memory>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
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

// ---- --script: a scenario played through ImGuiIO -------------------------------------------------

struct Step {
    int line = 0;
    std::string verb;
    std::string arg;   // the rest of the line (FACT for expect-fact)
    std::string value;  // expect-fact's expected value
};

// Keys by script name: GLFW key codes, which ImGui 1.86 indexes io.KeysDown with.
int key_code(const std::string& name) {
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return name[0] - 'a' + 'A';
    static const std::map<std::string, int> named = {
        {"enter", GLFW_KEY_ENTER},   {"tab", GLFW_KEY_TAB},   {"escape", GLFW_KEY_ESCAPE},
        {"backspace", GLFW_KEY_BACKSPACE}, {"delete", GLFW_KEY_DELETE}, {"up", GLFW_KEY_UP},
        {"down", GLFW_KEY_DOWN},     {"left", GLFW_KEY_LEFT}, {"right", GLFW_KEY_RIGHT},
        {"home", GLFW_KEY_HOME},     {"end", GLFW_KEY_END}};
    auto it = named.find(name);
    return it == named.end() ? -1 : it->second;
}

struct KeyChord {
    bool ctrl = false, shift = false, alt = false;
    int key = -1;
};

std::optional<KeyChord> parse_chord(const std::string& text) {
    KeyChord k;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, '+')) {
        if (part == "ctrl") k.ctrl = true;
        else if (part == "shift") k.shift = true;
        else if (part == "alt") k.alt = true;
        else {
            int code = key_code(part);
            if (code < 0 || k.key >= 0) return std::nullopt;  // unknown, or a second key
            k.key = code;
        }
    }
    if (k.key < 0) return std::nullopt;
    return k;
}

class ScriptPlayer {
public:
    // Reads and checks the whole script first, so a typo fails before anything runs.
    bool load(const std::string& path, const std::string& out_dir) {
        out_ = out_dir;
        std::ifstream in(path);
        if (!in) {
            std::fprintf(stderr, "relplan-desktop: cannot read the script %s\n", path.c_str());
            return false;
        }
        std::string text;
        for (int n = 1; std::getline(in, text); ++n) {
            if (!text.empty() && text.back() == '\r') text.pop_back();
            std::size_t b = text.find_first_not_of(" \t");
            if (b == std::string::npos || text[b] == '#') continue;
            text = text.substr(b);
            Step st;
            st.line = n;
            std::size_t sp = text.find(' ');
            st.verb = text.substr(0, sp);
            st.arg = sp == std::string::npos ? "" : text.substr(sp + 1);
            if (st.verb == "expect-fact") {
                std::size_t v = st.arg.find(' ');
                st.value = v == std::string::npos ? "" : st.arg.substr(v + 1);
                st.arg = st.arg.substr(0, v);
            }
            static const char* verbs[] = {"click", "rclick", "wheel", "type", "key", "wait", "shot", "remember", "expect-fact", "drop", "export"};
            bool known = std::find(std::begin(verbs), std::end(verbs), st.verb) != std::end(verbs);
            bool arg_ok = !st.arg.empty() && (st.verb != "key" || parse_chord(st.arg)) &&
                          (st.verb != "wait" || std::atoi(st.arg.c_str()) > 0) &&
                          (st.verb != "wheel" || st.arg.find(' ') != std::string::npos);
            if (!known || !arg_ok) {
                std::fprintf(stderr, "%s:%d: cannot read \"%s\" (see relplan-desktop's header for the commands)\n",
                             path.c_str(), n, text.c_str());
                return false;
            }
            steps_.push_back(std::move(st));
        }
        return true;
    }

    bool finished() const { return pc_ >= steps_.size(); }

    // Between ImGui_ImplGlfw_NewFrame and ImGui::NewFrame: runs the commands that need no frame, then
    // sets this frame's input for the current one. The window's own input is ignored meanwhile.
    void before_frame(relplan::ui::App& app) {
        ImGuiIO& io = ImGui::GetIO();
        for (;;) {
            while (!finished() && run_instant(app)) next();
            if (finished()) break;
            const Step& st = steps_[pc_];
            bool aims = st.verb == "click" || st.verb == "rclick" || st.verb == "wheel";
            if (!aims || sub_ > 0 || aim(st)) break;  // a failed aim reported itself and moved on
        }
        std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
        std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        io.MouseWheel = io.MouseWheelH = 0.0f;
        io.DeltaTime = 1.0f / 60.0f;  // frames, not wall time, pace the scenario
        if (finished()) return;
        const Step& st = steps_[pc_];
        io.MousePos = mouse_;
        if (st.verb == "click") {
            io.MouseDown[0] = sub_ == 1;
        } else if (st.verb == "rclick") {
            io.MouseDown[1] = sub_ == 1;
        } else if (st.verb == "wheel") {
            if (sub_ == 1) io.MouseWheel = -static_cast<float>(std::atoi(st.arg.c_str() + st.arg.find(' ')));
        } else if (st.verb == "type" && sub_ == 0) {
            io.AddInputCharactersUTF8(st.arg.c_str());
        } else if (st.verb == "key" && sub_ == 0) {
            KeyChord k = *parse_chord(st.arg);
            io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] = k.ctrl;
            io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] = k.shift;
            io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] = k.alt;
            io.KeysDown[k.key] = true;
        }
    }

    // After the frame is drawn (before the buffer swap): screenshots, then the next step when due.
    void after_frame(int fb_w, int fb_h) {
        if (finished()) return;
        const Step& st = steps_[pc_];
        if (st.verb == "shot") {
            std::string path = out_ + "/" + st.arg + ".png";
            if (!relplan::desktop::write_screenshot(path, fb_w, fb_h)) report(false, st, "cannot write " + path);
            next();
            return;
        }
        // Input steps hold for their frames, then leave 3 frames for popups to appear and settle.
        int frames = st.verb == "click" || st.verb == "rclick" || st.verb == "wheel" ? 2 + 3 : st.verb == "wait" ? std::atoi(st.arg.c_str()) : 1 + 3;
        if (++sub_ >= frames) next();
    }

    int summary(const std::string& script) const {
        std::printf("relplan-desktop --script %s: %d passed, %d failed\n", script.c_str(), passed_, failed_);
        return failed_ == 0 ? 0 : 1;
    }

private:
    void next() {
        ++pc_;
        sub_ = 0;
    }

    void report(bool ok, const Step& st, const std::string& detail) {
        (ok ? passed_ : failed_)++;
        std::printf("%s line %d: %s %s%s%s%s\n", ok ? "ok  " : "FAIL", st.line, st.verb.c_str(), st.arg.c_str(),
                    st.value.empty() ? "" : " ", st.value.c_str(), detail.empty() ? "" : (" -- " + detail).c_str());
        std::fflush(stdout);
    }

    // The anchor's click point (left part, vertical middle: labels sit right of fields) in ImGui
    // coordinates; a missing anchor fails the step.
    bool aim(const Step& st) {
        std::optional<relplan::ui::test_hooks::Rect> r = relplan::ui::test_hooks::find_anchor(st.arg.substr(0, st.arg.find(' ')));
        if (!r) {
            report(false, st, "no widget with this anchor is on screen");
            next();
            return false;
        }
        const ImVec2 fb = ImGui::GetIO().DisplayFramebufferScale;
        float sx = fb.x > 0 ? fb.x : 1.0f, sy = fb.y > 0 ? fb.y : 1.0f;
        mouse_ = ImVec2(r->x / sx + std::min(r->w / sx / 2.0f, 12.0f), r->y / sy + r->h / sy / 2.0f);
        return true;
    }

    // $NAME is a remembered value; $NAME+N / $NAME-N adds to a remembered number.
    std::string substitute(const std::string& text) const {
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t end = i + 1;
            while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
            auto it = text[i] == '$' ? remembered_.find(text.substr(i + 1, end - i - 1)) : remembered_.end();
            if (it == remembered_.end()) {
                out += text[i++];
                continue;
            }
            std::string value = it->second;
            if (end + 1 < text.size() && (text[end] == '+' || text[end] == '-') && std::isdigit(static_cast<unsigned char>(text[end + 1]))) {
                char* stop = nullptr;
                long delta = std::strtol(text.c_str() + end, &stop, 10);
                value = std::to_string(std::atol(value.c_str()) + delta);
                end = static_cast<std::size_t>(stop - text.c_str());
            }
            out += value;
            i = end;
        }
        return out;
    }

    // Commands that take no frame; false when the current step is an input or frame step.
    bool run_instant(relplan::ui::App& app) {
        const Step& st = steps_[pc_];
        if (st.verb == "remember") {
            std::optional<std::string> v = relplan::ui::test_hooks::fact(st.arg);
            if (!v) report(false, st, "no such fact");
            else remembered_[st.arg] = *v;
            return true;
        }
        if (st.verb == "expect-fact") {
            std::optional<std::string> v = relplan::ui::test_hooks::fact(st.arg);
            std::string want = substitute(st.value);
            bool ok = false;
            if (!want.empty() && want[0] == '!') ok = v && *v != want.substr(1);
            else if (!want.empty() && want[0] == '~') ok = v && v->find(want.substr(1)) != std::string::npos;
            else ok = v && *v == want;
            report(ok, st, v ? "is \"" + *v + "\"" : "no such fact");
            return true;
        }
        if (st.verb == "drop") {
            app.open_path(out_ + "/" + st.arg);
            return true;
        }
        if (st.verb == "export") {
            std::ofstream f(out_ + "/" + st.arg, std::ios::binary);
            f << app.export_plan_text();
            if (!f) report(false, st, "cannot write " + out_ + "/" + st.arg);
            return true;
        }
        return false;
    }

    std::vector<Step> steps_;
    std::size_t pc_ = 0;
    int sub_ = 0;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    std::map<std::string, std::string> remembered_;
    std::string out_;
    int passed_ = 0;
    int failed_ = 0;
};

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
    ScriptPlayer script;
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

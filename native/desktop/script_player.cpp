// The scenario player behind relplan-desktop --script (script_player.hpp lists the commands).
#include "script_player.hpp"

#include "app/test_hooks.hpp"
#include "platform/platform.hpp"
#include "screenshot.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

namespace relplan::desktop {

namespace {

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

}  // namespace

bool ScriptPlayer::load(const std::string& path, const std::string& out_dir) {
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
        static const char* verbs[] = {"click", "rclick", "wheel", "type", "key", "wait", "shot", "remember",
                                      "expect-fact", "drop", "export", "clipboard"};
        bool known = std::find(std::begin(verbs), std::end(verbs), st.verb) != std::end(verbs);
        bool arg_ok = !st.arg.empty() && (st.verb != "key" || parse_chord(st.arg)) &&
                      (st.verb != "wait" || std::atoi(st.arg.c_str()) > 0) &&
                      (st.verb != "wheel" || st.arg.find(' ') != std::string::npos);
        if (!known || !arg_ok) {
            std::fprintf(stderr, "%s:%d: cannot read \"%s\" (see native/desktop/script_player.hpp for the commands)\n",
                         path.c_str(), n, text.c_str());
            return false;
        }
        steps_.push_back(std::move(st));
    }
    return true;
}

void ScriptPlayer::before_frame(ui::App& app) {
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

void ScriptPlayer::after_frame(int fb_w, int fb_h) {
    if (finished()) return;
    const Step& st = steps_[pc_];
    if (st.verb == "shot") {
        std::string path = out_ + "/" + st.arg + ".png";
        if (!write_screenshot(path, fb_w, fb_h)) report(false, st, "cannot write " + path);
        next();
        return;
    }
    // Input steps hold for their frames, then leave 3 frames for popups to appear and settle.
    int frames = st.verb == "click" || st.verb == "rclick" || st.verb == "wheel" ? 2 + 3 : st.verb == "wait" ? std::atoi(st.arg.c_str()) : 1 + 3;
    if (++sub_ >= frames) next();
}

int ScriptPlayer::summary(const std::string& script) const {
    std::printf("relplan-desktop --script %s: %d passed, %d failed\n", script.c_str(), passed_, failed_);
    return failed_ == 0 ? 0 : 1;
}

void ScriptPlayer::next() {
    ++pc_;
    sub_ = 0;
}

void ScriptPlayer::report(bool ok, const Step& st, const std::string& detail) {
    (ok ? passed_ : failed_)++;
    std::printf("%s line %d: %s %s%s%s%s\n", ok ? "ok  " : "FAIL", st.line, st.verb.c_str(), st.arg.c_str(),
                st.value.empty() ? "" : " ", st.value.c_str(), detail.empty() ? "" : (" -- " + detail).c_str());
    std::fflush(stdout);
}

// The anchor's click point (left part, vertical middle: labels sit right of fields) in ImGui
// coordinates; a missing anchor fails the step.
bool ScriptPlayer::aim(const Step& st) {
    std::optional<ui::test_hooks::Rect> r = ui::test_hooks::find_anchor(st.arg.substr(0, st.arg.find(' ')));
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
std::string ScriptPlayer::substitute(const std::string& text) const {
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

// Writes `text` to DIR/<the step's argument>; a failure is reported.
bool ScriptPlayer::write_out(const Step& st, const std::string& text) {
    std::ofstream f(out_ + "/" + st.arg, std::ios::binary);
    f << text;
    if (!f) report(false, st, "cannot write " + out_ + "/" + st.arg);
    return true;
}

// Commands that take no frame; false when the current step is an input or frame step.
bool ScriptPlayer::run_instant(ui::App& app) {
    const Step& st = steps_[pc_];
    if (st.verb == "remember") {
        std::optional<std::string> v = ui::test_hooks::fact(st.arg);
        if (!v) report(false, st, "no such fact");
        else remembered_[st.arg] = *v;
        return true;
    }
    if (st.verb == "expect-fact") {
        std::optional<std::string> v = ui::test_hooks::fact(st.arg);
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
    if (st.verb == "export") return write_out(st, app.export_plan_text());
    if (st.verb == "clipboard") return write_out(st, ui::platform::clipboard_text());
    return false;
}

}  // namespace relplan::desktop

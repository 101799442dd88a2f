// relplan-desktop --script: a test scenario played through ImGuiIO as a user would, one command per
// line (# comments):
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
//   clipboard FILE        write the clipboard's text (what File > Copy share link copied) to DIR/FILE
// Each step's outcome is a line "ok   line N: …" or "FAIL line N: …" on stdout.
#pragma once

#include "app/app.hpp"

#include <imgui.h>

#include <cfloat>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace relplan::desktop {

class ScriptPlayer {
public:
    // Reads and checks the whole script first, so a typo fails before anything runs.
    bool load(const std::string& path, const std::string& out_dir);
    bool finished() const { return pc_ >= steps_.size(); }
    // Between ImGui_ImplGlfw_NewFrame and ImGui::NewFrame: runs the commands that need no frame, then
    // sets this frame's input for the current one. The window's own input is ignored meanwhile.
    void before_frame(ui::App& app);
    // After the frame is drawn (before the buffer swap): screenshots, then the next step when due.
    void after_frame(int fb_w, int fb_h);
    // Prints the totals; the exit code (0: every check passed).
    int summary(const std::string& script) const;

    struct Step {
        int line = 0;
        std::string verb;
        std::string arg;    // the rest of the line (FACT for expect-fact)
        std::string value;  // expect-fact's expected value
    };

private:
    void next();
    void report(bool ok, const Step& st, const std::string& detail);
    bool aim(const Step& st);
    std::string substitute(const std::string& text) const;
    bool run_instant(ui::App& app);
    bool write_out(const Step& st, const std::string& text);

    std::vector<Step> steps_;
    std::size_t pc_ = 0;
    int sub_ = 0;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    std::map<std::string, std::string> remembered_;
    std::string out_;
    int passed_ = 0;
    int failed_ = 0;
};

}  // namespace relplan::desktop

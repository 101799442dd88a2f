// A headless driver for the shared UI: an ImGui context with no window, no GL and no backend; the
// App over the fake platform (fake_platform.hpp); input given frame by frame through ImGuiIO as the
// GLFW backends give it (Dear ImGui 1.86: io.MousePos, io.MouseDown, io.KeysDown indexed by GLFW key
// codes, io.AddInputCharactersUTF8). Frames are paced by frames, never by the wall clock.
//
// Widgets are found by their test anchors (core/ui/app/test_anchors.hpp), as the desktop's --script
// player and the page tests find them. ImGui's assertions are on (relplan_imconfig_checked.h) and
// throw ImGuiAssertion out of the frame that broke one.
#pragma once

#include "app/app.hpp"
#include "app/test_hooks.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct ImGuiContext;

namespace relplan::ui::test {

struct ImGuiAssertion : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Key codes as both GLFW backends report them (ImGui 1.86 indexes io.KeysDown with them).
namespace key {
inline constexpr int enter = 257, escape = 256, tab = 258, backspace = 259, del = 261;
inline constexpr int right = 262, left = 263, down = 264, up = 265, f1 = 290;
}  // namespace key

struct Chord {
    int key = 0;  // key:: code or an upper-case ASCII letter
    bool ctrl = false;
    bool shift = false;
};

class UiHarness {
public:
    // A fresh ImGui context (1440x900, scale 1) and App, the fake platform reset to `abilities`.
    explicit UiHarness(AppConfig config = {}, platform::Abilities abilities = {});
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    App& app() { return *app_; }

    // Draws `n` frames with the mouse where it is and no button or key held.
    void frames(int n = 1);
    // Where the named widget was in the last frame, or nothing when it is not on screen.
    std::optional<test_hooks::Rect> find(std::string_view anchor) const;
    // Moves to the anchor's click point (its left part, vertically centred, as the script player
    // aims), presses and releases the left button, then lets popups settle. False when not on screen.
    bool click(std::string_view anchor);
    // Turns the mouse wheel down over (x, y), a notch a frame, until the named widget is on screen
    // (a long view scrolls); false when it is not after `notches`.
    bool scroll_to(std::string_view anchor, float x, float y, int notches = 40);
    // Left button pressed at (x0, y), moved to (x1, y) in `steps` frames and held there; release()
    // lets go.
    void press_and_drag(float x0, float x1, float y, int steps);
    void release();
    void type(std::string_view utf8);
    void press(Chord chord);
    std::string fact(std::string_view name) const;

private:
    void frame();

    ImGuiContext* context_ = nullptr;
    std::unique_ptr<App> app_;
};

}  // namespace relplan::ui::test

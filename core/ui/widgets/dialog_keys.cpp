#include "widgets/dialog_keys.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the active text field's flags: Enter belongs to a multi-line field

namespace relplan::ui {

namespace {
bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// The dialog is the focused window: nothing (a combo, a picker, another dialog) is open over it; and
// it did not just appear, so the key that closed one dialog does not also answer the next.
bool on_top() { return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsWindowAppearing(); }
}  // namespace

bool dialog_confirmed() {
    if (!on_top() || !(pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))) return false;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool multiline = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && (g.InputTextState.Flags & ImGuiInputTextFlags_Multiline);
    return !multiline || ImGui::GetIO().KeyCtrl;
}

bool dialog_cancelled() { return on_top() && pressed(ImGuiKey_Escape); }

}  // namespace relplan::ui

// Desktop-only services main.cpp needs beyond platform.hpp.
#pragma once

#include <optional>
#include <string>

struct GLFWwindow;

namespace relplan::ui::platform {

void set_desktop_window(GLFWwindow* w);

// Hands finished file dialogs' answers to the app; the main loop calls it before each frame.
void run_dialog_answers();

// Unsaved work a session left: one recovery copy per document (its path, or its name when it was
// never saved). Taking a copy makes this session its owner: the copy is removed once the plan is saved
// or the user discards the changes, never before, and copies of other documents are left alone.
struct Recovery {
    std::string document;
    std::string plan_json;
};
// The copy of `document` (a path given with --plan), if one was left.
std::optional<Recovery> take_recovery(const std::string& document);
// The most recent copy of any document (a start without --plan).
std::optional<Recovery> take_newest_recovery();

}  // namespace relplan::ui::platform

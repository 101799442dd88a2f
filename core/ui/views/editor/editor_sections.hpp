// The release editor's sections, one file per group (editor_<group>.cpp), and the small helpers
// they share. Internal to the editor: view_editor.cpp lays the sections out.
//
// Every field edit goes through widgets.hpp (one undo step per edit); buttons that change the plan
// call commit_now().
#pragma once

#include "plan/labels.hpp"

#include "app/state.hpp"
#include "plan/commit_import.hpp"
#include "plan/plan.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui::editor {

inline const ImVec4 red(0.85f, 0.22f, 0.2f, 1.0f);
inline const ImVec4 orange(0.85f, 0.55f, 0.1f, 1.0f);
inline const ImVec4 green(0.2f, 0.62f, 0.3f, 1.0f);

inline float px(const App::State& s, float v) { return v * s.config.ui_scale; }
// One undo step for a button's change.
void commit_now(App::State& s);
// A tooltip on the last item.
void tooltip(const char* text);
// The small "x" that removes a row; `what` names the row in its tooltip.
bool remove_button(const char* what);
// Below a table of `rows`: drops row `remove` (when >= 0), then a button `add_label` that appends an
// empty row; each change is one undo step.
template <class T>
void remove_then_add(App::State& s, std::vector<T>& rows, int remove, const char* add_label) {
    if (remove >= 0) {
        rows.erase(rows.begin() + remove);
        commit_now(s);
    }
    if (ImGui::Button(add_label)) {
        rows.push_back(T{});
        commit_now(s);
    }
}
std::int64_t days_between(const Date& from, const Date& to);
Date add_days(const Date& d, std::int64_t n);
// "Name 1.4.0" (the id when unnamed).
using relplan::release_label;
std::string_view gate_label(GateKind k);
// Why the release may not move to approved / frozen / released: its failed or pending required gates.
std::vector<std::string> gate_blockers(const Release& r);
bool needs_gates(ReleaseStatus st);
using relplan::category_label;
// Days before the release a communication is due (its own, else the release type's notice period).
int notice_days(const Plan& plan, const Release& r, const Communication& c);

}  // namespace relplan::ui::editor

namespace relplan::ui {

struct SemverSuggestion {
    std::string version;  // empty: no suggestion
    std::string why;
    std::string error;
};

// Work the editor keeps between frames, since a release imported from a long git log has thousands of
// changes: the version suggestion of the release last shown (recomputed when the plan, the release,
// its base or the pre-release id changed), and the parsed text of the "Paste git log" dialog.
struct EditorCache {
    bool valid = false;
    unsigned revision = 0;
    std::string release;
    std::string base;
    std::string preid;
    SemverSuggestion suggestion;

    std::string pasted;  // the dialog's text as last parsed
    std::size_t commits = 0;
    std::string log;     // NUL-separated messages
    CommitChanges preview;
};

}  // namespace relplan::ui

namespace relplan::ui::editor {

// The sections, in the editor's order (editor_scope.cpp, editor_version.cpp, editor_changes.cpp,
// editor_communication.cpp, editor_quality.cpp, editor_deployment.cpp).
void section_scope(App::State& s, Release& r);
void section_version(App::State& s, Release& r);
void section_timeline(App::State& s, Release& r);
void section_changes(App::State& s, Release& r);
// Who receives the release and who must act (editor_consumers.cpp).
void section_consumers(App::State& s, Release& r);
void section_communication(App::State& s, Release& r);
void section_risks(App::State& s, Release& r);
void section_gates(App::State& s, Release& r);
void section_notes_content(App::State& s, Release& r);
void section_deployment(App::State& s, Release& r);
void section_review(App::State& s, Release& r);
// The "Paste git log" dialog; runs once per frame.
void git_log_dialog(App::State& s);

}  // namespace relplan::ui::editor

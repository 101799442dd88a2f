// Editing widgets bound to the document: each edits a field of the open plan in place and marks the
// document touched, so the frame's commit turns the edit into one undo step.
#pragma once

#include "app/state.hpp"
#include "app/test_anchors.hpp"

#include "plan/plan.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace relplan::ui {

std::string date_text(const Date& d);
std::string date_text(const std::optional<Date>& d);  // "" when unset
std::optional<Date> parse_date_text(const std::string& text);  // YYYY-MM-DD that exists
Date today();

bool edit_text(App::State& s, const char* label, std::string& value, const char* hint = nullptr);
bool edit_multiline(App::State& s, const char* label, std::string& value, float lines = 3.0f);
// Accepts YYYY-MM-DD (empty clears); an invalid entry is shown in red and not applied.
bool edit_date(App::State& s, const char* label, std::optional<Date>& value);
// Puts the next date field beside the last item when it fits in the window, else on the next line.
void next_date_field_beside(const char* label);
bool edit_bool(App::State& s, const char* label, bool& value);
bool edit_int(App::State& s, const char* label, std::int32_t& value, int min, int max);
bool edit_lines(App::State& s, const char* label, std::vector<std::string>& lines);

template <class E>
bool edit_enum(App::State& s, const char* label, E& value) {
    bool changed = false;
    std::string current(to_string(value));
    if (ImGui::BeginCombo(label, current.c_str())) {
        for (E v : all_values<E>()) {
            std::string name(to_string(v));
            if (ImGui::Selectable(name.c_str(), v == value)) {
                value = v;
                changed = true;
            }
            anchor("option." + name);
        }
        ImGui::EndCombo();
    }
    if (changed) s.doc.touch();
    return changed;
}

// A list editor row's "Remove" button, on the row's line: removes element `i` (one undo step).
template <class T>
bool remove_row_button(App::State& s, std::vector<T>& list, std::size_t i) {
    ImGui::SameLine();
    if (!ImGui::SmallButton("Remove")) return false;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
    s.doc.touch();
    s.doc.commit();
    return true;
}

// Small helpers for consistent layout.
void help_marker(const char* text);
void section_title(const char* text);  // a labelled separator (ImGui 1.86 has no SeparatorText)
ImVec4 status_color(ReleaseStatus status);

}  // namespace relplan::ui

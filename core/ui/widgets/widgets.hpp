// Editing widgets bound to the document: each edits a field of the open plan in place and marks the
// document touched, so the frame's commit turns the edit into one undo step.
#pragma once

#include "app/state.hpp"
#include "app/test_anchors.hpp"

#include "plan/plan.hpp"

#include <imgui.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
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

// A checkbox for whether an optional setting is there: ticking it sets a default T, clearing it
// removes the setting. True when it was toggled.
template <class T>
bool edit_presence(App::State& s, const char* label, std::optional<T>& value) {
    bool on = value.has_value();
    if (!ImGui::Checkbox(label, &on)) return false;
    value = on ? std::optional<T>(T{}) : std::nullopt;
    s.doc.touch();
    return true;
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

// A list editor: `row(item, i)` draws each row's fields, in the row's own ID scope, and the row's
// "Remove" button follows them.
template <class T, class Row>
void edit_rows(App::State& s, std::vector<T>& list, Row row) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        row(list[i], i);
        const bool removed = remove_row_button(s, list, i);
        ImGui::PopID();
        if (removed) break;  // the rest moved up a place: they are drawn next frame
    }
}

// A list editor's "Add" button appends `item` (one undo step).
template <class T>
void add_row(App::State& s, std::vector<T>& list, T item) {
    list.push_back(std::move(item));
    s.doc.touch();
    s.doc.commit();
}

// A text input shown in `problem_color`, with `problem` as its tooltip, while `invalid`; true when the
// text was edited. `width` is in screen pixels.
bool input_text_checked(const char* label, const char* hint, std::string& text, float width, bool invalid,
                        const ImVec4& problem_color, const char* problem);

// Begins window `title` while `open`, sized `width` x `height` (pixels at scale 1) when first shown.
// False when it is collapsed: ImGui::End() has then been called and there is nothing to draw.
bool begin_window(App::State& s, const char* title, bool& open, float width, float height);

// Columns with these names and the header row that shows them.
void header_row(std::initializer_list<const char*> names);

// Small helpers for consistent layout.
void help_marker(const char* text);
void section_title(const char* text);  // a labelled separator (ImGui 1.86 has no SeparatorText)
ImVec4 status_color(ReleaseStatus status);

}  // namespace relplan::ui

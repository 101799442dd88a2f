#include "widgets/widgets.hpp"

#include "widgets/date_picker.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

namespace relplan::ui {

std::string date_text(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::string date_text(const std::optional<Date>& d) { return d ? date_text(*d) : std::string(); }

std::optional<Date> parse_date_text(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    Date date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!date.ok() || y < 1900 || y > 9999) return std::nullopt;
    return date;
}

Date today() {
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

bool edit_text(App::State& s, const char* label, std::string& value, const char* hint) {
    bool changed = hint ? ImGui::InputTextWithHint(label, hint, &value) : ImGui::InputText(label, &value);
    if (changed) s.doc.touch();
    return changed;
}

bool edit_multiline(App::State& s, const char* label, std::string& value, float lines) {
    bool changed = ImGui::InputTextMultiline(label, &value, ImVec2(-1, ImGui::GetTextLineHeight() * lines + 8));
    if (changed) s.doc.touch();
    return changed;
}

namespace {
float date_field_width() { return ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4; }
}  // namespace

void next_date_field_beside(const char* label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    // The field, its label and the picker's arrow button (date_picker).
    const float width = date_field_width() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x +
                        st.ItemSpacing.x + ImGui::GetFrameHeight();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + width <= right) ImGui::SameLine();
}

bool edit_date(App::State& s, const char* label, std::optional<Date>& value) {
    // The text being typed lives per widget id until it parses (or the field is left).
    auto& drafts = s.field_drafts;
    ImGuiID id = ImGui::GetID(label);
    auto it = drafts.find(id);
    std::string text = it != drafts.end() ? it->second : date_text(value);
    bool invalid = it != drafts.end() && !text.empty() && !parse_date_text(text);
    bool edited = input_text_checked(label, "YYYY-MM-DD", text, date_field_width(), invalid, ImVec4(0.9f, 0.2f, 0.2f, 1.0f),
                                     "Not a date: use YYYY-MM-DD (a day that exists)");
    bool changed = false;
    if (edited) {
        drafts[id] = text;
        std::optional<Date> parsed = text.empty() ? std::nullopt : parse_date_text(text);
        if (text.empty() || parsed) {
            if (parsed != value) {
                value = parsed;
                changed = true;
                s.doc.touch();
            }
        }
    }
    if (!ImGui::IsItemActive() && !edited && it != drafts.end() && !invalid) drafts.erase(id);
    if (date_picker(s, label, value)) {
        drafts.erase(id);
        changed = true;
    }
    return changed;
}

bool edit_bool(App::State& s, const char* label, bool& value) {
    bool changed = ImGui::Checkbox(label, &value);
    if (changed) s.doc.touch();
    return changed;
}

bool edit_int(App::State& s, const char* label, std::int32_t& value, int min, int max) {
    int v = value;
    bool changed = ImGui::InputInt(label, &v) && v != value;
    if (changed) {
        value = std::clamp(v, min, max);
        s.doc.touch();
    }
    return changed;
}

bool edit_lines(App::State& s, const char* label, std::vector<std::string>& lines) {
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) joined += (i ? "\n" : "") + lines[i];
    float h = ImGui::GetTextLineHeight() * static_cast<float>(std::clamp<std::size_t>(lines.size() + 1, 2, 8)) + 8;
    if (!ImGui::InputTextMultiline(label, &joined, ImVec2(-1, h))) return false;
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('\n', start);
        if (end == std::string::npos) end = joined.size();
        out.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    lines = std::move(out);
    s.doc.touch();
    return true;
}

bool input_text_checked(const char* label, const char* hint, std::string& text, float width, bool invalid,
                        const ImVec4& problem_color, const char* problem) {
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Text, problem_color);
    ImGui::SetNextItemWidth(width);
    const bool edited = ImGui::InputTextWithHint(label, hint, &text);
    if (invalid) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", problem);
    }
    return edited;
}

bool begin_window(App::State& s, const char* title, bool& open, float width, float height) {
    ImGui::SetNextWindowSize(ImVec2(width * s.config.ui_scale, height * s.config.ui_scale), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(title, &open)) return true;
    ImGui::End();
    return false;
}

void header_row(std::initializer_list<const char*> names) {
    for (const char* name : names) ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void section_title(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
    ImGui::Separator();
}

ImVec4 status_color(ReleaseStatus status) {
    switch (status) {
    case ReleaseStatus::planning: return ImVec4(0.35f, 0.55f, 0.95f, 1.0f);
    case ReleaseStatus::approved: return ImVec4(0.2f, 0.7f, 0.6f, 1.0f);
    case ReleaseStatus::frozen: return ImVec4(0.55f, 0.45f, 0.9f, 1.0f);
    case ReleaseStatus::released: return ImVec4(0.25f, 0.65f, 0.3f, 1.0f);
    case ReleaseStatus::cancelled: return ImVec4(0.55f, 0.55f, 0.55f, 1.0f);
    case ReleaseStatus::rolled_back: return ImVec4(0.85f, 0.3f, 0.25f, 1.0f);
    }
    return ImVec4(1, 1, 1, 1);
}

}  // namespace relplan::ui

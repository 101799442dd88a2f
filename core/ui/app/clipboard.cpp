#include "app/clipboard.hpp"

#include "app/glyphs.hpp"
#include "app/state.hpp"

#include <imgui.h>

namespace relplan::ui {

namespace {

bool is_marker_line(std::string_view line) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && blank(line.back())) line.remove_suffix(1);
    return line == nul_marker;
}

// What ImGui's text field received at the last paste: ImGui copies it before the next call.
std::string g_pasted;

const char* pasted_text(void* state) {
    g_pasted = text_for_fields(platform::clipboard_text());
    note_text(static_cast<App::State*>(state)->glyphs, g_pasted);
    return g_pasted.c_str();
}

void copied_text(void*, const char* text) { platform::set_clipboard(text ? text : ""); }

}  // namespace

std::string text_for_fields(std::string_view clipboard) {
    std::string out;
    out.reserve(clipboard.size());
    for (char c : clipboard) {
        if (c != '\0') {
            out += c;
            continue;
        }
        if (!out.empty() && out.back() != '\n') out += '\n';
        out += nul_marker;
        out += '\n';
    }
    return out;
}

std::string nul_separated(std::string_view field_text) {
    std::string out;
    out.reserve(field_text.size());
    std::size_t pos = 0;
    for (;;) {
        const std::size_t end = field_text.find('\n', pos);
        const bool last = end == std::string_view::npos;
        const std::string_view line = field_text.substr(pos, last ? std::string_view::npos : end - pos);
        if (is_marker_line(line)) {
            if (!out.empty() && out.back() == '\n') out.pop_back();
            if (!out.empty() && out.back() == '\r') out.pop_back();
            out += '\0';
        } else {
            out += line;
            if (!last) out += '\n';
        }
        if (last) return out;
        pos = end + 1;
    }
}

void route_clipboard(App::State& s) {
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = &s;
    io.GetClipboardTextFn = pasted_text;
    io.SetClipboardTextFn = copied_text;
}

}  // namespace relplan::ui

#include "views/views.hpp"

#include <imgui.h>

#include <string_view>

namespace relplan::ui {

namespace assets {
std::string_view get(std::string_view name);  // relplan_ui_assets (embedded font)
}

void apply_theme(bool dark, float scale) {
    ImGuiStyle style;
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 5.0f);
    style.WindowBorderSize = 0.0f;
    if (!dark) {
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        // ImGui's light frames are white too: tint them so fields stay visible on white panels.
        style.Colors[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void build_font_atlas(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    std::string_view ttf = assets::get("fonts/DejaVuSans.ttf");
    if (ttf.empty()) {
        io.Fonts->AddFontDefault();
        return;
    }
    // Latin with extensions, Greek, Cyrillic, punctuation, arrows and the symbols the UI uses.
    static const ImWchar ranges[] = {
        0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F,
        0x20A0, 0x20CF, 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2300, 0x23FF,
        0x2500, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0,
    };
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                   15.0f * scale, &cfg, ranges);
    // Larger sizes of the same face for rendered Markdown headings (ui_font). Text scripts only and
    // no oversampling: big glyphs need none, and the atlas stays small at high scales.
    static const ImWchar heading_ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x2000, 0x206F, 0};
    ImFontConfig heading_cfg;
    heading_cfg.FontDataOwnedByAtlas = false;
    heading_cfg.OversampleH = 1;
    heading_cfg.OversampleV = 1;
    for (float size : {22.0f, 18.0f})
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()), size * scale,
                                       &heading_cfg, heading_ranges);
}

ImFont* ui_font(FontRole role) {
    // Fonts are added in FontRole order by build_font_atlas; the built-in fallback has only the body.
    ImVector<ImFont*>& fonts = ImGui::GetIO().Fonts->Fonts;
    int index = static_cast<int>(role);
    return index < fonts.Size ? fonts[index] : ImGui::GetFont();
}

}  // namespace relplan::ui

#include "views/views.hpp"

#include "app/glyphs.hpp"

#include <imgui.h>

#include <cstdint>
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

namespace {

// A face's line height (hhea ascender - descender) in ems, or 0 when the tables cannot be read.
// ImGui sizes a font by that line height, so faces whose line is taller than the UI font's (Droid
// Sans Fallback: 1.31 em against DejaVu's 1.16) would draw their glyphs smaller than the text around.
float line_height_in_ems(std::string_view ttf, int index) {
    const auto u16 = [&](std::size_t at) -> unsigned {
        return at + 2 <= ttf.size() ? (static_cast<unsigned char>(ttf[at]) << 8) | static_cast<unsigned char>(ttf[at + 1]) : 0u;
    };
    const auto u32 = [&](std::size_t at) -> std::size_t { return (std::size_t{u16(at)} << 16) | u16(at + 2); };
    std::size_t font = 0;
    if (ttf.substr(0, 4) == "ttcf") font = u32(12 + 4 * static_cast<std::size_t>(index));
    std::size_t head = 0, hhea = 0;
    const unsigned tables = u16(font + 4);
    for (unsigned i = 0; i < tables; ++i) {
        const std::size_t entry = font + 12 + 16 * std::size_t{i};
        if (entry + 16 > ttf.size()) return 0.0f;
        const std::string_view tag = ttf.substr(entry, 4);
        if (tag == "head") head = u32(entry + 8);
        if (tag == "hhea") hhea = u32(entry + 8);
    }
    const unsigned units = head ? u16(head + 18) : 0;
    if (!hhea || units == 0) return 0.0f;
    const int ascender = static_cast<std::int16_t>(u16(hhea + 4)), descender = static_cast<std::int16_t>(u16(hhea + 6));
    return ascender > descender ? static_cast<float>(ascender - descender) / static_cast<float>(units) : 0.0f;
}

// The heading sizes are baked once a heading is first asked for (ui_font): they are most of the
// atlas's rasterising, which would otherwise delay the first frame. One atlas per process, as ImGui's.
bool headings_wanted = false;
bool headings_built = false;

// Adds the embedded face at `size` for `ranges`, then merges each fallback font for the noted code
// points (a merged font never overwrites a glyph an earlier one drew), sized so its em matches the
// embedded face's.
void add_face(GlyphNeeds& g, std::string_view ttf, float size, const ImWchar* ranges, int oversample_h) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary or in GlyphNeeds
    cfg.OversampleH = oversample_h;
    cfg.OversampleV = 1;
    atlas->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()), size, &cfg, ranges);
    if (g.extra.empty()) return;
    const float base = line_height_in_ems(ttf, 0);
    for (const auto& f : g.fonts) {
        ImFontConfig merge = cfg;
        merge.MergeMode = true;
        merge.FontNo = f->index;
        const float own = line_height_in_ems(f->bytes, f->index);
        const float merged_size = base > 0.0f && own > 0.0f ? size * own / base : size;
        atlas->AddFontFromMemoryTTF(f->bytes.data(), static_cast<int>(f->bytes.size()), merged_size, &merge, g.extra.Data);
    }
}

}  // namespace

void build_font_atlas(float scale, GlyphNeeds& g) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Only the rows the glyphs fill: a power-of-two height would add up to half again to the texture
    // converted and uploaded before the first frame (WebGL2 and GL 3.3 take any size).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    g.dirty = false;
    g.full_base = g.full_base_wanted;
    std::string_view ttf = assets::get("fonts/DejaVuSans.ttf");
    if (ttf.empty()) {
        io.Fonts->AddFontDefault();
        return;
    }
    // The base ranges plus every code point noted in text; the ranges live in GlyphNeeds because
    // the atlas reads them when the backend builds the texture, after this returns.
    // Headings (rendered Markdown, ui_font) get text scripts only and no oversampling: big glyphs
    // need none, and the atlas stays small at high scales.
    static const ImWchar heading_base[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x2000, 0x206F, 0};
    ImFontGlyphRangesBuilder body, heading, extra;
    body.AddRanges(g.full_base ? base_glyph_ranges() : startup_glyph_ranges());
    heading.AddRanges(heading_base);
    for (char32_t cp : g.wanted) {
        for (ImFontGlyphRangesBuilder* b : {&body, &heading, &extra}) b->AddChar(static_cast<ImWchar>(cp));
    }
    g.ranges.clear();
    g.heading_ranges.clear();
    g.extra.clear();
    body.BuildRanges(&g.ranges);
    heading.BuildRanges(&g.heading_ranges);
    if (!g.wanted.empty()) extra.BuildRanges(&g.extra);
    add_face(g, ttf, 15.0f * scale, g.ranges.Data, 2);
    headings_built = headings_wanted;
    if (headings_built)
        for (float size : {22.0f, 18.0f}) add_face(g, ttf, size * scale, g.heading_ranges.Data, 1);
}

bool heading_faces_pending() { return headings_wanted && !headings_built && !assets::get("fonts/DejaVuSans.ttf").empty(); }

ImFont* ui_font(FontRole role) {
    // Fonts are added in FontRole order by build_font_atlas; the built-in fallback has only the body,
    // and the headings are there once asked for.
    ImVector<ImFont*>& fonts = ImGui::GetIO().Fonts->Fonts;
    int index = static_cast<int>(role);
    if (role != FontRole::body) headings_wanted = true;  // drawn in the body font until the next build
    return index < fonts.Size ? fonts[index] : ImGui::GetFont();
}

}  // namespace relplan::ui

#include "app/glyphs.hpp"

#include "app/plan_io.hpp"
#include "app/state.hpp"

#include "base/utf8.hpp"

// A private copy of the atlas's rasteriser, only to check that a font from the host is readable: a
// font the atlas cannot read would leave the UI without any font.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>

namespace relplan::ui {

namespace {

char32_t decode(std::string_view s, std::size_t i, std::size_t n) {
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    if (n == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    if (n == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

// Characters that draw nothing: no glyph is needed for them.
bool invisible(char32_t cp) {
    return cp < 0xA0 || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
           (cp >= 0xE0000 && cp <= 0xE01EF);
}

bool in_base_ranges(char32_t cp) {
    for (const ImWchar* r = base_glyph_ranges(); r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

}  // namespace

const ImWchar* base_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F,
        0x20A0, 0x20CF, 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2300, 0x23FF,
        0x2500, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0xFFFD, 0xFFFD, 0,
    };
    return ranges;
}

const ImWchar* startup_glyph_ranges() {
    // The UI's symbols: − (U+2212) ⊘ (U+2298) ■ ▲ ▼ ◆ ● (U+25A0..U+25CF) ★ (U+2605) ✓ ✗ (U+2713, U+2717).
    static const ImWchar ranges[] = {
        0x0020, 0x017F, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2212, 0x2212, 0x2298, 0x2298,
        0x25A0, 0x25CF, 0x2605, 0x2605, 0x2713, 0x2717, 0xFFFD, 0xFFFD, 0,
    };
    return ranges;
}

void note_text(GlyphNeeds& g, std::string_view utf8) {
    const ImFontAtlas* atlas = ImGui::GetCurrentContext() ? ImGui::GetIO().Fonts : nullptr;
    // The startup atlas lacks base code points on purpose; only the full one tells what the font lacks.
    const ImFont* font = g.full_base && atlas && atlas->IsBuilt() && !atlas->Fonts.empty() ? atlas->Fonts[0] : nullptr;
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = utf8::sequence_length(utf8, i);
        if (n == 0) {  // invalid bytes are drawn as U+FFFD by ImGui; the base font has it
            ++i;
            continue;
        }
        char32_t cp = decode(utf8, i, n);
        i += n;
        if (invisible(cp) || g.wanted.count(cp)) continue;
        // Once the atlas is built it knows best: the base ranges name what the embedded font may
        // have, and some symbols there (✅) it lacks.
        if (font ? font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr : in_base_ranges(cp)) continue;
        g.wanted.insert(cp);
        g.dirty = true;
    }
}

std::vector<char32_t> take_unasked(GlyphNeeds& g) {
    std::vector<char32_t> out;
    for (char32_t cp : g.wanted)
        if (g.asked.insert(cp).second) out.push_back(cp);
    return out;
}

bool add_fallback_font(GlyphNeeds& g, platform::FontFile font) {
    for (const auto& f : g.fonts)
        if (f->name == font.name && f->index == font.index) return true;
    const auto* data = reinterpret_cast<const unsigned char*>(font.bytes.data());
    const int offset = font.bytes.size() < 12 ? -1 : stbtt_GetFontOffsetForIndex(data, font.index);
    stbtt_fontinfo info;
    if (offset < 0 || static_cast<std::size_t>(offset) >= font.bytes.size() || !stbtt_InitFont(&info, data, offset))
        return false;
    g.fonts.push_back(std::make_unique<platform::FontFile>(std::move(font)));
    g.dirty = true;
    return true;
}

int missing_glyphs(const GlyphNeeds& g) {
    if (!ImGui::GetCurrentContext() || ImGui::GetIO().Fonts->Fonts.empty()) return static_cast<int>(g.wanted.size());
    const ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
    int n = 0;
    for (char32_t cp : g.wanted)
        if (!body->FindGlyphNoFallback(static_cast<ImWchar>(cp))) ++n;
    return n;
}

void track_glyphs(App::State& s) {
    GlyphNeeds& g = s.glyphs;
    g.full_base_wanted = true;  // from the next frame on
    std::string typed;
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
        if (c >= 0xA0) utf8::append(typed, static_cast<std::uint32_t>(c));
    note_text(g, typed);
    if (s.doc.revision() != s.glyph_revision) {
        s.glyph_revision = s.doc.revision();
        note_text(g, plan_to_json(s.doc.plan));
    }
    if (!s.messages.empty()) {
        note_text(g, s.messages.front().title);
        for (const std::string& line : s.messages.front().lines) note_text(g, line);
    }
    std::vector<char32_t> ask = take_unasked(g);
    if (ask.empty()) return;
    platform::request_fonts(ask, [&s](Result<platform::FontFile> font) {
        std::string problem = font ? font->name + " is not a font this app can read" : font.error().message;
        if (font && add_fallback_font(s.glyphs, std::move(*font))) return;
        s.flash("Some characters cannot be shown: " + problem, ImGui::GetTime());
    });
}

}  // namespace relplan::ui

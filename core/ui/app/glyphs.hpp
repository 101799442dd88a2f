// Glyphs beyond the embedded font. The embedded font is subset to Latin, Greek, Cyrillic and the UI's
// symbols (cmake/fonts.cmake); code points met in text that it lacks (CJK, emoji, other scripts) are
// drawn from fallback fonts the host supplies through platform::request_fonts (fontconfig on the
// desktop, font files fetched lazily from the page's own folder in the browser).
//
// Dear ImGui 1.86 bakes its atlas up front, so the rebuild works in three steps: text is noted as it
// reaches the UI (plan, typing, pasting, messages) and unknown code points are collected; once per
// frame the new ones are passed to the host; when a font arrives or the set grew, the host rebuilds the
// atlas between frames (App::needs_font_rebuild, App::build_fonts) and re-uploads its texture. Only
// the noted code points are rasterised, so a CJK plan costs a few hundred glyphs, not 20,000.
#pragma once

#include "app/app.hpp"
#include "platform/platform.hpp"

#include <imgui.h>

#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace relplan::ui {

struct GlyphNeeds {
    std::set<char32_t> wanted;  // noted code points outside the atlas's base ranges
    std::set<char32_t> asked;   // already passed to platform::request_fonts
    // Fallback fonts in arrival order; the first one with a glyph wins. Held by pointer: the atlas
    // reads the font bytes in place.
    std::vector<std::unique_ptr<platform::FontFile>> fonts;
    ImVector<ImWchar> ranges;   // ranges the atlas is built with (alive until the next build)
    ImVector<ImWchar> heading_ranges;
    ImVector<ImWchar> extra;    // the wanted code points alone, for the fallback fonts
    bool dirty = false;         // wanted or fonts changed since the last build
    // The first frame is drawn with startup_glyph_ranges only: rasterising every base range was most of
    // the time before the page's first frame. From the second frame on, the atlas holds them all.
    bool full_base_wanted = false;
    bool full_base = false;     // the atlas was built with every base range
};

// The ranges the embedded font is built with (zero-terminated; cmake/fonts.cmake subsets the font to
// the same ranges): Latin with extensions, Greek, Cyrillic, punctuation, currency, arrows, maths,
// box drawing and the symbols the UI uses.
const ImWchar* base_glyph_ranges();
// The part of them the first frame is built with: Latin-1 and Latin Extended-A, punctuation, currency,
// arrows and the UI's own symbols.
const ImWchar* startup_glyph_ranges();

// Rebuilds the atlas (body font and heading sizes) at `scale` with the noted code points and the
// fallback fonts; the host then re-creates the font texture (theme.cpp).
void build_font_atlas(float scale, GlyphNeeds& g);
// True when a heading was asked for (ui_font) and the atlas lacks the heading sizes: they are baked
// on first use, not at startup, so the first frame waits only for the body font.
bool heading_faces_pending();

// Notes code points of `utf8` that the current atlas cannot draw. ASCII costs one compare per byte.
void note_text(GlyphNeeds& g, std::string_view utf8);
// Code points noted but not yet asked for; marks them asked.
std::vector<char32_t> take_unasked(GlyphNeeds& g);
// A fallback font from the host; false when it is not a font the atlas can read (then it is dropped).
// A file of the same name and face that is already there is kept as it is.
bool add_fallback_font(GlyphNeeds& g, platform::FontFile font);
// Once per frame (App::frame): notes the text that reached the UI since the last frame (typed
// characters, the plan when it changed, the message shown) and asks the host for fonts for new code
// points.
void track_glyphs(App::State& s);

// Noted code points that the body font currently draws as its fallback glyph.
int missing_glyphs(const GlyphNeeds& g);

}  // namespace relplan::ui

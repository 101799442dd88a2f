// platform::request_fonts for the desktop: fontconfig picks, for each code point the embedded font
// lacks, the best installed font that covers it (the same choice other desktop apps make); each file
// is read once and handed to the app at once.
#include "platform/platform.hpp"

#include "../common/file_io.hpp"

#include <fontconfig/fontconfig.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relplan::ui::platform {

namespace {

struct Candidate {
    std::string file;
    int index = 0;
    FcCharSet* charset = nullptr;  // owned (copied from the match)
};

// Outline formats the atlas rasteriser (stb_truetype) reads, without colour bitmaps it cannot draw.
bool usable(FcPattern* font) {
    FcChar8* format = nullptr;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) return false;
    std::string_view f(reinterpret_cast<const char*>(format));
    if (f != "TrueType" && f != "CFF") return false;
    FcBool color = FcFalse;
    return !(FcPatternGetBool(font, FC_COLOR, 0, &color) == FcResultMatch && color);
}

// The first font in fontconfig's order for a sans-serif face that draws `cp`.
bool find_font(char32_t cp, Candidate& out) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
    FcCharSet* wanted = FcCharSetCreate();
    FcCharSetAddChar(wanted, cp);
    FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* set = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    bool found = false;
    for (int i = 0; set && i < set->nfont && !found; ++i) {
        FcPattern* font = set->fonts[i];
        FcCharSet* cs = nullptr;
        FcChar8* file = nullptr;
        int index = 0;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch || !FcCharSetHasChar(cs, cp)) continue;
        if (!usable(font) || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        out = {reinterpret_cast<const char*>(file), index, FcCharSetCopy(cs)};
        found = true;
    }
    if (set) FcFontSetDestroy(set);
    FcCharSetDestroy(wanted);
    FcPatternDestroy(pattern);
    return found;
}

}  // namespace

void request_fonts(const std::vector<char32_t>& code_points, std::function<void(Result<FontFile>)> arrived) {
    if (!FcInit()) {
        arrived(make_error("fontconfig could not start, so no fallback font was found"));
        return;
    }
    std::vector<Candidate> chosen;
    for (char32_t cp : code_points) {
        bool covered = false;
        for (const Candidate& c : chosen) covered = covered || FcCharSetHasChar(c.charset, cp);
        Candidate c;
        if (!covered && find_font(cp, c)) chosen.push_back(std::move(c));
    }
    for (Candidate& c : chosen) {
        FcCharSetDestroy(c.charset);
        auto bytes = native::read_file(c.file, 64ull << 20);
        if (!bytes) {
            arrived(make_error("cannot read the font " + c.file + ": " + bytes.error().message));
            continue;
        }
        auto slash = c.file.find_last_of('/');
        arrived(FontFile{slash == std::string::npos ? c.file : c.file.substr(slash + 1), std::move(bytes.value()), c.index});
    }
}

}  // namespace relplan::ui::platform

#include "base/text.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace relplan {
namespace {

struct CodeRange {
    char32_t first;
    char32_t last;
};

// Generated from the Unicode 14 character database: East_Asian_Width W or F (emoji with default
// emoji presentation are W) plus the unassigned CJK blocks that default to W; unassigned code points
// between ranges are folded in so future characters in those blocks come out wide too.
constexpr CodeRange wide_ranges[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
    {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
    {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
    {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
    {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
    {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
    {0x2E80, 0x303E}, {0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4C6}, {0xA960, 0xA97C},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6B}, {0xFF01, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x16FE0, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
    {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
    {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
    {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
    {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF},
    {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6}, {0x20000, 0x3FFFD},
};

// General categories Mn, Me and Cf (combining marks, variation selectors, ZWJ and other format
// characters) except U+00AD SOFT HYPHEN, plus the Hangul medial vowels and final consonants.
constexpr CodeRange zero_width_ranges[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0600, 0x0605}, {0x0610, 0x061A}, {0x061C, 0x061C},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DD}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},
    {0x06EA, 0x06ED}, {0x070F, 0x070F}, {0x0711, 0x0711}, {0x0730, 0x074A}, {0x07A6, 0x07B0},
    {0x07EB, 0x07F3}, {0x07FD, 0x07FD}, {0x0816, 0x0819}, {0x081B, 0x0823}, {0x0825, 0x0827},
    {0x0829, 0x082D}, {0x0859, 0x085B}, {0x0890, 0x089F}, {0x08CA, 0x0902}, {0x093A, 0x093A},
    {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963},
    {0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4}, {0x09CD, 0x09CD}, {0x09E2, 0x09E3},
    {0x09FE, 0x0A02}, {0x0A3C, 0x0A3C}, {0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75},
    {0x0A81, 0x0A82}, {0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3},
    {0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44}, {0x0B4D, 0x0B56},
    {0x0B62, 0x0B63}, {0x0B82, 0x0B82}, {0x0BC0, 0x0BC0}, {0x0BCD, 0x0BCD}, {0x0C00, 0x0C00},
    {0x0C04, 0x0C04}, {0x0C3C, 0x0C3C}, {0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63},
    {0x0C81, 0x0C81}, {0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6}, {0x0CCC, 0x0CCD},
    {0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C}, {0x0D41, 0x0D44}, {0x0D4D, 0x0D4D},
    {0x0D62, 0x0D63}, {0x0D81, 0x0D81}, {0x0DCA, 0x0DCA}, {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD},
    {0x0F18, 0x0F19}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39}, {0x0F71, 0x0F7E},
    {0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC}, {0x0FC6, 0x0FC6}, {0x102D, 0x1030},
    {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E}, {0x1058, 0x1059}, {0x105E, 0x1060},
    {0x1071, 0x1074}, {0x1082, 0x1082}, {0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D},
    {0x1160, 0x11FF}, {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
    {0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6}, {0x17C9, 0x17D3},
    {0x17DD, 0x17DD}, {0x180B, 0x180F}, {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922},
    {0x1927, 0x1928}, {0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B},
    {0x1A56, 0x1A56}, {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7F},
    {0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A}, {0x1B3C, 0x1B3C}, {0x1B42, 0x1B42},
    {0x1B6B, 0x1B73}, {0x1B80, 0x1B81}, {0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD},
    {0x1BE6, 0x1BE6}, {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33},
    {0x1C36, 0x1C37}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED},
    {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
    {0x2060, 0x206F}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF},
    {0x302A, 0x302D}, {0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F},
    {0xA6F0, 0xA6F1}, {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA825, 0xA826},
    {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF}, {0xA926, 0xA92D},
    {0xA947, 0xA951}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD},
    {0xA9E5, 0xA9E5}, {0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43},
    {0xAA4C, 0xAA4C}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
    {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED}, {0xAAF6, 0xAAF6}, {0xABE5, 0xABE5},
    {0xABE8, 0xABE8}, {0xABED, 0xABED}, {0xD7B0, 0xD7FF}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x101FD, 0x101FD}, {0x102E0, 0x102E0},
    {0x10376, 0x1037A}, {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F}, {0x10AE5, 0x10AE6},
    {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC}, {0x10F46, 0x10F50}, {0x10F82, 0x10F85},
    {0x11001, 0x11001}, {0x11038, 0x11046}, {0x11070, 0x11070}, {0x11073, 0x11074},
    {0x1107F, 0x11081}, {0x110B3, 0x110B6}, {0x110B9, 0x110BA}, {0x110BD, 0x110BD},
    {0x110C2, 0x110CD}, {0x11100, 0x11102}, {0x11127, 0x1112B}, {0x1112D, 0x11134},
    {0x11173, 0x11173}, {0x11180, 0x11181}, {0x111B6, 0x111BE}, {0x111C9, 0x111CC},
    {0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237},
    {0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA}, {0x11300, 0x11301},
    {0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x11374}, {0x11438, 0x1143F},
    {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
    {0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3}, {0x115B2, 0x115B5},
    {0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD}, {0x11633, 0x1163A},
    {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
    {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F}, {0x11722, 0x11725},
    {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A}, {0x1193B, 0x1193C},
    {0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119DB}, {0x119E0, 0x119E0},
    {0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E}, {0x11A47, 0x11A47},
    {0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96}, {0x11A98, 0x11A99},
    {0x11C30, 0x11C3D}, {0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0},
    {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45}, {0x11D47, 0x11D47},
    {0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97}, {0x11EF3, 0x11EF4},
    {0x13430, 0x13438}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
    {0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E}, {0x1BCA0, 0x1CF46},
    {0x1D167, 0x1D169}, {0x1D173, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD},
    {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
    {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A}, {0x1E130, 0x1E136},
    {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A},
    {0xE0001, 0xE01EF},
};

template <std::size_t N>
bool in_ranges(const CodeRange (&ranges)[N], char32_t cp) {
    const auto* it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                      [](char32_t c, const CodeRange& r) { return c < r.first; });
    return it != std::begin(ranges) && cp <= (it - 1)->last;
}

constexpr std::string_view replacement = "\xEF\xBF\xBD";

struct Decoded {
    char32_t cp;
    std::size_t length;
};

// The code point at s[i]; an ill-formed byte decodes as U+FFFD of length 1.
Decoded decode(std::string_view s, std::size_t i) {
    const std::size_t n = utf8::sequence_length(s, i);
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    switch (n) {
        case 1: return {b(0), 1};
        case 2: return {((b(0) & 0x1F) << 6) | (b(1) & 0x3F), 2};
        case 3: return {((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
        case 4:
            return {((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4};
        default: return {0xFFFD, 1};
    }
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// A user-perceived character, approximately: a base code point with the zero-width code points
// after it, a ZWJ emoji sequence, or a pair of regional indicators (a flag).
struct Cluster {
    std::size_t begin = 0;
    std::size_t end = 0;
    char32_t base = 0;
    int width = 0;
};

// `s` must be clean (see clean_text) and i < s.size().
Cluster next_cluster(std::string_view s, std::size_t i) {
    const Decoded first = decode(s, i);
    Cluster c{i, i + first.length, first.cp, code_point_width(first.cp)};
    if (is_control(first.cp)) return c;
    bool paired_flag = false;
    while (c.end < s.size()) {
        const Decoded next = decode(s, c.end);
        if (is_regional_indicator(c.base) && is_regional_indicator(next.cp) && !paired_flag &&
            c.end == i + first.length) {
            paired_flag = true;
            c.width = 2;
            c.end += next.length;
            continue;
        }
        if (is_control(next.cp) || code_point_width(next.cp) != 0) break;
        c.end += next.length;
        if (next.cp == 0xFE0F && c.width == 1) c.width = 2;
        if (next.cp == 0x200D && c.end < s.size()) {
            const Decoded joined = decode(s, c.end);
            if (!is_control(joined.cp) && joined.cp != ' ') c.end += joined.length;
        }
    }
    return c;
}

bool is_space_cluster(std::string_view s, const Cluster& c) {
    return c.end - c.begin == 1 && (s[c.begin] == ' ' || s[c.begin] == '\t');
}

// Line-breaking rules for CJK punctuation (kinsoku): closing marks never start a line and opening
// marks never end one.
bool no_break_before(char32_t cp) {
    switch (cp) {
        case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F:
        case 0xFF01: case 0xFF09: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011:
        case 0x3015: case 0x30FC: case 0x3005:
            return true;
        default: return false;
    }
}
bool no_break_after(char32_t cp) {
    switch (cp) {
        case 0xFF08: case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3014:
            return true;
        default: return false;
    }
}

bool is_entity_like(std::string_view s, std::size_t amp) {
    std::size_t i = amp + 1;
    const auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    const auto alnum = [&](std::size_t k) {
        return k < s.size() && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || digit(k));
    };
    std::size_t start = i;
    if (i < s.size() && s[i] == '#') {
        ++i;
        if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) ++i;
        start = i;
        while (alnum(i) && i - start < 8) ++i;
    } else {
        while (alnum(i) && i - start < 32) ++i;
    }
    return i > start && i < s.size() && s[i] == ';';
}

// Named references that can spell out URL syntax; a URL is judged by what any consumer that decodes
// character references would see.
constexpr std::pair<std::string_view, char> named_references[] = {
    {"amp", '&'}, {"colon", ':'}, {"tab", '\t'}, {"newline", '\n'}, {"sol", '/'}, {"lpar", '('},
    {"rpar", ')'}, {"period", '.'}, {"num", '#'}, {"quest", '?'}, {"equals", '='}, {"plus", '+'},
    {"commat", '@'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"percnt", '%'},
    {"excl", '!'}, {"bsol", '\\'}, {"nbsp", ' '},
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string decode_references(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        std::size_t j = i + 1;
        if (j < s.size() && s[j] == '#') {
            ++j;
            const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
            if (hex) ++j;
            std::uint32_t value = 0;
            const std::size_t digits_start = j;
            while (j < s.size()) {
                const char c = lower(s[j]);
                int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0) break;
                value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d), 0x110000);
                ++j;
            }
            if (j > digits_start) {
                if (j < s.size() && s[j] == ';') ++j;
                const bool valid = value != 0 && value < 0x110000 && (value < 0xD800 || value > 0xDFFF);
                utf8::append(out, valid ? value : 0xFFFD);
                i = j;
                continue;
            }
        } else {
            std::size_t k = j;
            while (k < s.size() && k - j < 16 && ((lower(s[k]) >= 'a' && lower(s[k]) <= 'z'))) ++k;
            std::string name;
            for (std::size_t m = j; m < k; ++m) name += lower(s[m]);
            const auto* ref = std::find_if(std::begin(named_references), std::end(named_references),
                                           [&](const auto& r) { return r.first == name; });
            if (ref != std::end(named_references)) {
                out += ref->second;
                i = k < s.size() && s[k] == ';' ? k + 1 : k;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// Length of the scheme at the start of `s` when followed by ':', else 0.
std::size_t scheme_length(std::string_view s) {
    if (s.empty() || lower(s[0]) < 'a' || lower(s[0]) > 'z') return 0;
    std::size_t i = 1;
    while (i < s.size()) {
        const char c = lower(s[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            ++i;
        } else {
            break;
        }
    }
    return i < s.size() && s[i] == ':' ? i : 0;
}

bool is_unicode_space(char32_t cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

std::string_view trim_unicode_spaces(std::string_view s) {
    while (!s.empty()) {
        const Decoded d = decode(s, 0);
        if (!is_unicode_space(d.cp)) break;
        s.remove_prefix(d.length);
    }
    while (!s.empty()) {
        std::size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        const Decoded d = decode(s, start);
        if (!is_unicode_space(d.cp)) break;
        s.remove_suffix(s.size() - start);
    }
    return s;
}

void remove_tabs_and_newlines(std::string& s) {
    if (s.find_first_of("\t\n") == std::string::npos) return;
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n'; }), s.end());
}

const char* html_text_entity(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        default: return nullptr;
    }
}

const char* html_attribute_entity(char c) {
    switch (c) {
        case '"': return "&quot;";
        case '\'': return "&#39;";
        default: return html_text_entity(c);
    }
}

}  // namespace

std::string clean_text(std::string_view text) {
    // Most plan text is printable ASCII (with tabs and line feeds): one scan and one copy.
    const auto plain = [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
    };
    if (std::all_of(text.begin(), text.end(), plain)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) {
            const std::size_t start = i;
            while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x20 &&
                   static_cast<unsigned char>(text[i]) < 0x7F)
                ++i;
            out.append(text.substr(start, i - start));
            continue;
        }
        if (c == '\r') {
            out += '\n';
            i += i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
            continue;
        }
        const Decoded d = decode(text, i);
        if (d.cp == '\n' || d.cp == '\t') {
            out += static_cast<char>(d.cp);
        } else if (is_control(d.cp) || (d.cp == 0xFFFD && d.length == 1)) {
            out += replacement;
        } else {
            out.append(text.substr(i, d.length));
        }
        i += d.length;
    }
    return out;
}

std::string escape_bytes(std::string_view text, const char* (*replacement)(char)) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        if (const char* r = replacement(c)) out += r;
        else out += c;
    }
    return out;
}

std::string html_escape_text(std::string_view text) { return escape_bytes(clean_text(text), html_text_entity); }
std::string html_escape_attribute(std::string_view text) {
    return escape_bytes(clean_text(text), html_attribute_entity);
}

std::optional<std::string> sanitize_url(std::string_view url) {
    // Browsers strip leading and trailing C0 controls and spaces, and tabs and newlines anywhere.
    while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
    while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
    std::string raw = clean_text(url);
    remove_tabs_and_newlines(raw);
    const std::string_view trimmed = trim_unicode_spaces(raw);
    std::string decoded = decode_references(trimmed);
    remove_tabs_and_newlines(decoded);

    const std::size_t n = scheme_length(decoded);
    if (n == 0) return std::nullopt;
    std::string scheme;
    for (std::size_t i = 0; i < n; ++i) scheme += lower(decoded[i]);
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return std::nullopt;
    // The scheme must be spelled out literally, not assembled from character references, so that no
    // later decoding step can turn the result into anything but this scheme.
    if (scheme_length(trimmed) != n) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i)
        if (lower(trimmed[i]) != scheme[i]) return std::nullopt;

    std::string_view rest = trimmed.substr(n + 1);
    std::string out = scheme + ":";
    if (scheme == "mailto") {
        if (rest.empty()) return std::nullopt;
    } else {
        const bool slashes = rest.size() > 2 && (rest[0] == '/' || rest[0] == '\\') &&
                             (rest[1] == '/' || rest[1] == '\\');
        if (!slashes || rest[2] == '/' || rest[2] == '\\' || rest[2] == '?' || rest[2] == '#')
            return std::nullopt;
        // Browsers read a backslash there as a slash; written as one, the URL means what it meant.
        out += "//";
        rest.remove_prefix(2);
    }
    out.reserve(out.size() + rest.size());
    static constexpr char hex[] = "0123456789ABCDEF";
    for (char ch : rest) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
            c == '`' || c == '{' || c == '|' || c == '}') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view text, bool line_start) {
    std::string clean = clean_text(text);
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    std::string out;
    out.reserve(clean.size() + 8);
    // A leading ordered-list marker ("2026." or "3)") is neutralised by escaping its delimiter.
    std::size_t digits = 0;
    while (line_start && digits < clean.size() && digits < 10 && clean[digits] >= '0' && clean[digits] <= '9') ++digits;
    const std::size_t list_delimiter =
        digits > 0 && digits < clean.size() && (clean[digits] == '.' || clean[digits] == ')') ? digits
                                                                                              : std::string::npos;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        bool escape = false;
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '|': case '~':
                escape = true;
                break;
            case '#': case '>': case '+': case '-': case '=': escape = line_start && i == 0; break;
            case '&': escape = is_entity_like(clean, i); break;
            default: escape = i == list_delimiter;
        }
        if (escape) out += '\\';
        out += c;
    }
    return out;
}

int code_point_width(char32_t cp) {
    if (cp < 0x7F) return cp >= 0x20 ? 1 : 0;
    if (cp <= 0x9F) return 0;
    if (in_ranges(zero_width_ranges, cp)) return 0;
    if (in_ranges(wide_ranges, cp)) return 2;
    return 1;
}

std::int64_t display_width(std::string_view text) {
    const std::string clean = clean_text(text);
    std::int64_t width = 0;
    for (std::size_t i = 0; i < clean.size();) {
        const Cluster c = next_cluster(clean, i);
        width += c.width;
        i = c.end;
    }
    return width;
}

std::string wrap_text(std::string_view text, const WrapOptions& options) {
    const std::string clean = clean_text(text);
    const std::string_view s = clean;
    const std::int64_t width = std::max(options.width, 1);
    const std::int64_t rest_prefix_width = display_width(options.rest_prefix);

    std::string out(options.first_prefix);
    std::int64_t column = display_width(options.first_prefix);
    bool has_content = false;

    const auto end_line = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
        out += options.rest_prefix;
        column = rest_prefix_width;
        has_content = false;
    };
    const auto put = [&](const Cluster& c) {
        out.append(s.substr(c.begin, c.end - c.begin));
        column += c.width;
        has_content = true;
    };

    // A unit is a run of clusters with no break opportunity inside; `gap` counts the spaces before it
    // (tabs count as one space and are written as one).
    std::vector<Cluster> unit;
    std::int64_t unit_width = 0;
    std::int64_t gap_width = 0;
    bool line_start = true;  // the unit begins an input line: its leading spaces are indentation

    const auto flush_unit = [&] {
        if (unit.empty()) return;
        if (has_content || line_start) {
            if (column + gap_width + unit_width <= width) {
                out.append(static_cast<std::size_t>(gap_width), ' ');
                column += gap_width;
            } else if (has_content) {
                end_line();
            }
        }
        if (column + unit_width > width) {
            for (const Cluster& c : unit) {
                if (has_content && column + c.width > width) end_line();
                put(c);
            }
        } else {
            for (const Cluster& c : unit) put(c);
        }
        unit.clear();
        unit_width = 0;
        gap_width = 0;
        line_start = false;
    };

    std::size_t i = 0;
    const Cluster* previous = nullptr;
    Cluster last{};
    while (i < s.size()) {
        if (s[i] == '\n') {
            flush_unit();
            end_line();
            gap_width = 0;
            line_start = true;
            previous = nullptr;
            ++i;
            continue;
        }
        const Cluster c = next_cluster(s, i);
        if (is_space_cluster(s, c)) {
            flush_unit();
            ++gap_width;
            previous = nullptr;
        } else {
            if (previous != nullptr && (previous->width == 2 || c.width == 2) && !no_break_before(c.base) &&
                !no_break_after(previous->base))
                flush_unit();
            unit.push_back(c);
            unit_width += c.width;
            last = c;
            previous = &last;
        }
        i = c.end;
    }
    flush_unit();
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace relplan

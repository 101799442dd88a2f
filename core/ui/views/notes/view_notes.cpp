// The notes preview: release notes for the selected release in the chosen audience and format, kept
// current as the plan changes, with copy and save. Rendered Markdown is drawn from the md::Document
// tree by a small layout engine (word wrapping over styled runs), since ImGui has no rich text.
#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "notes/markdown.hpp"
#include "notes/notes.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui {

// Layout memory of one place notes are drawn: heights of the top-level blocks (and of the items of
// top-level lists) at the last width, so what is scrolled out of view is skipped without layout and
// frame time follows what is on screen rather than the length of the notes. Negative heights are
// guesses for what has not been laid out yet; 0 is not even guessed.
struct MarkdownView {
    float width = -1.0f;
    std::vector<float> heights;
    std::vector<std::vector<float>> item_heights;
};

namespace {

// ---- Markdown rendering ---------------------------------------------------------------------------

struct RunStyle {
    bool strong = false;
    bool emphasis = false;
    bool code = false;
    const std::string* url = nullptr;  // link target; null or empty = not a link
};

struct Run {
    std::string_view text;
    RunStyle style;
    bool hard_break = false;
};

void flatten(const std::vector<md::Inline>& inlines, RunStyle style, std::vector<Run>& out) {
    for (const md::Inline& in : inlines) {
        switch (in.kind) {
        case md::InlineKind::text: out.push_back({in.text, style}); break;
        case md::InlineKind::code: {
            RunStyle c = style;
            c.code = true;
            out.push_back({in.text, c});
            break;
        }
        case md::InlineKind::emphasis: {
            RunStyle e = style;
            e.emphasis = true;
            flatten(in.children, e, out);
            break;
        }
        case md::InlineKind::strong: {
            RunStyle b = style;
            b.strong = true;
            flatten(in.children, b, out);
            break;
        }
        case md::InlineKind::link: {
            RunStyle l = style;
            l.url = &in.url;
            flatten(in.children, l, out);
            break;
        }
        case md::InlineKind::soft_break: out.push_back({" ", style}); break;
        case md::InlineKind::hard_break: out.push_back({"", style, true}); break;
        }
    }
}

std::size_t utf8_next(std::string_view s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

// Shared by every block of one draw: fonts, colours and what the mouse did with links.
struct Painter {
    App::State& s;
    ImDrawList* dl;
    ImFont* body;
    float scale;
    ImU32 text_col;
    ImU32 muted_col;
    ImU32 link_col;
    ImU32 code_bg;
    bool window_hovered;
    float clip_top;
    float clip_bottom;
};

// Lays out runs of one font within [left, right) from `y`, wrapping between words (and inside a word
// longer than a line), drawing as it goes. Returns the y below the last line.
class InlineLayout {
public:
    InlineLayout(Painter& p, ImFont* font, float left, float right, float y, ImU32 color)
        : p_(p), font_(font), size_(font->FontSize), left_(left), right_(std::max(right, left + 20.0f)), x_(left), y_(y),
          color_(color) {}

    void add(const Run& run) {
        if (run.hard_break) {
            flush();
            new_line();
            return;
        }
        std::string_view t = run.text;
        std::size_t i = 0;
        while (i < t.size()) {
            std::size_t word_end = t.find(' ', i);
            if (word_end == std::string_view::npos) word_end = t.size();
            std::size_t piece_end = word_end;
            while (piece_end < t.size() && t[piece_end] == ' ') ++piece_end;
            // A code span is padded once on each side, not around each of its words.
            bool lead = i == 0, trail = piece_end == t.size();
            if (word_end > i) word_.push_back({t.substr(i, word_end - i), run.style, lead, trail && word_end == t.size()});
            if (piece_end > word_end) {
                flush();
                spaces(t.substr(word_end, piece_end - word_end), run.style, trail);
            }
            i = piece_end;
        }
    }

    float finish() {
        flush();
        return x_ > left_ || lines_ == 0 ? y_ + line_height() : y_;
    }

private:
    // Part of a word in one style; a word ("(#N)," with a link inside) may span several runs and
    // wraps as a whole.
    struct Fragment {
        std::string_view text;
        RunStyle style;
        bool lead;
        bool trail;
    };

    float line_height() const { return size_ + 3.0f * p_.scale; }
    float pad(const RunStyle& st) const { return st.code ? 3.0f * p_.scale : 0.0f; }
    float pads(const RunStyle& st, bool lead, bool trail) const { return pad(st) * ((lead ? 1 : 0) + (trail ? 1 : 0)); }
    float width(std::string_view t) const {
        return t.empty() ? 0.0f : font_->CalcTextSizeA(size_, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x;
    }

    void new_line() {
        x_ = left_;
        y_ += line_height();
        ++lines_;
    }

    void flush() {
        if (word_.empty()) return;
        float total = 0.0f;
        for (const Fragment& f : word_) total += width(f.text) + pads(f.style, f.lead, f.trail);
        if (x_ > left_ && x_ + total > right_) new_line();
        for (const Fragment& f : word_) place(f);
        word_.clear();
    }

    // Only a word longer than a whole line gets here without fitting: it is split between characters.
    void place(Fragment f) {
        float w = width(f.text) + pads(f.style, f.lead, f.trail);
        if (x_ > left_ && x_ + w > right_) new_line();
        while (!f.text.empty() && x_ + w > right_) {
            std::size_t cut = 0, next = utf8_next(f.text, 0);
            while (next <= f.text.size() && x_ + width(f.text.substr(0, next)) + pads(f.style, f.lead, false) <= right_) {
                cut = next;
                if (next == f.text.size()) break;
                next = utf8_next(f.text, next);
            }
            if (cut == 0) cut = utf8_next(f.text, 0);
            draw(f.text.substr(0, cut), f.style, f.lead, false);
            f.text.remove_prefix(cut);
            f.lead = false;
            new_line();
            w = width(f.text) + pads(f.style, f.lead, f.trail);
        }
        draw(f.text, f.style, f.lead, f.trail);
    }

    void spaces(std::string_view sp, const RunStyle& st, bool trail) {
        if (x_ == left_) return;  // no leading spaces on a wrapped line
        float sw = width(sp);
        if (st.code) draw_blank(sw, st);
        x_ += sw;
        if (trail && st.code) {
            draw_blank(pad(st), st);
            x_ += pad(st);
        }
    }

    // Spaces inside a code span keep its background continuous.
    void draw_blank(float w, const RunStyle&) {
        if (visible()) p_.dl->AddRectFilled(ImVec2(x_, y_), ImVec2(x_ + w, y_ + size_ + 2 * p_.scale), p_.code_bg);
    }

    bool visible() const { return y_ + line_height() >= p_.clip_top && y_ <= p_.clip_bottom; }

    void draw(std::string_view t, const RunStyle& st, bool lead, bool trail) {
        if (t.empty()) return;
        float w = width(t);
        float before = lead ? pad(st) : 0.0f;
        float total = w + pads(st, lead, trail);
        ImVec2 pos(x_ + before, y_);
        bool link = st.url && !st.url->empty();
        if (visible()) {
            ImU32 col = link ? p_.link_col : color_;
            if (st.code)
                p_.dl->AddRectFilled(ImVec2(x_, y_), ImVec2(x_ + total, y_ + size_ + 2 * p_.scale), p_.code_bg);
            int first_vtx = p_.dl->VtxBuffer.Size;
            p_.dl->AddText(font_, size_, pos, col, t.data(), t.data() + t.size());
            if (st.strong) p_.dl->AddText(font_, size_, ImVec2(pos.x + std::max(1.0f, p_.scale * 0.8f), pos.y), col, t.data(), t.data() + t.size());
            if (st.emphasis) {
                // Only one face is embedded: slant the glyph quads for italics.
                float baseline = pos.y + size_ * 0.8f;
                for (int v = first_vtx; v < p_.dl->VtxBuffer.Size; ++v)
                    p_.dl->VtxBuffer[v].pos.x += (baseline - p_.dl->VtxBuffer[v].pos.y) * 0.2f;
            }
            if (link) link_behaviour(ImVec2(x_, y_), ImVec2(x_ + total, y_ + size_), *st.url, col);
        }
        x_ += total;
    }

    void link_behaviour(ImVec2 a, ImVec2 b, const std::string& url, ImU32 col) {
        bool hovered = p_.window_hovered && ImGui::IsMouseHoveringRect(a, b);
        p_.dl->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), col, hovered ? 1.5f * p_.scale : 0.5f * p_.scale);
        if (!hovered) return;
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s\nClick to copy the link", url.c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            platform::set_clipboard(url);
            p_.s.flash("Link copied: " + url, ImGui::GetTime());
        }
    }

    Painter& p_;
    ImFont* font_;
    float size_;
    float left_;
    float right_;
    float x_;
    float y_;
    ImU32 color_;
    int lines_ = 0;
    std::vector<Fragment> word_;
};

float draw_inlines(Painter& p, const std::vector<md::Inline>& inlines, ImFont* font, RunStyle base, float left, float right,
                   float y, ImU32 color) {
    std::vector<Run> runs;
    flatten(inlines, base, runs);
    InlineLayout layout(p, font, left, right, y, color);
    for (const Run& r : runs) layout.add(r);
    return layout.finish();
}

float draw_block(Painter& p, const md::Block& b, float left, float right, float y, int depth, bool tight);

// A block's height before it was laid out: one line per paragraph, heading, item or table row.
float estimate(const Painter& p, const md::Block& b) {
    const float line = p.body->FontSize + 3.0f * p.scale;
    switch (b.kind) {
    case md::BlockKind::code_block:
        return static_cast<float>(std::count(b.literal.begin(), b.literal.end(), '\n') + 1) * line;
    case md::BlockKind::table: return static_cast<float>(b.children.size()) * (line + 4.0f * p.scale);
    case md::BlockKind::bullet_list:
    case md::BlockKind::ordered_list:
    case md::BlockKind::list_item:
    case md::BlockKind::block_quote: {
        float h = 0.0f;
        for (const md::Block& c : b.children) h += estimate(p, c);
        return std::max(h, line);
    }
    default: return line + 7.0f * p.scale;
    }
}

float draw_blocks(Painter& p, const std::vector<md::Block>& blocks, float left, float right, float y, int depth, bool tight) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        y = draw_block(p, blocks[i], left, right, y, depth, tight);
        ImGui::PopID();
    }
    return y;
}

// `item_heights` (top-level lists only) remembers each item's height so items out of view are skipped.
float draw_list(Painter& p, const md::Block& list, float left, float right, float y, int depth,
                std::vector<float>* item_heights = nullptr) {
    const bool ordered = list.kind == md::BlockKind::ordered_list;
    const float gap = list.tight ? 0.0f : 4.0f * p.scale;
    // Markers share one column as wide as the widest number.
    std::string widest = ordered ? std::to_string(list.start + static_cast<std::int64_t>(list.children.size()) - 1) + "." : "";
    float indent = ordered ? p.body->CalcTextSizeA(p.body->FontSize, FLT_MAX, 0, widest.c_str()).x + 8.0f * p.scale
                           : 16.0f * p.scale;
    std::int64_t number = list.start;
    if (item_heights && item_heights->size() != list.children.size()) {
        // Guesses (stored negated) until an item is first laid out.
        item_heights->clear();
        for (const md::Block& item : list.children) item_heights->push_back(-(estimate(p, item) + gap));
    }
    for (std::size_t i = 0; i < list.children.size(); ++i, ++number) {
        float item_top = y;
        if (item_heights) {
            float h = std::abs((*item_heights)[i]);
            if (y + h < p.clip_top || y > p.clip_bottom) {
                y += h;
                continue;
            }
        }
        if (y + p.body->FontSize >= p.clip_top && y <= p.clip_bottom) {
            if (ordered) {
                std::string marker = std::to_string(number) + ".";
                float mw = p.body->CalcTextSizeA(p.body->FontSize, FLT_MAX, 0, marker.c_str()).x;
                p.dl->AddText(p.body, p.body->FontSize, ImVec2(left + indent - 6.0f * p.scale - mw, y), p.muted_col, marker.c_str());
            } else {
                float r = 2.5f * p.scale;
                ImVec2 c(left + indent * 0.45f, y + p.body->FontSize * 0.55f);
                if (depth % 2 == 0)
                    p.dl->AddCircleFilled(c, r, p.muted_col);
                else
                    p.dl->AddCircle(c, r, p.muted_col, 0, 1.0f * p.scale);
            }
        }
        ImGui::PushID(static_cast<int>(i));
        y = draw_blocks(p, list.children[i].children, left + indent, right, y, depth + 1, list.tight);
        ImGui::PopID();
        if (y == item_top) y += p.body->FontSize + 3.0f * p.scale;  // an empty item still takes a line
        y += gap;
        if (item_heights) (*item_heights)[i] = y - item_top;
    }
    return y;
}

float draw_code_block(Painter& p, const md::Block& b, float left, float right, float y) {
    const float line = p.body->FontSize + 2.0f * p.scale;
    const float pad = 6.0f * p.scale;
    int lines = static_cast<int>(std::count(b.literal.begin(), b.literal.end(), '\n'));
    float h = std::max(1, lines) * line + 2 * pad;
    if (y + h >= p.clip_top && y <= p.clip_bottom) {
        p.dl->AddRectFilled(ImVec2(left, y), ImVec2(right, y + h), p.code_bg, 3.0f * p.scale);
        ImVec4 clip(left, y, right - pad, y + h);
        std::string_view rest = b.literal;
        float ly = y + pad;
        while (!rest.empty()) {
            std::size_t nl = rest.find('\n');
            std::string_view l = rest.substr(0, nl);
            if (ly + line >= p.clip_top && ly <= p.clip_bottom)
                p.dl->AddText(p.body, p.body->FontSize, ImVec2(left + pad, ly), p.text_col, l.data(), l.data() + l.size(), 0.0f, &clip);
            ly += line;
            if (nl == std::string_view::npos) break;
            rest.remove_prefix(nl + 1);
        }
    }
    return y + h;
}

float draw_table(Painter& p, const md::Block& b, float left, float right, float y) {
    if (b.children.empty()) return y;
    int columns = static_cast<int>(b.children.front().children.size());
    if (columns <= 0) return y;
    columns = std::min(columns, 64);  // ImGui's limit; wider tables lose their last columns
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##table", columns, flags, ImVec2(right - left, 0))) return y;
    for (std::size_t r = 0; r < b.children.size(); ++r) {
        const md::Block& row = b.children[r];
        ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : 0);
        for (int c = 0; c < columns && c < static_cast<int>(row.children.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            if (r == 0) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
            const md::Block& cell = row.children[c];
            ImVec2 at = ImGui::GetCursorScreenPos();
            float cell_right = at.x + ImGui::GetContentRegionAvail().x;
            RunStyle st;
            st.strong = r == 0;
            // Alignment applies to cells that fit on one line.
            float x = at.x;
            if (cell.align == md::Align::center || cell.align == md::Align::right) {
                std::string plain = md::plain_text(cell.inlines);
                float w = p.body->CalcTextSizeA(p.body->FontSize, FLT_MAX, 0, plain.c_str()).x;
                float room = cell_right - at.x - w;
                if (room > 0) x += cell.align == md::Align::center ? room * 0.5f : room;
            }
            ImGui::PushID(c);
            float bottom = draw_inlines(p, cell.inlines, p.body, st, x, cell_right, at.y, p.text_col);
            ImGui::PopID();
            ImGui::Dummy(ImVec2(cell_right - at.x, bottom - at.y));
        }
    }
    ImGui::EndTable();
    return ImGui::GetCursorScreenPos().y;
}

float draw_block(Painter& p, const md::Block& b, float left, float right, float y, int depth, bool tight) {
    const float para_gap = tight ? 1.0f * p.scale : 7.0f * p.scale;
    switch (b.kind) {
    case md::BlockKind::paragraph:
        return draw_inlines(p, b.inlines, p.body, {}, left, right, y, p.text_col) + para_gap;
    case md::BlockKind::heading: {
        ImFont* font = b.level == 1 ? ui_font(FontRole::heading1) : b.level == 2 ? ui_font(FontRole::heading2) : p.body;
        RunStyle st;
        st.strong = b.level >= 3;
        y += (b.level <= 2 ? 8.0f : 4.0f) * p.scale;
        y = draw_inlines(p, b.inlines, font, st, left, right, y, p.text_col);
        if (b.level <= 2) {
            p.dl->AddLine(ImVec2(left, y + 1.0f * p.scale), ImVec2(right, y + 1.0f * p.scale), ImGui::GetColorU32(ImGuiCol_Separator));
            y += 4.0f * p.scale;
        }
        return y + 4.0f * p.scale;
    }
    case md::BlockKind::bullet_list:
    case md::BlockKind::ordered_list: return draw_list(p, b, left, right, y, depth) + (tight ? 0.0f : para_gap);
    case md::BlockKind::list_item: return draw_blocks(p, b.children, left, right, y, depth + 1, tight);
    case md::BlockKind::block_quote: {
        float bar = 3.0f * p.scale;
        float inner = left + bar + 10.0f * p.scale;
        float end = draw_blocks(p, b.children, inner, right, y, depth + 1, false);
        p.dl->AddRectFilled(ImVec2(left, y), ImVec2(left + bar, end - para_gap), p.muted_col);
        return end;
    }
    case md::BlockKind::code_block: return draw_code_block(p, b, left, right, y) + para_gap;
    case md::BlockKind::thematic_break: {
        float mid = y + 6.0f * p.scale;
        p.dl->AddLine(ImVec2(left, mid), ImVec2(right, mid), ImGui::GetColorU32(ImGuiCol_Separator), 1.0f * p.scale);
        return y + 12.0f * p.scale;
    }
    case md::BlockKind::table: return draw_table(p, b, left, right, y) + para_gap;
    case md::BlockKind::table_row:
    case md::BlockKind::table_cell: return y;  // drawn by their table
    }
    return y;
}


void draw_markdown(App::State& s, const md::Document& doc, MarkdownView& view) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 40.0f * s.config.ui_scale);
    if (view.width != width || view.heights.size() != doc.blocks.size()) {
        view.width = width;
        view.heights.assign(doc.blocks.size(), 0.0f);
        view.item_heights.assign(doc.blocks.size(), {});
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Painter p{s,
              dl,
              ui_font(FontRole::body),
              s.config.ui_scale,
              ImGui::GetColorU32(ImGuiCol_Text),
              ImGui::GetColorU32(ImGuiCol_TextDisabled),
              ImGui::GetColorU32(s.dark ? ImVec4(0.45f, 0.68f, 1.0f, 1.0f) : ImVec4(0.1f, 0.38f, 0.85f, 1.0f)),
              ImGui::GetColorU32(s.dark ? ImVec4(1, 1, 1, 0.09f) : ImVec4(0, 0, 0, 0.06f)),
              ImGui::IsWindowHovered(),
              dl->GetClipRectMin().y,
              dl->GetClipRectMax().y};
    float y = origin.y;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const md::Block& b = doc.blocks[i];
        if (view.heights[i] == 0.0f) view.heights[i] = -estimate(p, b);
        float h = std::abs(view.heights[i]);
        if (y + h < p.clip_top || y > p.clip_bottom) {
            y += h;
            continue;
        }
        ImGui::PushID(static_cast<int>(i));
        bool list = b.kind == md::BlockKind::bullet_list || b.kind == md::BlockKind::ordered_list;
        float end = list ? draw_list(p, b, origin.x, origin.x + width, y, 0, &view.item_heights[i]) + 7.0f * p.scale
                         : draw_block(p, b, origin.x, origin.x + width, y, 0, false);
        ImGui::PopID();
        view.heights[i] = end - y;
        y = end;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, std::max(1.0f, y - origin.y)));
}

}  // namespace

// ---- the notes panel ------------------------------------------------------------------------------

struct NotesCache {
    bool valid = false;
    unsigned revision = 0;
    Release snapshot;  // the release as generated, to follow typing before the edit is committed
    int audience = -1;
    int format = -1;
    Date today{};
    double checked_at = 0.0;
    std::optional<md::Document> document;
    std::string text;
    std::string error;
    std::string file_name;
    MarkdownView tab_view;
    MarkdownView side_view;
};

namespace {

NotesOptions notes_options(const App::State& s) {
    NotesOptions o;
    o.audience = notes_audiences[std::clamp(s.notes.audience, 0, static_cast<int>(std::size(notes_audiences)) - 1)];
    o.format = notes_formats[std::clamp(s.notes.format, 0, static_cast<int>(std::size(notes_formats)) - 1)];
    o.today = today();
    return o;
}

bool markdown_format(NotesFormat f) { return f == NotesFormat::markdown || f == NotesFormat::keep_a_changelog; }

// The notes for `r`, regenerated when the plan, the release, the options or the day changed. While a
// field is being typed into (not yet an undo step) the release is compared a few times a second.
NotesCache& notes_for(App::State& s, const Release& r) {
    if (!s.notes.cache) s.notes.cache = std::make_shared<NotesCache>();
    NotesCache& c = *s.notes.cache;
    const NotesOptions o = notes_options(s);
    const double now = ImGui::GetTime();
    bool stale = !c.valid || c.revision != s.doc.revision() || c.snapshot.id != r.id || c.audience != s.notes.audience ||
                 c.format != s.notes.format || c.today != *o.today;
    if (!stale && ImGui::IsAnyItemActive() && now - c.checked_at > 0.25) {
        c.checked_at = now;
        stale = !(c.snapshot == r);
    }
    if (!stale) return c;
    c.valid = true;
    c.revision = s.doc.revision();
    c.snapshot = r;
    c.audience = s.notes.audience;
    c.format = s.notes.format;
    c.today = *o.today;
    c.error.clear();
    c.document.reset();
    c.text.clear();
    Result<std::string> text = render_notes(s.doc.plan, r, o);
    if (text) c.text = std::move(*text);
    else c.error = text.error().message;
    if (markdown_format(o.format)) {
        Result<md::Document> doc = build_notes(s.doc.plan, r, o);
        if (doc) c.document = std::move(*doc);
        else c.error = doc.error().message;
    }
    c.file_name = notes_file_name(s.doc.plan, r, o);
    c.tab_view = {};
    c.side_view = {};
    return c;
}

std::string directory_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : slash == 0 ? "/" : path.substr(0, slash);
}

void save_notes(App::State& s, const NotesCache& c) {
    std::string target = c.file_name;
    if (platform::abilities().file_paths) {
        std::string dir = directory_of(s.doc.path());
        if (dir.empty()) dir = platform::home_directory();
        target = (dir == "/" ? "" : dir) + "/" + c.file_name;
    }
    if (auto saved = platform::save_file(target, c.text); !saved)
        s.messages.push_back({"Could not save the notes to " + target, {saved.error().message}});
    else
        s.flash((platform::abilities().file_paths ? "Saved " : "Downloading ") + target, ImGui::GetTime());
}

template <class T, std::size_t N, class Label>
// Anchored as "notes.<id>" (`id` without its "##"), its entries as "notes.<id>.<value>" ("notes.audience.end-user").
bool option_combo(const char* id, int& index, const T (&values)[N], Label label, float width) {
    index = std::clamp(index, 0, static_cast<int>(N) - 1);
    bool changed = false;
    const std::string name = std::string("notes.") + (id + 2);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, std::string(label(values[index])).c_str());
    anchor(name);
    if (open) {
        for (int i = 0; i < static_cast<int>(N); ++i) {
            if (ImGui::Selectable(std::string(label(values[i])).c_str(), i == index)) {
                index = i;
                changed = true;
            }
            anchor(name + "." + std::string(to_string(values[i])));
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string_view audience_label(Audience a) {
    switch (a) {
    case Audience::technical: return "Technical";
    case Audience::customer: return "Customer";
    case Audience::end_user: return "End user";
    case Audience::internal: return "Internal";
    }
    return "";
}

void draw_toolbar(App::State& s, NotesCache& c, bool beside) {
    const float scale = s.config.ui_scale;
    if (beside) {
        // First in the row, so a narrow column clips the toolbar's end rather than the close button.
        if (ImGui::Button("x", ImVec2(ImGui::GetFrameHeight(), 0))) s.notes.beside_editor = false;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the notes preview (the Notes tab still has it)");
        ImGui::SameLine();
    }
    option_combo("##audience", s.notes.audience, notes_audiences, audience_label, 110 * scale);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Audience: technical notes show everything; customer and end-user notes only what is marked for them");
    ImGui::SameLine();
    option_combo("##format", s.notes.format, notes_formats, notes_format_label, 140 * scale);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("File format of the notes");
    NotesFormat f = notes_formats[s.notes.format];
    // In the narrow column beside the editor the buttons wrap to a second row instead of being clipped.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float buttons_w = ImGui::CalcTextSize("Source Copy Download").x + ImGui::GetFrameHeight() +
                            st.FramePadding.x * 6 + st.ItemSpacing.x * 4;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < buttons_w) ImGui::NewLine();
    if (markdown_format(f) && !beside) {
        ImGui::Checkbox("Source beside", &s.notes.side_by_side);
        anchor("notes.side_by_side");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The Markdown text next to the notes as readers see them");
        ImGui::SameLine();
    }
    if (markdown_format(f) && (beside || !s.notes.side_by_side)) {
        bool source = !s.notes.rendered;
        if (ImGui::Checkbox("Source", &source)) s.notes.rendered = !source;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the Markdown text instead of drawing it");
        ImGui::SameLine();
    }
    if (ImGui::Button("Copy") && !c.text.empty()) {
        platform::set_clipboard(c.text);
        s.flash("Notes copied to the clipboard (" + std::string(notes_format_label(f)) + ")", ImGui::GetTime());
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the notes as %s", std::string(notes_format_label(f)).c_str());
    ImGui::SameLine();
    const bool paths = platform::abilities().file_paths;
    if (ImGui::Button(paths ? "Save" : "Download") && !c.text.empty()) save_notes(s, c);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", paths ? "Save next to the plan as" : "Download as", c.file_name.c_str());
}

void draw_source(const std::string& text) {
    // Long outputs are listed line by line through a clipper; short ones stay selectable text.
    if (text.size() < (256u << 10)) {
        std::string copy = text;
        ImGui::InputTextMultiline("##source", copy.data(), copy.size() + 1, ImVec2(-1, -1), ImGuiInputTextFlags_ReadOnly);
        return;
    }
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(starts.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            std::size_t b = starts[i];
            std::size_t e = i + 1 < static_cast<int>(starts.size()) ? starts[i + 1] - 1 : text.size();
            ImGui::TextUnformatted(text.data() + b, text.data() + e);
        }
}

void draw_notes_panel(App::State& s, bool beside) {
    Release* r = selected_release(s);
    if (!r) {
        ImGui::TextDisabled("Select a release to preview its notes.");
        return;
    }
    NotesCache& c = notes_for(s, *r);
    test_hooks::notes_shown(c.text);
    draw_toolbar(s, c, beside);
    if (!c.error.empty()) {
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", c.error.c_str());
        return;
    }
    NotesFormat f = notes_formats[s.notes.format];
    if (!beside && markdown_format(f) && s.notes.side_by_side && c.document) {
        // Source and rendered preview side by side: both from the one generated text and its document.
        const float w = std::floor((ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        ImGui::BeginChild("##notes_source", ImVec2(w, 0), true);
        draw_source(c.text);
        ImGui::EndChild();
        anchor("notes.source");
        ImGui::SameLine();
        ImGui::BeginChild("##notes_tab", ImVec2(0, 0), true);
        draw_markdown(s, *c.document, c.tab_view);
        ImGui::EndChild();
        anchor("notes.rendered");
        anchor("notes.tab");
        return;
    }
    ImGui::BeginChild(beside ? "##notes_side" : "##notes_tab", ImVec2(0, 0), true);
    if (markdown_format(f) && s.notes.rendered && c.document)
        draw_markdown(s, *c.document, beside ? c.side_view : c.tab_view);
    else
        draw_source(c.text);
    ImGui::EndChild();
    anchor(beside ? "notes.beside_editor" : "notes.tab");
}

}  // namespace

void draw_notes_preview(App::State& s) { draw_notes_panel(s, false); }

void draw_notes_beside_editor(App::State& s) { draw_notes_panel(s, true); }

}  // namespace relplan::ui

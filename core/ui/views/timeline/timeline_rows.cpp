// The timeline's rows: background grid, release bars, row labels (see timeline_rows.hpp).
//
// Cost per frame depends on what is on screen only: rows are clipped with ImGuiListClipper, each
// lane's releases are found by binary search on the visible days, bars narrower than a pixel or two
// are merged into runs, and the background grid is one quad drawn by shaders/timeline_grid.glsl.
#include "views/timeline/timeline_rows.hpp"

#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace relplan::ui::timeline {

namespace {

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

GridColors grid_colors(bool dark) {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_ChildBg);
    if (bg.w < 0.5f) bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bg.w = 1.0f;
    const CalendarColors& c = calendar_colors(dark);
    const float ink = dark ? 1.0f : 0.0f;
    return GridColors{
        bg,
        c.weekend,
        ImVec4(c.holiday.x, c.holiday.y, c.holiday.z, dark ? 0.18f : 0.16f),
        ImVec4(c.blackout.x, c.blackout.y, c.blackout.z, dark ? 0.45f : 0.42f),
        ImVec4(ink, ink, ink, dark ? 0.05f : 0.05f),
        ImVec4(ink, ink, ink, dark ? 0.10f : 0.11f),
        ImVec4(ink, ink, ink, dark ? 0.20f : 0.24f),
        ImVec4(ink, ink, ink, dark ? 0.38f : 0.45f),
    };
}

// A fallback when the grid shader is unavailable: flat background, month lines, period fills.
void draw_plain_background(ImDrawList* dl, const Axis& ax, ImVec2 a, ImVec2 b, const GridColors& gc,
                           const std::vector<Band>& bands) {
    dl->AddRectFilled(a, b, u32(gc.background));
    for (std::int32_t u = month_start(ax.first_day()); u <= ax.last_day(); u = next_month(u))
        dl->AddLine(ImVec2(ax.x(u), a.y), ImVec2(ax.x(u), b.y), u32(gc.month_line));
    for (const Band& band : bands)
        dl->AddRectFilled(ImVec2(ax.cx(band.first), a.y + std::max(band.y0, 0.0f)),
                          ImVec2(ax.cx(band.last + 1.0), a.y + std::min(band.y1, b.y - a.y)),
                          u32(band.blackout ? gc.blackout : gc.holiday, band.blackout ? 0.5f : 1.0f));
}

// One release bar with its milestones: planning → feature freeze → code freeze → release, each
// stretch a little darker; the release day ends in a diamond; the change window is a strip along
// the bottom; the notice deadline a small flag on top.
void draw_bar(App::State& s, ImDrawList* dl, const Axis& ax, const ReleaseDays& d, const Release& r, float y0, float y1,
              bool selected, ConflictLevel level, bool faded) {
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    const ImVec4 base = status_color(r.status);
    const float x0 = ax.cx(d.bar_first), x1 = std::max(ax.cx(d.bar_last + 1.0), x0 + 2.0f);
    const float a_plan = faded ? 0.12f : (s.dark ? 0.30f : 0.22f);
    const float a_ff = faded ? 0.18f : (s.dark ? 0.45f : 0.38f);
    const float a_cf = faded ? 0.25f : (s.dark ? 0.65f : 0.58f);
    const float xf = std::clamp(ax.cx(d.feature_freeze), x0, x1), xc = std::clamp(ax.cx(d.code_freeze), x0, x1);
    const float rounding = std::min(4.0f * scale, (x1 - x0) * 0.5f);
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), u32(base, a_plan), rounding);
    if (xc > xf) dl->AddRectFilled(ImVec2(xf, y0), ImVec2(xc, y1), u32(base, a_ff));
    if (x1 > xc) dl->AddRectFilled(ImVec2(xc, y0), ImVec2(x1, y1), u32(base, a_cf), rounding, ImDrawFlags_RoundCornersRight);
    const float w = x1 - x0;
    if (w >= 10.0f * scale) {
        const ImU32 tick = u32(mix(base, ImVec4(0, 0, 0, 1), s.dark ? 0.0f : 0.35f), 0.9f);
        if (xf > x0 + 1.0f && xf < x1 - 1.0f) dl->AddLine(ImVec2(xf, y0), ImVec2(xf, y1), tick, 1.0f * scale);
        if (xc > x0 + 1.0f && xc < x1 - 1.0f) dl->AddLine(ImVec2(xc, y0), ImVec2(xc, y1), tick, 1.5f * scale);
        if (ax.ppd >= 6.0f * scale) {
            const float cx = ax.x(d.release + 0.5), cy = (y0 + y1) * 0.5f, h = (y1 - y0) * 0.32f;
            dl->AddQuadFilled(ImVec2(cx, cy - h), ImVec2(cx + h, cy), ImVec2(cx, cy + h), ImVec2(cx - h, cy), u32(base));
        }
        if (d.notice_deadline < d.release) {
            const float nx = ax.cx(d.notice_deadline), fs = 4.0f * scale;
            dl->AddTriangleFilled(ImVec2(nx - fs, y0 - 1.0f), ImVec2(nx + fs, y0 - 1.0f), ImVec2(nx, y0 + fs), u32(colors.notice));
        }
    }
    if (d.has_window) {
        const float wx0 = ax.cx(d.window_start), wx1 = std::max(ax.cx(d.window_end), wx0 + 3.0f * scale);
        dl->AddRectFilled(ImVec2(wx0, y1 - 4.0f * scale), ImVec2(wx1, y1), u32(colors.window));
    }
    // The title inside the bar when it fits (measured only for bars wide enough to possibly hold it).
    if (!faded && w >= ImGui::GetFontSize() * 2.5f) {
        const std::string title = release_title(r);
        const ImVec2 ts = ImGui::CalcTextSize(title.c_str());
        if (w >= ts.x + 10.0f * scale) {
            ImVec4 clip(x0, y0, x1, y1);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(std::max(x0, ax.x0) + 5.0f * scale, (y0 + y1 - ts.y) * 0.5f - 1.0f),
                        ImGui::GetColorU32(ImGuiCol_Text), title.c_str(), nullptr, 0.0f, &clip);
        }
    }
    if (level != ConflictLevel::none) dl->AddRect(ImVec2(x0 - 1.0f, y0 - 1.0f), ImVec2(x1 + 1.0f, y1 + 1.0f), u32(conflict_color(level)), rounding, 0, 2.0f * scale);
    if (selected) dl->AddRect(ImVec2(x0 - 2.5f * scale, y0 - 2.5f * scale), ImVec2(x1 + 2.5f * scale, y1 + 2.5f * scale), u32(colors.selection), rounding + 2.0f, 0, 2.0f * scale);
    if (faded) dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), u32(colors.selection, 0.5f), rounding, 0, 1.0f * scale);
}

// Bars under two pixels merge into runs of one status colour; their conflicts become thin marks on
// top, so a zoomed-out plan still shows where the trouble is.
struct NarrowBars {
    float run_x0 = 0.0f, run_x1 = -1e9f;
    ImU32 run_col = 0;
    std::vector<std::pair<float, ConflictLevel>> marks;

    void add(ImDrawList* dl, float x0, float x1, ImU32 col, ConflictLevel level, float y0, float y1, float scale) {
        const float end = std::max(x1, x0 + 1.0f);
        if (col == run_col && x0 <= run_x1 + 1.0f) {
            run_x1 = std::max(run_x1, end);
        } else {
            flush(dl, y0, y1);
            run_x0 = x0;
            run_x1 = end;
            run_col = col;
        }
        if (level == ConflictLevel::none) return;
        if (!marks.empty() && x0 < marks.back().first + 2.0f * scale) marks.back().second = std::max(marks.back().second, level);
        else marks.push_back({x0, level});
    }
    void flush(ImDrawList* dl, float y0, float y1) {
        if (run_x1 > run_x0) dl->AddRectFilled(ImVec2(run_x0, y0), ImVec2(run_x1, y1), run_col);
        run_x1 = -1e9f;
    }
    void draw_marks(ImDrawList* dl, float y0, float y1, float scale) const {
        for (const auto& [mx, lv] : marks)
            dl->AddRectFilled(ImVec2(mx, y0 - 1.0f), ImVec2(mx + 2.0f * scale, y1 + 1.0f), u32(conflict_color(lv)));
    }
};

// A bar wide enough to draw whole, with its test anchor, overdue badge, compare outline and, while
// it is dragged, the ghost of where it would land.
void draw_wide_bar(App::State& s, ImDrawList* dl, const Axis& ax, const ReleaseDays& d, const Release& r, float y0, float y1,
                   ConflictLevel level, const ReleaseDays* ghost) {
    const float scale = s.config.ui_scale;
    const bool dragged = ghost != nullptr;
    draw_bar(s, dl, ax, d, r, y0, y1, r.id == s.selected_release && !dragged, level, dragged);
    const float x0 = ax.cx(d.bar_first), x1 = ax.cx(d.bar_last + 1.0);
    const ImVec2 bar_lo(x0, y0), bar_hi(std::max(x1, x0 + 2.0f), y1);
    anchor_rect("timeline.release." + r.id, bar_lo, bar_hi);
    if (d.overdue > 0 && !dragged)  // after the release day, where the eye looks for it
        draw_overdue_badge(s, dl, ImVec2(bar_hi.x + 3.0f * scale, bar_lo.y), bar_hi.y - bar_lo.y, d.overdue, "timeline.release." + r.id);
    if (compare_highlights(s, r.id))  // the compare window lists this release
        dl->AddRect(ImVec2(x0 - 2.0f * scale, y0 - 2.0f * scale), ImVec2(x1 + 2.0f * scale, y1 + 2.0f * scale),
                    u32(compare_color()), 4.0f * scale, 0, 2.0f * scale);
    if (dragged) draw_bar(s, dl, ax, *ghost, r, y0, y1, true, ConflictLevel::none, false);
}

// One lane at screen height `y`: its row's tint and separator, then the releases in view.
void draw_lane(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const Axis& ax, std::int32_t lane, float y,
               const std::optional<ReleaseDays>& ghost, bool hovered, Hit& hit) {
    ImDrawList* dl = area.dl;
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = s.config.ui_scale;
    const float lane_h = area.lane_h;
    const TimelineLane& ln = idx.lanes[lane];
    if (ln.row % 2 == 1)
        dl->AddRectFilled(ImVec2(area.min.x, y), ImVec2(area.max.x, y + lane_h), s.dark ? IM_COL32(255, 255, 255, 7) : IM_COL32(0, 0, 40, 6));
    if (lane == idx.rows[ln.row].first_lane && ln.row > 0)
        dl->AddLine(ImVec2(area.min.x, y), ImVec2(area.max.x, y), u32(calendar_colors(s.dark).grid, 1.4f));
    const std::int32_t first_day = ax.first_day() - 1, last_day = ax.last_day() + 1;
    const float bar_pad = std::floor(4.0f * scale);
    const float y0 = y + bar_pad, y1 = y + lane_h - bar_pad;
    const std::vector<ConflictLevel>& levels = conflict_levels(s);
    const auto& v = ln.releases;
    auto it = std::lower_bound(v.begin(), v.end(), first_day, [&](std::int32_t r, std::int32_t d) { return idx.days[r].bar_last < d; });
    NarrowBars narrow;
    for (; it != v.end(); ++it) {
        const std::int32_t rel = *it;
        const ReleaseDays& d = idx.days[rel];
        if (d.bar_first > last_day) break;
        const Release& r = s.doc.plan.releases[rel];
        const float x0 = ax.cx(d.bar_first), x1 = ax.cx(d.bar_last + 1.0);
        if (hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h && io.MousePos.x >= x0 - 2.0f &&
            io.MousePos.x < std::max(x1, x0 + 3.0f) + 2.0f)
            hit = {rel, lane};
        if (x1 - x0 < 2.0f) {
            narrow.add(dl, x0, x1, u32(status_color(r.status), 0.75f), levels[rel], y0, y1, scale);
            continue;
        }
        narrow.flush(dl, y0, y1);
        const bool dragged = ghost && rel == s.timeline.drag_release;
        draw_wide_bar(s, dl, ax, d, r, y0, y1, levels[rel], dragged ? &*ghost : nullptr);
    }
    narrow.flush(dl, y0, y1);
    narrow.draw_marks(dl, y0, y1, scale);
}

}  // namespace

// Holidays and blackouts in view, as shaded bands: all rows, or the rows of their components.
std::vector<Band> visible_bands(const Plan& plan, const ScheduleIndex& idx, const Axis& ax, float scroll, float lane_h,
                                float view_h) {
    std::vector<Band> out;
    const std::int32_t first = ax.first_day() - 1, last = ax.last_day() + 1;
    auto scan = [&](const std::vector<Period>& list, bool blackout) {
        for (const Period& p : list) {
            if (!p.start.ok() || !p.end.ok()) continue;
            const std::int32_t a = day_number(p.start), b = day_number(p.end);
            if (b < a || b < first || a > last) continue;
            if (p.components.empty()) {
                out.push_back({&p, blackout, a, b, -1.0f, view_h + 1.0f});
                continue;
            }
            for (const TimelineRow& row : idx.rows) {
                if (row.component.empty() || std::find(p.components.begin(), p.components.end(), row.component) == p.components.end())
                    continue;
                const float y0 = row.first_lane * lane_h - scroll, y1 = (row.first_lane + row.lane_count) * lane_h - scroll;
                if (y1 < 0.0f || y0 > view_h) continue;
                out.push_back({&p, blackout, a, b, y0, y1});
            }
        }
    };
    scan(plan.holidays, false);
    scan(plan.blackouts, true);
    return out;
}

void draw_grid(App::State& s, const RowsArea& area, const Axis& ax, const std::vector<Band>& bands) {
    const GridColors gc = grid_colors(s.dark);
    if (!s.timeline_grid->error().empty()) {
        draw_plain_background(area.dl, ax, area.min, area.max, gc, bands);
        return;
    }
    GridParams gp;
    gp.rect_min = area.min;
    gp.rect_max = area.max;
    gp.origin_day = ax.first_day();
    gp.day_offset = static_cast<float>(ax.start - gp.origin_day);
    gp.px_per_day = static_cast<float>(ax.ppd);
    gp.colors = gc;
    for (const Band& b : bands)
        (b.blackout ? gp.blackouts : gp.holidays)
            .push_back({static_cast<float>(b.first - gp.origin_day), static_cast<float>(b.last + 1 - gp.origin_day), b.y0, b.y1});
    s.timeline_grid->draw(area.dl, std::move(gp));
}

DrawnLanes draw_lanes(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const Axis& ax,
                      const std::optional<ReleaseDays>& ghost, bool hovered) {
    DrawnLanes out;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(idx.lanes.size()), area.lane_h);
    area.dl->PushClipRect(area.min, area.max, true);
    while (clipper.Step()) {
        for (int lane = clipper.DisplayStart; lane < clipper.DisplayEnd; ++lane) {
            ImGui::Dummy(ImVec2(area.label_w + area.rows_w, area.lane_h));
            if (out.lane_lo < 0 || lane < out.lane_lo) out.lane_lo = lane;
            out.lane_hi = std::max(out.lane_hi, lane);
            draw_lane(s, idx, area, ax, lane, area.origin.y - area.scroll + lane * area.lane_h, ghost, hovered, out.hit);
        }
    }
    area.dl->PopClipRect();
    clipper.End();
    return out;
}

void draw_row_labels(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const DrawnLanes& lanes) {
    ImDrawList* dl = area.dl;
    const float scale = s.config.ui_scale;
    const ImVec2 wp = area.origin;
    const ImU32 separator = u32(calendar_colors(s.dark).grid, 1.4f);
    dl->AddRectFilled(ImVec2(wp.x, wp.y), ImVec2(area.min.x, area.max.y), u32(grid_colors(s.dark).background));
    if (lanes.lane_lo >= 0) {
        for (std::int32_t row = idx.lanes[lanes.lane_lo].row; row <= idx.lanes[lanes.lane_hi].row; ++row) {
            const TimelineRow& r = idx.rows[row];
            const float top = wp.y - area.scroll + r.first_lane * area.lane_h, bottom = top + r.lane_count * area.lane_h;
            if (row > 0) dl->AddLine(ImVec2(wp.x, top), ImVec2(area.min.x, top), separator);
            std::size_t count = 0;
            for (std::int32_t l = r.first_lane; l < r.first_lane + r.lane_count; ++l) count += idx.lanes[l].releases.size();
            const float ty = std::min(std::max(top, wp.y) + (area.lane_h - ImGui::GetFontSize()) * 0.5f, bottom - ImGui::GetFontSize() - 2.0f);
            ImVec4 clip(wp.x, top, area.min.x - 36.0f * scale, bottom);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(wp.x + 8.0f * scale, ty), ImGui::GetColorU32(ImGuiCol_Text),
                        r.label.c_str(), nullptr, 0.0f, &clip);
            char n[16];
            std::snprintf(n, sizeof n, "%zu", count);
            const float nw = ImGui::CalcTextSize(n).x;
            dl->AddText(ImVec2(area.min.x - nw - 8.0f * scale, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), n);
        }
    }
    dl->AddLine(ImVec2(area.min.x - 1.0f, area.min.y), ImVec2(area.min.x - 1.0f, area.max.y), separator);
}

}  // namespace relplan::ui::timeline

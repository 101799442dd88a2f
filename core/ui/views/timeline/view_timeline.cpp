// The timeline: one row per component, each release a bar from planning start to release date
// (shaded darker after each freeze), change windows, notice deadlines, holidays and blackouts, a
// today line; zoom from days to decades, smooth panning, drag a bar to move its release.
//
// Cost per frame depends on what is on screen only: rows are clipped with ImGuiListClipper, each
// lane's releases are found by binary search on the visible days, bars narrower than a pixel or two
// are merged into runs, and the background grid is one quad drawn by shaders/timeline_grid.glsl.
#include "gfx/timeline_shader.hpp"
#include "views/timeline/timeline_axis.hpp"
#include "app/release_commands.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "base/tz.hpp"
#include "calendar/what_if.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel: the wheel zooms the rows instead of scrolling

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace relplan::ui {

namespace {

using namespace timeline;

constexpr double min_px_per_day = 0.04;  // about forty years across a wide window
constexpr double max_px_per_day = 240.0;

struct Preset {
    const char* label;
    double px_per_day;
};
constexpr Preset presets[] = {{"Days", 60.0}, {"Weeks", 12.0}, {"Months", 3.0}, {"Quarters", 1.0}, {"Years", 0.3}};


ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

double visible_days(const TimelineViewState& t, float width, float scale) { return width / (t.px_per_day * scale); }

void clamp_view(TimelineViewState& t) {
    t.target_px_per_day = std::clamp(t.target_px_per_day, min_px_per_day, max_px_per_day);
    const double lo = day_number(min_supported_date), hi = day_number(max_supported_date);
    t.start = std::clamp(t.start, lo, hi);
    t.target_start = std::clamp(t.target_start, lo, hi);
}

// Eases the view toward its target; a zoom keeps the anchor day under the anchor x.
void animate(TimelineViewState& t, float dt, float scale) {
    const double k = 1.0 - std::exp(-static_cast<double>(std::max(dt, 0.0f)) * 16.0);
    const double ratio = t.target_px_per_day / t.px_per_day;
    if (std::abs(std::log(ratio)) < 2e-3) t.px_per_day = t.target_px_per_day;
    else t.px_per_day *= std::pow(ratio, k);
    if (t.anchored) {
        t.start = t.anchor_day - t.anchor_x / (t.px_per_day * scale);
        if (t.px_per_day == t.target_px_per_day) {
            t.anchored = false;
            t.target_start = t.start;
        }
    } else {
        const double diff = t.target_start - t.start;
        if (std::abs(diff * t.px_per_day * scale) < 0.25) t.start = t.target_start;
        else t.start += diff * k;
    }
    clamp_view(t);
}

void zoom_at(TimelineViewState& t, double factor, float anchor_x, float scale) {
    if (!t.anchored) {
        t.anchor_x = anchor_x;
        t.anchor_day = t.start + anchor_x / (t.px_per_day * scale);
    } else if (t.anchor_x != anchor_x) {
        t.anchor_day = t.start + anchor_x / (t.px_per_day * scale);
        t.anchor_x = anchor_x;
    }
    t.anchored = true;
    t.target_px_per_day = std::clamp(t.target_px_per_day * factor, min_px_per_day, max_px_per_day);
}

void pan_to(TimelineViewState& t, double start) {
    if (t.anchored) {
        t.px_per_day = t.target_px_per_day;
        t.anchored = false;
    }
    t.target_start = start;
}

// ---- rows --------------------------------------------------------------------------------------

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

struct Band {
    const Period* period;
    bool blackout;
    std::int32_t first, last;
    float y0, y1;  // relative to the rows area's top
};

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

struct BarStyle {
    ImVec4 base;
    float alpha;
};

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

// The release under the mouse, found while drawing.
struct Hit {
    std::int32_t release = -1;
    std::int32_t lane = -1;
};

// Where a dragged release would land: its milestones recomputed for the new date, as the what-if
// preview will show them.
std::optional<ReleaseDays> dragged_days(const Plan& plan, const ReleaseDays& from, const Release& r, std::int32_t delta) {
    Release moved = r;
    moved.release_date = date_of_day(from.release + delta);
    ReleaseDays d = from;
    d.release = from.release + delta;
    Result<MilestoneSchedule> m = compute_milestones(plan, moved);
    if (!m) return std::nullopt;
    d.planning_start = day_number(m->at(MilestoneKind::planning_start).date);
    d.feature_freeze = day_number(m->at(MilestoneKind::feature_freeze).date);
    d.code_freeze = day_number(m->at(MilestoneKind::code_freeze).date);
    d.notice_deadline = day_number(m->at(MilestoneKind::notice_deadline).date);
    d.bar_first = std::min({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
    d.bar_last = std::max({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
    d.window_start += delta;
    d.window_end += delta;
    return d;
}

// ---- keyboard: selection moves between releases, the view follows ---------------------------------

struct Position {
    std::int32_t lane = -1;
    std::int32_t release = -1;
};

Position find_selected(App::State& s, const ScheduleIndex& idx) {
    const auto& rs = s.doc.plan.releases;
    for (std::int32_t lane = 0; lane < static_cast<std::int32_t>(idx.lanes.size()); ++lane)
        for (std::int32_t rel : idx.lanes[lane].releases)
            if (rs[rel].id == s.selected_release) return {lane, rel};
    return {};
}

// The release in `lane` whose bar starts nearest to `day`.
std::int32_t nearest_in_lane(const ScheduleIndex& idx, std::int32_t lane, std::int32_t day) {
    const auto& v = idx.lanes[lane].releases;
    if (v.empty()) return -1;
    auto it = std::lower_bound(v.begin(), v.end(), day, [&](std::int32_t r, std::int32_t d) { return idx.days[r].bar_first < d; });
    if (it == v.end()) return v.back();
    if (it == v.begin()) return *it;
    auto prev = it - 1;
    return day - idx.days[*prev].bar_first <= idx.days[*it].bar_first - day ? *prev : *it;
}

// The next release of the same row after (dir > 0) or before (dir < 0) `rel`, across the row's lanes.
std::int32_t step_in_row(const ScheduleIndex& idx, std::int32_t lane, std::int32_t rel, int dir) {
    const TimelineRow& row = idx.rows[idx.lanes[lane].row];
    const auto key = [&](std::int32_t r) { return std::make_pair(idx.days[r].bar_first, r); };
    const auto here = key(rel);
    std::int32_t best = -1;
    for (std::int32_t l = row.first_lane; l < row.first_lane + row.lane_count; ++l) {
        const auto& v = idx.lanes[l].releases;
        if (dir > 0) {
            auto it = std::upper_bound(v.begin(), v.end(), here, [&](const auto& h, std::int32_t r) { return h < key(r); });
            if (it != v.end() && (best < 0 || key(*it) < key(best))) best = *it;
        } else {
            auto it = std::lower_bound(v.begin(), v.end(), here, [&](std::int32_t r, const auto& h) { return key(r) < h; });
            if (it != v.begin() && (best < 0 || key(best) < key(*(it - 1)))) best = *(it - 1);
        }
    }
    return best;
}

void reveal(TimelineViewState& t, const ReleaseDays& d, double visible) {
    const double margin = visible * 0.1;
    if (d.bar_first >= t.target_start + margin && d.bar_last + 1 <= t.target_start + visible - margin) return;
    const double span = d.bar_last + 1 - d.bar_first;
    pan_to(t, span < visible - 2 * margin ? d.bar_first - (visible - span) * 0.5 : d.bar_first - margin);
}

// Keys act when the workspace has focus and no field takes text. Vertical moves are returned (the
// rows child applies them): a lane to bring into view, or a number of lanes to scroll by.
struct VerticalMove {
    std::optional<std::int32_t> show_lane;
    int scroll_lanes = 0;
};

VerticalMove keyboard(App::State& s, const ScheduleIndex& idx, float rows_w) {
    VerticalMove out;
    ImGuiIO& io = ImGui::GetIO();
    TimelineViewState& t = s.timeline;
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return out;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return out;
    const float scale = s.config.ui_scale;
    const double visible = visible_days(t, rows_w, scale);
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch == '+' || ch == '=') zoom_at(t, 1.5, rows_w * 0.5f, scale);
        if (ch == '-' || ch == '_') zoom_at(t, 1.0 / 1.5, rows_w * 0.5f, scale);
    }
    if (ImGui::IsKeyPressed('T', false)) pan_to(t, viewer_now_days() - visible * 0.25);
    if (pressed(ImGuiKey_PageUp)) pan_to(t, t.target_start - visible * 0.8);
    if (pressed(ImGuiKey_PageDown)) pan_to(t, t.target_start + visible * 0.8);
    if (pressed(ImGuiKey_Escape) && t.drag_release >= 0) {
        t.drag_release = -1;
        t.dragging = false;
    }
    const bool left = pressed(ImGuiKey_LeftArrow), right = pressed(ImGuiKey_RightArrow);
    const bool up = pressed(ImGuiKey_UpArrow), down = pressed(ImGuiKey_DownArrow);
    if (!(left || right || up || down)) {
        if (pressed(ImGuiKey_Enter) && !s.selected_release.empty()) open_release_editor(s, s.selected_release);
        return out;
    }
    const Position at = find_selected(s, idx);
    if (at.release < 0 || io.KeyShift) {  // nothing selected (or Shift held): the arrows pan
        if (left) pan_to(t, t.target_start - visible * 0.15);
        if (right) pan_to(t, t.target_start + visible * 0.15);
        if (up || down) out.scroll_lanes = down ? 3 : -3;
        return out;
    }
    std::int32_t next = -1, lane = at.lane;
    if (left || right) next = step_in_row(idx, at.lane, at.release, right ? 1 : -1);
    if (up || down) {
        const std::int32_t day = idx.days[at.release].bar_first;
        for (lane = at.lane + (down ? 1 : -1); lane >= 0 && lane < static_cast<std::int32_t>(idx.lanes.size()); lane += down ? 1 : -1)
            if ((next = nearest_in_lane(idx, lane, day)) >= 0) break;
    }
    if (next < 0) return out;
    s.selected_release = s.doc.plan.releases[next].id;
    reveal(t, idx.days[next], visible);
    if (up || down) out.show_lane = lane;
    else t.reveal_selection = true;
    return out;
}

void context_menu(App::State& s, const ScheduleIndex& idx) {
    TimelineViewState& t = s.timeline;
    if (!ImGui::BeginPopup("##timeline_menu")) return;
    const auto& rs = s.doc.plan.releases;
    if (t.menu_release >= 0 && t.menu_release < static_cast<std::int32_t>(rs.size())) {
        const Release& r = rs[t.menu_release];
        release_context_menu(s, r.id);
        ImGui::Separator();
        if (ImGui::MenuItem("Open in editor", "Enter")) open_release_editor(s, r.id);
        if (ImGui::MenuItem("Move to the day under the mouse…", nullptr, false, t.menu_day != idx.days[t.menu_release].release))
            request_move(s, t.menu_release, t.menu_day);
    } else {
        const std::string component =
            t.menu_row >= 0 && t.menu_row < static_cast<std::int32_t>(idx.rows.size()) ? idx.rows[t.menu_row].component : "";
        const std::string label = t.menu_row >= 0 && t.menu_row < static_cast<std::int32_t>(idx.rows.size()) ? idx.rows[t.menu_row].label : "";
        ImGui::TextDisabled("%s %s%s%s", weekday_short[weekday_index(t.menu_day)], date_text(date_of_day(t.menu_day)).c_str(),
                            label.empty() ? "" : " · ", label.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem("New release here")) new_release_on(s, t.menu_day, component);
        if (ImGui::MenuItem("Add holiday…")) open_period_dialog(s, false, -1, t.menu_day, "");
        if (ImGui::MenuItem("Add blackout for all components…")) open_period_dialog(s, true, -1, t.menu_day, "");
        if (!component.empty() && ImGui::MenuItem(("Add blackout for " + label + " only…").c_str()))
            open_period_dialog(s, true, -1, t.menu_day, component);
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_timeline(App::State& s) {
    const ScheduleIndex& idx = schedule_for(s);
    const Plan& plan = s.doc.plan;
    TimelineViewState& t = s.timeline;
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = s.config.ui_scale;
    const CalendarColors& colors = calendar_colors(s.dark);
    if (!s.timeline_grid) s.timeline_grid = std::make_shared<TimelineGrid>();

    const float label_w = std::floor(180.0f * scale);
    const float rows_w = std::max(ImGui::GetContentRegionAvail().x - label_w - style.ScrollbarSize, 50.0f);
    if (t.px_per_day <= 0.0) {
        t.px_per_day = t.target_px_per_day = presets[1].px_per_day;
        t.start = t.target_start = viewer_now_days() - visible_days(t, rows_w, scale) * 0.25;
    }
    animate(t, io.DeltaTime, scale);

    // Toolbar: zoom, presets, navigation, the visible span.
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight(), 0))) zoom_at(t, 1.0 / 1.5, rows_w * 0.5f, scale);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom out (-, mouse wheel)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight(), 0))) zoom_at(t, 1.5, rows_w * 0.5f, scale);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom in (+, mouse wheel)");
    ImGui::SameLine(0, 10.0f * scale);
    int current = 0;
    for (int i = 0; i < 5; ++i)
        if (std::abs(std::log(t.target_px_per_day / presets[i].px_per_day)) < std::abs(std::log(t.target_px_per_day / presets[current].px_per_day)))
            current = i;
    for (int i = 0; i < 5; ++i) {
        const bool on = i == current;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(presets[i].label)) zoom_at(t, presets[i].px_per_day / t.target_px_per_day, rows_w * 0.5f, scale);
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine(0, 2.0f * scale);
    }
    ImGui::SameLine(0, 10.0f * scale);
    const double visible = visible_days(t, rows_w, scale);
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) pan_to(t, t.target_start - visible * 0.5);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Earlier (Page Up)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::Button("Today")) pan_to(t, viewer_now_days() - visible * 0.25);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to today (T)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::ArrowButton("##fwd", ImGuiDir_Right)) pan_to(t, t.target_start + visible * 0.5);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Later (Page Down)");
    ImGui::SameLine(0, 10.0f * scale);
    const std::int32_t vis_first = static_cast<std::int32_t>(std::floor(t.start));
    const std::int32_t vis_last = static_cast<std::int32_t>(std::floor(t.start + visible));
    ImGui::Text("%s – %s", date_text(date_of_day(vis_first)).c_str(), date_text(date_of_day(vis_last)).c_str());
    if (idx.unscheduled > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %d without a date", idx.unscheduled);
    }
    if (!s.timeline_grid->error().empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("· plain grid");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The grid shader is unavailable here:\n%s", s.timeline_grid->error().c_str());
    }
    ImGui::SameLine();
    help_marker("Bars run from planning start to the release day: lighter until feature freeze, darker after code freeze;\n"
                "◆ release day, ▼ stakeholder notice due, teal strip = change window (your time zone).\n"
                "Green = holiday, red hatching = blackout, grey = weekend. Red/amber outline = conflict (hover for why).\n\n"
                "Mouse: wheel zooms around the pointer, Shift+wheel pans, drag empty space to pan,\n"
                "drag a bar to move its release (a preview shows what changes before you apply it),\n"
                "double-click a bar to edit it, double-click empty space for a new release, right-click for more.\n"
                "Keys: arrows move between releases (Shift+arrows pan), + / - zoom, T today, Page Up/Down, Enter edits.");

    const float tier_h = ImGui::GetFrameHeight();
    const float panel_h = s.conflict_panel ? std::max(ImGui::GetContentRegionAvail().y * 0.24f, 110.0f * scale)
                                           : ImGui::GetFrameHeightWithSpacing();
    const ImVec2 header_pos = ImGui::GetCursorScreenPos();
    Axis ax{t.start, t.px_per_day * scale, header_pos.x + label_w, rows_w};
    ImGui::Dummy(ImVec2(label_w + rows_w, 2.0f * tier_h));
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(header_pos, ImVec2(header_pos.x + label_w, header_pos.y + 2.0f * tier_h), ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        dl->AddText(ImVec2(header_pos.x + 8.0f * scale, header_pos.y + tier_h + (tier_h - ImGui::GetFontSize()) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), "Component");
    }
    // The support chart: its title row, and up to six rows before it scrolls.
    const int support_rows = support_chart_rows(s);
    const float support_h = support_rows == 0 ? 0.0f
                            : !t.support_chart ? ImGui::GetFrameHeightWithSpacing()
                                               : ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y +
                                                     std::min(support_rows, 6) * std::floor(ImGui::GetTextLineHeight() * 1.4f + 2.0f * scale);
    const float body_h = std::max(ImGui::GetContentRegionAvail().y - panel_h - support_h - style.ItemSpacing.y * (support_h > 0 ? 2 : 1),
                                  4.0f * tier_h);
    const float lane_h = std::floor(ImGui::GetTextLineHeight() * 1.8f + 4.0f * scale);
    const VerticalMove key_move = keyboard(s, idx, rows_w);

    // Rows: the shader background, then bars of the visible lanes, then the sticky labels.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##timeline_rows", ImVec2(label_w + rows_w + style.ScrollbarSize, body_h), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::PopStyleVar();  // the padding applied to the child; item spacing stays 0 for the lanes
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    const float view_h = ImGui::GetWindowHeight();
    const float scroll = ImGui::GetScrollY();
    const ImVec2 rows_min(wp.x + label_w, wp.y), rows_max(wp.x + label_w + rows_w, wp.y + view_h);
    ax.x0 = rows_min.x;

    // Also while the rows button is held: the release under a right click must be known when it is let go.
    const bool rows_hovered =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseHoveringRect(rows_min, rows_max);
    const std::vector<Band> bands = visible_bands(plan, idx, ax, scroll, lane_h, view_h);
    const GridColors gc = grid_colors(s.dark);
    if (s.timeline_grid->error().empty()) {
        GridParams gp;
        gp.rect_min = rows_min;
        gp.rect_max = rows_max;
        gp.origin_day = ax.first_day();
        gp.day_offset = static_cast<float>(ax.start - gp.origin_day);
        gp.px_per_day = static_cast<float>(ax.ppd);
        gp.colors = gc;
        for (const Band& b : bands)
            (b.blackout ? gp.blackouts : gp.holidays)
                .push_back({static_cast<float>(b.first - gp.origin_day), static_cast<float>(b.last + 1 - gp.origin_day), b.y0, b.y1});
        s.timeline_grid->draw(dl, std::move(gp));
    } else {
        draw_plain_background(dl, ax, rows_min, rows_max, gc, bands);
    }

    // Drag preview: where the bar would go, milestones recomputed.
    std::optional<ReleaseDays> ghost;
    if (t.dragging && t.drag_release >= 0 && t.drag_release < static_cast<std::int32_t>(plan.releases.size()) && t.drag_days != 0)
        ghost = dragged_days(plan, idx.days[t.drag_release], plan.releases[t.drag_release], t.drag_days);

    Hit hit;
    const std::int32_t first_day = ax.first_day() - 1, last_day = ax.last_day() + 1;
    const float bar_pad = std::floor(4.0f * scale);
    const ImU32 row_tint = s.dark ? IM_COL32(255, 255, 255, 7) : IM_COL32(0, 0, 40, 6);
    const ImU32 separator = u32(colors.grid, 1.4f);
    std::int32_t lane_lo = -1, lane_hi = -1;
    std::vector<std::pair<float, ConflictLevel>> marks;
    const std::vector<ConflictLevel>& levels = conflict_levels(s);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(idx.lanes.size()), lane_h);
    dl->PushClipRect(rows_min, rows_max, true);
    while (clipper.Step()) {
        for (int lane = clipper.DisplayStart; lane < clipper.DisplayEnd; ++lane) {
            ImGui::Dummy(ImVec2(label_w + rows_w, lane_h));
            if (lane_lo < 0 || lane < lane_lo) lane_lo = lane;
            lane_hi = std::max(lane_hi, lane);
            const float y = wp.y - scroll + lane * lane_h;
            const TimelineLane& ln = idx.lanes[lane];
            const TimelineRow& row = idx.rows[ln.row];
            if (ln.row % 2 == 1) dl->AddRectFilled(ImVec2(rows_min.x, y), ImVec2(rows_max.x, y + lane_h), row_tint);
            if (lane == row.first_lane && ln.row > 0) dl->AddLine(ImVec2(rows_min.x, y), ImVec2(rows_max.x, y), separator);
            const auto& v = ln.releases;
            auto it = std::lower_bound(v.begin(), v.end(), first_day, [&](std::int32_t r, std::int32_t d) { return idx.days[r].bar_last < d; });
            // Bars under two pixels merge into runs of one status colour; their conflicts become thin
            // marks on top, so a zoomed-out plan still shows where the trouble is.
            float run_x0 = 0.0f, run_x1 = -1e9f;
            ImU32 run_col = 0;
            marks.clear();
            auto flush = [&] {
                if (run_x1 > run_x0) dl->AddRectFilled(ImVec2(run_x0, y + bar_pad), ImVec2(run_x1, y + lane_h - bar_pad), run_col);
                run_x1 = -1e9f;
            };
            for (; it != v.end(); ++it) {
                const std::int32_t rel = *it;
                const ReleaseDays& d = idx.days[rel];
                if (d.bar_first > last_day) break;
                const Release& r = plan.releases[rel];
                const float x0 = ax.cx(d.bar_first), x1 = ax.cx(d.bar_last + 1.0);
                const ConflictLevel level = levels[rel];
                if (rows_hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h && io.MousePos.x >= x0 - 2.0f &&
                    io.MousePos.x < std::max(x1, x0 + 3.0f) + 2.0f)
                    hit = {rel, lane};
                if (x1 - x0 < 2.0f) {
                    const ImU32 col = u32(status_color(r.status), 0.75f);
                    const float end = std::max(x1, x0 + 1.0f);
                    if (col == run_col && x0 <= run_x1 + 1.0f) {
                        run_x1 = std::max(run_x1, end);
                    } else {
                        flush();
                        run_x0 = x0;
                        run_x1 = end;
                        run_col = col;
                    }
                    if (level != ConflictLevel::none) {
                        if (!marks.empty() && x0 < marks.back().first + 2.0f * scale) marks.back().second = std::max(marks.back().second, level);
                        else marks.push_back({x0, level});
                    }
                    continue;
                }
                flush();
                const bool dragged = ghost && rel == t.drag_release;
                draw_bar(s, dl, ax, d, r, y + bar_pad, y + lane_h - bar_pad, r.id == s.selected_release && !dragged, level, dragged);
                const ImVec2 bar_lo(x0, y + bar_pad), bar_hi(std::max(x1, x0 + 2.0f), y + lane_h - bar_pad);
                anchor_rect("timeline.release." + r.id, bar_lo, bar_hi);
                if (d.overdue > 0 && !dragged)  // after the release day, where the eye looks for it
                    draw_overdue_badge(s, dl, ImVec2(bar_hi.x + 3.0f * scale, bar_lo.y), bar_hi.y - bar_lo.y, d.overdue, "timeline.release." + r.id);
                if (compare_highlights(s, r.id))  // the compare window lists this release
                    dl->AddRect(ImVec2(ax.cx(d.bar_first) - 2.0f * scale, y + bar_pad - 2.0f * scale),
                                ImVec2(ax.cx(d.bar_last + 1.0) + 2.0f * scale, y + lane_h - bar_pad + 2.0f * scale),
                                u32(compare_color()), 4.0f * scale, 0, 2.0f * scale);
                if (dragged) draw_bar(s, dl, ax, *ghost, r, y + bar_pad, y + lane_h - bar_pad, true, ConflictLevel::none, false);
            }
            flush();
            for (const auto& [mx, lv] : marks)
                dl->AddRectFilled(ImVec2(mx, y + bar_pad - 1.0f), ImVec2(mx + 2.0f * scale, y + lane_h - bar_pad + 1.0f), u32(conflict_color(lv)));
        }
    }
    dl->PopClipRect();
    clipper.End();
    ImGui::PopStyleVar();

    // Selected day column, today line, hover hairline.
    if (t.selected_day) {
        const float x = ax.x(*t.selected_day);
        dl->AddRectFilled(ImVec2(std::max(x, rows_min.x), rows_min.y), ImVec2(std::min(x + static_cast<float>(ax.ppd), rows_max.x), rows_max.y),
                          u32(colors.selection, 0.10f));
    }
    const float today_x = ax.x(viewer_now_days());
    if (today_x >= rows_min.x && today_x <= rows_max.x)
        dl->AddLine(ImVec2(today_x, rows_min.y), ImVec2(today_x, rows_max.y), u32(colors.today), 2.0f * scale);
    std::optional<double> hover_day;
    if (rows_hovered && !t.panning) {
        hover_day = ax.day_at(io.MousePos.x);
        dl->AddLine(ImVec2(io.MousePos.x, rows_min.y), ImVec2(io.MousePos.x, rows_max.y), u32(colors.selection, 0.35f));
    }

    // Sticky row labels over a solid column.
    dl->AddRectFilled(ImVec2(wp.x, wp.y), ImVec2(rows_min.x, rows_max.y), u32(gc.background));
    if (lane_lo >= 0) {
        for (std::int32_t row = idx.lanes[lane_lo].row; row <= idx.lanes[lane_hi].row; ++row) {
            const TimelineRow& r = idx.rows[row];
            const float top = wp.y - scroll + r.first_lane * lane_h, bottom = top + r.lane_count * lane_h;
            if (row > 0) dl->AddLine(ImVec2(wp.x, top), ImVec2(rows_min.x, top), separator);
            std::size_t count = 0;
            for (std::int32_t l = r.first_lane; l < r.first_lane + r.lane_count; ++l) count += idx.lanes[l].releases.size();
            const float ty = std::min(std::max(top, wp.y) + (lane_h - ImGui::GetFontSize()) * 0.5f, bottom - ImGui::GetFontSize() - 2.0f);
            ImVec4 clip(wp.x, top, rows_min.x - 36.0f * scale, bottom);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(wp.x + 8.0f * scale, ty), ImGui::GetColorU32(ImGuiCol_Text),
                        r.label.c_str(), nullptr, 0.0f, &clip);
            char n[16];
            std::snprintf(n, sizeof n, "%zu", count);
            const float nw = ImGui::CalcTextSize(n).x;
            dl->AddText(ImVec2(rows_min.x - nw - 8.0f * scale, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), n);
        }
    }
    dl->AddLine(ImVec2(rows_min.x - 1.0f, rows_min.y), ImVec2(rows_min.x - 1.0f, rows_max.y), separator);
    if (idx.lanes.empty() || plan.releases.empty())
        dl->AddText(ImVec2(rows_min.x + 12.0f * scale, rows_min.y + 12.0f * scale), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    "No releases yet: double-click a day (or use Release > New release) to add one.");

    // The rows area as one item: wheel zoom and pan, drag bars, click and double-click, menu.
    ImGui::SetCursorScreenPos(rows_min);
    ImGui::InvisibleButton("##rows", ImVec2(rows_w, std::max(view_h, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    ImGui::SetItemUsingMouseWheel();
    const bool hovered = ImGui::IsItemHovered();
    const std::int32_t mouse_lane = static_cast<std::int32_t>(std::floor((io.MousePos.y - wp.y + scroll) / lane_h));
    const std::int32_t mouse_row =
        mouse_lane >= 0 && mouse_lane < static_cast<std::int32_t>(idx.lanes.size()) ? idx.lanes[mouse_lane].row : -1;
    const std::int32_t mouse_day = static_cast<std::int32_t>(std::floor(ax.day_at(io.MousePos.x)));
    if (hovered && io.MouseWheel != 0.0f && !io.KeyShift)
        zoom_at(t, std::pow(1.25, std::clamp(static_cast<double>(io.MouseWheel), -4.0, 4.0)), io.MousePos.x - rows_min.x, scale);
    const float pan_wheel = io.KeyShift ? io.MouseWheel : io.MouseWheelH;
    if (hovered && pan_wheel != 0.0f) pan_to(t, t.target_start - std::clamp(pan_wheel, -4.0f, 4.0f) * visible * 0.1);
    if (ImGui::IsWindowHovered() && io.MousePos.x < rows_min.x && io.MouseWheel != 0.0f)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * lane_h * 3.0f);

    if (ImGui::IsItemActivated()) {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hit.release >= 0) {
            t.drag_release = hit.release;
            t.drag_from_x = io.MousePos.x;
            t.drag_days = 0;
            t.dragging = false;
        } else {
            t.panning = true;
        }
    }
    if (ImGui::IsItemActive()) {
        if (t.drag_release >= 0 && io.MouseDown[0]) {
            const float dx = io.MousePos.x - t.drag_from_x;
            if (!t.dragging && std::abs(dx) > io.MouseDragThreshold) t.dragging = true;
            if (t.dragging) t.drag_days = static_cast<std::int32_t>(std::lround(dx / ax.ppd));
        } else if (t.panning && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
            if (t.anchored) {
                t.px_per_day = t.target_px_per_day;
                t.anchored = false;
            }
            t.start -= io.MouseDelta.x / (t.px_per_day * scale);
            t.target_start = t.start;
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        }
    }
    if (ImGui::IsItemDeactivated()) {
        const bool click = io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold;
        if (t.drag_release >= 0 && t.drag_release < static_cast<std::int32_t>(plan.releases.size())) {
            if (t.dragging && t.drag_days != 0) request_move(s, t.drag_release, idx.days[t.drag_release].release + t.drag_days);
            else if (!t.dragging) s.selected_release = plan.releases[t.drag_release].id;
        } else if (t.panning && click && io.MouseReleased[0]) {
            t.selected_day = mouse_day;
            s.calendar.cursor = mouse_day;
        }
        t.drag_release = -1;
        t.dragging = false;
        t.panning = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (hit.release >= 0) open_release_editor(s, plan.releases[hit.release].id);
        else if (mouse_row >= 0) new_release_on(s, mouse_day, idx.rows[mouse_row].component);
    }
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[1] < io.MouseDragThreshold * io.MouseDragThreshold) {
        t.menu_release = hit.release;
        t.menu_day = mouse_day;
        t.menu_row = mouse_row;
        ImGui::OpenPopup("##timeline_menu");
    }
    context_menu(s, idx);

    if (hovered && t.dragging && t.drag_release >= 0) {
        const ReleaseDays& d = idx.days[t.drag_release];
        ImGui::BeginTooltip();
        ImGui::Text("Move %s", release_title(plan.releases[t.drag_release]).c_str());
        ImGui::Text("%s → %s (%+d day%s)", date_text(date_of_day(d.release)).c_str(), date_text(date_of_day(d.release + t.drag_days)).c_str(),
                    t.drag_days, std::abs(t.drag_days) == 1 ? "" : "s");
        ImGui::TextDisabled("Release the mouse to preview what changes; Esc cancels.");
        ImGui::EndTooltip();
    } else if (hovered && !t.panning && hit.release >= 0) {
        ImGui::BeginTooltip();
        release_tooltip(s, hit.release);
        ImGui::TextDisabled("Drag to move · double-click to edit");
        ImGui::EndTooltip();
    } else if (hovered && !t.panning && !ImGui::IsPopupOpen("##timeline_menu")) {
        const float my = io.MousePos.y - wp.y;
        std::string names;
        for (const Band& b : bands)
            if (mouse_day >= b.first && mouse_day <= b.last && my >= b.y0 && my < b.y1)
                names += std::string(names.empty() ? "" : "\n") + (b.blackout ? "Blackout: " : "Holiday: ") + b.period->name + " (" +
                         date_text(b.period->start) + (b.period->end != b.period->start ? " – " + date_text(b.period->end) : "") + ")";
        if (!names.empty()) ImGui::SetTooltip("%s", names.c_str());
    }

    // Selection made elsewhere (keys, conflict list, calendar): bring it into view once.
    std::optional<std::int32_t> show_lane = key_move.show_lane;
    if (t.reveal_selection) {
        t.reveal_selection = false;
        const Position at = find_selected(s, idx);
        if (at.release >= 0) {
            reveal(t, idx.days[at.release], visible);
            show_lane = at.lane;
        }
    }
    if (show_lane) {
        const float ly = *show_lane * lane_h;
        if (ly < scroll || ly + lane_h > scroll + view_h) ImGui::SetScrollY(std::max(ly - view_h * 0.4f, 0.0f));
    } else if (key_move.scroll_lanes != 0) {
        ImGui::SetScrollY(std::max(scroll + key_move.scroll_lanes * lane_h, 0.0f));
    }
    ImGui::EndChild();

    draw_scale(s, ax, header_pos, tier_h, idx.today, hover_day);
    if (support_h > 0) draw_support_chart(s, ax.start, ax.ppd, label_w, rows_w, support_h);
    draw_conflict_panel(s, panel_h);
    draw_move_preview(s);
    draw_period_dialog(s);
}

}  // namespace relplan::ui

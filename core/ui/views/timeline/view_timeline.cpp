// The timeline: one row per component, each release a bar from planning start to release date
// (shaded darker after each freeze), change windows, notice deadlines, holidays and blackouts, a
// today line; zoom from days to decades, smooth panning, drag a bar to move its release.
// The rows themselves are drawn by timeline_rows.cpp.
#include "gfx/timeline_shader.hpp"
#include "views/timeline/timeline_rows.hpp"
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

// ---- the frame: toolbar, rows and their input ------------------------------------------------------

// Zoom, presets, navigation and the visible span; returns the visible span in days.
double draw_toolbar(App::State& s, const ScheduleIndex& idx, float rows_w) {
    TimelineViewState& t = s.timeline;
    const float scale = s.config.ui_scale;
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
    return visible;
}

// The selected day column, the today line and the hairline under the mouse; returns the hovered day.
std::optional<double> draw_day_marks(App::State& s, const RowsArea& area, const Axis& ax, bool hovered) {
    const TimelineViewState& t = s.timeline;
    const CalendarColors& colors = calendar_colors(s.dark);
    ImDrawList* dl = area.dl;
    if (t.selected_day) {
        const float x = ax.x(*t.selected_day);
        dl->AddRectFilled(ImVec2(std::max(x, area.min.x), area.min.y), ImVec2(std::min(x + static_cast<float>(ax.ppd), area.max.x), area.max.y),
                          u32(colors.selection, 0.10f));
    }
    const float today_x = ax.x(viewer_now_days());
    if (today_x >= area.min.x && today_x <= area.max.x)
        dl->AddLine(ImVec2(today_x, area.min.y), ImVec2(today_x, area.max.y), u32(colors.today), 2.0f * s.config.ui_scale);
    if (!hovered || t.panning) return std::nullopt;
    const float mx = ImGui::GetIO().MousePos.x;
    dl->AddLine(ImVec2(mx, area.min.y), ImVec2(mx, area.max.y), u32(colors.selection, 0.35f));
    return ax.day_at(mx);
}

// The day and row under the mouse in the rows area (row -1 below the last lane).
struct MouseCell {
    std::int32_t day = 0;
    std::int32_t row = -1;
};

MouseCell mouse_cell(const ScheduleIndex& idx, const RowsArea& area, const Axis& ax) {
    const ImGuiIO& io = ImGui::GetIO();
    const std::int32_t lane = static_cast<std::int32_t>(std::floor((io.MousePos.y - area.origin.y + area.scroll) / area.lane_h));
    MouseCell out;
    out.row = lane >= 0 && lane < static_cast<std::int32_t>(idx.lanes.size()) ? idx.lanes[lane].row : -1;
    out.day = static_cast<std::int32_t>(std::floor(ax.day_at(io.MousePos.x)));
    return out;
}

// Wheel over the rows zooms around the pointer (Shift or a horizontal wheel pans); over the labels it scrolls.
void wheel(TimelineViewState& t, const RowsArea& area, bool hovered, double visible, float scale) {
    const ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseWheel != 0.0f && !io.KeyShift)
        zoom_at(t, std::pow(1.25, std::clamp(static_cast<double>(io.MouseWheel), -4.0, 4.0)), io.MousePos.x - area.min.x, scale);
    const float pan_wheel = io.KeyShift ? io.MouseWheel : io.MouseWheelH;
    if (hovered && pan_wheel != 0.0f) pan_to(t, t.target_start - std::clamp(pan_wheel, -4.0f, 4.0f) * visible * 0.1);
    if (ImGui::IsWindowHovered() && io.MousePos.x < area.min.x && io.MouseWheel != 0.0f)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * area.lane_h * 3.0f);
}

// Left button on the rows item: press on a bar starts a drag, elsewhere a pan; a click without a
// drag selects the release or the day; letting go of a dragged bar asks to move its release.
void drag_or_pan(App::State& s, const ScheduleIndex& idx, const Axis& ax, const Hit& hit, std::int32_t mouse_day) {
    TimelineViewState& t = s.timeline;
    const ImGuiIO& io = ImGui::GetIO();
    const Plan& plan = s.doc.plan;
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
            t.start -= io.MouseDelta.x / (t.px_per_day * s.config.ui_scale);
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
}

// The tooltip over the rows: the move being dragged, the release under the mouse, or the holidays
// and blackouts of the day under it.
void rows_tooltip(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const std::vector<Band>& bands, const Hit& hit,
                  std::int32_t mouse_day) {
    const TimelineViewState& t = s.timeline;
    const Plan& plan = s.doc.plan;
    if (t.dragging && t.drag_release >= 0) {
        const ReleaseDays& d = idx.days[t.drag_release];
        ImGui::BeginTooltip();
        ImGui::Text("Move %s", release_title(plan.releases[t.drag_release]).c_str());
        ImGui::Text("%s → %s (%+d day%s)", date_text(date_of_day(d.release)).c_str(), date_text(date_of_day(d.release + t.drag_days)).c_str(),
                    t.drag_days, std::abs(t.drag_days) == 1 ? "" : "s");
        ImGui::TextDisabled("Release the mouse to preview what changes; Esc cancels.");
        ImGui::EndTooltip();
    } else if (!t.panning && hit.release >= 0) {
        ImGui::BeginTooltip();
        release_tooltip(s, hit.release);
        ImGui::TextDisabled("Drag to move · double-click to edit");
        ImGui::EndTooltip();
    } else if (!t.panning && !ImGui::IsPopupOpen("##timeline_menu")) {
        const float my = ImGui::GetIO().MousePos.y - area.origin.y;
        std::string names;
        for (const Band& b : bands)
            if (mouse_day >= b.first && mouse_day <= b.last && my >= b.y0 && my < b.y1)
                names += std::string(names.empty() ? "" : "\n") + (b.blackout ? "Blackout: " : "Holiday: ") + b.period->name + " (" +
                         date_text(b.period->start) + (b.period->end != b.period->start ? " – " + date_text(b.period->end) : "") + ")";
        if (!names.empty()) ImGui::SetTooltip("%s", names.c_str());
    }
}

// The rows area as one item: wheel zoom and pan, drag bars, click and double-click, menu, tooltip.
void rows_input(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const Axis& ax, const std::vector<Band>& bands,
                const Hit& hit, double visible) {
    TimelineViewState& t = s.timeline;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(area.min);
    ImGui::InvisibleButton("##rows", ImVec2(area.rows_w, std::max(area.view_h, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    ImGui::SetItemUsingMouseWheel();
    const bool hovered = ImGui::IsItemHovered();
    const MouseCell mouse = mouse_cell(idx, area, ax);
    wheel(t, area, hovered, visible, s.config.ui_scale);
    drag_or_pan(s, idx, ax, hit, mouse.day);
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (hit.release >= 0) open_release_editor(s, s.doc.plan.releases[hit.release].id);
        else if (mouse.row >= 0) new_release_on(s, mouse.day, idx.rows[mouse.row].component);
    }
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[1] < io.MouseDragThreshold * io.MouseDragThreshold) {
        t.menu_release = hit.release;
        t.menu_day = mouse.day;
        t.menu_row = mouse.row;
        ImGui::OpenPopup("##timeline_menu");
    }
    context_menu(s, idx);
    if (hovered) rows_tooltip(s, idx, area, bands, hit, mouse.day);
}

// Selection made elsewhere (keys, conflict list, calendar) is brought into view once; keys may also
// scroll the rows by whole lanes.
void follow_selection(App::State& s, const ScheduleIndex& idx, const RowsArea& area, const VerticalMove& key_move, double visible) {
    TimelineViewState& t = s.timeline;
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
        const float ly = *show_lane * area.lane_h;
        if (ly < area.scroll || ly + area.lane_h > area.scroll + area.view_h) ImGui::SetScrollY(std::max(ly - area.view_h * 0.4f, 0.0f));
    } else if (key_move.scroll_lanes != 0) {
        ImGui::SetScrollY(std::max(area.scroll + key_move.scroll_lanes * area.lane_h, 0.0f));
    }
}

// Heights of the support chart under the rows: its title row, and up to six rows before it scrolls.
float support_chart_height(App::State& s) {
    const float scale = s.config.ui_scale;
    const int support_rows = support_chart_rows(s);
    if (support_rows == 0) return 0.0f;
    if (!s.timeline.support_chart) return ImGui::GetFrameHeightWithSpacing();
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y +
           std::min(support_rows, 6) * std::floor(ImGui::GetTextLineHeight() * 1.4f + 2.0f * scale);
}

// The "Component" corner above the label column, beside the date scale.
void draw_header_corner(ImVec2 pos, float label_w, float tier_h, float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + label_w, pos.y + 2.0f * tier_h), ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    dl->AddText(ImVec2(pos.x + 8.0f * scale, pos.y + tier_h + (tier_h - ImGui::GetFontSize()) * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                "Component");
}

}  // namespace

void draw_timeline(App::State& s) {
    const ScheduleIndex& idx = schedule_for(s);
    const Plan& plan = s.doc.plan;
    TimelineViewState& t = s.timeline;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = s.config.ui_scale;
    if (!s.timeline_grid) s.timeline_grid = std::make_shared<TimelineGrid>();

    const float label_w = std::floor(180.0f * scale);
    const float rows_w = std::max(ImGui::GetContentRegionAvail().x - label_w - style.ScrollbarSize, 50.0f);
    if (t.px_per_day <= 0.0) {
        t.px_per_day = t.target_px_per_day = presets[1].px_per_day;
        t.start = t.target_start = viewer_now_days() - visible_days(t, rows_w, scale) * 0.25;
    }
    animate(t, ImGui::GetIO().DeltaTime, scale);
    const double visible = draw_toolbar(s, idx, rows_w);

    const float tier_h = ImGui::GetFrameHeight();
    const float panel_h = s.conflict_panel ? std::max(ImGui::GetContentRegionAvail().y * 0.24f, 110.0f * scale)
                                           : ImGui::GetFrameHeightWithSpacing();
    const ImVec2 header_pos = ImGui::GetCursorScreenPos();
    Axis ax{t.start, t.px_per_day * scale, header_pos.x + label_w, rows_w};
    ImGui::Dummy(ImVec2(label_w + rows_w, 2.0f * tier_h));
    draw_header_corner(header_pos, label_w, tier_h, scale);
    const float support_h = support_chart_height(s);
    const float body_h = std::max(ImGui::GetContentRegionAvail().y - panel_h - support_h - style.ItemSpacing.y * (support_h > 0 ? 2 : 1),
                                  4.0f * tier_h);
    const VerticalMove key_move = keyboard(s, idx, rows_w);

    // Rows: the shader background, then bars of the visible lanes, then the sticky labels.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##timeline_rows", ImVec2(label_w + rows_w + style.ScrollbarSize, body_h), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::PopStyleVar();  // the padding applied to the child; item spacing stays 0 for the lanes
    RowsArea area;
    area.dl = ImGui::GetWindowDrawList();
    area.origin = ImGui::GetWindowPos();
    area.view_h = ImGui::GetWindowHeight();
    area.scroll = ImGui::GetScrollY();
    area.min = ImVec2(area.origin.x + label_w, area.origin.y);
    area.max = ImVec2(area.origin.x + label_w + rows_w, area.origin.y + area.view_h);
    area.lane_h = std::floor(ImGui::GetTextLineHeight() * 1.8f + 4.0f * scale);
    area.label_w = label_w;
    area.rows_w = rows_w;
    ax.x0 = area.min.x;

    // Also while the rows button is held: the release under a right click must be known when it is let go.
    const bool rows_hovered =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseHoveringRect(area.min, area.max);
    const std::vector<Band> bands = visible_bands(plan, idx, ax, area.scroll, area.lane_h, area.view_h);
    draw_grid(s, area, ax, bands);

    // Drag preview: where the bar would go, milestones recomputed.
    std::optional<ReleaseDays> ghost;
    if (t.dragging && t.drag_release >= 0 && t.drag_release < static_cast<std::int32_t>(plan.releases.size()) && t.drag_days != 0)
        ghost = dragged_days(plan, idx.days[t.drag_release], plan.releases[t.drag_release], t.drag_days);
    const DrawnLanes lanes = draw_lanes(s, idx, area, ax, ghost, rows_hovered);
    ImGui::PopStyleVar();
    const std::optional<double> hover_day = draw_day_marks(s, area, ax, rows_hovered);
    draw_row_labels(s, idx, area, lanes);
    if (idx.lanes.empty() || plan.releases.empty())
        area.dl->AddText(ImVec2(area.min.x + 12.0f * scale, area.min.y + 12.0f * scale), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                         "No releases yet: double-click a day (or use Release > New release) to add one.");
    rows_input(s, idx, area, ax, bands, lanes.hit, visible);
    follow_selection(s, idx, area, key_move, visible);
    ImGui::EndChild();

    draw_scale(s, ax, header_pos, tier_h, idx.today, hover_day);
    if (support_h > 0) draw_support_chart(s, ax.start, ax.ppd, label_w, rows_w, support_h);
    draw_conflict_panel(s, panel_h);
    draw_move_preview(s);
    draw_period_dialog(s);
}

}  // namespace relplan::ui

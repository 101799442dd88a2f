// Pieces the calendar's month, week and agenda views share: event labels and colours, release items
// (click, drag, tooltip), day menus and drop targets, holiday and blackout lines.
#include "app/release_commands.hpp"
#include "views/calendar/calendar_draw.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "base/tz.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <queue>

namespace relplan::ui::cal {

ViewerZone viewer_zone(std::chrono::sys_seconds t) {
    const std::int64_t secs = t.time_since_epoch().count();
    const std::time_t tt = static_cast<std::time_t>(secs);
    std::tm tm{};
    if (static_cast<std::int64_t>(tt) != secs || !localtime_r(&tt, &tm)) return {std::chrono::seconds{0}, "UTC"};
    return {std::chrono::seconds{tm.tm_gmtoff}, tm.tm_zone ? tm.tm_zone : ""};
}

double local_days(std::chrono::sys_seconds t) {
    const double secs = static_cast<double>((t + viewer_zone(t).offset).time_since_epoch().count());
    return secs / 86400.0;
}

std::string hhmm(std::chrono::local_seconds t) {
    std::string full = format_local(t);  // "YYYY-MM-DD HH:MM[:SS]"
    return full.size() >= 16 ? full.substr(11, 5) : full;
}

ImU32 u32(const ImVec4& c, float alpha_scale) {
    return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha_scale));
}

void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float step) {
    dl->PushClipRect(a, b, true);
    const float h = b.y - a.y;
    for (float x = a.x - h; x < b.x; x += step) dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), col, 1.0f);
    dl->PopClipRect();
}

const char* kind_label(EventKind k) {
    switch (k) {
    case EventKind::holiday: return "Holiday";
    case EventKind::blackout: return "Blackout";
    case EventKind::planning_start: return "Planning starts";
    case EventKind::notice_deadline: return "Notice due";
    case EventKind::feature_freeze: return "Feature freeze";
    case EventKind::code_freeze: return "Code freeze";
    case EventKind::change_window: return "Change window";
    case EventKind::release: return "Release";
    }
    return "";
}

ImVec4 kind_color(const App::State& s, const CalendarEvent& e) {
    const CalendarColors& c = calendar_colors(s.dark);
    switch (e.kind) {
    case EventKind::holiday: return c.holiday;
    case EventKind::blackout: return c.blackout;
    case EventKind::planning_start: return c.planning;
    case EventKind::notice_deadline: return c.notice;
    case EventKind::feature_freeze: return c.feature_freeze;
    case EventKind::code_freeze: return c.code_freeze;
    case EventKind::change_window: return c.window;
    case EventKind::release: return status_color(s.doc.plan.releases[e.index].status);
    }
    return c.grid;
}

bool is_period(EventKind k) { return k == EventKind::holiday || k == EventKind::blackout; }

const Period* period_of(const Plan& plan, const CalendarEvent& e) {
    const auto& list = e.kind == EventKind::holiday ? plan.holidays : plan.blackouts;
    return e.index >= 0 && e.index < static_cast<std::int32_t>(list.size()) ? &list[e.index] : nullptr;
}

// An event as one line of text: "1.4.0 Name", "Code freeze · Name 1.4.0", "22:00 window · …".
std::string event_text(const App::State& s, const CalendarEvent& e) {
    const Plan& plan = s.doc.plan;
    if (is_period(e.kind)) {
        const Period* p = period_of(plan, e);
        return std::string(kind_label(e.kind)) + ": " + (p ? p->name : "");
    }
    const Release& r = plan.releases[e.index];
    if (e.kind == EventKind::release) return release_title(r);
    if (e.kind == EventKind::change_window && r.change_window) {
        const auto start = r.change_window->start;
        return hhmm(std::chrono::local_seconds{(start + viewer_zone(start).offset).time_since_epoch()}) + " window · " +
               release_title(r);
    }
    return std::string(kind_label(e.kind)) + " · " + release_title(r);
}

// Events with first <= day <= last, as an index range into idx.events.
std::pair<std::size_t, std::size_t> events_between(const ScheduleIndex& idx, std::int32_t first, std::int32_t last) {
    auto lo = std::lower_bound(idx.events.begin(), idx.events.end(), first,
                               [](const CalendarEvent& e, std::int32_t d) { return e.day < d; });
    auto hi = std::upper_bound(lo, idx.events.end(), last, [](std::int32_t d, const CalendarEvent& e) { return d < e.day; });
    return {static_cast<std::size_t>(lo - idx.events.begin()), static_cast<std::size_t>(hi - idx.events.begin())};
}

std::vector<PeriodHit> periods_between(const Plan& plan, std::int32_t first, std::int32_t last) {
    std::vector<PeriodHit> out;
    auto scan = [&](const std::vector<Period>& list, bool blackout) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Period& p = list[i];
            if (!p.start.ok() || !p.end.ok()) continue;
            std::int32_t a = day_number(p.start), b = day_number(p.end);
            if (b < first || a > last || b < a) continue;
            out.push_back({blackout, static_cast<std::int32_t>(i), a, b});
        }
    };
    scan(plan.holidays, false);
    scan(plan.blackouts, true);
    return out;
}

std::string period_tooltip(const Plan& plan, const PeriodHit& h) {
    const Period& p = (h.blackout ? plan.blackouts : plan.holidays)[h.index];
    std::string t = std::string(h.blackout ? "Blackout: " : "Holiday: ") + p.name + "\n" + date_text(p.start);
    if (p.end != p.start) t += " – " + date_text(p.end);
    if (!p.components.empty()) {
        t += "\nOnly for:";
        for (const auto& c : p.components) t += " " + c;
    }
    t += "\nClick to edit.";
    return t;
}

void select_release(App::State& s, std::int32_t release) {
    s.selected_release = s.doc.plan.releases[release].id;
    s.timeline.reveal_selection = true;
}

namespace {
// The frame a release's right-click menu opened: the day cell under it must not open its menu on the
// same click (frame-scoped UI state, like ImGui's own).
int release_menu_frame = -1;
}  // namespace

// One event as an interactive line: hover explains, click selects, double-click opens the editor,
// a release can be dragged onto another day.
void event_item(App::State& s, const CalendarEvent& e, ImVec2 pos, float width, float height, bool draggable) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 col = kind_color(s, e);
    const bool is_rel = !is_period(e.kind);
    const bool selected = is_rel && s.doc.plan.releases[e.index].id == s.selected_release;
    ImGui::PushID(static_cast<int>(e.kind));
    ImGui::PushID(e.index);
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##ev", ImVec2(std::max(width, 1.0f), height));
    const std::string anchor_name = e.kind == EventKind::release ? "calendar.release." + s.doc.plan.releases[e.index].id : "";
    if (!anchor_name.empty()) anchor(anchor_name);
    const bool hovered = ImGui::IsItemHovered();
    ImVec2 a = pos, b(pos.x + width, pos.y + height);
    if (e.kind == EventKind::release) dl->AddRectFilled(a, b, u32(col, selected ? 0.55f : 0.28f), 3.0f);
    else if (selected || hovered) dl->AddRectFilled(a, b, u32(col, 0.18f), 3.0f);
    if (hovered) dl->AddRect(a, b, u32(col, 0.9f), 3.0f);
    if (is_rel) {
        ConflictLevel level = conflict_level(s, e.index);
        if (level != ConflictLevel::none) dl->AddRect(a, b, u32(conflict_color(level)), 3.0f, 0, 1.5f);
        if (compare_highlights(s, s.doc.plan.releases[e.index].id))  // listed by the compare window
            dl->AddRect(ImVec2(a.x - 1.0f, a.y - 1.0f), ImVec2(b.x + 1.0f, b.y + 1.0f), u32(compare_color()), 3.0f, 0, 2.0f);
    }
    const float sq = height * 0.45f;
    const float pad = 4.0f * s.config.ui_scale;
    dl->AddRectFilled(ImVec2(a.x + pad * 0.5f, a.y + (height - sq) * 0.5f), ImVec2(a.x + pad * 0.5f + sq, a.y + (height + sq) * 0.5f),
                      u32(col), e.kind == EventKind::release ? sq : 1.0f);
    std::string text = event_text(s, e);
    float text_end = b.x - 2.0f;
    if (const std::int32_t late = e.kind == EventKind::release ? schedule_for(s).days[e.index].overdue : 0)
        text_end -= draw_overdue_badge(s, dl, ImVec2(b.x - 1.0f, a.y + 1.0f), height - 2.0f, late, anchor_name, true) + 2.0f;
    ImVec4 clip(a.x, a.y, text_end, b.y);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + pad + sq, a.y + (height - ImGui::GetFontSize()) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, 0.0f, &clip);
    if (hovered) {
        if (is_rel) {
            ImGui::BeginTooltip();
            release_tooltip(s, e.index);
            if (draggable) ImGui::TextDisabled("Drag onto another day to move the release.");
            ImGui::EndTooltip();
        } else if (const Period* p = period_of(s.doc.plan, e)) {
            PeriodHit h{e.kind == EventKind::blackout, e.index, day_number(p->start), day_number(p->end)};
            ImGui::SetTooltip("%s", period_tooltip(s.doc.plan, h).c_str());
        }
    }
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
        if (is_rel) select_release(s, e.index);
        else open_period_dialog(s, e.kind == EventKind::blackout, e.index, e.day, "");
        s.calendar.cursor = e.day;
    }
    if (is_rel && hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
        open_release_editor(s, s.doc.plan.releases[e.index].id);
    // The day cell under the item would open its own menu on the same click: it yields this frame.
    if (is_rel && ImGui::IsMouseReleased(ImGuiMouseButton_Right) && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByPopup))
        release_menu_frame = ImGui::GetFrameCount();
    if (is_rel && ImGui::BeginPopupContextItem("##release_menu")) {  // before the drag source: the item is still the button
        select_release(s, e.index);
        release_context_menu(s, s.doc.plan.releases[e.index].id);
        ImGui::EndPopup();
    }
    if (is_rel && draggable && ImGui::BeginDragDropSource()) {
        std::int32_t rel = e.index;
        ImGui::SetDragDropPayload(payload_release, &rel, sizeof rel);
        ImGui::Text("Move %s", release_title(s.doc.plan.releases[rel]).c_str());
        ImGui::TextDisabled("Drop on a day to preview the move");
        ImGui::EndDragDropSource();
    }
    ImGui::PopID();
    ImGui::PopID();
}

// Right-click menu of a day, shared by the month grid, the week view and the agenda.
void day_menu(App::State& s, std::int32_t day) {
    if (release_menu_frame != ImGui::GetFrameCount() && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByPopup))
        ImGui::OpenPopup("##daymenu");
    if (!ImGui::BeginPopup("##daymenu")) return;
    ImGui::TextDisabled("%s, %s", weekday_short[weekday_index(day)], date_text(date_of_day(day)).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("New release on this day")) new_release_on(s, day, "");
    if (ImGui::MenuItem("Add holiday…")) open_period_dialog(s, false, -1, day, "");
    if (ImGui::MenuItem("Add blackout…")) open_period_dialog(s, true, -1, day, "");
    ImGui::Separator();
    if (ImGui::MenuItem("Show week")) {
        s.calendar.cursor = day;
        s.calendar.mode = CalendarMode::week;
    }
    if (ImGui::MenuItem("Show in agenda")) {
        s.calendar.cursor = day;
        s.calendar.mode = CalendarMode::agenda;
        s.calendar.scroll_agenda = true;
    }
    ImGui::EndPopup();
}

void drop_target(App::State& s, std::int32_t day) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(payload_release)) {
        std::int32_t rel = 0;
        std::memcpy(&rel, p->Data, sizeof rel);
        if (rel >= 0 && rel < static_cast<std::int32_t>(s.doc.plan.releases.size())) request_move(s, rel, day);
    }
    ImGui::EndDragDropTarget();
}

// Weekend, holiday and blackout backgrounds of one day cell; returns the names to list in it.
void day_background(App::State& s, const std::vector<PeriodHit>& periods, std::int32_t day, ImVec2 a, ImVec2 b,
                    std::vector<const PeriodHit*>& names) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const CalendarColors& c = calendar_colors(s.dark);
    if (weekday_index(day) >= 5) dl->AddRectFilled(a, b, u32(c.weekend));
    for (const PeriodHit& h : periods) {
        if (day < h.first || day > h.last) continue;
        names.push_back(&h);
        if (h.blackout) {
            dl->AddRectFilled(a, b, u32(c.blackout, 0.12f));
            hatch(dl, a, b, u32(c.blackout, 0.35f), 9.0f * s.config.ui_scale);
        } else {
            dl->AddRectFilled(a, b, u32(c.holiday, 0.22f));
        }
    }
}

// A holiday or blackout name as a clickable line in a day cell.
void period_line(App::State& s, const PeriodHit& h, ImVec2 pos, float width, float height) {
    const Period& p = (h.blackout ? s.doc.plan.blackouts : s.doc.plan.holidays)[h.index];
    ImGui::PushID(h.blackout ? "b" : "h");
    ImGui::PushID(h.index);
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##period", ImVec2(std::max(width, 1.0f), height));
    const CalendarColors& c = calendar_colors(s.dark);
    ImVec4 col = h.blackout ? c.blackout : c.holiday;
    ImVec4 clip(pos.x, pos.y, pos.x + width - 2.0f, pos.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), u32(col, 0.2f), 3.0f);
    std::string text = (h.blackout ? "⊘ " : "★ ") + p.name;
    ImVec4 text_col = s.dark ? ImVec4(col.x * 0.5f + 0.5f, col.y * 0.5f + 0.5f, col.z * 0.5f + 0.5f, 1.0f)
                             : ImVec4(col.x * 0.6f, col.y * 0.6f, col.z * 0.6f, 1.0f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + 3.0f, pos.y), u32(text_col), text.c_str(), nullptr, 0.0f, &clip);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", period_tooltip(s.doc.plan, h).c_str());
    if (ImGui::IsItemClicked()) open_period_dialog(s, h.blackout, h.index, h.first, "");
    ImGui::PopID();
    ImGui::PopID();
}

// The "+N more" list of one day.
void more_popup(App::State& s, const ScheduleIndex& idx, std::int32_t day) {
    if (!ImGui::BeginPopup("##more")) return;
    ImGui::TextDisabled("%s, %s", weekday_short[weekday_index(day)], date_text(date_of_day(day)).c_str());
    ImGui::Separator();
    auto [lo, hi] = events_between(idx, day, day);
    const float w = 360.0f * s.config.ui_scale;
    const float h = ImGui::GetTextLineHeightWithSpacing();
    for (std::size_t i = lo; i < hi && i < lo + 200; ++i) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        event_item(s, idx.events[i], pos, w, h, false);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    }
    if (hi - lo > 200) ImGui::TextDisabled("… and %d more (see the agenda)", static_cast<int>(hi - lo - 200));
    ImGui::Dummy(ImVec2(w, 0));
    ImGui::EndPopup();
}

}  // namespace relplan::ui::cal

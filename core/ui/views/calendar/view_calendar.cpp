// The calendar: month grid, week and agenda views over releases, milestones, change windows,
// holidays and blackouts; plus the schedule index and the helpers the timeline shares.
//
// Every view reads the ScheduleIndex (events sorted by day), so a frame touches only the days on
// screen: a binary search finds the first visible event and drawing stops at the last visible day.
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

namespace relplan::ui {

namespace {

constexpr const char* payload_release = "RELPLAN_RELEASE";
constexpr const char* weekday_short[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* month_long[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};

int weekday_index(std::int32_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }  // Monday = 0

// The viewer's zone: what the C library says about local time at `t` (the page's C library asks
// the browser, so both targets show the user's own zone without a zone name).
struct ViewerZone {
    std::chrono::seconds offset{0};
    std::string abbreviation;
};

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

bool usable(const std::optional<Date>& d) {
    return d && d->ok() && *d >= min_supported_date && *d <= max_supported_date;
}

std::shared_ptr<ScheduleIndex> build_index(const Plan& plan, unsigned revision, std::int32_t now) {
    auto idx = std::make_shared<ScheduleIndex>();
    idx->revision = revision;
    idx->today = now;
    const std::int32_t n = static_cast<std::int32_t>(plan.releases.size());
    idx->days.resize(plan.releases.size());
    for (std::int32_t i = 0; i < n; ++i) {
        const Release& r = plan.releases[i];
        ReleaseDays& d = idx->days[i];
        if (!usable(r.release_date)) {
            ++idx->unscheduled;
            continue;
        }
        d.scheduled = true;
        d.release = day_number(*r.release_date);
        Result<MilestoneSchedule> computed = compute_milestones(plan, r);
        auto pick = [&](const std::optional<Date>& own, MilestoneKind kind) {
            if (usable(own)) return day_number(*own);
            return computed ? day_number(computed->at(kind).date) : d.release;
        };
        d.planning_start = pick(r.planning_start, MilestoneKind::planning_start);
        d.feature_freeze = pick(r.feature_freeze, MilestoneKind::feature_freeze);
        d.code_freeze = pick(r.code_freeze, MilestoneKind::code_freeze);
        d.notice_deadline = computed ? day_number(computed->at(MilestoneKind::notice_deadline).date) : d.release;
        d.bar_first = std::min({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
        d.bar_last = std::max({d.planning_start, d.feature_freeze, d.code_freeze, d.release});
        if (r.change_window && r.change_window->end > r.change_window->start) {
            d.has_window = true;
            d.window_start = local_days(r.change_window->start);
            d.window_end = local_days(r.change_window->end);
        }
        auto add = [&](std::int32_t day, EventKind kind) { idx->events.push_back({day, kind, i}); };
        if (d.planning_start != d.release) add(d.planning_start, EventKind::planning_start);
        if (d.notice_deadline != d.release) add(d.notice_deadline, EventKind::notice_deadline);
        if (d.feature_freeze != d.release) add(d.feature_freeze, EventKind::feature_freeze);
        if (d.code_freeze != d.release) add(d.code_freeze, EventKind::code_freeze);
        if (d.has_window) add(static_cast<std::int32_t>(std::floor(d.window_start)), EventKind::change_window);
        add(d.release, EventKind::release);
    }
    auto add_periods = [&](const std::vector<Period>& periods, EventKind kind) {
        for (std::size_t p = 0; p < periods.size(); ++p)
            if (periods[p].start.ok() && periods[p].end.ok() && !(periods[p].end < periods[p].start))
                idx->events.push_back({day_number(periods[p].start), kind, static_cast<std::int32_t>(p)});
    };
    add_periods(plan.holidays, EventKind::holiday);
    add_periods(plan.blackouts, EventKind::blackout);
    std::sort(idx->events.begin(), idx->events.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.index < b.index;
    });

    // Rows: the plan's components, components only releases mention, then releases with none.
    std::map<std::string, std::int32_t, std::less<>> row_of;
    for (const Component& c : plan.components) {
        if (row_of.count(c.id)) continue;
        row_of.emplace(c.id, static_cast<std::int32_t>(idx->rows.size()));
        idx->rows.push_back({c.id, c.name.empty() ? c.id : c.name, 0, 0});
    }
    std::vector<std::vector<std::int32_t>> members(idx->rows.size());
    std::vector<std::int32_t> loose;
    for (std::int32_t i = 0; i < n; ++i) {
        if (!idx->days[i].scheduled) continue;
        const Release& r = plan.releases[i];
        if (r.components.empty()) loose.push_back(i);
        for (const std::string& c : r.components) {
            auto it = row_of.find(c);
            if (it == row_of.end()) {
                it = row_of.emplace(c, static_cast<std::int32_t>(idx->rows.size())).first;
                idx->rows.push_back({c, c + " (unknown component)", 0, 0});
                members.emplace_back();
            }
            auto& m = members[it->second];
            if (m.empty() || m.back() != i) m.push_back(i);
        }
    }
    if (!loose.empty()) {
        idx->rows.push_back({"", "No component", 0, 0});
        members.push_back(std::move(loose));
    }
    for (std::size_t row = 0; row < idx->rows.size(); ++row) {
        auto& m = members[row];
        std::sort(m.begin(), m.end(), [&](std::int32_t a, std::int32_t b) {
            const ReleaseDays& da = idx->days[a];
            const ReleaseDays& db = idx->days[b];
            return da.bar_first != db.bar_first ? da.bar_first < db.bar_first : a < b;
        });
        // Interval partitioning: reuse the lane that freed up first; a new lane only when all overlap.
        using Free = std::pair<std::int32_t, std::int32_t>;  // (last day used, lane)
        std::priority_queue<Free, std::vector<Free>, std::greater<>> lanes;
        const std::int32_t first = static_cast<std::int32_t>(idx->lanes.size());
        for (std::int32_t rel : m) {
            const ReleaseDays& d = idx->days[rel];
            std::int32_t lane;
            if (!lanes.empty() && lanes.top().first < d.bar_first) {
                lane = lanes.top().second;
                lanes.pop();
            } else {
                lane = static_cast<std::int32_t>(idx->lanes.size());
                idx->lanes.push_back({static_cast<std::int32_t>(row), {}});
            }
            idx->lanes[lane].releases.push_back(rel);
            lanes.push({d.bar_last, lane});
        }
        if (static_cast<std::int32_t>(idx->lanes.size()) == first) idx->lanes.push_back({static_cast<std::int32_t>(row), {}});
        idx->rows[row].first_lane = first;
        idx->rows[row].lane_count = static_cast<std::int32_t>(idx->lanes.size()) - first;
    }
    return idx;
}

ImU32 u32(const ImVec4& c, float alpha_scale = 1.0f) {
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

// Holidays and blackouts touching [first, last]: a short list, checked per visible day.
struct PeriodHit {
    bool blackout = false;
    std::int32_t index = 0;
    std::int32_t first = 0;
    std::int32_t last = 0;
};

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
    const bool hovered = ImGui::IsItemHovered();
    ImVec2 a = pos, b(pos.x + width, pos.y + height);
    if (e.kind == EventKind::release) dl->AddRectFilled(a, b, u32(col, selected ? 0.55f : 0.28f), 3.0f);
    else if (selected || hovered) dl->AddRectFilled(a, b, u32(col, 0.18f), 3.0f);
    if (hovered) dl->AddRect(a, b, u32(col, 0.9f), 3.0f);
    if (is_rel) {
        ConflictLevel level = conflict_level(s, e.index);
        if (level != ConflictLevel::none) dl->AddRect(a, b, u32(conflict_color(level)), 3.0f, 0, 1.5f);
    }
    const float sq = height * 0.45f;
    const float pad = 4.0f * s.config.ui_scale;
    dl->AddRectFilled(ImVec2(a.x + pad * 0.5f, a.y + (height - sq) * 0.5f), ImVec2(a.x + pad * 0.5f + sq, a.y + (height + sq) * 0.5f),
                      u32(col), e.kind == EventKind::release ? sq : 1.0f);
    std::string text = event_text(s, e);
    ImVec4 clip(a.x, a.y, b.x - 2.0f, b.y);
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
    if (!ImGui::BeginPopupContextItem("##daymenu")) return;
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

void draw_month(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const Date cd = date_of_day(cursor);
    const std::int32_t first_of_month = day_number(Date{cd.year(), cd.month(), std::chrono::day{1}});
    const std::int32_t grid_first = first_of_month - weekday_index(first_of_month);
    const std::int32_t grid_last = grid_first + 41;
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float head_h = ImGui::GetFrameHeight();
    const float cell_w = std::floor(avail.x / 7.0f);
    const float cell_h = std::floor(std::max(avail.y - head_h, 6.0f * 3.0f * head_h) / 6.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = u32(colors.grid);
    for (int c = 0; c < 7; ++c) {
        ImVec2 p(origin.x + c * cell_w, origin.y);
        ImVec2 ts = ImGui::CalcTextSize(weekday_short[c]);
        dl->AddText(ImVec2(p.x + (cell_w - ts.x) * 0.5f, p.y + (head_h - ts.y) * 0.5f),
                    ImGui::GetColorU32(c >= 5 ? ImGuiCol_TextDisabled : ImGuiCol_Text), weekday_short[c]);
    }
    const std::vector<PeriodHit> periods = periods_between(s.doc.plan, grid_first, grid_last);
    auto [lo, hi] = events_between(idx, grid_first, grid_last);
    const float line_h = ImGui::GetTextLineHeight() + 2.0f * scale;
    const float pad = 3.0f * scale;
    std::size_t e = lo;
    for (std::int32_t day = grid_first; day <= grid_last; ++day) {
        const int cell = day - grid_first;
        ImVec2 a(origin.x + (cell % 7) * cell_w, origin.y + head_h + (cell / 7) * cell_h);
        ImVec2 b(a.x + cell_w, a.y + cell_h);
        std::vector<const PeriodHit*> names;
        day_background(s, periods, day, a, b, names);
        const Date date = date_of_day(day);
        const bool in_month = date.month() == cd.month();
        if (!in_month) dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.55f));
        dl->AddRect(a, ImVec2(b.x + 1.0f, b.y + 1.0f), grid);

        // Day number; today in a filled pill, the first of a month with its name.
        char label[32];
        if (static_cast<unsigned>(date.day()) == 1)
            std::snprintf(label, sizeof label, "%.3s %u", month_long[static_cast<unsigned>(date.month()) - 1], static_cast<unsigned>(date.day()));
        else
            std::snprintf(label, sizeof label, "%u", static_cast<unsigned>(date.day()));
        ImVec2 ls = ImGui::CalcTextSize(label);
        ImVec2 lp(a.x + pad + 2.0f * scale, a.y + pad);
        if (day == idx.today) {
            dl->AddRectFilled(ImVec2(lp.x - 3.0f * scale, lp.y - 1.0f), ImVec2(lp.x + ls.x + 3.0f * scale, lp.y + ls.y + 1.0f),
                              u32(colors.today), ls.y);
            dl->AddText(lp, IM_COL32(255, 255, 255, 255), label);
        } else {
            dl->AddText(lp, ImGui::GetColorU32(in_month ? ImGuiCol_Text : ImGuiCol_TextDisabled), label);
        }

        ImGui::PushID(day);
        float y = a.y + pad + line_h + pad * 0.5f;
        const float inner_w = cell_w - 2.0f * pad;
        const float bottom = b.y - pad;
        for (const PeriodHit* h : names) {
            if (y + line_h > bottom) break;
            period_line(s, *h, ImVec2(a.x + pad, y), inner_w, line_h);
            y += line_h;
        }
        std::size_t day_lo = e;
        while (e < hi && idx.events[e].day == day) ++e;
        // Periods are already listed above; releases first (reverse kind order), then milestones.
        std::vector<const CalendarEvent*> shown;
        for (std::size_t i = e; i > day_lo; --i)
            if (!is_period(idx.events[i - 1].kind)) shown.push_back(&idx.events[i - 1]);
        const int room = static_cast<int>((bottom - y) / line_h);
        const int total = static_cast<int>(shown.size());
        const int fit = total > room ? std::max(room - 1, 0) : total;
        for (int i = 0; i < fit; ++i) {
            event_item(s, *shown[i], ImVec2(a.x + pad, y), inner_w, line_h - 1.0f, true);
            y += line_h;
        }
        if (fit < total) {
            char more[32];
            std::snprintf(more, sizeof more, "+%d more", total - fit);
            ImGui::SetCursorScreenPos(ImVec2(a.x + pad, std::min(y, bottom - line_h)));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(more, false, 0, ImVec2(inner_w, line_h - 2.0f))) {
                s.calendar.cursor = day;
                ImGui::OpenPopup("##more");
            }
            ImGui::PopStyleColor();
        }
        more_popup(s, idx, day);

        // The cell itself, under the lines above: select, double-click for a new release, menu, drop.
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##cell", ImVec2(cell_w, cell_h));
        if (ImGui::IsItemClicked()) s.calendar.cursor = day;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) new_release_on(s, day, "");
        if (ImGui::IsItemHovered() && !ImGui::IsAnyItemActive() && names.empty() && total == 0)
            ImGui::SetTooltip("Double-click: new release on %s\nRight-click: more", date_text(date).c_str());
        day_menu(s, day);
        drop_target(s, day);
        if (day == cursor) dl->AddRect(ImVec2(a.x + 1.0f, a.y + 1.0f), b, u32(colors.selection), 0.0f, 0, 2.0f * scale);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + head_h + 6.0f * cell_h + 2.0f));
    ImGui::Dummy(ImVec2(7.0f * cell_w, 0.0f));
}

// A week: all-day lines (milestones, releases, holidays) over an hour grid with change windows.
void draw_week(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const std::int32_t first = cursor - weekday_index(cursor);
    const std::int32_t last = first + 6;
    const CalendarColors& colors = calendar_colors(s.dark);
    const float scale = s.config.ui_scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = u32(colors.grid);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gutter = ImGui::CalcTextSize("00:00").x + 12.0f * scale;
    const float col_w = std::floor((avail.x - gutter - ImGui::GetStyle().ScrollbarSize) / 7.0f);
    const float line_h = ImGui::GetTextLineHeight() + 2.0f * scale;
    const float head_h = ImGui::GetFrameHeight();
    const std::vector<PeriodHit> periods = periods_between(s.doc.plan, first, last);
    auto [lo, hi] = events_between(idx, first, last);

    // All-day area: as tall as the busiest day, up to eight lines.
    int busiest = 1;
    std::vector<std::vector<const CalendarEvent*>> per_day(7);
    for (std::size_t i = lo; i < hi; ++i)
        if (idx.events[i].kind != EventKind::change_window && !is_period(idx.events[i].kind))
            per_day[idx.events[i].day - first].push_back(&idx.events[i]);
    std::vector<std::vector<const PeriodHit*>> names(7);
    for (int d = 0; d < 7; ++d) {
        for (const PeriodHit& h : periods)
            if (first + d >= h.first && first + d <= h.last) names[d].push_back(&h);
        std::reverse(per_day[d].begin(), per_day[d].end());
        busiest = std::max(busiest, static_cast<int>(per_day[d].size() + names[d].size()));
    }
    const int lines = std::min(busiest, 8);
    const float allday_h = lines * line_h + 6.0f * scale;

    for (int d = 0; d < 7; ++d) {
        const std::int32_t day = first + d;
        ImVec2 a(origin.x + gutter + d * col_w, origin.y);
        ImVec2 b(a.x + col_w, origin.y + head_h + allday_h);
        std::vector<const PeriodHit*> unused;
        day_background(s, periods, day, a, b, unused);
        char label[48];
        const Date date = date_of_day(day);
        std::snprintf(label, sizeof label, "%s %u %.3s", weekday_short[d], static_cast<unsigned>(date.day()),
                      month_long[static_cast<unsigned>(date.month()) - 1]);
        ImVec2 ts = ImGui::CalcTextSize(label);
        ImVec2 tp(a.x + (col_w - ts.x) * 0.5f, a.y + (head_h - ts.y) * 0.5f);
        if (day == idx.today)
            dl->AddRectFilled(ImVec2(tp.x - 4.0f * scale, tp.y - 1.0f), ImVec2(tp.x + ts.x + 4.0f * scale, tp.y + ts.y + 1.0f),
                              u32(colors.today), ts.y);
        dl->AddText(tp, day == idx.today ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text), label);
        dl->AddRect(a, ImVec2(b.x + 1.0f, b.y + 1.0f), grid);
        ImGui::PushID(day);
        float y = a.y + head_h + 3.0f * scale;
        int used = 0;
        const int total = static_cast<int>(per_day[d].size() + names[d].size());
        const int fit = total > lines ? lines - 1 : total;
        for (const PeriodHit* h : names[d]) {
            if (used >= fit) break;
            period_line(s, *h, ImVec2(a.x + 3.0f * scale, y), col_w - 6.0f * scale, line_h);
            y += line_h;
            ++used;
        }
        for (const CalendarEvent* ev : per_day[d]) {
            if (used >= fit) break;
            event_item(s, *ev, ImVec2(a.x + 3.0f * scale, y), col_w - 6.0f * scale, line_h - 1.0f, true);
            y += line_h;
            ++used;
        }
        if (fit < total) {
            char more[32];
            std::snprintf(more, sizeof more, "+%d more", total - fit);
            ImGui::SetCursorScreenPos(ImVec2(a.x + 3.0f * scale, y));
            if (ImGui::Selectable(more, false, 0, ImVec2(col_w - 6.0f * scale, line_h - 2.0f))) ImGui::OpenPopup("##more");
        }
        more_popup(s, idx, day);
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##head", ImVec2(col_w, head_h + allday_h));
        if (ImGui::IsItemClicked()) s.calendar.cursor = day;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) new_release_on(s, day, "");
        day_menu(s, day);
        drop_target(s, day);
        if (day == cursor) dl->AddRect(ImVec2(a.x + 1.0f, a.y + 1.0f), b, u32(colors.selection), 0.0f, 0, 2.0f * scale);
        ImGui::PopID();
    }

    // The hour grid scrolls on its own; change windows are blocks in the viewer's local time.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + head_h + allday_h + 2.0f * scale));
    ImGui::BeginChild("##hours", ImVec2(0, 0), false);
    const float hour_h = std::floor(ImGui::GetTextLineHeight() * 2.4f);
    if (s.calendar.scroll_week) {
        ImGui::SetScrollY(7.0f * hour_h);
        s.calendar.scroll_week = false;
    }
    ImDrawList* hl = ImGui::GetWindowDrawList();
    ImVec2 top = ImGui::GetCursorScreenPos();
    for (int d = 0; d < 7; ++d) {
        ImVec2 a(top.x + gutter + d * col_w, top.y);
        ImVec2 b(a.x + col_w, top.y + 24.0f * hour_h);
        if (d >= 5) hl->AddRectFilled(a, b, u32(colors.weekend));
        hl->AddLine(a, ImVec2(a.x, b.y), grid);
    }
    for (int h = 0; h <= 24; ++h) {
        const float y = top.y + h * hour_h;
        hl->AddLine(ImVec2(top.x + gutter - 4.0f * scale, y), ImVec2(top.x + gutter + 7.0f * col_w, y), grid);
        if (h < 24) {
            char t[8];
            std::snprintf(t, sizeof t, "%02d:00", h);
            hl->AddText(ImVec2(top.x + 4.0f * scale, y + 2.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled), t);
        }
    }
    // Windows that touch the week: they start at most a few days earlier (long windows are rare,
    // and the search is bounded).
    auto [wlo, whi] = events_between(idx, first - 7, last);
    struct Block {
        std::int32_t release;
        int day;
        double from, to;  // hours within the day
    };
    std::vector<Block> blocks;
    for (std::size_t i = wlo; i < whi; ++i) {
        const CalendarEvent& ev = idx.events[i];
        if (ev.kind != EventKind::change_window) continue;
        const ReleaseDays& rd = idx.days[ev.index];
        for (int d = 0; d < 7; ++d) {
            const double day0 = first + d, day1 = day0 + 1.0;
            const double from = std::max(rd.window_start, day0), to = std::min(rd.window_end, day1);
            if (to > from) blocks.push_back({ev.index, d, (from - day0) * 24.0, (to - day0) * 24.0});
        }
    }
    // Overlapping blocks of one day share the column side by side.
    std::vector<int> lane(blocks.size(), 0), lanes_in_day(7, 1);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (blocks[j].day == blocks[i].day && blocks[j].to > blocks[i].from && blocks[j].from < blocks[i].to &&
                lane[j] == lane[i])
                ++lane[i];
        lanes_in_day[blocks[i].day] = std::max(lanes_in_day[blocks[i].day], lane[i] + 1);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& bl = blocks[i];
        const float lw = (col_w - 6.0f * scale) / static_cast<float>(lanes_in_day[bl.day]);
        ImVec2 a(top.x + gutter + bl.day * col_w + 3.0f * scale + lane[i] * lw, top.y + static_cast<float>(bl.from) * hour_h);
        ImVec2 b(a.x + lw - 2.0f * scale, std::max(top.y + static_cast<float>(bl.to) * hour_h, a.y + line_h));
        const Release& r = s.doc.plan.releases[bl.release];
        const bool selected = r.id == s.selected_release;
        hl->AddRectFilled(a, b, u32(colors.window, selected ? 0.55f : 0.3f), 4.0f);
        hl->AddRectFilled(a, ImVec2(a.x + 3.0f * scale, b.y), u32(colors.window), 4.0f, ImDrawFlags_RoundCornersLeft);
        ConflictLevel level = conflict_level(s, bl.release);
        if (level != ConflictLevel::none) hl->AddRect(a, b, u32(conflict_color(level)), 4.0f, 0, 1.5f);
        const auto& w = *r.change_window;
        std::string text = hhmm(std::chrono::local_seconds{(w.start + viewer_zone(w.start).offset).time_since_epoch()}) + "–" +
                           hhmm(std::chrono::local_seconds{(w.end + viewer_zone(w.end).offset).time_since_epoch()}) + "  " +
                           release_title(r);
        ImVec4 clip(a.x, a.y, b.x - 2.0f, b.y);
        hl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + 6.0f * scale, a.y + 2.0f), ImGui::GetColorU32(ImGuiCol_Text),
                    text.c_str(), nullptr, b.x - a.x - 8.0f * scale, &clip);
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("##win", ImVec2(std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            release_tooltip(s, bl.release);
            ImGui::EndTooltip();
        }
        if (ImGui::IsItemClicked()) select_release(s, bl.release);
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, r.id);
        ImGui::PopID();
    }
    // Now, when this week is on screen.
    const double now_days = viewer_now_days();
    if (now_days >= first && now_days < last + 1) {
        const int d = static_cast<int>(now_days - first);
        const float y = top.y + static_cast<float>((now_days - std::floor(now_days)) * 24.0) * hour_h;
        const float x = top.x + gutter + d * col_w;
        hl->AddLine(ImVec2(x, y), ImVec2(x + col_w, y), u32(colors.today), 2.0f * scale);
        hl->AddCircleFilled(ImVec2(x, y), 4.0f * scale, u32(colors.today));
    }
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(gutter + 7.0f * col_w, 24.0f * hour_h));
    ImGui::EndChild();
}

// Every event in date order from the cursor on (scrollable both ways); rows come from a clipper.
void draw_agenda(App::State& s, const ScheduleIndex& idx, std::int32_t cursor) {
    const auto& events = idx.events;
    if (events.empty()) {
        ImGui::TextDisabled("Nothing scheduled yet: give a release a date, or add holidays and blackouts.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##agenda", 4, flags)) return;
    const float scale = s.config.ui_scale;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, 150.0f * scale);
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, 130.0f * scale);
    ImGui::TableSetupColumn("Release / period", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Details", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    const std::size_t start = events_between(idx, cursor, cursor).first;
    if (s.calendar.scroll_agenda) {
        ImGui::SetScrollY(static_cast<float>(start) * row_h);
        s.calendar.scroll_agenda = false;
    }
    const Plan& plan = s.doc.plan;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(events.size()), row_h);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const CalendarEvent& e = events[row];
            ImGui::TableNextRow(0, row_h);
            ImGui::PushID(row);
            ImGui::TableNextColumn();
            const bool new_day = row == 0 || events[row - 1].day != e.day;
            if (e.day == idx.today) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, u32(calendar_colors(s.dark).today, 0.15f));
            if (new_day) {
                const Date d = date_of_day(e.day);
                ImGui::Text("%s %s%s", weekday_short[weekday_index(e.day)], date_text(d).c_str(), e.day == idx.today ? " · today" : "");
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(kind_color(s, e), "■");
            ImGui::SameLine();
            ImGui::TextUnformatted(kind_label(e.kind));
            ImGui::TableNextColumn();
            const bool is_rel = !is_period(e.kind);
            const bool selected = is_rel && plan.releases[e.index].id == s.selected_release;
            std::string title;
            std::string details;
            if (is_rel) {
                const Release& r = plan.releases[e.index];
                title = release_title(r);
                details = std::string(to_string(r.type)) + " · " + std::string(to_string(r.status));
                if (e.kind == EventKind::change_window && r.change_window) details = describe_window(*r.change_window).front();
            } else if (const Period* p = period_of(plan, e)) {
                title = p->name;
                details = date_text(p->start) + (p->end != p->start ? " – " + date_text(p->end) : "");
                if (!p->components.empty()) {
                    details += " · only";
                    for (const auto& c : p->components) details += " " + c;
                }
            }
            if (ImGui::Selectable(title.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                s.calendar.cursor = e.day;
                if (is_rel) {
                    select_release(s, e.index);
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, plan.releases[e.index].id);
                } else {
                    open_period_dialog(s, e.kind == EventKind::blackout, e.index, e.day, "");
                }
            }
            if (is_rel && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                release_tooltip(s, e.index);
                ImGui::EndTooltip();
            }
            day_menu(s, e.day);
            if (is_rel) {
                ConflictLevel level = conflict_level(s, e.index);
                if (level != ConflictLevel::none) {
                    ImGui::SameLine();
                    ImGui::TextColored(conflict_color(level), level == ConflictLevel::error ? "● conflict" : "● warning");
                }
            }
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", details.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

std::int32_t add_months(std::int32_t day, int months) {
    const Date d = date_of_day(day);
    Date moved = Date{d.year(), d.month(), std::chrono::day{1}} + std::chrono::months{months};
    const unsigned last = static_cast<unsigned>((moved.year() / moved.month() / std::chrono::last).day());
    return day_number(Date{moved.year(), moved.month(), std::chrono::day{std::min(static_cast<unsigned>(d.day()), last)}});
}

void keyboard(App::State& s, std::int32_t& cursor) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    const bool agenda = s.calendar.mode == CalendarMode::agenda;
    if (pressed(ImGuiKey_LeftArrow)) cursor -= 1;
    if (pressed(ImGuiKey_RightArrow)) cursor += 1;
    if (pressed(ImGuiKey_UpArrow)) cursor -= agenda ? 1 : 7;
    if (pressed(ImGuiKey_DownArrow)) cursor += agenda ? 1 : 7;
    if (pressed(ImGuiKey_PageUp)) cursor = add_months(cursor, -1);
    if (pressed(ImGuiKey_PageDown)) cursor = add_months(cursor, 1);
    if (ImGui::IsKeyPressed('T', false)) cursor = day_number(today());
    if (pressed(ImGuiKey_Enter) && !s.selected_release.empty()) open_release_editor(s, s.selected_release);
    if (agenda && (pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageUp) ||
                   pressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed('T', false)))
        s.calendar.scroll_agenda = true;
}

}  // namespace

std::int32_t day_number(const Date& d) {
    return static_cast<std::int32_t>(std::chrono::sys_days(d).time_since_epoch().count());
}

Date date_of_day(std::int32_t day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }

const ScheduleIndex& schedule_for(App::State& s) {
    const std::int32_t now = day_number(today());
    if (!s.schedule || s.schedule->revision != s.doc.revision() || s.schedule->today != now ||
        s.schedule->days.size() != s.doc.plan.releases.size())
        s.schedule = build_index(s.doc.plan, s.doc.revision(), now);
    return *s.schedule;
}

const CalendarColors& calendar_colors(bool dark) {
    static const CalendarColors light{
        ImVec4(0.35f, 0.40f, 0.50f, 0.07f),  // weekend
        ImVec4(0.20f, 0.62f, 0.35f, 1.00f),  // holiday
        ImVec4(0.80f, 0.22f, 0.22f, 1.00f),  // blackout
        ImVec4(0.90f, 0.35f, 0.10f, 1.00f),  // today
        ImVec4(0.20f, 0.45f, 0.95f, 1.00f),  // selection
        ImVec4(0.45f, 0.55f, 0.70f, 1.00f),  // planning
        ImVec4(0.20f, 0.50f, 0.90f, 1.00f),  // notice
        ImVec4(0.55f, 0.40f, 0.85f, 1.00f),  // feature freeze
        ImVec4(0.70f, 0.25f, 0.65f, 1.00f),  // code freeze
        ImVec4(0.05f, 0.58f, 0.62f, 1.00f),  // window
        ImVec4(0.55f, 0.58f, 0.65f, 0.35f),  // grid
    };
    static const CalendarColors dark_colors{
        ImVec4(1.00f, 1.00f, 1.00f, 0.04f),
        ImVec4(0.30f, 0.75f, 0.45f, 1.00f),
        ImVec4(0.95f, 0.35f, 0.35f, 1.00f),
        ImVec4(0.95f, 0.45f, 0.20f, 1.00f),
        ImVec4(0.40f, 0.62f, 1.00f, 1.00f),
        ImVec4(0.55f, 0.65f, 0.80f, 1.00f),
        ImVec4(0.35f, 0.62f, 1.00f, 1.00f),
        ImVec4(0.68f, 0.55f, 1.00f, 1.00f),
        ImVec4(0.88f, 0.45f, 0.85f, 1.00f),
        ImVec4(0.20f, 0.75f, 0.78f, 1.00f),
        ImVec4(0.60f, 0.62f, 0.70f, 0.22f),
    };
    return dark ? dark_colors : light;
}

double viewer_now_days() { return local_days(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())); }

std::string release_title(const Release& r) {
    std::string t = r.name.empty() ? r.id : r.name;
    if (!r.version.empty()) t += " " + r.version;
    return t;
}

std::vector<std::string> describe_window(const ChangeWindow& w) {
    std::vector<std::string> out;
    auto span = [](std::chrono::local_seconds a, std::chrono::local_seconds b) {
        std::string from = format_local(a), to = format_local(b);
        if (from.substr(0, 10) == to.substr(0, 10)) to = to.substr(11);
        return from + " – " + to;
    };
    const ViewerZone vz = viewer_zone(w.start);
    const auto vs = std::chrono::local_seconds{(w.start + vz.offset).time_since_epoch()};
    const auto ve = std::chrono::local_seconds{(w.end + viewer_zone(w.end).offset).time_since_epoch()};
    out.push_back(span(vs, ve) + " your time (" + (vz.abbreviation.empty() ? "" : vz.abbreviation + ", ") + "UTC" +
                  format_utc_offset(vz.offset) + ")");
    if (!w.zone.empty()) {
        const Result<TzDatabase>& db = embedded_tzdb();
        Result<TimeZone> zone = db ? db->zone(w.zone) : Result<TimeZone>(Error{"no zone database in this build"});
        if (!zone) {
            out.push_back("Zone " + w.zone + ": " + zone.error().message);
        } else {
            Result<LocalTime> a = zone->to_local(w.start), b = zone->to_local(w.end);
            if (a && b)
                out.push_back(span(a->local, b->local) + " " + w.zone + " (" + a->state.abbreviation + ", UTC" +
                              format_utc_offset(a->state.utc_offset) + ")");
        }
    } else {
        const auto as = std::chrono::local_seconds{(w.start + std::chrono::minutes{w.start_offset_minutes}).time_since_epoch()};
        const auto ae = std::chrono::local_seconds{(w.end + std::chrono::minutes{w.end_offset_minutes}).time_since_epoch()};
        out.push_back(span(as, ae) + " as written (UTC" + format_utc_offset(std::chrono::minutes{w.start_offset_minutes}) + ")");
    }
    return out;
}

void release_tooltip(App::State& s, std::int32_t release) {
    const Plan& plan = s.doc.plan;
    if (release < 0 || release >= static_cast<std::int32_t>(plan.releases.size())) return;
    const Release& r = plan.releases[release];
    const ScheduleIndex& idx = schedule_for(s);
    ImGui::TextUnformatted(release_title(r).c_str());
    ImGui::SameLine();
    ImGui::TextColored(status_color(r.status), "%s", std::string(to_string(r.status)).c_str());
    std::string comps;
    for (const auto& c : r.components) {
        const Component* comp = find_component(plan, c);
        comps += (comps.empty() ? "" : ", ") + (comp && !comp->name.empty() ? comp->name : c);
    }
    ImGui::TextDisabled("%s release%s%s", std::string(to_string(r.type)).c_str(), comps.empty() ? "" : " · ", comps.c_str());
    const ReleaseDays& d = idx.days[release];
    if (!d.scheduled) {
        ImGui::TextDisabled("No release date yet.");
    } else if (ImGui::BeginTable("##dates", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](const char* label, std::int32_t day, const std::optional<Date>& own) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", label);
            ImGui::TableNextColumn();
            ImGui::Text("%s %s%s", weekday_short[weekday_index(day)], date_text(date_of_day(day)).c_str(),
                        own ? "" : "  (computed)");
        };
        row("Planning starts", d.planning_start, r.planning_start);
        row("Notice due", d.notice_deadline, std::nullopt);
        row("Feature freeze", d.feature_freeze, r.feature_freeze);
        row("Code freeze", d.code_freeze, r.code_freeze);
        row("Release", d.release, r.release_date);
        ImGui::EndTable();
    }
    if (r.change_window) {
        std::vector<std::string> lines = describe_window(*r.change_window);
        ImGui::TextDisabled("Change window");
        for (const auto& l : lines) ImGui::BulletText("%s", l.c_str());
    }
    conflict_tooltip_lines(s, release);
}

void open_release_editor(App::State& s, const std::string& id) {
    s.selected_release = id;
    s.select_tab(Tab::release);
}

void new_release_on(App::State& s, std::int32_t day, const std::string& component) {
    Plan& plan = s.doc.plan;
    Release r;
    for (std::size_t n = plan.releases.size() + 1;; ++n) {
        r.id = "rel-" + std::to_string(n);
        if (!find_release(plan, r.id)) break;
    }
    r.name = "New release";
    r.type = ReleaseType::minor;
    r.status = ReleaseStatus::planning;
    if (!component.empty()) r.components.push_back(component);
    else if (!plan.components.empty()) r.components.push_back(plan.components.front().id);
    r.release_date = date_of_day(day);
    if (Result<MilestoneSchedule> m = compute_milestones(plan, r)) apply_milestones(r, *m);
    plan.releases.push_back(std::move(r));
    s.doc.touch();
    s.doc.commit();
    open_release_editor(s, plan.releases.back().id);
}

void open_period_dialog(App::State& s, bool blackout, std::int32_t index, std::int32_t day, const std::string& component) {
    CalendarViewState& c = s.calendar;
    c.period_dialog = true;
    c.period_blackout = blackout;
    c.period_index = index;
    c.period_draft = Period{};
    if (index < 0) {
        c.period_draft.name = blackout ? "Deployment blackout" : "Holiday";
        c.period_draft.start = c.period_draft.end = date_of_day(day);
        if (!component.empty()) c.period_draft.components.push_back(component);
    }
}

void draw_period_dialog(App::State& s) {
    CalendarViewState& c = s.calendar;
    const char* title = "Holiday or blackout";
    if (c.period_dialog) {
        ImGui::OpenPopup(title);
        c.period_dialog = false;
    }
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    auto& list = c.period_blackout ? s.doc.plan.blackouts : s.doc.plan.holidays;
    const bool existing = c.period_index >= 0;
    if (existing && c.period_index >= static_cast<std::int32_t>(list.size())) {  // undone meanwhile
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    Period& p = existing ? list[c.period_index] : c.period_draft;
    ImGui::TextUnformatted(existing ? (c.period_blackout ? "Edit blackout" : "Edit holiday")
                                    : (c.period_blackout ? "New blackout (no deployments)" : "New holiday (not a business day)"));
    ImGui::Separator();
    ImGui::SetNextItemWidth(320.0f * s.config.ui_scale);
    if (existing) edit_text(s, "Name", p.name);
    else ImGui::InputText("Name", &p.name);
    // Dates go through the undo-aware widget for plan periods; a draft is only a local value.
    std::optional<Date> start = p.start, end = p.end;
    if (existing) {
        if (edit_date(s, "From", start) && start) p.start = *start;
        if (edit_date(s, "To (inclusive)", end) && end) p.end = *end;
    } else {
        std::string a = date_text(p.start), b = date_text(p.end);
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4);
        if (ImGui::InputTextWithHint("From", "YYYY-MM-DD", &a))
            if (auto d = parse_date_text(a)) p.start = *d;
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4);
        if (ImGui::InputTextWithHint("To (inclusive)", "YYYY-MM-DD", &b))
            if (auto d = parse_date_text(b)) p.end = *d;
    }
    const bool bad = p.end < p.start;
    if (bad) ImGui::TextColored(ImVec4(0.9f, 0.25f, 0.2f, 1.0f), "The period ends before it starts.");
    ImGui::TextDisabled("Applies to");
    bool all = p.components.empty();
    if (ImGui::Checkbox("All components", &all) && all) {
        p.components.clear();
        if (existing) s.doc.touch();
    }
    for (const Component& comp : s.doc.plan.components) {
        bool on = std::find(p.components.begin(), p.components.end(), comp.id) != p.components.end();
        ImGui::SameLine();
        if (ImGui::Checkbox(comp.name.empty() ? comp.id.c_str() : comp.name.c_str(), &on)) {
            if (on) p.components.push_back(comp.id);
            else p.components.erase(std::remove(p.components.begin(), p.components.end(), comp.id), p.components.end());
            if (existing) s.doc.touch();
        }
    }
    ImGui::Separator();
    if (existing) {
        if (ImGui::Button("Done") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            s.doc.commit();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Delete")) {
            list.erase(list.begin() + c.period_index);
            s.doc.touch();
            s.doc.commit();
            ImGui::CloseCurrentPopup();
        }
    } else {
        ImGui::BeginDisabled(bad || p.name.empty());
        if (ImGui::Button("Add")) {
            list.push_back(p);
            s.doc.touch();
            s.doc.commit();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_calendar(App::State& s) {
    const ScheduleIndex& idx = schedule_for(s);
    CalendarViewState& c = s.calendar;
    std::int32_t cursor = c.cursor.value_or(idx.today);
    const float scale = s.config.ui_scale;

    // Toolbar: mode, navigation, the period shown.
    auto mode_button = [&](const char* label, CalendarMode m) {
        const bool on = c.mode == m;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label)) {
            c.mode = m;
            c.scroll_agenda = c.scroll_week = true;
        }
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine(0, 2.0f * scale);
    };
    mode_button("Month", CalendarMode::month);
    mode_button("Week", CalendarMode::week);
    mode_button("Agenda", CalendarMode::agenda);
    ImGui::SameLine(0, 16.0f * scale);
    const int step_days = c.mode == CalendarMode::week ? 7 : 0;
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) cursor = step_days ? cursor - step_days : add_months(cursor, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(step_days ? "Previous week" : "Previous month (Page Up)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::Button("Today")) cursor = idx.today;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to today (T)");
    ImGui::SameLine(0, 2.0f * scale);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) cursor = step_days ? cursor + step_days : add_months(cursor, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(step_days ? "Next week" : "Next month (Page Down)");
    ImGui::SameLine(0, 16.0f * scale);
    const Date cd = date_of_day(cursor);
    if (c.mode == CalendarMode::week) {
        const std::int32_t first = cursor - weekday_index(cursor);
        const Date a = date_of_day(first), b = date_of_day(first + 6);
        ImGui::Text("Week of %u %s %d – %u %s %d", static_cast<unsigned>(a.day()), month_long[static_cast<unsigned>(a.month()) - 1],
                    static_cast<int>(a.year()), static_cast<unsigned>(b.day()), month_long[static_cast<unsigned>(b.month()) - 1],
                    static_cast<int>(b.year()));
    } else if (c.mode == CalendarMode::month) {
        ImGui::Text("%s %d", month_long[static_cast<unsigned>(cd.month()) - 1], static_cast<int>(cd.year()));
    } else {
        ImGui::Text("From %s %s", weekday_short[weekday_index(cursor)], date_text(cd).c_str());
    }
    if (idx.unscheduled > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %d release%s without a date", idx.unscheduled, idx.unscheduled == 1 ? "" : "s");
    }
    ImGui::SameLine();
    help_marker("Click an entry to select it, double-click to open it in the editor.\n"
                "Drag a release onto another day to preview the move (Apply / Cancel).\n"
                "Double-click a day for a new release there; right-click a day for holidays and blackouts.\n"
                "Keys: arrows move the selected day, Page Up/Down change month, T = today, Enter opens the selected release.\n"
                "Change windows are shown in your time zone; hover for the window's own zone.");

    const float panel_h = s.conflict_panel ? std::max(ImGui::GetContentRegionAvail().y * 0.26f, 120.0f * scale)
                                           : ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##calendar_body", ImVec2(0, -(panel_h + ImGui::GetStyle().ItemSpacing.y)), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    keyboard(s, cursor);
    c.cursor = cursor;  // clicks in the view below may pick another day for the next frame
    switch (c.mode) {
    case CalendarMode::month: draw_month(s, idx, cursor); break;
    case CalendarMode::week: draw_week(s, idx, cursor); break;
    case CalendarMode::agenda: draw_agenda(s, idx, cursor); break;
    }
    ImGui::EndChild();
    draw_conflict_panel(s, panel_h);
    draw_move_preview(s);
    draw_period_dialog(s);
}

}  // namespace relplan::ui

// What the calendar and the timeline share: colours, release titles and tooltips, new releases on a day.
#include "views/calendar/calendar_draw.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "calendar/milestones.hpp"
#include "plan/release_copy.hpp"
#include "base/tz.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <queue>

namespace relplan::ui {

using namespace cal;

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
    if (d.overdue > 0)
        ImGui::TextColored(overdue_color(), "Overdue: the release date passed %d day%s ago and it is not out.", d.overdue,
                           d.overdue == 1 ? "" : "s");
    if (r.change_window) {
        std::vector<std::string> lines = describe_window(*r.change_window);
        ImGui::TextDisabled("Change window");
        for (const auto& l : lines) ImGui::BulletText("%s", l.c_str());
    }
    conflict_tooltip_lines(s, release);
}

ImVec4 overdue_color() { return ImVec4(0.85f, 0.2f, 0.15f, 1.0f); }

float draw_overdue_badge(App::State& s, ImDrawList* dl, ImVec2 pos, float height, std::int32_t days, const std::string& anchor,
                         bool right_aligned) {
    const std::string text = "! " + std::to_string(days) + "d";
    const float pad = 3.0f * s.config.ui_scale;
    const float font = std::min(ImGui::GetFontSize(), height);
    const float w = ImGui::GetFont()->CalcTextSizeA(font, FLT_MAX, 0.0f, text.c_str()).x + 2.0f * pad;
    if (right_aligned) pos.x -= w;
    const ImVec2 hi(pos.x + w, pos.y + height);
    dl->AddRectFilled(pos, hi, ImGui::GetColorU32(overdue_color()), height * 0.3f);
    dl->AddText(ImGui::GetFont(), font, ImVec2(pos.x + pad, pos.y + (height - font) * 0.5f), IM_COL32(255, 255, 255, 255), text.c_str());
    anchor_rect(anchor + ".overdue", pos, hi);
    return w;
}

void open_release_editor(App::State& s, const std::string& id) {
    s.selected_release = id;
    s.select_tab(Tab::release);
}

void new_release_on(App::State& s, std::int32_t day, const std::string& component) {
    Plan& plan = s.doc.plan;
    Release r;
    r.id = fresh_release_id(plan);
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

}  // namespace relplan::ui

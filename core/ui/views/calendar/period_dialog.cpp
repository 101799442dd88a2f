// The holiday / blackout dialog of the calendar and the timeline.
#include "views/calendar/calendar_draw.hpp"
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"
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

using namespace cal;

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
        if (ImGui::Button("Done") || dialog_confirmed() || dialog_cancelled()) {
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
        if (ImGui::Button("Add") || (!bad && !p.name.empty() && dialog_confirmed())) {
            list.push_back(p);
            s.doc.touch();
            s.doc.commit();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || dialog_cancelled()) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace relplan::ui

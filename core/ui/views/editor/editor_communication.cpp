// Release editor: stakeholders and the communication plan with its notice deadlines.
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
#include "version/next_version.hpp"
#include "version/semver.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace relplan::ui::editor {

namespace {

// ---- stakeholders and communication ----------------------------------------------------------------

bool concerns(const Stakeholder& h, const Release& r) {
    if (h.components.empty() || r.components.empty()) return true;
    return std::any_of(h.components.begin(), h.components.end(), [&](const std::string& c) {
        return std::find(r.components.begin(), r.components.end(), c) != r.components.end();
    });
}

void stakeholder_table(App::State& s, const Release& r) {
    auto& all = s.doc.plan.stakeholders;
    int remove = -1;
    if (ImGui::BeginTable("##stakeholders", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("E-mail");
        ImGui::TableSetupColumn("Audience", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(all.size()); ++i) {
            Stakeholder& h = all[i];
            if (!concerns(h, r)) continue;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##name", h.name, "name");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##role", h.role, "role");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##email", h.email, "e-mail");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##aud", h.audience);
            ImGui::TableNextColumn();
            if (remove_button("stakeholder from the plan")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        std::string id = all[remove].id;
        all.erase(all.begin() + remove);
        for (Release& q : s.doc.plan.releases)
            for (Communication& c : q.communications)
                c.stakeholders.erase(std::remove(c.stakeholders.begin(), c.stakeholders.end(), id), c.stakeholders.end());
        commit_now(s);
    }
    if (ImGui::Button("Add stakeholder")) {
        Stakeholder h;
        for (int n = static_cast<int>(all.size()) + 1;; ++n) {
            h.id = "sh-" + std::to_string(n);
            if (!find_stakeholder(s.doc.plan, h.id)) break;
        }
        h.components = r.components;
        all.push_back(std::move(h));
        commit_now(s);
    }
    tooltip("Stakeholders belong to the plan; this list shows those concerned by this release's components");
}

std::string who_text(const Plan& plan, const Communication& c) {
    if (c.stakeholders.empty()) return "everyone (" + std::string(to_string(c.audience)) + ")";
    std::string out;
    for (const std::string& id : c.stakeholders) {
        const Stakeholder* h = find_stakeholder(plan, id);
        out += (out.empty() ? "" : ", ") + (h && !h->name.empty() ? h->name : id);
    }
    return out;
}

void who_combo(App::State& s, Communication& c) {
    std::string preview = who_text(s.doc.plan, c);
    if (!ImGui::BeginCombo("##who", preview.c_str())) return;
    for (const Stakeholder& h : s.doc.plan.stakeholders) {
        bool on = std::find(c.stakeholders.begin(), c.stakeholders.end(), h.id) != c.stakeholders.end();
        std::string label = (h.name.empty() ? h.id : h.name) + " (" + std::string(to_string(h.audience)) + ")";
        if (ImGui::Checkbox(label.c_str(), &on)) {
            if (on)
                c.stakeholders.push_back(h.id);
            else
                c.stakeholders.erase(std::remove(c.stakeholders.begin(), c.stakeholders.end(), h.id), c.stakeholders.end());
            s.doc.touch();
        }
    }
    if (s.doc.plan.stakeholders.empty()) ImGui::TextDisabled("The plan has no stakeholders yet.");
    ImGui::EndCombo();
}

// "due 2026-03-01, in 5 days" in the colour that matters: red when overdue and not sent.
void deadline_cell(const Release& r, const Communication& c, int notice) {
    if (!r.release_date) {
        ImGui::TextDisabled("no release date");
        return;
    }
    Date due = add_days(*r.release_date, -notice);
    if (c.sent_on) {
        bool late = *c.sent_on > due;
        ImGui::TextColored(late ? orange : green, "%s %s", date_text(due).c_str(), late ? "(sent late)" : "(sent)");
        return;
    }
    std::int64_t in = days_between(today(), due);
    if (in < 0)
        ImGui::TextColored(red, "%s overdue %dd", date_text(due).c_str(), static_cast<int>(-in));
    else if (in == 0)
        ImGui::TextColored(orange, "%s today", date_text(due).c_str());
    else
        ImGui::Text("%s in %dd", date_text(due).c_str(), static_cast<int>(in));
}

void communication_row(App::State& s, Release& r, Communication& c, int& remove, int i) {
    const int def = milestone_offsets(s.doc.plan.settings, r.type).notice_days;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##aud", c.audience);
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##chan", c.channel);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##subject", c.subject, "what they are told");
    ImGui::SetNextItemWidth(-1);
    who_combo(s, c);
    ImGui::TableNextColumn();
    int notice = notice_days(s.doc.plan, r, c);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputInt("##notice", &notice, 1, 7)) {
        c.notice_days = std::clamp(notice, 0, 3650);
        s.doc.touch();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(c.notice_days ? "Days before the release it must go out" : "Days before the release (default for %s: %d)",
                          std::string(to_string(r.type)).c_str(), def);
    deadline_cell(r, c, notice_days(s.doc.plan, r, c));
    ImGui::TableNextColumn();
    edit_date(s, "##planned", c.planned_on);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Planned send date");
    bool sent = c.sent_on.has_value();
    if (ImGui::Checkbox("sent", &sent)) {
        if (sent)
            c.sent_on = today();
        else
            c.sent_on.reset();
        s.doc.touch();
    }
    if (c.sent_on) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", date_text(*c.sent_on).c_str());
    }
    ImGui::TableNextColumn();
    if (remove_button("communication")) remove = i;
}

// Per audience: the earliest notice deadline of what is not sent yet, and how much is sent.
void audience_summary(App::State& s, const Release& r) {
    for (Audience a : all_values<Audience>()) {
        int total = 0, sent = 0;
        std::optional<Date> due;
        for (const Communication& c : r.communications) {
            if (c.audience != a) continue;
            ++total;
            if (c.sent_on) {
                ++sent;
                continue;
            }
            if (!r.release_date) continue;
            Date d = add_days(*r.release_date, -notice_days(s.doc.plan, r, c));
            if (!due || d < *due) due = d;
        }
        if (!total) continue;
        ImGui::BulletText("%s: %d of %d sent", std::string(to_string(a)).c_str(), sent, total);
        if (!due) continue;
        ImGui::SameLine();
        std::int64_t in = days_between(today(), *due);
        if (in < 0)
            ImGui::TextColored(red, "-- notice was due %s (%d days overdue)", date_text(*due).c_str(), static_cast<int>(-in));
        else
            ImGui::TextDisabled("-- notice due %s (in %d days)", date_text(*due).c_str(), static_cast<int>(in));
    }
}

Channel usual_channel(Audience a) {
    switch (a) {
    case Audience::internal: return Channel::chat;
    case Audience::technical: return Channel::docs;
    case Audience::customer: return Channel::email;
    case Audience::end_user: return Channel::in_app;
    }
    return Channel::email;
}

}  // namespace

void section_communication(App::State& s, Release& r) {
    ImGui::TextUnformatted("Stakeholders");
    stakeholder_table(s, r);
    ImGui::Spacing();
    ImGui::TextUnformatted("Communication plan");
    audience_summary(s, r);
    int remove = -1;
    if (!r.communications.empty() &&
        ImGui::BeginTable("##comms", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Audience / channel", ImGuiTableColumnFlags_WidthFixed, px(s, 130));
        ImGui::TableSetupColumn("What / who", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Notice days / deadline", ImGuiTableColumnFlags_WidthFixed, px(s, 175));
        ImGui::TableSetupColumn("Planned / sent", ImGuiTableColumnFlags_WidthFixed, px(s, 160));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.communications.size()); ++i) {
            ImGui::PushID(i);
            communication_row(s, r, r.communications[i], remove, i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    remove_then_add(s, r.communications, remove, "Add communication");
    ImGui::SameLine();
    if (ImGui::Button("Plan one per audience")) {
        for (const Stakeholder& h : s.doc.plan.stakeholders) {
            if (!concerns(h, r)) continue;
            bool planned = std::any_of(r.communications.begin(), r.communications.end(),
                                       [&](const Communication& c) { return c.audience == h.audience; });
            if (planned) continue;
            Communication c;
            c.audience = h.audience;
            c.channel = usual_channel(h.audience);
            c.subject = release_label(r) + ": what changes for you";
            r.communications.push_back(std::move(c));
        }
        commit_now(s);
    }
    tooltip("Adds a communication for every audience among the concerned stakeholders that has none yet");
}

}  // namespace relplan::ui::editor

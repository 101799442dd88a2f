// Release editor: deployment and rollback (change window), and the post-release review.
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "base/tz.hpp"
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

// ---- deployment and rollback ----------------------------------------------------------------------

std::string instant_text(std::chrono::sys_seconds t, std::int32_t offset) {
    using namespace std::chrono;
    sys_seconds local = t + minutes{offset};
    sys_days day = floor<days>(local);
    const auto secs = (local - day).count();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d %c%02d:%02d", date_text(Date{day}).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs % 3600 / 60), offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
    return buf;
}

// "YYYY-MM-DD HH:MM +HH:MM" -> instant and offset.
bool parse_instant(const std::string& text, std::chrono::sys_seconds& t, std::int32_t& offset) {
    int hh = 0, mm = 0, oh = 0, om = 0;
    char date[11] = {}, sign = 0, tail = 0;
    if (std::sscanf(text.c_str(), "%10s %2d:%2d %c%2d:%2d%c", date, &hh, &mm, &sign, &oh, &om, &tail) != 6) return false;
    std::optional<Date> d = parse_date_text(date);
    if (!d || hh > 23 || mm > 59 || oh > 14 || om > 59 || (sign != '+' && sign != '-')) return false;
    offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
    t = std::chrono::sys_seconds{std::chrono::sys_days{*d}} + std::chrono::hours{hh} + std::chrono::minutes{mm} -
        std::chrono::minutes{offset};
    return true;
}

bool edit_instant(App::State& s, const char* label, std::chrono::sys_seconds& t, std::int32_t& offset) {
    auto& drafts = s.field_drafts;
    ImGuiID id = ImGui::GetID(label);
    auto it = drafts.find(id);
    std::string text = it != drafts.end() ? it->second : instant_text(t, offset);
    std::chrono::sys_seconds nt;
    std::int32_t no = 0;
    bool invalid = it != drafts.end() && !parse_instant(text, nt, no);
    bool edited = input_text_checked(label, "2026-03-10 22:00 +01:00", text, px(s, 190), invalid, red,
                                     "Use YYYY-MM-DD HH:MM +HH:MM (the UTC offset of that local time)");
    bool changed = false;
    if (edited) {
        drafts[id] = text;
        if (parse_instant(text, nt, no) && (nt != t || no != offset)) {
            t = nt;
            offset = no;
            s.doc.touch();
            changed = true;
        }
    }
    if (!ImGui::IsItemActive() && !edited && it != drafts.end() && !invalid) drafts.erase(id);
    return changed;
}

// A new change window: 20:00-24:00 on the release day in the project's time zone (with its offsets),
// or in UTC when the plan names no zone the database knows.
ChangeWindow new_change_window(const Plan& plan, const Date& d) {
    using namespace std::chrono;
    ChangeWindow w;
    const local_seconds evening{local_days{sys_days{d}.time_since_epoch()} + hours{20}};
    w.start = sys_seconds{evening.time_since_epoch()};
    const Result<TzDatabase>& zones = embedded_tzdb();
    if (!plan.project.time_zone.empty() && zones) {
        if (Result<TimeZone> zone = zones->zone(plan.project.time_zone)) {
            if (Result<UtcResolution> at = zone->to_utc(evening)) {
                w.zone = zone->name();
                w.start = at->utc;
                w.start_offset_minutes = static_cast<std::int32_t>(zone->state_at(w.start).utc_offset.count() / 60);
                w.end_offset_minutes = static_cast<std::int32_t>(zone->state_at(w.start + hours{4}).utc_offset.count() / 60);
            }
        }
    }
    w.end = w.start + hours{4};
    return w;
}

void change_window(App::State& s, Release& r) {
    bool has = r.change_window.has_value();
    if (ImGui::Checkbox("Change window", &has)) {
        if (has) {
            r.change_window = new_change_window(s.doc.plan, r.release_date.value_or(today()));
        } else {
            r.change_window.reset();
        }
        s.doc.touch();
    }
    anchor("editor.change_window");
    if (!r.change_window) return;
    ChangeWindow& w = *r.change_window;
    for (auto [label, id] : {std::pair{"from", "##from"}, std::pair{"to", "##to"}}) {
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        bool start = label[0] == 'f';
        edit_instant(s, id, start ? w.start : w.end, start ? w.start_offset_minutes : w.end_offset_minutes);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("shown in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(px(s, 140));
    const std::string& project_zone = s.doc.plan.project.time_zone;
    edit_text(s, "##zone", w.zone, project_zone.empty() ? "Europe/Berlin" : project_zone.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("IANA time zone the window is shown in; empty = the written offset. New windows start in the "
                          "project's time zone (Project settings).");
    if (w.end <= w.start) ImGui::TextColored(red, "The window ends before it starts.");
}

}  // namespace

void section_deployment(App::State& s, Release& r) {
    change_window(s, r);
    ImGui::Spacing();
    if (!r.deployment) {
        if (ImGui::Button("Add a deployment plan")) {
            r.deployment = DeploymentPlan{};
            commit_now(s);
        }
    } else {
        DeploymentPlan& d = *r.deployment;
        ImGui::TextUnformatted("Deployment");
        ImGui::PushItemWidth(px(s, 220));
        edit_text(s, "Strategy", d.strategy, "rolling, blue-green, canary…");
        ImGui::SameLine();
        if (ImGui::BeginCombo("##strategies", nullptr, ImGuiComboFlags_NoPreview)) {
            for (const char* k : {"rolling", "blue-green", "canary", "feature flags", "big bang"})
                if (ImGui::Selectable(k)) {
                    d.strategy = k;
                    s.doc.touch();
                }
            ImGui::EndCombo();
        }
        tooltip("Common strategies");
        edit_text(s, "Owner##deploy", d.owner);
        ImGui::PopItemWidth();
        ImGui::TextUnformatted("Steps (one per line)");
        edit_lines(s, "##deploy_steps", d.steps);
        if (ImGui::SmallButton("Remove the deployment plan")) {
            r.deployment.reset();
            commit_now(s);
        }
    }
    ImGui::Spacing();
    if (!r.rollback) {
        if (ImGui::Button("Add a rollback plan")) {
            r.rollback = RollbackPlan{};
            commit_now(s);
        }
        ImGui::SameLine();
        ImGui::TextColored(orange, "No rollback plan yet.");
        return;
    }
    RollbackPlan& b = *r.rollback;
    ImGui::TextUnformatted("Rollback");
    ImGui::SetNextItemWidth(px(s, 220));
    edit_text(s, "Owner##rollback", b.owner);
    ImGui::TextUnformatted("Triggers: when to roll back (one per line)");
    edit_lines(s, "##triggers", b.triggers);
    ImGui::TextUnformatted("Steps (one per line)");
    edit_lines(s, "##rollback_steps", b.steps);
    if (ImGui::SmallButton("Remove the rollback plan")) {
        r.rollback.reset();
        commit_now(s);
    }
}

namespace {

// ---- post-release review ----------------------------------------------------------------------------

void slip(const std::optional<Date>& planned, const std::optional<Date>& actual) {
    ImGui::SameLine();
    if (!planned || !actual) {
        ImGui::TextDisabled(planned ? "planned %s" : "not planned", date_text(planned).c_str());
        return;
    }
    std::int64_t d = days_between(*planned, *actual);
    if (d == 0)
        ImGui::TextColored(green, "on plan (%s)", date_text(*planned).c_str());
    else if (d > 0)
        ImGui::TextColored(red, "%d day%s late (planned %s)", static_cast<int>(d), d == 1 ? "" : "s", date_text(*planned).c_str());
    else
        ImGui::TextColored(green, "%d day%s early (planned %s)", static_cast<int>(-d), d == -1 ? "" : "s", date_text(*planned).c_str());
}

void outcome_combo(App::State& s, PostReleaseReview& v) {
    std::string current = v.outcome ? std::string(to_string(*v.outcome)) : "not set";
    ImGui::SetNextItemWidth(px(s, 160));
    if (!ImGui::BeginCombo("Outcome", current.c_str())) return;
    if (ImGui::Selectable("not set", !v.outcome)) {
        v.outcome.reset();
        s.doc.touch();
    }
    for (ReleaseOutcome o : all_values<ReleaseOutcome>())
        if (ImGui::Selectable(std::string(to_string(o)).c_str(), v.outcome == o)) {
            v.outcome = o;
            s.doc.touch();
        }
    ImGui::EndCombo();
}

// A table of rows with a remove button each; `row` draws the editable cells of one row.
template <class T, class Row>
void removable_table(App::State& s, const char* id, std::vector<T>& rows,
                     std::initializer_list<std::pair<const char*, float>> columns, const char* what, Row row) {
    int remove = -1;
    if (!rows.empty() && ImGui::BeginTable(id, static_cast<int>(columns.size()) + 1,
                                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        for (auto [name, weight] : columns) ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthStretch, weight);
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
            ImGui::PushID(i);
            ImGui::TableNextRow();
            row(rows[i]);
            ImGui::TableNextColumn();
            if (remove_button(what)) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        rows.erase(rows.begin() + remove);
        commit_now(s);
    }
}

void cell_text(App::State& s, const char* id, std::string& value, const char* hint) {
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, id, value, hint);
}

void metrics_table(App::State& s, PostReleaseReview& v) {
    removable_table(s, "##metrics", v.metrics, {{"Metric", 2.0f}, {"Measured", 1.0f}, {"Target", 1.0f}}, "metric", [&](Metric& m) {
        cell_text(s, "##name", m.name, "error rate");
        cell_text(s, "##value", m.value, "0.1%");
        cell_text(s, "##target", m.target, "< 0.5%");
    });
    if (ImGui::Button("Add metric")) {
        v.metrics.push_back(Metric{});
        commit_now(s);
    }
}

void retro_table(App::State& s, PostReleaseReview& v) {
    removable_table(s, "##retro", v.retrospective, {{"Kind", 0.7f}, {"Item", 3.0f}, {"Owner", 1.0f}}, "item", [&](RetroItem& k) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        edit_enum(s, "##kind", k.kind);
        cell_text(s, "##text", k.text, "what happened / what to do");
        cell_text(s, "##owner", k.owner, "owner");
    });
    if (ImGui::Button("Add retrospective item")) {
        v.retrospective.push_back(RetroItem{});
        commit_now(s);
    }
}

}  // namespace

void section_review(App::State& s, Release& r) {
    if (!r.review) {
        if (ImGui::Button("Start the post-release review")) {
            r.review = PostReleaseReview{};
            commit_now(s);
        }
        return;
    }
    PostReleaseReview& v = *r.review;
    edit_date(s, "Actual feature freeze", v.actual_feature_freeze);
    slip(r.feature_freeze, v.actual_feature_freeze);
    edit_date(s, "Actual code freeze", v.actual_code_freeze);
    slip(r.code_freeze, v.actual_code_freeze);
    edit_date(s, "Actual release date", v.actual_release_date);
    slip(r.release_date, v.actual_release_date);
    outcome_combo(s, v);
    ImGui::TextUnformatted("Summary");
    edit_multiline(s, "##review_summary", v.summary, 3.0f);
    ImGui::TextUnformatted("Metrics");
    metrics_table(s, v);
    ImGui::TextUnformatted("Retrospective");
    retro_table(s, v);
}

}  // namespace relplan::ui::editor

// Conflicts of the open plan (conflicts.hpp), computed once per plan revision and day: counts for the
// status bar and dashboard, per-release severity for highlighting bars and entries in place, and the
// conflict list panel under the calendar and the timeline.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/conflicts.hpp"
#include "base/tz.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace relplan::ui {

struct ConflictCache {
    unsigned revision = 0;
    std::int32_t today = 0;
    std::size_t release_count = 0;
    std::vector<Finding> findings;
    std::vector<std::vector<std::int32_t>> by_release;  // finding indices, parallel to plan.releases
    std::vector<ConflictLevel> level;                   // parallel to plan.releases
    std::vector<std::vector<std::int32_t>> releases;    // per finding: indices of its releases
    ConflictSummary summary;
    // The panel's filter, carried over when the cache is rebuilt.
    int show = 0;  // 0 all, 1 errors, 2 warnings
    std::string search;
};

namespace {

ConflictCache& cache_for(App::State& s) {
    const std::int32_t now = day_number(today());
    const Plan& plan = s.doc.plan;
    if (s.conflicts && s.conflicts->revision == s.doc.revision() && s.conflicts->today == now &&
        s.conflicts->release_count == plan.releases.size())
        return *s.conflicts;
    auto c = std::make_shared<ConflictCache>();
    if (s.conflicts) {
        c->show = s.conflicts->show;
        c->search = s.conflicts->search;
    }
    c->revision = s.doc.revision();
    c->today = now;
    c->release_count = plan.releases.size();
    ConflictOptions options;
    options.today = today();
    const Result<TzDatabase>& zones = embedded_tzdb();
    if (zones) options.zones = &*zones;
    c->findings = find_conflicts(plan, options);
    std::unordered_map<std::string, std::int32_t> index;
    index.reserve(plan.releases.size());
    for (std::size_t i = 0; i < plan.releases.size(); ++i) index.emplace(plan.releases[i].id, static_cast<std::int32_t>(i));
    c->by_release.resize(plan.releases.size());
    c->level.assign(plan.releases.size(), ConflictLevel::none);
    c->releases.resize(c->findings.size());
    for (std::size_t f = 0; f < c->findings.size(); ++f) {
        const Finding& finding = c->findings[f];
        (finding.severity == Severity::error ? c->summary.errors : c->summary.warnings)++;
        const ConflictLevel lv = finding.severity == Severity::error ? ConflictLevel::error : ConflictLevel::warning;
        for (const std::string& id : finding.releases) {
            auto it = index.find(id);
            if (it == index.end()) continue;
            c->releases[f].push_back(it->second);
            c->by_release[it->second].push_back(static_cast<std::int32_t>(f));
            c->level[it->second] = std::max(c->level[it->second], lv);
        }
    }
    s.conflicts = std::move(c);
    return *s.conflicts;
}

bool contains_nocase(const std::string& hay, const std::string& needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

void show_finding_release(App::State& s, std::int32_t release) {
    const Release& r = s.doc.plan.releases[release];
    s.selected_release = r.id;
    s.timeline.reveal_selection = true;
    if (r.release_date && r.release_date->ok()) {
        s.calendar.cursor = day_number(*r.release_date);
        s.calendar.scroll_agenda = true;
    }
}

}  // namespace

const ConflictSummary& conflicts_for(App::State& s) { return cache_for(s).summary; }

ConflictLevel conflict_level(App::State& s, std::int32_t release) {
    const ConflictCache& c = cache_for(s);
    return release >= 0 && release < static_cast<std::int32_t>(c.level.size()) ? c.level[release] : ConflictLevel::none;
}

const std::vector<ConflictLevel>& conflict_levels(App::State& s) { return cache_for(s).level; }

ImVec4 conflict_color(ConflictLevel level) {
    return level == ConflictLevel::error ? ImVec4(0.90f, 0.20f, 0.18f, 1.0f) : ImVec4(0.93f, 0.62f, 0.08f, 1.0f);
}

void conflict_tooltip_lines(App::State& s, std::int32_t release) {
    const ConflictCache& c = cache_for(s);
    if (release < 0 || release >= static_cast<std::int32_t>(c.by_release.size()) || c.by_release[release].empty()) return;
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    for (std::int32_t f : c.by_release[release]) {
        const Finding& finding = c.findings[f];
        const ConflictLevel lv = finding.severity == Severity::error ? ConflictLevel::error : ConflictLevel::warning;
        ImGui::TextColored(conflict_color(lv), "%s %s", lv == ConflictLevel::error ? "●" : "▲", finding.code.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", finding.message.c_str());
    }
    ImGui::PopTextWrapPos();
}

void draw_conflict_panel(App::State& s, float height) {
    ConflictCache& c = cache_for(s);
    const float scale = s.config.ui_scale;
    ImGui::BeginChild("##conflict_panel", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::Separator();
    if (ImGui::ArrowButton("##toggle", s.conflict_panel ? ImGuiDir_Down : ImGuiDir_Right)) s.conflict_panel = !s.conflict_panel;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(s.conflict_panel ? "Hide the conflict list" : "Show the conflict list");
    ImGui::SameLine();
    ImGui::TextUnformatted("Conflicts");
    ImGui::SameLine();
    if (c.findings.empty()) {
        ImGui::TextDisabled("none — the plan is clear");
    } else {
        if (c.summary.errors) {
            ImGui::TextColored(conflict_color(ConflictLevel::error), "%d error%s", c.summary.errors, c.summary.errors == 1 ? "" : "s");
            ImGui::SameLine();
        }
        if (c.summary.warnings)
            ImGui::TextColored(conflict_color(ConflictLevel::warning), "%d warning%s", c.summary.warnings, c.summary.warnings == 1 ? "" : "s");
    }
    if (!s.conflict_panel || c.findings.empty()) {
        ImGui::EndChild();
        return;
    }
    ImGui::SameLine(0, 20.0f * scale);
    const char* shows[] = {"All", "Errors", "Warnings"};
    for (int i = 0; i < 3; ++i) {
        if (ImGui::RadioButton(shows[i], c.show == i)) c.show = i;
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(std::min(260.0f * scale, ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("##conflict_search", "Filter by code, release or text…", &c.search);

    std::vector<std::int32_t> shown;
    const Plan& plan = s.doc.plan;
    for (std::size_t f = 0; f < c.findings.size(); ++f) {
        const Finding& finding = c.findings[f];
        if (c.show == 1 && finding.severity != Severity::error) continue;
        if (c.show == 2 && finding.severity != Severity::warning) continue;
        if (!c.search.empty()) {
            bool match = contains_nocase(finding.code, c.search) || contains_nocase(finding.message, c.search);
            for (const std::string& id : finding.releases) match = match || contains_nocase(id, c.search);
            if (!match) continue;
        }
        shown.push_back(static_cast<std::int32_t>(f));
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("##conflicts", 3, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed, 150.0f * scale);
        ImGui::TableSetupColumn("Releases", ImGuiTableColumnFlags_WidthFixed, 220.0f * scale);
        ImGui::TableSetupColumn("What is wrong", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::int32_t f = shown[row];
                const Finding& finding = c.findings[f];
                const ConflictLevel lv = finding.severity == Severity::error ? ConflictLevel::error : ConflictLevel::warning;
                const std::int32_t rel = c.releases[f].empty() ? -1 : c.releases[f].front();
                ImGui::TableNextRow();
                ImGui::PushID(f);
                ImGui::TableNextColumn();
                ImGui::TextColored(conflict_color(lv), lv == ConflictLevel::error ? "●" : "▲");
                ImGui::SameLine();
                const bool selected = rel >= 0 && plan.releases[rel].id == s.selected_release;
                if (ImGui::Selectable(finding.code.c_str(), selected,
                                      ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick) &&
                    rel >= 0) {
                    show_finding_release(s, rel);
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open_release_editor(s, plan.releases[rel].id);
                }
                if (ImGui::IsItemHovered() && rel >= 0)
                    ImGui::SetTooltip("Click: select and show it · double-click: open in the editor");
                ImGui::TableNextColumn();
                std::string names;
                for (std::int32_t r : c.releases[f]) names += (names.empty() ? "" : ", ") + release_title(plan.releases[r]);
                ImGui::TextUnformatted(names.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(finding.message.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace relplan::ui

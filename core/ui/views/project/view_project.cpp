#include "views/project/project.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "base/tz.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cctype>
#include <initializer_list>
#include <string>

namespace relplan::ui {

namespace {

std::string fresh_id(const std::string& prefix, int n, bool (*taken)(const Plan&, const std::string&), const Plan& p) {
    for (;; ++n) {
        std::string id = prefix + "-" + std::to_string(n);
        if (!taken(p, id)) return id;
    }
}

bool component_taken(const Plan& p, const std::string& id) { return find_component(p, id) != nullptr; }
bool stakeholder_taken(const Plan& p, const std::string& id) { return find_stakeholder(p, id) != nullptr; }

Component new_component(const Plan& p) {
    Component c;
    c.id = fresh_id("component", static_cast<int>(p.components.size()) + 1, component_taken, p);
    c.name = "Component " + std::to_string(p.components.size() + 1);
    return c;
}

Stakeholder new_stakeholder(const Plan& p) {
    Stakeholder st;
    st.id = fresh_id("stakeholder", static_cast<int>(p.stakeholders.size()) + 1, stakeholder_taken, p);
    st.name = "New stakeholder";
    return st;
}

// The project's IANA zone: an unknown name is shown with the database's message (it suggests the
// spelling when only the case differs) and up to five known names containing what was typed.
void draw_time_zone(App::State& s, Project& p) {
    edit_text(s, "Time zone", p.time_zone, "UTC (IANA name, e.g. Europe/Berlin)");
    anchor("project.time_zone");
    help_marker("The zone the team works in: new change windows start in it, window searches use it and the "
                "calendar export names it as the calendar's zone. Empty = UTC.");
    const Result<TzDatabase>& zones = embedded_tzdb();
    if (p.time_zone.empty() || !zones) return;
    const Result<TimeZone> zone = zones->zone(p.time_zone);
    if (zone) return;
    ImGui::TextColored(ImVec4(0.85f, 0.22f, 0.2f, 1.0f), "%s", zone.error().message.c_str());
    std::string typed = p.time_zone;
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int shown = 0;
    for (const std::string& name : zones->names()) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.find(typed) == std::string::npos) continue;
        if (shown++ == 5) break;
        if (shown == 1) ImGui::TextDisabled("Known zones like it:");
        ImGui::SameLine();
        if (ImGui::SmallButton(name.c_str())) {
            p.time_zone = name;
            s.doc.touch();
            s.doc.commit();
        }
        anchor("project.time_zone.suggestion." + std::to_string(shown - 1));
    }
}

void draw_project(App::State& s) {
    Project& p = s.doc.plan.project;
    edit_text(s, "Name", p.name);
    anchor("project.name");
    edit_text(s, "Description", p.description);
    edit_text(s, "Repository", p.repository, "https://…");
    edit_text(s, "Package", p.package, "npm package name");
    help_marker("The package name consumers depend on; impact analysis reads their ranges for it.");
    draw_time_zone(s, p);
}

// Titles over a list of rows of fields: a filled field no longer shows its hint, so the columns need
// names. Each title starts where its field does (x in unscaled pixels from the row start).
void column_titles(const App::State& s, std::initializer_list<std::pair<const char*, float>> columns) {
    const float x0 = ImGui::GetCursorPosX(), gap = ImGui::GetStyle().ItemSpacing.x, sc = s.config.ui_scale;
    int i = 0;
    for (const auto& [title, x] : columns) {
        if (i > 0) ImGui::SameLine(x0 + x * sc + static_cast<float>(i) * gap);
        ImGui::TextDisabled("%s", title);
        ++i;
    }
}

void draw_components(App::State& s) {
    auto& list = s.doc.plan.components;
    if (!list.empty()) column_titles(s, {{"Name", 0}, {"Id", 160}, {"Owner", 260}});
    edit_rows(s, list, [&](Component& c, std::size_t i) {
        const std::string n = "project.component." + std::to_string(i);
        ImGui::SetNextItemWidth(160 * s.config.ui_scale);
        edit_text(s, "##name", c.name, "name");
        anchor(n + ".name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(100 * s.config.ui_scale);
        edit_text(s, "##id", c.id, "id");
        anchor(n + ".id");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140 * s.config.ui_scale);
        edit_text(s, "##owner", c.owner, "owner");
        anchor(n + ".owner");
    });
    if (ImGui::Button("Add component")) add_row(s, list, new_component(s.doc.plan));
    anchor("project.component.add");
}

void draw_stakeholders(App::State& s) {
    auto& list = s.doc.plan.stakeholders;
    if (!list.empty()) column_titles(s, {{"Name", 0}, {"Role", 140}, {"E-mail", 250}, {"Audience", 420}});
    edit_rows(s, list, [&](Stakeholder& st, std::size_t) {
        ImGui::SetNextItemWidth(140 * s.config.ui_scale);
        edit_text(s, "##name", st.name, "name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * s.config.ui_scale);
        edit_text(s, "##role", st.role, "role");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(170 * s.config.ui_scale);
        edit_text(s, "##email", st.email, "e-mail");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(100 * s.config.ui_scale);
        edit_enum(s, "##audience", st.audience);
    });
    if (ImGui::Button("Add stakeholder")) add_row(s, list, new_stakeholder(s.doc.plan));
    anchor("project.stakeholder.add");
}

void draw_periods(App::State& s, std::vector<Period>& list, const char* what) {
    edit_rows(s, list, [&](Period& p, std::size_t) {
        ImGui::SetNextItemWidth(160 * s.config.ui_scale);
        edit_text(s, "##name", p.name, "name");
        ImGui::SameLine();
        std::optional<Date> start = p.start, end = p.end;
        if (edit_date(s, "##start", start) && start) p.start = *start;
        ImGui::SameLine();
        ImGui::TextUnformatted("to");
        ImGui::SameLine();
        if (edit_date(s, "##end", end) && end) p.end = *end;
    });
    if (ImGui::Button((std::string("Add ") + what).c_str())) {
        Period p;
        p.name = what;
        p.start = p.end = today();
        add_row(s, list, std::move(p));
    }
}

void draw_optional_int(App::State& s, const char* label, std::optional<std::int32_t>& v) {
    edit_presence(s, label, v);
    if (v) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * s.config.ui_scale);
        edit_int(s, (std::string("##") + label).c_str(), *v, 0, 10000);
    }
}

void draw_support(App::State& s) {
    PlanSettings& st = s.doc.plan.settings;
    edit_presence(s, "Support policy for release lines", st.support);
    if (st.support) {
        SupportPolicy& sp = *st.support;
        ImGui::Indent();
        edit_bool(s, "Lines are major.minor (not major)", sp.minor_lines);
        draw_optional_int(s, "Active months", sp.active_months);
        draw_optional_int(s, "Maintenance months", sp.maintenance_months);
        draw_optional_int(s, "Latest lines supported", sp.latest_lines);
        draw_optional_int(s, "Warn after days without a patch", sp.patch_interval_days);
        ImGui::Unindent();
    }
    ImGui::TextDisabled("Maintenance lines (dates override the policy)");
    auto& lines = st.support_lines;
    edit_rows(s, lines, [&](LineSupport& l, std::size_t) {
        ImGui::SetNextItemWidth(80 * s.config.ui_scale);
        edit_text(s, "##line", l.line, "1.x");
        edit_support_dates(s, l.lts, "active until", l.active_until, l.eol);
    });
    if (ImGui::Button("Add line")) add_row(s, lines, LineSupport{"1.x", false, std::nullopt, std::nullopt, {}});
}

// A section of the settings window, its header named for tests whether it is open or not.
bool section(const char* title, const char* anchor_name, ImGuiTreeNodeFlags flags = 0) {
    const bool open = ImGui::CollapsingHeader(title, flags);
    anchor(anchor_name);
    return open;
}

}  // namespace

void draw_project_settings(App::State& s) {
    if (!s.project.settings_open) return;
    if (!begin_window(s, "Project settings", s.project.settings_open, 720, 560)) return;
    if (section("Project", "project.section.project", ImGuiTreeNodeFlags_DefaultOpen)) draw_project(s);
    if (section("Components and owners", "project.section.components", ImGuiTreeNodeFlags_DefaultOpen)) draw_components(s);
    if (section("Stakeholders and audiences", "project.section.stakeholders")) draw_stakeholders(s);
    if (section("Holidays", "project.section.holidays")) {
        ImGui::PushID("holidays");
        draw_periods(s, s.doc.plan.holidays, "holiday");
        ImGui::PopID();
    }
    if (section("Blackouts", "project.section.blackouts")) {
        ImGui::PushID("blackouts");
        draw_periods(s, s.doc.plan.blackouts, "blackout");
        ImGui::PopID();
    }
    if (section("Versioning", "project.section.versioning")) draw_versioning_settings(s);
    if (section("Consumers of the package", "project.section.consumers")) draw_consumer_settings(s);
    if (section("Support policy and maintenance lines", "project.section.support")) draw_support(s);
    if (section("Dependencies' support cycles", "project.section.dependencies")) draw_dependency_settings(s);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        s.project.settings_open = false;
    ImGui::End();
}

}  // namespace relplan::ui

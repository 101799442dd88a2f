// Helpers the release editor's sections share (editor_sections.hpp).
#include "views/editor/editor_sections.hpp"

#include "calendar/milestones.hpp"

#include <chrono>

namespace relplan::ui::editor {

void commit_now(App::State& s) {
    s.doc.touch();
    s.doc.commit();
}

void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

bool remove_button(const char* what) {
    bool pressed = ImGui::SmallButton("x");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this %s", what);
    return pressed;
}

std::int64_t days_between(const Date& from, const Date& to) {
    return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}

Date add_days(const Date& d, std::int64_t n) {
    return Date{std::chrono::sys_days{d} + std::chrono::days{n}};
}

std::string_view gate_label(GateKind k) {
    switch (k) {
    case GateKind::unit: return "unit test";
    case GateKind::integration: return "integration test";
    case GateKind::system: return "system test";
    case GateKind::performance: return "performance test";
    case GateKind::security: return "security review";
    case GateKind::uat: return "user acceptance (UAT)";
    }
    return "quality";
}

std::vector<std::string> gate_blockers(const Release& r) {
    std::vector<std::string> out;
    for (const QualityGate& g : r.quality_gates) {
        if (!g.required || (g.status != GateStatus::failed && g.status != GateStatus::pending)) continue;
        std::string name = std::string(gate_label(g.kind)) + " gate" + (g.name.empty() ? "" : " \"" + g.name + "\"");
        if (g.status == GateStatus::failed)
            out.push_back("The required " + name + " failed: fix it and mark it passed, or waive it with an approver.");
        else
            out.push_back("The required " + name + " is still pending: record its result first.");
    }
    return out;
}

bool needs_gates(ReleaseStatus st) {
    return st == ReleaseStatus::approved || st == ReleaseStatus::frozen || st == ReleaseStatus::released;
}

int notice_days(const Plan& plan, const Release& r, const Communication& c) {
    return c.notice_days.value_or(milestone_offsets(plan.settings, r.type).notice_days);
}

}  // namespace relplan::ui::editor

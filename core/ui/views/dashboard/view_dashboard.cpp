// The dashboard: what needs attention today.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/overdue.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace relplan::ui {

namespace {
int days_between(const Date& from, const Date& to) {
    return static_cast<int>((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

bool open_release(const Release& r) {
    return r.status != ReleaseStatus::released && r.status != ReleaseStatus::cancelled &&
           r.status != ReleaseStatus::rolled_back;
}

// Open releases whose day has passed, most overdue first; each opens its release.
void overdue_section(App::State& s, const Date& now) {
    const Plan& plan = s.doc.plan;
    const std::vector<std::int32_t> late = overdue_releases(plan, now);
    if (late.empty()) return;
    section_title("Overdue");
    for (std::int32_t i : late) {
        const Release& r = plan.releases[static_cast<std::size_t>(i)];
        ImGui::PushID(r.id.c_str());
        const int d = days_overdue(r, now);
        const std::string label = r.name + " " + r.version + " — was due " + date_text(*r.release_date) + ", " +
                                  std::to_string(d) + (d == 1 ? " day" : " days") + " ago (" +
                                  std::string(to_string(r.status)) + ")";
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
        if (ImGui::Selectable(label.c_str())) {
            s.selected_release = r.id;
            s.select_tab(Tab::release);
        }
        ImGui::PopStyleColor();
        anchor("dashboard.overdue." + r.id);
        ImGui::PopID();
    }
}

// The next six open releases from today, as a table.
void next_releases_section(App::State& s, const Date& now) {
    section_title("Next releases");
    std::vector<const Release*> next;
    for (const auto& r : s.doc.plan.releases)
        if (open_release(r) && r.release_date && days_between(now, *r.release_date) >= 0) next.push_back(&r);
    std::sort(next.begin(), next.end(), [](const Release* a, const Release* b) { return *a->release_date < *b->release_date; });
    if (next.empty()) ImGui::TextDisabled("No upcoming releases.");
    if (!ImGui::BeginTable("##next", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    for (std::size_t i = 0; i < next.size() && i < 6; ++i) {
        const Release& r = *next[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(r.id.c_str());
        if (ImGui::Selectable((r.name + " " + r.version).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
            s.selected_release = r.id;
            s.select_tab(Tab::release);
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextColored(status_color(r.status), "%s", std::string(to_string(r.status)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(date_text(*r.release_date).c_str());
        ImGui::TableNextColumn();
        int d = days_between(now, *r.release_date);
        if (d == 0) ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.1f, 1), "today");
        else ImGui::Text("in %d day%s", d, d == 1 ? "" : "s");
    }
    ImGui::EndTable();
}

// Feature and code freezes of open releases within the next seven days.
void freezes_section(const Plan& plan, const Date& now) {
    section_title("Freezes this week");
    int freezes = 0;
    for (const auto& r : plan.releases) {
        if (!open_release(r)) continue;
        auto show = [&](const std::optional<Date>& d, const char* what) {
            if (!d) return;
            int in = days_between(now, *d);
            if (in < 0 || in > 7) return;
            ++freezes;
            ImGui::BulletText("%s %s — %s %s (%s)", r.name.c_str(), r.version.c_str(), what, date_text(*d).c_str(),
                              in == 0 ? "today" : ("in " + std::to_string(in) + " d").c_str());
        };
        show(r.feature_freeze, "feature freeze");
        show(r.code_freeze, "code freeze");
    }
    if (!freezes) ImGui::TextDisabled("No freeze in the next 7 days.");
}

// Support: shown once the plan has lines to support or dependencies to watch.
void support_section(App::State& s) {
    const Plan& plan = s.doc.plan;
    const SupportReport& support = support_for(s);
    if (!plan.settings.support && plan.settings.support_lines.empty() && plan.dependencies.empty()) return;
    section_title("Support windows");
    for (const LineSchedule& l : support.lines) {
        if (l.phase == SupportPhase::end_of_life || l.phase == SupportPhase::planned) continue;
        ImGui::BulletText("%s — %s%s", l.line.c_str(), std::string(to_string(l.phase)).c_str(),
                          l.eol ? (", end of life " + date_text(*l.eol)).c_str() : ", no end of life planned");
    }
    constexpr std::size_t shown_max = 8;
    for (std::size_t i = 0; i < support.warnings.size() && i < shown_max; ++i)
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1.0f), "%s", support.warnings[i].message.c_str());
    if (support.warnings.size() > shown_max)
        ImGui::TextDisabled("… and %d more warnings (Timeline > Support)", static_cast<int>(support.warnings.size() - shown_max));
    anchor("dashboard.support");
}

// A section with one bullet for each item of the open releases that `line` describes (an empty
// line: the item needs nothing), or `none` when no item does.
template <class Items, class Line>
void open_items_section(const Plan& plan, const char* title, const char* none, Items items_of, Line line) {
    section_title(title);
    bool any = false;
    for (const auto& r : plan.releases) {
        if (!open_release(r)) continue;
        for (const auto& item : items_of(r)) {
            const std::string text = line(r, item);
            if (text.empty()) continue;
            any = true;
            ImGui::BulletText("%s %s — %s", r.name.c_str(), r.version.c_str(), text.c_str());
        }
    }
    if (!any) ImGui::TextDisabled("%s", none);
}

// Required quality gates of open releases that have neither passed nor been waived.
void approvals_section(const Plan& plan) {
    open_items_section(
        plan, "Pending approvals", "Nothing waiting.", [](const Release& r) -> const auto& { return r.quality_gates; },
        [](const Release&, const QualityGate& g) {
            if (!g.required || g.status == GateStatus::passed || g.status == GateStatus::waived) return std::string();
            return std::string(to_string(g.kind)) + " gate " + std::string(to_string(g.status));
        });
}

// Communications of open releases not sent yet.
void communications_section(const Plan& plan) {
    open_items_section(
        plan, "Unsent communications", "All sent.", [](const Release& r) -> const auto& { return r.communications; },
        [](const Release&, const Communication& m) {
            if (m.sent_on) return std::string();
            const std::string due = m.planned_on ? "planned " + date_text(*m.planned_on) : "not planned yet";
            return std::string(to_string(m.audience)) + " via " + std::string(to_string(m.channel)) + " (" + due + ")";
        });
}
}  // namespace

void draw_dashboard(App::State& s) {
    const Date now = today();
    ImGui::Text("Today is %s", date_text(now).c_str());
    ImGui::Spacing();
    overdue_section(s, now);
    next_releases_section(s, now);
    freezes_section(s.doc.plan, now);

    section_title("Open conflicts");
    const ConflictSummary& c = conflicts_for(s);
    if (c.errors + c.warnings == 0) ImGui::TextDisabled("None.");
    else ImGui::Text("%d error%s, %d warning%s — see the Calendar tab.", c.errors, c.errors == 1 ? "" : "s",
                     c.warnings, c.warnings == 1 ? "" : "s");

    support_section(s);
    approvals_section(s.doc.plan);
    communications_section(s.doc.plan);
}

}  // namespace relplan::ui

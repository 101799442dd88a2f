// The release editor's impact panel: for each consumer of the package, whether this release reaches
// it automatically (node-semver's answer for its declared range), or why not and what to declare
// instead. Consumers are edited in Project settings; they can also be imported here.
#include "views/editor/editor_sections.hpp"

#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace relplan::ui::editor {

namespace {

const char* outcome_text(ImpactKind kind) {
    switch (kind) {
        case ImpactKind::receives: return "receives it automatically";
        case ImpactKind::cut_off: return "cut off: must change its range";
        case ImpactKind::prerelease_excluded: return "skips this pre-release";
        case ImpactKind::below_range: return "not affected (wants newer)";
        case ImpactKind::outside_range: return "not affected (outside its range)";
        case ImpactKind::invalid_range: return "its range is not valid";
    }
    return "";
}

}  // namespace

void section_consumers(App::State& s, Release& r) {
    const Plan& plan = s.doc.plan;
    if (plan.consumers.empty()) {
        ImGui::TextWrapped("No consumers listed. List the packages that depend on %s in Project settings, or "
                           "import them from their package.json, package-lock.json or npm ls --json output.",
                           plan.project.package.empty() ? "this package" : plan.project.package.c_str());
        if (ImGui::Button("Import consumers…")) s.open_requested = platform::OpenPurpose::import_consumers;
        anchor("editor.impact.import");
        return;
    }
    const ReleaseImpact* impact = impact_for(s, r);
    if (!impact) {
        ImGui::TextDisabled("Impact needs a SemVer version; \"%s\" is not one.", r.version.c_str());
        return;
    }
    ImGui::TextUnformatted(to_string(impact->summary).c_str());
    anchor("editor.impact");
    ImGui::SameLine();
    if (ImGui::SmallButton("Import consumers…")) s.open_requested = platform::OpenPurpose::import_consumers;
    tooltip("Add consumers from a package.json, package-lock.json, npm ls --json output or a consumers list");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    const float rows_h = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(impact->rows.size(), 8) + 1);
    if (!ImGui::BeginTable("##impact", 5, flags, ImVec2(0, rows_h + ImGui::GetStyle().CellPadding.y * 4))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    header_row({"Consumer", "Declares", "This release", "Move to", "Notify"});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(impact->rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ConsumerImpact& row = impact->rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.consumer.c_str());
            anchor("editor.impact." + row.consumer);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.range.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(impact_color(row.kind), "%s", outcome_text(row.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.suggested_range.c_str());
            ImGui::TableNextColumn();
            const bool notify = row.kind == ImpactKind::cut_off || row.kind == ImpactKind::prerelease_excluded;
            if (notify) {
                std::string who = row.owner;
                if (!row.contact.empty()) who += (who.empty() ? "" : " · ") + row.contact;
                ImGui::TextUnformatted(who.empty() ? "(no owner listed)" : who.c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace relplan::ui::editor

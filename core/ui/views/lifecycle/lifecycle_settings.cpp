// Project settings for who depends on us and what we depend on: the consumers impact analysis reads
// (typed, or imported from npm's files) and the support cycles of dependencies (typed, or imported
// from an endoflife.date JSON file). Each edit is one undo step.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace relplan::ui {

void draw_consumer_settings(App::State& s) {
    auto& list = s.doc.plan.consumers;
    const float scale = s.config.ui_scale;
    ImGui::TextDisabled("Packages that depend on %s, with the range each declares.",
                        s.doc.plan.project.package.empty() ? "this package" : s.doc.plan.project.package.c_str());
    for (std::size_t i = 0; i < list.size(); ++i) {
        Consumer& c = list[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string n = "project.consumer." + std::to_string(i);
        ImGui::SetNextItemWidth(150 * scale);
        edit_text(s, "##name", c.name, "package");
        anchor(n + ".name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * scale);
        edit_text(s, "##range", c.range, "^1.2.0");
        anchor(n + ".range");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120 * scale);
        edit_text(s, "##owner", c.owner, "owner");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(150 * scale);
        edit_text(s, "##contact", c.contact, "contact");
        const bool removed = remove_row_button(s, list, i);
        ImGui::PopID();
        if (removed) break;
    }
    if (ImGui::Button("Add consumer")) {
        list.push_back(Consumer{"consumer-" + std::to_string(list.size() + 1), "^1.0.0", "", "", {}});
        s.doc.touch();
        s.doc.commit();
    }
    anchor("project.consumer.add");
    ImGui::SameLine();
    if (ImGui::Button("Import consumers…")) s.open_requested = platform::OpenPurpose::import_consumers;
    anchor("project.consumer.import");
    ImGui::SameLine();
    help_marker("Import reads a consumer's package.json (dependencies, devDependencies, peerDependencies,\n"
                "optionalDependencies), a package-lock.json, `npm ls --json` output or a consumers list,\n"
                "and adds every package that depends on the package named above.");
}

void draw_dependency_settings(App::State& s) {
    auto& list = s.doc.plan.dependencies;
    const float scale = s.config.ui_scale;
    ImGui::TextDisabled("Runtimes and frameworks we depend on; a planned release after their end of life is flagged.");
    for (std::size_t i = 0; i < list.size(); ++i) {
        DependencySupport& d = list[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(100 * scale);
        edit_text(s, "##product", d.product, "nodejs");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(60 * scale);
        edit_text(s, "##cycle", d.cycle, "20");
        ImGui::SameLine();
        edit_bool(s, "LTS", d.lts);
        ImGui::SameLine();
        edit_date(s, "support until", d.support);
        ImGui::SameLine();
        edit_date(s, "end of life", d.eol);
        const bool removed = remove_row_button(s, list, i);
        ImGui::PopID();
        if (removed) break;
    }
    if (ImGui::Button("Add dependency cycle")) {
        list.push_back(DependencySupport{"nodejs", "", std::nullopt, std::nullopt, std::nullopt, false, {}});
        s.doc.touch();
        s.doc.commit();
    }
    ImGui::SameLine();
    if (ImGui::Button("Import endoflife.date JSON…")) s.open_requested = platform::OpenPurpose::import_dependency_support;
    anchor("project.dependency.import");
    ImGui::SameLine();
    help_marker("Download https://endoflife.date/api/PRODUCT.json (for example nodejs.json) and import it;\n"
                "the product is named after the file.");
}

}  // namespace relplan::ui

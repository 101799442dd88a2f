// Project settings for who depends on us and what we depend on: the consumers impact analysis reads
// (typed, or imported from npm's files) and the support cycles of dependencies (typed, or imported
// from an endoflife.date JSON file). Each edit is one undo step.
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace relplan::ui {

void edit_support_dates(App::State& s, bool& lts, const char* until_label, std::optional<Date>& until,
                        std::optional<Date>& eol) {
    ImGui::SameLine();
    edit_bool(s, "LTS", lts);
    ImGui::SameLine();
    edit_date(s, until_label, until);
    ImGui::SameLine();
    edit_date(s, "end of life", eol);
}

void draw_consumer_settings(App::State& s) {
    auto& list = s.doc.plan.consumers;
    const float scale = s.config.ui_scale;
    ImGui::TextDisabled("Packages that depend on %s, with the range each declares.",
                        s.doc.plan.project.package.empty() ? "this package" : s.doc.plan.project.package.c_str());
    edit_rows(s, list, [&](Consumer& c, std::size_t i) {
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
    });
    if (ImGui::Button("Add consumer"))
        add_row(s, list, Consumer{"consumer-" + std::to_string(list.size() + 1), "^1.0.0", "", "", {}});
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
    edit_rows(s, list, [&](DependencySupport& d, std::size_t) {
        ImGui::SetNextItemWidth(100 * scale);
        edit_text(s, "##product", d.product, "nodejs");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(60 * scale);
        edit_text(s, "##cycle", d.cycle, "20");
        edit_support_dates(s, d.lts, "support until", d.support, d.eol);
    });
    if (ImGui::Button("Add dependency cycle"))
        add_row(s, list, DependencySupport{"nodejs", "", std::nullopt, std::nullopt, std::nullopt, false, {}});
    ImGui::SameLine();
    if (ImGui::Button("Import endoflife.date JSON…")) s.open_requested = platform::OpenPurpose::import_dependency_support;
    anchor("project.dependency.import");
    ImGui::SameLine();
    help_marker("Download https://endoflife.date/api/PRODUCT.json (for example nodejs.json) and import it;\n"
                "the product is named after the file.");
}

}  // namespace relplan::ui

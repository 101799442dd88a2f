// Project settings > Versioning: how next versions are computed (plan.settings.versioning: the pre-1.0
// preset, release-please's two options, commit-analyzer release rules) and the maintenance release
// lines (plan.settings.release_lines). Rules and lines are checked with the core's parsers as typed.
#include "views/project/project.hpp"

#include "app/test_anchors.hpp"
#include "widgets/widgets.hpp"

#include "version/next_version.hpp"
#include "version/release_line.hpp"

#include <imgui.h>

#include <string>

namespace relplan::ui {

namespace {

const ImVec4 error_red(0.85f, 0.2f, 0.2f, 1.0f);

void draw_preset(App::State& s, VersioningSettings& v) {
    static const char* const presets[] = {"relplan", "semantic-release", "release-please", "git-cliff"};
    const std::string current = v.preset.empty() ? "relplan" : v.preset;
    ImGui::SetNextItemWidth(200 * s.config.ui_scale);
    if (ImGui::BeginCombo("Pre-1.0 rules of", current.c_str())) {
        for (const char* p : presets) {
            if (ImGui::Selectable(p, current == p)) {
                v.preset = std::string(p) == "relplan" ? "" : p;
                s.doc.touch();
            }
            anchor(std::string("option.") + p);
        }
        ImGui::EndCombo();
    }
    anchor("project.versioning.preset");
    help_marker("Below 1.0.0, relplan makes breaking changes minor and features patches; semantic-release,\n"
                "release-please and git-cliff bump as after 1.0 unless their options say otherwise.");
    if (!pre_major_policy(current)) ImGui::TextColored(error_red, "Unknown preset \"%s\"", current.c_str());
    edit_bool(s, "bump-minor-pre-major (breaking changes bump the minor below 1.0)", v.bump_minor_pre_major);
    edit_bool(s, "bump-patch-for-minor-pre-major (features bump the patch below 1.0)", v.bump_patch_for_minor_pre_major);
}

void draw_rules(App::State& s, VersioningSettings& v) {
    ImGui::TextDisabled("Release rules, one per line: type(scope)=major|minor|patch|none");
    edit_lines(s, "##rules", v.release_rules);
    anchor("project.versioning.rules");
    for (const std::string& rule : v.release_rules)
        if (Result<ReleaseRule> r = parse_release_rule(rule); !r)
            ImGui::TextColored(error_red, "\"%s\": %s", rule.c_str(), r.error().message.c_str());
}

void draw_release_lines(App::State& s, std::vector<ReleaseLine>& lines) {
    ImGui::TextDisabled("Maintenance release lines: versions on a line stay in its range");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ReleaseLine& l = lines[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(90 * s.config.ui_scale);
        edit_text(s, "##line", l.line, "1.x");
        anchor("project.release_line." + std::to_string(i) + ".line");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(180 * s.config.ui_scale);
        edit_text(s, "##branch", l.branch, "release/1.x");
        const bool removed = remove_row_button(s, lines, i);
        if (!removed)
            if (Result<LineRange> r = parse_release_line(l.line); !r)
                ImGui::TextColored(error_red, "%s", r.error().message.c_str());
        ImGui::PopID();
        if (removed) break;
    }
    if (ImGui::Button("Add release line")) add_row(s, lines, ReleaseLine{"1.x", "release/1.x", {}});
    anchor("project.release_line.add");
}

}  // namespace

void draw_versioning_settings(App::State& s) {
    PlanSettings& st = s.doc.plan.settings;
    if (edit_presence(s, "Project-specific version rules", st.versioning)) s.doc.commit();
    anchor("project.versioning");
    if (st.versioning) {
        ImGui::Indent();
        draw_preset(s, *st.versioning);
        draw_rules(s, *st.versioning);
        ImGui::Unindent();
    }
    draw_release_lines(s, st.release_lines);
}

}  // namespace relplan::ui

#include "views/project/project.hpp"

#include "app/test_anchors.hpp"
#include "widgets/widgets.hpp"

#include "calendar/cadence.hpp"
#include "calendar/trains.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

namespace relplan::ui {

namespace {

Train new_train(const Plan& plan) {
    Train t;
    for (int n = static_cast<int>(plan.trains.size()) + 1;; ++n) {
        t.id = "train-" + std::to_string(n);
        if (find_train(plan, t.id) == nullptr) break;
    }
    t.name = "Monthly";
    t.cadence = "monthly:2nd-tue";
    t.start = today();
    t.count = 6;
    if (!plan.components.empty()) t.components.push_back(plan.components.front().id);
    return t;
}

void edit_draft(App::State& s, Train& t) {
    bool changed = false;
    changed |= ImGui::InputText("Name", &t.name);
    anchor("trains.name");
    changed |= ImGui::InputTextWithHint("Cadence", "monthly:2nd-tue", &t.cadence);
    anchor("trains.cadence");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(cadence_grammar).c_str());
    std::optional<Date> start = t.start;
    // The draft is not the plan: edits here become one undo step when "Apply" is pressed.
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4);
    std::string text = date_text(start);
    if (ImGui::InputTextWithHint("##start", "YYYY-MM-DD", &text)) {
        if (auto d = parse_date_text(text)) {
            t.start = *d;
            changed = true;
        }
    }
    anchor("trains.start");
    ImGui::SameLine();
    ImGui::TextUnformatted("First release on or after");
    int count = t.count;
    ImGui::SetNextItemWidth(120 * s.config.ui_scale);
    if (ImGui::InputInt("Releases", &count)) {
        t.count = std::clamp(count, 1, static_cast<int>(max_cadence_count));
        changed = true;
    }
    anchor("trains.count");
    std::string type(to_string(t.type));
    ImGui::SetNextItemWidth(120 * s.config.ui_scale);
    if (ImGui::BeginCombo("Type", type.c_str())) {
        for (ReleaseType v : all_values<ReleaseType>()) {
            if (ImGui::Selectable(std::string(to_string(v)).c_str(), v == t.type)) {
                t.type = v;
                changed = true;
            }
            anchor("option." + std::string(to_string(v)));
        }
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted("Components:");
    for (const Component& c : s.doc.plan.components) {
        ImGui::SameLine();
        bool on = std::find(t.components.begin(), t.components.end(), c.id) != t.components.end();
        if (ImGui::Checkbox((c.name.empty() ? c.id : c.name).c_str(), &on)) {
            if (on) t.components.push_back(c.id);
            else t.components.erase(std::find(t.components.begin(), t.components.end(), c.id));
            changed = true;
        }
        anchor("trains.component." + c.id);
    }
    bool freeze = t.code_freeze_days.has_value();
    if (ImGui::Checkbox("Code freeze", &freeze)) {
        t.code_freeze_days = freeze ? std::optional<std::int32_t>(3) : std::nullopt;
        changed = true;
    }
    anchor("trains.code_freeze");
    if (t.code_freeze_days) {
        ImGui::SameLine();
        int days = *t.code_freeze_days;
        ImGui::SetNextItemWidth(110 * s.config.ui_scale);
        if (ImGui::InputInt("days before each release", &days)) {
            t.code_freeze_days = std::clamp(days, 0, 365);
            changed = true;
        }
        anchor("trains.code_freeze_days");
    }
    if (ImGui::InputTextWithHint("CalVer scheme", "empty = SemVer", &t.calver_scheme)) changed = true;
    if (changed) s.project.preview_stale = true;
}

void refresh_preview(App::State& s) {
    auto& w = s.project;
    if (!w.preview_stale) return;
    w.preview_stale = false;
    // The preview is what applying gives: the plan's other releases and the train's kept ones count.
    auto applied = apply_train(s.doc.plan, w.draft);
    w.preview.clear();
    w.preview_error.clear();
    if (!applied) {
        w.preview_error = applied.error().message;
        return;
    }
    for (const Release& r : applied->plan.releases)
        if (r.train == w.draft.id) w.preview.push_back(r);
}

void draw_preview(App::State& s) {
    const auto& w = s.project;
    if (!w.preview_error.empty()) {
        ImGui::TextColored(ImVec4(0.9f, 0.25f, 0.2f, 1), "%s", w.preview_error.c_str());
        return;
    }
    ImGui::TextDisabled("Preview: %d releases (edited ones are kept as they are)", static_cast<int>(w.preview.size()));
    // A freeze or release day already past is a surprise once applied: it is shown in orange here.
    const Date now = today();
    const auto past = [&](const std::optional<Date>& d) { return d && *d < now; };
    const int late = static_cast<int>(std::count_if(w.preview.begin(), w.preview.end(), [&](const Release& r) {
        return past(r.release_date) || past(r.code_freeze) || past(r.feature_freeze);
    }));
    const ImVec4 orange(0.9f, 0.5f, 0.1f, 1.0f);
    if (late > 0) ImGui::TextColored(orange, "%d with a date already past: start later?", late);
    // As tall as its rows (at most 12 before it scrolls), so no empty band sits above Apply.
    const float row_h = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
    const int rows = std::min(static_cast<int>(w.preview.size()), 12) + 1;
    if (!ImGui::BeginTable("##preview", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
                           ImVec2(0, rows * row_h + 2.0f * s.config.ui_scale)))
        return;
    header_row({"Version", "Release", "Code freeze", "Feature freeze", "Id"});
    for (const Release& r : w.preview) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.version.c_str());
        for (const std::optional<Date>* d : {&r.release_date, &r.code_freeze, &r.feature_freeze}) {
            ImGui::TableNextColumn();
            if (past(*d)) ImGui::TextColored(orange, "%s", date_text(*d).c_str());
            else ImGui::TextUnformatted(date_text(*d).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", r.id.c_str());
    }
    ImGui::EndTable();
}

void apply_draft(App::State& s) {
    auto applied = apply_train(s.doc.plan, s.project.draft);
    if (!applied) {
        s.messages.push_back({"The train was not applied", {applied.error().message}});
        return;
    }
    s.doc.plan = std::move(applied->plan);
    s.doc.touch();
    s.doc.commit();
    for (std::size_t i = 0; i < s.doc.plan.trains.size(); ++i)
        if (s.doc.plan.trains[i].id == s.project.draft.id) s.project.train = static_cast<int>(i);
    s.flash("Train applied: " + std::to_string(applied->added.size()) + " releases generated, " +
                std::to_string(applied->kept.size()) + " edited ones kept",
            ImGui::GetTime());
    s.project.preview_stale = true;
}

}  // namespace

void draw_trains_window(App::State& s) {
    auto& w = s.project;
    if (!w.trains_open) return;
    if (!begin_window(s, "Release trains", w.trains_open, 760, 600)) return;
    auto& trains = s.doc.plan.trains;
    if (w.train >= static_cast<int>(trains.size())) w.train = -1;
    ImGui::BeginChild("##list", ImVec2(180 * s.config.ui_scale, 0), true);
    for (std::size_t i = 0; i < trains.size(); ++i) {
        const std::string label = (trains[i].name.empty() ? trains[i].id : trains[i].name) + "##" + trains[i].id;
        if (ImGui::Selectable(label.c_str(), w.train == static_cast<int>(i))) {
            w.train = static_cast<int>(i);
            w.draft = trains[i];
            w.preview_stale = true;
        }
        anchor("trains." + std::to_string(i));
    }
    if (ImGui::Button("New train")) {
        w.train = -1;
        w.draft = new_train(s.doc.plan);
        w.preview_stale = true;
    }
    anchor("trains.add");
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##edit");
    if (w.draft.id.empty()) {
        ImGui::TextWrapped("A train plans releases on a cadence (every month on the 2nd Tuesday, every two weeks on "
                           "Wednesday, …). Press New train, check the preview, then Apply. Applying again after a "
                           "change regenerates the releases nobody has edited.");
    } else {
        edit_draft(s, w.draft);
        refresh_preview(s);
        draw_preview(s);
        if (ImGui::Button(w.train < 0 ? "Apply: add the releases" : "Apply: regenerate")) apply_draft(s);
        anchor("trains.apply");
        if (w.train >= 0) {
            ImGui::SameLine();
            if (ImGui::Button("Remove train")) {
                s.doc.plan = remove_train(s.doc.plan, w.draft.id);
                s.doc.touch();
                s.doc.commit();
                w.train = -1;
                w.draft = Train{};
            }
            anchor("trains.remove");
        }
    }
    ImGui::EndChild();
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        w.trains_open = false;
    ImGui::End();
}

}  // namespace relplan::ui

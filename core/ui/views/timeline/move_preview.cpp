// Moving a release by dragging it (timeline bars, month-grid days): the what-if preview of the move
// (calendar/what_if.hpp) waits in a modal for Apply or Cancel; Apply is one undo step.
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/widgets.hpp"

#include "base/tz.hpp"
#include "calendar/milestones.hpp"
#include "calendar/what_if.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

namespace relplan::ui {

// A move waiting for the user's Apply / Cancel: the what-if result for it, or why there is none.
struct MovePreview {
    bool open_requested = false;
    std::string release_id;
    std::string title;
    std::optional<WhatIf> what_if;
    std::string error;
};

void request_move(App::State& s, std::int32_t release, std::int32_t to_day) {
    const Plan& plan = s.doc.plan;
    if (release < 0 || release >= static_cast<std::int32_t>(plan.releases.size())) return;
    auto m = std::make_shared<MovePreview>();
    const Release& r = plan.releases[release];
    m->open_requested = true;
    m->release_id = r.id;
    m->title = release_title(r);
    const Date to = date_of_day(to_day);
    if (!to.ok() || to < min_supported_date || to > max_supported_date) {
        m->error = "The release cannot move outside 1900-01-01 … 9999-12-31.";
    } else {
        WhatIfOptions options;
        options.today = today();
        const Result<TzDatabase>& zones = embedded_tzdb();
        if (zones) options.zones = &*zones;
        Result<WhatIf> w = what_if_move(plan, r.id, to, options);
        if (w) m->what_if = std::move(*w);
        else m->error = w.error().message;
    }
    s.move_preview = std::move(m);
}

void draw_move_preview(App::State& s) {
    const char* title = "Move release";
    if (s.move_preview && s.move_preview->open_requested) {
        s.move_preview->open_requested = false;
        ImGui::OpenPopup(title);
    }
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!s.move_preview) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    MovePreview& m = *s.move_preview;
    const float scale = s.config.ui_scale;
    auto close = [&] {
        ImGui::CloseCurrentPopup();
        s.move_preview.reset();
    };
    if (!m.what_if) {
        ImGui::Text("%s cannot move:", m.title.c_str());
        ImGui::TextColored(conflict_color(ConflictLevel::error), "%s", m.error.c_str());
        if (ImGui::Button("Close") || dialog_confirmed() || dialog_cancelled()) close();
        ImGui::EndPopup();
        return;
    }
    const WhatIf& w = *m.what_if;
    ImGui::Text("Move %s to %s?", m.title.c_str(), date_text(w.after.release_date).c_str());
    ImGui::TextDisabled("Nothing changes until you apply it; Apply is one undo step.");
    ImGui::Spacing();
    if (ImGui::BeginTable("##changes", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        header_row({"What", "Before", "After"});
        for (const FieldChange& c : w.changes) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string field = c.field;
            std::replace(field.begin(), field.end(), '_', ' ');
            ImGui::TextUnformatted(field.c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", c.before.empty() ? "(unset)" : c.before.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.after.empty() ? "(unset)" : c.after.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
    for (const std::string& n : w.notes) ImGui::BulletText("%s", n.c_str());
    ImGui::Spacing();
    if (w.conflicts_added.empty() && w.conflicts_removed.empty()) ImGui::TextDisabled("No conflict appears or goes away.");
    const int shown_max = 12;
    for (std::size_t i = 0; i < w.conflicts_added.size() && i < shown_max; ++i) {
        const Finding& f = w.conflicts_added[i];
        const ConflictLevel lv = f.severity == Severity::error ? ConflictLevel::error : ConflictLevel::warning;
        ImGui::TextColored(conflict_color(lv), "+ new %s %s:", std::string(to_string(f.severity)).c_str(), f.code.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", f.message.c_str());
    }
    if (w.conflicts_added.size() > shown_max) ImGui::TextDisabled("… and %d more new", static_cast<int>(w.conflicts_added.size() - shown_max));
    for (std::size_t i = 0; i < w.conflicts_removed.size() && i < shown_max; ++i) {
        const Finding& f = w.conflicts_removed[i];
        ImGui::TextColored(calendar_colors(s.dark).holiday, "− resolved %s:", f.code.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", f.message.c_str());
    }
    if (w.conflicts_removed.size() > shown_max) ImGui::TextDisabled("… and %d more resolved", static_cast<int>(w.conflicts_removed.size() - shown_max));
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (ImGui::Button("Apply", ImVec2(90.0f * scale, 0)) || dialog_confirmed()) {
        Result<std::monostate> applied = apply_what_if(s.doc.plan, w);
        if (applied) {
            s.doc.touch();
            s.doc.commit();
            s.selected_release = m.release_id;
            s.flash("Moved " + m.title + " to " + date_text(w.after.release_date), ImGui::GetTime());
        } else {
            s.messages.push_back({"Could not move " + m.title, {applied.error().message}});
        }
        close();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(90.0f * scale, 0)) || dialog_cancelled()) close();
    ImGui::EndPopup();
}

}  // namespace relplan::ui

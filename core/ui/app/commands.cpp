// Edits triggered by menus and buttons (not by a field), each one undo step.
#include "app/release_commands.hpp"
#include "app/test_anchors.hpp"
#include "views/views.hpp"

#include "plan/release_copy.hpp"

#include <imgui.h>

#include <string>

namespace relplan::ui {

Release* selected_release(App::State& s) {
    for (auto& r : s.doc.plan.releases)
        if (r.id == s.selected_release) return &r;
    return nullptr;
}

void add_release(App::State& s) {
    Release r;
    r.id = fresh_release_id(s.doc.plan);
    r.name = "New release";
    r.type = ReleaseType::minor;
    r.status = ReleaseStatus::planning;
    if (!s.doc.plan.components.empty()) r.components.push_back(s.doc.plan.components.front().id);
    s.doc.plan.releases.push_back(std::move(r));
    s.selected_release = s.doc.plan.releases.back().id;
    s.doc.touch();
    s.doc.commit();
    s.select_tab(Tab::release);
}

void delete_release(App::State& s) {
    auto& rs = s.doc.plan.releases;
    for (auto it = rs.begin(); it != rs.end(); ++it) {
        if (it->id != s.selected_release) continue;
        rs.erase(it);
        s.selected_release = rs.empty() ? "" : rs.front().id;
        s.doc.touch();
        s.doc.commit();
        return;
    }
}

void duplicate_release(App::State& s, const std::string& id) {
    Result<Release> copy = relplan::duplicate_release(s.doc.plan, id);
    if (!copy) return;
    s.doc.plan.releases.push_back(std::move(*copy));
    s.selected_release = s.doc.plan.releases.back().id;
    s.doc.touch();
    s.doc.commit();
    s.flash("Duplicated as " + s.selected_release, ImGui::GetTime());
}

void move_release_by(App::State& s, const std::string& id, int days) {
    for (std::size_t i = 0; i < s.doc.plan.releases.size(); ++i) {
        const Release& r = s.doc.plan.releases[i];
        if (r.id != id || !r.release_date) continue;
        request_move(s, static_cast<std::int32_t>(i), day_number(*r.release_date) + days);
        return;
    }
}

void release_context_menu(App::State& s, const std::string& id) {
    const Release* r = find_release(s.doc.plan, id);
    if (!r) return;
    ImGui::TextDisabled("%s", release_title(*r).c_str());
    if (ImGui::MenuItem("Duplicate")) {
        s.release_command = App::State::ReleaseCommand::duplicate;
        s.release_command_id = id;
    }
    anchor("context.duplicate");
    if (ImGui::BeginMenu("Move", r->release_date.has_value())) {
        for (auto [label, days] : {std::pair{"1 day later", 1}, {"1 day earlier", -1}, {"1 week later", 7},
                                  {"1 week earlier", -7}, {"4 weeks later", 28}}) {
            if (ImGui::MenuItem(label)) move_release_by(s, id, days);
            anchor("context.move." + std::to_string(days));  // "context.move.7", "context.move.-1"
        }
        ImGui::EndMenu();
    }
    anchor("context.move");
    if (ImGui::MenuItem("Copy version", nullptr, false, !r->version.empty())) {
        ImGui::SetClipboardText(r->version.c_str());
        s.flash("Copied " + r->version, ImGui::GetTime());
    }
    anchor("context.copy_version");
    ImGui::Separator();
    if (ImGui::MenuItem("Delete", "Ctrl+Z undoes")) {
        s.release_command = App::State::ReleaseCommand::remove;
        s.release_command_id = id;
    }
    anchor("context.delete");
}

void run_release_command(App::State& s) {
    const auto command = s.release_command;
    s.release_command = App::State::ReleaseCommand::none;
    if (command == App::State::ReleaseCommand::duplicate) {
        duplicate_release(s, s.release_command_id);
    } else if (command == App::State::ReleaseCommand::remove) {
        const Release* r = find_release(s.doc.plan, s.release_command_id);
        if (!r) return;
        const std::string title = release_title(*r);
        s.selected_release = s.release_command_id;
        delete_release(s);
        s.flash("Deleted " + title + " (Edit > Undo brings it back)", ImGui::GetTime());
    }
}

}  // namespace relplan::ui

// Edits triggered by menus and buttons (not by a field), each one undo step.
#include "views/views.hpp"

#include <string>

namespace relplan::ui {

namespace {
std::string fresh_release_id(const Plan& plan) {
    for (int n = static_cast<int>(plan.releases.size()) + 1;; ++n) {
        std::string id = "rel-" + std::to_string(n);
        if (!find_release(plan, id)) return id;
    }
}
}  // namespace

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

}  // namespace relplan::ui

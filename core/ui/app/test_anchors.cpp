#include "app/test_anchors.hpp"

#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "app/test_hooks.hpp"

#include "calendar/overdue.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the popup stack: the title of the open modal
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace relplan::ui {

namespace {

using nlohmann::json;

// Anchors are collected while a frame is drawn and published when it ends, so readers between frames
// (JavaScript, the desktop script) always see one whole frame.
struct Registry {
    std::vector<std::pair<std::string, test_hooks::Rect>> building;
    std::vector<std::pair<std::string, test_hooks::Rect>> published;
    struct Companion {
        unsigned owner = 0;
        std::string suffix;
        test_hooks::Rect rect;
    };
    std::vector<Companion> companions;  // this frame's, consumed by the owner's anchor()
    const std::string* notes_building = nullptr;
    const std::string* notes_published = nullptr;
    std::string version_building, version_published;
    json facts = json::object();
};

Registry& registry() {
    static Registry r;
    return r;
}

const char* tab_name(Tab t) {
    switch (t) {
    case Tab::dashboard: return "dashboard";
    case Tab::release: return "release";
    case Tab::calendar: return "calendar";
    case Tab::timeline: return "timeline";
    case Tab::versions: return "versions";
    case Tab::notes: return "notes";
    }
    return "";
}

std::string fnv1a_hex(const std::string& text) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string first_line(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.find_first_not_of(" \t\r", start) < end) return text.substr(start, end - start);
        start = end + 1;
    }
    return {};
}

json current_facts() {
    const Registry& r = registry();
    json f = r.facts;
    const std::string* notes = r.notes_published;
    f["notes_shown"] = notes != nullptr;
    f["notes_hash"] = notes ? fnv1a_hex(*notes) : "";
    f["notes_first_line"] = notes ? first_line(*notes) : "";
    f["notes_length"] = notes ? static_cast<std::int64_t>(notes->size()) : 0;
    return f;
}

}  // namespace

namespace {
std::optional<test_hooks::Rect> visible_item_rect() {
    ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_lo = dl->GetClipRectMin(), clip_hi = dl->GetClipRectMax();
    lo = ImVec2(std::max(lo.x, clip_lo.x), std::max(lo.y, clip_lo.y));
    hi = ImVec2(std::min(hi.x, clip_hi.x), std::min(hi.y, clip_hi.y));
    if (hi.x <= lo.x || hi.y <= lo.y) return std::nullopt;
    const ImVec2 fb = ImGui::GetIO().DisplayFramebufferScale;
    return test_hooks::Rect{lo.x * fb.x, lo.y * fb.y, (hi.x - lo.x) * fb.x, (hi.y - lo.y) * fb.y};
}

}  // namespace

void anchor_companion(unsigned owner, const char* suffix) {
    if (auto rect = visible_item_rect()) registry().companions.push_back({owner, suffix, *rect});
}

namespace {
void add_companions(const char* name) {
    auto& all = registry().companions;
    const unsigned owner = ImGui::GetItemID();
    for (auto it = all.begin(); it != all.end();) {
        if (it->owner != owner) {
            ++it;
            continue;
        }
        registry().building.push_back({std::string(name) + it->suffix, it->rect});
        it = all.erase(it);
    }
}
// The title of the modal dialog on top ("" when none); the message box has its message's title.
std::string open_modal_title(const App::State& s) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.OpenPopupStack.Size - 1; i >= 0; --i) {
        const ImGuiWindow* w = g.OpenPopupStack[i].Window;
        if (!w || !(w->Flags & ImGuiWindowFlags_Modal)) continue;
        std::string name = w->Name;
        name = name.substr(0, name.find("##"));
        if (name.empty() && !s.messages.empty()) return s.messages.front().title;
        return name;
    }
    return {};
}
}  // namespace

void anchor(const char* name) {
    add_companions(name);
    anchor_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void anchor_rect(const std::string& name, ImVec2 lo, ImVec2 hi) {
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_lo = dl->GetClipRectMin(), clip_hi = dl->GetClipRectMax();
    lo = ImVec2(std::max(lo.x, clip_lo.x), std::max(lo.y, clip_lo.y));
    hi = ImVec2(std::min(hi.x, clip_hi.x), std::min(hi.y, clip_hi.y));
    if (hi.x <= lo.x || hi.y <= lo.y) return;  // scrolled out of view: nothing to click
    const ImVec2 fb = ImGui::GetIO().DisplayFramebufferScale;
    registry().building.push_back({name, {lo.x * fb.x, lo.y * fb.y, (hi.x - lo.x) * fb.x, (hi.y - lo.y) * fb.y}});
}

void anchor(const std::string& name) { anchor(name.c_str()); }

namespace test_hooks {

void begin_frame() {
    Registry& r = registry();
    r.building.clear();
    r.companions.clear();
    r.notes_building = nullptr;
    r.version_building.clear();
}

void notes_shown(const std::string& text) { registry().notes_building = &text; }

void version_suggestion_shown(std::string text) { registry().version_building = std::move(text); }

void end_frame(App::State& s) {
    Registry& r = registry();
    std::swap(r.building, r.published);
    r.building.clear();
    r.notes_published = r.notes_building;
    r.notes_building = nullptr;
    r.version_published = std::move(r.version_building);
    r.version_building.clear();
    const ConflictSummary& c = conflicts_for(s);
    json f = {{"tab", tab_name(s.tab)},
              {"selected_release", s.selected_release},
              {"releases", static_cast<std::int64_t>(s.doc.plan.releases.size())},
              {"conflicts", c.errors + c.warnings},
              {"conflict_errors", c.errors},
              {"dirty", s.doc.dirty()},
              {"can_undo", s.doc.can_undo()},
              {"message", s.messages.empty() ? std::string() : s.messages.front().title},
              {"project", s.doc.plan.project.name},
              {"file", s.doc.name()}};
    f["project_name"] = s.doc.plan.project.name;
    f["components"] = static_cast<std::int64_t>(s.doc.plan.components.size());
    f["trains"] = static_cast<std::int64_t>(s.doc.plan.trains.size());
    f["overdue"] = static_cast<std::int64_t>(overdue_releases(s.doc.plan, today()).size());
    f["dialog"] = open_modal_title(s);
    f["read_only"] = s.doc.read_only();
    f["status"] = ImGui::GetTime() < s.status_until ? s.status_text : "";
    f["working_copy_problem"] = s.working_copy_problem;
    const Release* rel = find_release(s.doc.plan, s.selected_release);
    f["release_type"] = rel ? std::string(to_string(rel->type)) : "";
    f["release_status"] = rel ? std::string(to_string(rel->status)) : "";
    f["release_date"] = rel ? date_text(rel->release_date) : "";
    f["planning_start"] = rel ? date_text(rel->planning_start) : "";
    f["feature_freeze"] = rel ? date_text(rel->feature_freeze) : "";
    f["code_freeze"] = rel ? date_text(rel->code_freeze) : "";
    f["changes"] = rel ? static_cast<std::int64_t>(rel->changes.size()) : 0;
    f["release_version"] = rel ? rel->version : "";
    f["version_suggestion"] = r.version_published;  // as the release editor shows it
    const ReleaseImpact* impact = rel ? impact_for(s, *rel) : nullptr;
    f["impact"] = impact ? to_string(impact->summary) : "";  // the selected release's, as the editor shows it
    f["consumers"] = static_cast<std::int64_t>(s.doc.plan.consumers.size());
    f["dependencies"] = static_cast<std::int64_t>(s.doc.plan.dependencies.size());
    const SupportReport& support = support_for(s);
    f["support_lines"] = static_cast<std::int64_t>(support.lines.size());
    f["support_warnings"] = static_cast<std::int64_t>(support.warnings.size());
    f["compare_releases"] = static_cast<std::int64_t>(s.compare.open ? s.compare.highlighted.size() : 0);
    f["merge_conflicts"] = static_cast<std::int64_t>(s.doc.plan.conflicts.size());
    f["missing_glyphs"] = missing_glyphs(s.glyphs);  // noted code points drawn as "?"
    f["fallback_fonts"] = static_cast<std::int64_t>(s.glyphs.fonts.size());
    r.facts = std::move(f);
}

std::optional<Rect> find_anchor(std::string_view name) {
    const auto& all = registry().published;
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::string anchors_json() {
    json out = json::object();
    for (const auto& [name, rect] : registry().published)
        out[name] = {{"x", rect.x}, {"y", rect.y}, {"w", rect.w}, {"h", rect.h}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string facts_json() { return current_facts().dump(-1, ' ', false, json::error_handler_t::replace); }

std::optional<std::string> fact(std::string_view name) {
    json f = current_facts();
    auto it = f.find(std::string(name));
    if (it == f.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    return it->dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace test_hooks

}  // namespace relplan::ui

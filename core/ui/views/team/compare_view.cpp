// "Compare with…": the open plan against another version of it (a file, the last saved version, a
// share link) as a list of plan-level changes (team/diff.hpp), with the releases it touches outlined
// on the calendar and the timeline; a version from outside can be merged into the open plan: three-way
// against the last version both sides exchanged when it is kept here (share_versions.cpp), two-way
// otherwise (team/revision.hpp). A share link of the open plan asks first whether to merge, replace
// or compare, and says which kind of merge it would be.
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/widgets.hpp"

#include "app/test_anchors.hpp"
#include "plan/plan_json.hpp"
#include "plan/share_link.hpp"
#include "team/diff.hpp"
#include "team/revision.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace relplan::ui {

namespace {

constexpr std::size_t plan_cap = 64u << 20;  // the plan readers' cap (plan_json)

// Recomputes the diff when the open plan changed since it was made.
void refresh(App::State& s) {
    CompareState& c = s.compare;
    if (!c.other || c.revision == s.doc.revision()) return;
    const Plan& mine = s.doc.plan;
    auto diff = std::make_shared<PlanDiff>(c.other_is_before ? diff_plans(*c.other, mine) : diff_plans(mine, *c.other));
    c.highlighted.clear();
    for (const ReleaseDiff& r : diff->releases) c.highlighted.push_back(r.id);
    std::sort(c.highlighted.begin(), c.highlighted.end());
    c.diff = std::move(diff);
    c.revision = s.doc.revision();
}

// What "Merge into my plan" will do, for the dialogs.
std::string merge_kind_text(const CompareState& c) {
    if (c.base_pending) return "Looking for the last version you exchanged…";
    if (c.base) return "Three-way merge against the last version you both had (" + c.base->revision + "): edits of different places merge cleanly.";
    return "Two-way merge (no earlier version of this plan is kept here): values the two versions hold differently become conflicts.";
}

void merge_other(App::State& s) {
    CompareState& c = s.compare;
    const std::optional<std::string> base_json = c.base ? std::optional<std::string>(c.base->plan_json) : std::nullopt;
    auto merged = merge_shared(s.doc.plan, *c.other, base_json, c.base ? c.base->revision : std::string());
    if (!merged) {
        s.messages.push_back({"Could not merge (your plan is unchanged)", {merged.error().message}});
        return;
    }
    if (c.from_link) remember_shared_version(s, *c.other, c.link_names);
    s.doc.plan = std::move(merged->merge.plan);
    s.doc.touch();
    s.doc.commit();
    s.compare.conflicts_hidden = false;
    const std::size_t n = merged->merge.new_conflicts;
    const std::string kind = merged->three_way ? "three-way, against the last version you both had" : "two-way, no common version kept";
    s.flash(n == 0 ? "Merged into your plan (" + kind + "), no conflict"
                   : "Merged (" + kind + ") with " + std::to_string(n) + (n == 1 ? " conflict" : " conflicts") + " to settle",
            ImGui::GetTime());
    c.open = false;
    c.other.reset();
    c.diff.reset();
    c.highlighted.clear();
}

std::string value_text(const std::optional<std::string>& v) {
    if (!v) return "(none)";
    return v->size() > 60 ? v->substr(0, 57) + "…" : *v;
}

void field_line(const ValueChange& f) {
    std::string line = f.pointer + ": " + value_text(f.before) + " → " + value_text(f.after);
    if (f.days) line += " (" + std::string(*f.days > 0 ? "+" : "") + std::to_string(*f.days) + " days" +
                        (f.business_days ? ", " + std::to_string(*f.business_days) + " business" : "") + ")";
    ImGui::BulletText("%s", line.c_str());
}

void draw_release_diff(App::State& s, const ReleaseDiff& r) {
    const char* sign = r.kind == ReleaseDiffKind::added ? "+" : r.kind == ReleaseDiffKind::removed ? "−" : "~";
    const char* what = r.kind == ReleaseDiffKind::added ? "added" : r.kind == ReleaseDiffKind::removed ? "removed" : "changed";
    ImGui::PushID(r.id.c_str());
    const std::string label = std::string(sign) + " " + r.label + "  (" + what + ")";
    ImGui::PushStyleColor(ImGuiCol_Text, compare_color());
    const bool clicked = ImGui::Selectable(label.c_str());
    ImGui::PopStyleColor();
    anchor("compare.release." + r.id);
    if (clicked && find_release(s.doc.plan, r.id)) {
        s.selected_release = r.id;
        s.timeline.reveal_selection = true;
    }
    ImGui::Indent();
    for (const ValueChange& f : r.fields) field_line(f);
    for (const NoteChange& n : r.changes_added) ImGui::BulletText("change added: %s", n.description.c_str());
    for (const NoteChange& n : r.changes_removed) ImGui::BulletText("change removed: %s", n.description.c_str());
    ImGui::Unindent();
    ImGui::PopID();
}

void draw_compare(App::State& s) {
    CompareState& c = s.compare;
    if (!c.open) return;
    refresh(s);
    if (!begin_window(s, "Compare", c.open, 640, 480)) return;
    ImGui::TextUnformatted(c.title.c_str());
    anchor("compare.window");
    const std::shared_ptr<const PlanDiff> keep = c.diff;  // "Merge" below drops c.diff mid-frame
    const PlanDiff& d = *keep;
    if (d.empty()) {
        ImGui::TextDisabled("No difference: both are the same plan.");
    } else {
        ImGui::TextDisabled("%d releases differ; they are outlined on the calendar and the timeline.", static_cast<int>(d.releases.size()));
    }
    if (c.can_merge) {
        ImGui::SameLine();
        ImGui::BeginDisabled(c.base_pending);
        if (ImGui::Button("Merge into my plan")) merge_other(s);
        ImGui::EndDisabled();
        anchor("compare.merge");
        ImGui::TextDisabled("%s", merge_kind_text(c).c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("##diff");
    for (const ReleaseDiff& r : d.releases) draw_release_diff(s, r);
    if (!d.plan_fields.empty()) {
        section_title("Plan settings");
        for (const ValueChange& f : d.plan_fields) field_line(f);
    }
    if (!d.conflicts_appeared.empty() || !d.conflicts_resolved.empty()) {
        section_title("Scheduling conflicts");
        for (const Finding& f : d.conflicts_appeared) ImGui::BulletText("appears: %s", f.message.c_str());
        for (const Finding& f : d.conflicts_resolved) ImGui::BulletText("goes away: %s", f.message.c_str());
    }
    ImGui::EndChild();
    ImGui::End();
    if (!c.open) {  // closed: no more outlines
        c.other.reset();
        c.diff.reset();
        c.highlighted.clear();
    }
}

void draw_link_dialog(App::State& s) {
    CompareState& c = s.compare;
    if (c.link_dialog) {
        ImGui::OpenPopup("Compare with a share link");
        c.link_dialog = false;
    }
    ImGui::SetNextWindowSize(ImVec2(560 * s.config.ui_scale, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Compare with a share link", nullptr, ImGuiWindowFlags_NoResize)) return;
    ImGui::TextWrapped("Paste a relplan share link (…#pd1=… or …#plan=…). Nothing changes in your plan until you merge.");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##link", &c.link_text, ImGuiInputTextFlags_EnterReturnsTrue);
    anchor("compare.link");
    if (ImGui::Button("Compare") || enter || dialog_confirmed()) {
        auto json = read_share_link(c.link_text, plan_cap);
        PlanLoad load = json ? load_plan(json->json) : PlanLoad{};
        if (!json) {
            s.messages.push_back({"Could not read the share link", {json.error().message}});
        } else if (!load.plan) {
            s.messages.push_back({"The share link holds no plan", {load.errors.empty() ? "" : load.errors.front().message}});
        } else {
            const bool same_plan = !s.doc.plan.project.id.empty() && load.plan->project.id == s.doc.plan.project.id;
            start_compare(s, *load.plan, "Compared with the plan in the share link", false, true);
            c.from_link = true;
            c.link_names = json->names;
            if (same_plan) find_merge_base(s, *load.plan, json->names);
            c.link_text.clear();
        }
        ImGui::CloseCurrentPopup();
    }
    anchor("compare.link.ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || dialog_cancelled()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_offer(App::State& s) {
    CompareState& c = s.compare;
    if (!c.offered) return;
    if (!ImGui::IsPopupOpen("This link holds a version of your plan")) ImGui::OpenPopup("This link holds a version of your plan");
    if (!ImGui::BeginPopupModal("This link holds a version of your plan", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("The link is a version of \"%s\", the plan open here, with different content.", s.doc.plan.project.name.c_str());
    ImGui::TextDisabled("Merge keeps your work and adds theirs.");
    ImGui::TextUnformatted(merge_kind_text(c).c_str());
    anchor("offer.kind");
    std::shared_ptr<const Plan> offered = c.offered;
    ImGui::BeginDisabled(c.base_pending);
    if (ImGui::Button("Merge into my plan") || (!c.base_pending && dialog_confirmed())) {
        c.other = offered;
        c.title = "Compared with the plan in the share link";
        merge_other(s);
        c.offered.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    anchor("offer.merge");
    ImGui::SameLine();
    if (ImGui::Button("Compare first")) {
        // The compare window merges against the same base: keep what the lookup found.
        const ShareRevision names = c.link_names;
        std::optional<platform::Snapshot> base = c.base;
        const bool pending = c.base_pending;
        const unsigned lookup = c.base_lookup;
        start_compare(s, *offered, "Compared with the plan in the share link", false, true);
        c.from_link = true;
        c.link_names = names;
        c.base = std::move(base);
        c.base_pending = pending;
        c.base_lookup = lookup;
        c.offered.reset();
        ImGui::CloseCurrentPopup();
    }
    anchor("offer.compare");
    ImGui::SameLine();
    if (ImGui::Button("Replace my plan")) {
        remember_shared_version(s, *offered, c.link_names);
        s.doc.plan = *offered;
        s.doc.touch();
        s.doc.commit();
        c.offered.reset();
        ImGui::CloseCurrentPopup();
    }
    anchor("offer.replace");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || dialog_cancelled()) {
        c.offered.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void start_compare(App::State& s, Plan other, std::string title, bool other_is_before, bool can_merge) {
    CompareState& c = s.compare;
    c.open = true;
    c.title = std::move(title);
    c.other_is_before = other_is_before;
    c.can_merge = can_merge;
    c.other = std::make_shared<const Plan>(std::move(other));
    c.revision = ~0u;
    c.from_link = false;  // the callers that open a link's version say so after this
    c.link_names = {};
    c.base.reset();
    c.base_pending = false;
    ++c.base_lookup;  // an answer still on its way belongs to another version
    refresh(s);
}

void offer_shared_plan(App::State& s, Plan plan, const ShareRevision& names) {
    CompareState& c = s.compare;
    c.offered = std::make_shared<const Plan>(std::move(plan));
    c.from_link = true;
    c.link_names = names;
    find_merge_base(s, *c.offered, names);
}

bool compare_highlights(const App::State& s, const std::string& id) {
    const auto& h = s.compare.highlighted;
    return !h.empty() && std::binary_search(h.begin(), h.end(), id);
}

ImVec4 compare_color() { return ImVec4(0.55f, 0.3f, 0.85f, 1.0f); }

void draw_team_windows(App::State& s) {
    draw_compare(s);
    draw_link_dialog(s);
    draw_share_address_dialog(s);
    draw_offer(s);
    draw_merge_conflicts(s);
}

}  // namespace relplan::ui

// Share links and the versions they carry. A version of a plan that the user shared or opened from a
// link is kept by the host (platform::store_snapshot) under its revision name; the name of the last
// one exchanged for each project is a setting, and the next link of that plan names it as its base.
// When a link of the open plan arrives, the first kept candidate (team/revision.hpp) is the common
// base the merge runs against.
#include "views/views.hpp"

#include "app/plan_io.hpp"
#include "plan/share_link.hpp"
#include "team/revision.hpp"

#include <imgui.h>

namespace relplan::ui {

namespace {

// One setting per project: the id hashed into a name any host can store.
std::string last_exchanged_key(const Plan& plan) { return "share-last-" + revision_of(plan.project.id); }

std::string last_exchanged(const Plan& plan) { return platform::load_setting(last_exchanged_key(plan)).value_or(""); }

}  // namespace

void remember_shared_version(App::State&, const Plan& plan, const ShareRevision& names) {
    if (plan.project.id.empty()) return;  // links of a plan without an id are never merged
    // The sender's name when the link gives one: the sender keeps the version under it.
    const std::string name = names.revision.empty() ? plan_revision(plan) : names.revision;
    platform::store_snapshot(name, plan_to_json(plan));
    platform::store_setting(last_exchanged_key(plan), name);
}

void copy_share_link(App::State& s) {
    const Plan& plan = s.doc.plan;
    const std::string json = plan_to_json(plan);
    ShareRevision names;
    if (!plan.project.id.empty()) names = share_revision(plan, last_exchanged(plan));
    if (auto error = platform::copy_share_link(json, share_link_params(names))) {
        s.messages.push_back({"No share link for this plan", {*error}});
        return;
    }
    remember_shared_version(s, plan, ShareRevision{names.revision, ""});
    s.flash("Share link copied to the clipboard", ImGui::GetTime());
}

void find_merge_base(App::State& s, const Plan& theirs, const ShareRevision& names) {
    CompareState& c = s.compare;
    c.base.reset();
    c.base_pending = true;
    const unsigned lookup = ++c.base_lookup;
    App::State* state = &s;  // the state lives as long as the app, which outlives every lookup
    platform::find_snapshot(merge_base_candidates(theirs, names), [state, lookup](std::optional<platform::Snapshot> found) {
        CompareState& cs = state->compare;
        if (cs.base_lookup != lookup) return;  // a newer link asked since
        cs.base = std::move(found);
        cs.base_pending = false;
    });
}

}  // namespace relplan::ui

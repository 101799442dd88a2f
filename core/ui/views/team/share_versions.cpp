// Share links and the versions they carry. A version of a plan that the user shared or opened from a
// link is kept by the host (platform::store_snapshot) under its revision name; the name of the last
// one exchanged for each project is a setting, and the next link of that plan names it as its base.
// When a link of the open plan arrives, the first kept candidate (team/revision.hpp) is the common
// base the merge runs against. Hosts that have no page address of their own (the desktop) start links
// with the one set in File > Share link address….
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"

#include "app/plan_io.hpp"
#include "app/test_anchors.hpp"
#include "plan/share_link.hpp"
#include "team/revision.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <optional>
#include <string>
#include <string_view>

namespace relplan::ui {

namespace {

// One setting per project: the id hashed into a name any host can store.
std::string last_exchanged_key(const Plan& plan) { return "share-last-" + revision_of(plan.project.id); }

std::string last_exchanged(const Plan& plan) { return platform::load_setting(last_exchanged_key(plan)).value_or(""); }

constexpr const char* address_setting = "share_address";
constexpr const char* address_title = "Share link address";

// Why `address` cannot start a share link, or nothing: empty (bare fragments) or an http(s) address
// without a fragment of its own, since the link's payload is the fragment.
std::optional<std::string> address_problem(std::string_view address) {
    if (address.empty()) return std::nullopt;
    if (address.rfind("https://", 0) != 0 && address.rfind("http://", 0) != 0) return "The address starts with https:// or http://.";
    if (address.find_first_of("# \t\r\n") != std::string_view::npos) return "The address has no spaces and no #: the plan follows it as #pd1=….";
    return std::nullopt;
}

std::string_view without_spaces_around(std::string_view text) {
    const std::size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

void draw_share_address_dialog(App::State& s) {
    CompareState& c = s.compare;
    if (c.address_dialog) {
        c.address_text = platform::load_setting(address_setting).value_or("");
        ImGui::OpenPopup(address_title);
        c.address_dialog = false;
    }
    ImGui::SetNextWindowSize(ImVec2(560 * s.config.ui_scale, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(address_title, nullptr, ImGuiWindowFlags_NoResize)) return;
    ImGui::TextWrapped("The web address of a relplan page (for example https://example.org/relplan/): the links File > Copy "
                       "share link makes start with it, so they open in a browser. Empty: links are the bare #pd1=… "
                       "part, which Compare with > A share link… reads in the page and the app.");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##address", &c.address_text, ImGuiInputTextFlags_EnterReturnsTrue);
    anchor("share_address.text");
    const std::string_view address = without_spaces_around(c.address_text);
    const std::optional<std::string> problem = address_problem(address);
    if (problem) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1.0f), "%s", problem->c_str());
    ImGui::BeginDisabled(problem.has_value());
    if (ImGui::Button("Save") || (!problem && (enter || dialog_confirmed()))) {
        // Not kept: the dialog stays open with the address, and the status line says why.
        if (keep_setting(s, address_setting, address)) {
            s.flash(address.empty() ? "Share links are bare fragments" : "Share links start with " + std::string(address), ImGui::GetTime());
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndDisabled();
    anchor("share_address.ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || dialog_cancelled()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void remember_shared_version(App::State& s, const Plan& plan, const ShareRevision& names) {
    if (plan.project.id.empty()) return;  // links of a plan without an id are never merged
    // The sender's name when the link gives one: the sender keeps the version under it.
    const std::string name = names.revision.empty() ? plan_revision(plan) : names.revision;
    platform::store_snapshot(name, plan_to_json(plan));
    keep_setting(s, last_exchanged_key(plan), name);
}

void copy_share_link(App::State& s) {
    const Plan& plan = s.doc.plan;
    const std::string json = plan_to_json(plan);
    ShareRevision names;
    if (!plan.project.id.empty()) names = share_revision(plan, last_exchanged(plan));
    if (auto copied = platform::copy_share_link(json, share_link_params(names)); !copied) {
        s.messages.push_back({"No share link for this plan", {copied.error().message}});
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

// Release editor: the Changes section and the "Paste git log" dialog.
#include "views/editor/editor_sections.hpp"

#include "app/clipboard.hpp"
#include "app/glyphs.hpp"
#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
#include "version/next_version.hpp"
#include "version/pasted_commits.hpp"
#include "version/semver.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace relplan::ui::editor {

namespace {

// ---- changes ------------------------------------------------------------------------------------

std::string fresh_change_id(const Plan& plan, const Release& r) {
    for (int n = static_cast<int>(r.changes.size()) + 1;; ++n) {
        std::string id = r.id + "-c" + std::to_string(n);
        bool taken = std::any_of(plan.releases.begin(), plan.releases.end(), [&](const Release& q) {
            return std::any_of(q.changes.begin(), q.changes.end(), [&](const Change& x) { return x.id == id; });
        });
        if (!taken) return id;
    }
}

void component_combo(App::State& s, const char* label, std::string& component) {
    const Component* c = find_component(s.doc.plan, component);
    if (!ImGui::BeginCombo(label, c ? c->name.c_str() : component.empty() ? "(the release's)" : component.c_str())) return;
    if (ImGui::Selectable("(the release's)", component.empty())) {
        component.clear();
        s.doc.touch();
    }
    for (const Component& k : s.doc.plan.components)
        if (ImGui::Selectable(k.name.empty() ? k.id.c_str() : k.name.c_str(), k.id == component)) {
            component = k.id;
            s.doc.touch();
        }
    ImGui::EndCombo();
}

void change_details(App::State& s, Change& c) {
    ImGui::PushItemWidth(px(s, 320));
    edit_text(s, "Link", c.link, "https://…");
    edit_text(s, "Commit", c.commit);
    edit_text(s, "Scope", c.scope, "api");
    edit_text(s, "Author", c.author, "forge user name");
    edit_text(s, "Changelog section", c.section, "its category's");
    ImGui::SameLine();
    help_marker("The heading the changelog lists it under (\"Bug Fixes\", \"Documentation\"), kept from an import. "
                "Empty, or a heading that would read back as another category or audience: its category's section.");
    component_combo(s, "Component", c.component);
    edit_date(s, "Added on", c.added_on);
    ImGui::PopItemWidth();
    ImGui::Separator();
    bool exc = c.freeze_exception.has_value();
    if (ImGui::Checkbox("Freeze exception", &exc)) {
        if (exc)
            c.freeze_exception = FreezeException{};
        else
            c.freeze_exception.reset();
        s.doc.touch();
    }
    ImGui::SameLine();
    help_marker("A change added after the feature freeze needs an approved exception, or it is flagged as a conflict.");
    if (c.freeze_exception) {
        ImGui::PushItemWidth(px(s, 320));
        edit_text(s, "Approver", c.freeze_exception->approver);
        edit_date(s, "Approved on", c.freeze_exception->approved_on);
        edit_text(s, "Reason", c.freeze_exception->reason);
        ImGui::PopItemWidth();
    }
}

void change_row(App::State& s, Release& r, int i, int& remove, int& move_up, int& move_down) {
    Change& c = r.changes[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##cat", c.category);
    anchor("editor.change." + std::to_string(i) + ".category");
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##aud", c.audience);
    anchor("editor.change." + std::to_string(i) + ".audience");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Who reads about it: technical notes list technical, customer and end-user changes, customer notes\n"
                          "customer and end-user ones, end-user notes only end-user ones; internal changes stay out of all notes");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##desc", c.description, "what changed, in the reader's words");
    anchor("editor.change." + std::to_string(i) + ".description");
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##ref", c.ref_id, "#123 / CVE-…");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##impact", c.impact, "impact");
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##work", c.workaround, "workaround");
    ImGui::TableNextColumn();
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) move_up = i;
    tooltip("Move up");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) move_down = i;
    tooltip("Move down");
    if (ImGui::SmallButton("...")) ImGui::OpenPopup("##details");
    tooltip("More: link, commit, scope, author, changelog section, component, date added, freeze exception");
    ImGui::SameLine();
    if (remove_button("change")) remove = i;
    if (ImGui::BeginPopup("##details")) {
        change_details(s, c);
        ImGui::EndPopup();
    }
}

}  // namespace

void section_changes(App::State& s, Release& r) {
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable;
    int remove = -1, move_up = -1, move_down = -1;
    if (!r.changes.empty() && ImGui::BeginTable("##changes", 4, flags)) {
        ImGui::TableSetupColumn("Category / audience", ImGuiTableColumnFlags_WidthFixed, px(s, 150));
        ImGui::TableSetupColumn("Description / reference", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Impact / workaround", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, px(s, 62));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;  // a release imported from a long git log can hold thousands
        clipper.Begin(static_cast<int>(r.changes.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                ImGui::PushID(i);
                change_row(s, r, i, remove, move_up, move_down);
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        r.changes.erase(r.changes.begin() + remove);
        commit_now(s);
    }
    if (move_up > 0) {
        std::swap(r.changes[move_up], r.changes[move_up - 1]);
        commit_now(s);
    }
    if (move_down >= 0 && move_down + 1 < static_cast<int>(r.changes.size())) {
        std::swap(r.changes[move_down], r.changes[move_down + 1]);
        commit_now(s);
    }
    if (ImGui::Button("Add change")) {
        Change c;
        c.id = fresh_change_id(s.doc.plan, r);
        c.added_on = today();
        r.changes.push_back(std::move(c));
        commit_now(s);
    }
    anchor("editor.add_change");
    ImGui::SameLine();
    if (ImGui::Button("Paste git log...")) {
        s.editor.git_log_open = true;
        s.editor.git_log_release = r.id;
    }
    anchor("editor.paste_git_log");
    tooltip("Import Conventional Commit messages as changes of this release");
    ImGui::SameLine();
    ImGui::TextDisabled("%d change(s)", static_cast<int>(r.changes.size()));
}

void git_log_dialog(App::State& s) {
    if (s.editor.git_log_open) {
        ImGui::OpenPopup("Paste git log");
        s.editor.git_log_open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(px(s, 720), px(s, 520)), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Paste git log")) return;
    const Release* r = find_release(s.doc.plan, s.editor.git_log_release);
    if (!r) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    // Which forms work depends on the host's clipboard (platform.hpp): the desktop's ends at a NUL.
    note_text(s.glyphs, nul_marker);  // drawn below and in pasted text: the fallback fonts have it
    if (platform::abilities().clipboard_nul)
        ImGui::TextWrapped("Commit messages for %s: paste the output of `git log -z --format=%%B A..B` (each NUL shows "
                           "as a line \xE2\x90\x80), plain `git log A..B`, `git log --oneline`, or Conventional Commit "
                           "messages separated by blank lines.",
                           release_label(*r).c_str());
    else
        ImGui::TextWrapped("Commit messages for %s: paste plain `git log A..B` (whole messages), `git log --oneline`, "
                           "or Conventional Commit messages separated by blank lines. Not `git log -z`: this "
                           "clipboard ends at the first NUL byte, so only the first commit would arrive.",
                           release_label(*r).c_str());
    ImGui::InputTextMultiline("##log", &s.editor.git_log_text, ImVec2(-1, -ImGui::GetFrameHeightWithSpacing() * 5));
    anchor("git_log.text");
    if (!s.editor.cache) s.editor.cache = std::make_shared<EditorCache>();
    EditorCache& cache = *s.editor.cache;
    if (cache.pasted != s.editor.git_log_text) {
        cache.pasted = s.editor.git_log_text;
        std::vector<std::string> messages = split_pasted_commits(nul_separated(cache.pasted));
        cache.commits = messages.size();
        cache.log.clear();
        for (const std::string& m : messages) cache.log += m + '\0';
        cache.preview = changes_from_commits(cache.log);
    }
    const std::string& log = cache.log;
    const CommitChanges& preview = cache.preview;
    int counts[7] = {};
    for (const Change& c : preview.changes) ++counts[static_cast<int>(c.category)];
    ImGui::Text("%d commit(s) -> %d change(s):", static_cast<int>(cache.commits), static_cast<int>(preview.changes.size()));
    for (ChangeCategory c : all_values<ChangeCategory>()) {
        if (!counts[static_cast<int>(c)]) continue;
        ImGui::SameLine();
        ImGui::TextDisabled("%d %s", counts[static_cast<int>(c)], std::string(category_label(c)).c_str());
    }
    if (!preview.notes.empty())
        ImGui::TextColored(orange, "%d note(s), e.g. %s", static_cast<int>(preview.notes.size()), preview.notes.front().message.c_str());
    ImGui::BeginDisabled(preview.changes.empty());
    bool import = ImGui::Button("Import") || (!preview.changes.empty() && dialog_confirmed());
    anchor("git_log.import");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || dialog_cancelled()) ImGui::CloseCurrentPopup();
    ImGui::SameLine();
    ImGui::TextDisabled("Ctrl+Enter imports, Esc cancels");
    if (import) {
        Result<CommitImport> done = import_commits(s.doc.plan, r->id, log);
        if (!done) {
            s.messages.push_back({"Could not import the commits (the plan is unchanged)", {done.error().message}});
        } else {
            std::size_t before = r->changes.size();
            s.doc.plan = std::move(done->plan);
            commit_now(s);
            const Release* after = find_release(s.doc.plan, s.editor.git_log_release);
            std::size_t added = after ? after->changes.size() - before : 0;
            s.flash("Imported " + std::to_string(added) + " change(s) from " + std::to_string(cache.commits) + " commit(s)",
                    ImGui::GetTime());
            if (!done->notes.empty()) {
                Message m{"Imported " + std::to_string(added) + " change(s), with notes", {}};
                for (const Diagnostic& d : done->notes) m.lines.push_back(d.message);
                s.messages.push_back(std::move(m));
            }
            s.editor.git_log_text.clear();
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace relplan::ui::editor

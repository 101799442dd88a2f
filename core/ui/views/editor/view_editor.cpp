// The selected release's editor: the release lifecycle, one collapsing section per stage, with the
// notes preview in a column beside it when the window is wide enough.
//
// Every field edit goes through widgets.hpp (one undo step per edit); buttons that change the plan
// call touch() and commit() themselves. Two rules are enforced here rather than in the plan model,
// because they are about moving a release forward, not about what a file may contain: a release
// cannot enter approved/frozen/released while a required gate is failed or pending, and milestones
// follow a type change unless their dates were set by hand (then the editor asks).
#include "app/test_anchors.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "plan/commit_import.hpp"
#include "calendar/milestones.hpp"
#include "version/next_version.hpp"
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

namespace relplan::ui {

namespace {

const ImVec4 red(0.85f, 0.22f, 0.2f, 1.0f);
const ImVec4 orange(0.85f, 0.55f, 0.1f, 1.0f);
const ImVec4 green(0.2f, 0.62f, 0.3f, 1.0f);

float px(const App::State& s, float v) { return v * s.config.ui_scale; }

void commit_now(App::State& s) {
    s.doc.touch();
    s.doc.commit();
}

void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// The small "x" that removes a row; `what` names the row in its tooltip.
bool remove_button(const char* what) {
    bool pressed = ImGui::SmallButton("x");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this %s", what);
    return pressed;
}

std::int64_t days_between(const Date& from, const Date& to) {
    return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}

Date add_days(const Date& d, std::int64_t n) {
    return Date{std::chrono::sys_days{d} + std::chrono::days{n}};
}

bool shares_component(const Release& a, const Release& b) {
    if (a.components.empty() || b.components.empty()) return true;  // unknown: treat as the same product
    return std::any_of(a.components.begin(), a.components.end(), [&](const std::string& c) {
        return std::find(b.components.begin(), b.components.end(), c) != b.components.end();
    });
}

// Whether `q` came before `r` on the same line of releases.
bool released_before(const Release& q, const Release& r) {
    if (q.status == ReleaseStatus::cancelled || q.version.empty() || q.id == r.id || !shares_component(q, r)) return false;
    if (q.calver_scheme != r.calver_scheme) return false;
    bool shipped = q.status == ReleaseStatus::released || q.status == ReleaseStatus::rolled_back;
    if (r.release_date && q.release_date) return *q.release_date < *r.release_date;
    return shipped;
}

std::string release_label(const Release& r) {
    std::string name = r.name.empty() ? r.id : r.name;
    return r.version.empty() ? name : name + " " + r.version;
}

// ---- scope ----------------------------------------------------------------------------------------

std::string_view gate_label(GateKind k) {
    switch (k) {
    case GateKind::unit: return "unit test";
    case GateKind::integration: return "integration test";
    case GateKind::system: return "system test";
    case GateKind::performance: return "performance test";
    case GateKind::security: return "security review";
    case GateKind::uat: return "user acceptance (UAT)";
    }
    return "quality";
}

std::vector<std::string> gate_blockers(const Release& r) {
    std::vector<std::string> out;
    for (const QualityGate& g : r.quality_gates) {
        if (!g.required || (g.status != GateStatus::failed && g.status != GateStatus::pending)) continue;
        std::string name = std::string(gate_label(g.kind)) + " gate" + (g.name.empty() ? "" : " \"" + g.name + "\"");
        if (g.status == GateStatus::failed)
            out.push_back("The required " + name + " failed: fix it and mark it passed, or waive it with an approver.");
        else
            out.push_back("The required " + name + " is still pending: record its result first.");
    }
    return out;
}

bool needs_gates(ReleaseStatus st) {
    return st == ReleaseStatus::approved || st == ReleaseStatus::frozen || st == ReleaseStatus::released;
}

void edit_status(App::State& s, Release& r) {
    std::vector<std::string> blockers = gate_blockers(r);
    std::string current(to_string(r.status));
    if (ImGui::BeginCombo("Status", current.c_str())) {
        for (ReleaseStatus v : all_values<ReleaseStatus>()) {
            std::string name(to_string(v));
            bool blocked = v != r.status && needs_gates(v) && !blockers.empty();
            if (blocked) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            bool picked = ImGui::Selectable(name.c_str(), v == r.status);
            if (blocked) {
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Blocked by %d required quality gate(s)", static_cast<int>(blockers.size()));
            }
            if (!picked || v == r.status) continue;
            if (blocked) {
                s.editor.refusal_release = r.id;
                s.editor.refusal = blockers;
                s.editor.refusal.insert(s.editor.refusal.begin(), "Cannot move to " + name + ":");
                s.editor.reveal_gates = true;
            } else {
                r.status = v;
                s.doc.touch();
                s.editor.refusal_release.clear();
            }
        }
        ImGui::EndCombo();
    }
    anchor("editor.status");
    if (s.editor.refusal_release == r.id && !s.editor.refusal.empty()) {
        // Stays until the status changes or the gates no longer block.
        if (blockers.empty()) s.editor.refusal.clear();
        for (const std::string& line : s.editor.refusal) ImGui::TextColored(red, "%s", line.c_str());
    }
}

// The milestones of `r` as its type `type` would generate them (nullopt without a release date).
std::optional<MilestoneSchedule> schedule_for_type(const Plan& plan, const Release& r, ReleaseType type) {
    if (!r.release_date) return std::nullopt;
    Result<MilestoneSchedule> m = compute_milestones(*r.release_date, milestone_offsets(plan.settings, type),
                                                     BusinessCalendar(plan.holidays, r.components));
    if (!m) return std::nullopt;
    return std::move(*m);
}

bool dates_match(const Release& r, const MilestoneSchedule& m) {
    return r.planning_start == m.at(MilestoneKind::planning_start).date &&
           r.feature_freeze == m.at(MilestoneKind::feature_freeze).date && r.code_freeze == m.at(MilestoneKind::code_freeze).date;
}

// Decision: milestones follow the type by themselves while they are what the old type generated
// (or unset); dates someone set by hand are not overwritten silently -- the Timeline asks instead.
void follow_type(App::State& s, Release& r, ReleaseType before) {
    if (!r.release_date) return;
    std::optional<MilestoneSchedule> old = schedule_for_type(s.doc.plan, r, before);
    bool untouched = (!r.planning_start && !r.feature_freeze && !r.code_freeze) || (old && dates_match(r, *old));
    std::optional<MilestoneSchedule> now = schedule_for_type(s.doc.plan, r, r.type);
    if (!now) return;
    if (untouched) {
        apply_milestones(r, *now);
        s.editor.milestone_prompt.clear();
        s.flash("Milestones follow the " + std::string(to_string(r.type)) + " type", ImGui::GetTime());
    } else if (!dates_match(r, *now)) {
        s.editor.milestone_prompt = r.id;
    }
}

void section_scope(App::State& s, Release& r) {
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    edit_text(s, "Name", r.name);
    anchor("editor.name");
    ReleaseType before = r.type;
    if (edit_enum(s, "Type", r.type)) follow_type(s, r, before);
    anchor("editor.type");
    ImGui::SameLine();
    help_marker("Changing the type moves the milestones with it while they are the generated ones; "
                "dates you set by hand stay until you regenerate them in Timeline.");
    edit_status(s, r);
    edit_text(s, "Theme", r.theme);
    edit_text(s, "Release branch", r.branch, "release/2.0.0");
    edit_text(s, "Environment", r.environment, "production");
    ImGui::PopItemWidth();
    ImGui::TextUnformatted("Components");
    for (const auto& c : s.doc.plan.components) {
        bool on = std::find(r.components.begin(), r.components.end(), c.id) != r.components.end();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(c.name.c_str()).x + px(s, 40)) ImGui::NewLine();
        if (ImGui::Checkbox(c.name.empty() ? c.id.c_str() : c.name.c_str(), &on)) {
            if (on)
                r.components.push_back(c.id);
            else
                r.components.erase(std::remove(r.components.begin(), r.components.end(), c.id), r.components.end());
            s.doc.touch();
        }
    }
    if (s.doc.plan.components.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(the plan has no components)");
    }
    ImGui::TextUnformatted("Objectives (one per line)");
    edit_lines(s, "##objectives", r.objectives);
    ImGui::TextUnformatted("Summary (Markdown; hand-written, notes generation never overwrites it)");
    edit_multiline(s, "##summary", r.summary, 4.0f);
}

// ---- version ------------------------------------------------------------------------------------

std::string_view category_label(ChangeCategory c) {
    switch (c) {
    case ChangeCategory::breaking_change: return "breaking change";
    case ChangeCategory::new_feature: return "new feature";
    case ChangeCategory::deprecation: return "deprecation";
    case ChangeCategory::bug_fix: return "bug fix";
    case ChangeCategory::security: return "security fix";
    case ChangeCategory::performance: return "performance";
    case ChangeCategory::improvement: return "improvement";
    }
    return "change";
}

// A change as the commit header that asks for the same bump: breaking -> major; new feature and
// deprecation (SemVer 2.0.0 §7) -> minor; fixes, security, performance and improvements -> patch.
std::string as_commit(const Change& c) {
    std::string desc = c.description.substr(0, c.description.find('\n'));
    if (desc.find_first_not_of(' ') == std::string::npos) desc = "change";
    switch (c.category) {
    case ChangeCategory::breaking_change: return "feat!: " + desc;
    case ChangeCategory::new_feature:
    case ChangeCategory::deprecation: return "feat: " + desc;
    case ChangeCategory::performance: return "perf: " + desc;
    case ChangeCategory::bug_fix:
    case ChangeCategory::security:
    case ChangeCategory::improvement: return "fix: " + desc;
    }
    return "fix: " + desc;
}

// At most about `max` bytes, cut at a space and marked with an ellipsis.
std::string shortened(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = text.rfind(' ', max);
    if (cut == std::string::npos || cut < max / 2) {
        cut = max;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    }
    return text.substr(0, cut) + "…";
}

std::string quoted_list(const Release& r, const std::vector<CommitImpact>& reasons) {
    std::string out;
    for (std::size_t i = 0; i < reasons.size() && i < 3; ++i) {
        const Change& c = r.changes[reasons[i].index];
        out += (i ? ", \"" : "\"") + (c.description.empty() ? c.id : shortened(c.description, 60)) + "\"";
    }
    if (reasons.size() > 3) out += ", and " + std::to_string(reasons.size() - 3) + " more";
    return out;
}

// "2 breaking changes" / "1 bug fix and 2 improvements".
std::string reason_counts(const Release& r, const std::vector<CommitImpact>& reasons) {
    std::vector<std::string> parts;
    for (ChangeCategory cat : all_values<ChangeCategory>()) {
        auto n = std::count_if(reasons.begin(), reasons.end(), [&](const CommitImpact& c) { return r.changes[c.index].category == cat; });
        if (!n) continue;
        std::string label(category_label(cat));
        if (n > 1) label = label == "bug fix" ? "bug fixes" : label == "security fix" ? "security fixes" : label == "performance" ? "performance changes" : label + "s";
        parts.push_back(std::to_string(n) + " " + label);
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

void apply_version_button(App::State& s, Release& r, const std::string& version, const char* id) {
    ImGui::SameLine();
    ImGui::PushID(id);
    bool same = r.version == version;
    if (same) ImGui::BeginDisabled();
    if (ImGui::Button("Apply")) {
        r.version = version;
        commit_now(s);
    }
    if (same) ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(same ? "The release already has this version" : "Set the release's version to %s", version.c_str());
    ImGui::PopID();
}

// How closely `q` follows the same line of versions as `r`: 0 the same components, 1 the same first
// (main) component, 2 some shared component. A multi-component release (API 4.0 shipping with the web
// console) must not make the web console's next version count from 4.0.
int line_distance(const Release& q, const Release& r) {
    std::vector<std::string> a = q.components, b = r.components;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) return 0;
    if (!q.components.empty() && !r.components.empty() && q.components.front() == r.components.front()) return 1;
    return 2;
}

// The release a suggestion counts from: the user's pick when they made one for `r`, otherwise the
// latest earlier release on the closest line (ties: the higher version). `parse` says which versions
// count (SemVer, or CalVer of r's scheme).
template <class Parse>
const Release* base_release(App::State& s, const Release& r, Parse parse) {
    const Release* best = nullptr;
    typename decltype(parse(r.version))::value_type best_version{};
    int best_distance = 3;
    for (const Release& q : s.doc.plan.releases) {
        if (!released_before(q, r)) continue;
        auto v = parse(q.version);
        if (!v) continue;
        if (s.editor.base_for == r.id && s.editor.base_release == q.id) return &q;
        int distance = line_distance(q, r);
        bool better = !best || distance < best_distance;
        if (best && distance == best_distance) {
            Date qd = q.release_date.value_or(min_supported_date), bd = best->release_date.value_or(min_supported_date);
            better = qd > bd || (qd == bd && compare(*v, best_version) > 0);
        }
        if (better) {
            best = &q;
            best_version = *v;
            best_distance = distance;
        }
    }
    return best;
}

// "relative to [release]": every earlier release of the same components with a version that parses.
template <class Parse>
void base_combo(App::State& s, const Release& r, const Release& base, Parse parse) {
    ImGui::SetNextItemWidth(px(s, 260));
    if (!ImGui::BeginCombo("relative to", release_label(base).c_str())) return;
    for (const Release& q : s.doc.plan.releases) {
        if (!released_before(q, r) || !parse(q.version)) continue;
        if (ImGui::Selectable((release_label(q) + "##" + q.id).c_str(), &q == &base)) {
            s.editor.base_for = r.id;
            s.editor.base_release = q.id;
        }
    }
    ImGui::EndCombo();
}

}  // namespace

struct SemverSuggestion {
    std::string version;  // empty: no suggestion
    std::string why;
    std::string error;
};

// Work the editor keeps between frames, since a release imported from a long git log has thousands of
// changes: the version suggestion of the release last shown (recomputed when the plan, the release,
// its base or the pre-release id changed), and the parsed text of the "Paste git log" dialog.
struct EditorCache {
    bool valid = false;
    unsigned revision = 0;
    std::string release;
    std::string base;
    std::string preid;
    SemverSuggestion suggestion;

    std::string pasted;  // the dialog's text as last parsed
    std::size_t commits = 0;
    std::string log;     // NUL-separated messages
    CommitChanges preview;
};

namespace {

const SemverSuggestion& suggestion_for(App::State& s, const Release& r, const Release& prev, const Version& base) {
    if (!s.editor.cache) s.editor.cache = std::make_shared<EditorCache>();
    EditorCache& c = *s.editor.cache;
    if (c.valid && c.revision == s.doc.revision() && c.release == r.id && c.base == prev.id && c.preid == s.editor.version_preid)
        return c.suggestion;
    c.valid = true;
    c.revision = s.doc.revision();
    c.release = r.id;
    c.base = prev.id;
    c.preid = s.editor.version_preid;
    c.suggestion = {};
    std::vector<std::string> messages;
    for (const Change& change : r.changes) messages.push_back(as_commit(change));
    std::vector<std::string_view> views(messages.begin(), messages.end());
    NextVersionOptions o;
    o.preid = s.editor.version_preid;
    Result<NextVersion> next = next_version(base, views, o);
    if (!next) {
        c.suggestion.error = next.error().message;
        return c.suggestion;
    }
    if (!next->version) return c.suggestion;
    c.suggestion.version = next->version->to_string();
    // The reason: which changes drove the bump, relative to which release.
    c.suggestion.why = std::string(to_string(next->bump)) + " bump from " + release_label(prev) + " (" + prev.id +
                       ") because of " + reason_counts(r, next->reasons) + ": " + quoted_list(r, next->reasons);
    if (base.major() == 0) c.suggestion.why += ". Below 1.0.0 breaking changes bump the minor and features the patch.";
    return c.suggestion;
}

void semver_suggestion(App::State& s, Release& r) {
    auto parse = [](const std::string& text) -> std::optional<Version> {
        Result<Version> v = Version::parse(text);
        return v ? std::optional<Version>(std::move(*v)) : std::nullopt;
    };
    const Release* prev = base_release(s, r, parse);
    std::optional<Version> base = prev ? parse(prev->version) : std::nullopt;
    ImGui::SetNextItemWidth(px(s, 70));
    ImGui::InputTextWithHint("Pre-release id", "rc", &s.editor.version_preid);
    tooltip("Suggest a pre-release (2.0.0-rc.0, then rc.1, ...) instead of the final version");
    if (r.changes.empty()) {
        ImGui::TextDisabled("Add changes to get a suggested version.");
        return;
    }
    if (!prev && !r.version.empty()) {
        ImGui::TextDisabled("No earlier release of these components in the plan to count from.");
        return;
    }
    if (!prev) {
        ImGui::TextDisabled("No earlier release of these components has a SemVer version; a first release is usually");
        ImGui::SameLine();
        ImGui::TextUnformatted("1.0.0");
        apply_version_button(s, r, "1.0.0", "first");
        ImGui::SameLine();
        ImGui::TextDisabled("or, in initial development, 0.1.0");
        apply_version_button(s, r, "0.1.0", "zero");
        return;
    }
    const SemverSuggestion& sug = suggestion_for(s, r, *prev, *base);
    if (!sug.error.empty()) {
        ImGui::TextColored(red, "Pre-release id: %s", sug.error.c_str());
        return;
    }
    if (sug.version.empty()) return;
    ImGui::TextUnformatted("Suggested:");
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", sug.version.c_str());
    apply_version_button(s, r, sug.version, "suggested");
    ImGui::SameLine();
    base_combo(s, r, *prev, parse);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", sug.why.c_str());
    ImGui::PopTextWrapPos();
    Result<Version> cur = Version::parse(r.version);
    Result<Version> suggested = Version::parse(sug.version);
    if (cur && suggested && compare(*cur, *suggested) < 0)
        ImGui::TextColored(orange, "%s is smaller than these changes call for.", r.version.c_str());
    if (cur && compare(*cur, *base) <= 0)
        ImGui::TextColored(red, "%s is not above the previous release %s.", r.version.c_str(), prev->version.c_str());
}

void calver_suggestion(App::State& s, Release& r) {
    Result<CalverScheme> scheme = CalverScheme::parse(*r.calver_scheme);
    if (!scheme) {
        ImGui::TextColored(red, "Scheme: %s", scheme.error().message.c_str());
        return;
    }
    auto parse = [&](const std::string& text) -> std::optional<CalverVersion> {
        Result<CalverVersion> v = parse_calver(text, *scheme);
        return v ? std::optional<CalverVersion>(std::move(*v)) : std::nullopt;
    };
    CalverNextOptions o;
    const Release* prev = base_release(s, r, parse);
    if (prev) o.current = parse(prev->version);
    Date date = r.release_date.value_or(today());
    Result<CalverVersion> next = next_calver(*scheme, date, o);
    if (!next) {
        ImGui::TextColored(red, "%s", next.error().message.c_str());
        return;
    }
    std::string suggested = next->to_string();
    ImGui::TextUnformatted("Next for");
    ImGui::SameLine();
    ImGui::TextUnformatted(date_text(date).c_str());
    ImGui::SameLine();
    ImGui::TextColored(green, "%s", suggested.c_str());
    apply_version_button(s, r, suggested, "calver");
    if (prev) {
        ImGui::SameLine();
        base_combo(s, r, *prev, parse);
    } else {
        ImGui::TextDisabled("The first release in this scheme.");
    }
    if (!r.release_date) ImGui::TextDisabled("No release date yet, so today's date is used.");
}

void version_validity(const Release& r) {
    if (r.version.empty()) {
        ImGui::TextDisabled(r.status == ReleaseStatus::planning ? "No version yet (allowed while planning)."
                                                                : "A release past planning needs a version.");
        return;
    }
    std::string error;
    if (r.calver_scheme) {
        Result<CalverScheme> scheme = CalverScheme::parse(*r.calver_scheme);
        if (scheme) {
            Result<CalverVersion> v = parse_calver(r.version, *scheme);
            if (!v) error = v.error().message;
        }
    } else {
        Result<Version> v = Version::parse(r.version);
        if (!v) error = v.error().message;
        else if (v->to_string() != r.version) error = "valid, normalized it reads " + v->to_string();
    }
    if (!error.empty()) ImGui::TextColored(red, "%s", error.c_str());
}

void section_version(App::State& s, Release& r) {
    ImGui::PushItemWidth(px(s, 180));
    edit_text(s, "Version", r.version, r.calver_scheme ? "2026.11.0" : "2.0.0");
    ImGui::SameLine();
    bool calver = r.calver_scheme.has_value();
    if (ImGui::Checkbox("CalVer", &calver)) {
        if (calver)
            r.calver_scheme = "YYYY.0M.MICRO";
        else
            r.calver_scheme.reset();
        s.doc.touch();
    }
    tooltip("Calendar versioning (calver.org) instead of SemVer");
    if (r.calver_scheme) {
        ImGui::SameLine();
        edit_text(s, "Scheme", *r.calver_scheme, "YY.0M.MICRO");
    }
    ImGui::PopItemWidth();
    version_validity(r);
    if (r.calver_scheme)
        calver_suggestion(s, r);
    else
        semver_suggestion(s, r);
}

// ---- timeline -----------------------------------------------------------------------------------

void regenerate(App::State& s, Release& r, const MilestoneSchedule& m) {
    apply_milestones(r, m);
    s.editor.milestone_prompt.clear();
    commit_now(s);
}

void milestone_table(App::State& s, const Release& r, const MilestoneSchedule& m) {
    if (!ImGui::BeginTable("##milestones", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("milestone", ImGuiTableColumnFlags_WidthFixed, px(s, 170));
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, px(s, 170));
    ImGui::TableSetupColumn("note", ImGuiTableColumnFlags_WidthStretch);
    const Date now = today();
    for (const Milestone& ms : m.milestones) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(milestone_label(ms.kind)).c_str());
        ImGui::TableNextColumn();
        std::int64_t in = days_between(now, ms.date);
        ImGui::Text("%s %.3s", date_text(ms.date).c_str(), std::string(weekday_name(ms.date)).c_str());
        ImGui::TableNextColumn();
        std::string note = ms.note;
        const std::optional<Date>* own = ms.kind == MilestoneKind::planning_start   ? &r.planning_start
                                         : ms.kind == MilestoneKind::feature_freeze ? &r.feature_freeze
                                         : ms.kind == MilestoneKind::code_freeze    ? &r.code_freeze
                                                                                    : nullptr;
        if (own && *own && **own != ms.date) note = "set by hand to " + date_text(**own) + (note.empty() ? "" : "; " + note);
        ImGui::PushTextWrapPos(0.0f);
        if (in < 0)
            ImGui::TextDisabled("%s", note.empty() ? "past" : note.c_str());
        else
            ImGui::TextDisabled("in %d days%s%s", static_cast<int>(in), note.empty() ? "" : " -- ", note.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

void section_timeline(App::State& s, Release& r) {
    edit_date(s, "Release date", r.release_date);
    anchor("editor.release_date");
    ImGui::SameLine();
    ImGui::BeginDisabled(!r.release_date);
    std::optional<MilestoneSchedule> m = schedule_for_type(s.doc.plan, r, r.type);
    if (ImGui::Button("Generate milestones from type") && m) regenerate(s, r, *m);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        MilestoneOffsets o = milestone_offsets(s.doc.plan.settings, r.type);
        ImGui::SetTooltip("%s: planning %d, feature freeze %d, code freeze %d days before the release (notice %d);\n"
                          "weekends and holidays move a milestone to the business day before.%s",
                          std::string(to_string(r.type)).c_str(), o.planning_start_days, o.feature_freeze_days,
                          o.code_freeze_days, o.notice_days, r.release_date ? "" : "\nSet a release date first.");
    }
    if (s.editor.milestone_prompt == r.id && m) {
        ImGui::TextColored(orange, "The type is now %s, but the milestone dates were set by hand.", std::string(to_string(r.type)).c_str());
        if (ImGui::Button("Regenerate for the new type")) regenerate(s, r, *m);
        ImGui::SameLine();
        if (ImGui::Button("Keep my dates")) s.editor.milestone_prompt.clear();
    }
    edit_date(s, "Planning start", r.planning_start);
    ImGui::SameLine();
    edit_date(s, "Feature freeze", r.feature_freeze);
    ImGui::SameLine();
    edit_date(s, "Code freeze", r.code_freeze);
    if (r.type == ReleaseType::security) edit_date(s, "Embargo until", r.embargo_until);
    if (m) milestone_table(s, r, *m);
    else if (!r.release_date) ImGui::TextDisabled("Set a release date to see the milestones its type calls for.");
}

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
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Who reads about it: internal changes appear in technical notes only");
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
    tooltip("More: link, commit, scope, component, date added, freeze exception");
    ImGui::SameLine();
    if (remove_button("change")) remove = i;
    if (ImGui::BeginPopup("##details")) {
        change_details(s, c);
        ImGui::EndPopup();
    }
}

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
    ImGui::TextWrapped("Commit messages for %s: the output of `git log -z --format=%%B A..B` (NUL-separated), plain "
                       "`git log`, `git log --oneline`, or messages separated by blank lines.",
                       release_label(*r).c_str());
    ImGui::InputTextMultiline("##log", &s.editor.git_log_text, ImVec2(-1, -ImGui::GetFrameHeightWithSpacing() * 5));
    if (!s.editor.cache) s.editor.cache = std::make_shared<EditorCache>();
    EditorCache& cache = *s.editor.cache;
    if (cache.pasted != s.editor.git_log_text) {
        cache.pasted = s.editor.git_log_text;
        std::vector<std::string> messages = split_pasted_commits(cache.pasted);
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
    bool import = ImGui::Button("Import");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
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

// ---- stakeholders and communication ----------------------------------------------------------------

bool concerns(const Stakeholder& h, const Release& r) {
    if (h.components.empty() || r.components.empty()) return true;
    return std::any_of(h.components.begin(), h.components.end(), [&](const std::string& c) {
        return std::find(r.components.begin(), r.components.end(), c) != r.components.end();
    });
}

void stakeholder_table(App::State& s, const Release& r) {
    auto& all = s.doc.plan.stakeholders;
    int remove = -1;
    if (ImGui::BeginTable("##stakeholders", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("E-mail");
        ImGui::TableSetupColumn("Audience", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(all.size()); ++i) {
            Stakeholder& h = all[i];
            if (!concerns(h, r)) continue;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##name", h.name, "name");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##role", h.role, "role");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##email", h.email, "e-mail");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##aud", h.audience);
            ImGui::TableNextColumn();
            if (remove_button("stakeholder from the plan")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        std::string id = all[remove].id;
        all.erase(all.begin() + remove);
        for (Release& q : s.doc.plan.releases)
            for (Communication& c : q.communications)
                c.stakeholders.erase(std::remove(c.stakeholders.begin(), c.stakeholders.end(), id), c.stakeholders.end());
        commit_now(s);
    }
    if (ImGui::Button("Add stakeholder")) {
        Stakeholder h;
        for (int n = static_cast<int>(all.size()) + 1;; ++n) {
            h.id = "sh-" + std::to_string(n);
            if (!find_stakeholder(s.doc.plan, h.id)) break;
        }
        h.components = r.components;
        all.push_back(std::move(h));
        commit_now(s);
    }
    tooltip("Stakeholders belong to the plan; this list shows those concerned by this release's components");
}

std::string who_text(const Plan& plan, const Communication& c) {
    if (c.stakeholders.empty()) return "everyone (" + std::string(to_string(c.audience)) + ")";
    std::string out;
    for (const std::string& id : c.stakeholders) {
        const Stakeholder* h = find_stakeholder(plan, id);
        out += (out.empty() ? "" : ", ") + (h && !h->name.empty() ? h->name : id);
    }
    return out;
}

void who_combo(App::State& s, Communication& c) {
    std::string preview = who_text(s.doc.plan, c);
    if (!ImGui::BeginCombo("##who", preview.c_str())) return;
    for (const Stakeholder& h : s.doc.plan.stakeholders) {
        bool on = std::find(c.stakeholders.begin(), c.stakeholders.end(), h.id) != c.stakeholders.end();
        std::string label = (h.name.empty() ? h.id : h.name) + " (" + std::string(to_string(h.audience)) + ")";
        if (ImGui::Checkbox(label.c_str(), &on)) {
            if (on)
                c.stakeholders.push_back(h.id);
            else
                c.stakeholders.erase(std::remove(c.stakeholders.begin(), c.stakeholders.end(), h.id), c.stakeholders.end());
            s.doc.touch();
        }
    }
    if (s.doc.plan.stakeholders.empty()) ImGui::TextDisabled("The plan has no stakeholders yet.");
    ImGui::EndCombo();
}

int notice_days(const Plan& plan, const Release& r, const Communication& c) {
    return c.notice_days.value_or(milestone_offsets(plan.settings, r.type).notice_days);
}

// "due 2026-03-01, in 5 days" in the colour that matters: red when overdue and not sent.
void deadline_cell(const Release& r, const Communication& c, int notice) {
    if (!r.release_date) {
        ImGui::TextDisabled("no release date");
        return;
    }
    Date due = add_days(*r.release_date, -notice);
    if (c.sent_on) {
        bool late = *c.sent_on > due;
        ImGui::TextColored(late ? orange : green, "%s %s", date_text(due).c_str(), late ? "(sent late)" : "(sent)");
        return;
    }
    std::int64_t in = days_between(today(), due);
    if (in < 0)
        ImGui::TextColored(red, "%s overdue %dd", date_text(due).c_str(), static_cast<int>(-in));
    else if (in == 0)
        ImGui::TextColored(orange, "%s today", date_text(due).c_str());
    else
        ImGui::Text("%s in %dd", date_text(due).c_str(), static_cast<int>(in));
}

void communication_row(App::State& s, Release& r, Communication& c, int& remove, int i) {
    const int def = milestone_offsets(s.doc.plan.settings, r.type).notice_days;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##aud", c.audience);
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##chan", c.channel);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##subject", c.subject, "what they are told");
    ImGui::SetNextItemWidth(-1);
    who_combo(s, c);
    ImGui::TableNextColumn();
    int notice = notice_days(s.doc.plan, r, c);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputInt("##notice", &notice, 1, 7)) {
        c.notice_days = std::clamp(notice, 0, 3650);
        s.doc.touch();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(c.notice_days ? "Days before the release it must go out" : "Days before the release (default for %s: %d)",
                          std::string(to_string(r.type)).c_str(), def);
    deadline_cell(r, c, notice_days(s.doc.plan, r, c));
    ImGui::TableNextColumn();
    edit_date(s, "##planned", c.planned_on);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Planned send date");
    bool sent = c.sent_on.has_value();
    if (ImGui::Checkbox("sent", &sent)) {
        if (sent)
            c.sent_on = today();
        else
            c.sent_on.reset();
        s.doc.touch();
    }
    if (c.sent_on) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", date_text(*c.sent_on).c_str());
    }
    ImGui::TableNextColumn();
    if (remove_button("communication")) remove = i;
}

// Per audience: the earliest notice deadline of what is not sent yet, and how much is sent.
void audience_summary(App::State& s, const Release& r) {
    for (Audience a : all_values<Audience>()) {
        int total = 0, sent = 0;
        std::optional<Date> due;
        for (const Communication& c : r.communications) {
            if (c.audience != a) continue;
            ++total;
            if (c.sent_on) {
                ++sent;
                continue;
            }
            if (!r.release_date) continue;
            Date d = add_days(*r.release_date, -notice_days(s.doc.plan, r, c));
            if (!due || d < *due) due = d;
        }
        if (!total) continue;
        ImGui::BulletText("%s: %d of %d sent", std::string(to_string(a)).c_str(), sent, total);
        if (!due) continue;
        ImGui::SameLine();
        std::int64_t in = days_between(today(), *due);
        if (in < 0)
            ImGui::TextColored(red, "-- notice was due %s (%d days overdue)", date_text(*due).c_str(), static_cast<int>(-in));
        else
            ImGui::TextDisabled("-- notice due %s (in %d days)", date_text(*due).c_str(), static_cast<int>(in));
    }
}

Channel usual_channel(Audience a) {
    switch (a) {
    case Audience::internal: return Channel::chat;
    case Audience::technical: return Channel::docs;
    case Audience::customer: return Channel::email;
    case Audience::end_user: return Channel::in_app;
    }
    return Channel::email;
}

void section_communication(App::State& s, Release& r) {
    ImGui::TextUnformatted("Stakeholders");
    stakeholder_table(s, r);
    ImGui::Spacing();
    ImGui::TextUnformatted("Communication plan");
    audience_summary(s, r);
    int remove = -1;
    if (!r.communications.empty() &&
        ImGui::BeginTable("##comms", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Audience / channel", ImGuiTableColumnFlags_WidthFixed, px(s, 130));
        ImGui::TableSetupColumn("What / who", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Notice days / deadline", ImGuiTableColumnFlags_WidthFixed, px(s, 175));
        ImGui::TableSetupColumn("Planned / sent", ImGuiTableColumnFlags_WidthFixed, px(s, 160));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.communications.size()); ++i) {
            ImGui::PushID(i);
            communication_row(s, r, r.communications[i], remove, i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        r.communications.erase(r.communications.begin() + remove);
        commit_now(s);
    }
    if (ImGui::Button("Add communication")) {
        r.communications.push_back(Communication{});
        commit_now(s);
    }
    ImGui::SameLine();
    if (ImGui::Button("Plan one per audience")) {
        for (const Stakeholder& h : s.doc.plan.stakeholders) {
            if (!concerns(h, r)) continue;
            bool planned = std::any_of(r.communications.begin(), r.communications.end(),
                                       [&](const Communication& c) { return c.audience == h.audience; });
            if (planned) continue;
            Communication c;
            c.audience = h.audience;
            c.channel = usual_channel(h.audience);
            c.subject = release_label(r) + ": what changes for you";
            r.communications.push_back(std::move(c));
        }
        commit_now(s);
    }
    tooltip("Adds a communication for every audience among the concerned stakeholders that has none yet");
}

// ---- risks --------------------------------------------------------------------------------------

ImVec4 level_color(int score) {
    if (score >= 9) return red;
    if (score >= 4) return orange;
    return green;
}

void section_risks(App::State& s, Release& r) {
    int remove = -1;
    if (!r.risks.empty() &&
        ImGui::BeginTable("##risks", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Risk", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Likelihood / impact", ImGuiTableColumnFlags_WidthFixed, px(s, 120));
        ImGui::TableSetupColumn("Mitigation", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.risks.size()); ++i) {
            Risk& k = r.risks[i];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            int score = (static_cast<int>(k.likelihood) + 1) * (static_cast<int>(k.impact) + 1);
            ImGui::TextColored(level_color(score), "score %d", score);
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##desc", k.description, "what could go wrong");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##like", k.likelihood);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Likelihood");
            ImGui::SetNextItemWidth(-1);
            edit_enum(s, "##impact", k.impact);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Impact");
            ImGui::TableNextColumn();
            edit_multiline(s, "##mit", k.mitigation, 2.0f);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            edit_text(s, "##owner", k.owner, "owner");
            ImGui::TableNextColumn();
            if (remove_button("risk")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        r.risks.erase(r.risks.begin() + remove);
        commit_now(s);
    }
    if (ImGui::Button("Add risk")) {
        r.risks.push_back(Risk{});
        commit_now(s);
    }
    std::int64_t open = std::count_if(r.risks.begin(), r.risks.end(), [](const Risk& k) { return k.mitigation.empty(); });
    if (open) {
        ImGui::SameLine();
        ImGui::TextColored(orange, "%d risk(s) without a mitigation", static_cast<int>(open));
    }
}

// ---- quality gates --------------------------------------------------------------------------------

ImVec4 gate_color(GateStatus st) {
    switch (st) {
    case GateStatus::passed: return green;
    case GateStatus::failed: return red;
    case GateStatus::waived: return orange;
    case GateStatus::pending: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

std::vector<GateKind> usual_gates(ReleaseType t) {
    switch (t) {
    case ReleaseType::major: return all_values<GateKind>();
    case ReleaseType::minor: return {GateKind::unit, GateKind::integration, GateKind::system, GateKind::uat};
    case ReleaseType::patch: return {GateKind::unit, GateKind::integration};
    case ReleaseType::hotfix: return {GateKind::unit};
    case ReleaseType::security: return {GateKind::unit, GateKind::security};
    }
    return {};
}

void gate_row(App::State& s, QualityGate& g, int i, int& remove) {
    ImGui::PushID(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_enum(s, "##kind", g.kind);
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##name", g.name, "label (optional)");
    ImGui::TableNextColumn();
    edit_bool(s, "required", g.required);
    ImGui::PushStyleColor(ImGuiCol_Text, gate_color(g.status));
    ImGui::SetNextItemWidth(-1);
    GateStatus before = g.status;
    if (edit_enum(s, "##status", g.status) && g.status != GateStatus::pending && before == GateStatus::pending && !g.approved_on)
        g.approved_on = today();
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, "##approver", g.approver, "approved by");
    edit_date(s, "##approved_on", g.approved_on);
    if (g.status == GateStatus::waived && g.approver.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(orange, "who waived it?");
    }
    ImGui::TableNextColumn();
    edit_multiline(s, "##notes", g.notes, 2.0f);
    ImGui::TableNextColumn();
    if (remove_button("gate")) remove = i;
    ImGui::PopID();
}

void section_gates(App::State& s, Release& r) {
    std::vector<std::string> blockers = gate_blockers(r);
    if (s.editor.refusal_release == r.id && !s.editor.refusal.empty() && !blockers.empty()) {
        ImGui::TextColored(red, "%s", s.editor.refusal.front().c_str());
        for (const std::string& b : blockers) ImGui::BulletText("%s", b.c_str());
    } else if (needs_gates(r.status) && !blockers.empty()) {
        ImGui::TextColored(red, "This release is %s although:", std::string(to_string(r.status)).c_str());
        for (const std::string& b : blockers) ImGui::BulletText("%s", b.c_str());
    } else if (!blockers.empty()) {
        ImGui::TextColored(orange, "%d required gate(s) block approval.", static_cast<int>(blockers.size()));
    } else if (!r.quality_gates.empty()) {
        ImGui::TextColored(green, "Every required gate passed or was waived: the release may be approved.");
    }
    int remove = -1;
    if (!r.quality_gates.empty() &&
        ImGui::BeginTable("##gates", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Gate", ImGuiTableColumnFlags_WidthFixed, px(s, 140));
        ImGui::TableSetupColumn("Required / status", ImGuiTableColumnFlags_WidthFixed, px(s, 110));
        ImGui::TableSetupColumn("Approval", ImGuiTableColumnFlags_WidthFixed, px(s, 150));
        ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(r.quality_gates.size()); ++i) gate_row(s, r.quality_gates[i], i, remove);
        ImGui::EndTable();
    }
    if (remove >= 0) {
        r.quality_gates.erase(r.quality_gates.begin() + remove);
        commit_now(s);
    }
    if (ImGui::Button("Add gate")) {
        r.quality_gates.push_back(QualityGate{});
        commit_now(s);
    }
    ImGui::SameLine();
    if (ImGui::Button("Add the usual gates")) {
        for (GateKind k : usual_gates(r.type)) {
            bool has = std::any_of(r.quality_gates.begin(), r.quality_gates.end(), [&](const QualityGate& g) { return g.kind == k; });
            if (has) continue;
            QualityGate g;
            g.kind = k;
            r.quality_gates.push_back(g);
        }
        commit_now(s);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Testing a %s release usually takes: unit%s", std::string(to_string(r.type)).c_str(),
                          r.type == ReleaseType::major ? ", integration, system, performance, security, UAT"
                          : r.type == ReleaseType::minor ? ", integration, system, UAT"
                          : r.type == ReleaseType::patch ? ", integration"
                          : r.type == ReleaseType::security ? ", security"
                                                           : "");
}

// ---- notes content --------------------------------------------------------------------------------

void section_notes_content(App::State& s, Release& r) {
    ImGui::TextUnformatted("Upgrade instructions (one step per line, Markdown)");
    edit_lines(s, "##upgrade", r.upgrade_instructions);
    ImGui::TextUnformatted("Known issues");
    int remove = -1;
    for (int i = 0; i < static_cast<int>(r.known_issues.size()); ++i) {
        KnownIssue& k = r.known_issues[i];
        ImGui::PushID(i);
        float w = (ImGui::GetContentRegionAvail().x - px(s, 30)) / 4.0f;
        ImGui::SetNextItemWidth(w * 1.5f);
        edit_text(s, "##desc", k.description, "issue");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w * 1.5f);
        edit_text(s, "##work", k.workaround, "workaround");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w - ImGui::GetStyle().ItemSpacing.x * 2);
        edit_text(s, "##ref", k.ref_id, "#123");
        ImGui::SameLine();
        if (remove_button("known issue")) remove = i;
        ImGui::PopID();
    }
    if (remove >= 0) {
        r.known_issues.erase(r.known_issues.begin() + remove);
        commit_now(s);
    }
    if (ImGui::Button("Add known issue")) {
        r.known_issues.push_back(KnownIssue{});
        commit_now(s);
    }
    ImGui::TextUnformatted("Contributors (one per line)");
    edit_lines(s, "##contributors", r.contributors);
}

// ---- deployment and rollback ----------------------------------------------------------------------

std::string instant_text(std::chrono::sys_seconds t, std::int32_t offset) {
    using namespace std::chrono;
    sys_seconds local = t + minutes{offset};
    sys_days day = floor<days>(local);
    const auto secs = (local - day).count();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d %c%02d:%02d", date_text(Date{day}).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs % 3600 / 60), offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
    return buf;
}

// "YYYY-MM-DD HH:MM +HH:MM" -> instant and offset.
bool parse_instant(const std::string& text, std::chrono::sys_seconds& t, std::int32_t& offset) {
    int hh = 0, mm = 0, oh = 0, om = 0;
    char date[11] = {}, sign = 0, tail = 0;
    if (std::sscanf(text.c_str(), "%10s %2d:%2d %c%2d:%2d%c", date, &hh, &mm, &sign, &oh, &om, &tail) != 6) return false;
    std::optional<Date> d = parse_date_text(date);
    if (!d || hh > 23 || mm > 59 || oh > 14 || om > 59 || (sign != '+' && sign != '-')) return false;
    offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
    t = std::chrono::sys_seconds{std::chrono::sys_days{*d}} + std::chrono::hours{hh} + std::chrono::minutes{mm} -
        std::chrono::minutes{offset};
    return true;
}

bool edit_instant(App::State& s, const char* label, std::chrono::sys_seconds& t, std::int32_t& offset) {
    static std::unordered_map<ImGuiID, std::string> drafts;  // text being typed, until it parses
    ImGuiID id = ImGui::GetID(label);
    auto it = drafts.find(id);
    std::string text = it != drafts.end() ? it->second : instant_text(t, offset);
    std::chrono::sys_seconds nt;
    std::int32_t no = 0;
    bool invalid = it != drafts.end() && !parse_instant(text, nt, no);
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::SetNextItemWidth(px(s, 190));
    bool edited = ImGui::InputTextWithHint(label, "2026-03-10 22:00 +01:00", &text);
    if (invalid) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Use YYYY-MM-DD HH:MM +HH:MM (the UTC offset of that local time)");
    }
    bool changed = false;
    if (edited) {
        drafts[id] = text;
        if (parse_instant(text, nt, no) && (nt != t || no != offset)) {
            t = nt;
            offset = no;
            s.doc.touch();
            changed = true;
        }
    }
    if (!ImGui::IsItemActive() && !edited && it != drafts.end() && !invalid) drafts.erase(id);
    return changed;
}

void change_window(App::State& s, Release& r) {
    bool has = r.change_window.has_value();
    if (ImGui::Checkbox("Change window", &has)) {
        if (has) {
            ChangeWindow w;
            Date d = r.release_date.value_or(today());
            w.start = std::chrono::sys_seconds{std::chrono::sys_days{d}} + std::chrono::hours{20};
            w.end = w.start + std::chrono::hours{4};
            r.change_window = w;
        } else {
            r.change_window.reset();
        }
        s.doc.touch();
    }
    if (!r.change_window) return;
    ChangeWindow& w = *r.change_window;
    for (auto [label, id] : {std::pair{"from", "##from"}, std::pair{"to", "##to"}}) {
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        bool start = label[0] == 'f';
        edit_instant(s, id, start ? w.start : w.end, start ? w.start_offset_minutes : w.end_offset_minutes);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("shown in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(px(s, 140));
    edit_text(s, "##zone", w.zone, "Europe/Berlin");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("IANA time zone the window is shown in; empty = the written offset");
    if (w.end <= w.start) ImGui::TextColored(red, "The window ends before it starts.");
}

void section_deployment(App::State& s, Release& r) {
    change_window(s, r);
    ImGui::Spacing();
    if (!r.deployment) {
        if (ImGui::Button("Add a deployment plan")) {
            r.deployment = DeploymentPlan{};
            commit_now(s);
        }
    } else {
        DeploymentPlan& d = *r.deployment;
        ImGui::TextUnformatted("Deployment");
        ImGui::PushItemWidth(px(s, 220));
        edit_text(s, "Strategy", d.strategy, "rolling, blue-green, canary…");
        ImGui::SameLine();
        if (ImGui::BeginCombo("##strategies", nullptr, ImGuiComboFlags_NoPreview)) {
            for (const char* k : {"rolling", "blue-green", "canary", "feature flags", "big bang"})
                if (ImGui::Selectable(k)) {
                    d.strategy = k;
                    s.doc.touch();
                }
            ImGui::EndCombo();
        }
        tooltip("Common strategies");
        edit_text(s, "Owner##deploy", d.owner);
        ImGui::PopItemWidth();
        ImGui::TextUnformatted("Steps (one per line)");
        edit_lines(s, "##deploy_steps", d.steps);
        if (ImGui::SmallButton("Remove the deployment plan")) {
            r.deployment.reset();
            commit_now(s);
        }
    }
    ImGui::Spacing();
    if (!r.rollback) {
        if (ImGui::Button("Add a rollback plan")) {
            r.rollback = RollbackPlan{};
            commit_now(s);
        }
        ImGui::SameLine();
        ImGui::TextColored(orange, "No rollback plan yet.");
        return;
    }
    RollbackPlan& b = *r.rollback;
    ImGui::TextUnformatted("Rollback");
    ImGui::SetNextItemWidth(px(s, 220));
    edit_text(s, "Owner##rollback", b.owner);
    ImGui::TextUnformatted("Triggers: when to roll back (one per line)");
    edit_lines(s, "##triggers", b.triggers);
    ImGui::TextUnformatted("Steps (one per line)");
    edit_lines(s, "##rollback_steps", b.steps);
    if (ImGui::SmallButton("Remove the rollback plan")) {
        r.rollback.reset();
        commit_now(s);
    }
}

// ---- post-release review ----------------------------------------------------------------------------

void slip(const std::optional<Date>& planned, const std::optional<Date>& actual) {
    ImGui::SameLine();
    if (!planned || !actual) {
        ImGui::TextDisabled(planned ? "planned %s" : "not planned", date_text(planned).c_str());
        return;
    }
    std::int64_t d = days_between(*planned, *actual);
    if (d == 0)
        ImGui::TextColored(green, "on plan (%s)", date_text(*planned).c_str());
    else if (d > 0)
        ImGui::TextColored(red, "%d day%s late (planned %s)", static_cast<int>(d), d == 1 ? "" : "s", date_text(*planned).c_str());
    else
        ImGui::TextColored(green, "%d day%s early (planned %s)", static_cast<int>(-d), d == -1 ? "" : "s", date_text(*planned).c_str());
}

void outcome_combo(App::State& s, PostReleaseReview& v) {
    std::string current = v.outcome ? std::string(to_string(*v.outcome)) : "not set";
    ImGui::SetNextItemWidth(px(s, 160));
    if (!ImGui::BeginCombo("Outcome", current.c_str())) return;
    if (ImGui::Selectable("not set", !v.outcome)) {
        v.outcome.reset();
        s.doc.touch();
    }
    for (ReleaseOutcome o : all_values<ReleaseOutcome>())
        if (ImGui::Selectable(std::string(to_string(o)).c_str(), v.outcome == o)) {
            v.outcome = o;
            s.doc.touch();
        }
    ImGui::EndCombo();
}

// A table of rows with a remove button each; `row` draws the editable cells of one row.
template <class T, class Row>
void removable_table(App::State& s, const char* id, std::vector<T>& rows,
                     std::initializer_list<std::pair<const char*, float>> columns, const char* what, Row row) {
    int remove = -1;
    if (!rows.empty() && ImGui::BeginTable(id, static_cast<int>(columns.size()) + 1,
                                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        for (auto [name, weight] : columns) ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthStretch, weight);
        ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, px(s, 22));
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
            ImGui::PushID(i);
            ImGui::TableNextRow();
            row(rows[i]);
            ImGui::TableNextColumn();
            if (remove_button(what)) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        rows.erase(rows.begin() + remove);
        commit_now(s);
    }
}

void cell_text(App::State& s, const char* id, std::string& value, const char* hint) {
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    edit_text(s, id, value, hint);
}

void metrics_table(App::State& s, PostReleaseReview& v) {
    removable_table(s, "##metrics", v.metrics, {{"Metric", 2.0f}, {"Measured", 1.0f}, {"Target", 1.0f}}, "metric", [&](Metric& m) {
        cell_text(s, "##name", m.name, "error rate");
        cell_text(s, "##value", m.value, "0.1%");
        cell_text(s, "##target", m.target, "< 0.5%");
    });
    if (ImGui::Button("Add metric")) {
        v.metrics.push_back(Metric{});
        commit_now(s);
    }
}

void retro_table(App::State& s, PostReleaseReview& v) {
    removable_table(s, "##retro", v.retrospective, {{"Kind", 0.7f}, {"Item", 3.0f}, {"Owner", 1.0f}}, "item", [&](RetroItem& k) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        edit_enum(s, "##kind", k.kind);
        cell_text(s, "##text", k.text, "what happened / what to do");
        cell_text(s, "##owner", k.owner, "owner");
    });
    if (ImGui::Button("Add retrospective item")) {
        v.retrospective.push_back(RetroItem{});
        commit_now(s);
    }
}

void section_review(App::State& s, Release& r) {
    if (!r.review) {
        if (ImGui::Button("Start the post-release review")) {
            r.review = PostReleaseReview{};
            commit_now(s);
        }
        return;
    }
    PostReleaseReview& v = *r.review;
    edit_date(s, "Actual feature freeze", v.actual_feature_freeze);
    slip(r.feature_freeze, v.actual_feature_freeze);
    edit_date(s, "Actual code freeze", v.actual_code_freeze);
    slip(r.code_freeze, v.actual_code_freeze);
    edit_date(s, "Actual release date", v.actual_release_date);
    slip(r.release_date, v.actual_release_date);
    outcome_combo(s, v);
    ImGui::TextUnformatted("Summary");
    edit_multiline(s, "##review_summary", v.summary, 3.0f);
    ImGui::TextUnformatted("Metrics");
    metrics_table(s, v);
    ImGui::TextUnformatted("Retrospective");
    retro_table(s, v);
}

// ---- the editor ---------------------------------------------------------------------------------

void header_line(App::State& s, const Release& r, bool can_split) {
    ImGui::TextColored(status_color(r.status), "●");
    ImGui::SameLine();
    ImGui::Text("%s %s", r.name.c_str(), r.version.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s, %s)", r.id.c_str(), std::string(to_string(r.type)).c_str());
    if (can_split && !s.notes.beside_editor) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Notes preview").x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::SmallButton("Notes preview")) s.notes.beside_editor = true;
        tooltip("Show the release notes beside the editor");
    }
}

void draw_sections(App::State& s, Release& r) {
    if (ImGui::CollapsingHeader("Scope", ImGuiTreeNodeFlags_DefaultOpen)) section_scope(s, r);
    if (ImGui::CollapsingHeader("Version", ImGuiTreeNodeFlags_DefaultOpen)) section_version(s, r);
    if (ImGui::CollapsingHeader("Timeline", ImGuiTreeNodeFlags_DefaultOpen)) section_timeline(s, r);
    if (ImGui::CollapsingHeader("Changes", ImGuiTreeNodeFlags_DefaultOpen)) section_changes(s, r);
    if (ImGui::CollapsingHeader("Stakeholders and communication")) section_communication(s, r);
    if (ImGui::CollapsingHeader("Risks and mitigations")) section_risks(s, r);
    // A refused status change opens the gates so what blocks it is in view.
    const bool reveal = s.editor.reveal_gates;
    if (reveal) ImGui::SetNextItemOpen(true);
    s.editor.reveal_gates = false;
    if (ImGui::CollapsingHeader("Quality gates and approvals")) {
        if (reveal) ImGui::SetScrollHereY(0.1f);
        section_gates(s, r);
    }
    if (ImGui::CollapsingHeader("Upgrade steps, known issues, contributors")) section_notes_content(s, r);
    if (ImGui::CollapsingHeader("Deployment and rollback")) section_deployment(s, r);
    if (ImGui::CollapsingHeader("Post-release review")) section_review(s, r);
}

}  // namespace

void draw_release_editor(App::State& s) {
    git_log_dialog(s);
    Release* r = selected_release(s);
    if (!r) {
        ImGui::TextDisabled("No release selected. Pick one on the left or add one with +.");
        return;
    }
    // The notes column appears beside the editor once both fit; narrower windows keep the Notes tab.
    const bool can_split = ImGui::GetContentRegionAvail().x >= 1050.0f * s.config.ui_scale;
    ImGui::PushID(r->id.c_str());
    header_line(s, *r, can_split);
    if (can_split && s.notes.beside_editor) {
        float w = ImGui::GetContentRegionAvail().x * 0.58f;
        ImGui::BeginChild("##editor_column", ImVec2(w, 0));
        draw_sections(s, *r);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##notes_column", ImVec2(0, 0));
        draw_notes_beside_editor(s);
        ImGui::EndChild();
    } else {
        draw_sections(s, *r);
    }
    ImGui::PopID();
}

}  // namespace relplan::ui

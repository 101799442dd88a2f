// The plan file's schema, written once: for every plan type, its JSON members in canonical order, the
// C++ member each one maps to, whether it is required, its constraints and a doc line.
//
// Everything that knows member names is driven by these tables: the reader (plan_json_read.cpp), the
// canonical writer (plan_json_write.cpp), the validator's JSON pointers and per-member checks
// (plan_validate.cpp) and the JSON Schema text (plan_json_schema(); assets/plan.schema.json must be
// identical to it: a core test checks that, `relplan plan schema > assets/plan.schema.json` rewrites it).
//
// A row's member may be: std::string, bool, std::int32_t, an enum of plan.hpp, Date, a type described
// here, or std::optional / std::vector of those; ChangeWindow times use a TimeRow (instant + offset).
// Writing: required and `always` members are always written; the others are left out when empty
// ("", [], absent, false, or a described type equal to its default). Enums, numbers and dates have no
// empty value, so they are always written.
#pragma once

#include "plan/plan.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace relplan::schema {

// Row flags.
inline constexpr unsigned optional_member = 0;
inline constexpr unsigned required = 1u << 0;      // the reader reports it missing; the schema requires it
inline constexpr unsigned always = 1u << 1;        // written even when empty or default
inline constexpr unsigned non_empty = 1u << 2;     // schema minLength 1 (the validator names empty ids)
inline constexpr unsigned not_negative = 1u << 3;  // numbers: schema minimum 0, validator reports < 0

template <class S, class M>
struct Row {
    using member_type = M;
    std::string_view key;
    M S::*member;
    unsigned flags;
    std::string_view doc;
};

template <class S, class M>
constexpr Row<S, M> row(std::string_view key, M S::*member, unsigned flags = optional_member,
                        std::string_view doc = {}) {
    return Row<S, M>{key, member, flags, doc};
}

// A date and time with its UTC offset, held in two members (ChangeWindow::start + start_offset_minutes).
template <class S>
struct TimeRow {
    std::string_view key;
    std::chrono::sys_seconds S::*instant;
    std::int32_t S::*offset_minutes;
    unsigned flags;
    std::string_view doc;
};

template <class S>
constexpr TimeRow<S> time_row(std::string_view key, std::chrono::sys_seconds S::*instant,
                              std::int32_t S::*offset_minutes, unsigned flags, std::string_view doc = {}) {
    return TimeRow<S>{key, instant, offset_minutes, flags, doc};
}

// Def<T>: `name` (the JSON Schema $defs name), `doc`, `rows`; optionally `extra_schema`, JSON members
// added to the type's JSON Schema object as they are (for rules across members).
template <class T>
struct Def;

template <class T>
concept Described = requires { Def<T>::rows; };

template <class T, class F>
constexpr void for_each_row(F&& f) {
    std::apply([&](const auto&... r) { (f(r), ...); }, Def<T>::rows);
}

// ---- the tables ---------------------------------------------------------------------------------

template <>
struct Def<Project> {
    static constexpr std::string_view name = "project";
    static constexpr std::string_view doc = "The product the plan is for.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Project::id, optional_member,
            "Stable id of the plan, set once and kept when the project is renamed; calendar UIDs derive from it."),
        row("name", &Project::name, required | non_empty),
        row("description", &Project::description),
        row("repository", &Project::repository, optional_member,
            "Repository URL; changelog export builds compare links from it."),
        row("package", &Project::package, optional_member,
            "The package name consumers depend on (npm name); impact analysis reads their ranges for it."),
        row("time_zone", &Project::time_zone, optional_member,
            "IANA zone the project works in, e.g. Europe/Berlin (default UTC): the default zone of change windows "
            "and the calendar export's zone."));
};

template <>
struct Def<Component> {
    static constexpr std::string_view name = "component";
    static constexpr std::string_view doc = "A part of the product that is released on its own or with others.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Component::id, required | non_empty, "Stable id, unique among components."),
        row("name", &Component::name),
        row("description", &Component::description),
        row("owner", &Component::owner),
        row("repository", &Component::repository));
};

template <>
struct Def<Stakeholder> {
    static constexpr std::string_view name = "stakeholder";
    static constexpr std::string_view doc = "A person or group to inform.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Stakeholder::id, required | non_empty),
        row("name", &Stakeholder::name, required),
        row("role", &Stakeholder::role),
        row("email", &Stakeholder::email),
        row("audience", &Stakeholder::audience),
        row("components", &Stakeholder::components, optional_member, "Component ids; empty or absent means all."));
};

template <>
struct Def<Period> {
    static constexpr std::string_view name = "period";
    static constexpr std::string_view doc = "An inclusive date range: a blackout period or a holiday.";
    static constexpr auto rows = std::make_tuple(
        row("name", &Period::name, required),
        row("start", &Period::start, required),
        row("end", &Period::end, required),
        row("components", &Period::components, optional_member,
            "Component ids it applies to; empty or absent means all."));
};

template <>
struct Def<Train> {
    static constexpr std::string_view name = "train";
    static constexpr std::string_view doc =
        "A release train: releases on a cadence, generated from this definition and regenerated when it changes.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Train::id, required | non_empty, "Stable id, unique among trains; generated releases name it."),
        row("name", &Train::name),
        row("cadence", &Train::cadence, required | non_empty, "Cadence spec, e.g. monthly:2nd-tue or every:2w:wed."),
        row("start", &Train::start, required, "The first release is on or after this date."),
        row("count", &Train::count, required | not_negative, "How many releases the train holds."),
        row("type", &Train::type, required),
        row("components", &Train::components, optional_member, "Component ids for every release of the train."),
        row("calver_scheme", &Train::calver_scheme, optional_member,
            "CalVer scheme for the versions, e.g. YYYY.0M.MICRO; absent = SemVer, one minor per release."),
        row("code_freeze_days", &Train::code_freeze_days, not_negative,
            "Days before each release the code freezes; absent = the release type's default."));
};

template <>
struct Def<Consumer> {
    static constexpr std::string_view name = "consumer";
    static constexpr std::string_view doc = "A package that depends on ours, with the node-semver range it declares.";
    static constexpr auto rows = std::make_tuple(
        row("name", &Consumer::name, required | non_empty, "Its package name."),
        row("range", &Consumer::range, required | non_empty, "The declared range, e.g. ^1.2.0."),
        row("owner", &Consumer::owner),
        row("contact", &Consumer::contact, optional_member, "E-mail or chat handle to notify."));
};

template <>
struct Def<DependencySupport> {
    static constexpr std::string_view name = "dependencySupport";
    static constexpr std::string_view doc =
        "A support cycle of something the project depends on, as endoflife.date publishes it.";
    static constexpr auto rows = std::make_tuple(
        row("product", &DependencySupport::product, required | non_empty),
        row("cycle", &DependencySupport::cycle, required | non_empty),
        row("release_date", &DependencySupport::release_date),
        row("support", &DependencySupport::support, optional_member, "End of active support."),
        row("eol", &DependencySupport::eol, optional_member, "End of life."),
        row("lts", &DependencySupport::lts));
};

template <>
struct Def<SupportPolicy> {
    static constexpr std::string_view name = "supportPolicy";
    static constexpr std::string_view doc =
        "How long release lines are supported: active from a line's first release, then maintenance, then end of life.";
    static constexpr auto rows = std::make_tuple(
        row("minor_lines", &SupportPolicy::minor_lines, optional_member,
            "Lines are major.minor instead of major (0.y lines are always major.minor)."),
        row("active_months", &SupportPolicy::active_months, not_negative,
            "Months of active support after a line's first release; absent: until its successor ships."),
        row("maintenance_months", &SupportPolicy::maintenance_months, not_negative,
            "Months of maintenance after active support ends."),
        row("latest_lines", &SupportPolicy::latest_lines, not_negative,
            "A line reaches end of life when it is no longer among this many newest lines."),
        row("patch_interval_days", &SupportPolicy::patch_interval_days, not_negative,
            "Warn when a supported line goes longer than this without a release."));
};

template <>
struct Def<LineSupport> {
    static constexpr std::string_view name = "lineSupport";
    static constexpr std::string_view doc = "Dates and flags for one release line that override the support policy.";
    static constexpr auto rows = std::make_tuple(
        row("line", &LineSupport::line, required | non_empty, "The line: 1.x, 0.4.x, 2.3.x."),
        row("lts", &LineSupport::lts),
        row("active_until", &LineSupport::active_until),
        row("eol", &LineSupport::eol));
};

template <>
struct Def<VersioningSettings> {
    static constexpr std::string_view name = "versioning";
    static constexpr std::string_view doc = "How the next version is computed from changes and commits.";
    static constexpr auto rows = std::make_tuple(
        row("preset", &VersioningSettings::preset, optional_member,
            "Pre-1.0 rules of a tool: relplan (default), semantic-release, release-please, git-cliff."),
        row("bump_minor_pre_major", &VersioningSettings::bump_minor_pre_major, optional_member,
            "Before 1.0.0 a breaking change bumps the minor version (release-please's option)."),
        row("bump_patch_for_minor_pre_major", &VersioningSettings::bump_patch_for_minor_pre_major, optional_member,
            "Before 1.0.0 a feature bumps the patch version (release-please's option)."),
        row("release_rules", &VersioningSettings::release_rules, optional_member,
            "Commit rules TYPE(SCOPE)=BUMP, e.g. build(deps)=patch, like commit-analyzer's releaseRules."));
};

template <>
struct Def<ReleaseLine> {
    static constexpr std::string_view name = "releaseLine";
    static constexpr std::string_view doc = "A maintenance line whose versions stay in its range.";
    static constexpr auto rows = std::make_tuple(
        row("line", &ReleaseLine::line, required | non_empty, "The line: 1.x or 1.4.x."),
        row("branch", &ReleaseLine::branch, optional_member, "The branch releases of the line are made from."));
};

template <>
struct Def<MilestoneOverride> {
    static constexpr std::string_view name = "milestoneOverride";
    static constexpr std::string_view doc = "Per-type override of milestone offsets (days before the release date).";
    static constexpr auto rows = std::make_tuple(
        row("type", &MilestoneOverride::type, required),
        row("planning_start_days", &MilestoneOverride::planning_start_days, not_negative),
        row("feature_freeze_days", &MilestoneOverride::feature_freeze_days, not_negative),
        row("code_freeze_days", &MilestoneOverride::code_freeze_days, not_negative),
        row("notice_days", &MilestoneOverride::notice_days, not_negative));
};

template <>
struct Def<NotesSectionOverride> {
    static constexpr std::string_view name = "notesSection";
    static constexpr std::string_view doc = "Order and title override for a release-notes section.";
    static constexpr auto rows = std::make_tuple(
        row("section", &NotesSectionOverride::section, required),
        row("title", &NotesSectionOverride::title));
};

template <>
struct Def<PlanSettings> {
    static constexpr std::string_view name = "settings";
    static constexpr std::string_view doc = "Plan-wide settings.";
    static constexpr auto rows = std::make_tuple(
        row("milestone_offsets", &PlanSettings::milestone_offsets),
        row("notes_sections", &PlanSettings::notes_sections),
        row("support", &PlanSettings::support),
        row("support_lines", &PlanSettings::support_lines),
        row("versioning", &PlanSettings::versioning),
        row("release_lines", &PlanSettings::release_lines));
};

template <>
struct Def<FreezeException> {
    static constexpr std::string_view name = "freezeException";
    static constexpr std::string_view doc = "Approval for a change that entered after the feature freeze.";
    static constexpr auto rows = std::make_tuple(
        row("approver", &FreezeException::approver, required),
        row("approved_on", &FreezeException::approved_on),
        row("reason", &FreezeException::reason));
};

template <>
struct Def<Change> {
    static constexpr std::string_view name = "change";
    static constexpr std::string_view doc = "One change in a release.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Change::id, required | non_empty, "Stable id, unique among all changes of the plan."),
        row("category", &Change::category, required),
        row("description", &Change::description, required),
        row("ref_id", &Change::ref_id, optional_member, R"(Issue, ticket or advisory id: "#123", "CVE-2026-1234".)"),
        row("link", &Change::link),
        row("commit", &Change::commit),
        row("scope", &Change::scope),
        row("author", &Change::author, optional_member, R"(Forge user name of the author, without "@".)"),
        row("component", &Change::component, optional_member, "Component id."),
        row("impact", &Change::impact),
        row("workaround", &Change::workaround),
        row("audience", &Change::audience),
        row("added_on", &Change::added_on),
        row("freeze_exception", &Change::freeze_exception),
        row("section", &Change::section, optional_member,
            R"(Changelog section heading it is written under ("Bug Fixes", "Documentation") when that heading )"
            R"(reads back as its category and audience; empty: its category's section.)"));
};

template <>
struct Def<KnownIssue> {
    static constexpr std::string_view name = "knownIssue";
    static constexpr std::string_view doc = "A known issue shipped with the release.";
    static constexpr auto rows = std::make_tuple(
        row("description", &KnownIssue::description, required),
        row("workaround", &KnownIssue::workaround),
        row("ref_id", &KnownIssue::ref_id),
        row("link", &KnownIssue::link));
};

template <>
struct Def<Communication> {
    static constexpr std::string_view name = "communication";
    static constexpr std::string_view doc = "A planned or sent stakeholder communication.";
    static constexpr auto rows = std::make_tuple(
        row("audience", &Communication::audience, required),
        row("channel", &Communication::channel, required),
        row("subject", &Communication::subject),
        row("stakeholders", &Communication::stakeholders, optional_member, "Stakeholder ids."),
        row("notice_days", &Communication::notice_days, not_negative),
        row("planned_on", &Communication::planned_on),
        row("sent_on", &Communication::sent_on));
};

template <>
struct Def<Risk> {
    static constexpr std::string_view name = "risk";
    static constexpr std::string_view doc = "A release risk.";
    static constexpr auto rows = std::make_tuple(
        row("description", &Risk::description, required),
        row("likelihood", &Risk::likelihood, required),
        row("impact", &Risk::impact, required),
        row("mitigation", &Risk::mitigation),
        row("owner", &Risk::owner));
};

template <>
struct Def<QualityGate> {
    static constexpr std::string_view name = "qualityGate";
    static constexpr std::string_view doc = "A quality gate and its approval.";
    static constexpr auto rows = std::make_tuple(
        row("kind", &QualityGate::kind, required),
        row("name", &QualityGate::name),
        row("required", &QualityGate::required, always),
        row("status", &QualityGate::status),
        row("approver", &QualityGate::approver),
        row("approved_on", &QualityGate::approved_on),
        row("notes", &QualityGate::notes));
};

template <>
struct Def<ChangeWindow> {
    static constexpr std::string_view name = "changeWindow";
    static constexpr std::string_view doc =
        "When the deployment may happen. Times carry their UTC offset; zone is the IANA zone they are shown in.";
    static constexpr auto rows = std::make_tuple(
        time_row("start", &ChangeWindow::start, &ChangeWindow::start_offset_minutes, required),
        time_row("end", &ChangeWindow::end, &ChangeWindow::end_offset_minutes, required),
        row("zone", &ChangeWindow::zone, optional_member, "IANA zone name, e.g. Europe/Berlin."));
};

template <>
struct Def<DeploymentPlan> {
    static constexpr std::string_view name = "deployment";
    static constexpr std::string_view doc = "Deployment plan.";
    static constexpr auto rows = std::make_tuple(
        row("strategy", &DeploymentPlan::strategy),
        row("owner", &DeploymentPlan::owner),
        row("steps", &DeploymentPlan::steps, optional_member, "Steps in order."));
};

template <>
struct Def<RollbackPlan> {
    static constexpr std::string_view name = "rollback";
    static constexpr std::string_view doc = "Rollback plan.";
    static constexpr auto rows = std::make_tuple(
        row("owner", &RollbackPlan::owner),
        row("triggers", &RollbackPlan::triggers, optional_member, "Conditions that call for a rollback."),
        row("steps", &RollbackPlan::steps, optional_member, "Steps in order."));
};

template <>
struct Def<Metric> {
    static constexpr std::string_view name = "metric";
    static constexpr std::string_view doc = "A measured value after the release.";
    static constexpr auto rows = std::make_tuple(
        row("name", &Metric::name, required),
        row("value", &Metric::value, required),
        row("target", &Metric::target));
};

template <>
struct Def<RetroItem> {
    static constexpr std::string_view name = "retroItem";
    static constexpr std::string_view doc = "A retrospective item.";
    static constexpr auto rows = std::make_tuple(
        row("kind", &RetroItem::kind, required),
        row("text", &RetroItem::text, required),
        row("owner", &RetroItem::owner));
};

template <>
struct Def<PostReleaseReview> {
    static constexpr std::string_view name = "review";
    static constexpr std::string_view doc = "Post-release review.";
    static constexpr auto rows = std::make_tuple(
        row("actual_feature_freeze", &PostReleaseReview::actual_feature_freeze),
        row("actual_code_freeze", &PostReleaseReview::actual_code_freeze),
        row("actual_release_date", &PostReleaseReview::actual_release_date),
        row("outcome", &PostReleaseReview::outcome),
        row("summary", &PostReleaseReview::summary),
        row("metrics", &PostReleaseReview::metrics),
        row("retrospective", &PostReleaseReview::retrospective));
};

template <>
struct Def<Release> {
    static constexpr std::string_view name = "release";
    static constexpr std::string_view doc = "A release of one or more components.";
    static constexpr auto rows = std::make_tuple(
        row("id", &Release::id, required | non_empty, "Stable id, unique among releases."),
        row("name", &Release::name),
        row("components", &Release::components, optional_member, "Component ids."),
        row("version", &Release::version, optional_member,
            "SemVer 2.0.0, or a CalVer version in calver_scheme. May be absent only while status is planning "
            "or cancelled."),
        row("calver_scheme", &Release::calver_scheme, optional_member,
            "CalVer scheme such as YYYY.0M.MICRO; when present, version is CalVer."),
        row("type", &Release::type, required),
        row("status", &Release::status, required),
        row("yanked", &Release::yanked),
        row("theme", &Release::theme),
        row("objectives", &Release::objectives, optional_member, "Objectives."),
        row("branch", &Release::branch),
        row("link", &Release::link),
        row("train", &Release::train, optional_member, "Id of the train that generated it; absent = planned by hand."),
        row("planning_start", &Release::planning_start),
        row("feature_freeze", &Release::feature_freeze),
        row("code_freeze", &Release::code_freeze),
        row("release_date", &Release::release_date),
        row("embargo_until", &Release::embargo_until),
        row("change_window", &Release::change_window),
        row("environment", &Release::environment),
        row("summary", &Release::summary, optional_member, "Hand-written; generators never overwrite it."),
        row("upgrade_instructions", &Release::upgrade_instructions, optional_member,
            "Upgrade steps, Markdown allowed."),
        row("known_issues", &Release::known_issues),
        row("contributors", &Release::contributors, optional_member, "Contributor names."),
        row("changes", &Release::changes),
        row("communications", &Release::communications),
        row("risks", &Release::risks),
        row("quality_gates", &Release::quality_gates),
        row("deployment", &Release::deployment),
        row("rollback", &Release::rollback),
        row("review", &Release::review));
    // A SemVer version unless calver_scheme is set; a version once the release is past planning.
    static constexpr std::string_view extra_schema = R"({"allOf": [
        {"if": {"properties": {"calver_scheme": false}},
         "then": {"properties": {"version": {"type": "string",
           "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"}}}},
        {"if": {"properties": {"status": {"enum": ["approved", "frozen", "released", "rolled-back"]}}},
         "then": {"required": ["version"], "properties": {"version": {"type": "string", "minLength": 1}}}}
    ]})";
};

// The whole file. "format" is not a row: the reader checks it before anything else and the writer
// always writes the current version.
template <>
struct Def<MergeConflict> {
    static constexpr std::string_view name = "mergeConflict";
    static constexpr std::string_view doc =
        "A concurrent edit left by a three-way merge: the plan holds our value; base, ours and theirs are JSON texts (absent: no value on that side).";
    static constexpr auto rows = std::make_tuple(
        row("pointer", &MergeConflict::pointer, required),
        row("base", &MergeConflict::base),
        row("ours", &MergeConflict::ours),
        row("theirs", &MergeConflict::theirs));
};

template <>
struct Def<Plan> {
    static constexpr std::string_view name = "plan";
    static constexpr std::string_view doc = "A relplan release plan.";
    static constexpr auto rows = std::make_tuple(
        row("project", &Plan::project, required),
        row("components", &Plan::components),
        row("stakeholders", &Plan::stakeholders),
        row("blackouts", &Plan::blackouts),
        row("holidays", &Plan::holidays),
        row("consumers", &Plan::consumers),
        row("dependencies", &Plan::dependencies),
        row("trains", &Plan::trains),
        row("settings", &Plan::settings),
        row("releases", &Plan::releases),
        row("conflicts", &Plan::conflicts));
};

// ---- lookups ------------------------------------------------------------------------------------

template <class M>
struct MemberOf;
template <class S, class M>
struct MemberOf<M S::*> {
    using type = S;
};

template <auto Member>
consteval std::string_view key_of() {
    using S = typename MemberOf<decltype(Member)>::type;
    std::string_view out;
    for_each_row<S>([&](const auto& r) {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, TimeRow<S>>) {
            if constexpr (std::is_same_v<decltype(Member), std::chrono::sys_seconds S::*>) {
                if (r.instant == Member) out = r.key;
            } else if constexpr (std::is_same_v<decltype(Member), std::int32_t S::*>) {
                if (r.offset_minutes == Member) out = r.key;
            }
        } else if constexpr (std::is_same_v<decltype(r.member), decltype(Member)>) {
            if (r.member == Member) out = r.key;
        }
    });
    return out;
}

// The JSON member name of a C++ member, checked at compile time: json_key<&Release::version> is
// "version"; a member without a row does not compile.
template <auto Member>
struct KeyOf {
    static constexpr std::string_view value = key_of<Member>();
    static_assert(!value.empty(), "this member has no row in its type's Def");
};
template <auto Member>
inline constexpr std::string_view json_key = KeyOf<Member>::value;

}  // namespace relplan::schema

namespace relplan {

// The JSON Schema (2020-12) of plan files, generated from the tables above; canonical JSON text with
// a final newline, identical to assets/plan.schema.json.
std::string plan_json_schema();

}  // namespace relplan

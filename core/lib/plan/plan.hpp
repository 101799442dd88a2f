// The release plan model: plain value types for everything a plan file holds.
//
// A Plan is a value: copy it, compare it with == (cheap "unsaved changes?" checks), edit it freely.
// Parsing (plan_json.hpp) creates a new Plan and never touches an existing one; validation
// (plan_validate.hpp) reads a Plan and reports problems without changing it.
//
// Conventions shared by every type here:
// - Ids (`id`) are stable, user-visible, and unique within their kind across the whole plan;
//   other objects refer to components, stakeholders and releases by id.
// - Dates are calendar dates without a time zone. A date that does not exist (2026-02-30) is
//   representable (`!date.ok()`) so a loaded plan can show it; validation reports it.
// - Empty strings and empty lists mean "not set"; the JSON writer omits them.
// - `extra` holds the JSON members this build does not know, in file order, so that a file written by
//   a newer build keeps them on re-save. Each value is canonical JSON text (two-space indent, nesting
//   level 0). Code other than plan_json never needs to look at it.
#pragma once

#include "base/boxed.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

using Date = std::chrono::year_month_day;

struct JsonMember {
    std::string key;
    std::string json;
    bool operator==(const JsonMember&) const = default;
};
using Extra = std::vector<JsonMember>;

// ---- enumerations -------------------------------------------------------------------------------
// to_string gives the JSON token (kebab-case); from_string<E> accepts exactly those tokens.

enum class ReleaseType { major, minor, patch, hotfix, security };
enum class ReleaseStatus { planning, approved, frozen, released, cancelled, rolled_back };
enum class ChangeCategory {
    new_feature,
    improvement,
    bug_fix,
    breaking_change,
    deprecation,
    security,
    performance,
};
enum class Audience { internal, technical, customer, end_user };
enum class Channel { email, blog, docs, support_portal, social_media, chat, meeting, status_page, in_app };
enum class RiskLevel { low, medium, high, critical };
enum class GateKind { unit, integration, system, performance, security, uat };
enum class GateStatus { pending, passed, failed, waived };
enum class ReleaseOutcome { success, degraded, failed, rolled_back };
enum class RetroKind { went_well, to_improve, action_item };
// Sections of generated release notes, for title/order overrides in PlanSettings.
enum class NotesSection {
    summary,
    breaking_change,
    security,
    new_feature,
    improvement,
    performance,
    bug_fix,
    deprecation,
    known_issues,
    upgrade_instructions,
    contributors,
};

std::string_view to_string(ReleaseType v);
std::string_view to_string(ReleaseStatus v);
std::string_view to_string(ChangeCategory v);
std::string_view to_string(Audience v);
std::string_view to_string(Channel v);
std::string_view to_string(RiskLevel v);
std::string_view to_string(GateKind v);
std::string_view to_string(GateStatus v);
std::string_view to_string(ReleaseOutcome v);
std::string_view to_string(RetroKind v);
std::string_view to_string(NotesSection v);

template <class E>
std::optional<E> from_string(std::string_view token);  // specialised for each enum above

// Every value of E in declaration order (for menus, tables and exhaustive tests).
template <class E>
const std::vector<E>& all_values();

// ---- project level ------------------------------------------------------------------------------

struct Project {
    std::string name;
    std::string description;
    std::string repository;  // URL; the changelog export builds compare links from it
    std::string package;     // the package name consumers depend on (npm name), for impact analysis
    // Set once and never changed: exports that must stay stable (ICS UIDs) derive from it, not the name.
    std::string id;
    // IANA zone the team works in ("Europe/Berlin"); empty = UTC. The default for change windows and
    // window searches, and the calendar export's zone.
    std::string time_zone;
    Extra extra;
    bool operator==(const Project&) const = default;
};

struct Component {
    std::string id;
    std::string name;
    std::string description;
    std::string owner;
    std::string repository;
    Extra extra;
    bool operator==(const Component&) const = default;
};

struct Stakeholder {
    std::string id;
    std::string name;
    std::string role;
    std::string email;
    Audience audience = Audience::internal;
    std::vector<std::string> components;  // component ids; empty = all
    Extra extra;
    bool operator==(const Stakeholder&) const = default;
};

// A package that depends on ours, with the node-semver range it declares; impact analysis tells
// which releases it receives automatically and who must be notified.
struct Consumer {
    std::string name;     // its package name
    std::string range;    // as declared: "^1.2.0"
    std::string owner;
    std::string contact;  // e-mail or chat handle to notify
    Extra extra;
    bool operator==(const Consumer&) const = default;
};

// A blackout period (no deployments) or a holiday; both are inclusive date ranges.
struct Period {
    std::string name;
    Date start{};
    Date end{};
    std::vector<std::string> components;  // component ids it applies to; empty = all
    Extra extra;
    bool operator==(const Period&) const = default;
};

// Days before the release date; 0 means "on the release date".
struct MilestoneOffsets {
    std::int32_t planning_start_days = 0;
    std::int32_t feature_freeze_days = 0;
    std::int32_t code_freeze_days = 0;
    std::int32_t notice_days = 0;  // stakeholder notice period
    bool operator==(const MilestoneOffsets&) const = default;
};

// A per-type override; unset fields keep the default from default_milestone_offsets.
struct MilestoneOverride {
    ReleaseType type = ReleaseType::minor;
    std::optional<std::int32_t> planning_start_days;
    std::optional<std::int32_t> feature_freeze_days;
    std::optional<std::int32_t> code_freeze_days;
    std::optional<std::int32_t> notice_days;
    Extra extra;
    bool operator==(const MilestoneOverride&) const = default;
};

// Overrides for generated release notes: sections listed here come first, in this order, with
// `title` replacing the default title when non-empty; unlisted sections follow in default order.
struct NotesSectionOverride {
    NotesSection section = NotesSection::summary;
    std::string title;
    Extra extra;
    bool operator==(const NotesSectionOverride&) const = default;
};

// How long release lines are supported. A line is every release sharing a major version (0.y lines
// share major.minor, as SemVer gives 0.y no compatibility promise), or a major.minor with
// `minor_lines`. A line is active from its first release until `active_months` later (unset: until
// its successor's first release), then in maintenance until its end of life: `maintenance_months`
// after active support ends, or when it stops being among the newest `latest_lines` lines, whichever
// comes first (neither set: no end of life is planned).
struct SupportPolicy {
    bool minor_lines = false;
    std::optional<std::int32_t> active_months;
    std::optional<std::int32_t> maintenance_months;
    std::optional<std::int32_t> latest_lines;
    // A supported line with no release planned for longer than this gets a warning.
    std::optional<std::int32_t> patch_interval_days;
    Extra extra;
    bool operator==(const SupportPolicy&) const = default;
};

// Dates and flags for one line that override the policy ("1.x", "0.4.x", "2.3.x").
struct LineSupport {
    std::string line;
    bool lts = false;
    std::optional<Date> active_until;
    std::optional<Date> eol;
    Extra extra;
    bool operator==(const LineSupport&) const = default;
};

// One support cycle of something the project depends on (a runtime, a framework), in the shape
// endoflife.date publishes; a planned release after its end of life gets a warning.
struct DependencySupport {
    std::string product;  // "nodejs"
    std::string cycle;    // "18"
    std::optional<Date> release_date;
    std::optional<Date> support;  // end of active support
    std::optional<Date> eol;
    bool lts = false;
    Extra extra;
    bool operator==(const DependencySupport&) const = default;
};

// A release train: releases on a cadence (spec grammar in calendar/cadence.hpp), generated from this
// definition; each generated release names the train in Release::train, so the train can be
// regenerated after it changes without touching the releases people edited (calendar/trains.hpp).
struct Train {
    std::string id;
    std::string name;
    std::string cadence;  // "monthly:2nd-tue"
    Date start{};         // the first release is on or after this date
    std::int32_t count = 6;
    ReleaseType type = ReleaseType::minor;
    std::vector<std::string> components;  // component ids for every release of the train
    std::string calver_scheme;            // "YYYY.0M.MICRO"; empty = SemVer, one minor per release
    std::optional<std::int32_t> code_freeze_days;  // days before each release; unset = the type's default
    Extra extra;
    bool operator==(const Train&) const = default;
};

// How the next version is computed from changes and commits (version/next_version.hpp). `preset`
// names the tool whose pre-1.0 rules the project follows ("relplan", "semantic-release",
// "release-please", "git-cliff"; empty = relplan); the two flags switch on release-please's options
// of the same name on top of it; `release_rules` are commit-analyzer style rules ("build(deps)=patch").
struct VersioningSettings {
    std::string preset;
    bool bump_minor_pre_major = false;
    bool bump_patch_for_minor_pre_major = false;
    std::vector<std::string> release_rules;
    Extra extra;
    bool operator==(const VersioningSettings&) const = default;
};

// A maintenance line ("1.x", "1.4.x"), like a semantic-release maintenance branch: its versions are
// ordered among themselves only, and the next version on it never leaves its range
// (version/release_line.hpp).
struct ReleaseLine {
    std::string line;
    std::string branch;  // e.g. "release/1.x"; informative
    Extra extra;
    bool operator==(const ReleaseLine&) const = default;
};

struct PlanSettings {
    std::vector<MilestoneOverride> milestone_offsets;  // at most one per release type
    std::vector<NotesSectionOverride> notes_sections;  // at most one per section
    std::optional<SupportPolicy> support;
    std::vector<LineSupport> support_lines;  // at most one per line
    std::optional<VersioningSettings> versioning;
    std::vector<ReleaseLine> release_lines;  // at most one per line
    Extra extra;
    bool operator==(const PlanSettings&) const = default;
};

// ---- release contents ---------------------------------------------------------------------------

struct FreezeException {
    std::string approver;
    std::optional<Date> approved_on;
    std::string reason;
    Extra extra;
    bool operator==(const FreezeException&) const = default;
};

struct Change {
    std::string id;
    ChangeCategory category = ChangeCategory::improvement;
    std::string description;
    std::string ref_id;  // issue / ticket / advisory id as people write it: "#123", "CVE-2026-1234"
    std::string link;    // URL for ref_id
    std::string commit;  // commit hash, when known
    std::string scope;   // conventional-commit scope or area ("api", "ui")
    std::string component;  // component id; empty = the release's components in general
    std::string impact;
    std::string workaround;
    Audience audience = Audience::technical;
    // When the change entered the release; a date after the feature freeze without an approved
    // freeze_exception is a freeze violation.
    std::optional<Date> added_on;
    Boxed<FreezeException> freeze_exception;
    Extra extra;
    std::string author;  // forge user name ("octocat", from "by @octocat"); last so positional initialisers keep working
    std::string section;  // the changelog section heading it was imported from, when not its category's own
    bool operator==(const Change&) const = default;
};

struct KnownIssue {
    std::string description;
    std::string workaround;
    std::string ref_id;
    std::string link;
    Extra extra;
    bool operator==(const KnownIssue&) const = default;
};

struct Communication {
    Audience audience = Audience::internal;
    Channel channel = Channel::email;
    std::string subject;
    std::vector<std::string> stakeholders;  // stakeholder ids; empty = everyone in `audience`
    std::optional<std::int32_t> notice_days;  // days before the release date it must go out
    std::optional<Date> planned_on;
    std::optional<Date> sent_on;
    Extra extra;
    bool operator==(const Communication&) const = default;
};

struct Risk {
    std::string description;
    RiskLevel likelihood = RiskLevel::medium;
    RiskLevel impact = RiskLevel::medium;
    std::string mitigation;
    std::string owner;
    Extra extra;
    bool operator==(const Risk&) const = default;
};

struct QualityGate {
    GateKind kind = GateKind::unit;
    std::string name;  // optional label when a release has several gates of one kind
    bool required = true;
    GateStatus status = GateStatus::pending;
    std::string approver;
    std::optional<Date> approved_on;
    std::string notes;
    Extra extra;
    bool operator==(const QualityGate&) const = default;
};

// A change window: instants plus the IANA zone they are shown in. The offsets are the UTC offsets
// (minutes) the times were written with, kept so they are written back the same way (a window may
// span a DST switch). Only offsets are needed to read and write them; no time-zone database.
struct ChangeWindow {
    std::chrono::sys_seconds start{};
    std::chrono::sys_seconds end{};
    std::int32_t start_offset_minutes = 0;
    std::int32_t end_offset_minutes = 0;
    std::string zone;  // IANA name, e.g. "Europe/Berlin"; empty = shown in the written offset
    Extra extra;
    bool operator==(const ChangeWindow&) const = default;
};

struct DeploymentPlan {
    std::string strategy;  // "rolling", "blue-green", "canary", ...
    std::string owner;
    std::vector<std::string> steps;
    Extra extra;
    bool operator==(const DeploymentPlan&) const = default;
};

struct RollbackPlan {
    std::string owner;
    std::vector<std::string> triggers;  // conditions that call for a rollback
    std::vector<std::string> steps;
    Extra extra;
    bool operator==(const RollbackPlan&) const = default;
};

struct Metric {
    std::string name;
    std::string value;   // as measured, with unit: "99.97%", "12 min"
    std::string target;  // optional, same form
    Extra extra;
    bool operator==(const Metric&) const = default;
};

struct RetroItem {
    RetroKind kind = RetroKind::went_well;
    std::string text;
    std::string owner;
    Extra extra;
    bool operator==(const RetroItem&) const = default;
};

struct PostReleaseReview {
    std::optional<Date> actual_feature_freeze;
    std::optional<Date> actual_code_freeze;
    std::optional<Date> actual_release_date;
    std::optional<ReleaseOutcome> outcome;
    std::string summary;
    std::vector<Metric> metrics;
    std::vector<RetroItem> retrospective;
    Extra extra;
    bool operator==(const PostReleaseReview&) const = default;
};

struct Release {
    std::string id;
    std::string name;
    std::vector<std::string> components;  // component ids
    // Semantic version unless calver_scheme is set (then a CalVer version in that scheme, e.g.
    // "YYYY.0M.MICRO"). May be empty only while status is planning ("not decided yet").
    std::string version;
    std::optional<std::string> calver_scheme;
    ReleaseType type = ReleaseType::minor;
    ReleaseStatus status = ReleaseStatus::planning;
    bool yanked = false;  // Keep a Changelog [YANKED]
    std::string theme;
    std::vector<std::string> objectives;
    std::string branch;
    std::string link;  // changelog link (compare view or tag page)
    std::string train;  // id of the train that generated it; empty = planned by hand
    std::optional<Date> planning_start;
    std::optional<Date> feature_freeze;
    std::optional<Date> code_freeze;
    std::optional<Date> release_date;
    // Security releases: details stay out of public notes and communications before this date.
    std::optional<Date> embargo_until;
    Boxed<ChangeWindow> change_window;
    std::string environment;  // deployment target, e.g. "production"
    std::string summary;      // hand-written; generators read it and never overwrite it
    std::vector<std::string> upgrade_instructions;  // steps, Markdown allowed
    std::vector<KnownIssue> known_issues;
    std::vector<std::string> contributors;
    std::vector<Change> changes;
    std::vector<Communication> communications;
    std::vector<Risk> risks;
    std::vector<QualityGate> quality_gates;
    Boxed<DeploymentPlan> deployment;
    Boxed<RollbackPlan> rollback;
    Boxed<PostReleaseReview> review;
    Extra extra;
    bool operator==(const Release&) const = default;
};

// A concurrent edit a three-way merge could not decide (team/merge.hpp). The plan keeps our value in
// place; the values are JSON texts, absent when that side had no value (deleted or never there).
// validate_plan reports each one as an error until the user picks a value and removes the entry.
struct MergeConflict {
    std::string pointer;  // JSON Pointer of the contested value in the plan
    std::optional<std::string> base;
    std::optional<std::string> ours;
    std::optional<std::string> theirs;
    Extra extra;
    bool operator==(const MergeConflict&) const = default;
};

struct Plan {
    Project project;
    std::vector<Component> components;
    std::vector<Stakeholder> stakeholders;
    std::vector<Period> blackouts;
    std::vector<Period> holidays;
    std::vector<Consumer> consumers;
    std::vector<DependencySupport> dependencies;
    std::vector<Train> trains;
    PlanSettings settings;
    std::vector<Release> releases;
    std::vector<MergeConflict> conflicts;  // unresolved merge conflicts; empty in a settled plan
    Extra extra;  // unknown top-level members (the "format" member is handled by plan_json)
    bool operator==(const Plan&) const = default;
};

// ---- helpers ------------------------------------------------------------------------------------

// Defaults from the release-manager guide: major 28/14/7 days with 28 days notice, minor 14/7/3 with
// 14, patch 7/3/1 with 3, hotfix and security 0/0/0 with 0 (immediate).
MilestoneOffsets default_milestone_offsets(ReleaseType type);
// The defaults with the plan's override for `type` applied.
MilestoneOffsets milestone_offsets(const PlanSettings& settings, ReleaseType type);

// Lookup by id; nullptr when absent. Pointers stay valid until the plan is modified.
const Release* find_release(const Plan& plan, std::string_view id);
const Component* find_component(const Plan& plan, std::string_view id);
const Stakeholder* find_stakeholder(const Plan& plan, std::string_view id);
const Train* find_train(const Plan& plan, std::string_view id);
// The release whose version string equals `version` (first match); nullptr when absent.
const Release* find_release_by_version(const Plan& plan, std::string_view version);

}  // namespace relplan

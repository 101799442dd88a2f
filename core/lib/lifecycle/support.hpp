// Support windows: each release line's phases (active, maintenance, end of life) and the warnings a
// release manager needs before a planning meeting.
//
// Contract: lines come from the plan's releases (cancelled releases, pre-releases and releases
// without a SemVer version are ignored) grouped as PlanSettings::support says; a line's dates come
// from its LineSupport entry first, then from the policy. Lines are ordered oldest first; the
// successor of a line is the next one. `today` decides phases and what counts as overdue. The work
// is O(n log n) in the number of releases.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class SupportPhase { planned, active, maintenance, end_of_life };
std::string_view to_string(SupportPhase phase);

struct LineSchedule {
    std::string line;   // "1.x", "0.4.x", "2.3.x"
    std::string cycle;  // endoflife.date's cycle name: "1", "0.4", "2.3"
    std::optional<Date> release_date;  // first release of the line (planned or done)
    std::optional<Date> active_until;  // end of active support (exclusive)
    std::optional<Date> eol;           // end of life (exclusive); unset: none planned
    bool lts = false;
    std::string latest;                // newest released version; empty when nothing is released
    std::optional<Date> latest_release_date;
    std::string latest_planned;        // newest version planned on the line
    SupportPhase phase = SupportPhase::planned;  // on `today`
    std::vector<std::string> release_ids;        // the line's releases, by version
};

enum class SupportWarningKind {
    patch_gap,              // a supported line goes longer than patch_interval_days without a release
    eol_without_successor,  // a line reaches end of life before any successor is released
    release_after_eol,      // a release is planned on a line after its end of life
    feature_in_maintenance, // a minor/major release is planned on a line in maintenance
    dependency_eol,         // a dependency's cycle ends before a planned release
};
std::string_view to_string(SupportWarningKind kind);

struct SupportWarning {
    SupportWarningKind kind = SupportWarningKind::patch_gap;
    std::string line;        // the line concerned (the dependency "product cycle" for dependency_eol)
    std::string release_id;  // the release concerned, when one is
    std::string message;
};

struct SupportReport {
    std::vector<LineSchedule> lines;
    std::vector<SupportWarning> warnings;
};

SupportReport support_report(const Plan& plan, Date today);

// Whether the plan says how its lines are supported (a policy or dates for some line); without
// that, exports leave support dates out rather than present the successor rule as a promise.
bool has_support_policy(const Plan& plan);

// The support windows as a Markdown table, newest line first: line (LTS marked), first release, end
// of active support, end of life, latest release. Dates only -- no phase, which depends on the day
// it is read -- so the table changes only when the plan does. Empty without lines.
std::string support_table_markdown(const SupportReport& report);

// The endoflife.date JSON shape, newest cycle first: [{cycle, releaseDate, support, eol, latest,
// latestReleaseDate, lts}], dates as YYYY-MM-DD, `false` where a date is not planned.
std::string endoflife_json(const SupportReport& report);

// Reads endoflife.date's JSON (an array of cycles, as https://endoflife.date/api/PRODUCT.json serves
// it) as dependency cycles of `product`. Boolean dates ("eol": false) mean "not planned".
Result<std::vector<DependencySupport>> import_endoflife(std::string_view json_text, std::string_view product);

// The product a downloaded endoflife.date file is about, from its file name as the API names it
// ("nodejs.json", "python.eol.json", "/tmp/nodejs (1).json" -> "nodejs"); "dependency" when none is left.
std::string endoflife_product_name(std::string_view file_name);

// Adds `incoming` cycles to `known`, replacing a cycle of the same product and cycle name.
void merge_dependency_support(std::vector<DependencySupport>& known, const std::vector<DependencySupport>& incoming);

}  // namespace relplan

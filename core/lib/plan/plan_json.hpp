// Plan files: JSON format version 1 (docs/plan-format.md, assets/plan.schema.json).
//
// load_plan turns text into a new Plan; it has no access to any existing plan, so an open plan stays
// untouched whatever the text holds. It reports syntax errors (with line and column), schema errors
// and the semantic errors of validate_plan, all in one pass and in document order. A plan that decodes
// but fails semantic checks is still returned (the app can open it and show the problems); a plan
// with syntax or schema errors, a duplicate member name, or a newer format version is not.
//
// Input rules: at most max_plan_bytes; UTF-8 only (a leading UTF-8 BOM is dropped with a note, UTF-16
// is refused); nesting at most 256 levels deep; duplicate member names are errors. A file without
// "format" that has "releases", or with format version 0, is migrated to version 1 with a note.
//
// to_json writes the canonical form: members in schema order followed by unknown members in their
// original order, two-space indentation, a final newline, empty values omitted. Writing a plan,
// loading it back and writing again gives identical bytes.
#pragma once

#include "plan/plan.hpp"
#include "plan/plan_validate.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

inline constexpr std::int64_t plan_format_version = 1;
inline constexpr std::uint64_t max_plan_bytes = 64ull << 20;

struct PlanLoad {
    std::optional<Plan> plan;        // absent when the text could not be decoded into a plan
    std::vector<Diagnostic> errors;  // everything wrong, in document order
    std::vector<Diagnostic> notes;   // what was done on the way in (BOM dropped, format migrated)
    bool ok() const { return plan.has_value() && errors.empty(); }
};

PlanLoad load_plan(std::string_view text);

std::string to_json(const Plan& plan);

// The bytes of to_json(plan) handed to `sink` in pieces of about 64 KiB, for output that need not be
// held whole. With `appended`, release `appended->release` is written as if it also held the changes
// `appended->produce` emits (after its own, in emitted order): a long list of generated changes is
// written one at a time and never kept.
struct AppendedChanges {
    std::size_t release = 0;
    std::function<void(const std::function<void(const Change&)>& emit)> produce;
};
void write_json(const Plan& plan, const std::function<void(std::string_view)>& sink,
                const AppendedChanges* appended = nullptr);

// Likewise for a plan too large to hold: written as if plan.releases were followed by the releases
// `appended.produce` emits.
struct AppendedReleases {
    std::function<void(const std::function<void(const Release&)>& emit)> produce;
};
void write_json(const Plan& plan, const std::function<void(std::string_view)>& sink, const AppendedReleases& appended);

}  // namespace relplan

// Semantic checks of a plan, and the Diagnostic type every plan reader reports problems with.
//
// validate_plan reads a Plan and lists everything wrong with it at once, each problem tied to the JSON
// Pointer of the value in the plan's JSON form (/releases/3/version). It never changes the plan. The
// checks: dates that exist, milestones in order (planning start <= feature freeze <= code freeze <=
// release date), versions valid under the release's scheme (SemVer 2.0.0, or the CalVer scheme named
// by calver_scheme), a version on every release past planning, unique non-empty ids, references to
// existing components and stakeholders, periods and change windows that end after they start,
// non-negative milestone offsets and at most one settings override per release type / notes section.
#pragma once

#include "plan/plan.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relplan {

struct Diagnostic {
    std::string pointer;  // JSON Pointer of the value concerned; "" = the document as a whole
    std::string message;
    std::int64_t line = 0;    // 1-based position in the file, 0 when not known
    std::int64_t column = 0;  // 1-based, counted in characters
    bool operator==(const Diagnostic&) const = default;
};

// "FILE:LINE:COLUMN: /pointer: message"; parts that are unknown or empty are left out.
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view file);

std::vector<Diagnostic> validate_plan(const Plan& plan);

// A Diagnostic positioned at byte `offset` of `text` (for readers of other text formats).
Diagnostic diagnostic_at(std::string_view text, std::size_t offset, std::string message);

}  // namespace relplan

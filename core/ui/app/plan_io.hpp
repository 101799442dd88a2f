// The UI's narrow door to the core's plan I/O: parse/serialize plans and import other formats into
// the open plan. Imports change `plan` only when they succeed (errors are appended to `errors`).
#pragma once

#include "plan/plan.hpp"
#include "app/app.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui {

struct ParsedPlan {
    LoadReport report;
    Plan plan;
};

// "NAME:LINE:COL: message" for an error at a byte offset of `text` (no position when it has none).
std::string positioned_error(std::string_view text, const Error& e, const std::string& name);
ParsedPlan parse_plan_for_app(std::string_view text, const std::string& name);
std::string plan_to_json(const Plan& plan);
std::string plan_to_ics(const Plan& plan);
bool import_changelog_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors);
// Warnings (unknown properties, broken folding) are appended to `errors` even on success.
bool import_ics_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors);
// Consumers of the plan's package from package.json / package-lock.json / npm ls --json / a consumers
// list, and dependency cycles from an endoflife.date file (plan_lifecycle_io.cpp). On success `lines`
// says what was added; on failure why nothing was.
bool import_consumers_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& lines);
bool import_dependency_support_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& lines);

}  // namespace relplan::ui

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

ParsedPlan parse_plan_for_app(std::string_view text, const std::string& name);
std::string plan_to_json(const Plan& plan);
std::string plan_to_ics(const Plan& plan);
bool import_changelog_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors);
// Warnings (unknown properties, broken folding) are appended to `errors` even on success.
bool import_ics_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& errors);

}  // namespace relplan::ui

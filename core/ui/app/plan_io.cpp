#include "app/plan_io.hpp"

#include "plan/plan_json.hpp"
#include "plan/plan_validate.hpp"

namespace relplan::ui {

ParsedPlan parse_plan_for_app(std::string_view text, const std::string& name) {
    ParsedPlan out;
    PlanLoad load = load_plan(text);
    for (const auto& d : load.errors) out.report.errors.push_back(format_diagnostic(d, name));
    for (const auto& d : load.notes) out.report.notes.push_back(format_diagnostic(d, name));
    // Any error keeps the open plan: the user fixes the file (relplan plan validate names every
    // problem) rather than editing a plan the app cannot vouch for.
    out.report.ok = load.ok();
    if (out.report.ok) out.plan = std::move(*load.plan);
    return out;
}

std::string plan_to_json(const Plan& plan) { return to_json(plan); }

std::string positioned_error(std::string_view text, const Error& e, const std::string& name) {
    const Diagnostic d = e.offset == Error::npos ? Diagnostic{"", e.message, 0, 0} : diagnostic_at(text, e.offset, e.message);
    return format_diagnostic(d, name);
}

}  // namespace relplan::ui

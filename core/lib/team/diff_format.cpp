#include "team/diff.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace relplan {
namespace {

std::string_view kind_name(ReleaseDiffKind k) {
    switch (k) {
        case ReleaseDiffKind::added: return "added";
        case ReleaseDiffKind::removed: return "removed";
        case ReleaseDiffKind::changed: return "changed";
    }
    return "changed";
}

std::string shown(const std::optional<std::string>& v) { return v ? *v : "(none)"; }

void value_line(std::string& out, const std::string& indent, const ValueChange& c) {
    out += fmt::format("{}{}: {} -> {}", indent, c.pointer.empty() ? "/" : c.pointer, shown(c.before), shown(c.after));
    if (c.days) out += fmt::format(" ({:+} days, {:+} business days)", *c.days, c.business_days.value_or(0));
    out += '\n';
}

nlohmann::ordered_json value_json(const ValueChange& c) {
    nlohmann::ordered_json j = {{"pointer", c.pointer}};
    j["before"] = c.before ? nlohmann::ordered_json::parse(*c.before, nullptr, false) : nullptr;
    j["after"] = c.after ? nlohmann::ordered_json::parse(*c.after, nullptr, false) : nullptr;
    if (c.days) j["days"] = *c.days;
    if (c.business_days) j["business_days"] = *c.business_days;
    return j;
}

nlohmann::ordered_json findings_json(const std::vector<Finding>& list) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& f : list) {
        a.push_back({{"severity", std::string(to_string(f.severity))}, {"code", f.code}, {"releases", f.releases},
                     {"message", f.message}});
    }
    return a;
}

}  // namespace

std::string format_diff_text(const PlanDiff& diff) {
    std::string out;
    for (const auto& r : diff.releases) {
        out += fmt::format("release {} ({}): {}\n", r.label, r.id, kind_name(r.kind));
        for (const auto& c : r.fields) value_line(out, "  ", c);
        for (const auto& c : r.changes_added) out += fmt::format("  + change {}: {}\n", c.id, c.description);
        for (const auto& c : r.changes_removed) out += fmt::format("  - change {}: {}\n", c.id, c.description);
    }
    if (!diff.plan_fields.empty()) out += "plan:\n";
    for (const auto& c : diff.plan_fields) value_line(out, "  ", c);
    if (!diff.conflicts_appeared.empty() || !diff.conflicts_resolved.empty()) out += "conflicts:\n";
    for (const auto& f : diff.conflicts_appeared) out += fmt::format("  + {} {}: {}\n", to_string(f.severity), f.code, f.message);
    for (const auto& f : diff.conflicts_resolved) out += fmt::format("  - {} {}: {}\n", to_string(f.severity), f.code, f.message);
    return out;
}

std::string format_diff_json(const PlanDiff& diff) {
    using Json = nlohmann::ordered_json;
    Json releases = Json::array();
    for (const auto& r : diff.releases) {
        Json fields = Json::array(), added = Json::array(), removed = Json::array();
        for (const auto& c : r.fields) fields.push_back(value_json(c));
        for (const auto& c : r.changes_added) added.push_back({{"id", c.id}, {"description", c.description}});
        for (const auto& c : r.changes_removed) removed.push_back({{"id", c.id}, {"description", c.description}});
        releases.push_back({{"id", r.id}, {"label", r.label}, {"kind", std::string(kind_name(r.kind))},
                            {"fields", fields}, {"changes_added", added}, {"changes_removed", removed}});
    }
    Json plan = Json::array();
    for (const auto& c : diff.plan_fields) plan.push_back(value_json(c));
    Json j = {{"releases", releases},
              {"plan", plan},
              {"conflicts", {{"appeared", findings_json(diff.conflicts_appeared)},
                             {"resolved", findings_json(diff.conflicts_resolved)}}}};
    return j.dump(2) + "\n";
}

}  // namespace relplan

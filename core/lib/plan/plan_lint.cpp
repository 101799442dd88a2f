#include "plan/plan_lint.hpp"

#include "base/json_doc.hpp"
#include "base/tz.hpp"
#include "plan/plan_schema.hpp"

namespace relplan {

std::vector<Diagnostic> lint_plan(const Plan& plan, std::string_view text) {
    using schema::json_key;
    std::vector<Diagnostic> out;
    const Result<TzDatabase>& zones = embedded_tzdb();
    const json::Path root;
    if (!plan.project.time_zone.empty() && zones) {
        if (const auto z = zones->zone(plan.project.time_zone); !z)
            out.push_back(Diagnostic{root.member(json_key<&Plan::project>).member(json_key<&Project::time_zone>).str(),
                                     z.error().message, 0, 0});
    }
    const json::Path releases = root.member(json_key<&Plan::releases>);
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        const json::Path at = releases.element(i);
        if (r.change_window && !r.change_window->zone.empty() && zones) {
            if (const auto z = zones->zone(r.change_window->zone); !z) {
                const json::Path window = at.member(json_key<&Release::change_window>);
                out.push_back(Diagnostic{window.member(json_key<&ChangeWindow::zone>).str(), z.error().message, 0, 0});
            }
        }
        const json::Path changes = at.member(json_key<&Release::changes>);
        for (std::size_t k = 0; k < r.changes.size(); ++k) {
            if (r.changes[k].description.find_first_not_of(" \t\r\n") != std::string::npos) continue;
            const json::Path change = changes.element(k);
            out.push_back(Diagnostic{change.member(json_key<&Change::description>).str(),
                                     "the change description must not be empty", 0, 0});
        }
    }
    locate_diagnostics(out, text);
    return out;
}

void locate_diagnostics(std::vector<Diagnostic>& diagnostics, std::string_view text) {
    if (diagnostics.empty() || text.empty()) return;
    // Releases are streamed past, not kept: positions must not cost a second copy of a large plan.
    const json::Stream skip{schema::json_key<&Plan::releases>, [](json::Value&, const json::Value&) {}};
    const auto doc = json::parse(text, skip);
    if (!doc) return;
    json::Locator locator(text, *doc, schema::json_key<&Plan::releases>);
    const json::LineIndex lines(text);
    for (Diagnostic& d : diagnostics) {
        const auto [line, column] = lines.locate(locator.offset_of(d.pointer));
        d.line = line;
        d.column = column;
    }
}

}  // namespace relplan

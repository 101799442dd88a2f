// The support report and per-release consumer impact of the open plan, kept between frames: the
// report is rebuilt when the plan changed or the day turned; impact is computed the first time a
// release is shown after a change (the list shows only the rows on screen, so a 100k-release plan
// costs what is visible).
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "version/semver.hpp"

#include <unordered_map>

namespace relplan::ui {

struct LifecycleCache {
    unsigned revision = 0;
    std::int32_t day = 0;
    SupportReport report;
    // By release id; an entry without a value means "no impact to show" (no SemVer version).
    std::unordered_map<std::string, std::optional<ReleaseImpact>> impact;
};

namespace {

LifecycleCache& cache_for(App::State& s) {
    const std::int32_t day = day_number(today());
    if (!s.lifecycle || s.lifecycle->revision != s.doc.revision() || s.lifecycle->day != day) {
        auto fresh = std::make_shared<LifecycleCache>();
        fresh->revision = s.doc.revision();
        fresh->day = day;
        fresh->report = support_report(s.doc.plan, today());
        s.lifecycle = std::move(fresh);
    }
    return *s.lifecycle;
}

}  // namespace

const SupportReport& support_for(App::State& s) { return cache_for(s).report; }

const ReleaseImpact* impact_for(App::State& s, const Release& r) {
    if (s.doc.plan.consumers.empty()) return nullptr;
    LifecycleCache& c = cache_for(s);
    auto [it, added] = c.impact.try_emplace(r.id);
    if (added) {
        if (auto rows = release_impact(s.doc.plan.consumers, r.version)) {
            ReleaseImpact ri;
            ri.summary = summarize_impact(*rows);
            ri.rows = std::move(*rows);
            it->second = std::move(ri);
        }
    }
    return it->second ? &*it->second : nullptr;
}

ImVec4 impact_color(ImpactKind kind) {
    switch (kind) {
        case ImpactKind::receives: return ImVec4(0.2f, 0.62f, 0.3f, 1.0f);
        case ImpactKind::cut_off: return ImVec4(0.85f, 0.22f, 0.2f, 1.0f);
        case ImpactKind::prerelease_excluded: return ImVec4(0.85f, 0.55f, 0.1f, 1.0f);
        case ImpactKind::below_range:
        case ImpactKind::outside_range: return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        case ImpactKind::invalid_range: return ImVec4(0.85f, 0.22f, 0.2f, 1.0f);
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

}  // namespace relplan::ui

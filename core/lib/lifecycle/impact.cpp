#include "lifecycle/impact.hpp"

#include "version/range.hpp"
#include "version/semver.hpp"

namespace relplan {

std::string_view to_string(ImpactKind kind) {
    switch (kind) {
        case ImpactKind::receives: return "receives";
        case ImpactKind::cut_off: return "cut-off";
        case ImpactKind::prerelease_excluded: return "prerelease-excluded";
        case ImpactKind::below_range: return "below-range";
        case ImpactKind::outside_range: return "outside-range";
        case ImpactKind::invalid_range: return "invalid-range";
    }
    return "receives";
}

namespace {

// The range to declare to take `v`: a caret on the release itself, which also admits its
// pre-release when `v` is one (node-semver lets a range naming a pre-release take that tuple's
// pre-releases).
std::string suggestion(const Version& v) { return "^" + v.to_string(); }

ImpactKind classify(const Version& v, const Range& range, std::string_view text) {
    if (range.test(v)) return ImpactKind::receives;
    if (v.is_prerelease()) {
        auto with_pre = Range::parse(text, SemverOptions{false, true});
        if (with_pre && with_pre->test(v)) return ImpactKind::prerelease_excluded;
    }
    if (gtr(v, range)) return ImpactKind::cut_off;
    if (ltr(v, range)) return ImpactKind::below_range;
    return ImpactKind::outside_range;
}

}  // namespace

Result<std::vector<ConsumerImpact>> release_impact(const std::vector<Consumer>& consumers,
                                                   std::string_view version) {
    auto v = Version::parse(version);
    if (!v) return make_error("'" + std::string(version) + "' is not a SemVer version: " + v.error().message);
    std::vector<ConsumerImpact> out;
    out.reserve(consumers.size());
    for (const Consumer& c : consumers) {
        ConsumerImpact row{c.name, c.range, v->to_string(), false, ImpactKind::invalid_range, {}, c.owner, c.contact};
        if (auto range = Range::parse(c.range)) row.kind = classify(*v, *range, c.range);
        row.receives = row.kind == ImpactKind::receives;
        if (row.kind == ImpactKind::cut_off || row.kind == ImpactKind::prerelease_excluded)
            row.suggested_range = suggestion(*v);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<ConsumerImpact> consumers_to_notify(const std::vector<ConsumerImpact>& impact) {
    std::vector<ConsumerImpact> out;
    for (const ConsumerImpact& row : impact)
        if (row.kind == ImpactKind::cut_off || row.kind == ImpactKind::prerelease_excluded) out.push_back(row);
    return out;
}

ImpactSummary summarize_impact(const std::vector<ConsumerImpact>& impact) {
    ImpactSummary out;
    for (const ConsumerImpact& row : impact) {
        switch (row.kind) {
            case ImpactKind::receives: ++out.receives; break;
            case ImpactKind::cut_off:
            case ImpactKind::prerelease_excluded: ++out.must_act; break;
            case ImpactKind::below_range:
            case ImpactKind::outside_range: ++out.unaffected; break;
            case ImpactKind::invalid_range: ++out.invalid; break;
        }
    }
    return out;
}

std::string to_string(const ImpactSummary& summary) {
    std::string out;
    const auto part = [&out](int n, const char* what) {
        if (n == 0) return;
        if (!out.empty()) out += " · ";
        out += std::to_string(n) + " " + what;
    };
    part(summary.must_act, "must act");
    part(summary.receives, "receive");
    part(summary.unaffected, "not affected");
    part(summary.invalid, summary.invalid == 1 ? "invalid range" : "invalid ranges");
    return out.empty() ? "no consumers" : out;
}

}  // namespace relplan

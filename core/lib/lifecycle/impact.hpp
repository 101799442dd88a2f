// Consumer impact: which consumers of our package pick a release up automatically and which are cut off.
//
// Contract: every answer is node-semver's. A consumer receives a version when `satisfies(version,
// range)` is true with node-semver's default options (so a pre-release reaches only ranges that name
// a pre-release on the same major.minor.patch). Everyone else is classified by why not, and cut-off
// consumers get the range they should move to. Work is O(consumers) per release; each range is
// parsed once per call.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace relplan {

enum class ImpactKind {
    receives,             // the declared range admits the version: picked up on the next install
    cut_off,              // the version is above everything the range admits: the consumer must act
    prerelease_excluded,  // node-semver keeps pre-releases away from this range
    below_range,          // the range wants newer versions (a release on an older line)
    outside_range,        // neither above nor below (a gap in a union such as "^1 || ^3")
    invalid_range,        // the declared range is not a node-semver range
};
std::string_view to_string(ImpactKind kind);

struct ConsumerImpact {
    std::string consumer;
    std::string range;
    std::string version;
    bool receives = false;
    ImpactKind kind = ImpactKind::receives;
    std::string suggested_range;  // set for cut_off and prerelease_excluded: what to declare instead
    std::string owner;
    std::string contact;
};

// One entry per consumer, in the consumers' order. Fails only when `version` is not a SemVer version.
Result<std::vector<ConsumerImpact>> release_impact(const std::vector<Consumer>& consumers,
                                                   std::string_view version);

// The consumers a release must notify: cut off or kept away from a pre-release they may want.
std::vector<ConsumerImpact> consumers_to_notify(const std::vector<ConsumerImpact>& impact);

// How a release lands with its consumers, counted for a list column: `must_act` are those
// consumers_to_notify() names, `unaffected` are below or outside their range (an older line).
struct ImpactSummary {
    int receives = 0;
    int must_act = 0;
    int unaffected = 0;
    int invalid = 0;
    bool operator==(const ImpactSummary&) const = default;
};
ImpactSummary summarize_impact(const std::vector<ConsumerImpact>& impact);
// "2 must act · 3 receive" (parts that are zero left out; "no consumers" for none).
std::string to_string(const ImpactSummary& summary);

}  // namespace relplan

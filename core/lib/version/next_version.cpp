#include "version/next_version.hpp"

namespace relplan {

std::string_view to_string(Bump bump) {
    switch (bump) {
    case Bump::none: return "none";
    case Bump::patch: return "patch";
    case Bump::minor: return "minor";
    case Bump::major: return "major";
    }
    return "none";
}

namespace {

CommitImpact classify(std::size_t index, std::string_view message, bool initial_development) {
    CommitImpact impact;
    impact.index = index;
    impact.summary = std::string(commit_summary(message));
    auto parsed = parse_conventional_commit(message);
    if (!parsed.ok()) {
        impact.why = parsed.error().message;
        return impact;
    }
    const ConventionalCommit& c = *parsed;
    if (c.breaking) {
        impact.bump = initial_development ? Bump::minor : Bump::major;
        impact.why = c.breaking_bang ? "breaking change (! in the header)" : "breaking change (BREAKING CHANGE footer)";
        if (initial_development) impact.why += ", a minor bump below 1.0.0";
    } else if (c.type == "feat") {
        impact.bump = initial_development ? Bump::patch : Bump::minor;
        impact.why = initial_development ? "feat, a patch bump below 1.0.0" : "feat";
    } else if (c.type == "fix" || c.type == "perf") {
        impact.bump = Bump::patch;
        impact.why = c.type;
    } else {
        impact.why = "type " + c.type + " does not release";
    }
    return impact;
}

// The size of the release a pre-release line leads to: 2.0.0-rc.1 leads to a major release.
Bump release_size(const Version& v, bool initial_development) {
    Bump size = Bump::patch;
    if (v.patch() == 0) size = v.minor() == 0 ? Bump::major : Bump::minor;
    if (initial_development && size == Bump::major) size = Bump::minor;
    return size;
}

}  // namespace

Result<NextVersion> next_version(const Version& current, const std::vector<std::string_view>& messages,
                                 const NextVersionOptions& options) {
    const bool initial_development = current.major() == 0;
    NextVersion out;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        out.commits.push_back(classify(i, messages[i], initial_development));
        if (out.commits.back().bump > out.bump) out.bump = out.commits.back().bump;
    }
    if (out.bump == Bump::none) return out;
    for (const CommitImpact& c : out.commits) {
        if (c.bump == out.bump) out.reasons.push_back(c);
    }
    const IncType plain = out.bump == Bump::major   ? IncType::major
                              : out.bump == Bump::minor ? IncType::minor
                                                        : IncType::patch;
    Result<Version> next = Version(0, 0, 0);
    if (options.preid.empty()) {
        next = inc(current, plain);
    } else {
        IncOptions io;
        io.identifier = options.preid;
        const bool line_covers = current.is_prerelease() && release_size(current, initial_development) >= out.bump;
        const IncType pre = line_covers             ? IncType::prerelease
                                : plain == IncType::major ? IncType::premajor
                                : plain == IncType::minor ? IncType::preminor
                                                              : IncType::prepatch;
        next = inc(current, pre, io);
    }
    if (!next.ok()) return next.error();
    out.version = std::move(*next);
    return out;
}

}  // namespace relplan

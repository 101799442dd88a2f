#include "version/next_version.hpp"

#include "version/squash.hpp"

#include <algorithm>

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

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<Bump> bump_from(std::string_view s) {
    for (const Bump b : {Bump::none, Bump::patch, Bump::minor, Bump::major}) {
        if (s == to_string(b)) return b;
    }
    return std::nullopt;
}

}  // namespace

Result<ReleaseRule> parse_release_rule(std::string_view text) {
    const auto bad = [&](const std::string& why) {
        return make_error("release rule \"" + std::string(text.substr(0, 80)) + "\": " + why +
                          " (expected TYPE[(SCOPE)]=none|patch|minor|major, e.g. build(deps)=patch)");
    };
    const std::size_t eq = text.rfind('=');
    if (eq == std::string_view::npos) return bad("no '='");
    const auto bump = bump_from(text.substr(eq + 1));
    if (!bump) return bad("unknown bump");
    std::string_view lhs = text.substr(0, eq);
    ReleaseRule rule;
    rule.bump = *bump;
    const std::size_t open = lhs.find('(');
    if (open != std::string_view::npos) {
        if (lhs.back() != ')' || open + 2 >= lhs.size()) return bad("unclosed or empty scope");
        rule.scope = std::string(lhs.substr(open + 1, lhs.size() - open - 2));
        lhs = lhs.substr(0, open);
    }
    if (lhs.empty() || !std::all_of(lhs.begin(), lhs.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        })) {
        return bad("the type must be letters, digits, '-' or '_'");
    }
    rule.type = lower(lhs);
    return rule;
}

std::string to_string(const ReleaseRule& rule) {
    return rule.type + (rule.scope.empty() ? "" : "(" + rule.scope + ")") + "=" + std::string(to_string(rule.bump));
}

Result<PreMajorRules> pre_major_policy(std::string_view name) {
    if (name == "relplan") return PreMajorRules{true, true};
    if (name == "semantic-release" || name == "release-please" || name == "git-cliff") return PreMajorRules{false, false};
    return make_error("unknown version policy \"" + std::string(name.substr(0, 40)) +
                      "\" (relplan, semantic-release, release-please or git-cliff)");
}

namespace {

bool has_breaking_footer(std::string_view message) {
    for (std::size_t start = message.find('\n'); start != std::string_view::npos; start = message.find('\n', start + 1)) {
        const std::string_view line = message.substr(start + 1, 16);
        if (line == "BREAKING CHANGE:" || line == "BREAKING-CHANGE:") return true;
    }
    return false;
}

struct Classifier {
    const std::vector<ReleaseRule>& rules;
    PreMajorRules pre_major;
    bool initial_development;

    // The 0.x rules turn a minor request into a patch and a major one into a minor.
    void apply_pre_major(CommitImpact& impact) const {
        if (!initial_development) return;
        if (impact.bump == Bump::minor && pre_major.feat_is_patch) {
            impact.bump = Bump::patch;
            impact.why += ", a patch bump below 1.0.0";
        } else if (impact.bump == Bump::major && pre_major.breaking_is_minor) {
            impact.bump = Bump::minor;
            impact.why += ", a minor bump below 1.0.0";
        }
    }

    std::optional<Bump> rule_for(const ConventionalCommit& c) const {
        std::optional<Bump> best;
        for (const ReleaseRule& r : rules) {
            if (r.type != c.type || !(r.scope.empty() || r.scope == "*" || r.scope == c.scope)) continue;
            if (!best || r.bump > *best) best = r.bump;
        }
        return best;
    }

    CommitImpact classify(std::size_t index, const CommitRecord& record, bool lone_revert) const {
        CommitImpact impact;
        impact.index = index;
        impact.hash = std::string(record.hash);
        impact.summary = std::string(commit_summary(record.message));
        std::string_view message = record.message;  // the conventional-changelog parser trims it too
        while (!message.empty() && (message.front() == ' ' || message.front() == '\n' || message.front() == '\r')) message.remove_prefix(1);
        auto parsed = parse_conventional_commit(message);
        if (!parsed.ok()) {
            // Lenient like the conventional-changelog parser: a header followed by text without the
            // blank line still counts, and a BREAKING CHANGE footer counts under any header.
            const std::string_view summary = commit_summary(message);
            if (auto header = parse_conventional_commit(summary); header.ok()) {
                header->breaking = header->breaking || has_breaking_footer(message);
                parsed = std::move(header);
            } else if (has_breaking_footer(message)) {
                impact.bump = Bump::major;
                impact.why = "breaking change (BREAKING CHANGE footer under a header that is not conventional)";
                apply_pre_major(impact);
                return impact;
            }
        }
        if (!parsed.ok() && !lone_revert) {
            impact.why = parsed.error().message;
            return impact;
        }
        if (!parsed.ok()) {  // `Revert "..."` from git revert
            impact.bump = Bump::patch;
            impact.why = "revert";
            return impact;
        }
        const ConventionalCommit& c = *parsed;
        for (const CommitFooter& f : c.footers) {
            if (lower(f.token) == "release-as" && impact.release_as.empty()) impact.release_as = f.value;
        }
        const std::optional<Bump> ruled = rule_for(c);
        if (c.breaking) {
            impact.bump = Bump::major;
            impact.why = c.breaking_bang ? "breaking change (! in the header)" : "breaking change (BREAKING CHANGE footer)";
        } else if (ruled) {
            impact.bump = *ruled;
            impact.why = "release rule " + c.type + (c.scope.empty() ? "" : "(" + c.scope + ")") + "=" +
                         std::string(to_string(*ruled));
        } else if (lone_revert) {
            impact.bump = Bump::patch;
            impact.why = "revert";
        } else if (c.type == "feat") {
            impact.bump = Bump::minor;
            impact.why = "feat";
        } else if (c.type == "fix" || c.type == "perf") {
            impact.bump = Bump::patch;
            impact.why = c.type;
        } else {
            impact.why = "type " + c.type + " does not release";
        }
        apply_pre_major(impact);
        return impact;
    }
};

// The size of the release a pre-release line leads to: 2.0.0-rc.1 leads to a major release.
Bump release_size(const Version& v, const PreMajorRules& rules) {
    Bump size = Bump::patch;
    if (v.patch() == 0) size = v.minor() == 0 ? Bump::major : Bump::minor;
    if (v.major() == 0 && rules.breaking_is_minor && size == Bump::major) size = Bump::minor;
    return size;
}

struct PendingRevert {
    std::size_t index;       // the revert commit
    std::string key;         // the reverted hash (first 7 digits) or header
    std::string hash;        // the full reverted hash when matching by hash
    std::size_t target = SIZE_MAX;
};

bool hashes_agree(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    return n >= 7 && a.substr(0, n) == b.substr(0, n);
}

// Marks revert pairs found in the list: both commits of each pair in `cancelled`.
void cancel_revert_pairs(const std::vector<std::string_view>& messages, bool cancel, std::vector<bool>& cancelled,
                         std::vector<bool>& is_revert) {
    bool has_hashes = false;
    std::vector<PendingRevert> reverts;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const CommitRecord rec = read_commit_record(messages[i]);
        has_hashes = has_hashes || !rec.hash.empty();
        if (rec.merge) continue;
        if (auto r = revert_of(rec.message)) {
            is_revert[i] = true;
            reverts.push_back(PendingRevert{i, std::move(r->header), std::move(r->hash)});
        }
    }
    if (reverts.empty() || !cancel) return;
    for (PendingRevert& r : reverts) {
        if (has_hashes && !r.hash.empty()) r.key = "#" + r.hash.substr(0, 7);
    }
    std::vector<std::size_t> order(reverts.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return reverts[a].key != reverts[b].key ? reverts[a].key < reverts[b].key : a < b;
    });
    const auto claim = [&](const std::string& key, std::size_t j, std::string_view hash) {
        auto lo = std::lower_bound(order.begin(), order.end(), key, [&](std::size_t k, const std::string& v) { return reverts[k].key < v; });
        for (; lo != order.end() && reverts[*lo].key == key; ++lo) {
            PendingRevert& r = reverts[*lo];
            if (r.target != SIZE_MAX || r.index == j || (!hash.empty() && !hashes_agree(hash, r.hash))) continue;
            r.target = j;
            return;
        }
    };
    for (std::size_t j = 0; j < messages.size(); ++j) {
        const CommitRecord rec = read_commit_record(messages[j]);
        if (rec.merge) continue;
        if (!rec.hash.empty() && rec.hash.size() >= 7) claim("#" + std::string(rec.hash.substr(0, 7)), j, rec.hash);
        std::string_view header = commit_summary(rec.message);
        while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) header.remove_suffix(1);
        claim(std::string(header), j, {});
    }
    // Newest first (git log order): a revert of a revert cancels that revert, which then cancels nothing.
    for (const PendingRevert& r : reverts) {
        if (cancelled[r.index] || r.target == SIZE_MAX || cancelled[r.target]) continue;
        cancelled[r.index] = true;
        cancelled[r.target] = true;
    }
}

Result<NextVersion> check_line(NextVersion out, const NextVersionOptions& options) {
    if (!options.line || !out.version || line_holds(*options.line, *out.version)) return out;
    const CommitImpact* why = out.release_as ? &*out.release_as : out.reasons.empty() ? nullptr : &out.reasons.front();
    std::string message = "the next version " + out.version->normalized() + " is outside release line " +
                          to_string(*options.line);
    if (why) message += " (commit " + std::to_string(why->index + 1) + ": " + why->summary + " [" +
                        (out.release_as ? "Release-As " + why->release_as : why->why) + "])";
    message += "; make this release from a newer line, or revert the change on this line";
    return make_error(std::move(message), Error::npos, ErrorKind::out_of_range);
}

}  // namespace

Bump pre_major_bump(Bump requested, const Version& current, const PreMajorRules& rules) {
    if (current.major() != 0) return requested;
    if (requested == Bump::minor && rules.feat_is_patch) return Bump::patch;
    if (requested == Bump::major && rules.breaking_is_minor) return Bump::minor;
    return requested;
}

Result<Version> bump_version(const Version& current, Bump bump, std::string_view preid, const PreMajorRules& rules) {
    const IncType plain = bump == Bump::major ? IncType::major : bump == Bump::minor ? IncType::minor : IncType::patch;
    if (preid.empty()) return inc(current, plain);
    IncOptions io;
    io.identifier = preid;
    const bool line_covers = current.is_prerelease() && release_size(current, rules) >= bump;
    const IncType pre = line_covers             ? IncType::prerelease
                        : plain == IncType::major ? IncType::premajor
                        : plain == IncType::minor ? IncType::preminor
                                                  : IncType::prepatch;
    return inc(current, pre, io);
}

namespace {

// The commits of squash merges, each part with the index of the piece it came from; a piece's hash
// line stays with its first part.
struct SquashParts {
    std::vector<std::string> text;
    std::vector<std::string_view> views;
    std::vector<std::size_t> origin;
};

SquashParts split_squashes(const std::vector<std::string_view>& pieces) {
    SquashParts out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const CommitRecord rec = read_commit_record(pieces[i]);
        std::vector<std::string> parts = rec.merge ? std::vector<std::string>{std::string(rec.message)}
                                                   : split_squash_message(rec.message);
        const std::string_view hash_line = pieces[i].substr(0, pieces[i].size() - rec.message.size());
        for (std::size_t k = 0; k < parts.size(); ++k) {
            out.text.push_back(k == 0 ? std::string(hash_line) + parts[k] : std::move(parts[k]));
            out.origin.push_back(i);
        }
    }
    out.views.assign(out.text.begin(), out.text.end());
    return out;
}

}  // namespace

Result<NextVersion> next_version(const Version& current, const std::vector<std::string_view>& pieces,
                                 const NextVersionOptions& options) {
    SquashParts squash;
    if (options.split_squash) squash = split_squashes(pieces);
    const std::vector<std::string_view>& messages = options.split_squash ? squash.views : pieces;
    const auto origin = [&](std::size_t i) { return options.split_squash ? squash.origin[i] : i; };
    const Classifier classifier{options.rules, options.pre_major, current.major() == 0};
    std::vector<bool> cancelled(messages.size()), is_revert(messages.size());
    cancel_revert_pairs(messages, options.cancel_revert_pairs, cancelled, is_revert);
    NextVersion out;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const CommitRecord rec = read_commit_record(messages[i]);
        CommitImpact impact;
        if (rec.merge) {
            ++out.merges;
            impact = CommitImpact{i, std::string(rec.hash), std::string(commit_summary(rec.message)), Bump::none, "merge commit", {}};
        } else if (cancelled[i]) {
            ++out.cancelled;
            impact = CommitImpact{i, std::string(rec.hash), std::string(commit_summary(rec.message)), Bump::none,
                                  is_revert[i] ? "revert of a commit in the range (both dropped)" : "reverted in the range", {}};
        } else {
            impact = classifier.classify(i, rec, is_revert[i]);
        }
        impact.index = origin(i);
        ++out.counts[static_cast<std::size_t>(impact.bump)];
        if (impact.bump > out.bump) {
            out.bump = impact.bump;
            out.reasons.clear();
            out.reasons_total = 0;
        }
        if (impact.bump == out.bump && out.bump != Bump::none) {
            ++out.reasons_total;
            if (out.reasons.size() < options.max_reasons) out.reasons.push_back(impact);
        }
        if (!impact.release_as.empty() && !out.release_as) {
            // Only a version above the current one can be released; others are ignored.
            auto forced = Version::parse(impact.release_as);
            if (forced.ok() && compare(*forced, current) > 0) out.release_as = impact;
        }
        if (options.keep_commits) out.commits.push_back(std::move(impact));
    }
    if (out.release_as) {  // release-please's Release-As footer: the newest one names the version
        out.version = *Version::parse(out.release_as->release_as);
        return check_line(std::move(out), options);
    }
    if (out.bump == Bump::none) return out;
    auto next = bump_version(current, out.bump, options.preid, options.pre_major);
    if (!next.ok()) return next.error();
    out.version = std::move(*next);
    return check_line(std::move(out), options);
}

}  // namespace relplan

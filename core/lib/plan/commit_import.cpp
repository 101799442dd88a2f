#include "plan/commit_import.hpp"

#include "version/commits.hpp"

#include "base/utf8.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <set>

namespace relplan {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct TypeInfo {
    ChangeCategory category;
    Audience audience;
};

std::optional<TypeInfo> type_info(std::string_view type) {
    if (type == "feat" || type == "feature") return TypeInfo{ChangeCategory::new_feature, Audience::technical};
    if (type == "fix" || type == "bugfix") return TypeInfo{ChangeCategory::bug_fix, Audience::technical};
    if (type == "perf") return TypeInfo{ChangeCategory::performance, Audience::technical};
    if (type == "security" || type == "sec") return TypeInfo{ChangeCategory::security, Audience::technical};
    if (type == "deprecate" || type == "deprecation") return TypeInfo{ChangeCategory::deprecation, Audience::technical};
    if (type == "revert") return TypeInfo{ChangeCategory::improvement, Audience::technical};
    for (const std::string_view internal : {"docs", "chore", "refactor", "test", "tests", "build", "ci", "style"}) {
        if (type == internal) return TypeInfo{ChangeCategory::improvement, Audience::internal};
    }
    return std::nullopt;
}

// Moves a trailing "(#123)" of a header description into ref_id.
void take_pr_number(std::string& description, Change& change) {
    const std::string_view s = description;
    if (s.size() < 5 || s.back() != ')') return;
    const std::size_t open = s.rfind(" (#");
    if (open == std::string_view::npos) return;
    const std::string_view number = s.substr(open + 3, s.size() - open - 4);
    if (number.empty() || !std::all_of(number.begin(), number.end(), is_digit)) return;
    change.ref_id = "#" + std::string(number);
    description.resize(open);
}

std::string note_prefix(std::size_t index) { return "commit " + std::to_string(index) + ": "; }

}  // namespace

CommitChanges changes_from_commits(std::string_view log) {
    CommitChanges out;
    std::size_t index = 0;
    for (const std::string_view piece : split_commit_log(log)) {
        const std::string_view raw = read_commit_record(piece).message;
        if (trim(raw).empty()) continue;
        ++index;
        const auto note = [&](std::string message) {
            out.notes.push_back(Diagnostic{"", note_prefix(index) + message, 0, 0});
        };
        std::string text;
        if (utf8::first_invalid(raw) != std::string_view::npos) {
            text = utf8::sanitize(raw);
            note("invalid UTF-8 replaced by U+FFFD");
        } else {
            text = std::string(raw);
        }
        const std::string_view message = trim(text);
        const std::string_view subject = trim(commit_summary(message));
        const std::string shown = utf8::sanitize(subject.substr(0, 60));

        if (starts_with(subject, "Merge ")) {
            note("merge commit skipped: " + shown);
            continue;
        }
        if (starts_with(subject, "fixup! ") || starts_with(subject, "squash! ") || starts_with(subject, "amend! ")) {
            note("fixup commit skipped: " + shown);
            continue;
        }

        Change change;
        std::string description;
        const auto commit = parse_conventional_commit(message);
        if (commit) {
            const auto info = type_info(commit->type);
            if (!info) note("unknown commit type \"" + commit->type + "\"; imported as an improvement");
            change.category = info ? info->category : ChangeCategory::improvement;
            change.audience = info ? info->audience : Audience::technical;
            change.scope = commit->scope;
            description = commit->description;
            for (const CommitFooter& footer : commit->footers) {
                const std::string token = lower(footer.token);
                if (token == "breaking change" || token == "breaking-change") {
                    // Every breaking footer is kept: a commit may list several.
                    change.impact += (change.impact.empty() ? "" : "\n\n") + footer.value;
                } else if (change.ref_id.empty() && (token == "closes" || token == "fixes" || token == "refs" ||
                                                     token == "resolves" || token == "ref")) {
                    std::string ref(trim(footer.value.substr(0, footer.value.find_first_of(", \n"))));
                    if (!ref.empty() && std::all_of(ref.begin(), ref.end(), is_digit)) ref = "#" + ref;
                    change.ref_id = ref;
                }
            }
            if (commit->breaking) change.category = ChangeCategory::breaking_change;
        } else {
            note("not a Conventional Commit; imported as an improvement: " + shown);
            description = std::string(subject);
        }
        take_pr_number(description, change);
        change.description = description;
        out.changes.push_back(std::move(change));
    }
    return out;
}

Result<CommitImport> import_commits(const Plan& base, std::string_view release, std::string_view log) {
    if (log.size() > max_commit_log_bytes) {
        return make_error("the commit log is " + std::to_string(log.size()) + " bytes; at most " +
                          std::to_string(max_commit_log_bytes >> 20) + " MiB are read");
    }
    CommitImport result{base, {}};
    Plan& plan = result.plan;
    auto it = std::find_if(plan.releases.begin(), plan.releases.end(),
                           [&](const Release& r) { return r.version == release; });
    if (it == plan.releases.end()) {
        it = std::find_if(plan.releases.begin(), plan.releases.end(), [&](const Release& r) { return r.id == release; });
    }
    CommitChanges parsed = changes_from_commits(log);
    result.notes = std::move(parsed.notes);

    if (it == plan.releases.end()) {
        if (!versions::is_semver(release)) {
            return make_error("\"" + utf8::sanitize(release) +
                              "\" is neither a release of the plan nor a valid semantic version");
        }
        Release r;
        r.id = std::string(release);
        for (int n = 2; find_release(plan, r.id) != nullptr; ++n) r.id = std::string(release) + "-" + std::to_string(n);
        r.version = std::string(release);
        r.status = ReleaseStatus::planning;
        const auto has = [&](ChangeCategory c) {
            return std::any_of(parsed.changes.begin(), parsed.changes.end(), [&](const Change& x) { return x.category == c; });
        };
        r.type = has(ChangeCategory::breaking_change) ? ReleaseType::major
                 : has(ChangeCategory::new_feature)   ? ReleaseType::minor
                                                      : ReleaseType::patch;
        plan.releases.push_back(std::move(r));
        it = plan.releases.end() - 1;
        result.notes.push_back(Diagnostic{"", "added a planning release " + std::string(release), 0, 0});
    } else if (it->status == ReleaseStatus::released || it->status == ReleaseStatus::rolled_back ||
               it->status == ReleaseStatus::cancelled) {
        return make_error("release " + utf8::sanitize(release) + " is " + std::string(to_string(it->status)) +
                          "; commits can only be added to a release that is still planned");
    }

    // Only ids and keys that exist before the import are kept in sets: new ids count up and cannot
    // collide with each other, so memory beyond the changes stays bounded by the plan, not the log.
    std::set<std::string> ids;
    for (const Release& r : plan.releases) {
        for (const Change& c : r.changes) ids.insert(c.id);
    }
    Release& target = *it;
    std::size_t next = target.changes.size() + 1;
    std::size_t skipped = 0;
    // A change already in the release (same category, scope and description) is not added again;
    // two commits of this log with the same subject stay two changes.
    const auto key = [](const Change& c) {
        return std::to_string(static_cast<int>(c.category)) + '\x1f' + c.scope + '\x1f' + c.description;
    };
    std::set<std::string> known_keys;
    for (const Change& c : target.changes) known_keys.insert(key(c));
    target.changes.reserve(target.changes.size() + parsed.changes.size());
    for (Change& change : parsed.changes) {
        if (!known_keys.empty() && known_keys.count(key(change)) != 0) {
            ++skipped;
            continue;
        }
        do {
            change.id = target.id + ":" + std::to_string(next++);
        } while (ids.count(change.id) != 0);
        target.changes.push_back(std::move(change));
    }
    if (skipped > 0) {
        result.notes.push_back(Diagnostic{"", std::to_string(skipped) + " change(s) already in the release were not added again", 0, 0});
    }
    return result;
}

}  // namespace relplan

#include "plan/commit_import.hpp"

#include "base/ascii.hpp"

#include "plan/change_audience.hpp"

#include "version/commits.hpp"

#include "base/utf8.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <set>
#include <variant>

namespace relplan {
namespace {

using ascii::is_digit;
using ascii::trim;

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
    // User-facing kinds get their category's default audience (plan/change_audience.hpp).
    const auto user_facing = [](ChangeCategory c) { return TypeInfo{c, default_audience(c)}; };
    if (type == "feat" || type == "feature") return user_facing(ChangeCategory::new_feature);
    if (type == "fix" || type == "bugfix") return user_facing(ChangeCategory::bug_fix);
    if (type == "perf") return user_facing(ChangeCategory::performance);
    if (type == "security" || type == "sec") return user_facing(ChangeCategory::security);
    if (type == "deprecate" || type == "deprecation") return user_facing(ChangeCategory::deprecation);
    if (type == "revert") return TypeInfo{ChangeCategory::improvement, Audience::technical};
    for (const std::string_view internal : {"docs", "chore", "refactor", "test", "tests", "build", "ci", "style"}) {
        if (type == internal) return TypeInfo{ChangeCategory::improvement, Audience::internal};
    }
    return std::nullopt;
}

// Moves a trailing pull request reference "(#N)" of a header description into ref_id.
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

// The first max_commit_notes notes, then a count of the rest; summaries (not per commit) always stay.
class NoteList {
public:
    std::function<void(Diagnostic&&)> sink() {
        return [this](Diagnostic&& d) {
            if (notes_.size() < max_commit_notes) {
                notes_.push_back(std::move(d));
            } else {
                ++dropped_;
            }
        };
    }
    void add_summary(std::string message) { summaries_.push_back(Diagnostic{"", std::move(message), 0, 0}); }

    std::vector<Diagnostic> finish() {
        if (dropped_ > 0) {
            notes_.push_back(Diagnostic{"", "... and " + std::to_string(dropped_) + " more commit notes", 0, 0});
        }
        for (Diagnostic& d : summaries_) notes_.push_back(std::move(d));
        return std::move(notes_);
    }

private:
    std::vector<Diagnostic> notes_;
    std::vector<Diagnostic> summaries_;
    std::size_t dropped_ = 0;
};

}  // namespace

void for_each_commit_change(std::string_view log, const std::function<bool(Change&&)>& on_change,
                            const std::function<void(Diagnostic&&)>& on_note) {
    std::size_t index = 0;
    // The pieces of split_commit_log, walked without its list of millions of views: a trailing piece
    // that is only whitespace, which it drops, is skipped below as an empty message anyway.
    for (std::size_t start = 0; start <= log.size();) {
        std::size_t nul = log.find('\0', start);
        if (nul == std::string_view::npos) nul = log.size();
        const std::string_view piece = log.substr(start, nul - start);
        start = nul + 1;
        const std::string_view raw = read_commit_record(piece).message;
        if (trim(raw).empty()) continue;
        ++index;
        const auto note = [&](std::string message) { on_note(Diagnostic{"", note_prefix(index) + message, 0, 0}); };
        std::string text;
        if (utf8::first_invalid(raw) != std::string_view::npos) {
            text = utf8::sanitize(raw);
            note("invalid UTF-8 replaced by U+FFFD");
        } else {
            text = std::string(raw);
        }
        const std::string_view message = trim(text);
        const std::string_view subject = trim(commit_summary(message));
        const auto shown = [&] { return utf8::sanitize(subject.substr(0, 60)); };

        if (starts_with(subject, "Merge ")) {
            note("merge commit skipped: " + shown());
            continue;
        }
        if (starts_with(subject, "fixup! ") || starts_with(subject, "squash! ") || starts_with(subject, "amend! ")) {
            note("fixup commit skipped: " + shown());
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
            if (commit->breaking) {
                change.category = ChangeCategory::breaking_change;
                change.audience = default_audience(change.category);
            }
        } else {
            note("not a Conventional Commit; imported as an improvement: " + shown());
            description = std::string(subject);
        }
        take_pr_number(description, change);
        change.description = std::move(description);
        if (!on_change(std::move(change))) return;
    }
}

CommitChanges changes_from_commits(std::string_view log) {
    CommitChanges out;
    NoteList notes;
    for_each_commit_change(
        log,
        [&](Change&& c) {
            out.changes.push_back(std::move(c));
            return true;
        },
        notes.sink());
    out.notes = notes.finish();
    return out;
}

namespace {

// The release the changes go to: found by version, else by id, else added as a planning release
// (whose type takes a first pass over the log). `added` says which.
Result<std::size_t> target_release(Plan& plan, std::string_view release, std::string_view log, bool& added) {
    added = false;
    const auto at = [&](auto&& match) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < plan.releases.size(); ++i) {
            if (match(plan.releases[i])) return i;
        }
        return std::nullopt;
    };
    auto index = at([&](const Release& r) { return r.version == release; });
    if (!index) index = at([&](const Release& r) { return r.id == release; });
    if (index) {
        const Release& r = plan.releases[*index];
        if (r.status == ReleaseStatus::released || r.status == ReleaseStatus::rolled_back ||
            r.status == ReleaseStatus::cancelled) {
            return make_error("release " + utf8::sanitize(release) + " is " + std::string(to_string(r.status)) +
                              "; commits can only be added to a release that is still planned");
        }
        return *index;
    }
    if (!versions::is_semver(release)) {
        return make_error("\"" + utf8::sanitize(release) + "\" is neither a release of the plan nor a valid semantic version");
    }
    bool breaking = false;
    bool feature = false;
    for_each_commit_change(
        log,
        [&](Change&& c) {
            breaking = breaking || c.category == ChangeCategory::breaking_change;
            feature = feature || c.category == ChangeCategory::new_feature;
            return !breaking;
        },
        [](Diagnostic&&) {});
    Release r;
    r.id = std::string(release);
    for (int n = 2; find_release(plan, r.id) != nullptr; ++n) r.id = std::string(release) + "-" + std::to_string(n);
    r.version = std::string(release);
    r.status = ReleaseStatus::planning;
    r.type = breaking ? ReleaseType::major : feature ? ReleaseType::minor : ReleaseType::patch;
    plan.releases.push_back(std::move(r));
    added = true;
    return plan.releases.size() - 1;
}

// Ids for the imported changes and the duplicates they must not repeat. Only ids and keys that exist
// before the import are kept: new ids count up and cannot collide with each other, so memory stays
// bounded by the plan, not the log.
class ChangeAdmission {
public:
    ChangeAdmission(const Plan& plan, std::size_t target) : release_id_(plan.releases[target].id) {
        for (const Release& r : plan.releases) {
            for (const Change& c : r.changes) ids_.insert(c.id);
        }
        for (const Change& c : plan.releases[target].changes) known_keys_.insert(key(c));
        next_ = plan.releases[target].changes.size() + 1;
    }

    // false for a change already in the release (same category, scope and description); two
    // commits of the log with the same subject stay two changes. Otherwise gives `change` its id.
    bool admit(Change& change) {
        if (!known_keys_.empty() && known_keys_.count(key(change)) != 0) {
            ++skipped_;
            return false;
        }
        do {
            change.id = release_id_ + ":" + std::to_string(next_++);
        } while (ids_.count(change.id) != 0);
        return true;
    }

    void finish(NoteList& notes) const {
        if (skipped_ > 0) {
            notes.add_summary(std::to_string(skipped_) + " change(s) already in the release were not added again");
        }
    }

private:
    static std::string key(const Change& c) {
        return std::to_string(static_cast<int>(c.category)) + '\x1f' + c.scope + '\x1f' + c.description;
    }

    std::string release_id_;
    std::set<std::string> ids_;
    std::set<std::string> known_keys_;
    std::size_t next_ = 1;
    std::size_t skipped_ = 0;
};

Result<std::monostate> check_log_size(std::string_view log) {
    if (log.size() > max_commit_log_bytes) {
        return make_error("the commit log is " + std::to_string(log.size()) + " bytes; at most " +
                          std::to_string(max_commit_log_bytes >> 20) + " MiB are read");
    }
    return std::monostate{};
}

}  // namespace

Result<CommitImport> import_commits(const Plan& base, std::string_view release, std::string_view log) {
    if (auto size = check_log_size(log); !size) return size.error();
    CommitImport result{base, {}};
    Plan& plan = result.plan;
    bool added = false;
    const auto target = target_release(plan, release, log, added);
    if (!target) return target.error();
    NoteList notes;
    ChangeAdmission admission(plan, *target);
    std::vector<Change>& changes = plan.releases[*target].changes;
    for_each_commit_change(
        log,
        [&](Change&& c) {
            if (admission.admit(c)) changes.push_back(std::move(c));
            return true;
        },
        notes.sink());
    if (added) notes.add_summary("added a planning release " + std::string(release));
    admission.finish(notes);
    result.notes = notes.finish();
    return result;
}

Result<CommitImportJson> import_commits_json(Plan base, std::string_view release, std::string_view log,
                                             const CommitImportOptions& options) {
    if (auto size = check_log_size(log); !size) return size.error();
    bool added = false;
    const auto target = target_release(base, release, log, added);
    if (!target) return target.error();
    NoteList notes;
    ChangeAdmission admission(base, *target);
    CommitImportJson result;
    std::size_t imported = 0;
    std::uint64_t written = 0;
    bool over = false;
    const auto sink = [&](std::string_view piece) {
        written += piece.size();
        over = over || written > options.max_output;
        if (!over) result.json.emplace_back(piece);
    };
    AppendedChanges appended{*target, [&](const std::function<void(const Change&)>& emit) {
        for_each_commit_change(
            log,
            [&](Change&& c) {
                if (!admission.admit(c)) return true;
                c.added_on = options.added_on;
                emit(c);
                ++imported;
                return !over;
            },
            notes.sink());
    }};
    write_json(base, sink, &appended);
    if (over) {
        return make_error("the plan with the imported commits would be larger than the " +
                          std::to_string(options.max_output >> 20) + " MiB plan limit (after " +
                          std::to_string(imported) + " commits); import a shorter range of commits");
    }
    if (added) notes.add_summary("added a planning release " + std::string(release));
    admission.finish(notes);
    result.notes = notes.finish();
    return result;
}

}  // namespace relplan

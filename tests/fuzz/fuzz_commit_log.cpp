// libFuzzer target: commit logs as `import commits` and `next-version` read them (and the app's
// git-log dialog and version calculator, through split_pasted_commits, for every form people
// paste): the -z splitter, hash lines, reverts, squash splitting, the import into a plan and the
// next version.
// Invariants: no crash; the pieces are the text between NULs, in order, and the pasted-text
// splitter gives the same pieces when there are NULs and, without, messages made of the text's
// own lines; a hash is 7 to 40 hex
// digits; every imported change has a description and lands in the release asked for; the
// streaming import (the CLI's) writes exactly to_json of the in-memory import (the app's), which
// loads back to the same plan; a new release's type follows its commits; next-version's answer
// does not depend on how many reasons and commits it is asked to keep, and is above the current.
#include "plan/commit_import.hpp"
#include "plan/plan_json.hpp"
#include "version/commits.hpp"
#include "version/next_version.hpp"
#include "version/pasted_commits.hpp"
#include "version/squash.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace relplan;

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

const Plan& base_plan() {
    static const Plan plan = [] {
        const PlanLoad loaded = load_plan(
            R"({"format":{"name":"relplan","version":1},"project":{"name":"Fuzz"},"releases":[)"
            R"({"id":"r1","version":"1.2.0","type":"minor","status":"planning","changes":[)"
            R"({"id":"r1:1","category":"new-feature","description":"add x"},)"
            R"({"id":"r1:2","category":"bug-fix","scope":"api","description":"fix y"}]},)"
            R"({"id":"old","version":"1.1.0","type":"minor","status":"released"}]})");
        require(loaded.ok());
        return *loaded.plan;
    }();
    return plan;
}

// The pieces are the text between NULs, with a final piece of only line ends and spaces dropped.
void check_split(std::string_view log, const std::vector<std::string_view>& pieces) {
    std::size_t at = 0;
    for (std::string_view piece : pieces) {
        require(log.substr(at, piece.size()) == piece && piece.find('\0') == std::string_view::npos);
        at += piece.size();
        require(at == log.size() || log[at] == '\0');
        ++at;
    }
    const std::string_view rest = at >= log.size() ? std::string_view() : log.substr(at);
    require(rest.find_first_not_of("\n\r ") == std::string_view::npos);
}

void check_pasted(std::string_view log, const std::vector<std::string_view>& pieces) {
    const std::vector<std::string> pasted = split_pasted_commits(log);
    if (log.find('\0') != std::string_view::npos) {
        require(pasted.size() == pieces.size());
        for (std::size_t i = 0; i < pieces.size(); ++i) require(pasted[i] == pieces[i]);
        return;
    }
    std::size_t total = 0;
    for (const std::string& m : pasted) {
        require(m.find('\r') == std::string::npos);
        total += m.size();
    }
    // Messages are pieces of the text's lines (with at most a blank line put between paragraphs).
    require(total <= 2 * log.size());
}

void check_piece(std::string_view piece) {
    const CommitRecord record = read_commit_record(piece);
    require(piece.size() >= record.message.size() &&
            piece.substr(piece.size() - record.message.size()) == record.message);
    if (!record.hash.empty()) {
        require(record.hash.size() >= 7 && record.hash.size() <= 40 &&
                record.hash.find_first_not_of("0123456789abcdef") == std::string_view::npos);
    }
    const auto commit = parse_conventional_commit(record.message);
    if (commit) require(!commit->type.empty() && !commit->description.empty());
    else require(!commit.error().message.empty());
    revert_of(record.message);
    require(!split_squash_message(record.message).empty());
}

void check_import(std::string_view log, std::string_view release) {
    const Plan& base = base_plan();
    const auto imported = import_commits(base, release, log);
    const auto streamed = import_commits_json(base, release, log);
    require(imported.ok() == streamed.ok());
    if (!imported) return;
    std::string json;
    for (const std::string& piece : streamed->json) json += piece;
    require(json == to_json(imported->plan));
    const PlanLoad again = load_plan(json);
    require(again.plan && *again.plan == imported->plan);
    require(imported->notes.size() <= max_commit_notes + 3);

    const Plan& plan = imported->plan;
    const bool added = plan.releases.size() > base.releases.size();
    const Release& target = added ? plan.releases.back() : plan.releases.front();
    const std::size_t before = added ? 0 : base.releases.front().changes.size();
    bool breaking = false, feature = false;
    for (std::size_t i = before; i < target.changes.size(); ++i) {
        const Change& c = target.changes[i];
        require(!c.description.empty() && !c.id.empty());
        breaking = breaking || c.category == ChangeCategory::breaking_change;
        feature = feature || c.category == ChangeCategory::new_feature;
    }
    if (added) {
        require(target.version == release);
        require((target.type == ReleaseType::major) == breaking);
        if (!breaking) require((target.type == ReleaseType::minor) == feature);
    }
}

void check_next_version(const std::vector<std::string_view>& pieces) {
    for (const char* current : {"1.2.3", "0.3.0", "2.0.0-rc.1"}) {
        const Version v = *Version::parse(current);
        for (const bool squash : {false, true}) {
            NextVersionOptions full{"rc"};
            full.split_squash = squash;
            NextVersionOptions lean = full;
            lean.keep_commits = false;
            lean.max_reasons = 2;
            lean.cancel_revert_pairs = squash;
            full.cancel_revert_pairs = squash;
            const auto a = next_version(v, pieces, full);
            const auto b = next_version(v, pieces, lean);
            require(a.ok() && b.ok());
            require(a->version == b->version && a->bump == b->bump && a->reasons_total == b->reasons_total);
            require(b->reasons.size() <= 2 && b->commits.empty());
            if (a->version) require(compare(*a->version, v) > 0);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view log(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string_view> pieces = split_commit_log(log);
    check_split(log, pieces);
    check_pasted(log, pieces);
    for (std::size_t i = 0; i < pieces.size() && i < 64; ++i) check_piece(pieces[i]);
    const auto warning = commit_log_warning(log);
    if (warning) require(log.find('\0') == std::string_view::npos);
    check_import(log, "r1");
    check_import(log, "2.0.0");
    check_next_version(pieces);
    return 0;
}

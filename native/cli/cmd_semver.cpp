// `relplan semver ...`, `relplan calver next` and `relplan next-version`: thin shells over the
// core's version engine. Exit codes: 0 success; 1 a "no"/"none" answer or invalid input, as each
// command's help says; 2 usage errors. --json prints each answer as an object (docs/cli.md).
#include "commands.hpp"
#include "cli_options.hpp"
#include "common/file_io.hpp"

#include "base/json_doc.hpp"
#include "base/text.hpp"

#include "plan/version_suggestion.hpp"
#include "version/calver.hpp"
#include "version/commits.hpp"
#include "version/next_version.hpp"
#include "version/range.hpp"
#include "version/semver.hpp"
#include "version/semver_sort.hpp"

#include <algorithm>
#include <chrono>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::cli {

namespace {

constexpr std::string_view kSemverHelp =
    "usage: relplan semver COMMAND [--loose] [--include-prerelease] ARGS\n"
    "\n"
    "Versions and ranges with npm node-semver's exact semantics.\n"
    "\n"
    "  valid V                 print V normalized (\"v1.2.3\" -> 1.2.3); exit 1 if invalid\n"
    "  compare A B             print -1, 0 or 1 (precedence; build metadata ignored); exit 1 if invalid\n"
    "  diff A B                print the release type between A and B (major, premajor, minor,\n"
    "                          preminor, patch, prepatch, prerelease), nothing when equal\n"
    "  sort [--reverse]        read versions one per line on stdin (blank lines skipped), print them\n"
    "                          ascending by precedence, then build metadata; exit 1 on an invalid line\n"
    "  bump V TYPE [--preid ID] [--preid-base 0|1|none]\n"
    "                          TYPE is major, minor, patch, premajor, preminor, prepatch, prerelease,\n"
    "                          release or pre; print the bumped version; exit 1 if impossible\n"
    "  satisfies V RANGE       print true (exit 0) or false (exit 1); exit 1 also if V or RANGE is\n"
    "                          invalid (with a message on stderr and nothing on stdout)\n"
    "  max-satisfying RANGE    read versions on stdin, print the highest that satisfies RANGE;\n"
    "                          exit 1 if none or if RANGE is invalid\n"
    "\n"
    "  --loose                 accept \"=v1.2.3\", \"1.2.3beta\", leading zeros\n"
    "  --include-prerelease    let ranges match any pre-release\n"
    "  --json                  the answer as an object: {version}, {result}, {diff}, {versions},\n"
    "                          {satisfies}; null for \"none\" (docs/cli.md)\n"
    "  -q, --quiet             print nothing; the exit code is the answer\n"
    "  exit 2 on a usage error (unknown option, missing argument)\n";

constexpr std::string_view kCalverHelp =
    "usage: relplan calver next SCHEME [--current V] [--date YYYY-MM-DD] [--modifier TAG]\n"
    "\n"
    "Print the next calendar version of SCHEME (e.g. YY.0M.MICRO, YYYY.MM.DD, YYYY.0W.MICRO-MODIFIER)\n"
    "for a release on --date (default: today, UTC). Tokens: YYYY YY 0Y MM 0M WW 0W DD 0D MAJOR MINOR\n"
    "MICRO MODIFIER, separated by '.', '-' or '_'. In the period of --current the lowest counter\n"
    "(MICRO, MINOR or MAJOR) goes up; in a new period it resets to 0. --current may carry a tag's\n"
    "'v' (v2024.06.1). --json prints {\"version\": ...}. Exit 1 on an invalid scheme or --current,\n"
    "2 on a usage error (including a --date that is not a date).\n";

constexpr std::string_view kNextVersionHelp =
    "usage: relplan next-version --current V [--pre ID] [--policy P] [--release-rule TYPE[(SCOPE)]=BUMP]...\n"
    "                            [--line L] [--split-squash]\n"
    "       relplan next-version --plan FILE --release V [--base ID] [--pre ID] [--json]\n"
    "\n"
    "Read commit messages from stdin separated by NUL bytes, as `git log -z --format=%B A..B`\n"
    "prints them (or `git log -z --format='%H %P%n%B' A..B`, which adds hashes and parents), and print\n"
    "the next version after V by Conventional Commits: breaking -> major, feat -> minor, fix/perf and\n"
    "reverts -> patch. A revert and the commit it reverts cancel out when both are in the range (by\n"
    "hash when given, else by header); merge commits are skipped. With --pre (or --preid) the result\n"
    "is a pre-release (1.3.0-rc.1 + fix -> 1.3.0-rc.2). Prints nothing when no commit warrants a\n"
    "release; the deciding commits go to stderr. V may be a tag (v1.2.3). --json prints {current,\n"
    "version, bump, commits, merges_skipped, cancelled, reasons_total, release_as, reasons} instead\n"
    "(version null: no release). Exit 0 with or without a release, 1 on invalid input, 2 on a usage\n"
    "error.\n"
    "\n"
    "  --plan FILE --release V  instead of commits, the release's changes in the plan decide, as the\n"
    "                        app's release editor suggests: counted from the latest earlier release on\n"
    "                        its line (--base ID: another one), with the plan's versioning rules; CalVer\n"
    "                        releases get the next version of their scheme for their release date.\n"
    "                        --json prints {release, base, version, bump, why}\n"
    "  --line L              the release line the release is made on (1.x, 1.4.x): a version outside\n"
    "                        it is an error naming the commit that asked for it (exit 1)\n"
    "  --split-squash        read squash merges listing several conventional commits as those commits\n"
    "                        (release-please: BEGIN_COMMIT_OVERRIDE, BEGIN_NESTED_COMMIT, headers in the body)\n"
    "  --keep-reverted       count a revert and the commit it reverts even when both are in the range\n"
    "                        (what semantic-release and release-please do in practice)\n"
    "  --release-rule R      e.g. build(deps)=patch, docs(readme)=patch, chore=none (repeatable;\n"
    "                        like commit-analyzer's releaseRules; never lowers a breaking change)\n"
    "  --policy P            pre-1.0 rules: relplan (default: breaking -> minor, feat -> patch below\n"
    "                        1.0.0) or semantic-release | release-please | git-cliff (0.x like 1.x)\n"
    "  --bump-minor-pre-major             release-please: breaking -> minor below 1.0.0\n"
    "  --bump-patch-for-minor-pre-major   release-please: feat -> patch below 1.0.0\n"
    "  --breaking-always-bump-major B     git-cliff (true|false); false = breaking -> minor below 1.0.0\n"
    "  --features-always-bump-minor B     git-cliff (true|false); false = feat -> patch below 1.0.0\n";

constexpr std::uint64_t kMaxInput = std::uint64_t{1} << 30;

using Parsed = Options;

// The options of one command; a usage problem is reported here (nullopt).
std::optional<Options> parse_args(const Args& args, std::initializer_list<std::string_view> value_flags,
                                  std::initializer_list<std::string_view> switch_flags, std::ostream& err) {
    Options o(args, value_flags, switch_flags);
    if (!o.problem().empty()) {
        err << "relplan: " << clean_text(o.problem()) << "\n";
        return std::nullopt;
    }
    return o;
}

// {"key": value} and a line feed: the --json form of a one-value answer.
std::string json_answer(std::string_view key, const std::optional<std::string>& value) {
    json::Writer w;
    w.begin_object();
    w.key(key);
    if (value) w.string(*value);
    else w.null();
    w.end_object();
    return w.take() + "\n";
}

std::optional<std::string> read_all(std::istream& in, std::ostream& err) {
    auto data = native::read_input("-", in, kMaxInput);
    if (!data) {
        err << "relplan: " << clean_text(data.error().message) << "\n";
        return std::nullopt;
    }
    return std::move(*data);
}

// Prints an error of the core ("relplan: --about: message") and gives the exit code of invalid input.
int report(const Error& e, std::ostream& err, std::string_view about = {}) {
    err << "relplan: ";
    if (!about.empty()) err << about << ": ";
    err << clean_text(e.message) << "\n";
    return 1;
}

// The input's lines without their "\n" / "\r\n"; blank lines are skipped.
std::vector<std::string_view> nonblank_lines(std::string_view data) {
    std::vector<std::string_view> lines;
    LineReader reader(data);
    while (const auto line = reader.next())
        if (!js_trim(line->text).empty()) lines.push_back(line->text);
    return lines;
}

int usage(std::ostream& err, std::string_view message, std::string_view command) {
    err << "relplan: " << clean_text(message) << " (see relplan " << command << " --help)\n";
    return 2;
}

int semver_sort(const Parsed& p, const SemverOptions& o, Io io) {
    const auto data = read_all(io.in, io.err);
    if (!data) return 1;
    // Written in pieces as the sorted lines come: the output is never held whole beside the input
    // (except as JSON, which is one value).
    std::string out;
    const bool as_json = p.has("--json");
    json::Writer w;
    if (as_json) {
        w.begin_object();
        w.key("versions");
        w.begin_array();
    }
    const auto sorted = sort_version_lines(*data, o, p.has("--reverse"), [&](std::string_view line) {
        if (as_json) {
            w.string(line);
            return;
        }
        out += line;
        out += '\n';
        if (out.size() >= (64 << 10)) {
            io.out << out;
            out.clear();
        }
    });
    if (!sorted.ok()) return report(sorted.error(), io.err);
    if (as_json) {
        w.end_array();
        w.end_object();
        out = w.take() + "\n";
    }
    io.out << out;
    return 0;
}

int semver_bump(const Parsed& p, const SemverOptions& o, Io io) {
    if (p.positional().size() != 3) return usage(io.err, "bump takes a version and a release type", "semver");
    auto v = Version::parse(p.positional()[1], o);
    if (!v.ok()) return report(v.error(), io.err);
    auto type = parse_inc_type(p.positional()[2]);
    if (!type.ok()) return report(type.error(), io.err);
    const std::string preid = p.value("--preid").value_or("");
    IncOptions io_options;
    io_options.identifier = preid;
    io_options.loose = o.loose;
    if (auto base = p.value("--preid-base")) {
        if (*base == "0") io_options.base = IdentifierBase::zero;
        else if (*base == "1") io_options.base = IdentifierBase::one;
        else if (*base == "none" || *base == "false") io_options.base = IdentifierBase::none;
        else return usage(io.err, "--preid-base is 0, 1 or none", "semver");
    }
    auto r = inc(*v, *type, io_options);
    if (!r.ok()) return report(r.error(), io.err);
    io.out << (p.has("--json") ? json_answer("version", r->normalized()) : r->normalized() + "\n");
    return 0;
}

}  // namespace

int cmd_semver(const Args& args, Io io) {
    const auto parsed = parse_args(args, {"--preid", "--preid-base"},
                                   {"--reverse", "--loose", "--include-prerelease", "--json"}, io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help()) {
        io.out << kSemverHelp;
        return 0;
    }
    if (p.positional().empty()) return usage(io.err, "missing semver command", "semver");
    const SemverOptions o{p.has("--loose"), p.has("--include-prerelease")};
    const std::string& command = p.positional()[0];
    const auto nargs = p.positional().size() - 1;
    const bool as_json = p.has("--json");
    if (command == "valid") {
        if (nargs != 1) return usage(io.err, "valid takes one version", "semver");
        auto v = Version::parse(p.positional()[1], o);
        if (!v.ok()) return report(v.error(), io.err);
        io.out << (as_json ? json_answer("version", v->normalized()) : v->normalized() + "\n");
        return 0;
    }
    if (command == "compare" || command == "diff") {
        if (nargs != 2) return usage(io.err, command + " takes two versions", "semver");
        // node-semver's diff always parses strictly.
        const SemverOptions po = command == "diff" ? SemverOptions{} : o;
        auto a = Version::parse(p.positional()[1], po);
        if (!a.ok()) return report(a.error(), io.err);
        auto b = Version::parse(p.positional()[2], po);
        if (!b.ok()) return report(b.error(), io.err);
        if (command == "compare" && as_json) {
            io.out << "{\n  \"result\": " << compare(*a, *b) << "\n}\n";
        } else if (command == "compare") {
            io.out << compare(*a, *b) << "\n";
        } else {
            const auto d = diff(*a, *b);
            const std::optional<std::string> type = d ? std::optional<std::string>(to_string(*d)) : std::nullopt;
            if (as_json) io.out << json_answer("diff", type);
            else if (type) io.out << *type << "\n";
        }
        return 0;
    }
    if (command == "sort") {
        if (nargs != 0) return usage(io.err, "sort reads versions from stdin and takes no arguments", "semver");
        return semver_sort(p, o, io);
    }
    if (command == "bump") return semver_bump(p, o, io);
    if (command == "satisfies") {
        if (nargs != 2) return usage(io.err, "satisfies takes a version and a range", "semver");
        auto v = Version::parse(p.positional()[1], o);
        if (!v.ok()) return report(v.error(), io.err);
        auto r = Range::parse(p.positional()[2], o);
        if (!r.ok()) return report(r.error(), io.err);
        const bool yes = r->test(*v);
        if (as_json) io.out << "{\n  \"satisfies\": " << (yes ? "true" : "false") << "\n}\n";
        else io.out << (yes ? "true" : "false") << "\n";
        return yes ? 0 : 1;
    }
    if (command == "max-satisfying") {
        if (nargs != 1) return usage(io.err, "max-satisfying takes a range and reads versions from stdin", "semver");
        auto r = Range::parse(p.positional()[1], o);
        if (!r.ok()) return report(r.error(), io.err);
        const auto data = read_all(io.in, io.err);
        if (!data) return 1;
        const std::vector<std::string_view> texts = nonblank_lines(*data);
        const auto best = max_satisfying(texts, *r);
        const std::optional<std::string> found = best ? std::optional<std::string>(texts[*best]) : std::nullopt;
        if (as_json) io.out << json_answer("version", found);
        else if (found) io.out << *found << "\n";
        return found ? 0 : 1;
    }
    return usage(io.err, "unknown semver command '" + command + "'", "semver");
}

int cmd_calver(const Args& args, Io io) {
    const auto parsed = parse_args(args, {"--current", "--date", "--modifier"}, {"--json"}, io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help()) {
        io.out << kCalverHelp;
        return 0;
    }
    if (p.positional().empty() || p.positional()[0] != "next") {
        return usage(io.err, p.positional().empty() ? "missing calver command" : "unknown calver command '" + p.positional()[0] + "'",
                     "calver");
    }
    if (p.positional().size() != 2) return usage(io.err, "calver next takes one SCHEME", "calver");
    auto scheme = CalverScheme::parse(p.positional()[1]);
    if (!scheme.ok()) return report(scheme.error(), io.err);
    std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (auto text = p.value("--date")) {
        auto d = parse_iso_date(*text);
        if (!d.ok()) return usage(io.err, "--date: " + d.error().message, "calver");
        date = *d;
    }
    CalverNextOptions options;
    if (auto current = p.value("--current")) {
        auto v = parse_calver(version_argument(*current), *scheme);
        if (!v.ok()) return report(v.error(), io.err, "--current");
        options.current = std::move(*v);
    }
    const std::string modifier = p.value("--modifier").value_or("");
    options.modifier = modifier;
    auto next = next_calver(*scheme, date, options);
    if (!next.ok()) return report(next.error(), io.err);
    io.out << (p.has("--json") ? json_answer("version", next->to_string()) : next->to_string() + "\n");
    return 0;
}

namespace {

// The pre-1.0 rules and release rules of next-version's options; an error names the option.
Result<NextVersionOptions> next_version_options(const Parsed& p) {
    NextVersionOptions o;
    if (auto name = p.value("--policy")) {
        auto policy = pre_major_policy(*name);
        if (!policy.ok()) return make_error("--policy: " + policy.error().message);
        o.pre_major = *policy;
    }
    if (p.has("--bump-minor-pre-major")) o.pre_major.breaking_is_minor = true;
    if (p.has("--bump-patch-for-minor-pre-major")) o.pre_major.feat_is_patch = true;
    for (const auto& [flag, target] : {std::pair{std::string_view("--breaking-always-bump-major"), &o.pre_major.breaking_is_minor},
                                       std::pair{std::string_view("--features-always-bump-minor"), &o.pre_major.feat_is_patch}}) {
        const auto v = p.value(flag);
        if (!v) continue;
        if (*v != "true" && *v != "false") return make_error(std::string(flag) + " takes true or false");
        *target = *v == "false";
    }
    for (const std::string& v : p.all("--release-rule")) {
        auto rule = parse_release_rule(v);
        if (!rule.ok()) return make_error("--release-rule: " + rule.error().message);
        o.rules.push_back(std::move(*rule));
    }
    if (auto line = p.value("--line")) {
        auto range = parse_release_line(*line);
        if (!range.ok()) return make_error("--line: " + range.error().message);
        o.line = *range;
    }
    o.split_squash = p.has("--split-squash");
    o.cancel_revert_pairs = !p.has("--keep-reverted");
    o.keep_commits = false;
    o.max_reasons = 10;
    return o;
}

std::string next_version_json(const Version& current, const NextVersion& n, std::size_t commits) {
    json::Writer w;
    const auto commit = [&w](const CommitImpact& c) {
        w.begin_object();
        w.member("commit", static_cast<std::int64_t>(c.index + 1));
        w.member("hash", c.hash);
        w.member("summary", c.summary);
        w.member("why", c.why);
        w.end_object();
    };
    w.begin_object();
    w.member("current", current.normalized());
    w.key("version");
    if (n.version) w.string(n.version->normalized());
    else w.null();
    w.member("bump", to_string(n.bump));
    for (const auto& [key, count] : {std::pair<std::string_view, std::size_t>{"commits", commits},
                                     {"merges_skipped", n.merges}, {"cancelled", n.cancelled},
                                     {"reasons_total", n.reasons_total}}) {
        w.member(key, static_cast<std::int64_t>(count));
    }
    w.key("release_as");
    if (n.release_as) commit(*n.release_as);
    else w.null();
    w.key("reasons");
    w.begin_array();
    for (const CommitImpact& c : n.reasons) commit(c);
    w.end_array();
    w.end_object();
    return w.take() + "\n";
}

}  // namespace

namespace {

// next-version --plan FILE --release V: the release editor's suggestion (plan/version_suggestion.hpp).
int next_version_from_plan(const Parsed& p, Io io) {
    const auto wanted = p.value("--release");
    if (!wanted) return usage(io.err, "--plan needs --release V (a version, tag or release id)", "next-version");
    if (p.has("--current")) return usage(io.err, "--current and --plan exclude each other", "next-version");
    const std::optional<PlanFile> file = load_plan_file(*p.value("--plan"), io);
    if (!file || !file->loaded.plan) return 1;
    const Plan& plan = *file->loaded.plan;
    const Release* release = find_release_argument(plan, *wanted);
    if (!release) {
        io.err << "relplan: no release " << clean_text(*wanted) << " in " << clean_text(file->name) << "\n";
        return 1;
    }
    const Release* base = nullptr;
    if (const auto base_id = p.value("--base")) {
        for (const Release* q : version_bases(plan, *release))
            if (q->id == *base_id) base = q;
        if (!base) {
            io.err << "relplan: --base: " << clean_text(*base_id)
                   << " is not an earlier release on the line of " << clean_text(release->id) << "\n";
            return 1;
        }
    }
    const std::string preid = p.value("--pre").value_or(p.value("--preid").value_or(""));
    const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    auto suggestion = suggest_release_version(plan, *release, base, preid, today);
    if (!suggestion) return report(suggestion.error(), io.err);
    if (p.has("--json")) {
        json::Writer w;
        w.begin_object();
        w.member("release", release->id);
        w.key("base");
        if (suggestion->base) w.string(suggestion->base->id);
        else w.null();
        w.key("version");
        if (suggestion->version.empty()) w.null();
        else w.string(suggestion->version);
        w.member("bump", to_string(suggestion->bump));
        w.member("why", suggestion->why);
        w.end_object();
        io.out << w.take() << "\n";
        return 0;
    }
    if (!suggestion->version.empty()) io.out << suggestion->version << "\n";
    io.err << clean_text(release->id) << ": " << clean_text(suggestion->why) << "\n";
    return 0;
}

}  // namespace

int cmd_next_version(const Args& args, Io io) {
    const auto parsed = parse_args(args,
                                   {"--current", "--preid", "--pre", "--policy", "--release-rule",
                                    "--breaking-always-bump-major", "--features-always-bump-minor", "--line",
                                    "--plan", "--release", "--base"},
                                   {"--bump-minor-pre-major", "--bump-patch-for-minor-pre-major", "--keep-reverted", "--json",
                                    "--split-squash"},
                                   io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help()) {
        io.out << kNextVersionHelp;
        return 0;
    }
    if (!p.positional().empty()) return usage(io.err, "unexpected argument '" + p.positional()[0] + "'", "next-version");
    if (p.has("--plan")) return next_version_from_plan(p, io);
    const auto current_text = p.value("--current");
    if (!current_text) return usage(io.err, "--current V is required", "next-version");
    auto current = Version::parse(version_argument(*current_text));
    if (!current.ok()) return report(current.error(), io.err, "--current");
    auto options = next_version_options(p);
    if (!options.ok()) return report(options.error(), io.err);
    const auto data = read_all(io.in, io.err);
    if (!data) return 1;
    if (const auto warning = commit_log_warning(*data)) io.err << "relplan: warning: " << *warning << "\n";
    const std::vector<std::string_view> messages = split_commit_log(*data);
    const std::string preid = p.value("--pre").value_or(p.value("--preid").value_or(""));
    options->preid = preid;
    auto result = next_version(*current, messages, *options);
    if (!result.ok()) return report(result.error(), io.err);
    const NextVersion& n = *result;
    if (p.has("--json")) {
        io.out << next_version_json(*current, n, messages.size());
        return 0;
    }
    const std::string skipped = (n.merges ? ", " + std::to_string(n.merges) + " merge commits skipped" : std::string()) +
                                (n.cancelled ? ", " + std::to_string(n.cancelled) + " cancelled as revert pairs" : std::string());
    if (!n.version) {
        io.err << "no release: none of the " << messages.size()
               << " commits is a feat, fix, perf, revert or breaking change" << skipped << "\n";
        return 0;
    }
    io.out << n.version->normalized() << "\n";
    if (n.release_as) {
        io.err << current->normalized() << " -> " << n.version->normalized() << " (Release-As footer of commit "
               << n.release_as->index + 1 << ": " << clean_text(n.release_as->summary) << ")\n";
        return 0;
    }
    io.err << current->normalized() << " -> " << n.version->normalized() << " (" << to_string(n.bump)
           << " bump, " << n.reasons_total << " of " << messages.size() << " commits" << skipped << "):\n";
    for (const CommitImpact& c : n.reasons) {
        io.err << "  commit " << c.index + 1 << (c.hash.empty() ? "" : " " + clean_text(c.hash.substr(0, 10))) << ": " << clean_text(c.summary)
               << " [" << c.why << "]\n";
    }
    if (n.reasons_total > n.reasons.size()) {
        io.err << "  ... and " << n.reasons_total - n.reasons.size() << " more " << to_string(n.bump) << " commits\n";
    }
    return 0;
}

}  // namespace relplan::cli

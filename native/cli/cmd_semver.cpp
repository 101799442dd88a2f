// `relplan semver ...`, `relplan calver next` and `relplan next-version`: thin shells over the
// core's version engine. Exit codes: 0 success; 1 a "no"/"none"/invalid-input answer as each
// command's help says; 2 usage errors (and invalid input for satisfies / max-satisfying, whose 1
// means "no").
#include "commands.hpp"
#include "common/file_io.hpp"

#include "version/calver.hpp"
#include "version/commits.hpp"
#include "version/next_version.hpp"
#include "version/range.hpp"
#include "version/semver.hpp"

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
    "  satisfies V RANGE       print true (exit 0) or false (exit 1); exit 2 if V or RANGE is invalid\n"
    "  max-satisfying RANGE    read versions on stdin, print the highest that satisfies RANGE;\n"
    "                          exit 1 if none, 2 if RANGE is invalid\n"
    "\n"
    "  --loose                 accept \"=v1.2.3\", \"1.2.3beta\", leading zeros\n"
    "  --include-prerelease    let ranges match any pre-release\n";

constexpr std::string_view kCalverHelp =
    "usage: relplan calver next SCHEME [--current V] [--date YYYY-MM-DD] [--modifier TAG]\n"
    "\n"
    "Print the next calendar version of SCHEME (e.g. YY.0M.MICRO, YYYY.MM.DD, YYYY.0W.MICRO-MODIFIER)\n"
    "for a release on --date (default: today, UTC). Tokens: YYYY YY 0Y MM 0M WW 0W DD 0D MAJOR MINOR\n"
    "MICRO MODIFIER, separated by '.', '-' or '_'. In the period of --current the lowest counter\n"
    "(MICRO, MINOR or MAJOR) goes up; in a new period it resets to 0. Exit 1 on invalid input.\n";

constexpr std::string_view kNextVersionHelp =
    "usage: relplan next-version --current V [--pre ID] [--policy P] [--release-rule TYPE[(SCOPE)]=BUMP]...\n"
    "\n"
    "Read commit messages from stdin separated by NUL bytes, as `git log -z --format=%B A..B`\n"
    "prints them (or `git log -z --format='%H %P%n%B' A..B`, which adds hashes and parents), and print\n"
    "the next version after V by Conventional Commits: breaking -> major, feat -> minor, fix/perf and\n"
    "reverts -> patch. A revert and the commit it reverts cancel out when both are in the range (by\n"
    "hash when given, else by header); merge commits are skipped. With --pre (or --preid) the result\n"
    "is a pre-release (1.3.0-rc.1 + fix -> 1.3.0-rc.2). Prints nothing when no commit warrants a\n"
    "release; the deciding commits go to stderr. Exit 1 on invalid input, 2 on a usage error.\n"
    "\n"
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

struct Parsed {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> switches;
    bool help = false;

    std::optional<std::string> value(std::string_view name) const {
        for (const auto& [k, v] : values) {
            if (k == name) return v;
        }
        return std::nullopt;
    }
    bool has(std::string_view name) const {
        return std::find(switches.begin(), switches.end(), name) != switches.end();
    }
};

// Splits flags from positional arguments; "--" ends the flags.
std::optional<Parsed> parse_args(const Args& args, const std::vector<std::string_view>& value_flags,
                                 const std::vector<std::string_view>& switch_flags, std::ostream& err) {
    Parsed p;
    bool flags_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (flags_done || a.size() < 2 || a[0] != '-' || a[1] != '-') {
            if (!flags_done && (a == "-h")) {
                p.help = true;
                continue;
            }
            p.positional.push_back(a);
            continue;
        }
        if (a == "--") {
            flags_done = true;
            continue;
        }
        if (a == "--help") {
            p.help = true;
            continue;
        }
        const std::size_t eq = a.find('=');
        const std::string name = a.substr(0, eq);
        if (std::find(value_flags.begin(), value_flags.end(), name) != value_flags.end()) {
            if (eq != std::string::npos) {
                p.values.emplace_back(name, a.substr(eq + 1));
            } else if (i + 1 < args.size()) {
                p.values.emplace_back(name, args[++i]);
            } else {
                err << "relplan: " << name << " needs a value\n";
                return std::nullopt;
            }
        } else if (eq == std::string::npos &&
                   std::find(switch_flags.begin(), switch_flags.end(), name) != switch_flags.end()) {
            p.switches.push_back(name);
        } else {
            err << "relplan: unknown option " << a << "\n";
            return std::nullopt;
        }
    }
    return p;
}

std::optional<std::string> read_all(std::istream& in, std::ostream& err) {
    auto data = native::read_input("-", in, kMaxInput);
    if (!data) {
        err << "relplan: " << data.error().message << "\n";
        return std::nullopt;
    }
    return std::move(*data);
}

struct Line {
    std::string_view text;
    std::size_t number;  // 1-based
};

// Lines without their "\n" / "\r\n"; blank lines are skipped.
std::vector<Line> input_lines(std::string_view data) {
    std::vector<Line> lines;
    std::size_t start = 0;
    std::size_t number = 0;
    while (start < data.size()) {
        std::size_t end = data.find('\n', start);
        if (end == std::string_view::npos) end = data.size();
        ++number;
        std::string_view text = data.substr(start, end - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (!js_trim(text).empty()) lines.push_back(Line{text, number});
        start = end + 1;
    }
    return lines;
}

int usage(std::ostream& err, std::string_view message, std::string_view command) {
    err << "relplan: " << message << " (see relplan " << command << " --help)\n";
    return 2;
}

int semver_sort(const Parsed& p, const SemverOptions& o, Io io) {
    const auto data = read_all(io.in, io.err);
    if (!data) return 1;
    struct Item {
        Version version;
        std::string_view text;
    };
    std::vector<Item> items;
    for (const Line& line : input_lines(*data)) {
        auto v = Version::parse(line.text, o);
        if (!v.ok()) {
            io.err << "relplan: line " << line.number << ": " << v.error().message << "\n";
            return 1;
        }
        items.push_back(Item{std::move(*v), line.text});
    }
    if (p.has("--reverse")) {
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return compare_build(b.version, a.version) < 0; });
    } else {
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return compare_build(a.version, b.version) < 0; });
    }
    std::string out;
    out.reserve(data->size() + items.size());
    for (const Item& item : items) {
        out += item.text;
        out += '\n';
    }
    io.out << out;
    return 0;
}

int semver_bump(const Parsed& p, const SemverOptions& o, Io io) {
    if (p.positional.size() != 3) return usage(io.err, "bump takes a version and a release type", "semver");
    auto v = Version::parse(p.positional[1], o);
    if (!v.ok()) {
        io.err << "relplan: " << v.error().message << "\n";
        return 1;
    }
    auto type = parse_inc_type(p.positional[2]);
    if (!type.ok()) {
        io.err << "relplan: " << type.error().message << "\n";
        return 1;
    }
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
    if (!r.ok()) {
        io.err << "relplan: " << r.error().message << "\n";
        return 1;
    }
    io.out << r->normalized() << "\n";
    return 0;
}

}  // namespace

int cmd_semver(const Args& args, Io io) {
    const auto parsed = parse_args(args, {"--preid", "--preid-base"},
                                   {"--reverse", "--loose", "--include-prerelease"}, io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help) {
        io.out << kSemverHelp;
        return 0;
    }
    if (p.positional.empty()) return usage(io.err, "missing semver command", "semver");
    const SemverOptions o{p.has("--loose"), p.has("--include-prerelease")};
    const std::string& command = p.positional[0];
    const auto nargs = p.positional.size() - 1;
    const auto fail_version = [&](const Error& e) {
        io.err << "relplan: " << e.message << "\n";
        return 1;
    };

    if (command == "valid") {
        if (nargs != 1) return usage(io.err, "valid takes one version", "semver");
        auto v = Version::parse(p.positional[1], o);
        if (!v.ok()) return fail_version(v.error());
        io.out << v->normalized() << "\n";
        return 0;
    }
    if (command == "compare" || command == "diff") {
        if (nargs != 2) return usage(io.err, command + " takes two versions", "semver");
        // node-semver's diff always parses strictly.
        const SemverOptions po = command == "diff" ? SemverOptions{} : o;
        auto a = Version::parse(p.positional[1], po);
        if (!a.ok()) return fail_version(a.error());
        auto b = Version::parse(p.positional[2], po);
        if (!b.ok()) return fail_version(b.error());
        if (command == "compare") {
            io.out << compare(*a, *b) << "\n";
        } else if (auto d = diff(*a, *b)) {
            io.out << to_string(*d) << "\n";
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
        auto v = Version::parse(p.positional[1], o);
        if (!v.ok()) {
            io.err << "relplan: " << v.error().message << "\n";
            return 2;
        }
        auto r = Range::parse(p.positional[2], o);
        if (!r.ok()) {
            io.err << "relplan: " << r.error().message << "\n";
            return 2;
        }
        const bool yes = r->test(*v);
        io.out << (yes ? "true" : "false") << "\n";
        return yes ? 0 : 1;
    }
    if (command == "max-satisfying") {
        if (nargs != 1) return usage(io.err, "max-satisfying takes a range and reads versions from stdin", "semver");
        auto r = Range::parse(p.positional[1], o);
        if (!r.ok()) {
            io.err << "relplan: " << r.error().message << "\n";
            return 2;
        }
        const auto data = read_all(io.in, io.err);
        if (!data) return 2;
        std::vector<std::string_view> texts;
        for (const Line& line : input_lines(*data)) texts.push_back(line.text);
        const auto best = max_satisfying(texts, *r);
        if (!best) return 1;
        io.out << texts[*best] << "\n";
        return 0;
    }
    return usage(io.err, "unknown semver command '" + command + "'", "semver");
}

int cmd_calver(const Args& args, Io io) {
    const auto parsed = parse_args(args, {"--current", "--date", "--modifier"}, {}, io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help) {
        io.out << kCalverHelp;
        return 0;
    }
    if (p.positional.empty() || p.positional[0] != "next") {
        return usage(io.err, p.positional.empty() ? "missing calver command" : "unknown calver command '" + p.positional[0] + "'",
                     "calver");
    }
    if (p.positional.size() != 2) return usage(io.err, "calver next takes one SCHEME", "calver");
    auto scheme = CalverScheme::parse(p.positional[1]);
    if (!scheme.ok()) {
        io.err << "relplan: " << scheme.error().message << "\n";
        return 1;
    }
    std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (auto text = p.value("--date")) {
        auto d = parse_iso_date(*text);
        if (!d.ok()) {
            io.err << "relplan: --date: " << d.error().message << "\n";
            return 1;
        }
        date = *d;
    }
    CalverNextOptions options;
    if (auto current = p.value("--current")) {
        auto v = parse_calver(*current, *scheme);
        if (!v.ok()) {
            io.err << "relplan: --current: " << v.error().message << "\n";
            return 1;
        }
        options.current = std::move(*v);
    }
    const std::string modifier = p.value("--modifier").value_or("");
    options.modifier = modifier;
    auto next = next_calver(*scheme, date, options);
    if (!next.ok()) {
        io.err << "relplan: " << next.error().message << "\n";
        return 1;
    }
    io.out << next->to_string() << "\n";
    return 0;
}

namespace {

// The pre-1.0 rules and release rules of next-version's options.
std::optional<NextVersionOptions> next_version_options(const Parsed& p, std::ostream& err) {
    NextVersionOptions o;
    if (auto name = p.value("--policy")) {
        auto policy = pre_major_policy(*name);
        if (!policy.ok()) {
            err << "relplan: --policy: " << policy.error().message << "\n";
            return std::nullopt;
        }
        o.pre_major = *policy;
    }
    if (p.has("--bump-minor-pre-major")) o.pre_major.breaking_is_minor = true;
    if (p.has("--bump-patch-for-minor-pre-major")) o.pre_major.feat_is_patch = true;
    for (const auto& [flag, target] : {std::pair{std::string_view("--breaking-always-bump-major"), &o.pre_major.breaking_is_minor},
                                       std::pair{std::string_view("--features-always-bump-minor"), &o.pre_major.feat_is_patch}}) {
        const auto v = p.value(flag);
        if (!v) continue;
        if (*v != "true" && *v != "false") {
            err << "relplan: " << flag << " takes true or false\n";
            return std::nullopt;
        }
        *target = *v == "false";
    }
    for (const auto& [k, v] : p.values) {
        if (k != "--release-rule") continue;
        auto rule = parse_release_rule(v);
        if (!rule.ok()) {
            err << "relplan: --release-rule: " << rule.error().message << "\n";
            return std::nullopt;
        }
        o.rules.push_back(std::move(*rule));
    }
    o.cancel_revert_pairs = !p.has("--keep-reverted");
    o.keep_commits = false;
    o.max_reasons = 10;
    return o;
}

}  // namespace

int cmd_next_version(const Args& args, Io io) {
    const auto parsed = parse_args(args,
                                   {"--current", "--preid", "--pre", "--policy", "--release-rule",
                                    "--breaking-always-bump-major", "--features-always-bump-minor"},
                                   {"--bump-minor-pre-major", "--bump-patch-for-minor-pre-major", "--keep-reverted"}, io.err);
    if (!parsed) return 2;
    const Parsed& p = *parsed;
    if (p.help) {
        io.out << kNextVersionHelp;
        return 0;
    }
    if (!p.positional.empty()) return usage(io.err, "unexpected argument '" + p.positional[0] + "'", "next-version");
    const auto current_text = p.value("--current");
    if (!current_text) return usage(io.err, "--current V is required", "next-version");
    auto current = Version::parse(*current_text);
    if (!current.ok()) {
        io.err << "relplan: --current: " << current.error().message << "\n";
        return 1;
    }
    auto options = next_version_options(p, io.err);
    if (!options) return 1;
    const auto data = read_all(io.in, io.err);
    if (!data) return 1;
    if (const auto warning = commit_log_warning(*data)) io.err << "relplan: warning: " << *warning << "\n";
    const std::vector<std::string_view> messages = split_commit_log(*data);
    const std::string preid = p.value("--pre").value_or(p.value("--preid").value_or(""));
    options->preid = preid;
    auto result = next_version(*current, messages, *options);
    if (!result.ok()) {
        io.err << "relplan: " << result.error().message << "\n";
        return 1;
    }
    const NextVersion& n = *result;
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
               << n.release_as->index + 1 << ": " << n.release_as->summary << ")\n";
        return 0;
    }
    io.err << current->normalized() << " -> " << n.version->normalized() << " (" << to_string(n.bump)
           << " bump, " << n.reasons_total << " of " << messages.size() << " commits" << skipped << "):\n";
    for (const CommitImpact& c : n.reasons) {
        io.err << "  commit " << c.index + 1 << (c.hash.empty() ? "" : " " + c.hash.substr(0, 10)) << ": " << c.summary
               << " [" << c.why << "]\n";
    }
    if (n.reasons_total > n.reasons.size()) {
        io.err << "  ... and " << n.reasons_total - n.reasons.size() << " more " << to_string(n.bump) << " commits\n";
    }
    return 0;
}

}  // namespace relplan::cli

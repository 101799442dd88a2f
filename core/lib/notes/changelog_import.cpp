#include "notes/changelog_import.hpp"

#include "notes/changelog_entry.hpp"
#include "notes/changelog_scan.hpp"
#include "notes/changelog_sections.hpp"
#include "notes/changelog_text.hpp"

#include "base/utf8.hpp"
#include "plan/change_audience.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

namespace relplan {
namespace {

using namespace changelog_text;

std::string infer_project_name(const ChangelogScan& scan, const std::string& repository) {
    const std::string t = lower(trim(scan.title));
    if (!t.empty() && t != "changelog" && t != "change log" && t != "release notes" && t != "changes") {
        std::string name(trim(scan.title));
        for (const std::string_view suffix : {" Changelog", " changelog", " Change Log", " CHANGELOG"}) {
            if (ends_with(name, suffix) && name.size() > suffix.size()) name.resize(name.size() - suffix.size());
        }
        return name;
    }
    if (!scan.project_phrase.empty()) return scan.project_phrase;
    if (!repository.empty()) return repository.substr(repository.rfind('/') + 1);
    return "Imported changelog";
}

// "https://github.com/o/r" from a compare, tag, commit or issue URL on a forge.
std::string repository_of(std::string_view url) {
    for (const std::string_view marker :
         {"/compare/", "/releases/", "/tree/", "/commits/", "/commit/", "/issues/", "/pull/", "/-/"}) {
        const std::size_t at = url.find(marker);
        if (at != std::string_view::npos && starts_with(url, "http")) return std::string(url.substr(0, at));
    }
    return {};
}

// conventional-changelog lists a breaking commit twice: its note under BREAKING CHANGES and its
// header under its type. When both say the same, keep one breaking change with the commit's refs.
// Changes are found by description through an index: a release may hold a million entries.
class ChangeMerger {
public:
    explicit ChangeMerger(std::vector<Change>& changes) : changes_(changes) {}

    void add(Change c) {
        const bool breaking = c.category == ChangeCategory::breaking_change;
        std::array<std::set<std::size_t>, 2>& at = index_[c.description];  // [breaking]: positions
        std::set<std::size_t>& opposite = at[breaking ? 0 : 1];
        if (opposite.empty()) {
            at[breaking ? 1 : 0].insert(changes_.size());
            changes_.push_back(std::move(c));
            return;
        }
        const std::size_t first = *opposite.begin();
        Change& other = changes_[first];
        if (breaking) {  // `other` is the one kept, and now breaking
            std::swap(other, c);
            opposite.erase(first);
            at[1].insert(first);
        }
        for (auto field : {&Change::ref_id, &Change::link, &Change::commit, &Change::scope, &Change::author}) {
            if ((other.*field).empty()) other.*field = c.*field;
        }
    }

private:
    std::vector<Change>& changes_;
    std::unordered_map<std::string, std::array<std::set<std::size_t>, 2>> index_;
};

ReleaseType infer_type(const Release& release, const std::string* older_version) {
    const auto has = [&](ChangeCategory cat) {
        return std::any_of(release.changes.begin(), release.changes.end(), [&](const Change& c) { return c.category == cat; });
    };
    const bool all_security = !release.changes.empty() &&
                              std::all_of(release.changes.begin(), release.changes.end(),
                                          [](const Change& c) { return c.category == ChangeCategory::security; });
    if (all_security) return ReleaseType::security;
    if (release.version.empty()) {
        if (has(ChangeCategory::breaking_change)) return ReleaseType::major;
        if (has(ChangeCategory::new_feature)) return ReleaseType::minor;
        return ReleaseType::patch;
    }
    const auto now = versions::semver_numbers(release.version);
    if (!now) return ReleaseType::minor;
    const auto before = older_version ? versions::semver_numbers(*older_version) : std::nullopt;
    if (before) {
        if ((*now)[0] != (*before)[0]) return ReleaseType::major;
        if ((*now)[1] != (*before)[1]) return ReleaseType::minor;
        return ReleaseType::patch;
    }
    if ((*now)[2] != 0) return ReleaseType::patch;
    if ((*now)[1] != 0) return ReleaseType::minor;
    return ReleaseType::major;
}

using Links = std::map<std::string, std::string>;

// The release's link: its heading's, else its link reference definition's, else its "Full Changelog" URL.
// `used` collects the definitions that name a release.
std::string link_of(const ScannedRelease& d, const Links& links, std::set<std::string>* used) {
    std::string link = d.heading.link;
    for (const std::string& key : {lower(d.heading.label), "v" + lower(d.heading.label)}) {
        const auto l = links.find(key);
        if (l == links.end()) continue;
        if (used != nullptr) used->insert(key);
        if (link.empty()) link = l->second;
    }
    if (link.empty()) link = d.full_changelog;
    return link;
}

// `section_names`: section_name of each of the scan's section headings, made once per heading.
Change change_of(const ScannedEntry& e, const std::vector<std::string>& section_names, const Links& links,
                 std::vector<ChangelogDrop>* drops) {
    const ParsedEntry parsed = parse_entry(e.text, EntryContext{e.by_entry, &links});
    Change c = parsed.change;
    const SectionRow* row = parsed.type != nullptr ? parsed.type : e.row;
    if (row != nullptr) {
        c.category = row->category;
        c.audience = row->audience;
    }
    if (parsed.breaking) {
        // Customers must act on it, as on a breaking commit; housekeeping sections keep it internal.
        c.category = ChangeCategory::breaking_change;
        c.audience = c.audience == Audience::internal ? Audience::internal : default_audience(c.category);
    }
    // The heading is kept when export would otherwise write the change elsewhere and import reads it
    // back the same; as written, but without git-cliff's ordering comments and made safe to write.
    static const std::string none;
    const std::string& heading = e.section == ScannedEntry::no_section ? none : section_names.at(e.section);
    if (!heading.empty() && section_fits(c, heading) &&
        heading != export_section_headings()[export_section_index(c)]) {
        c.section = heading;
    }
    if (drops != nullptr) {
        for (const std::string& d : parsed.dropped) drops->push_back(ChangelogDrop{e.line, d, ""});
    }
    return c;
}

Release release_of(const ScannedRelease& d, const std::vector<std::string>& section_names, const Links& links,
                   std::vector<ChangelogDrop>* drops) {
    Release r;
    r.version = d.heading.unreleased ? "" : d.heading.label;
    r.id = d.heading.unreleased ? "unreleased" : d.heading.label;
    r.status = d.heading.unreleased ? ReleaseStatus::planning : ReleaseStatus::released;
    r.yanked = d.heading.yanked;
    r.release_date = d.heading.date;
    r.link = link_of(d, links, nullptr);
    r.summary = d.summary;
    r.changes.reserve(d.entries.size());
    ChangeMerger merger(r.changes);
    for (const ScannedEntry& e : d.entries) merger.add(change_of(e, section_names, links, drops));
    // The order `relplan changelog` writes them in: by section, breaking changes first in theirs.
    std::vector<const Change*> changes;
    changes.reserve(r.changes.size());
    for (const Change& c : r.changes) changes.push_back(&c);
    const SectionLayout layout = section_layout(changes);
    std::vector<std::size_t> order(r.changes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto breaking = [&](std::size_t i) { return r.changes[i].category == ChangeCategory::breaking_change; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (layout.section_of[x] != layout.section_of[y]) return layout.section_of[x] < layout.section_of[y];
        return breaking(x) && !breaking(y);
    });
    // Applied in place, a cycle at a time: a release may be large, and a second vector of it is not needed.
    for (std::size_t start = 0; start < order.size(); ++start) {
        std::size_t at = start;
        while (order[at] != start) {  // put what belongs at `at` there, following the cycle
            std::swap(r.changes[at], r.changes[order[at]]);
            const std::size_t next = order[at];
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
    for (std::size_t i = 0; i < r.changes.size(); ++i) r.changes[i].id = r.id + ":" + std::to_string(i + 1);
    return r;
}

// Repeated versions and dates that do not exist are errors: the plan would be wrong either way.
std::optional<Error> check_releases(const ChangelogScan& scan) {
    std::map<std::string, std::int64_t> seen;
    for (const ScannedRelease& d : scan.releases) {
        const std::string id = d.heading.unreleased ? "unreleased" : d.heading.label;
        const auto [it, fresh] = seen.emplace(id, d.line);
        if (!fresh) {
            return make_error((d.heading.unreleased ? std::string("[Unreleased]") : "version " + id) +
                                  " appears twice: lines " + std::to_string(it->second) + " and " +
                                  std::to_string(d.line) + "; remove or rename one of them",
                              d.offset);
        }
        if (d.heading.date && !d.heading.date->ok()) {
            return make_error("release date " + d.heading.date_text + " of " + d.heading.label +
                                  " does not exist (line " + std::to_string(d.line) + ")",
                              d.offset);
        }
    }
    return std::nullopt;
}

Result<ChangelogScan> checked_scan(std::string_view text, std::vector<Diagnostic>& notes) {
    if (text.size() > max_changelog_bytes) {
        return make_error("the file is " + std::to_string(text.size()) + " bytes; changelogs are limited to " +
                          std::to_string(max_changelog_bytes >> 20) + " MiB");
    }
    std::size_t base = 0;
    if (starts_with(text, "\xEF\xBB\xBF")) {
        base = 3;
        notes.push_back(Diagnostic{"", "ignored the UTF-8 byte order mark at the start of the file", 1, 1});
    }
    // Report whichever comes first: a byte that is not UTF-8, or a NUL.
    const std::string_view body = text.substr(base);
    const std::size_t nul = body.find('\0');
    if (const std::size_t bad = utf8::first_invalid(body.substr(0, nul)); bad != std::string_view::npos) {
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto c = static_cast<unsigned char>(body[bad]);
        return make_error(std::string("invalid UTF-8 (byte 0x") + hex[c >> 4] + hex[c & 15] +
                              "); save the changelog as UTF-8",
                          base + bad);
    }
    if (nul != std::string_view::npos) {
        return make_error("the file contains NUL bytes; it is not a text file", base + nul);
    }
    ChangelogScan scan = scan_changelog(text, base);
    if (scan.refused) return *scan.refused;
    if (scan.releases.empty()) {
        return make_error(
            "no release headings found; expected headings like \"## [1.2.0] - 2024-03-01\" (Keep a Changelog) "
            "or \"## [1.2.0](https://example.com/compare/v1.1.0...v1.2.0) (2024-03-01)\" (conventional-changelog)");
    }
    if (auto problem = check_releases(scan)) return *problem;
    return scan;
}

// Everything but the releases, and what building them needs. The releases are built on demand
// (each_release) so a caller can write them one at a time.
struct Prepared {
    ChangelogImport result;  // plan.releases empty; dropped lacks what the entries drop
    ChangelogScan scan;
    Links links;
    std::vector<std::size_t> order;  // scan.releases in plan order
    std::vector<std::string> section_names;  // section_name of each scan.sections heading
};

Result<Prepared> prepare(std::string_view text) {
    Prepared p;
    ChangelogImport& result = p.result;
    auto scanned = checked_scan(text, result.notes);
    if (!scanned) return scanned.error();
    p.scan = std::move(*scanned);
    const ChangelogScan& scan = p.scan;
    for (const Diagnostic& n : scan.notes) result.notes.push_back(n);
    result.dialect = scan.dialect;
    result.also_seen = scan.also_seen;
    result.sections = scan.sections;
    for (const ChangelogSectionUse& use : scan.sections) p.section_names.push_back(section_name(use.heading));
    for (const ScannedLink& l : scan.links) p.links.emplace(l.label, l.url);

    // Oldest first, in the order the exporter lists them (reversed; ties in reverse file order);
    // [Unreleased] last.
    std::vector<std::size_t> unreleased;
    for (std::size_t i = scan.releases.size(); i-- > 0;) {
        (scan.releases[i].heading.unreleased ? unreleased : p.order).push_back(i);
    }
    std::stable_sort(p.order.begin(), p.order.end(), [&](std::size_t a, std::size_t b) {
        const VersionHeading& x = scan.releases[a].heading;
        const VersionHeading& y = scan.releases[b].heading;
        return listed_before(y.date, y.label, x.date, x.label);
    });
    p.order.insert(p.order.end(), unreleased.begin(), unreleased.end());

    std::set<std::string> used;
    Plan& plan = result.plan;
    for (const std::size_t i : p.order) {
        const ScannedRelease& d = scan.releases[i];
        const std::string link = link_of(d, p.links, &used);
        if (plan.project.repository.empty()) plan.project.repository = repository_of(link);
        if (!d.full_changelog.empty()) {
            const bool kept = link == d.full_changelog;
            result.dropped.push_back(ChangelogDrop{d.full_changelog_line, "\"Full Changelog\" line",
                                                   kept ? "not a change; its URL is the release link"
                                                        : "not a change; the release already has a link"});
        }
    }
    plan.project.name = infer_project_name(scan, plan.project.repository);

    for (const ScannedDrop& d : scan.dropped) result.dropped.push_back(ChangelogDrop{d.line, d.what, d.why});
    std::set<std::string> bracketed;  // "[label]" anywhere in an entry: reference-style links
    for (const ScannedRelease& d : scan.releases) {
        for (const ScannedEntry& e : d.entries) {
            for (std::size_t open = e.text.find('['); open != std::string::npos; open = e.text.find('[', open + 1)) {
                const std::size_t close = e.text.find(']', open);
                if (close == std::string::npos) break;
                bracketed.insert(lower(std::string_view(e.text).substr(open + 1, close - open - 1)));
            }
        }
    }
    for (const ScannedLink& l : scan.links) {
        if (used.count(l.label) == 0 && bracketed.count(l.label) == 0) {
            result.dropped.push_back(ChangelogDrop{l.line, "link reference definition [" + l.label + "]",
                                                   "no release heading or entry uses it"});
        }
    }
    return p;
}

// The releases in plan order, one at a time, their types inferred from the release before.
// With `record`, what the entries drop is added to it and the releases are counted.
void each_release(const Prepared& p, ChangelogImport* record, const std::function<void(Release&&)>& each) {
    std::string older;
    bool has_older = false;
    for (const std::size_t i : p.order) {
        Release r = release_of(p.scan.releases[i], p.section_names, p.links, record != nullptr ? &record->dropped : nullptr);
        if (record != nullptr) {
            ++record->releases;
            record->unreleased += r.version.empty() ? 1 : 0;
            record->changes += r.changes.size();
        }
        r.type = infer_type(r, has_older ? &older : nullptr);
        older = r.version;
        has_older = true;
        each(std::move(r));
    }
}

void sort_drops(std::vector<ChangelogDrop>& dropped) {
    std::stable_sort(dropped.begin(), dropped.end(),
                     [](const ChangelogDrop& a, const ChangelogDrop& b) { return a.line < b.line; });
}

// validate_plan's findings about release `index`, found on a plan that holds `head` and that release alone.
// Exact for an import: the only checks that span releases (duplicate ids and versions) cannot fire, because
// import refuses a version heading twice and derives every id from its release's version.
void validate_alone(Plan& head, Release& release, std::size_t index, std::vector<Diagnostic>& out) {
    head.releases.push_back(std::move(release));
    static constexpr std::string_view first = "/releases/0";
    for (Diagnostic& d : validate_plan(head)) {
        if (d.pointer.compare(0, first.size(), first) != 0) continue;  // about the head: reported once
        d.pointer = "/releases/" + std::to_string(index) + d.pointer.substr(first.size());
        out.push_back(std::move(d));
    }
    release = std::move(head.releases.back());
    head.releases.clear();
}

}  // namespace

Result<ChangelogImport> import_changelog(std::string_view text) {
    auto prepared = prepare(text);
    if (!prepared) return prepared.error();
    ChangelogImport& result = prepared->result;
    result.plan.releases.reserve(prepared->order.size());
    each_release(*prepared, &result, [&](Release&& r) { result.plan.releases.push_back(std::move(r)); });
    sort_drops(result.dropped);
    return std::move(result);
}

Result<ChangelogWrite> write_changelog_import(std::string_view text, const std::function<void(std::string_view)>& sink,
                                              std::uint64_t max_bytes) {
    auto prepared = prepare(text);
    if (!prepared) return prepared.error();
    ChangelogWrite out;
    out.imported = std::move(prepared->result);
    Plan& head = out.imported.plan;
    out.warnings = validate_plan(head);

    // First pass: measure, validate and collect what the entries drop; second pass: write.
    std::size_t index = 0;
    const AppendedReleases measured{[&](const std::function<void(const Release&)>& emit) {
        each_release(*prepared, &out.imported, [&](Release&& r) {
            validate_alone(head, r, index++, out.warnings);
            emit(r);
        });
    }};
    write_json(head, [&](std::string_view piece) { out.bytes += piece.size(); }, measured);
    sort_drops(out.imported.dropped);
    if (out.bytes > max_bytes) {
        return make_error("the imported plan would be " + std::to_string(out.bytes) + " bytes, over the " +
                          (max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MiB" : std::to_string(max_bytes) + "-byte") +
                          " plan limit; import a shorter changelog");
    }
    out.bytes = 0;
    const AppendedReleases written{[&](const std::function<void(const Release&)>& emit) {
        each_release(*prepared, nullptr, [&](Release&& r) { emit(r); });
    }};
    write_json(head, [&](std::string_view piece) {
        out.bytes += piece.size();
        sink(piece);
    }, written);
    return out;
}

}  // namespace relplan

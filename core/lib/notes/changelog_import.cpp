#include "notes/changelog_import.hpp"

#include "notes/changelog_entry.hpp"
#include "notes/changelog_sections.hpp"

#include "plan/plan_time.hpp"
#include "base/utf8.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace relplan {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
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

bool contains_nocase(std::string_view s, std::string_view needle) {
    return lower(s).find(lower(needle)) != std::string::npos;
}

void remove_all(std::string& s, std::string_view what) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
}

struct VersionHeading {
    std::string label;  // the version, or "Unreleased"
    bool unreleased = false;
    std::string link;
    std::optional<Date> date;
    std::string bad_date;  // a YYYY-MM-DD that is no calendar date
    bool yanked = false;
    bool paren_date = false;  // "(2024-03-01)" as conventional-changelog writes it
    bool small = false;       // "<small>1.2.1 (date)</small>"
};

bool looks_like_version(std::string_view s) {
    if (s.empty() || !is_digit(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '+';
    });
}

std::string_view strip_v(std::string_view s) {
    if (s.size() > 1 && (s[0] == 'v' || s[0] == 'V') && is_digit(s[1])) s.remove_prefix(1);
    return s;
}

bool date_shaped(std::string_view s) {
    for (std::size_t i = 0; i < 10; ++i) {
        if ((i == 4 || i == 7) ? s[i] != '-' : !is_digit(s[i])) return false;
    }
    return true;
}

// First YYYY-MM-DD in `s` not glued to other digits; one that is no calendar date goes to `bad`.
std::optional<Date> find_date(std::string_view s, std::string& bad) {
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (i + 10 < s.size() && is_digit(s[i + 10])) continue;
        if (!date_shaped(s.substr(i, 10))) continue;
        if (const auto d = parse_plan_date(s.substr(i, 10))) return d;
        bad = std::string(s.substr(i, 10));
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<VersionHeading> parse_version_heading(std::string_view text) {
    std::string cleaned(text);
    const bool small = cleaned.find("<small>") != std::string::npos;
    remove_all(cleaned, "<small>");
    remove_all(cleaned, "</small>");
    std::string_view s = trim(cleaned);
    VersionHeading h;
    std::string_view rest;
    if (!s.empty() && s.front() == '[') {
        const std::size_t close = s.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view label = trim(s.substr(1, close - 1));
        rest = s.substr(close + 1);
        if (lower(label) == "unreleased") {
            h.unreleased = true;
            h.label = "Unreleased";
        } else if (looks_like_version(strip_v(label))) {
            h.label = std::string(strip_v(label));
        } else {
            return std::nullopt;
        }
        if (!rest.empty() && rest.front() == '(') {
            const std::size_t end = rest.find(')');
            if (end != std::string_view::npos) {
                h.link = std::string(trim(rest.substr(1, end - 1)));
                rest = rest.substr(end + 1);
            }
        }
    } else {
        std::size_t end = 0;
        while (end < s.size() && !is_space(s[end])) ++end;
        const std::string_view first = s.substr(0, end);
        if (lower(first) == "unreleased") {
            h.unreleased = true;
            h.label = "Unreleased";
        } else if (looks_like_version(strip_v(first))) {
            h.label = std::string(strip_v(first));
        } else {
            return std::nullopt;
        }
        rest = s.substr(end);
    }
    h.date = find_date(rest, h.bad_date);
    h.yanked = contains_nocase(rest, "[yanked]");
    h.small = small;
    h.paren_date = rest.find('(') != std::string_view::npos && h.date.has_value();
    return h;
}

struct LinkRef {
    std::string label;
    std::string url;
};

// `[label]: url` (a Markdown link reference definition, up to three spaces of indent).
std::optional<LinkRef> parse_link_ref(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ' && indent < 4) ++indent;
    if (indent > 3) return std::nullopt;
    line.remove_prefix(indent);
    if (line.empty() || line.front() != '[') return std::nullopt;
    const std::size_t close = line.find("]:");
    if (close == std::string_view::npos || close < 2) return std::nullopt;
    const std::string_view url = trim(line.substr(close + 2));
    if (url.empty() || url.find(' ') != std::string_view::npos) return std::nullopt;
    return LinkRef{lower(trim(line.substr(1, close - 1))), std::string(url)};
}

struct Entry {
    std::size_t line = 0;
    std::string text;
    ChangelogSection section;
    std::size_t blank_lines = 0;  // blank lines seen since the entry's last line
};

struct Draft {
    VersionHeading heading;
    std::size_t line = 0;
    std::size_t offset = 0;  // byte offset of the heading line
    std::vector<Entry> entries;
    std::vector<std::string> summary;
    std::string full_changelog;  // GitHub's "**Full Changelog**: URL"
};

// Evidence for each dialect, counted over the whole file.
struct Signals {
    int keep_a_changelog = 0, conventional = 0, release_please = 0, git_cliff = 0, github = 0;

    void heading(const VersionHeading& h, std::size_t level) {
        if (h.small || (h.paren_date && level == 1)) conventional += 2;
        else if (h.paren_date) release_please += 1;
        else if (h.date || h.unreleased) keep_a_changelog += 1;
    }
    void section(std::string_view heading) {
        const unsigned char first = heading.empty() ? 0 : static_cast<unsigned char>(heading.front());
        const std::string key = changelog_section_key(heading);
        if (key == "whats changed" || key == "new contributors") github += 3;
        else if (first >= 0x80 && key != "breaking changes") git_cliff += 1;  // "### 🚜 Refactor"
    }
    void entry(std::string_view text) {
        if (starts_with(text, "*(") || text.find(") - ([") != std::string_view::npos) git_cliff += 1;
        if (text.find(" by @") != std::string_view::npos && text.find(" in http") != std::string_view::npos) github += 1;
    }
    ChangelogDialect pick() const {
        const std::pair<int, ChangelogDialect> ranked[] = {
            {github, ChangelogDialect::github_release_notes}, {git_cliff, ChangelogDialect::git_cliff},
            {conventional, ChangelogDialect::conventional_changelog}, {release_please, ChangelogDialect::release_please},
            {keep_a_changelog, ChangelogDialect::keep_a_changelog}};
        std::pair<int, ChangelogDialect> best{0, ChangelogDialect::hand_written};
        for (const auto& r : ranked) {
            if (r.first > best.first) best = r;
        }
        return best.second;
    }
};

std::string infer_project_name(std::string_view title, const std::string& repository) {
    const std::string t = lower(trim(title));
    if (!t.empty() && t != "changelog" && t != "change log" && t != "release notes" && t != "changes") {
        std::string name(trim(title));
        for (const std::string_view suffix : {" Changelog", " changelog", " Change Log", " CHANGELOG"}) {
            if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
                name.resize(name.size() - suffix.size());
            }
        }
        return name;
    }
    if (!repository.empty()) return repository.substr(repository.rfind('/') + 1);
    return "Imported changelog";
}

// "https://github.com/o/r" from a compare, tag, commit or issue URL on a forge.
std::string repository_of(std::string_view url) {
    for (const std::string_view marker : {"/compare/", "/releases/", "/tree/", "/commit/", "/issues/", "/pull/", "/-/"}) {
        const std::size_t at = url.find(marker);
        if (at != std::string_view::npos && starts_with(url, "http")) return std::string(url.substr(0, at));
    }
    return {};
}

// conventional-changelog lists a breaking commit twice: its note under BREAKING CHANGES and its
// header under its type. When both say the same, keep one breaking change with the commit's refs.
void merge_or_add(std::vector<Change>& changes, Change c) {
    for (Change& other : changes) {
        if (other.description != c.description || (other.category == ChangeCategory::breaking_change) ==
                                                       (c.category == ChangeCategory::breaking_change)) {
            continue;
        }
        if (c.category == ChangeCategory::breaking_change) std::swap(other, c);  // `other` is the one kept
        for (auto field : {&Change::ref_id, &Change::link, &Change::commit, &Change::scope, &Change::author}) {
            if ((other.*field).empty()) other.*field = c.*field;
        }
        return;
    }
    changes.push_back(std::move(c));
}

ReleaseType infer_type(const Release& release, const Release* older) {
    const bool all_security =
        !release.changes.empty() && std::all_of(release.changes.begin(), release.changes.end(), [](const Change& c) {
            return c.category == ChangeCategory::security;
        });
    if (all_security) return ReleaseType::security;
    if (release.version.empty()) {
        const auto has = [&](ChangeCategory cat) {
            return std::any_of(release.changes.begin(), release.changes.end(),
                               [&](const Change& c) { return c.category == cat; });
        };
        if (has(ChangeCategory::breaking_change)) return ReleaseType::major;
        if (has(ChangeCategory::new_feature)) return ReleaseType::minor;
        return ReleaseType::patch;
    }
    const auto now = versions::semver_numbers(release.version);
    if (!now) return ReleaseType::minor;
    const auto before = older ? versions::semver_numbers(older->version) : std::nullopt;
    if (before) {
        if ((*now)[0] != (*before)[0]) return ReleaseType::major;
        if ((*now)[1] != (*before)[1]) return ReleaseType::minor;
        return ReleaseType::patch;
    }
    if ((*now)[2] != 0) return ReleaseType::patch;
    if ((*now)[1] != 0) return ReleaseType::minor;
    return ReleaseType::major;
}

// The line-by-line reader: fills drafts, link references and the title.
struct Reader {
    ChangelogImport& result;
    std::vector<Draft> drafts;
    std::vector<LinkRef> refs;
    std::string title;
    Signals signals;
    ChangelogSection section;
    std::string section_heading;
    std::set<std::string> explained;  // section headings already explained
    bool in_section = false;  // a section heading was seen in the current release
    bool in_fence = false;
    bool lazy = false;  // a non-blank line right after an entry continues it
    std::size_t line_no = 0;

    void note(std::string message) {
        result.notes.push_back(Diagnostic{"", std::move(message), static_cast<std::int64_t>(line_no), 1});
    }
    void explain(std::string message) {
        result.explanation.push_back(std::to_string(line_no) + ": " + std::move(message));
    }
    Entry* current() { return drafts.empty() || drafts.back().entries.empty() ? nullptr : &drafts.back().entries.back(); }

    std::optional<Error> heading(std::size_t level, std::string_view text, std::size_t offset) {
        lazy = false;
        if (level <= 3) {
            if (auto v = parse_version_heading(text)) {
                if (!v->bad_date.empty()) {
                    return make_error("release " + v->label + " is dated " + v->bad_date +
                                          ", which is not a calendar date (YYYY-MM-DD)",
                                      offset);
                }
                signals.heading(*v, level);
                drafts.push_back(Draft{std::move(*v), line_no, offset, {}, {}, {}});
                in_section = false;
                return std::nullopt;
            }
        }
        if (drafts.empty()) {
            if (level == 1 && title.empty()) title = std::string(text);
            return std::nullopt;
        }
        signals.section(text);
        const auto known = changelog_section(text);
        if (!known) {
            note("section \"" + std::string(text) + "\" is not a known changelog section; its entries were imported as improvements");
        }
        section = known.value_or(ChangelogSection{});
        section_heading = std::string(text);
        in_section = true;
        if (!explained.insert(section_heading).second) return std::nullopt;
        if (section.dropped) {
            explain("dropped section \"" + section_heading + "\": " + std::string(section.why));
        } else {
            explain("section \"" + section_heading + "\" -> " + std::string(to_string(section.category)) + ", audience " +
                    std::string(to_string(section.audience)));
        }
        return std::nullopt;
    }

    void entry(std::string_view t) {
        if (in_section && section.dropped) {
            lazy = false;
            return;
        }
        Entry e;
        e.line = line_no;
        e.text = std::string(trim(t.substr(2)));
        e.section = in_section ? section : ChangelogSection{};
        signals.entry(e.text);
        if (!in_section) note("entry outside a section; imported as an improvement");
        drafts.back().entries.push_back(std::move(e));
        lazy = true;
    }

    // "**Full Changelog**: URL" links the release; other text is summary or dropped.
    void text_line(std::string_view t) {
        Draft& d = drafts.back();
        const std::string_view full = "**Full Changelog**: ";
        if (starts_with(t, full) && t.find(' ', full.size()) == std::string_view::npos) {
            d.full_changelog = std::string(t.substr(full.size()));
            explain("\"**Full Changelog**\" became the link of release " + d.heading.label);
            return;
        }
        if (!in_section) {
            std::string line(t);
            if (line.size() > 1 && line[0] == '\\' && std::string_view("#-*+[>\\").find(line[1]) != std::string_view::npos) {
                line.erase(0, 1);
            }
            d.summary.push_back(std::move(line));
        } else if (section.dropped) {
            lazy = false;
        } else {
            note("text outside a list entry was not imported");
            explain("dropped text outside a list entry");
        }
    }

    std::optional<Error> line(std::string_view line, std::size_t offset) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view t = trim(line);
        Entry* cur = current();
        std::size_t indent = 0;
        while (indent < line.size() && is_space(line[indent])) ++indent;

        if (starts_with(t, "```") || starts_with(t, "~~~")) {
            in_fence = !in_fence;
            if (cur != nullptr && lazy) append(*cur, line, indent);
            return std::nullopt;
        }
        if (in_fence) {
            if (cur != nullptr && lazy) append(*cur, line, indent);
            return std::nullopt;
        }
        if (t.empty()) {
            if (cur != nullptr) ++cur->blank_lines;
            lazy = false;
            return std::nullopt;
        }
        // Lines indented under an entry belong to it, whatever they look like.
        if (cur != nullptr && indent >= 2 && !(in_section && section.dropped)) {
            append(*cur, line, indent);
            lazy = true;
            return std::nullopt;
        }
        if (cur != nullptr) cur->blank_lines = 0;
        if (t.front() == '#') {
            std::size_t level = 0;
            while (level < t.size() && t[level] == '#') ++level;
            if (level <= 6 && (level == t.size() || is_space(t[level]))) return heading(level, trim(t.substr(level)), offset);
        }
        if (auto ref = parse_link_ref(line)) {
            refs.push_back(std::move(*ref));
            lazy = false;
            return std::nullopt;
        }
        if (starts_with(t, "<a ") || starts_with(t, "<!--")) return std::nullopt;
        if (drafts.empty()) return std::nullopt;
        const bool bullet = t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && is_space(t[1]);
        if (bullet) {
            entry(t);
        } else if (cur != nullptr && lazy) {
            cur->text += " " + std::string(t);
        } else {
            text_line(t);
        }
        return std::nullopt;
    }

    // A continuation line keeps its line break and its indentation relative to the entry.
    static void append(Entry& e, std::string_view line, std::size_t indent) {
        for (; e.blank_lines > 0; --e.blank_lines) e.text += "\n";
        e.text += "\n" + std::string(line.substr(std::min<std::size_t>(indent, 2)));
    }
};

std::optional<Error> duplicate_versions(const std::vector<Draft>& drafts) {
    std::map<std::string, const Draft*> seen;
    for (const Draft& d : drafts) {
        const auto [it, fresh] = seen.emplace(d.heading.label, &d);
        if (!fresh) {
            return make_error("release " + d.heading.label + " appears twice: line " + std::to_string(it->second->line) +
                                  " and line " + std::to_string(d.line) + "; keep one section per version",
                              d.offset);
        }
    }
    return std::nullopt;
}

Release release_of(Draft& d, const std::map<std::string, std::string>& links, std::vector<std::string>& explanation) {
    Release r;
    r.version = d.heading.unreleased ? "" : d.heading.label;
    r.id = d.heading.unreleased ? "unreleased" : d.heading.label;
    r.status = d.heading.unreleased ? ReleaseStatus::planning : ReleaseStatus::released;
    r.yanked = d.heading.yanked;
    r.release_date = d.heading.date;
    r.link = d.heading.link;
    for (const std::string& key : {lower(d.heading.label), "v" + lower(d.heading.label)}) {
        const auto l = links.find(key);
        if (r.link.empty() && l != links.end()) r.link = l->second;
    }
    if (r.link.empty()) r.link = d.full_changelog;
    for (std::size_t i = 0; i < d.summary.size(); ++i) r.summary += (i ? "\n" : "") + d.summary[i];
    for (Entry& e : d.entries) {
        Change c;
        c.category = e.section.category;
        c.audience = e.section.audience;
        const EntryRead read = read_changelog_entry(std::move(e.text), c);
        if (read.breaking) c.category = ChangeCategory::breaking_change;
        for (const std::string& what : read.dropped) {
            explanation.push_back(std::to_string(e.line) + ": dropped " + what);
        }
        merge_or_add(r.changes, std::move(c));
    }
    std::stable_sort(r.changes.begin(), r.changes.end(), [](const Change& a, const Change& b) {
        return changelog_section_rank(a) < changelog_section_rank(b);
    });
    for (std::size_t i = 0; i < r.changes.size(); ++i) r.changes[i].id = r.id + ":" + std::to_string(i + 1);
    return r;
}

}  // namespace

std::string_view to_string(ChangelogDialect dialect) {
    switch (dialect) {
        case ChangelogDialect::keep_a_changelog: return "Keep a Changelog";
        case ChangelogDialect::conventional_changelog: return "conventional-changelog / semantic-release";
        case ChangelogDialect::release_please: return "release-please";
        case ChangelogDialect::git_cliff: return "git-cliff";
        case ChangelogDialect::github_release_notes: return "GitHub generated release notes";
        case ChangelogDialect::hand_written: return "hand-written";
    }
    return "hand-written";
}

Result<ChangelogImport> import_changelog(std::string_view text) {
    if (text.size() > max_changelog_bytes) {
        return make_error("the file is " + std::to_string(text.size()) + " bytes; changelogs are limited to " +
                          std::to_string(max_changelog_bytes >> 20) + " MiB");
    }
    ChangelogImport result;
    std::size_t base = 0;
    if (starts_with(text, "\xEF\xBB\xBF")) {
        base = 3;
        result.notes.push_back(Diagnostic{"", "ignored the UTF-8 byte order mark at the start of the file", 1, 1});
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

    Reader reader{result};
    for (std::size_t pos = base; pos < text.size();) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        ++reader.line_no;
        if (auto error = reader.line(text.substr(pos, eol - pos), pos)) return *error;
        pos = eol + 1;
    }
    if (reader.drafts.empty()) {
        return make_error(
            "no release headings found; expected headings like \"## [1.2.0] - 2024-03-01\" (Keep a Changelog) "
            "or \"## [1.2.0](https://example.com/compare/v1.1.0...v1.2.0) (2024-03-01)\" (conventional-changelog)");
    }
    if (auto error = duplicate_versions(reader.drafts)) return *error;
    result.dialect = reader.signals.pick();

    std::map<std::string, std::string> links;
    for (const LinkRef& r : reader.refs) links.emplace(r.label, r.url);

    Plan& plan = result.plan;
    // Oldest first: the changelog lists newest first.
    for (auto it = reader.drafts.rbegin(); it != reader.drafts.rend(); ++it) {
        Release r = release_of(*it, links, result.explanation);
        r.type = infer_type(r, plan.releases.empty() ? nullptr : &plan.releases.back());
        plan.releases.push_back(std::move(r));
    }
    for (const Release& r : plan.releases) {
        if (plan.project.repository.empty()) plan.project.repository = repository_of(r.link);
    }
    plan.project.name = infer_project_name(reader.title, plan.project.repository);
    return result;
}

}  // namespace relplan

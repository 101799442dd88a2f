#include "notes/changelog_import.hpp"

#include "plan/plan_time.hpp"
#include "base/utf8.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <map>

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

struct Section {
    ChangeCategory category = ChangeCategory::improvement;
    Audience audience = Audience::technical;
};

std::optional<Section> section_for(std::string_view heading) {
    std::string name;
    for (const char c : lower(heading)) {
        if ((c >= 'a' && c <= 'z') || c == ' ') name += c;  // drops emoji, "⚠", punctuation
    }
    const std::string key(trim(name));
    static const std::map<std::string, Section, std::less<>> table{
        {"added", {ChangeCategory::new_feature}},
        {"features", {ChangeCategory::new_feature}},
        {"feature", {ChangeCategory::new_feature}},
        {"new features", {ChangeCategory::new_feature}},
        {"changed", {ChangeCategory::improvement}},
        {"changes", {ChangeCategory::improvement}},
        {"improvements", {ChangeCategory::improvement}},
        {"enhancements", {ChangeCategory::improvement}},
        {"reverts", {ChangeCategory::improvement}},
        {"deprecated", {ChangeCategory::deprecation}},
        {"deprecations", {ChangeCategory::deprecation}},
        {"removed", {ChangeCategory::breaking_change}},
        {"breaking changes", {ChangeCategory::breaking_change}},
        {"breaking", {ChangeCategory::breaking_change}},
        {"fixed", {ChangeCategory::bug_fix}},
        {"fixes", {ChangeCategory::bug_fix}},
        {"bug fixes", {ChangeCategory::bug_fix}},
        {"bugfixes", {ChangeCategory::bug_fix}},
        {"security", {ChangeCategory::security}},
        {"performance", {ChangeCategory::performance}},
        {"performance improvements", {ChangeCategory::performance}},
        {"documentation", {ChangeCategory::improvement, Audience::internal}},
        {"miscellaneous chores", {ChangeCategory::improvement, Audience::internal}},
        {"chores", {ChangeCategory::improvement, Audience::internal}},
        {"code refactoring", {ChangeCategory::improvement, Audience::internal}},
        {"build system", {ChangeCategory::improvement, Audience::internal}},
        {"tests", {ChangeCategory::improvement, Audience::internal}},
        {"continuous integration", {ChangeCategory::improvement, Audience::internal}},
        {"styles", {ChangeCategory::improvement, Audience::internal}},
        {"dependencies", {ChangeCategory::improvement, Audience::internal}},
        {"miscellaneous", {ChangeCategory::improvement, Audience::internal}},
        {"chore", {ChangeCategory::improvement, Audience::internal}},
    };
    const auto it = table.find(key);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

struct VersionHeading {
    std::string label;  // the version, or "Unreleased"
    bool unreleased = false;
    std::string link;
    std::optional<Date> date;
    bool yanked = false;
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

// First YYYY-MM-DD in `s` not glued to other digits.
std::optional<Date> find_date(std::string_view s) {
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (i + 10 < s.size() && is_digit(s[i + 10])) continue;
        if (const auto d = parse_plan_date(s.substr(i, 10))) return d;
    }
    return std::nullopt;
}

std::optional<VersionHeading> parse_version_heading(std::string_view text) {
    std::string cleaned(text);
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
    h.date = find_date(rest);
    h.yanked = contains_nocase(rest, "[yanked]");
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

bool is_hex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// Splits the "([#12](url)) ([abc1234](url)), closes [#10](url)" tail off an entry into the change:
// the left-most issue link becomes ref_id/link, a commit link becomes commit, "closes" issues are
// used only when there is no other issue link.
void take_trailing_refs(std::string& text, Change& change) {
    // Keep a Changelog entries often end in "(#444)." : the full stop stays with the sentence.
    const bool full_stop = text.size() > 2 && text.back() == '.' && text[text.size() - 2] == ')';
    if (full_stop) text.pop_back();
    std::string closes_ref, closes_link;
    for (int guard = 0; guard < 16; ++guard) {
        const std::string_view s = trim(text);
        const std::size_t closes = lower(s).rfind(", closes ");
        if (closes != std::string_view::npos) {
            const std::string_view refs = s.substr(closes + 9);
            const std::size_t mid = refs.find("](");
            const std::size_t end = mid == std::string_view::npos ? mid : refs.find(')', mid);
            if (!refs.empty() && refs.front() == '[' && end != std::string_view::npos) {
                closes_ref = std::string(refs.substr(1, mid - 1));
                closes_link = std::string(refs.substr(mid + 2, end - mid - 2));
            } else {
                closes_ref = std::string(trim(refs.substr(0, refs.find(' '))));
            }
            text = std::string(s.substr(0, closes));
            continue;
        }
        if (s.size() < 4 || s.back() != ')') break;
        if (s[s.size() - 2] == ')') {  // "... ([label](url))"
            const std::size_t open = s.rfind(" ([");
            if (open == std::string_view::npos) break;
            const std::string_view group = s.substr(open + 3, s.size() - open - 5);
            const std::size_t mid = group.find("](");
            if (mid == std::string_view::npos) break;
            const std::string_view label = group.substr(0, mid);
            if (is_hex(label) && label.size() >= 7 && label.size() <= 40) {
                change.commit = std::string(label);
            } else {
                change.ref_id = std::string(label);
                change.link = std::string(group.substr(mid + 2));
            }
            text = std::string(s.substr(0, open));
            continue;
        }
        const std::size_t open = s.rfind(" (#");  // "... (#123)"
        if (open == std::string_view::npos) break;
        const std::string_view number = s.substr(open + 3, s.size() - open - 4);
        if (number.empty() || !std::all_of(number.begin(), number.end(), is_digit)) break;
        change.ref_id = "#" + std::string(number);
        change.link.clear();
        text = std::string(s.substr(0, open));
    }
    if (change.ref_id.empty() && !closes_ref.empty()) {
        change.ref_id = closes_ref;
        change.link = closes_link;
    }
    text = std::string(trim(text));
    if (full_stop) text += '.';
}

// Fills description, scope and refs from one bullet's text; returns whether it was marked breaking.
bool fill_change(std::string text, Change& change) {
    bool breaking = false;
    for (const std::string_view marker : {"**BREAKING:** ", "**BREAKING CHANGE:** ", "**Breaking:** "}) {
        if (starts_with(text, marker)) {
            text.erase(0, marker.size());
            breaking = true;
        }
    }
    if (starts_with(text, "**")) {
        const std::size_t close = text.find("**", 2);
        if (close != std::string::npos && close > 3 && text[close - 1] == ':' &&
            text.find(' ') > close) {
            change.scope = text.substr(2, close - 3);
            text.erase(0, close + 2);
        } else if (close != std::string::npos && close + 2 < text.size() && text[close + 2] == ':' &&
                   text.substr(2, close - 2).find(' ') == std::string::npos) {
            change.scope = text.substr(2, close - 2);
            text.erase(0, close + 3);
        }
    }
    take_trailing_refs(text, change);
    change.description = std::string(trim(text));
    return breaking;
}

struct Entry {
    std::size_t line = 0;
    std::string text;
    Section section;
};

struct Draft {
    VersionHeading heading;
    std::size_t line = 0;
    std::vector<Entry> entries;
    std::vector<std::string> summary;
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
        for (auto field : {&Change::ref_id, &Change::link, &Change::commit, &Change::scope}) {
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

}  // namespace

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

    std::vector<Draft> drafts;
    std::vector<LinkRef> refs;
    std::string title;
    Section section;
    bool in_section = false;  // a ### section heading was seen in the current release
    bool in_fence = false;
    bool lazy = false;  // a non-blank line right after an entry continues it
    std::size_t line_no = 0;
    const auto note = [&](std::string message) {
        result.notes.push_back(Diagnostic{"", std::move(message), static_cast<std::int64_t>(line_no), 1});
    };

    std::size_t pos = base;
    while (pos < text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view t = trim(line);
        Entry* current = drafts.empty() || drafts.back().entries.empty() ? nullptr : &drafts.back().entries.back();

        if (starts_with(t, "```") || starts_with(t, "~~~")) {
            in_fence = !in_fence;
            if (current != nullptr && lazy) current->text += "\n" + std::string(line);
            continue;
        }
        if (in_fence) {
            if (current != nullptr && lazy) current->text += "\n" + std::string(line);
            continue;
        }
        if (t.empty()) {
            lazy = false;
            continue;
        }
        if (t.front() == '#') {
            std::size_t level = 0;
            while (level < t.size() && t[level] == '#') ++level;
            if (level <= 6 && (level == t.size() || is_space(t[level]))) {
                const std::string_view heading = trim(t.substr(level));
                lazy = false;
                if (level <= 3) {
                    if (auto v = parse_version_heading(heading)) {
                        drafts.push_back(Draft{std::move(*v), line_no, {}, {}});
                        in_section = false;
                        continue;
                    }
                }
                if (drafts.empty()) {
                    if (level == 1 && title.empty()) title = std::string(heading);
                    continue;
                }
                const auto known = section_for(heading);
                if (!known) {
                    note("section \"" + std::string(heading) +
                         "\" is not a known changelog section; its entries were imported as improvements");
                }
                section = known.value_or(Section{});
                in_section = true;
                continue;
            }
        }
        if (auto ref = parse_link_ref(line)) {
            refs.push_back(std::move(*ref));
            lazy = false;
            continue;
        }
        if (starts_with(t, "<a ") || starts_with(t, "<a name") || starts_with(t, "<!--")) continue;
        if (drafts.empty()) continue;

        std::size_t indent = 0;
        while (indent < line.size() && is_space(line[indent])) ++indent;
        const bool bullet = t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && is_space(t[1]);
        if (bullet && indent < 2) {
            Entry e;
            e.line = line_no;
            e.text = std::string(trim(t.substr(2)));
            e.section = in_section ? section : Section{};
            if (!in_section) note("entry outside a section; imported as an improvement");
            drafts.back().entries.push_back(std::move(e));
            lazy = true;
            continue;
        }
        if (current != nullptr && (indent >= 2 || lazy)) {
            // Nested list lines keep their indentation relative to the entry.
            current->text += bullet ? "\n" + std::string(line.substr(std::min<std::size_t>(indent, 2))) : " " + std::string(t);
            lazy = true;
            continue;
        }
        if (!in_section) {
            drafts.back().summary.emplace_back(t);
        } else {
            note("text outside a list entry was not imported");
        }
    }

    if (drafts.empty()) {
        return make_error(
            "no release headings found; expected headings like \"## [1.2.0] - 2024-03-01\" (Keep a Changelog) "
            "or \"## [1.2.0](https://example.com/compare/v1.1.0...v1.2.0) (2024-03-01)\" (conventional-changelog)");
    }

    std::map<std::string, std::string> links;
    for (const LinkRef& r : refs) links.emplace(r.label, r.url);

    Plan& plan = result.plan;
    std::map<std::string, int> id_uses;
    // Oldest first: the changelog lists newest first.
    for (auto it = drafts.rbegin(); it != drafts.rend(); ++it) {
        Draft& d = *it;
        Release r;
        r.version = d.heading.unreleased ? "" : d.heading.label;
        r.id = d.heading.unreleased ? "unreleased" : d.heading.label;
        if (const int n = ++id_uses[r.id]; n > 1) {
            r.id += "-" + std::to_string(n);
            result.notes.push_back(Diagnostic{"", "\"" + d.heading.label + "\" appears more than once; imported as release id \"" + r.id + "\"",
                                              static_cast<std::int64_t>(d.line), 1});
        }
        r.status = d.heading.unreleased ? ReleaseStatus::planning : ReleaseStatus::released;
        r.yanked = d.heading.yanked;
        r.release_date = d.heading.date;
        r.link = d.heading.link;
        if (r.link.empty()) {
            const auto l = links.find(lower(d.heading.label));
            if (l != links.end()) r.link = l->second;
            const auto lv = links.find("v" + lower(d.heading.label));
            if (r.link.empty() && lv != links.end()) r.link = lv->second;
        }
        for (std::size_t i = 0; i < d.summary.size(); ++i) r.summary += (i ? "\n" : "") + d.summary[i];
        for (Entry& e : d.entries) {
            Change c;
            c.category = e.section.category;
            c.audience = e.section.audience;
            if (fill_change(std::move(e.text), c)) c.category = ChangeCategory::breaking_change;
            merge_or_add(r.changes, std::move(c));
        }
        for (std::size_t i = 0; i < r.changes.size(); ++i) r.changes[i].id = r.id + ":" + std::to_string(i + 1);
        r.type = infer_type(r, plan.releases.empty() ? nullptr : &plan.releases.back());
        plan.releases.push_back(std::move(r));
    }
    for (const Release& r : plan.releases) {
        if (plan.project.repository.empty()) plan.project.repository = repository_of(r.link);
    }
    plan.project.name = infer_project_name(title, plan.project.repository);
    return result;
}

}  // namespace relplan

#include "notes/changelog_scan.hpp"

#include "notes/changelog_text.hpp"

#include "plan/plan_time.hpp"

#include <array>
#include <unordered_map>

namespace relplan {
namespace {

// The fewest bytes one change takes in a written plan: an object at its indentation (10 bytes with
// the comma after it, 11 ...) with id ("1:1", 25), category ("bug-fix", 34), description (empty,
// 30) and audience ("internal", 32): 142.
constexpr std::uint64_t min_change_json = 140;


using namespace changelog_text;

// At most 60 bytes of `s`, cut at a character boundary, for --explain.
std::string shorten(std::string_view s) {
    if (s.size() <= 60) return std::string(s);
    std::size_t end = 60;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return std::string(s.substr(0, end)) + "…";
}

void remove_all(std::string& s, std::string_view what) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
}

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

// The first YYYY-MM-DD in `s` not glued to other digits (a date that does not exist included).
void find_date(std::string_view s, VersionHeading& h) {
    const auto shaped = [](std::string_view d) {
        for (std::size_t i = 0; i < 10; ++i) {
            if ((i == 4 || i == 7) ? d[i] != '-' : !is_digit(d[i])) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (i + 10 < s.size() && is_digit(s[i + 10])) continue;
        if (!shaped(s.substr(i, 10))) continue;
        h.date = parse_plan_date(s.substr(i, 10));
        h.date_text = std::string(s.substr(i, 10));
        return;
    }
}

bool set_label(std::string_view label, VersionHeading& h) {
    if (lower(label) == "unreleased") {
        h.unreleased = true;
        h.label = "Unreleased";
        return true;
    }
    if (!looks_like_version(strip_v(label))) return false;
    h.label = std::string(strip_v(label));
    return true;
}

struct LinkRef {
    std::string label;
    std::string url;
};

// `[label]: url` (a Markdown link reference definition, up to three spaces of indent).
std::optional<LinkRef> parse_link_ref(std::string_view line) {
    const std::size_t indent = indent_of(line);
    if (indent > 3) return std::nullopt;
    line.remove_prefix(indent);
    if (line.empty() || line.front() != '[') return std::nullopt;
    const std::size_t close = line.find("]:");
    if (close == std::string_view::npos || close < 2) return std::nullopt;
    const std::string_view url = trim(line.substr(close + 2));
    if (url.empty() || url.find(' ') != std::string_view::npos) return std::nullopt;
    return LinkRef{lower(trim(line.substr(1, close - 1))), std::string(url)};
}

// "All notable changes to `name` will be documented in this file": name.
std::string project_phrase(std::string_view t) {
    constexpr std::string_view lead = "All notable changes to ";
    const std::size_t at = t.find(lead);
    if (at == std::string_view::npos) return {};
    const std::string_view rest = t.substr(at + lead.size());
    const std::size_t end = rest.find(" will be documented");
    if (end == std::string_view::npos) return {};
    std::string name(trim(rest.substr(0, end)));
    remove_all(name, "`");
    return lower(name) == "this project" ? std::string() : name;
}

constexpr std::array<ChangelogDialect, 6> dialect_priority{
    ChangelogDialect::git_cliff,        ChangelogDialect::github_release_notes, ChangelogDialect::release_please,
    ChangelogDialect::conventional_changelog, ChangelogDialect::keep_a_changelog, ChangelogDialect::hand_written,
};

class Scanner {
public:
    explicit Scanner(ChangelogScan& out) : out_(out) {}
    void line(std::string_view line, std::size_t offset, std::int64_t number);
    void finish();

private:
    void evidence(ChangelogDialect d) { seen_[static_cast<std::size_t>(d)] = true; }
    ScannedEntry* open_entry() {
        return entry_open_ && !out_.releases.empty() && !out_.releases.back().entries.empty()
                   ? &out_.releases.back().entries.back()
                   : nullptr;
    }
    bool fence(std::string_view line, std::string_view t);
    bool heading(std::string_view t, std::size_t offset);
    void section(std::string_view heading);
    void use_section(const std::string& heading, std::string mapping, std::string why);
    void entry(std::string_view t);
    void drop(std::string what, std::string why) { out_.dropped.push_back(ScannedDrop{line_, std::move(what), std::move(why)}); }

    ChangelogScan& out_;
    std::array<bool, 6> seen_{};
    std::int64_t line_ = 0;
    std::size_t offset_ = 0;  // of the line
    const SectionRow* row_ = nullptr;
    std::string section_heading_;
    bool in_section_ = false;
    std::size_t section_use_ = 0;
    std::unordered_map<std::string, std::size_t> section_index_;  // heading -> out_.sections
    std::size_t entries_ = 0;
    bool in_fence_ = false;
    bool lazy_ = false;        // a non-blank line right after an entry continues it
    bool entry_open_ = false;  // indented lines continue the last entry
    // How the next paragraph line joins the entry: after a blank line it starts a paragraph, after
    // a closing fence a line; otherwise it continues the line (a soft break).
    const char* entry_join_ = " ";
    bool paragraph_break_ = false;
    bool linked_level2_ = false;
    bool linked_other_ = false;
};

bool Scanner::fence(std::string_view line, std::string_view t) {
    const bool marker = starts_with(t, "```") || starts_with(t, "~~~");
    if (!marker && !in_fence_) return false;
    if (marker) in_fence_ = !in_fence_;
    if (ScannedEntry* e = open_entry(); e != nullptr && (lazy_ || in_fence_ || indent_of(line) >= 2 || marker)) {
        e->text += "\n" + std::string(line.substr(std::min<std::size_t>(indent_of(line), 2)));
        entry_join_ = in_fence_ ? " " : "\n";
    } else if (marker && in_fence_ && !out_.releases.empty()) {
        drop("a code block outside a list entry", "a release holds changes and a summary paragraph, not code");
    }
    return true;
}

void Scanner::use_section(const std::string& heading, std::string mapping, std::string why) {
    const auto [known, fresh] = section_index_.emplace(heading, out_.sections.size());
    section_use_ = known->second;
    if (!fresh) return;
    out_.sections.push_back(ChangelogSectionUse{heading, line_, std::move(mapping), std::move(why), 0});
}

void Scanner::section(std::string_view heading) {
    row_ = find_section(heading);
    section_heading_ = std::string(heading);
    in_section_ = true;
    if (row_ == nullptr) {
        out_.notes.push_back(Diagnostic{"", "section \"" + std::string(heading) +
                                                "\" is not a known changelog section; its entries were imported as improvements",
                                        line_, 1});
        use_section(section_heading_, "improvement, technical (unknown heading)", "not in the section table");
        return;
    }
    const std::string key = normalise_section_heading(heading);
    if (row_->kind == SectionKind::by_entry) evidence(ChangelogDialect::github_release_notes);
    if (key == "added" || key == "changed" || key == "deprecated" || key == "removed" || key == "fixed" ||
        key == "security") {
        evidence(ChangelogDialect::keep_a_changelog);
    }
    const bool emoji = !heading.empty() && static_cast<unsigned char>(heading.front()) >= 0x80 && key != "breaking changes";
    if (heading.find("<!--") != std::string_view::npos || emoji || key == "miscellaneous tasks") {
        evidence(ChangelogDialect::git_cliff);
    }
    std::string mapping = row_->kind == SectionKind::changes
                              ? std::string(to_string(row_->category)) + ", " + std::string(to_string(row_->audience))
                          : row_->kind == SectionKind::by_entry ? "by entry (a type prefix, else improvement, technical)"
                                                                : "dropped";
    use_section(section_heading_, std::move(mapping), std::string(row_->why));
}

bool Scanner::heading(std::string_view t, std::size_t offset) {
    std::size_t level = 0;
    while (level < t.size() && t[level] == '#') ++level;
    if (level == 0 || level > 6) return false;
    const std::string_view text = trim(t.substr(level));
    const bool spaced = level == t.size() || is_space(t[level]);
    if (!spaced && (out_.releases.empty() || find_section(text) == nullptr)) return false;  // "#hashtag"
    lazy_ = false;
    entry_open_ = false;
    if (level <= 3) {
        if (auto v = parse_version_heading(text)) {
            // conventional-changelog and release-please put the date in parentheses after the link.
            if (!v->link.empty() && text.find(") (") != std::string_view::npos) {
                (level == 2 ? linked_level2_ : linked_other_) = true;
            }
            if (text.find("<small>") != std::string_view::npos) evidence(ChangelogDialect::conventional_changelog);
            if (v->link.empty() && (v->unreleased || text.find("] - ") != std::string_view::npos)) {
                evidence(ChangelogDialect::keep_a_changelog);
            }
            out_.releases.push_back(ScannedRelease{std::move(*v), line_, offset, {}, {}, {}, 0});
            in_section_ = false;
            row_ = nullptr;
            paragraph_break_ = false;
            return true;
        }
    }
    if (out_.releases.empty()) {
        if (level == 1 && out_.title.empty()) out_.title = std::string(text);
        return true;
    }
    if (!spaced) drop("\"" + std::string(t) + "\"", "read as a section heading although '#' is not followed by a space");
    section(text);
    return true;
}

void Scanner::entry(std::string_view t) {
    ScannedRelease& r = out_.releases.back();
    ScannedEntry e;
    e.line = line_;
    e.text = std::string(trim(t.substr(2)));
    entry_join_ = " ";
    if (!in_section_) {
        e.by_entry = true;
        evidence(ChangelogDialect::hand_written);
        use_section("(no section)", "by entry (a type prefix, else improvement, technical)", "entries before any section heading");
    } else {
        e.row = row_;
        e.by_entry = row_ != nullptr && row_->kind == SectionKind::by_entry;
        e.section = static_cast<std::uint32_t>(section_use_);
    }
    if (starts_with(e.text, "*(") || e.text.find(") - ([") != std::string::npos || ends_with(e.text, " -") ||
        e.text.find("[**breaking**]") != std::string::npos) {
        evidence(ChangelogDialect::git_cliff);
    }
    if (e.text.find(" by @") != std::string::npos && e.text.find(" in http") != std::string::npos) {
        evidence(ChangelogDialect::github_release_notes);
    }
    out_.sections[section_use_].entries += 1;
    lazy_ = true;
    if (in_section_ && row_ != nullptr && row_->kind == SectionKind::not_changes) {
        drop("\"" + shorten(e.text) + "\"", "under \"" + section_heading_ + "\": " + std::string(row_->why));
        entry_open_ = false;
        return;
    }
    entry_open_ = true;
    r.entries.push_back(std::move(e));
    // Limits checked while reading, before the entries take the memory: each change is at least
    // min_change_json bytes of plan, and a release's changes are held together while it is built.
    if (r.entries.size() > max_changes_per_release) {
        out_.refused = make_error("release " + r.heading.label + " (line " + std::to_string(r.line) + ") has more than " +
                                      std::to_string(max_changes_per_release) +
                                      " entries; relplan imports at most that many changes per release",
                                  offset_);
    } else if (++entries_ > max_plan_bytes / min_change_json) {
        out_.refused = make_error("the changelog has more than " + std::to_string(max_plan_bytes / min_change_json) +
                                      " entries; its plan would be over the " + std::to_string(max_plan_bytes >> 20) +
                                      " MiB plan limit; import a shorter changelog",
                                  offset_);
    }
}

void Scanner::line(std::string_view line, std::size_t offset, std::int64_t number) {
    line_ = number;
    offset_ = offset;
    const std::string_view t = trim(line);
    const std::size_t indent = indent_of(line);
    if (fence(line, t)) return;
    if (t.empty()) {
        lazy_ = false;
        paragraph_break_ = true;
        entry_join_ = "\n\n";
        return;
    }
    const bool bullet = t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && is_space(t[1]);
    if (ScannedEntry* e = open_entry(); e != nullptr && indent >= 2) {
        // Nested list lines keep their indentation relative to the entry; paragraph lines join it.
        e->text += bullet ? "\n" + std::string(line.substr(std::min<std::size_t>(indent, 2))) : entry_join_ + std::string(t);
        entry_join_ = " ";
        lazy_ = true;
        return;
    }
    if (heading(t, offset)) return;
    if (auto ref = parse_link_ref(line)) {
        out_.links.push_back(ScannedLink{std::move(ref->label), std::move(ref->url), line_});
        lazy_ = entry_open_ = false;
        return;
    }
    if (starts_with(t, "<!--") || starts_with(t, "<a ")) {
        if (t.find("generated by git-cliff") != std::string_view::npos) evidence(ChangelogDialect::git_cliff);
        return;
    }
    if (out_.releases.empty()) {
        if (out_.project_phrase.empty()) out_.project_phrase = project_phrase(t);
        if (t.find("keepachangelog.com") != std::string_view::npos) evidence(ChangelogDialect::keep_a_changelog);
        return;
    }
    ScannedRelease& r = out_.releases.back();
    if (starts_with(t, "**Full Changelog**:")) {
        std::string url(trim(t.substr(19)));
        if (starts_with(url, "[") && url.find("](") != std::string::npos && ends_with(url, ")")) {
            url = url.substr(url.find("](") + 2);
            url.pop_back();
        }
        r.full_changelog = url;
        r.full_changelog_line = line_;
        evidence(ChangelogDialect::github_release_notes);
        lazy_ = entry_open_ = false;
        return;
    }
    if (bullet && indent < 2) return entry(t);
    if (ScannedEntry* e = open_entry(); e != nullptr && lazy_) {
        e->text += entry_join_ + std::string(t);
        entry_join_ = " ";
        return;
    }
    entry_open_ = false;
    if (!in_section_) {
        if (!r.summary.empty()) r.summary += paragraph_break_ ? "\n\n" : "\n";
        r.summary += std::string(t);
        paragraph_break_ = false;
        return;
    }
    out_.notes.push_back(Diagnostic{"", "text outside a list entry was not imported", line_, 1});
    drop("\"" + shorten(t) + "\"", "text inside a section but outside a list entry");
}

void Scanner::finish() {
    if (linked_level2_ || linked_other_) {
        evidence(linked_other_ ? ChangelogDialect::conventional_changelog : ChangelogDialect::release_please);
    }
    bool first = true;
    for (const ChangelogDialect d : dialect_priority) {
        if (!seen_[static_cast<std::size_t>(d)]) continue;
        if (first) {
            out_.dialect = d;
            first = false;
        } else {
            out_.also_seen.push_back(d);
        }
    }
}

}  // namespace

std::optional<VersionHeading> parse_version_heading(std::string_view text) {
    std::string cleaned(text);
    remove_all(cleaned, "<small>");
    remove_all(cleaned, "</small>");
    std::string_view s = trim(cleaned);
    VersionHeading h;
    std::string_view rest;
    if (!s.empty() && s.front() == '[') {
        const std::size_t close = s.find(']');
        if (close == std::string_view::npos || !set_label(trim(s.substr(1, close - 1)), h)) return std::nullopt;
        rest = s.substr(close + 1);
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
        if (!set_label(s.substr(0, end), h)) return std::nullopt;
        rest = s.substr(end);
    }
    find_date(rest, h);
    h.yanked = lower(rest).find("[yanked]") != std::string::npos;
    return h;
}

ChangelogScan scan_changelog(std::string_view text, std::size_t start) {
    ChangelogScan out;
    Scanner scanner(out);
    std::int64_t number = 0;
    for (std::size_t pos = start; pos < text.size();) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        scanner.line(line, pos, ++number);
        if (out.refused) return out;
        pos = eol + 1;
    }
    scanner.finish();
    return out;
}

}  // namespace relplan

#include "notes/changelog_entry.hpp"

#include "base/text.hpp"

#include <algorithm>

namespace relplan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool is_hash(std::string_view s) {
    return s.size() >= 7 && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
               return is_digit(c) || (c >= 'a' && c <= 'f');
           });
}

bool is_user(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
               c == '[' || c == ']' || c == '.';
    });
}

// "#12" for an issue or pull request URL on a forge, else empty.
std::string ref_of_url(std::string_view url) {
    for (const std::string_view marker : {"/pull/", "/issues/", "/merge_requests/"}) {
        const std::size_t at = url.rfind(marker);
        if (at == std::string_view::npos) continue;
        const std::string_view n = url.substr(at + marker.size());
        if (!n.empty() && std::all_of(n.begin(), n.end(), is_digit)) return "#" + std::string(n);
    }
    return {};
}

struct Refs {
    std::vector<std::pair<std::string, std::string>> issues;  // right to left
    std::string commit;
    std::string author;
};

// Takes one reference off the end of `s`; false when there is none.
bool take_one(std::string_view& s, Refs& refs) {
    if (ends_with(s, " -") || ends_with(s, " \xE2\x80\x94")) {  // git-cliff's " - " separator
        s = trim(s.substr(0, s.rfind(' ')));
        return true;
    }
    if (const std::size_t closes = s.rfind(", closes "); closes != std::string_view::npos) {
        const std::string_view tail = s.substr(closes + 9);
        const std::size_t mid = tail.find("](");
        if (starts_with(tail, "[") && mid != std::string_view::npos && ends_with(tail, ")")) {
            refs.issues.emplace_back(tail.substr(1, mid - 1), tail.substr(mid + 2, tail.size() - mid - 3));
        } else if (tail.find(' ') == std::string_view::npos) {
            refs.issues.emplace_back(tail, "");
        } else {
            return false;
        }
        s = trim(s.substr(0, closes));
        return true;
    }
    if (ends_with(s, "))")) {  // " ([label](url))"
        const std::size_t open = s.rfind(" ([");
        if (open == std::string_view::npos) return false;
        const std::string_view group = s.substr(open + 3, s.size() - open - 5);
        const std::size_t mid = group.find("](");
        if (mid == std::string_view::npos) return false;
        const std::string_view label = group.substr(0, mid);
        if (starts_with(label, "@") && is_user(label.substr(1)) && refs.author.empty()) {  // "([@user](url))"
            refs.author = std::string(label.substr(1));
        } else if (is_hash(label) && refs.commit.empty()) {
            refs.commit = std::string(label);
        } else {
            refs.issues.emplace_back(label, group.substr(mid + 2));
        }
        s = trim(s.substr(0, open));
        return true;
    }
    if (ends_with(s, ")")) {  // " (#123)" or " (abc1234)"
        const std::size_t open = s.rfind(" (");
        if (open == std::string_view::npos) return false;
        const std::string_view inner = s.substr(open + 2, s.size() - open - 3);
        if (starts_with(inner, "#") && inner.size() > 1 && std::all_of(inner.begin() + 1, inner.end(), is_digit)) {
            refs.issues.emplace_back(inner, "");
        } else if (is_hash(inner) && refs.commit.empty()) {
            refs.commit = std::string(inner);
        } else {
            return false;
        }
        s = trim(s.substr(0, open));
        return true;
    }
    // GitHub: "by @user in https://github.com/o/r/pull/12", "by @user in [#12](url)", "by @user"
    const std::size_t by = s.rfind(" by ");
    if (by == std::string_view::npos || !refs.author.empty()) return false;
    std::string_view tail = s.substr(by + 4);
    std::string_view in;
    if (const std::size_t at = tail.find(" in "); at != std::string_view::npos) {
        in = trim(tail.substr(at + 4));
        tail = tail.substr(0, at);
    }
    std::string_view user = tail;
    if (starts_with(user, "[@") && ends_with(user, ")") && user.find("](") != std::string_view::npos) {
        user = user.substr(1, user.find("](") - 1);  // "[@user](https://github.com/user)"
    }
    if (!starts_with(user, "@") || !is_user(user.substr(1))) return false;
    if (!in.empty()) {
        if (starts_with(in, "http") && in.find(' ') == std::string_view::npos && !ref_of_url(in).empty()) {
            refs.issues.emplace_back(ref_of_url(in), in);
        } else if (starts_with(in, "[#") && ends_with(in, ")") && in.find("](") != std::string_view::npos) {
            const std::size_t mid = in.find("](");
            refs.issues.emplace_back(in.substr(1, mid - 1), in.substr(mid + 2, in.size() - mid - 3));
        } else if (starts_with(in, "#") && std::all_of(in.begin() + 1, in.end(), is_digit) && in.size() > 1) {
            refs.issues.emplace_back(in, "");
        } else {
            return false;
        }
    }
    refs.author = std::string(user.substr(1));
    s = trim(s.substr(0, by));
    return true;
}

bool take_prefix(std::string& text, std::string_view prefix) {
    if (!starts_with(text, prefix)) return false;
    text.erase(0, prefix.size());
    return true;
}

bool take_breaking(std::string& text) {
    bool found = false;
    for (const std::string_view marker :
         {"**BREAKING:** ", "**BREAKING CHANGE:** ", "**Breaking:** ", "**breaking:** ", "[**breaking**] "}) {
        found = take_prefix(text, marker) || found;
    }
    return found;
}

void take_scope(std::string& text, Change& change) {
    if (starts_with(text, "*(")) {  // git-cliff "*(scope)* "
        const std::size_t close = text.find(")* ");
        if (close != std::string::npos && text.substr(2, close - 2).find(' ') == std::string::npos) {
            change.scope = text.substr(2, close - 2);
            text.erase(0, close + 3);
        }
        return;
    }
    if (!starts_with(text, "**")) return;
    const std::size_t close = text.find("**", 2);
    if (close == std::string::npos || close < 3) return;
    if (text[close - 1] == ':' && text.find(' ') > close) {  // "**scope:** "
        change.scope = text.substr(2, close - 3);
        text.erase(0, close + 2);
    } else if (close + 2 < text.size() && text[close + 2] == ':' &&
               text.substr(2, close - 2).find(' ') == std::string::npos) {  // "**scope**: "
        change.scope = text.substr(2, close - 2);
        text.erase(0, close + 3);
    }
    text = std::string(trim(text));
}

// Hand-written "[#12](url) [#13](url): text": the references lead the entry.
void take_leading_refs(std::string& text, Refs& refs) {
    std::vector<std::pair<std::string, std::string>> found;
    std::size_t at = 0;
    while (text.compare(at, 2, "[#") == 0) {
        const std::size_t mid = text.find("](", at);
        const std::size_t end = mid == std::string::npos ? mid : text.find(')', mid);
        if (end == std::string::npos) return;
        found.emplace_back(text.substr(at + 1, mid - at - 1), text.substr(mid + 2, end - mid - 2));
        at = end + 1;
        if (text.compare(at, 2, ": ") == 0) {
            text.erase(0, at + 2);
            refs.issues.insert(refs.issues.end(), found.rbegin(), found.rend());
            return;
        }
        if (text.compare(at, 1, " ") != 0) return;
        ++at;
    }
}

}  // namespace

EntryRead read_changelog_entry(std::string text, Change& change) {
    EntryRead read;
    Refs leading;
    take_leading_refs(text, leading);
    read.breaking = take_breaking(text);
    take_scope(text, change);
    read.breaking = take_breaking(text) || read.breaking;

    // Keep a Changelog entries often end in "(#444)." : the full stop stays with the sentence.
    const bool full_stop = ends_with(text, ").");
    if (full_stop) text.pop_back();
    std::string_view s = trim(text);
    Refs refs;
    for (int guard = 0; guard < 32 && take_one(s, refs); ++guard) {
    }
    refs.issues.insert(refs.issues.end(), leading.issues.begin(), leading.issues.end());
    if (!refs.issues.empty()) {
        change.ref_id = refs.issues.back().first;
        change.link = refs.issues.back().second;
        for (std::size_t i = 0; i + 1 < refs.issues.size(); ++i) {
            read.dropped.push_back("reference " + refs.issues[i].first + " (only the first reference is kept)");
        }
    }
    change.commit = refs.commit;
    change.author = refs.author;
    std::string description(s);
    if (full_stop) description += '.';
    if (starts_with(description, "\\") && description.size() > 1) description.erase(0, 1);
    change.description = unescape_changelog_text(description);
    return read;
}

std::string escape_changelog_text(std::string_view text) {
    std::string out;
    bool code = false;
    for (const char c : text) {
        if (c == '`') code = !code;
        if (c == '\n') code = false;
        if (c == '<' && !code) out += '\\';
        out += c;
    }
    return out;
}

std::string unescape_changelog_text(std::string_view text) {
    std::string out;
    bool code = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '`') code = !code;
        if (text[i] == '\n') code = false;
        if (!code && text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '<') continue;
        out += text[i];
    }
    return out;
}

std::string write_changelog_entry(const Change& c, std::string_view repository) {
    std::string line;
    if (c.category == ChangeCategory::breaking_change) line += "**BREAKING:** ";
    if (!c.scope.empty()) line += "**" + escape_changelog_text(clean_text(c.scope)) + ":** ";
    std::string description = escape_changelog_text(clean_text(c.description));
    // A first character that the reader would take for a marker, scope or escape is escaped.
    if (!description.empty() && (description[0] == '*' || description[0] == '[' || description[0] == '\\')) {
        description.insert(0, "\\");
    }
    for (std::size_t at = description.find('\n'); at != std::string::npos; at = description.find('\n', at + 1)) {
        if (at + 1 < description.size() && description[at + 1] != '\n') description.insert(at + 1, "  ");
    }
    line += description;
    if (!c.author.empty()) line += " by @" + clean_text(c.author);
    if (!c.ref_id.empty()) {
        const auto url = sanitize_url(c.link);
        line += url ? " ([" + clean_text(c.ref_id) + "](" + *url + "))" : " (" + clean_text(c.ref_id) + ")";
    }
    if (!c.commit.empty()) {
        const std::string commit = clean_text(c.commit);
        line += repository.empty() ? " (" + commit + ")"
                                   : " ([" + commit + "](" + std::string(repository) + "/commit/" + commit + "))";
    }
    return line;
}

}  // namespace relplan

#include "notes/changelog_entry.hpp"

#include "notes/changelog_text.hpp"
#include "notes/markdown.hpp"

#include "base/text.hpp"

#include <array>
#include <optional>

namespace relplan {
namespace {

using namespace changelog_text;

struct Ref {
    std::string label;
    std::string url;
};

constexpr std::array<std::string_view, 11> breaking_markers{
    "**BREAKING:** ", "**BREAKING CHANGE:** ", "**Breaking:** ", "**breaking:** ", "**BREAKING** ", "**Breaking** ",
    "*Breaking* ",    "_Breaking:_ ",          "_Breaking_: ",   "[**breaking**] ", "**BREAKING CHANGE**: ",
};

struct Prefix {
    std::size_t length = 0;
    bool breaking = false;
    std::string scope;
    const SectionRow* type = nullptr;
};

bool scope_text(std::string_view s) {
    return !s.empty() && s.find_first_of(" *()[]`") == std::string_view::npos;
}

// `**scope:** ` or `**scope**: ` -> scope, bytes used.
std::optional<std::pair<std::string, std::size_t>> bold_scope(std::string_view s) {
    if (!starts_with(s, "**")) return std::nullopt;
    const std::size_t close = s.find("**", 2);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inner = s.substr(2, close - 2);
    if (ends_with(inner, ":") && s.substr(close + 2, 1) == " " && scope_text(inner.substr(0, inner.size() - 1))) {
        return std::make_pair(std::string(inner.substr(0, inner.size() - 1)), close + 3);
    }
    if (s.substr(close + 2, 2) == ": " && scope_text(inner)) return std::make_pair(std::string(inner), close + 4);
    return std::nullopt;
}

// git-cliff's `*(scope)* `.
std::optional<std::pair<std::string, std::size_t>> cliff_scope(std::string_view s) {
    if (!starts_with(s, "*(")) return std::nullopt;
    const std::size_t close = s.find(")* ");
    if (close == std::string_view::npos || !scope_text(s.substr(2, close - 2))) return std::nullopt;
    return std::make_pair(std::string(s.substr(2, close - 2)), close + 3);
}

// `fix(scope)!: ` or `Added: ` where the word names a known type.
std::optional<Prefix> type_prefix(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
    if (i == 0) return std::nullopt;
    Prefix p;
    p.type = find_entry_type(s.substr(0, i));
    if (p.type == nullptr) return std::nullopt;
    if (s.substr(i, 1) == "(") {
        const std::size_t close = s.find(')', i);
        if (close == std::string_view::npos || !scope_text(s.substr(i + 1, close - i - 1))) return std::nullopt;
        p.scope = std::string(s.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    if (s.substr(i, 1) == "!") {
        p.breaking = true;
        ++i;
    }
    if (s.substr(i, 2) != ": ") return std::nullopt;
    p.length = i + 2;
    return p;
}

Prefix read_prefix(std::string_view s, bool by_entry) {
    Prefix p;
    for (bool more = true; more;) {
        more = false;
        const std::string_view rest = s.substr(p.length);
        for (const std::string_view marker : breaking_markers) {
            if (starts_with(rest, marker)) {
                p.breaking = true;
                p.length += marker.size();
                more = true;
                break;
            }
        }
        if (more || !p.scope.empty() || p.type != nullptr) continue;
        auto scope = bold_scope(rest);
        if (!scope) scope = cliff_scope(rest);
        if (scope) {
            p.scope = std::move(scope->first);
            p.length += scope->second;
            more = true;
        } else if (by_entry) {
            if (auto typed = type_prefix(rest)) {
                p.type = typed->type;
                p.scope = std::move(typed->scope);
                p.breaking = p.breaking || typed->breaking;
                p.length += typed->length;
                more = true;
            }
        }
    }
    return p;
}

bool escaped_start(std::string_view s) {
    return s.size() >= 2 && s[0] == '\\' && (s[1] == '*' || s[1] == '_' || s[1] == '[');
}

// `[label](url)` exactly, the URL without spaces or parentheses.
std::optional<Ref> inline_link(std::string_view s) {
    if (!starts_with(s, "[") || !ends_with(s, ")")) return std::nullopt;
    const std::size_t mid = s.find("](");
    if (mid == std::string_view::npos || mid < 2) return std::nullopt;
    const std::string_view label = s.substr(1, mid - 1);
    const std::string_view url = s.substr(mid + 2, s.size() - mid - 3);
    if (label.find_first_of("[]") != std::string_view::npos || url.empty() ||
        url.find_first_of(" ()") != std::string_view::npos) {
        return std::nullopt;
    }
    return Ref{std::string(label), std::string(url)};
}

// "#N", "owner/repo#N": an issue written without a link.
bool bare_issue(std::string_view s) {
    const std::size_t hash = s.find('#');
    if (hash == std::string_view::npos || hash + 1 == s.size()) return false;
    const std::string_view number = s.substr(hash + 1);
    return std::all_of(number.begin(), number.end(), is_digit) && s.substr(0, hash).find(' ') == std::string_view::npos;
}

// The link of reference `label` made from the first reference's: "#13" after "#12" at
// ".../issues/12" is at ".../issues/13". A change keeps one link, so a list of references on one
// tracker round-trips through it; nullopt when the first link does not end in its own number.
std::optional<std::string> derived_link(const Ref& first, std::string_view label) {
    const auto number = [](std::string_view l) -> std::string_view {
        return l.size() > 1 && l.front() == '#' && std::all_of(l.begin() + 1, l.end(), is_digit) ? l.substr(1) : std::string_view();
    };
    const std::string_view from = number(first.label), to = number(label);
    if (from.empty() || to.empty() || !ends_with(first.url, "/" + std::string(from))) return std::nullopt;
    return first.url.substr(0, first.url.size() - from.size()) + std::string(to);
}

// "[#12](…/12), [#13](…/13)": each of several references with its own link, made from `url`, the
// first one's; nullopt unless every one can be made.
std::optional<std::string> linked_refs(const std::vector<Ref>& refs, const std::string& url) {
    if (refs.size() < 2) return std::nullopt;
    const Ref first{refs.front().label, url};
    std::string out;
    for (const Ref& r : refs) {
        const auto link = derived_link(first, r.label);
        if (!link) return std::nullopt;
        out += (out.empty() ? "[" : ", [") + r.label + "](" + *link + ")";
    }
    return out;
}

// A list of references: "[#1](u) [#2](u)", "#1, #2", "[#1], [#2]" (reference-style). nullopt when
// any item is something else.
std::optional<std::vector<Ref>> ref_list(std::string_view s, const EntryContext& context) {
    std::vector<Ref> refs;
    while (!(s = trim(s)).empty()) {
        if (s.front() == ',') {
            s.remove_prefix(1);
            continue;
        }
        std::size_t end = 0;
        if (s.front() == '[') {
            const std::size_t close = s.find(']');
            if (close == std::string_view::npos) return std::nullopt;
            end = close + 1;
            if (s.substr(end, 1) == "(") {
                const std::size_t paren = s.find(')', end);
                if (paren == std::string_view::npos) return std::nullopt;
                end = paren + 1;
                auto link = inline_link(s.substr(0, end));
                if (!link) return std::nullopt;
                refs.push_back(std::move(*link));
            } else {
                const std::string label(s.substr(1, close - 1));
                if (label.empty()) return std::nullopt;
                std::string url;
                if (context.link_definitions != nullptr) {
                    const auto it = context.link_definitions->find(lower(label));
                    if (it != context.link_definitions->end()) url = it->second;
                }
                refs.push_back(Ref{label, url});
            }
        } else {
            end = std::min(s.find_first_of(", "), s.size());
            if (!bare_issue(s.substr(0, end))) return std::nullopt;
            refs.push_back(Ref{std::string(s.substr(0, end)), {}});
        }
        s.remove_prefix(end);
    }
    if (refs.empty()) return std::nullopt;
    return refs;
}

struct Tail {
    std::vector<Ref> refs;    // in the order written
    std::vector<Ref> closes;  // conventional-changelog's ", closes …"
    std::string commit;
    std::string author;
};

// The full hash when `url` is a commit URL whose hash starts with `label`.
std::string commit_of(std::string_view label, std::string_view url) {
    const std::size_t at = url.rfind("/commit/");
    if (at == std::string_view::npos) return std::string(label);
    const std::string_view hash = url.substr(at + 8);
    if (is_hash(hash) && lower(hash.substr(0, label.size())) == lower(label)) return std::string(hash);
    return std::string(label);
}

bool user_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.' ||
               c == '[' || c == ']';
    });
}

// " by @user in <target>" at the end of `s` (GitHub's generated notes, git-cliff's github templates).
bool take_github_author(std::string& s, Tail& t) {
    const std::size_t by = s.rfind(" by @");
    if (by == std::string::npos || !t.author.empty()) return false;
    const std::string_view rest = std::string_view(s).substr(by + 5);
    const std::size_t in = rest.find(" in ");
    if (in == std::string_view::npos) {
        if (!user_name(rest)) return false;
        t.author = std::string(rest);
    } else {
        const std::string_view user = rest.substr(0, in);
        const std::string_view target = rest.substr(in + 4);
        if (!user_name(user)) return false;
        if (auto link = inline_link(target)) {
            t.refs.insert(t.refs.begin(), std::move(*link));
        } else {
            const std::size_t slash = target.rfind('/');
            const std::string_view number = slash == std::string_view::npos ? std::string_view{} : target.substr(slash + 1);
            if (!starts_with(target, "http") || target.find(' ') != std::string_view::npos || number.empty() ||
                !std::all_of(number.begin(), number.end(), is_digit)) {
                return false;
            }
            t.refs.insert(t.refs.begin(), Ref{"#" + std::string(number), std::string(target)});
        }
        t.author = std::string(user);
    }
    s.resize(by);
    return true;
}

// A parenthesised group at the end of `s`: links, references or a commit hash.
bool take_group(std::string& s, Tail& t, const EntryContext& context) {
    if (!ends_with(s, ")")) return false;
    const std::size_t open = s.rfind(" (");
    if (open == std::string::npos) return false;
    const std::string_view inside = std::string_view(s).substr(open + 2, s.size() - open - 3);
    if (auto link = inline_link(inside); link && is_hash(link->label)) {
        t.commit = commit_of(link->label, link->url);
    } else if (is_hash(inside) && inside.find_first_of("abcdefABCDEF") != std::string_view::npos) {
        t.commit = std::string(inside);
    } else if (auto refs = ref_list(inside, context)) {
        t.refs.insert(t.refs.begin(), refs->begin(), refs->end());
    } else {
        return false;
    }
    s.resize(open);
    return true;
}

// Removes one recognised tail from the end of `s`; false when there is none.
bool take_tail(std::string& s, Tail& t, const EntryContext& context) {
    s = std::string(trim(s));
    if (ends_with(s, " -")) {  // git-cliff: "text - ([hash](url))"
        s.resize(s.size() - 2);
        return true;
    }
    const std::size_t closes = lower(s).rfind(", closes ");
    if (closes != std::string::npos) {
        if (auto refs = ref_list(std::string_view(s).substr(closes + 9), context)) {
            t.closes.insert(t.closes.begin(), refs->begin(), refs->end());
            s.resize(closes);
            return true;
        }
    }
    if (take_group(s, t, context)) return true;
    return take_github_author(s, t);
}

void unescape_end(std::string& s) {
    if (ends_with(s, "\\)") || ends_with(s, "\\-")) s.erase(s.size() - 2, 1);
    const std::size_t by = s.rfind(" by \\@");
    if (by != std::string::npos && user_name(std::string_view(s).substr(by + 6))) s.erase(by + 4, 1);
}

std::string join_refs(const std::vector<Ref>& refs, ParsedEntry& out) {
    std::vector<Ref> unique;
    for (const Ref& r : refs) {
        const auto same = std::find_if(unique.begin(), unique.end(), [&](const Ref& u) { return u.label == r.label; });
        if (same == unique.end()) {
            unique.push_back(r);
        } else if (same->url.empty()) {
            same->url = r.url;
        }
    }
    std::string ids;
    for (std::size_t i = 0; i < unique.size(); ++i) {
        ids += (i ? ", " : "") + unique[i].label;
        if (i > 0 && !unique[i].url.empty() && unique[i].url != unique[0].url &&
            derived_link(unique[0], unique[i].label) != unique[i].url) {
            out.dropped.push_back("the link of " + unique[i].label + " (" + unique[i].url +
                                  "): a change keeps the first reference's link");
        }
    }
    if (!unique.empty()) out.change.link = unique[0].url;
    return ids;
}

}  // namespace

ParsedEntry parse_entry(std::string_view text, const EntryContext& context) {
    ParsedEntry out;
    const std::size_t eol = std::min(text.find('\n'), text.size());
    const std::string_view first = text.substr(0, eol);
    const Prefix prefix = read_prefix(first, context.by_entry);
    out.breaking = prefix.breaking;
    out.change.scope = prefix.scope;
    out.type = prefix.type;
    std::string s(trim(first.substr(prefix.length)));
    if (escaped_start(s)) s.erase(0, 1);

    // Keep a Changelog entries often end in a pull request reference and a full stop: the full stop stays with the sentence.
    const bool full_stop = ends_with(s, ").");
    if (full_stop) s.pop_back();
    Tail tail;
    for (int guard = 0; guard < 32 && take_tail(s, tail, context); ++guard) {
    }
    s = std::string(trim(s));
    unescape_end(s);
    if (full_stop) s += '.';

    std::vector<Ref> refs = tail.refs;
    refs.insert(refs.end(), tail.closes.begin(), tail.closes.end());
    out.change.ref_id = join_refs(refs, out);
    out.change.commit = tail.commit;
    out.change.author = tail.author;
    out.change.description = s + std::string(text.substr(eol));
    return out;
}

namespace {

// A first line that would read back as something else gets a backslash: before a leading marker,
// or before the last character of a tail the reader would take.
std::string escape_first_line(std::string line) {
    if (read_prefix(line, false).length > 0 || escaped_start(line)) line.insert(0, "\\");
    std::string probe = line;
    Tail tail;
    if (ends_with(probe, ").")) probe.pop_back();
    if (take_tail(probe, tail, {}) || ends_with(line, "\\)") || ends_with(line, "\\-")) {
        const std::size_t by = line.rfind(" by @");
        if (ends_with(line, ")") || ends_with(line, "-")) {
            line.insert(line.size() - 1, "\\");
        } else if (ends_with(line, ").")) {
            line.insert(line.size() - 2, "\\");
        } else if (by != std::string::npos) {
            line.insert(by + 4, "\\");
        }
    }
    return line;
}

// A fence as CommonMark reads it at the start of a line inside a list item: up to three spaces, then
// three or more '`' (no '`' after them) or '~'. `open` is the opening fence when closing one.
bool fence_line(std::string_view line, std::string_view open = {}) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) return false;
    const std::string_view t = line.substr(indent);
    const char c = t.front();
    const std::size_t run = std::min(t.find_first_not_of(c), t.size());
    if ((c != '`' && c != '~') || run < 3) return false;
    if (open.empty()) return c == '~' || t.find('`', run) == std::string_view::npos;
    const std::string_view o = open.substr(open.find_first_not_of(' '));
    return c == o.front() && run >= std::min(o.find_first_not_of(c), o.size()) &&
           t.find_first_not_of(" \t", run) == std::string_view::npos;
}

// The description's lines with the Markdown policy applied (md::sanitize_markdown) to everything but
// fenced code after the first line, which stays as written; `code` marks the fence lines and their code.
struct EntryLine {
    std::string text;
    bool code = false;
};

std::vector<EntryLine> entry_lines(std::string_view description) {
    std::vector<EntryLine> lines;
    std::string prose;  // lines read together, so that a link across lines is seen whole
    bool pending = false;
    const auto flush = [&] {
        if (!pending) return;
        const std::string safe = md::sanitize_markdown(prose);
        for (std::size_t at = 0; at <= safe.size();) {
            const std::size_t eol = std::min(safe.find('\n', at), safe.size());
            lines.push_back({safe.substr(at, eol - at), false});
            at = eol + 1;
        }
        prose.clear();
        pending = false;
    };
    std::string_view open;  // the fence being read, if any
    for (std::size_t at = 0, n = 0; at <= description.size(); ++n) {
        const std::size_t eol = std::min(description.find('\n', at), description.size());
        const std::string_view line = description.substr(at, eol - at);
        at = eol + 1;
        if (!open.empty() || (n > 0 && fence_line(line))) {
            if (open.empty()) {
                flush();
                open = line;
            } else if (fence_line(line, open)) {
                open = {};
            }
            lines.push_back({std::string(line), true});
            continue;
        }
        if (pending) prose += '\n';
        prose += line;
        pending = true;
    }
    flush();
    return lines;
}

bool opens_block(std::string_view line) {
    const std::string_view t = trim(line);
    if (starts_with(t, "#") || starts_with(t, ">")) return true;
    const std::size_t def = t.find("]:");
    return starts_with(t, "[") && def != std::string_view::npos;
}

}  // namespace

std::string format_entry(const Change& change, std::string_view repository) {
    const std::vector<EntryLine> lines = entry_lines(clean_text(change.description));
    std::string line = "- ";
    if (change.category == ChangeCategory::breaking_change) line += "**BREAKING:** ";
    if (scope_text(change.scope)) line += "**" + clean_text(change.scope) + ":** ";
    line += escape_first_line(std::string(trim(lines.front().text)));
    if (user_name(change.author)) line += " by @" + change.author;
    if (!change.ref_id.empty()) {
        const std::string ref = clean_text(change.ref_id);
        const auto url = sanitize_url(change.link);
        const auto plain = ref_list(ref, {});
        const auto linked = url && plain ? linked_refs(*plain, *url) : std::nullopt;
        if (linked) {
            line += " (" + *linked + ")";
        } else if (url) {
            line += " ([" + ref + "](" + *url + "))";
        } else if (plain && std::all_of(plain->begin(), plain->end(), [](const Ref& r) { return bare_issue(r.label); })) {
            line += " (" + ref + ")";
        } else {
            line += " ([" + ref + "])";
        }
    }
    if (is_hash(change.commit)) {
        line += repository.empty() ? " (" + change.commit + ")"
                                   : " ([" + change.commit.substr(0, 7) + "](" + std::string(repository) + "/commit/" +
                                         change.commit + "))";
    }
    line += "\n";
    // Lines after the first are indented into the entry; outside code fences none may open a block.
    for (std::size_t n = 1; n < lines.size(); ++n) {
        std::string rest = lines[n].text;
        if (!lines[n].code && opens_block(rest)) rest.insert(indent_of(rest), "\\");
        line += rest.empty() ? "\n" : "  " + rest + "\n";
    }
    return line;
}

}  // namespace relplan

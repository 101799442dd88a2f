#include "version/pasted_commits.hpp"

#include "base/ascii.hpp"
#include "version/commits.hpp"

#include <algorithm>
#include <iterator>

namespace relplan {

namespace {

using ascii::is_hex;
using ascii::trim;

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        out.push_back(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

// "a1b2c3d feat: x" (git log --oneline) -> "feat: x".
std::string_view drop_hash(std::string_view line) {
    const std::size_t sp = line.find(' ');
    if (sp >= 7 && sp <= 40 && is_hex(line.substr(0, sp))) return line.substr(sp + 1);
    return line;
}

// A Conventional Commit header that starts a new message in blank-line separated text. Footers look
// the same ("Refs: #12"), so a header needs a lower-case or well-known type, a scope, or a "!".
bool starts_commit(std::string_view line) {
    line = drop_hash(line);
    std::size_t i = 0;
    while (i < line.size() && (ascii::is_alnum(line[i]) || line[i] == '-')) ++i;
    if (i == 0 || !ascii::is_alpha(line[0])) return false;
    const std::string_view type = line.substr(0, i);
    bool marked = false;
    if (i < line.size() && line[i] == '(') {
        const std::size_t close = line.find(')', i);
        if (close == std::string_view::npos) return false;
        i = close + 1;
        marked = true;
    }
    if (i < line.size() && line[i] == '!') {
        ++i;
        marked = true;
    }
    if (i + 1 >= line.size() || line[i] != ':' || line[i + 1] != ' ') return false;
    std::string lower(type);
    for (char& c : lower) c = ascii::to_lower(c);
    static constexpr std::string_view known[] = {"feat",     "fix",  "perf", "docs",  "chore",  "refactor", "test",
                                                 "build",    "ci",   "style", "revert", "security", "deprecate"};
    const bool well_known = std::find(std::begin(known), std::end(known), lower) != std::end(known);
    return marked || well_known || lower == type;
}

std::string join_lines(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) out += '\n';
        out += lines[i];
    }
    return out;
}

bool is_commit_line(std::string_view l) {
    if (l.rfind("commit ", 0) != 0) return false;
    const std::string_view rest = trim(l.substr(7));
    return is_hex(rest.substr(0, rest.find(' ')));
}

std::vector<std::string> split_default_git_log(const std::vector<std::string_view>& lines) {
    std::vector<std::string> out;
    std::string* current = nullptr;
    bool in_message = false;
    for (std::string_view l : lines) {
        if (is_commit_line(l)) {
            current = &out.emplace_back();
            in_message = false;
            continue;
        }
        if (!current) continue;
        if (!in_message) {
            if (trim(l).empty()) in_message = true;
            continue;
        }
        const std::string_view body = l.rfind("    ", 0) == 0 ? l.substr(4) : trim(l);
        if (!current->empty()) *current += '\n';
        *current += body;
    }
    for (std::string& m : out)
        while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return out;
}

std::vector<std::string> split_paragraphs(const std::vector<std::string_view>& lines) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        while (i < lines.size() && trim(lines[i]).empty()) ++i;
        std::size_t end = i;
        while (end < lines.size() && !trim(lines[end]).empty()) ++end;
        if (i == end) break;
        const bool all_headers = end - i > 1 && std::all_of(lines.begin() + i, lines.begin() + end, starts_commit);
        if (all_headers) {
            for (std::size_t k = i; k < end; ++k) out.emplace_back(drop_hash(lines[k]));
        } else if (out.empty() || starts_commit(lines[i])) {
            const std::string para = join_lines(lines, i, end);
            out.push_back(para.substr(lines[i].size() - drop_hash(lines[i]).size()));
        } else {
            out.back() += "\n\n" + join_lines(lines, i, end);
        }
        i = end;
    }
    return out;
}

}  // namespace

std::vector<std::string> split_pasted_commits(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) {
        std::vector<std::string> out;
        for (std::string_view m : split_commit_log(text)) out.emplace_back(m);
        return out;
    }
    std::string unix_text;
    unix_text.reserve(text.size());
    std::copy_if(text.begin(), text.end(), std::back_inserter(unix_text), [](char c) { return c != '\r'; });
    const std::vector<std::string_view> lines = lines_of(unix_text);
    // The default format's commit lines carry a full or abbreviated hash.
    if (std::any_of(lines.begin(), lines.end(),
                    [](std::string_view l) { return l.rfind("commit ", 0) == 0 && l.size() >= 14 && is_hex(l.substr(7, 7)); }))
        return split_default_git_log(lines);
    return split_paragraphs(lines);
}

}  // namespace relplan

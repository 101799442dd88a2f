#include "version/squash.hpp"

#include "version/commits.hpp"

#include <algorithm>

namespace relplan {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        start = end + 1;
    }
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The header a line holds, without a list marker, when it is a conventional header of a known type.
std::optional<std::string_view> header_in(std::string_view line) {
    if (line.empty() || line.front() == ' ' || line.front() == '\t') return std::nullopt;
    if (line.substr(0, 2) == "* " || line.substr(0, 2) == "- ") line.remove_prefix(2);
    const auto c = parse_conventional_commit(line);
    static constexpr std::string_view kTypes[] = {"feat", "fix",   "perf",     "revert", "docs", "chore",
                                                  "refactor", "test", "build", "ci",     "style"};
    if (!c.ok() || std::find(std::begin(kTypes), std::end(kTypes), c->type) == std::end(kTypes)) return std::nullopt;
    return line;
}

std::string joined(const std::vector<std::string_view>& lines) {
    std::size_t end = lines.size();
    while (end > 0 && trimmed(lines[end - 1]).empty()) --end;
    std::string out;
    for (std::size_t i = 0; i < end; ++i) {
        if (i) out += '\n';
        out += i == 0 ? lines[i] : trimmed(lines[i]).empty() ? std::string_view() : lines[i].substr(lines[i].find_first_not_of(" \t"));
    }
    return out;
}

// Splits `lines` at every line holding a header; lines before the first header go with `lead`
// (the message's own header and body), or are dropped when there is none.
void split_at_headers(const std::vector<std::string_view>& lines, std::size_t from, bool keep_lead,
                      std::vector<std::string>& out) {
    std::vector<std::string_view> current;
    bool have = keep_lead;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto header = i >= from ? header_in(lines[i]) : std::nullopt;
        if (header) {
            if (have && !current.empty()) out.push_back(joined(current));
            current.assign(1, *header);
            have = true;
        } else if (have) {
            current.push_back(lines[i]);
        }
    }
    if (have && !current.empty()) out.push_back(joined(current));
}

}  // namespace

std::vector<std::string> split_squash_message(std::string_view message) {
    const std::vector<std::string_view> lines = lines_of(message);
    std::vector<std::string> out;
    const auto at = [&](std::string_view marker, std::size_t from) {
        auto it = std::find_if(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end(),
                               [&](std::string_view l) { return trimmed(l) == marker; });
        return static_cast<std::size_t>(it - lines.begin());
    };
    if (const std::size_t begin = at("BEGIN_COMMIT_OVERRIDE", 0); begin < lines.size()) {
        const std::size_t end = at("END_COMMIT_OVERRIDE", begin + 1);
        const std::vector<std::string_view> block(lines.begin() + static_cast<std::ptrdiff_t>(begin + 1),
                                                  lines.begin() + static_cast<std::ptrdiff_t>(end));
        split_at_headers(block, 0, false, out);
        if (!out.empty()) return out;
        return {std::string(message)};
    }
    std::vector<std::string_view> rest;
    std::vector<std::string> nested;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (trimmed(lines[i]) != "BEGIN_NESTED_COMMIT") {
            rest.push_back(lines[i]);
            continue;
        }
        const std::size_t end = at("END_NESTED_COMMIT", i + 1);
        const std::vector<std::string_view> block(lines.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                                  lines.begin() + static_cast<std::ptrdiff_t>(end));
        split_at_headers(block, 0, false, nested);
        i = end;
    }
    split_at_headers(rest, 1, true, out);
    out.insert(out.end(), nested.begin(), nested.end());
    if (out.empty()) out.emplace_back(message);
    return out;
}

}  // namespace relplan

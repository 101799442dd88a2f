#include "version/commits.hpp"

#include "version/semver_detail.hpp"

#include <algorithm>

namespace relplan {

namespace {

bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Commit text stays readable in messages: UTF-8 is kept, only control bytes are escaped.
std::string quoted(std::string_view s) {
    semver_detail::QuoteStyle style;
    style.max = 60;
    style.hex_non_ascii = false;
    style.hex_quotes = true;
    style.ellipsis = true;
    return semver_detail::quote(s, style);
}

struct Line {
    std::string_view text;  // without "\n" or "\r\n"
    std::size_t offset;     // into the message
};

std::vector<Line> split_lines(std::string_view message) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start <= message.size()) {
        std::size_t end = message.find('\n', start);
        if (end == std::string_view::npos) end = message.size();
        std::string_view text = message.substr(start, end - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        lines.push_back(Line{text, start});
        if (end == message.size()) break;
        start = end + 1;
    }
    while (!lines.empty() && is_blank(lines.back().text)) lines.pop_back();
    return lines;
}

// A footer line starts with "Token: " or "Token #", or "BREAKING CHANGE:" / "BREAKING-CHANGE:" (whose
// text may start on the next line). Returns the token length and the separator length, or {0, 0}.
std::pair<std::size_t, std::size_t> footer_start(std::string_view line) {
    for (const std::string_view breaking : {std::string_view("BREAKING CHANGE:"), std::string_view("BREAKING-CHANGE:")}) {
        if (line.substr(0, breaking.size()) == breaking) {
            const bool space = line.size() > breaking.size() && line[breaking.size()] == ' ';
            return {breaking.size() - 1, space ? 2 : 1};
        }
    }
    std::size_t n = 0;
    while (n < line.size() && (is_alnum(line[n]) || line[n] == '-')) ++n;
    if (n == 0) return {0, 0};
    const std::string_view rest = line.substr(n);
    if (rest.substr(0, 2) == ": " || rest.substr(0, 2) == " #") return {n, 2};
    return {0, 0};
}

bool is_breaking_token(std::string_view token) { return token == "BREAKING CHANGE" || token == "BREAKING-CHANGE"; }

std::string_view trim_trailing(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view commit_summary(std::string_view message) {
    std::string_view first = message.substr(0, message.find('\n'));
    if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
    return first;
}

Result<ConventionalCommit> parse_conventional_commit(std::string_view message) {
    const auto fail = [&](std::size_t offset, const std::string& why) {
        return make_error("not a conventional commit " + quoted(commit_summary(message)) + ": " + why +
                              " at offset " + std::to_string(offset),
                          offset);
    };
    if (message.size() > kMaxCommitMessageSize) {
        return make_error("commit message too long: " + std::to_string(message.size()) + " bytes (limit " +
                          std::to_string(kMaxCommitMessageSize) + ")");
    }
    const std::vector<Line> lines = split_lines(message);
    if (lines.empty()) return make_error("not a conventional commit: the message is empty");

    ConventionalCommit c;
    c.raw = std::string(message);
    const std::string_view header = lines[0].text;
    std::size_t p = 0;
    while (p < header.size() && (is_alnum(header[p]) || header[p] == '-' || header[p] == '_')) ++p;
    if (p == 0) return fail(0, "expected a type such as feat or fix");
    for (std::size_t i = 0; i < p; ++i) c.type += lower(header[i]);
    if (p < header.size() && header[p] == '(') {
        const std::size_t open = p;
        const std::size_t close = header.find(')', open);
        if (close == std::string_view::npos) return fail(open, "unclosed '(' of the scope");
        const std::string_view scope = header.substr(open + 1, close - open - 1);
        if (scope.find('(') != std::string_view::npos) return fail(open, "'(' inside the scope");
        if (is_blank(scope)) return fail(open, "empty scope");
        c.scope = std::string(scope);
        p = close + 1;
    }
    if (p < header.size() && header[p] == '!') {
        c.breaking = true;
        c.breaking_bang = true;
        ++p;
    }
    if (p >= header.size() || header[p] != ':') {
        return fail(p, "expected ':' after " + std::string(c.scope.empty() ? "the type" : "the scope") + " " +
                           quoted(header.substr(0, p)));
    }
    if (p + 1 >= header.size() || header[p + 1] != ' ') return fail(p + 1, "expected a space after ':'");
    std::string_view description = header.substr(p + 2);
    while (!description.empty() && description.front() == ' ') description.remove_prefix(1);
    description = trim_trailing(description);
    if (description.empty()) return fail(p + 2, "empty description");
    c.description = std::string(description);

    if (lines.size() == 1) return c;
    if (!is_blank(lines[1].text)) {
        return fail(lines[1].offset, "the line after the description must be blank");
    }
    std::size_t i = 2;
    while (i < lines.size() && is_blank(lines[i].text)) ++i;

    // Footers begin at the first paragraph that opens with a footer line.
    std::size_t footers_at = lines.size();
    for (std::size_t k = i; k < lines.size(); ++k) {
        const bool paragraph_start = k == i || is_blank(lines[k - 1].text);
        const std::size_t token_len = footer_start(lines[k].text).first;
        if (token_len > 0 && (paragraph_start || is_breaking_token(lines[k].text.substr(0, token_len)))) {
            footers_at = k;
            break;
        }
    }
    std::size_t body_end = footers_at;
    while (body_end > i && is_blank(lines[body_end - 1].text)) --body_end;
    for (std::size_t k = i; k < body_end; ++k) {
        if (k > i) c.body += '\n';
        c.body += lines[k].text;
    }
    for (std::size_t k = footers_at; k < lines.size(); ++k) {
        const auto [token_len, sep_len] = footer_start(lines[k].text);
        if (token_len > 0) {
            CommitFooter f;
            f.token = std::string(lines[k].text.substr(0, token_len));
            f.value = std::string(lines[k].text.substr(token_len + sep_len));
            const bool colon = lines[k].text[token_len] == ':';
            if (colon && is_breaking_token(f.token)) c.breaking = true;
            c.footers.push_back(std::move(f));
        } else if (!c.footers.back().value.empty() || !is_blank(lines[k].text)) {
            if (!c.footers.back().value.empty()) c.footers.back().value += '\n';
            c.footers.back().value += lines[k].text;
        }
    }
    for (CommitFooter& f : c.footers) {
        while (!f.value.empty() && (f.value.back() == '\n' || f.value.back() == ' ' || f.value.back() == '\t')) {
            f.value.pop_back();
        }
    }
    return c;
}

std::vector<std::string_view> split_commit_log(std::string_view log) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nul = log.find('\0', start);
        if (nul == std::string_view::npos) {
            const std::string_view last = log.substr(start);
            if (!std::all_of(last.begin(), last.end(), [](char c) { return c == '\n' || c == '\r' || c == ' '; })) {
                out.push_back(last);
            }
            return out;
        }
        out.push_back(log.substr(start, nul - start));
        start = nul + 1;
    }
}

namespace {

bool is_hex_word(std::string_view w) {
    return w.size() >= 7 && w.size() <= 40 &&
           std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Subjects git and GitHub give merge commits.
bool is_merge_subject(std::string_view subject) {
    return starts_with(subject, "Merge pull request #") || starts_with(subject, "Merge branch '") ||
           starts_with(subject, "Merge branch \"") || starts_with(subject, "Merge remote-tracking branch ") ||
           starts_with(subject, "Merge tag '");
}

// The header between the outermost quotes of `Revert "feat: x"`, or the description of `revert: x`.
std::optional<std::string> reverted_header(std::string_view message) {
    const std::string_view subject = trim_trailing(commit_summary(message));
    static constexpr std::string_view kGit = "Revert \"";
    // GitHub's squash merges append a " (#N)" reference after the closing quote.
    const std::size_t close = subject.rfind('"');
    if (starts_with(subject, kGit) && close != std::string_view::npos && close >= kGit.size()) {
        return std::string(subject.substr(kGit.size(), close - kGit.size()));
    }
    std::size_t p = 0;
    while (p < subject.size() && is_alnum(subject[p])) ++p;
    std::string type;
    for (std::size_t i = 0; i < p; ++i) type += lower(subject[i]);
    if (type != "revert") return std::nullopt;
    if (p < subject.size() && subject[p] == '(') p = subject.find(')', p) == std::string_view::npos ? p : subject.find(')', p) + 1;
    if (p < subject.size() && subject[p] == '!') ++p;
    if (subject.substr(p, 2) != ": ") return std::nullopt;
    std::string_view header = subject.substr(p + 2);
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
    if (header.size() >= 2 && header.front() == '"' && header.back() == '"') header = header.substr(1, header.size() - 2);
    return std::string(header);
}

}  // namespace

CommitRecord read_commit_record(std::string_view piece) {
    CommitRecord r;
    r.message = piece;
    const std::size_t eol = piece.find('\n');
    const std::string_view first = piece.substr(0, eol);
    std::size_t words = 0;
    bool all_hex = !first.empty();
    for (std::size_t at = 0; all_hex && at <= first.size();) {
        std::size_t end = first.find(' ', at);
        if (end == std::string_view::npos) end = first.size();
        all_hex = is_hex_word(first.substr(at, end - at));
        if (words == 0) r.hash = first.substr(at, end - at);
        ++words;
        at = end + 1;
    }
    if (all_hex) {
        r.message = eol == std::string_view::npos ? std::string_view{} : piece.substr(eol + 1);
    } else {
        r.hash = {};
    }
    std::string_view rest = r.message;
    while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r')) rest.remove_prefix(1);
    r.merge = is_merge_subject(commit_summary(rest));
    return r;
}

std::optional<RevertOf> revert_of(std::string_view message) {
    auto header = reverted_header(message);
    if (!header) return std::nullopt;
    RevertOf r;
    r.header = std::move(*header);
    static constexpr std::string_view kReverts = "This reverts commit ";
    const std::size_t at = message.find(kReverts);
    if (at != std::string_view::npos) {
        std::size_t end = at + kReverts.size();
        while (end < message.size() && ((message[end] >= '0' && message[end] <= '9') || (message[end] >= 'a' && message[end] <= 'f'))) ++end;
        const std::string_view hash = message.substr(at + kReverts.size(), end - at - kReverts.size());
        if (is_hex_word(hash)) r.hash = std::string(hash);
    }
    return r;
}

std::optional<std::string> commit_log_warning(std::string_view log) {
    if (log.find('\0') != std::string_view::npos) return std::nullopt;
    std::size_t headers = 0;
    for (std::size_t start = 0; start < log.size() && headers < 2;) {
        std::size_t end = log.find('\n', start);
        if (end == std::string_view::npos) end = log.size();
        const std::string_view line = log.substr(start, end - start);
        if (!line.empty() && line.front() != ' ') {
            const auto c = parse_conventional_commit(line);
            // Footer tokens (Refs:, Reviewed-by:) parse as headers too; only release types count.
            static constexpr std::string_view kTypes[] = {"feat", "fix", "perf", "revert", "docs", "chore", "refactor",
                                                          "test", "build", "ci", "style"};
            if (c.ok() && std::find(std::begin(kTypes), std::end(kTypes), c->type) != std::end(kTypes)) ++headers;
        }
        start = end + 1;
    }
    if (headers < 2) return std::nullopt;
    return std::string("the input has no NUL separators but several conventional commit headers, so it is read as one "
                       "commit; give the log as `git log -z --format=%B` (or -z --format='%H %P%n%B')");
}

}  // namespace relplan

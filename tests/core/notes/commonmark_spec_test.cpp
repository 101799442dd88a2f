// Every example of the CommonMark spec (0.29, the test/spec.txt that ships with md4c 0.4.8) through
// md::parse and md::to_html, against the reference HTML with our documented policy applied to it:
// quotes are not escaped in text, links carry no title and no link but http, https and mailto is
// followed (markdown.hpp); our rel="noopener noreferrer" is left out. The examples that still differ,
// each for a reason named in tests/data/notes/commonmark-differences.txt, must be exactly those listed:
// a fix removes its line, a regression fails here.
#include "notes/markdown.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace relplan;

namespace {

struct Example {
    int number = 0;
    std::string markdown;
    std::string html;
};

void replace_all(std::string& s, std::string_view what, std::string_view with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

// The spec's examples: a fence line of 32 backticks and "example", the Markdown, a "." line, the HTML,
// a closing fence. The spec writes tabs as U+2192.
std::vector<Example> examples(const std::string& spec) {
    const std::string fence(32, '`');
    std::vector<Example> out;
    for (std::size_t at = spec.find(fence + " example\n"); at != std::string::npos;
         at = spec.find(fence + " example\n", at + 1)) {
        const std::size_t body = spec.find('\n', at) + 1;
        const std::size_t end = spec.find("\n" + fence, body - 1);
        const std::string text = spec.substr(body, end + 1 - body);
        const std::size_t dot = text.rfind(".\n", 0) == 0 ? 0 : text.find("\n.\n") + 1;
        Example e{static_cast<int>(out.size()) + 1, text.substr(0, dot), text.substr(dot + 2)};
        replace_all(e.markdown, "\xE2\x86\x92", "\t");
        replace_all(e.html, "\xE2\x86\x92", "\t");
        out.push_back(std::move(e));
        at = end;
    }
    return out;
}

std::string with_our_policy(std::string html) {
    html = std::regex_replace(html, std::regex(" title=\"[^\"]*\""), "");
    replace_all(html, "&quot;", "\"");
    return std::regex_replace(html, std::regex("<a href=\"(?!https?:|mailto:)[^\"]*\">([\\s\\S]*?)</a>"), "$1");
}

// "NUMBER REASON" lines; '#' starts a comment.
std::map<int, std::string> known_differences() {
    std::map<int, std::string> out;
    std::istringstream in(test::data("notes/commonmark-differences.txt"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        int number = 0;
        std::string reason;
        fields >> number >> reason;
        out.emplace(number, reason);
    }
    return out;
}

}  // namespace

TEST_CASE("CommonMark spec: every example renders as the reference does, but for the listed differences") {
    const std::string spec = test::read(RELPLAN_COMMONMARK_SPEC);
    const std::vector<Example> all = examples(spec);
    REQUIRE(all.size() == 649);
    const std::map<int, std::string> known = known_differences();
    std::set<int> differing;
    for (const Example& e : all) {
        std::string got = md::to_html(md::parse(e.markdown));
        replace_all(got, " rel=\"noopener noreferrer\"", "");
        const std::string want = with_our_policy(e.html);
        if (got == want) {
            if (known.count(e.number) != 0) FAIL_CHECK("example " << e.number << " now passes: remove it from the list");
            continue;
        }
        differing.insert(e.number);
        if (known.count(e.number) == 0) {
            FAIL_CHECK("example " << e.number << " differs\n--- markdown\n" << e.markdown << "--- want\n" << want
                                  << "--- got\n" << got);
        }
    }
    CHECK(differing.size() == known.size());
}

#include "plan/plan_json.hpp"

#include "../test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace relplan;

namespace {

using relplan::test::read;

std::string data(const std::string& name) { return read(std::string(RELPLAN_TEST_DATA_DIR) + "/plan/" + name); }
std::string acme() { return read(std::string(RELPLAN_ASSETS_DIR) + "/examples/acme.plan.json"); }

std::vector<std::string> formatted(const std::vector<Diagnostic>& ds, std::string_view file = "p.json") {
    std::vector<std::string> out;
    for (const Diagnostic& d : ds) out.push_back(format_diagnostic(d, file));
    return out;
}

std::vector<std::string> errors_of(std::string_view text, std::string_view file = "p.json") {
    return formatted(load_plan(text).errors, file);
}

const std::string header = R"({"format": {"name": "relplan", "version": 1}, "project": {"name": "Acme"}})";

std::string with_releases(const std::string& releases) {
    return header.substr(0, header.size() - 1) + R"(, "releases": [)" + releases + "]}";
}

}  // namespace

TEST_CASE("the embedded example plan loads without problems and re-saves byte for byte") {
    const std::string text = acme();
    const PlanLoad loaded = load_plan(text);
    CHECK(formatted(loaded.errors).empty());
    CHECK(loaded.notes.empty());
    REQUIRE(loaded.ok());
    CHECK(to_json(*loaded.plan) == text);
    CHECK(loaded.plan->releases.size() == 11);
    CHECK(loaded.plan->components.size() == 4);
}

TEST_CASE("canonical output of a minimal plan") {
    Plan plan = test::plan_named("Tiny");
    Release r = test::release("r1", "1.0.0");
    r.type = ReleaseType::patch;
    r.release_date = test::d(2026, 12, 1);
    r.changes.push_back(test::change("c1", "Quote \" backslash \\ tab \t bell \a", ChangeCategory::bug_fix));
    plan.releases.push_back(r);
    CHECK(to_json(plan) == R"({
  "format": {
    "name": "relplan",
    "version": 1
  },
  "project": {
    "name": "Tiny"
  },
  "releases": [
    {
      "id": "r1",
      "version": "1.0.0",
      "type": "patch",
      "status": "planning",
      "release_date": "2026-12-01",
      "changes": [
        {
          "id": "c1",
          "category": "bug-fix",
          "description": "Quote \" backslash \\ tab \t bell \u0007",
          "audience": "technical"
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("canonical output is stable and independent of input layout and member order") {
    const std::string messy = R"({"releases":[{"status":"planning","type":"minor","id":"r1","version":"1.0.0"}],
        "project":{"name":"Acme"},   "format":{"version":1,"name":"relplan"}})";
    const PlanLoad first = load_plan(messy);
    REQUIRE(first.ok());
    const std::string once = to_json(*first.plan);
    const PlanLoad second = load_plan(once);
    REQUIRE(second.ok());
    CHECK(*second.plan == *first.plan);
    CHECK(to_json(*second.plan) == once);
    CHECK(once.find(R"("format": {
    "name": "relplan",
    "version": 1
  },
  "project")") != std::string::npos);
}

TEST_CASE("unknown members survive a round trip exactly, at every level, in their order") {
    const std::string text = R"({"format": {"name": "relplan", "version": 1},
      "x-top": [1, 2.50, 1e400, 12345678901234567890, -0, true, null, "s\u00e9\ud83d\ude00", {}, []],
      "project": {"name": "Acme", "zeta": {"b": 1, "a": {"deep": [[["x"]]]}}, "alpha": false},
      "releases": [{"id": "r1", "type": "minor", "status": "planning", "future_field": {"k": "v"},
        "changes": [{"id": "c1", "category": "bug-fix", "description": "d", "x-jira": "PROJ-1"}]}]})";
    const PlanLoad loaded = load_plan(text);
    REQUIRE(loaded.ok());
    const Plan& p = *loaded.plan;
    REQUIRE(p.extra.size() == 1);
    CHECK(p.extra[0].key == "x-top");
    REQUIRE(p.project.extra.size() == 2);
    CHECK(p.project.extra[0].key == "zeta");
    CHECK(p.project.extra[1].key == "alpha");
    CHECK(p.releases[0].extra[0].json == "{\n  \"k\": \"v\"\n}");
    CHECK(p.releases[0].changes[0].extra[0].json == "\"PROJ-1\"");

    const std::string out = to_json(p);
    CHECK(out.find(R"("x-top": [
    1,
    2.50,
    1e400,
    12345678901234567890,
    -0,
    true,
    null,
    "sé😀",
    {},
    []
  ])") != std::string::npos);
    CHECK(out.find(R"("zeta": {
      "b": 1,
      "a": {
        "deep": [
          [
            [
              "x"
            ]
          ]
        ]
      }
    },
    "alpha": false)") != std::string::npos);
    const PlanLoad again = load_plan(out);
    REQUIRE(again.ok());
    CHECK(*again.plan == p);
    CHECK(to_json(*again.plan) == out);
}

TEST_CASE("format versions: missing, wrong name, newer, older") {
    CHECK(errors_of(R"({"project": {"name": "x"}})") ==
          std::vector<std::string>{R"(p.json:1:1: missing member "format"; a relplan plan starts with "format": {"name": "relplan", "version": 1})"});
    CHECK(errors_of(R"({"format": {"name": "other", "version": 1}, "project": {"name": "x"}})") ==
          std::vector<std::string>{R"(p.json:1:21: /format/name: "other" is not a relplan plan; expected "relplan")"});

    const PlanLoad newer = load_plan(data("newer-format.json"));
    CHECK_FALSE(newer.plan);
    CHECK(formatted(newer.errors, "newer-format.json") ==
          std::vector<std::string>{"newer-format.json:2:44: /format/version: format version 2 is newer than this "
                                   "relplan supports (1); open the file with a newer relplan"});

    const PlanLoad old = load_plan(data("v0.json"));
    REQUIRE(old.ok());
    CHECK(formatted(old.notes, "v0.json") ==
          std::vector<std::string>{"v0.json: migrated from format version 0 to version 1; saving writes version 1"});
    const Release& r = old.plan->releases.at(0);
    CHECK(r.release_date == test::d(2025, 6, 1));
    REQUIRE(r.changes.size() == 3);
    CHECK(r.changes[0].category == ChangeCategory::new_feature);
    CHECK(r.changes[1].category == ChangeCategory::bug_fix);
    CHECK(r.changes[2].category == ChangeCategory::breaking_change);
    CHECK(to_json(*old.plan).find(R"("version": 1)") != std::string::npos);

    CHECK(errors_of(R"({"format": {"name": "relplan", "version": 1, "minor": 2}, "project": {"name": "x"}})") ==
          std::vector<std::string>{R"(p.json:1:55: /format/minor: unknown member "minor"; "format" holds only "name" and "version")"});
    CHECK(errors_of(R"({"format": {"name": "relplan", "version": 1.5}, "project": {"name": "x"}})") ==
          std::vector<std::string>{"p.json:1:43: /format/version: expected a whole number, found 1.5"});
}

TEST_CASE("syntax errors name the file, line and column") {
    CHECK(errors_of(data("truncated.json"), "truncated.json") ==
          std::vector<std::string>{R"(truncated.json:3:23: unterminated string: end of file before the closing '"')"});
    CHECK(errors_of(data("not-json.txt"), "notes.txt") ==
          std::vector<std::string>{"notes.txt:1:1: expected a JSON value, found 'Release'"});
    // One error each, with its position.
    const std::vector<std::pair<std::string, std::string>> one_error = {
        {"", "p.json:1:1: the file is empty; expected a JSON object"},
        {"{\n  \"a\": 1,\n}", "p.json:3:1: expected a member name in double quotes, found '}'"},
        {"{\"a\": [1 2]}", "p.json:1:10: expected ',' or ']' after an array element, found '2'"},
        {"{\"a\" 1}", "p.json:1:6: expected ':' after the member name, found '1'"},
        {"{} {}", "p.json:1:4: unexpected '{' after the end of the JSON value"},
        {"// plan\n{}", "p.json:1:1: comments are not allowed in JSON"},
        {"{\"a\": 01}", "p.json:1:7: invalid number: leading zeros are not allowed"},
        {"{\"a\": NaN}", "p.json:1:7: expected a JSON value, found 'NaN'"},
        {"{\"a\": \"x\ny\"}", "p.json:1:9: line break inside a string (write it as \\n, or close the string)"},
        {"{\"a\": \"\\q\"}", "p.json:1:8: invalid escape sequence '\\q' in a string"},
        {"{\"a\": \"\\ud800x\"}", "p.json:1:8: invalid \\u escape: unpaired high surrogate"},
        {"{\"a\": \"\\udc00\"}", "p.json:1:8: invalid \\u escape: unpaired low surrogate"},
    };
    for (const auto& [text, error] : one_error) CHECK(errors_of(text) == std::vector<std::string>{error});
    // Columns count characters, not bytes.
    CHECK(errors_of("{\"é\": x}") == std::vector<std::string>{"p.json:1:7: expected a JSON value, found 'x'"});
}

TEST_CASE("bad input: invalid UTF-8, BOMs, binary garbage") {
    CHECK(errors_of(data("invalid-utf8.json"), "f.json") ==
          std::vector<std::string>{"f.json:3:27: invalid UTF-8: byte 0xE9 in a string"});
    CHECK(errors_of("{\"a\": \"\xC0\xAF\"}") == std::vector<std::string>{"p.json:1:8: invalid UTF-8: byte 0xC0 in a string"});
    CHECK(errors_of("{\"a\": \"\xED\xA0\x80\"}") == std::vector<std::string>{"p.json:1:8: invalid UTF-8: byte 0xED in a string"});
    CHECK(errors_of(data("binary.bin"), "b.bin") ==
          std::vector<std::string>{"b.bin:1:1: expected a JSON value, found byte 0x89, which is not UTF-8 text"});
    CHECK(errors_of(data("utf16.json"), "u.json") == std::vector<std::string>{"u.json: the file is UTF-16 text; save it as UTF-8"});

    const PlanLoad bom = load_plan(data("bom.json"));
    REQUIRE(bom.ok());
    CHECK(formatted(bom.notes, "bom.json") ==
          std::vector<std::string>{"bom.json:1:1: ignored the UTF-8 byte order mark at the start of the file; it is not written back"});
    CHECK(to_json(*bom.plan).substr(0, 1) == "{");
}

TEST_CASE("bad input: 100,000 levels of nesting stop at the depth limit") {
    std::string deep = header.substr(0, header.size() - 1) + R"(, "x": )";
    deep += std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(errors_of(deep) == std::vector<std::string>{"p.json:1:336: nesting deeper than 256 levels"});
    const std::string objects = [] {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "{\"a\":";
        return s;
    }();
    CHECK(errors_of(objects) == std::vector<std::string>{"p.json:1:1281: nesting deeper than 256 levels"});
    // 250 levels inside an unknown member are fine and preserved.
    std::string ok = header.substr(0, header.size() - 1) + R"(, "x": )" + std::string(250, '[') + std::string(250, ']') + "}";
    const PlanLoad loaded = load_plan(ok);
    REQUIRE(loaded.ok());
    CHECK(load_plan(to_json(*loaded.plan)).ok());
}

TEST_CASE("bad input: a 100 MB file is refused before parsing") {
    std::string big = header.substr(0, header.size() - 1) + R"(, "x": ")";
    big.append(100u << 20, 'a');
    big += "\"}";
    CHECK(errors_of(big) == std::vector<std::string>{"p.json: the file is " + std::to_string(big.size()) +
                                                     " bytes; plans are limited to 64 MiB"});
}

TEST_CASE("schema errors carry the JSON Pointer and are all reported at once") {
    const PlanLoad loaded = load_plan(data("wrong-types.json"));
    CHECK_FALSE(loaded.plan);
    CHECK(formatted(loaded.errors, "w.json") == std::vector<std::string>{
                                                    "w.json:3:23: /project/name: expected a string, found a number",
                                                    "w.json:4:17: /components: expected an array, found an object",
                                                    "w.json:6:29: /releases/0/version: expected a string, found a number",
                                                    "w.json:6:81: /releases/0/yanked: expected a boolean, found a string",
                                                    "w.json:7:27: /releases/0/objectives/1: expected a string, found a number",
                                                    "w.json:7:47: /releases/0/release_date: expected a string, found a number",
                                                });
    CHECK(errors_of(data("unknown-enums.json"), "e.json") ==
          std::vector<std::string>{
              R"(e.json:5:46: /releases/0/type: unknown release type "mayor"; expected major, minor, patch, hotfix or security)",
              R"(e.json:5:65: /releases/0/status: unknown release status "shipped"; expected planning, approved, frozen, released, cancelled or rolled-back)",
              R"(e.json:6:43: /releases/0/changes/0/category: unknown change category "feature"; expected new-feature, improvement, bug-fix, breaking-change, deprecation, security or performance)",
              R"(e.json:6:86: /releases/0/changes/0/audience: unknown audience "everyone"; expected internal, technical, customer or end-user)",
          });
    CHECK(errors_of(with_releases(R"({"type": "minor", "status": "planning"})")) ==
          std::vector<std::string>{R"(p.json:1:89: /releases/0: missing required member "id")"});
    CHECK(errors_of(with_releases(R"({"id": "r", "type": "minor", "status": "planning", "release_date": "next week"})")) ==
          std::vector<std::string>{R"(p.json:1:156: /releases/0/release_date: "next week" is not a date in the form YYYY-MM-DD)"});
    CHECK(errors_of(header.substr(0, header.size() - 1) + R"(, "settings": {"milestone_offsets": [{"type": "major", "notice_days": 99999999999}]}})") ==
          std::vector<std::string>{"p.json:1:144: /settings/milestone_offsets/0/notice_days: 99999999999 is out of range"});
}

TEST_CASE("duplicate member names are errors that point at both places") {
    const PlanLoad loaded = load_plan(data("duplicate-keys.json"));
    CHECK_FALSE(loaded.plan);
    CHECK(formatted(loaded.errors, "d.json") ==
          std::vector<std::string>{R"(d.json:3:31: duplicate member name "name" (first defined at line 3, column 15))",
                                   R"(d.json:5:57: duplicate member name "id" (first defined at line 5, column 6))"});
}

TEST_CASE("semantic errors: dates, versions, order, ids and references") {
    CHECK(errors_of(data("feb30.json"), "f.json") ==
          std::vector<std::string>{R"(f.json:5:93: /releases/0/release_date: "2026-02-30" is not a valid date (February 2026 has 28 days))"});
    const PlanLoad feb = load_plan(data("feb30.json"));
    CHECK(feb.plan);  // representable: the app can open it and show the problem
    CHECK_FALSE(feb.ok());

    CHECK(errors_of(data("bad-versions.json"), "v.json") ==
          std::vector<std::string>{
              R"(v.json:6:29: /releases/1/version: "v1.1.0" is not a valid semantic version (write it without the "v": 1.1.0))",
              R"(v.json:7:29: /releases/2/version: "1.2" is not a valid semantic version)",
              R"(v.json:8:29: /releases/3/version: "2.0" is not a valid semantic version)",
              R"(v.json:9:29: /releases/4/version: calver version "2026.13.0" does not match "YYYY.0M.MICRO": 0M must be 1-12, found "13" at offset 5)",
              R"(v.json:10:56: /releases/5/calver_scheme: invalid calver scheme "YYYY.QQ": unknown token "QQ" (expected YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO or MODIFIER) at offset 5)",
          });

    CHECK(errors_of(data("semantic.json"), "s.json") ==
          std::vector<std::string>{
              R"(s.json:4:40: /components/1/id: duplicate component id "api" (also /components/0/id))",
              R"(s.json:5:64: /stakeholders/0/components/0: unknown component "db")",
              R"(s.json:6:66: /blackouts/0/end: the period ends (2026-12-01) before it starts (2026-12-24))",
              R"(s.json:8:99: /releases/0/components/1: unknown component "web")",
              R"(s.json:9:56: /releases/0/feature_freeze: feature freeze 2026-12-10 is after the code freeze 2026-12-05)",
              R"(s.json:10:69: /releases/0/change_window/end: the change window ends at or before its start)",
              R"(s.json:11:87: /releases/0/changes/0/component: unknown component "web")",
              R"(s.json:12:87: /releases/0/communications/0/stakeholders/0: unknown stakeholder "sales")",
              R"(s.json:12:112: /releases/0/communications/0/notice_days: -3 days: must not be negative)",
              R"(s.json:13:5: /releases/1/version: a release with status "frozen" needs a version)",
              R"(s.json:13:12: /releases/1/id: duplicate release id "r1" (also /releases/0/id))",
              R"(s.json:14:25: /releases/1/changes/0/id: duplicate change id "c1" (also /releases/0/changes/0/id))",
          });
}

TEST_CASE("change windows keep the offsets they were written with") {
    const PlanLoad loaded = load_plan(with_releases(R"({"id": "r", "type": "minor", "status": "planning",
        "change_window": {"start": "2027-03-28T01:30+01:00", "end": "2027-03-28T04:00:00+02:00", "zone": "Europe/Berlin"}})"));
    REQUIRE(loaded.ok());
    const ChangeWindow& w = *loaded.plan->releases[0].change_window;
    using namespace std::chrono;
    CHECK(w.start == sys_days{year{2027} / March / 28} + hours{0} + minutes{30});
    CHECK(w.end == sys_days{year{2027} / March / 28} + hours{2});
    CHECK(w.start_offset_minutes == 60);
    CHECK(w.end_offset_minutes == 120);
    const std::string out = to_json(*loaded.plan);
    CHECK(out.find(R"("start": "2027-03-28T01:30:00+01:00",
        "end": "2027-03-28T04:00:00+02:00",
        "zone": "Europe/Berlin")") != std::string::npos);

    CHECK(errors_of(with_releases(R"({"id": "r", "type": "minor", "status": "planning",
        "change_window": {"start": "2027-03-28T01:30", "end": "2027-02-30T04:00:00Z"}})")) ==
          std::vector<std::string>{
              R"(p.json:2:36: /releases/0/change_window/start: "2027-03-28T01:30" is not a date and time with a UTC offset, like 2027-01-15T22:00:00+01:00 or 2027-01-15T21:00:00Z)",
              R"(p.json:2:63: /releases/0/change_window/end: "2027-02-30T04:00:00Z" is not a date and time with a UTC offset, like 2027-01-15T22:00:00+01:00 or 2027-01-15T21:00:00Z)",
          });
}

TEST_CASE("loading never touches an existing plan") {
    const PlanLoad good = load_plan(acme());
    REQUIRE(good.ok());
    const Plan open = *good.plan;
    for (const char* bad : {"truncated.json", "binary.bin", "wrong-types.json", "newer-format.json", "duplicate-keys.json"}) {
        const PlanLoad loaded = load_plan(data(bad));
        CHECK_FALSE(loaded.plan);
        CHECK_FALSE(loaded.errors.empty());
    }
    CHECK(open == *good.plan);
}

TEST_CASE("equality detects any edit, including unknown members") {
    const PlanLoad loaded = load_plan(acme());
    REQUIRE(loaded.ok());
    Plan edited = *loaded.plan;
    CHECK(edited == *loaded.plan);
    edited.releases[3].changes[0].description += ".";
    CHECK_FALSE(edited == *loaded.plan);
    edited = *loaded.plan;
    edited.releases[0].extra.push_back(JsonMember{"x", "1"});
    CHECK_FALSE(edited == *loaded.plan);
}

TEST_CASE("property: mutated plans never crash, and whatever loads re-saves stably") {
    const std::string base = acme();
    std::mt19937 rng(20261126);
    const std::string alphabet = "{}[]\":,0123456789-eE.tfnul \\\n\x80\xC3\xFF";
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % text.size();
            switch (rng() % 3) {
                case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
                case 1: text.erase(at, 1 + rng() % 16); break;
                default: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            }
        }
        const PlanLoad loaded = load_plan(text);
        if (!loaded.plan) {
            CHECK_FALSE(loaded.errors.empty());
            continue;
        }
        const std::string once = to_json(*loaded.plan);
        const PlanLoad again = load_plan(once);
        REQUIRE(again.plan);
        CHECK(*again.plan == *loaded.plan);
        CHECK(to_json(*again.plan) == once);
    }
}

TEST_CASE("strings the app may put into a plan always produce loadable JSON") {
    Plan plan;
    plan.project.name = std::string("bad \xFF utf8 \x01 control \xE2\x80\xA8 separator");
    const std::string out = to_json(plan);
    const PlanLoad loaded = load_plan(out);
    REQUIRE(loaded.ok());
    CHECK(loaded.plan->project.name == "bad \xEF\xBF\xBD utf8 \x01 control \xE2\x80\xA8 separator");
}

TEST_CASE("releases read the same whether \"format\" comes before or after them") {
    // Releases are decoded while the text is parsed once the format is known; a file that names its
    // format last must give the same plan, notes and error positions.
    const std::string first = with_releases(
        R"({"id": "r1", "type": "minor", "status": "planning", "version": "1.0", "release_date": "2027-01-04"},
           {"id": "r2", "type": "bogus", "status": "planning"})");
    const std::string body = first.substr(first.find(R"("project")"));
    const std::string last = "{" + body.substr(0, body.size() - 1) + R"(, "format": {"name": "relplan", "version": 1}})";
    const std::vector<std::string> expected{R"(p.json:2:33: /releases/1/type: unknown release type "bogus"; expected major, minor, patch, hotfix or security)"};
    CHECK(errors_of(first) == expected);
    CHECK(errors_of(last) == expected);

    const std::string fixed_first = with_releases(R"({"id": "r1", "type": "minor", "status": "planning", "version": "1.0"},
           {"id": "r2", "type": "patch", "status": "planning", "version": "1.0.1"})");
    const std::string fixed_body = fixed_first.substr(fixed_first.find(R"("project")"));
    const std::string fixed_last = "{" + fixed_body.substr(0, fixed_body.size() - 1) + R"(, "format": {"name": "relplan", "version": 1}})";
    const PlanLoad a = load_plan(fixed_first);
    const PlanLoad b = load_plan(fixed_last);
    REQUIRE(a.plan);
    REQUIRE(b.plan);
    CHECK(*a.plan == *b.plan);
    CHECK(a.plan->releases.size() == 2);
    // A semantic error inside a release is placed on its value in both layouts.
    CHECK(formatted(a.errors) == std::vector<std::string>{R"(p.json:1:152: /releases/0/version: "1.0" is not a valid semantic version)"});
    CHECK(formatted(b.errors) == std::vector<std::string>{R"(p.json:1:107: /releases/0/version: "1.0" is not a valid semantic version)"});

    // An unusable format drops the releases without decoding them: only the format is reported.
    const std::string newer = with_releases(R"({"id": "r2", "type": "bogus", "status": "planning"})");
    CHECK(errors_of(newer.substr(0, 42) + "9" + newer.substr(43)) ==
          std::vector<std::string>{"p.json:1:43: /format/version: format version 9 is newer than this relplan supports (1); open the file with a newer relplan"});
}

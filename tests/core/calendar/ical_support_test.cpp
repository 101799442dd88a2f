// ICS export of release-line support dates, UIDs that survive renaming, and the milestones of
// shipped releases. The exported text is read back with relplan's own importer.
#include "calendar/ical.hpp"

#include "calendar_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace relplan;
using relplan::test::d;
using relplan::test::utc;

namespace {

Release release(const char* id, const char* version, ReleaseType type, ReleaseStatus status, const char* date) {
    Release r;
    r.id = id;
    r.version = version;
    r.type = type;
    r.status = status;
    r.release_date = d(date);
    return r;
}

// Lines 1.x (LTS, end of life set by hand), 2.x and a planned 3.x; active 6 months, then 12 months
// of maintenance.
Plan support_plan() {
    Plan p = test::plan_named("Acme SDK");
    p.project.id = "acme-sdk-4f2a";
    p.releases.push_back(release("sdk-1.0", "1.0.0", ReleaseType::major, ReleaseStatus::released, "2025-01-15"));
    p.releases.push_back(release("sdk-1.1", "1.1.0", ReleaseType::minor, ReleaseStatus::released, "2025-03-12"));
    p.releases.push_back(release("sdk-2.0", "2.0.0", ReleaseType::major, ReleaseStatus::released, "2026-01-20"));
    p.releases.back().code_freeze = d("2026-01-13");
    p.releases.push_back(release("sdk-3.0", "3.0.0", ReleaseType::major, ReleaseStatus::planning, "2027-01-19"));
    SupportPolicy policy;
    policy.active_months = 6;
    policy.maintenance_months = 12;
    p.settings.support = policy;
    LineSupport one;
    one.line = "1.x";
    one.lts = true;
    one.eol = d("2026-12-31");
    p.settings.support_lines.push_back(one);
    return p;
}

IcsExportOptions options() {
    IcsExportOptions o;
    o.dtstamp = utc("2026-06-01", 12);
    return o;
}

std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t k = text.find("\r\n", pos);
        REQUIRE(k != std::string::npos);
        out.push_back(text.substr(pos, k - pos));
        pos = k + 2;
    }
    return out;
}

// Content lines with folding undone (RFC 5545 3.1).
std::vector<std::string> unfolded(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& l : physical_lines(text)) {
        if (!l.empty() && l[0] == ' ') {
            REQUIRE(!out.empty());
            out.back() += l.substr(1);
        } else {
            out.push_back(l);
        }
    }
    return out;
}

// The content lines of the event with this UID, from UID to END:VEVENT.
std::vector<std::string> event(const std::string& text, const std::string& uid) {
    const std::vector<std::string> lines = unfolded(text);
    auto it = std::find(lines.begin(), lines.end(), "UID:" + uid);
    if (it == lines.end()) return {};
    return {it, std::find(it, lines.end(), std::string("END:VEVENT"))};
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::vector<std::string> uids(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& l : unfolded(text))
        if (l.rfind("UID:", 0) == 0) out.push_back(l.substr(4));
    return out;
}

std::string imported(const std::string& text) {
    auto back = import_ics(text);
    REQUIRE(back.ok());
    CHECK(back->warnings.empty());
    std::string out;
    for (const Period& p : back->periods)
        if (p.name.find("support") != std::string::npos || p.name.rfind("End of life", 0) == 0)
            out += format_date(p.start) + ".." + format_date(p.end) + " " + p.name + "\n";
    return out;
}

}  // namespace

TEST_CASE("support phases are all-day events that import back on their dates") {
    const IcsExport e = export_ics(support_plan(), options());
    CHECK(e.warnings.empty());
    // 1.x: active for 6 months, end of life by hand; 2.x and 3.x from the policy.
    CHECK(imported(e.text) ==
          "2025-07-15..2025-07-15 Active support ends: 1.x (LTS)\n"
          "2026-12-31..2026-12-31 End of life: 1.x (LTS)\n"
          "2026-07-20..2026-07-20 Active support ends: 2.x\n"
          "2027-07-20..2027-07-20 End of life: 2.x\n"
          "2027-07-19..2027-07-19 Active support ends: 3.x\n"
          "2028-07-19..2028-07-19 End of life: 3.x\n");
    // RFC 5545 shape: DATE values, DTEND the day after (exclusive), a category to filter on.
    const auto active = event(e.text, "support-active-end-2.x@acme-sdk-4f2a.relplan");
    REQUIRE(!active.empty());
    CHECK(has(active, "DTSTART;VALUE=DATE:20260720"));
    CHECK(has(active, "DTEND;VALUE=DATE:20260721"));
    CHECK(has(active, "CATEGORIES:Support"));
    CHECK(has(active, "DESCRIPTION:Active support of 2.x ends: from 2026-07-20 it takes fixes only "
                      "(maintenance until its end of life on 2027-07-20)."));
    const auto eol = event(e.text, "support-eol-1.x@acme-sdk-4f2a.relplan");
    CHECK(has(eol, "DTSTART;VALUE=DATE:20261231"));
    CHECK(has(eol, "DTEND;VALUE=DATE:20270101"));  // across the year boundary
    CHECK(has(eol, "DESCRIPTION:1.x reaches end of life: no releases from 2026-12-31 on\\; the latest release is 1.1.0."));
    // Long descriptions are folded at 75 octets with CRLF.
    bool folded = false;
    for (const std::string& l : physical_lines(e.text)) {
        CHECK(l.size() <= 75);
        folded = folded || (!l.empty() && l[0] == ' ');
    }
    CHECK(folded);
}

TEST_CASE("support phases can be left out and need a support policy") {
    IcsExportOptions without = options();
    without.support_phases = false;
    const std::string off = export_ics(support_plan(), without).text;
    CHECK(off.find("CATEGORIES:Support") == std::string::npos);
    CHECK(off.find("CATEGORIES:Release") != std::string::npos);
    Plan no_policy = support_plan();
    no_policy.settings.support.reset();
    no_policy.settings.support_lines.clear();
    CHECK(export_ics(no_policy, options()).text.find("CATEGORIES:Support") == std::string::npos);
    // Lines dates only: the line with dates gets its events, and its successor bounds active support.
    Plan lines_only = no_policy;
    LineSupport two;
    two.line = "2.x";
    two.eol = d("2027-06-30");
    lines_only.settings.support_lines.push_back(two);
    const std::string text = export_ics(lines_only, options()).text;
    CHECK(has(event(text, "support-eol-2.x@acme-sdk-4f2a.relplan"), "DTSTART;VALUE=DATE:20270630"));
    CHECK(has(event(text, "support-active-end-1.x@acme-sdk-4f2a.relplan"), "DTSTART;VALUE=DATE:20260120"));
    CHECK(event(text, "support-eol-3.x@acme-sdk-4f2a.relplan").empty());
}

TEST_CASE("a line whose active support lasts to its end of life gets the end-of-life event only") {
    Plan p = support_plan();
    p.settings.support_lines[0].active_until = d("2027-03-01");  // after the hand-set end of life
    const std::string text = export_ics(p, options()).text;
    CHECK(event(text, "support-active-end-1.x@acme-sdk-4f2a.relplan").empty());
    CHECK(!event(text, "support-eol-1.x@acme-sdk-4f2a.relplan").empty());
}

TEST_CASE("UIDs derive from the plan id and survive renaming the project") {
    const Plan before = support_plan();
    Plan renamed = before;
    renamed.project.name = "Acme Developer Kit";
    const auto a = uids(export_ics(before, options()).text);
    CHECK(a == uids(export_ics(renamed, options()).text));
    const std::string domain = "@acme-sdk-4f2a.relplan";
    CHECK(std::all_of(a.begin(), a.end(), [&](const std::string& u) {
        return u.size() > domain.size() && u.compare(u.size() - domain.size(), domain.size(), domain) == 0;
    }));
    CHECK(std::set<std::string>(a.begin(), a.end()).size() == a.size());
    // Without an id the project name is the domain, as in exports made before plans had ids.
    Plan no_id = before;
    no_id.project.id.clear();
    const auto b = uids(export_ics(no_id, options()).text);
    CHECK(std::find(b.begin(), b.end(), "release-sdk-3.0@Acme%20SDK.relplan") != b.end());
    no_id.project.name.clear();
    const auto c = uids(export_ics(no_id, options()).text);
    CHECK(std::find(c.begin(), c.end(), "release-sdk-3.0@plan.relplan") != c.end());
}

TEST_CASE("shipped releases get only the milestones the plan stores") {
    const std::string text = export_ics(support_plan(), options()).text;
    const auto all = uids(text);
    const auto count = [&](const std::string& prefix) {
        return std::count_if(all.begin(), all.end(), [&](const std::string& u) { return u.rfind(prefix, 0) == 0; });
    };
    // Released: no computed planning start, notice or freezes; 2.0 keeps its recorded code freeze.
    CHECK(count("planning-start-sdk-1.0@") == 0);
    CHECK(count("feature-freeze-sdk-1.1@") == 0);
    CHECK(count("notice-deadline-sdk-2.0@") == 0);
    CHECK(count("code-freeze-sdk-2.0@") == 1);
    CHECK(has(event(text, "code-freeze-sdk-2.0@acme-sdk-4f2a.relplan"), "DTSTART;VALUE=DATE:20260113"));
    // Planned: every milestone, computed.
    for (const char* kind : {"planning-start", "notice-deadline", "feature-freeze", "code-freeze"})
        CHECK(count(std::string(kind) + "-sdk-3.0@") == 1);
    Plan rolled_back = support_plan();
    rolled_back.releases[3].status = ReleaseStatus::rolled_back;
    CHECK(export_ics(rolled_back, options()).text.find("UID:planning-start-sdk-3.0@") == std::string::npos);
}

TEST_CASE("many releases sharing one id get distinct UIDs in plan order") {
    Plan p;
    p.project.id = "dup";
    for (int i = 0; i < 5000; ++i)
        p.releases.push_back(release("same", "1.0.0", ReleaseType::hotfix, ReleaseStatus::released, "2026-03-10"));
    const auto u = uids(export_ics(p, options()).text);
    REQUIRE(u.size() == 5000);
    CHECK(u[0] == "release-same@dup.relplan");
    CHECK(u[1] == "release-same@dup.relplan-2");
    CHECK(u[4999] == "release-same@dup.relplan-5000");
    CHECK(std::set<std::string>(u.begin(), u.end()).size() == u.size());
}

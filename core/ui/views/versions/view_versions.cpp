// The version calculator: bumps of a typed version, compare/diff, a range tester over a pasted list,
// CalVer next for a date, and the next version from pasted commits, each with the reasons the
// engine gives. Nothing here touches the plan.
#include "app/clipboard.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

#include "base/ascii.hpp"
#include "version/calver.hpp"
#include "version/commits.hpp"
#include "version/next_version.hpp"
#include "version/pasted_commits.hpp"
#include "version/range.hpp"
#include "version/semver.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relplan::ui {

namespace {

const ImVec4 ok_color(0.2f, 0.65f, 0.3f, 1.0f);
const ImVec4 bad_color(0.85f, 0.25f, 0.2f, 1.0f);

using ascii::trim;

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        out.push_back(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

// ---- bumps ----------------------------------------------------------------------------------------

void copyable(App::State& s, const std::string& text, const char* id) {
    ImGui::PushID(id);
    if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_DontClosePopups)) {
        platform::set_clipboard(text);
        s.flash("Copied " + text, ImGui::GetTime());
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to copy");
    ImGui::PopID();
}

// A text field `width` pixels wide at scale 1, showing `hint` while empty.
void text_field(App::State& s, const char* label, const char* hint, std::string& value, float width) {
    ImGui::SetNextItemWidth(width * s.config.ui_scale);
    ImGui::InputTextWithHint(label, hint, &value);
}

void error_text(const std::string& message) { ImGui::TextColored(bad_color, "%s", message.c_str()); }

void section_bumps(App::State& s) {
    VersionCalculatorState& v = s.versions;
    const float scale = s.config.ui_scale;
    text_field(s, "Version##bump", "1.2.3-rc.1", v.version, 200);
    ImGui::SameLine();
    text_field(s, "Pre-release id", "rc", v.preid, 90);
    help_marker("Used by the pre* bumps and prerelease: 1.2.3 + preminor rc -> 1.3.0-rc.0. Empty: a bare number.");
    SemverOptions opts;
    opts.loose = v.loose;
    Result<Version> parsed = Version::parse(v.version, opts);
    if (!parsed) {
        error_text(parsed.error().message);
        return;
    }
    const Version& ver = *parsed;
    ImGui::TextDisabled("%llu . %llu . %llu", static_cast<unsigned long long>(ver.major()),
                       static_cast<unsigned long long>(ver.minor()), static_cast<unsigned long long>(ver.patch()));
    if (ver.is_prerelease()) {
        ImGui::SameLine();
        ImGui::TextDisabled("pre-release %s", std::string(ver.prerelease()).c_str());
    }
    if (!ver.build().empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("build %s (ignored for precedence)", std::string(ver.build()).c_str());
    }
    static const IncType kinds[] = {IncType::major,    IncType::minor,    IncType::patch,      IncType::premajor,
                                    IncType::preminor, IncType::prepatch, IncType::prerelease, IncType::release};
    if (ImGui::BeginTable("##bumps", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("bump", ImGuiTableColumnFlags_WidthFixed, 110 * scale);
        ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch);
        for (IncType k : kinds) {
            std::string name(to_string(k));
            IncOptions io;
            io.identifier = v.preid;
            io.loose = v.loose;
            Result<Version> next = inc(ver, k, io);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name.c_str());
            ImGui::TableNextColumn();
            if (next)
                copyable(s, next->to_string(), name.c_str());
            else
                ImGui::TextDisabled("%s", next.error().message.c_str());
        }
        ImGui::EndTable();
    }
}

// ---- compare ------------------------------------------------------------------------------------

void section_compare(App::State& s) {
    VersionCalculatorState& v = s.versions;
    text_field(s, "##a", "A", v.compare_a, 160);
    ImGui::SameLine();
    if (ImGui::Button("<>")) std::swap(v.compare_a, v.compare_b);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Swap A and B");
    ImGui::SameLine();
    text_field(s, "##b", "B", v.compare_b, 160);
    SemverOptions opts;
    opts.loose = v.loose;
    Result<Version> a = Version::parse(v.compare_a, opts);
    Result<Version> b = Version::parse(v.compare_b, opts);
    if (!a) error_text("A: " + a.error().message);
    if (!b) error_text("B: " + b.error().message);
    if (!a || !b) return;
    int c = compare(*a, *b);
    int cb = compare_build(*a, *b);
    const char* op = c < 0 ? "<" : c > 0 ? ">" : "=";
    ImGui::Text("%s  %s  %s", a->normalized().c_str(), op, b->normalized().c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("compare %d, with build metadata %d", c, cb);
    auto d = diff(*a, *b);
    if (d)
        ImGui::Text("Difference: %s", std::string(to_string(*d)).c_str());
    else
        ImGui::TextDisabled("Same precedence: no difference");
    if (d) help_marker("node-semver diff: the largest part that differs; pre* when either side is a pre-release of it.");
}

// ---- ranges -------------------------------------------------------------------------------------

struct RangeRow {
    std::string text;
    bool valid = false;
    bool match = false;
    bool best = false;  // max-satisfying
    std::string why;
};

}  // namespace

struct VersionsCache {
    std::string range_key;
    std::string range_error;
    std::string range_normal;
    std::string range_min;
    std::vector<RangeRow> rows;
    int matches = 0;
    std::string commits_key;
    std::vector<std::string> messages;
    std::optional<NextVersion> next;
    std::string next_error;
};

namespace {

VersionsCache& cache_of(App::State& s) {
    if (!s.versions.cache) s.versions.cache = std::make_shared<VersionsCache>();
    return *s.versions.cache;
}

std::string set_text(const std::vector<Comparator>& set) {
    std::string out;
    for (const Comparator& c : set) {
        if (!out.empty()) out += ' ';
        out += c.any() ? "*" : c.to_string();
    }
    return out.empty() ? "*" : out;
}

void refresh_range(App::State& s, VersionsCache& c) {
    const VersionCalculatorState& v = s.versions;
    std::string key = v.range + '\x01' + v.range_versions + (v.include_prerelease ? "P" : "p") + (v.loose ? "L" : "l");
    if (key == c.range_key) return;
    c.range_key = key;
    c.rows.clear();
    c.matches = 0;
    c.range_error.clear();
    SemverOptions opts;
    opts.loose = v.loose;
    opts.include_prerelease = v.include_prerelease;
    Result<Range> range = Range::parse(v.range, opts);
    if (!range) {
        c.range_error = range.error().message;
        return;
    }
    std::string normal = range->to_string();
    c.range_normal.clear();
    for (char ch : normal) c.range_normal += ch == '|' ? (c.range_normal.empty() || c.range_normal.back() != '|' ? " |" : "| ") : std::string(1, ch);
    if (c.range_normal.empty()) c.range_normal = "*";
    auto minimum = min_version(*range);
    c.range_min = minimum ? minimum->to_string() : "";
    SemverOptions with_pre = opts;
    with_pre.include_prerelease = true;
    Result<Range> any_pre = Range::parse(v.range, with_pre);
    std::vector<std::string_view> texts;
    for (std::string_view l : lines_of(v.range_versions)) {
        l = trim(l);
        if (l.empty()) continue;
        texts.push_back(l);
        RangeRow row;
        row.text = std::string(l);
        Result<Version> ver = Version::parse(l, opts);
        if (!ver) {
            row.why = ver.error().message;
            c.rows.push_back(std::move(row));
            continue;
        }
        row.valid = true;
        row.match = range->test(*ver);
        if (row.match) {
            ++c.matches;
            for (const auto& set : range->sets())
                if (std::all_of(set.begin(), set.end(), [&](const Comparator& k) { return k.test(*ver); })) {
                    row.why = "within " + set_text(set);
                    break;
                }
        } else if (ver->is_prerelease() && any_pre && any_pre->test(*ver)) {
            row.why = "pre-release: no comparator in a matching set has a pre-release on " + std::to_string(ver->major()) +
                      "." + std::to_string(ver->minor()) + "." + std::to_string(ver->patch()) +
                      " (tick \"include pre-releases\" to admit any)";
        } else if (gtr(*ver, *range)) {
            row.why = "above every version the range admits";
        } else if (ltr(*ver, *range)) {
            row.why = "below every version the range admits";
        } else {
            row.why = "in a gap between the range's sets";
        }
        c.rows.push_back(std::move(row));
    }
    // Indices into `texts` match rows one to one (empty lines were skipped in both).
    if (auto best = max_satisfying(texts, *range)) c.rows[*best].best = true;
}

void section_ranges(App::State& s) {
    VersionCalculatorState& v = s.versions;
    VersionsCache& c = cache_of(s);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##range", "Range, e.g. ^1.2.0 || >=2.0.0-rc.0", &v.range);
    ImGui::Checkbox("include pre-releases", &v.include_prerelease);
    ImGui::SameLine();
    ImGui::Checkbox("loose", &v.loose);
    help_marker("node-semver's options: include pre-releases lets any pre-release match; loose accepts sloppy text "
                "(\"=v1.2.3\", \"1.2.3beta\"). Loose applies to the whole calculator.");
    refresh_range(s, c);
    if (!c.range_error.empty()) {
        error_text(c.range_error);
    } else {
        ImGui::TextDisabled("Means: %s", c.range_normal.c_str());
        ImGui::SameLine();
        if (c.range_min.empty())
            ImGui::TextColored(bad_color, "  admits no version");
        else
            ImGui::TextDisabled("  lowest admitted: %s", c.range_min.c_str());
    }
    const float h = ImGui::GetTextLineHeight() * 7;
    ImGui::TextUnformatted("Versions to test (one per line)");
    ImGui::InputTextMultiline("##versions", &v.range_versions, ImVec2(-1, h));
    if (!c.range_error.empty() || c.rows.empty()) return;
    ImGui::Text("%d of %d match", c.matches, static_cast<int>(c.rows.size()));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    // Room for a wrapped reason or two before the list scrolls.
    float table_h = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(c.rows.size()) * 1.3f + 3.0f),
                             ImGui::GetTextLineHeightWithSpacing() * 16);
    if (!ImGui::BeginTable("##rangerows", 3, flags, ImVec2(0, table_h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("version", ImGuiTableColumnFlags_WidthFixed, 140 * s.config.ui_scale);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60 * s.config.ui_scale);
    ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(c.rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RangeRow& r = c.rows[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.text.c_str());
            ImGui::TableNextColumn();
            if (!r.valid)
                ImGui::TextColored(bad_color, "invalid");
            else if (r.match)
                ImGui::TextColored(ok_color, r.best ? "✓ max" : "✓");
            else
                ImGui::TextColored(bad_color, "✗");
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.why.c_str());
        }
    ImGui::EndTable();
}

// ---- CalVer -------------------------------------------------------------------------------------

void section_calver(App::State& s) {
    VersionCalculatorState& v = s.versions;
    text_field(s, "Scheme", "YY.0M.MICRO", v.calver_scheme, 160);
    help_marker("Tokens: YYYY YY 0Y MM 0M WW 0W DD 0D MAJOR MINOR MICRO MODIFIER, separated by . - or _");
    ImGui::SameLine();
    text_field(s, "Modifier", "rc1", v.calver_modifier, 80);
    text_field(s, "Current", "none: first release", v.calver_current, 160);
    ImGui::SameLine();
    text_field(s, "Date", date_text(today()).c_str(), v.calver_date, 110);
    Result<CalverScheme> scheme = CalverScheme::parse(v.calver_scheme);
    if (!scheme) {
        error_text("Scheme: " + scheme.error().message);
        return;
    }
    Date date = today();
    if (!trim(v.calver_date).empty()) {
        Result<Date> d = parse_iso_date(trim(v.calver_date));
        if (!d) {
            error_text("Date: " + d.error().message);
            return;
        }
        date = *d;
    }
    CalverNextOptions o;
    o.modifier = v.calver_modifier;
    if (!trim(v.calver_current).empty()) {
        Result<CalverVersion> cur = parse_calver(trim(v.calver_current), *scheme);
        if (!cur) {
            error_text("Current: " + cur.error().message);
            return;
        }
        o.current = std::move(*cur);
    }
    Result<CalverVersion> next = next_calver(*scheme, date, o);
    if (!next) {
        error_text(next.error().message);
        return;
    }
    ImGui::TextUnformatted("Next on");
    ImGui::SameLine();
    ImGui::TextUnformatted(date_text(date).c_str());
    ImGui::SameLine();
    copyable(s, next->to_string(), "calver");
    if (o.current) {
        bool same_period = true;
        const auto& segs = scheme->segments();
        for (std::size_t i = 0; i < segs.size(); ++i) {
            CalverToken t = segs[i].token;
            bool date_token = t != CalverToken::major && t != CalverToken::minor && t != CalverToken::micro && t != CalverToken::modifier;
            if (date_token && i < o.current->values.size() && i < next->values.size() && o.current->values[i] != next->values[i])
                same_period = false;
        }
        ImGui::TextDisabled(same_period ? "Same period as %s: the counter goes up" : "New period after %s: the counter starts again",
                            o.current->to_string().c_str());
    }
}

// ---- next version from commits -----------------------------------------------------------------

void refresh_commits(App::State& s, VersionsCache& c) {
    const VersionCalculatorState& v = s.versions;
    std::string key = v.commits_current + '\x01' + v.commits_preid + '\x01' + v.commits_text + (v.loose ? "L" : "l");
    if (key == c.commits_key) return;
    c.commits_key = key;
    c.next.reset();
    c.next_error.clear();
    c.messages = split_pasted_commits(nul_separated(v.commits_text));
    SemverOptions opts;
    opts.loose = v.loose;
    Result<Version> current = Version::parse(trim(v.commits_current).empty() ? "0.0.0" : v.commits_current, opts);
    if (!current) {
        c.next_error = "Current version: " + current.error().message;
        return;
    }
    std::vector<std::string_view> views(c.messages.begin(), c.messages.end());
    NextVersionOptions o;
    o.preid = v.commits_preid;
    Result<NextVersion> next = next_version(*current, views, o);
    if (!next) {
        c.next_error = next.error().message;
        return;
    }
    c.next = std::move(*next);
}

ImVec4 bump_color(Bump b) {
    switch (b) {
    case Bump::major: return ImVec4(0.85f, 0.3f, 0.25f, 1.0f);
    case Bump::minor: return ImVec4(0.85f, 0.55f, 0.1f, 1.0f);
    case Bump::patch: return ImVec4(0.25f, 0.6f, 0.35f, 1.0f);
    case Bump::none: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

void section_commits(App::State& s) {
    VersionCalculatorState& v = s.versions;
    VersionsCache& c = cache_of(s);
    const float scale = s.config.ui_scale;
    text_field(s, "Current version", "0.0.0", v.commits_current, 140);
    ImGui::SameLine();
    text_field(s, "Pre-release id##commits", "rc", v.commits_preid, 80);
    ImGui::TextUnformatted("Commit messages");
    help_marker("Paste `git log -z --format=%B A..B` (NUL-separated, exact), plain `git log`, `git log --oneline`, "
                "or messages separated by blank lines (a paragraph starting with `type: ...` begins a new commit).");
    ImGui::InputTextMultiline("##commits", &v.commits_text, ImVec2(-1, ImGui::GetTextLineHeight() * 8));
    refresh_commits(s, c);
    if (!c.next_error.empty()) {
        error_text(c.next_error);
        return;
    }
    if (!c.next) return;
    const NextVersion& n = *c.next;
    if (n.version) {
        ImGui::TextUnformatted("Next version:");
        ImGui::SameLine();
        copyable(s, n.version->to_string(), "next");
        ImGui::SameLine();
        ImGui::TextColored(bump_color(n.bump), "(%s bump, because of %d commit%s)", std::string(to_string(n.bump)).c_str(),
                           static_cast<int>(n.reasons.size()), n.reasons.size() == 1 ? "" : "s");
    } else {
        ImGui::TextColored(bump_color(Bump::none), "No release: none of the %d commits asks for one", static_cast<int>(n.commits.size()));
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    float table_h = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(n.commits.size()) + 1.5f),
                             ImGui::GetTextLineHeightWithSpacing() * 12);
    if (n.commits.empty() || !ImGui::BeginTable("##commitrows", 3, flags, ImVec2(0, table_h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("commit", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("bump", ImGuiTableColumnFlags_WidthFixed, 60 * scale);
    ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(n.commits.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CommitImpact& ci = n.commits[i];
            bool reason = n.bump != Bump::none && ci.bump == n.bump;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (reason) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(0.95f, 0.75f, 0.2f, 0.18f)));
            ImGui::TextUnformatted(ci.summary.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(bump_color(ci.bump), "%s", std::string(to_string(ci.bump)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", ci.why.c_str());
        }
    ImGui::EndTable();
}

void card(const char* title, void (*draw)(App::State&), App::State& s) {
    ImGui::PushID(title);
    section_title(title);
    draw(s);
    ImGui::PopID();
    ImGui::Spacing();
}

}  // namespace

void draw_version_calculator(App::State& s) {
    // Two columns when there is room: quick single-version tools left, list-based tools right.
    const bool wide = ImGui::GetContentRegionAvail().x > 900.0f * s.config.ui_scale;
    if (wide && ImGui::BeginTable("##calc", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        card("Bump a version", section_bumps, s);
        card("Compare two versions", section_compare, s);
        card("CalVer: next for a date", section_calver, s);
        ImGui::TableNextColumn();
        card("Range tester", section_ranges, s);
        card("Next version from commits", section_commits, s);
        ImGui::EndTable();
        return;
    }
    card("Bump a version", section_bumps, s);
    card("Compare two versions", section_compare, s);
    card("Range tester", section_ranges, s);
    card("CalVer: next for a date", section_calver, s);
    card("Next version from commits", section_commits, s);
}

}  // namespace relplan::ui

#include "lifecycle/support.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_time.hpp"
#include "version/semver.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace relplan {

std::string_view to_string(SupportPhase phase) {
    switch (phase) {
        case SupportPhase::planned: return "planned";
        case SupportPhase::active: return "active";
        case SupportPhase::maintenance: return "maintenance";
        case SupportPhase::end_of_life: return "end-of-life";
    }
    return "planned";
}

std::string_view to_string(SupportWarningKind kind) {
    switch (kind) {
        case SupportWarningKind::patch_gap: return "patch-gap";
        case SupportWarningKind::eol_without_successor: return "eol-without-successor";
        case SupportWarningKind::release_after_eol: return "release-after-eol";
        case SupportWarningKind::feature_in_maintenance: return "feature-in-maintenance";
        case SupportWarningKind::dependency_eol: return "dependency-eol";
    }
    return "patch-gap";
}

namespace {

using namespace std::chrono;

// Calendar months later; a day the target month lacks becomes its last day (Jan 31 + 1 = Feb 28).
Date add_months(Date d, std::int32_t n) {
    year_month ym = year_month{d.year(), d.month()} + months{n};
    auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), std::min(d.day(), last)};
}

std::int64_t days_from(Date a, Date b) { return (sys_days{b} - sys_days{a}).count(); }
std::string days_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

bool released(const Release& r) { return r.status == ReleaseStatus::released; }
bool pending(const Release& r) {
    return r.status == ReleaseStatus::planning || r.status == ReleaseStatus::approved ||
           r.status == ReleaseStatus::frozen;
}

struct Member {
    Version version;
    const Release* release;
};

struct Line {
    std::uint64_t major = 0;
    std::uint64_t minor = 0;
    std::vector<Member> members;  // sorted by version
};

std::string cycle_name(const Line& line, bool by_minor) {
    return by_minor ? std::to_string(line.major) + "." + std::to_string(line.minor) : std::to_string(line.major);
}

std::vector<Line> group_lines(const Plan& plan, bool minor_lines) {
    std::map<std::pair<std::uint64_t, std::uint64_t>, Line> lines;
    for (const Release& r : plan.releases) {
        if (r.status == ReleaseStatus::cancelled || r.calver_scheme) continue;
        auto v = Version::parse(r.version);
        if (!v || v->is_prerelease()) continue;
        bool by_minor = minor_lines || v->major() == 0;
        auto key = std::make_pair(v->major(), by_minor ? v->minor() : 0);
        Line& line = lines[key];
        line.major = key.first;
        line.minor = key.second;
        line.members.push_back({*v, &r});
    }
    std::vector<Line> out;
    for (auto& [key, line] : lines) {
        std::sort(line.members.begin(), line.members.end(),
                  [](const Member& a, const Member& b) { return compare(a.version, b.version) < 0; });
        out.push_back(std::move(line));
    }
    return out;
}

const LineSupport* find_line_support(const PlanSettings& settings, std::string_view line) {
    for (const LineSupport& s : settings.support_lines)
        if (s.line == line) return &s;
    return nullptr;
}

std::optional<Date> earliest_date(const Line& line) {
    std::optional<Date> best;
    for (const Member& m : line.members)
        if (m.release->release_date && (!best || *m.release->release_date < *best)) best = m.release->release_date;
    return best;
}

LineSchedule describe(const Line& line, bool by_minor) {
    LineSchedule s;
    s.cycle = cycle_name(line, by_minor);
    s.line = s.cycle + ".x";
    s.release_date = earliest_date(line);
    for (const Member& m : line.members) {
        s.release_ids.push_back(m.release->id);
        s.latest_planned = m.version.to_string();
        if (released(*m.release)) {
            s.latest = m.version.to_string();
            s.latest_release_date = m.release->release_date;
        }
    }
    return s;
}

// Active and end-of-life dates from explicit line dates, then the policy, then the successors.
void apply_policy(std::vector<LineSchedule>& lines, const PlanSettings& settings) {
    SupportPolicy policy = settings.support.value_or(SupportPolicy{});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineSchedule& s = lines[i];
        const LineSupport* own = find_line_support(settings, s.line);
        s.lts = own && own->lts;
        std::optional<Date> successor = i + 1 < lines.size() ? lines[i + 1].release_date : std::nullopt;
        if (own && own->active_until) s.active_until = own->active_until;
        else if (policy.active_months && s.release_date) s.active_until = add_months(*s.release_date, *policy.active_months);
        else s.active_until = successor;
        if (own && own->eol) {
            s.eol = own->eol;
        } else {
            if (policy.maintenance_months && s.active_until)
                s.eol = add_months(*s.active_until, *policy.maintenance_months);
            if (policy.latest_lines && *policy.latest_lines > 0) {
                std::size_t later = i + static_cast<std::size_t>(*policy.latest_lines);
                if (later < lines.size() && lines[later].release_date && (!s.eol || *lines[later].release_date < *s.eol))
                    s.eol = lines[later].release_date;
            }
        }
        if (s.eol && s.active_until && *s.eol < *s.active_until) s.active_until = s.eol;
    }
}

SupportPhase phase_on(const LineSchedule& s, Date today) {
    if (!s.release_date || today < *s.release_date || s.latest.empty()) return SupportPhase::planned;
    if (s.eol && !(today < *s.eol)) return SupportPhase::end_of_life;
    if (s.active_until && !(today < *s.active_until)) return SupportPhase::maintenance;
    return SupportPhase::active;
}

// Gaps between consecutive release dates of a supported line that end after `today` (planned gaps
// and the gap since the last release), the first one longer than the policy allows.
void warn_patch_gap(const LineSchedule& s, const Line& line, const SupportPolicy& policy, Date today,
                    std::vector<SupportWarning>& out) {
    if (!policy.patch_interval_days || s.phase == SupportPhase::planned || s.phase == SupportPhase::end_of_life) return;
    std::vector<Date> dates;
    for (const Member& m : line.members)
        if (m.release->release_date && (!s.eol || *m.release->release_date < *s.eol)) dates.push_back(*m.release->release_date);
    std::sort(dates.begin(), dates.end());
    if (dates.empty()) return;
    if (dates.back() < today) dates.push_back(today);
    for (std::size_t i = 1; i < dates.size(); ++i) {
        std::int64_t gap = days_from(dates[i - 1], dates[i]);
        if (!(today < dates[i]) && dates[i] != today) continue;
        if (gap <= *policy.patch_interval_days) continue;
        bool open_end = dates[i] == today;
        out.push_back({SupportWarningKind::patch_gap, s.line, {},
                       s.line + " is supported but has no release " +
                           (open_end ? "since " + format_iso_date(dates[i - 1])
                                     : "planned between " + format_iso_date(dates[i - 1]) + " and " +
                                           format_iso_date(dates[i])) +
                           " (" + days_text(gap) + "); the policy asks for one every " +
                           days_text(*policy.patch_interval_days) + ": plan a patch release"});
        return;
    }
}

void warn_releases(const LineSchedule& s, const Line& line, std::vector<SupportWarning>& out) {
    for (const Member& m : line.members) {
        const Release& r = *m.release;
        if (!pending(r) || !r.release_date) continue;
        if (s.eol && !(*r.release_date < *s.eol)) {
            out.push_back({SupportWarningKind::release_after_eol, s.line, r.id,
                           m.version.to_string() + " is planned on " + format_iso_date(*r.release_date) + ", after " +
                               s.line + " reaches end of life on " + format_iso_date(*s.eol)});
        } else if (s.active_until && !(*r.release_date < *s.active_until) && m.version.patch() == 0 &&
                   &m != &line.members.front()) {
            out.push_back({SupportWarningKind::feature_in_maintenance, s.line, r.id,
                           m.version.to_string() + " is planned on " + format_iso_date(*r.release_date) + " while " +
                               s.line + " is in maintenance (from " + format_iso_date(*s.active_until) +
                               "): maintenance lines take patch releases only"});
        }
    }
}

void warn_successor(const std::vector<LineSchedule>& lines, std::size_t i, std::vector<SupportWarning>& out) {
    const LineSchedule& s = lines[i];
    if (!s.eol) return;
    bool covered = false;
    for (std::size_t j = i + 1; j < lines.size() && !covered; ++j)
        covered = lines[j].latest_release_date ? *lines[j].latest_release_date < *s.eol
                                               : lines[j].release_date && *lines[j].release_date < *s.eol;
    if (!covered)
        out.push_back({SupportWarningKind::eol_without_successor, s.line, {},
                       s.line + " reaches end of life on " + format_iso_date(*s.eol) +
                           " with no successor line released or planned before then"});
}

// One warning per dependency cycle that ends before planned releases (the plan lists the cycles it
// runs on, so one already over matters most).
void warn_dependencies(const Plan& plan, std::vector<SupportWarning>& out) {
    for (const DependencySupport& dep : plan.dependencies) {
        if (!dep.eol) continue;
        const Release* first = nullptr;
        std::size_t count = 0;
        for (const Release& r : plan.releases) {
            if (!pending(r) || !r.release_date || *r.release_date < *dep.eol) continue;
            ++count;
            if (!first || *r.release_date < *first->release_date) first = &r;
        }
        if (!first) continue;
        std::string name = first->version.empty() ? first->id : first->version;
        out.push_back({SupportWarningKind::dependency_eol, dep.product + " " + dep.cycle, first->id,
                       dep.product + " " + dep.cycle + " reaches end of life on " + format_iso_date(*dep.eol) +
                           ", before " + name + " (planned " + format_iso_date(*first->release_date) + ")" +
                           (count > 1 ? " and " + std::to_string(count - 1) + " later planned release" +
                                            (count > 2 ? "s" : "")
                                      : "")});
    }
}

}  // namespace

SupportReport support_report(const Plan& plan, Date today) {
    SupportPolicy policy = plan.settings.support.value_or(SupportPolicy{});
    std::vector<Line> lines = group_lines(plan, policy.minor_lines);
    SupportReport report;
    for (const Line& line : lines) report.lines.push_back(describe(line, policy.minor_lines || line.major == 0));
    apply_policy(report.lines, plan.settings);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineSchedule& s = report.lines[i];
        s.phase = phase_on(s, today);
        warn_patch_gap(s, lines[i], policy, today, report.warnings);
        warn_releases(s, lines[i], report.warnings);
        warn_successor(report.lines, i, report.warnings);
    }
    warn_dependencies(plan, report.warnings);
    return report;
}

namespace {

void date_or_false(json::Writer& w, const std::optional<Date>& d) {
    if (d) w.string(format_iso_date(*d));
    else w.boolean(false);
}

}  // namespace

std::string endoflife_json(const SupportReport& report) {
    json::Writer w;
    w.begin_array();
    for (std::size_t n = report.lines.size(); n-- > 0;) {
        const LineSchedule& s = report.lines[n];
        w.begin_object();
        w.member("cycle", s.cycle);
        w.key("releaseDate");
        date_or_false(w, s.release_date);
        w.key("support");
        date_or_false(w, s.active_until);
        w.key("eol");
        date_or_false(w, s.eol);
        w.key("latest");
        if (s.latest.empty()) w.null();
        else w.string(s.latest);
        w.key("latestReleaseDate");
        date_or_false(w, s.latest_release_date);
        w.member("lts", s.lts);
        w.end_object();
    }
    w.end_array();
    return w.take() + "\n";
}

namespace {

// endoflife.date writes dates as "YYYY-MM-DD" and "not planned" as false; true (for eol/support)
// means "already over, date unknown", which we cannot place on a calendar: treated as not planned.
Result<std::optional<Date>> read_date(const json::Value& cycle, std::string_view key) {
    const json::Value* v = cycle.find(key);
    if (!v || v->kind == json::Kind::boolean || v->kind == json::Kind::null) return std::optional<Date>{};
    if (v->kind != json::Kind::string) return make_error("\"" + std::string(key) + "\" must be a date or a boolean", v->offset);
    auto d = parse_plan_date(v->text);
    if (!d || !d->ok()) return make_error("\"" + std::string(key) + "\" is not a YYYY-MM-DD date: '" + v->text + "'", v->offset);
    return std::optional<Date>{*d};
}

}  // namespace

Result<std::vector<DependencySupport>> import_endoflife(std::string_view json_text, std::string_view product) {
    auto doc = json::parse(json_text);
    if (!doc) return doc.error();
    const json::Value& root = doc->root;
    if (root.kind != json::Kind::array)
        return make_error("expected endoflife.date JSON: an array of cycles", root.offset);
    std::vector<DependencySupport> out;
    for (const json::Value& cycle : root.children) {
        if (cycle.kind != json::Kind::object) return make_error("each cycle must be an object", cycle.offset);
        const json::Value* name = cycle.find("cycle");
        if (!name || (name->kind != json::Kind::string && name->kind != json::Kind::number))
            return make_error("a cycle needs a \"cycle\" name", cycle.offset);
        DependencySupport dep;
        dep.product = std::string(product);
        dep.cycle = name->text;
        auto release = read_date(cycle, "releaseDate");
        auto support = read_date(cycle, "support");
        auto eol = read_date(cycle, "eol");
        for (auto* r : {&release, &support, &eol})
            if (!*r) return r->error();
        dep.release_date = *release;
        dep.support = *support;
        dep.eol = *eol;
        const json::Value* lts = cycle.find("lts");
        dep.lts = lts && ((lts->kind == json::Kind::boolean && lts->boolean) || lts->kind == json::Kind::string);
        out.push_back(std::move(dep));
    }
    return out;
}

std::string endoflife_product_name(std::string_view file_name) {
    const std::size_t slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    std::string out;
    for (char c : file_name) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!word) break;  // endoflife.date product names are [a-z0-9-]; a browser's " (1)" copy suffix ends it too
        out += c;
    }
    return out.empty() ? "dependency" : out;
}

void merge_dependency_support(std::vector<DependencySupport>& known, const std::vector<DependencySupport>& incoming) {
    for (const DependencySupport& cycle : incoming) {
        auto same = std::find_if(known.begin(), known.end(), [&](const DependencySupport& k) {
            return k.product == cycle.product && k.cycle == cycle.cycle;
        });
        if (same != known.end()) *same = cycle;
        else known.push_back(cycle);
    }
}

bool has_support_policy(const Plan& plan) {
    return plan.settings.support.has_value() || !plan.settings.support_lines.empty();
}

std::string support_table_markdown(const SupportReport& report) {
    if (report.lines.empty()) return {};
    const auto date = [](const std::optional<Date>& d, const char* none) {
        return d ? format_iso_date(*d) : std::string(none);
    };
    std::string out = "| Line | First release | Active support ends | End of life | Latest release |\n"
                      "| --- | --- | --- | --- | --- |\n";
    for (std::size_t n = report.lines.size(); n-- > 0;) {
        const LineSchedule& s = report.lines[n];
        std::string latest = s.latest.empty() ? "none yet" : s.latest;
        if (s.latest_planned != s.latest) latest += " (" + s.latest_planned + " planned)";
        out += "| " + s.line + (s.lts ? " (LTS)" : "") + " | " + date(s.release_date, "not planned") + " | " +
               date(s.active_until, "not planned") + " | " + date(s.eol, "not planned") + " | " + latest + " |\n";
    }
    return out;
}

}  // namespace relplan

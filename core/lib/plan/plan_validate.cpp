#include "plan/plan_validate.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_time.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

namespace relplan {
namespace {

using json::Path;

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

std::string quoted(std::string_view s) {
    std::string out;
    json::append_quoted(out, s);
    return out;
}

// Where an id was used, as indices; pointer text is made only for a duplicate.
using Where = std::pair<std::size_t, std::size_t>;
using PointerOf = std::string (*)(Where);
struct IdUse {
    std::string_view id;
    Where where;
};
using Known = std::unordered_set<std::string_view>;

class Checker {
public:
    std::vector<Diagnostic> out;

    void report(const Path& at, std::string message) {
        out.push_back(Diagnostic{at.str(), std::move(message), 0, 0});
    }

    void date(const Path& at, const Date& d) {
        if (d.ok()) return;
        const std::string text = quoted(format_iso_date(d));
        if (!d.year().ok()) {
            report(at, text + " is not a valid date (the year is out of range)");
        } else if (!d.month().ok()) {
            report(at, text + " is not a valid date (there is no month " +
                           std::to_string(static_cast<unsigned>(d.month())) + ")");
        } else {
            const unsigned last = static_cast<unsigned>((d.year() / d.month() / std::chrono::last).day());
            report(at, text + " is not a valid date (" +
                           std::string(month_names[static_cast<unsigned>(d.month()) - 1]) + " " +
                           std::to_string(static_cast<int>(d.year())) + " has " + std::to_string(last) + " days)");
        }
    }

    void date(const Path& at, const std::optional<Date>& d) {
        if (d) date(at, *d);
    }

    void not_negative(const Path& at, const std::optional<std::int32_t>& days) {
        if (days && *days < 0) report(at, std::to_string(*days) + " days: must not be negative");
    }

    void id(std::vector<IdUse>& uses, std::string_view kind, const Path& at, const std::string& id, Where where) {
        if (id.empty()) {
            report(at, "the " + std::string(kind) + " id must not be empty");
        } else {
            uses.push_back(IdUse{id, where});
        }
    }

    // Sorting beats hashing here: 100,000 change ids hash into cache-missing bucket chains.
    void duplicates(std::vector<IdUse>& uses, std::string_view kind, PointerOf pointer_of) {
        std::stable_sort(uses.begin(), uses.end(), [](const IdUse& a, const IdUse& b) { return a.id < b.id; });
        for (std::size_t i = 1; i < uses.size(); ++i) {
            std::size_t first = i - 1;
            if (uses[first].id != uses[i].id) continue;
            while (first > 0 && uses[first - 1].id == uses[i].id) --first;
            out.push_back(Diagnostic{pointer_of(uses[i].where),
                                     "duplicate " + std::string(kind) + " id " + quoted(uses[i].id) + " (also " +
                                         pointer_of(uses[first].where) + ")",
                                     0, 0});
        }
    }

    void refs(const Known& known, std::string_view kind, const Path& at, const std::vector<std::string>& ids) {
        for (std::size_t i = 0; i < ids.size(); ++i) ref(known, kind, at.element(i), ids[i]);
    }

    void ref(const Known& known, std::string_view kind, const Path& at, const std::string& id) {
        if (known.count(id) == 0) report(at, "unknown " + std::string(kind) + " " + quoted(id));
    }

    void period(const Path& at, const Period& p, const Known& components) {
        date(at.member("start"), p.start);
        date(at.member("end"), p.end);
        if (p.start.ok() && p.end.ok() && p.end < p.start) {
            report(at.member("end"), "the period ends (" + format_iso_date(p.end) + ") before it starts (" +
                                         format_iso_date(p.start) + ")");
        }
        refs(components, "component", at.member("components"), p.components);
    }

    void version(const Path& at, const Release& r) {
        if (r.version.empty()) {
            if (r.status != ReleaseStatus::planning && r.status != ReleaseStatus::cancelled) {
                report(at.member("version"),
                       "a release with status \"" + std::string(to_string(r.status)) + "\" needs a version");
            }
            return;
        }
        if (r.calver_scheme) {
            if (const auto problem = versions::check_calver(*r.calver_scheme, r.version)) {
                report(at.member(problem->scheme_invalid ? "calver_scheme" : "version"), problem->message);
            }
            return;
        }
        if (versions::is_semver(r.version)) return;
        std::string message = quoted(r.version) + " is not a valid semantic version";
        if ((r.version[0] == 'v' || r.version[0] == 'V') && versions::is_semver(r.version.substr(1))) {
            message += " (write it without the \"" + r.version.substr(0, 1) + "\": " + r.version.substr(1) + ")";
        }
        report(at.member("version"), message);
    }

    void milestones(const Path& at, const Release& r) {
        struct Milestone {
            std::string_view key;
            std::string_view name;
            const std::optional<Date>& date;
        };
        const std::array<Milestone, 4> order{{
            {"planning_start", "planning start", r.planning_start},
            {"feature_freeze", "feature freeze", r.feature_freeze},
            {"code_freeze", "code freeze", r.code_freeze},
            {"release_date", "release date", r.release_date},
        }};
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Milestone& a = order[i];
            if (!a.date || !a.date->ok()) continue;
            for (std::size_t k = i + 1; k < order.size(); ++k) {
                const Milestone& b = order[k];
                if (!b.date || !b.date->ok()) continue;
                if (*b.date < *a.date) {
                    report(at.member(a.key), std::string(a.name) + " " + format_iso_date(*a.date) + " is after the " +
                                                 std::string(b.name) + " " + format_iso_date(*b.date));
                }
                break;
            }
        }
    }

    void window(const Path& at, const ChangeWindow& w) {
        const auto offset = [&](std::string_view key, std::int32_t minutes) {
            if (minutes < -23 * 60 - 59 || minutes > 23 * 60 + 59) {
                report(at.member(key), "UTC offset of " + std::to_string(minutes) +
                                           " minutes is out of range (at most 23:59 either way)");
            }
        };
        offset("start", w.start_offset_minutes);
        offset("end", w.end_offset_minutes);
        if (w.end <= w.start) report(at.member("end"), "the change window ends at or before its start");
    }
};

std::string component_id(Where w) { return "/components/" + std::to_string(w.first) + "/id"; }
std::string stakeholder_id(Where w) { return "/stakeholders/" + std::to_string(w.first) + "/id"; }
std::string release_id(Where w) { return "/releases/" + std::to_string(w.first) + "/id"; }
std::string change_id(Where w) {
    return "/releases/" + std::to_string(w.first) + "/changes/" + std::to_string(w.second) + "/id";
}

template <class T>
Known ids_of(const std::vector<T>& items) {
    Known out;
    for (const T& item : items) out.insert(item.id);
    return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, std::string_view file) {
    std::string out(file);
    if (d.line > 0) {
        out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column);
    }
    if (!out.empty()) out += ": ";
    if (!d.pointer.empty()) out += d.pointer + ": ";
    out += d.message;
    return out;
}

Diagnostic diagnostic_at(std::string_view text, std::size_t offset, std::string message) {
    const auto [line, column] = json::LineIndex(text).locate(offset);
    return Diagnostic{"", std::move(message), line, column};
}

std::vector<Diagnostic> validate_plan(const Plan& plan) {
    Checker c;
    const Path root;
    if (plan.project.name.empty()) c.report(root.member("project").member("name"), "the project name must not be empty");

    const Known components = ids_of(plan.components);
    const Known stakeholders = ids_of(plan.stakeholders);
    std::vector<IdUse> component_ids, stakeholder_ids, release_ids, change_ids;

    const Path component_list = root.member("components");
    for (std::size_t i = 0; i < plan.components.size(); ++i) {
        const Path at = component_list.element(i);
        c.id(component_ids, "component", at.member("id"), plan.components[i].id, {i, 0});
    }
    const Path stakeholder_list = root.member("stakeholders");
    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
        const Path at = stakeholder_list.element(i);
        c.id(stakeholder_ids, "stakeholder", at.member("id"), plan.stakeholders[i].id, {i, 0});
        c.refs(components, "component", at.member("components"), plan.stakeholders[i].components);
    }
    const Path blackouts = root.member("blackouts");
    for (std::size_t i = 0; i < plan.blackouts.size(); ++i) c.period(blackouts.element(i), plan.blackouts[i], components);
    const Path holidays = root.member("holidays");
    for (std::size_t i = 0; i < plan.holidays.size(); ++i) c.period(holidays.element(i), plan.holidays[i], components);

    const Path settings = root.member("settings");
    const Path overrides = settings.member("milestone_offsets");
    std::map<ReleaseType, std::size_t> override_of;
    for (std::size_t i = 0; i < plan.settings.milestone_offsets.size(); ++i) {
        const MilestoneOverride& o = plan.settings.milestone_offsets[i];
        const Path at = overrides.element(i);
        const auto [it, inserted] = override_of.emplace(o.type, i);
        if (!inserted) {
            c.report(at.member("type"), "a second override for release type \"" + std::string(to_string(o.type)) +
                                            "\" (the first is " + overrides.element(it->second).str() + ")");
        }
        c.not_negative(at.member("planning_start_days"), o.planning_start_days);
        c.not_negative(at.member("feature_freeze_days"), o.feature_freeze_days);
        c.not_negative(at.member("code_freeze_days"), o.code_freeze_days);
        c.not_negative(at.member("notice_days"), o.notice_days);
    }
    const Path sections = settings.member("notes_sections");
    std::map<NotesSection, std::size_t> section_of;
    for (std::size_t i = 0; i < plan.settings.notes_sections.size(); ++i) {
        const NotesSectionOverride& o = plan.settings.notes_sections[i];
        const auto [it, inserted] = section_of.emplace(o.section, i);
        if (!inserted) {
            c.report(sections.element(i).member("section"),
                     "notes section \"" + std::string(to_string(o.section)) + "\" is listed twice (first at " +
                         sections.element(it->second).str() + ")");
        }
    }

    const Path release_list = root.member("releases");
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        const Path at = release_list.element(i);
        c.id(release_ids, "release", at.member("id"), r.id, {i, 0});
        c.refs(components, "component", at.member("components"), r.components);
        c.version(at, r);
        c.date(at.member("planning_start"), r.planning_start);
        c.date(at.member("feature_freeze"), r.feature_freeze);
        c.date(at.member("code_freeze"), r.code_freeze);
        c.date(at.member("release_date"), r.release_date);
        c.date(at.member("embargo_until"), r.embargo_until);
        c.milestones(at, r);
        if (r.change_window) c.window(at.member("change_window"), *r.change_window);
        const Path changes = at.member("changes");
        for (std::size_t k = 0; k < r.changes.size(); ++k) {
            const Change& ch = r.changes[k];
            const Path cp = changes.element(k);
            c.id(change_ids, "change", cp.member("id"), ch.id, {i, k});
            if (!ch.component.empty()) c.ref(components, "component", cp.member("component"), ch.component);
            c.date(cp.member("added_on"), ch.added_on);
            if (ch.freeze_exception) {
                c.date(cp.member("freeze_exception").member("approved_on"), ch.freeze_exception->approved_on);
            }
        }
        const Path communications = at.member("communications");
        for (std::size_t k = 0; k < r.communications.size(); ++k) {
            const Communication& m = r.communications[k];
            const Path mp = communications.element(k);
            c.refs(stakeholders, "stakeholder", mp.member("stakeholders"), m.stakeholders);
            c.not_negative(mp.member("notice_days"), m.notice_days);
            c.date(mp.member("planned_on"), m.planned_on);
            c.date(mp.member("sent_on"), m.sent_on);
        }
        const Path gates = at.member("quality_gates");
        for (std::size_t k = 0; k < r.quality_gates.size(); ++k) {
            c.date(gates.element(k).member("approved_on"), r.quality_gates[k].approved_on);
        }
        if (r.review) {
            const Path review = at.member("review");
            c.date(review.member("actual_feature_freeze"), r.review->actual_feature_freeze);
            c.date(review.member("actual_code_freeze"), r.review->actual_code_freeze);
            c.date(review.member("actual_release_date"), r.review->actual_release_date);
        }
    }
    c.duplicates(component_ids, "component", component_id);
    c.duplicates(stakeholder_ids, "stakeholder", stakeholder_id);
    c.duplicates(release_ids, "release", release_id);
    c.duplicates(change_ids, "change", change_id);
    return std::move(c.out);
}

}  // namespace relplan

#include <relplan/plan_validate.hpp>

#include "json_doc.hpp"
#include "plan_time.hpp"
#include "version_check.hpp"

#include <array>
#include <map>

namespace relplan {
namespace {

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

std::string quoted(std::string_view s) {
    std::string out;
    json::append_quoted(out, s);
    return out;
}

class Checker {
public:
    std::vector<Diagnostic> out;

    void report(std::string pointer, std::string message) {
        out.push_back(Diagnostic{std::move(pointer), std::move(message), 0, 0});
    }

    void date(const std::string& ptr, const Date& d) {
        if (d.ok()) return;
        const std::string text = quoted(format_iso_date(d));
        if (!d.year().ok()) {
            report(ptr, text + " is not a valid date (the year is out of range)");
        } else if (!d.month().ok()) {
            report(ptr, text + " is not a valid date (there is no month " +
                            std::to_string(static_cast<unsigned>(d.month())) + ")");
        } else {
            const unsigned last = static_cast<unsigned>((d.year() / d.month() / std::chrono::last).day());
            report(ptr, text + " is not a valid date (" +
                            std::string(month_names[static_cast<unsigned>(d.month()) - 1]) + " " +
                            std::to_string(static_cast<int>(d.year())) + " has " + std::to_string(last) +
                            " days)");
        }
    }

    void date(const std::string& ptr, const std::optional<Date>& d) {
        if (d) date(ptr, *d);
    }

    void not_negative(const std::string& ptr, const std::optional<std::int32_t>& days) {
        if (days && *days < 0) report(ptr, std::to_string(*days) + " days: must not be negative");
    }

    // Ids of one kind: non-empty and unique. Remembers where each was first seen.
    void id(std::map<std::string, std::string, std::less<>>& seen, std::string_view kind,
            const std::string& ptr, const std::string& id) {
        if (id.empty()) {
            report(ptr, "the " + std::string(kind) + " id must not be empty");
            return;
        }
        const auto [it, inserted] = seen.emplace(id, ptr);
        if (!inserted) report(ptr, "duplicate " + std::string(kind) + " id " + quoted(id) + " (also " + it->second + ")");
    }

    void refs(const std::map<std::string, std::string, std::less<>>& known, std::string_view kind,
              const std::string& ptr, const std::vector<std::string>& ids) {
        for (std::size_t i = 0; i < ids.size(); ++i) ref(known, kind, ptr + "/" + std::to_string(i), ids[i]);
    }

    void ref(const std::map<std::string, std::string, std::less<>>& known, std::string_view kind,
             const std::string& ptr, const std::string& id) {
        if (known.find(id) == known.end()) report(ptr, "unknown " + std::string(kind) + " " + quoted(id));
    }

    void period(const std::string& ptr, const Period& p,
                const std::map<std::string, std::string, std::less<>>& components) {
        date(ptr + "/start", p.start);
        date(ptr + "/end", p.end);
        if (p.start.ok() && p.end.ok() && p.end < p.start) {
            report(ptr + "/end", "the period ends (" + format_iso_date(p.end) + ") before it starts (" +
                                     format_iso_date(p.start) + ")");
        }
        refs(components, "component", ptr + "/components", p.components);
    }

    void version(const std::string& ptr, const Release& r) {
        if (r.version.empty()) {
            if (r.status != ReleaseStatus::planning && r.status != ReleaseStatus::cancelled) {
                report(ptr + "/version",
                       "a release with status \"" + std::string(to_string(r.status)) + "\" needs a version");
            }
            return;
        }
        if (r.calver_scheme) {
            if (const auto problem = versions::check_calver(*r.calver_scheme, r.version)) {
                report(ptr + (problem->scheme_invalid ? "/calver_scheme" : "/version"), problem->message);
            }
            return;
        }
        if (versions::is_semver(r.version)) return;
        std::string message = quoted(r.version) + " is not a valid semantic version";
        if ((r.version[0] == 'v' || r.version[0] == 'V') && versions::is_semver(r.version.substr(1))) {
            message += " (write it without the \"" + r.version.substr(0, 1) + "\": " + r.version.substr(1) + ")";
        }
        report(ptr + "/version", message);
    }

    void milestones(const std::string& ptr, const Release& r) {
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
                    report(ptr + "/" + std::string(a.key),
                           std::string(a.name) + " " + format_iso_date(*a.date) + " is after the " +
                               std::string(b.name) + " " + format_iso_date(*b.date));
                }
                break;
            }
        }
    }

    void window(const std::string& ptr, const ChangeWindow& w) {
        const auto offset = [&](std::string_view key, std::int32_t minutes) {
            if (minutes < -23 * 60 - 59 || minutes > 23 * 60 + 59) {
                report(ptr + "/" + std::string(key), "UTC offset of " + std::to_string(minutes) +
                                                         " minutes is out of range (at most 23:59 either way)");
            }
        };
        offset("start", w.start_offset_minutes);
        offset("end", w.end_offset_minutes);
        if (w.end <= w.start) report(ptr + "/end", "the change window ends at or before its start");
    }
};

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
    using Ids = std::map<std::string, std::string, std::less<>>;
    Checker c;
    if (plan.project.name.empty()) c.report("/project/name", "the project name must not be empty");

    Ids components, stakeholders, releases, changes;
    for (std::size_t i = 0; i < plan.components.size(); ++i) {
        c.id(components, "component", "/components/" + std::to_string(i) + "/id", plan.components[i].id);
    }
    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
        const std::string ptr = "/stakeholders/" + std::to_string(i);
        c.id(stakeholders, "stakeholder", ptr + "/id", plan.stakeholders[i].id);
        c.refs(components, "component", ptr + "/components", plan.stakeholders[i].components);
    }
    for (std::size_t i = 0; i < plan.blackouts.size(); ++i) {
        c.period("/blackouts/" + std::to_string(i), plan.blackouts[i], components);
    }
    for (std::size_t i = 0; i < plan.holidays.size(); ++i) {
        c.period("/holidays/" + std::to_string(i), plan.holidays[i], components);
    }

    std::map<ReleaseType, std::size_t> override_of;
    for (std::size_t i = 0; i < plan.settings.milestone_offsets.size(); ++i) {
        const MilestoneOverride& o = plan.settings.milestone_offsets[i];
        const std::string ptr = "/settings/milestone_offsets/" + std::to_string(i);
        const auto [it, inserted] = override_of.emplace(o.type, i);
        if (!inserted) {
            c.report(ptr + "/type", "a second override for release type \"" + std::string(to_string(o.type)) +
                                        "\" (the first is /settings/milestone_offsets/" +
                                        std::to_string(it->second) + ")");
        }
        c.not_negative(ptr + "/planning_start_days", o.planning_start_days);
        c.not_negative(ptr + "/feature_freeze_days", o.feature_freeze_days);
        c.not_negative(ptr + "/code_freeze_days", o.code_freeze_days);
        c.not_negative(ptr + "/notice_days", o.notice_days);
    }
    std::map<NotesSection, std::size_t> section_of;
    for (std::size_t i = 0; i < plan.settings.notes_sections.size(); ++i) {
        const NotesSectionOverride& o = plan.settings.notes_sections[i];
        const auto [it, inserted] = section_of.emplace(o.section, i);
        if (!inserted) {
            c.report("/settings/notes_sections/" + std::to_string(i) + "/section",
                     "notes section \"" + std::string(to_string(o.section)) +
                         "\" is listed twice (first at /settings/notes_sections/" + std::to_string(it->second) + ")");
        }
    }

    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        const std::string ptr = "/releases/" + std::to_string(i);
        c.id(releases, "release", ptr + "/id", r.id);
        c.refs(components, "component", ptr + "/components", r.components);
        c.version(ptr, r);
        c.date(ptr + "/planning_start", r.planning_start);
        c.date(ptr + "/feature_freeze", r.feature_freeze);
        c.date(ptr + "/code_freeze", r.code_freeze);
        c.date(ptr + "/release_date", r.release_date);
        c.date(ptr + "/embargo_until", r.embargo_until);
        c.milestones(ptr, r);
        if (r.change_window) c.window(ptr + "/change_window", *r.change_window);
        for (std::size_t k = 0; k < r.changes.size(); ++k) {
            const Change& ch = r.changes[k];
            const std::string cp = ptr + "/changes/" + std::to_string(k);
            c.id(changes, "change", cp + "/id", ch.id);
            if (!ch.component.empty()) c.ref(components, "component", cp + "/component", ch.component);
            c.date(cp + "/added_on", ch.added_on);
            if (ch.freeze_exception) c.date(cp + "/freeze_exception/approved_on", ch.freeze_exception->approved_on);
        }
        for (std::size_t k = 0; k < r.communications.size(); ++k) {
            const Communication& m = r.communications[k];
            const std::string mp = ptr + "/communications/" + std::to_string(k);
            c.refs(stakeholders, "stakeholder", mp + "/stakeholders", m.stakeholders);
            c.not_negative(mp + "/notice_days", m.notice_days);
            c.date(mp + "/planned_on", m.planned_on);
            c.date(mp + "/sent_on", m.sent_on);
        }
        for (std::size_t k = 0; k < r.quality_gates.size(); ++k) {
            c.date(ptr + "/quality_gates/" + std::to_string(k) + "/approved_on", r.quality_gates[k].approved_on);
        }
        if (r.review) {
            c.date(ptr + "/review/actual_feature_freeze", r.review->actual_feature_freeze);
            c.date(ptr + "/review/actual_code_freeze", r.review->actual_code_freeze);
            c.date(ptr + "/review/actual_release_date", r.review->actual_release_date);
        }
    }
    return std::move(c.out);
}

}  // namespace relplan

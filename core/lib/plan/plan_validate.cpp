#include "plan/plan_validate.hpp"

#include "base/dates.hpp"
#include "base/json_doc.hpp"
#include "plan/plan_schema.hpp"
#include "version/next_version.hpp"
#include "version/release_line.hpp"
#include "version/version_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

namespace relplan {
namespace {

using json::Path;
using schema::json_key;

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
        if (!d.ok()) report(at, quoted(dates::format_date(d)) + " is not a valid date (" + dates::why_not_a_date(d) + ")");
    }

    void date(const Path& at, const std::optional<Date>& d) {
        if (d) date(at, *d);
    }

    void not_negative(const Path& at, const std::optional<std::int32_t>& days) {
        if (days && *days < 0) report(at, std::to_string(*days) + " days: must not be negative");
    }

    // The checks one member needs on its own, for every row of `s`'s type in row order: dates that
    // exist, numbers the schema marks not_negative. Nested objects are checked by their callers.
    template <class S>
    void members(const Path& at, const S& s) {
        schema::for_each_row<S>([&](const auto& r) { member(at, r, s); });
    }

    template <class S, class M>
    void member(const Path& at, const schema::Row<S, M>& r, const S& s) {
        if constexpr (std::is_same_v<M, Date> || std::is_same_v<M, std::optional<Date>>) {
            date(at.member(r.key), s.*r.member);
        } else if constexpr (std::is_same_v<M, std::int32_t> || std::is_same_v<M, std::optional<std::int32_t>>) {
            if (r.flags & schema::not_negative) not_negative(at.member(r.key), s.*r.member);
        }
    }

    template <class S>
    void member(const Path&, const schema::TimeRow<S>&, const S&) {}

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
        members(at, p);
        if (p.start.ok() && p.end.ok() && p.end < p.start) {
            report(at.member(json_key<&Period::end>), "the period ends (" + dates::format_date(p.end) + ") before it starts (" +
                                         dates::format_date(p.start) + ")");
        }
        refs(components, "component", at.member(json_key<&Period::components>), p.components);
    }

    void version(const Path& at, const Release& r) {
        if (r.version.empty()) {
            if (r.status != ReleaseStatus::planning && r.status != ReleaseStatus::cancelled) {
                report(at.member(json_key<&Release::version>),
                       "a release with status \"" + std::string(to_string(r.status)) + "\" needs a version");
            }
            return;
        }
        if (r.calver_scheme) {
            if (const auto problem = versions::check_calver(*r.calver_scheme, r.version)) {
                report(at.member(problem->scheme_invalid ? json_key<&Release::calver_scheme> : json_key<&Release::version>),
                       problem->message);
            }
            return;
        }
        if (versions::is_semver(r.version)) return;
        std::string message = quoted(r.version) + " is not a valid semantic version";
        if ((r.version[0] == 'v' || r.version[0] == 'V') && versions::is_semver(r.version.substr(1))) {
            message += " (write it without the \"" + r.version.substr(0, 1) + "\": " + r.version.substr(1) + ")";
        }
        report(at.member(json_key<&Release::version>), message);
    }

    void milestones(const Path& at, const Release& r) {
        struct Milestone {
            std::string_view key;
            std::string_view name;
            const std::optional<Date>& date;
        };
        const std::array<Milestone, 4> order{{
            {json_key<&Release::planning_start>, "planning start", r.planning_start},
            {json_key<&Release::feature_freeze>, "feature freeze", r.feature_freeze},
            {json_key<&Release::code_freeze>, "code freeze", r.code_freeze},
            {json_key<&Release::release_date>, "release date", r.release_date},
        }};
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Milestone& a = order[i];
            if (!a.date || !a.date->ok()) continue;
            for (std::size_t k = i + 1; k < order.size(); ++k) {
                const Milestone& b = order[k];
                if (!b.date || !b.date->ok()) continue;
                if (*b.date < *a.date) {
                    report(at.member(a.key), std::string(a.name) + " " + dates::format_date(*a.date) + " is after the " +
                                                 std::string(b.name) + " " + dates::format_date(*b.date));
                }
                break;
            }
        }
    }

    void settings(const Path& at, const PlanSettings& s) {
        const Path overrides = at.member(json_key<&PlanSettings::milestone_offsets>);
        std::map<ReleaseType, std::size_t> override_of;
        for (std::size_t i = 0; i < s.milestone_offsets.size(); ++i) {
            const MilestoneOverride& o = s.milestone_offsets[i];
            const Path item = overrides.element(i);
            const auto [it, inserted] = override_of.emplace(o.type, i);
            if (!inserted) {
                report(item.member(json_key<&MilestoneOverride::type>),
                       "a second override for release type \"" + std::string(to_string(o.type)) +
                           "\" (the first is " + overrides.element(it->second).str() + ")");
            }
            members(item, o);
        }
        const Path sections = at.member(json_key<&PlanSettings::notes_sections>);
        std::map<NotesSection, std::size_t> section_of;
        for (std::size_t i = 0; i < s.notes_sections.size(); ++i) {
            const NotesSectionOverride& o = s.notes_sections[i];
            const auto [it, inserted] = section_of.emplace(o.section, i);
            if (!inserted) {
                report(sections.element(i).member(json_key<&NotesSectionOverride::section>),
                       "notes section \"" + std::string(to_string(o.section)) + "\" is listed twice (first at " +
                           sections.element(it->second).str() + ")");
            }
        }
        versioning(at, s);
    }

    void versioning(const Path& at, const PlanSettings& s) {
        if (s.versioning) {
            const Path v = at.member(json_key<&PlanSettings::versioning>);
            if (!s.versioning->preset.empty()) {
                if (auto p = pre_major_policy(s.versioning->preset); !p.ok())
                    report(v.member(json_key<&VersioningSettings::preset>), p.error().message);
            }
            const Path rules = v.member(json_key<&VersioningSettings::release_rules>);
            for (std::size_t i = 0; i < s.versioning->release_rules.size(); ++i) {
                if (auto r = parse_release_rule(s.versioning->release_rules[i]); !r.ok())
                    report(rules.element(i), r.error().message);
            }
        }
        const Path lines = at.member(json_key<&PlanSettings::release_lines>);
        std::map<std::string, std::size_t> line_at;
        for (std::size_t i = 0; i < s.release_lines.size(); ++i) {
            const Path element = lines.element(i);  // a Path refers to its parent: keep it alive
            const Path item = element.member(json_key<&ReleaseLine::line>);
            auto range = parse_release_line(s.release_lines[i].line);
            if (!range.ok()) {
                report(item, range.error().message);
                continue;
            }
            const auto [it, inserted] = line_at.emplace(to_string(*range), i);
            if (!inserted) report(item, "release line " + to_string(*range) + " is listed twice (first at " +
                                            lines.element(it->second).str() + ")");
        }
    }

    // The same version twice on one component (or twice among releases without one) is an error at
    // the later release, naming the earlier; cancelled releases don't count.
    void duplicate_versions(const Path& release_list, const std::vector<Release>& releases) {
        std::vector<std::pair<std::string, std::size_t>> keys;
        for (std::size_t i = 0; i < releases.size(); ++i) {
            const Release& r = releases[i];
            if (r.version.empty() || r.status == ReleaseStatus::cancelled) continue;
            if (r.components.empty()) keys.emplace_back("\x1f" + r.version, i);
            for (const std::string& c : r.components) keys.emplace_back(c + "\x1f" + r.version, i);
        }
        std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<bool> reported(releases.size());
        for (std::size_t k = 1; k < keys.size(); ++k) {
            if (keys[k].first != keys[k - 1].first) continue;
            std::size_t first = k - 1;
            while (first > 0 && keys[first - 1].first == keys[k].first) --first;
            const std::size_t later = keys[k].second;
            if (reported[later] || later == keys[first].second) continue;
            reported[later] = true;
            const std::string component = keys[k].first.substr(0, keys[k].first.find('\x1f'));
            report(release_list.element(later).member(json_key<&Release::version>),
                   "duplicate version " + quoted(releases[later].version) +
                       (component.empty() ? std::string() : " on component " + quoted(component)) + " (also " +
                       release_list.element(keys[first].second).member(json_key<&Release::version>).str() + ")");
        }
    }

    void window(const Path& at, const ChangeWindow& w) {
        const auto offset = [&](std::string_view key, std::int32_t minutes) {
            if (minutes < -23 * 60 - 59 || minutes > 23 * 60 + 59) {
                report(at.member(key), "UTC offset of " + std::to_string(minutes) +
                                           " minutes is out of range (at most 23:59 either way)");
            }
        };
        offset(json_key<&ChangeWindow::start>, w.start_offset_minutes);
        offset(json_key<&ChangeWindow::end>, w.end_offset_minutes);
        if (w.end <= w.start) report(at.member(json_key<&ChangeWindow::end>), "the change window ends at or before its start");
    }
};

// The pointer of the id of element w.first of one of the plan's lists of things with ids.
template <auto List, auto Id>
std::string list_item_id(Where w) {
    const Path root;
    return root.member(json_key<List>).element(w.first).member(json_key<Id>).str();
}
std::string change_id(Where w) {
    const Path root;
    const Path releases = root.member(json_key<&Plan::releases>);
    const Path release = releases.element(w.first);  // each Path points at its parent: keep them alive
    return release.member(json_key<&Release::changes>).element(w.second).member(json_key<&Change::id>).str();
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
    if (plan.project.name.empty()) {
        c.report(root.member(json_key<&Plan::project>).member(json_key<&Project::name>),
                 "the project name must not be empty");
    }
    c.members(root.member(json_key<&Plan::project>), plan.project);
    const Known components = ids_of(plan.components);
    const Known stakeholders = ids_of(plan.stakeholders);
    std::vector<IdUse> component_ids, stakeholder_ids, release_ids, change_ids;

    const Path component_list = root.member(json_key<&Plan::components>);
    for (std::size_t i = 0; i < plan.components.size(); ++i) {
        const Path at = component_list.element(i);
        c.id(component_ids, "component", at.member(json_key<&Component::id>), plan.components[i].id, {i, 0});
        c.members(at, plan.components[i]);
    }
    const Path stakeholder_list = root.member(json_key<&Plan::stakeholders>);
    for (std::size_t i = 0; i < plan.stakeholders.size(); ++i) {
        const Path at = stakeholder_list.element(i);
        c.id(stakeholder_ids, "stakeholder", at.member(json_key<&Stakeholder::id>), plan.stakeholders[i].id, {i, 0});
        c.refs(components, "component", at.member(json_key<&Stakeholder::components>), plan.stakeholders[i].components);
        c.members(at, plan.stakeholders[i]);
    }
    const Path blackouts = root.member(json_key<&Plan::blackouts>);
    for (std::size_t i = 0; i < plan.blackouts.size(); ++i) c.period(blackouts.element(i), plan.blackouts[i], components);
    const Path holidays = root.member(json_key<&Plan::holidays>);
    for (std::size_t i = 0; i < plan.holidays.size(); ++i) c.period(holidays.element(i), plan.holidays[i], components);

    std::vector<IdUse> train_ids;
    const Path train_list = root.member(json_key<&Plan::trains>);
    for (std::size_t i = 0; i < plan.trains.size(); ++i) {
        const Path at = train_list.element(i);
        c.id(train_ids, "train", at.member(json_key<&Train::id>), plan.trains[i].id, {i, 0});
        c.refs(components, "component", at.member(json_key<&Train::components>), plan.trains[i].components);
        c.members(at, plan.trains[i]);
    }

    c.settings(root.member(json_key<&Plan::settings>), plan.settings);

    const Path release_list = root.member(json_key<&Plan::releases>);
    for (std::size_t i = 0; i < plan.releases.size(); ++i) {
        const Release& r = plan.releases[i];
        const Path at = release_list.element(i);
        c.id(release_ids, "release", at.member(json_key<&Release::id>), r.id, {i, 0});
        c.refs(components, "component", at.member(json_key<&Release::components>), r.components);
        c.version(at, r);
        c.members(at, r);
        c.milestones(at, r);
        if (r.change_window) c.window(at.member(json_key<&Release::change_window>), *r.change_window);
        const Path changes = at.member(json_key<&Release::changes>);
        for (std::size_t k = 0; k < r.changes.size(); ++k) {
            const Change& ch = r.changes[k];
            const Path cp = changes.element(k);
            c.id(change_ids, "change", cp.member(json_key<&Change::id>), ch.id, {i, k});
            if (!ch.component.empty()) {
                c.ref(components, "component", cp.member(json_key<&Change::component>), ch.component);
            }
            c.members(cp, ch);
            if (ch.freeze_exception) c.members(cp.member(json_key<&Change::freeze_exception>), *ch.freeze_exception);
        }
        const Path communications = at.member(json_key<&Release::communications>);
        for (std::size_t k = 0; k < r.communications.size(); ++k) {
            const Communication& m = r.communications[k];
            const Path mp = communications.element(k);
            c.refs(stakeholders, "stakeholder", mp.member(json_key<&Communication::stakeholders>), m.stakeholders);
            c.members(mp, m);
        }
        const Path gates = at.member(json_key<&Release::quality_gates>);
        for (std::size_t k = 0; k < r.quality_gates.size(); ++k) c.members(gates.element(k), r.quality_gates[k]);
        if (r.review) c.members(at.member(json_key<&Release::review>), *r.review);
    }
    // Merge conflicts are errors: a plan with an undecided value must not pass CI unnoticed.
    const Path conflict_list = root.member(json_key<&Plan::conflicts>);
    for (std::size_t i = 0; i < plan.conflicts.size(); ++i) {
        c.report(conflict_list.element(i), "unresolved merge conflict at '" + plan.conflicts[i].pointer +
                                               "': keep one value and remove this entry");
    }
    c.duplicates(component_ids, "component", list_item_id<&Plan::components, &Component::id>);
    c.duplicates(stakeholder_ids, "stakeholder", list_item_id<&Plan::stakeholders, &Stakeholder::id>);
    c.duplicates(release_ids, "release", list_item_id<&Plan::releases, &Release::id>);
    c.duplicates(train_ids, "train", list_item_id<&Plan::trains, &Train::id>);
    c.duplicates(change_ids, "change", change_id);
    c.duplicate_versions(release_list, plan.releases);
    return std::move(c.out);
}

}  // namespace relplan

#include "calendar/what_if.hpp"

#include "calendar/business_days.hpp"
#include "version/calver.hpp"
#include "calendar/milestones.hpp"

#include "calendar/calendar_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace relplan {

using namespace std::chrono;

namespace {

bool is_date_token(CalverToken t) {
    switch (t) {
        case CalverToken::yyyy:
        case CalverToken::yy:
        case CalverToken::zero_y:
        case CalverToken::mm:
        case CalverToken::zero_m:
        case CalverToken::ww:
        case CalverToken::zero_w:
        case CalverToken::dd:
        case CalverToken::zero_d: return true;
        default: return false;
    }
}

bool same_period(const CalverVersion& a, const CalverVersion& b) {
    const auto& segs = a.scheme.segments();
    if (segs.size() != a.values.size() || segs.size() != b.values.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i)
        if (is_date_token(segs[i].token) && a.values[i] != b.values[i]) return false;
    return true;
}

// The version for `release` on `date`: unchanged while the date stays in the version's period,
// otherwise the scheme's next version after the highest one planned before that date.
Result<std::string> calver_for(const Plan& plan, const Release& release, const Date& date) {
    auto scheme = CalverScheme::parse(*release.calver_scheme);
    if (!scheme) return scheme.error();
    auto period_start = next_calver(*scheme, date);
    if (!period_start) return period_start.error();
    auto current = parse_calver(release.version, *scheme);
    if (current && same_period(*current, *period_start)) return release.version;
    std::optional<CalverVersion> highest;
    for (const Release& r : plan.releases) {
        if (r.id == release.id || !r.calver_scheme || !r.release_date || *r.release_date > date) continue;
        if (r.status == ReleaseStatus::cancelled || !applies_to(r.components, release.components)) continue;
        auto s = CalverScheme::parse(*r.calver_scheme);
        if (!s || !(*s == *scheme)) continue;
        auto v = parse_calver(r.version, *scheme);
        if (v && (!highest || compare(*v, *highest) > 0)) highest = *v;
    }
    CalverNextOptions next;
    next.current = highest;
    auto v = next_calver(*scheme, date, next);
    if (!v) return v.error();
    return v->to_string();
}

std::string date_text(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

// Findings are matched by severity, code and releases; within such a group, identical ones cancel,
// and the rest pair up in order as one finding whose message changed (its dates moved), which is
// neither added nor removed. What is left over was added or removed.
void diff_findings(const std::vector<Finding>& before, const std::vector<Finding>& after, WhatIf& w) {
    // Indexed so that plans with tens of thousands of findings diff in n log n.
    using Key = std::tuple<Severity, const std::string&, const std::vector<std::string>&>;
    auto key = [](const Finding& f) { return Key{f.severity, f.code, f.releases}; };
    auto full_less = [&](const Finding* a, const Finding* b) {
        return std::tie(a->severity, a->code, a->releases, a->message) <
               std::tie(b->severity, b->code, b->releases, b->message);
    };
    std::map<const Finding*, std::vector<std::size_t>, decltype(full_less)> exact(full_less);
    for (std::size_t j = before.size(); j-- > 0;) exact[&before[j]].push_back(j);  // back() = first
    std::vector<bool> before_used(before.size(), false), after_used(after.size(), false);
    for (std::size_t i = 0; i < after.size(); ++i) {
        auto it = exact.find(&after[i]);
        if (it == exact.end() || it->second.empty()) continue;
        before_used[it->second.back()] = after_used[i] = true;
        it->second.pop_back();
    }
    auto key_less = [&](const Finding* a, const Finding* b) { return key(*a) < key(*b); };
    std::map<const Finding*, std::vector<std::size_t>, decltype(key_less)> by_key(key_less);
    for (std::size_t j = before.size(); j-- > 0;)
        if (!before_used[j]) by_key[&before[j]].push_back(j);
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (after_used[i]) continue;
        auto it = by_key.find(&after[i]);
        if (it == by_key.end() || it->second.empty()) continue;
        before_used[it->second.back()] = after_used[i] = true;
        it->second.pop_back();
    }
    for (std::size_t i = 0; i < after.size(); ++i)
        if (!after_used[i]) w.conflicts_added.push_back(after[i]);
    for (std::size_t j = 0; j < before.size(); ++j)
        if (!before_used[j]) w.conflicts_removed.push_back(before[j]);
}

}  // namespace

Result<WhatIf> what_if_move(const Plan& plan, std::string_view release_id, const Date& new_date,
                            const WhatIfOptions& options) {
    const Release* found = find_release(plan, release_id);
    if (!found) return make_error(fmt::format("no release with id '{}'", release_id));
    if (auto ok = check_date(new_date, "new release date"); !ok) return ok.error();
    WhatIf w;
    w.before = *found;
    w.after = *found;
    Release& moved = w.after;
    moved.release_date = new_date;

    auto schedule = compute_milestones(plan, moved);
    if (!schedule) return schedule.error();
    apply_milestones(moved, *schedule);
    for (const Milestone& m : schedule->milestones)
        if (!m.note.empty()) w.notes.push_back(m.note);

    if (moved.calver_scheme) {
        auto v = calver_for(plan, moved, new_date);
        if (!v) return make_error(fmt::format("release {}: {}", moved.id, v.error().message));
        moved.version = *v;
    }

    if (options.move_change_window && moved.change_window && found->release_date && found->release_date->ok()) {
        ChangeWindow& cw = *moved.change_window;
        const seconds shift{std::int64_t{calendar::days_between(*found->release_date, new_date)} * 86400};
        std::optional<TimeZone> zone;
        if (!cw.zone.empty() && options.zones)
            if (auto z = options.zones->zone(cw.zone)) zone = *z;
        if (zone) {
            // Same wall-clock times, `shift` days later, in the window's own zone.
            auto move = [&](sys_seconds t, std::int32_t& offset, const char* which) -> Result<sys_seconds> {
                auto local = zone->to_local(t);
                if (!local) return local.error();
                auto utc = zone->to_utc(local->local + shift);
                if (!utc) return utc.error();
                if (!utc->note.empty()) w.notes.push_back(fmt::format("change window {}: {}", which, utc->note));
                offset = std::int32_t(zone->state_at(utc->utc).utc_offset.count() / 60);
                return utc->utc;
            };
            auto start = move(cw.start, cw.start_offset_minutes, "start");
            if (!start) return start.error();
            auto end = move(cw.end, cw.end_offset_minutes, "end");
            if (!end) return end.error();
            cw.start = *start;
            cw.end = *end;
        } else {
            if (cw.start + shift < min_supported_instant() || cw.end + shift > max_supported_instant())
                return make_error(fmt::format("release {}: the moved change window would leave 1900..9999", moved.id));
            cw.start += shift;
            cw.end += shift;
        }
    }

    const auto before_ms = calendar::planned_milestones(plan, *found);
    Plan after_plan = plan;
    after_plan.releases[std::size_t(found - plan.releases.data())] = moved;
    const auto after_ms = calendar::planned_milestones(after_plan, moved);
    auto change = [&](const char* field, std::string a, std::string b) {
        if (a != b) w.changes.push_back(FieldChange{field, std::move(a), std::move(b)});
    };
    change("release_date", date_text(found->release_date), date_text(moved.release_date));
    change("planning_start", date_text(found->planning_start), date_text(moved.planning_start));
    change("feature_freeze", date_text(found->feature_freeze), date_text(moved.feature_freeze));
    change("code_freeze", date_text(found->code_freeze), date_text(moved.code_freeze));
    change("notice_deadline", date_text(before_ms.notice_deadline), date_text(after_ms.notice_deadline));
    change("version", found->version, moved.version);
    if (found->change_window && moved.change_window) {
        change("change_window.start",
               calendar::offset_time_text(found->change_window->start, found->change_window->start_offset_minutes),
               calendar::offset_time_text(moved.change_window->start, moved.change_window->start_offset_minutes));
        change("change_window.end",
               calendar::offset_time_text(found->change_window->end, found->change_window->end_offset_minutes),
               calendar::offset_time_text(moved.change_window->end, moved.change_window->end_offset_minutes));
    }

    ConflictOptions co;
    co.today = options.today;
    co.zones = options.zones;
    diff_findings(find_conflicts(plan, co), find_conflicts(after_plan, co), w);
    return w;
}

Result<std::monostate> apply_what_if(Plan& plan, const WhatIf& what_if) {
    auto it = std::find_if(plan.releases.begin(), plan.releases.end(),
                           [&](const Release& r) { return r.id == what_if.before.id; });
    if (it == plan.releases.end())
        return make_error(fmt::format("release {} is no longer in the plan", what_if.before.id));
    if (!(*it == what_if.before))
        return make_error(fmt::format("release {} changed after the preview was made; preview the move again",
                                      what_if.before.id));
    *it = what_if.after;
    return std::monostate{};
}

std::string format_what_if(const WhatIf& w) {
    std::string out;
    for (const FieldChange& c : w.changes)
        out += fmt::format("{}: {} -> {}\n", c.field, c.before.empty() ? "(none)" : c.before,
                           c.after.empty() ? "(none)" : c.after);
    for (const std::string& n : w.notes) out += "note: " + n + "\n";
    for (const Finding& f : w.conflicts_added) out += fmt::format("+ {} {}: {}\n", to_string(f.severity), f.code, f.message);
    for (const Finding& f : w.conflicts_removed)
        out += fmt::format("- {} {}: {}\n", to_string(f.severity), f.code, f.message);
    return out;
}

}  // namespace relplan

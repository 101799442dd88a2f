#include "team/diff.hpp"

#include "base/json_doc.hpp"
#include "calendar/business_days.hpp"
#include "plan/plan_json.hpp"
#include "team/identity.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <set>
#include <unordered_map>
#include <utility>

namespace relplan {
namespace {

using Json = nlohmann::ordered_json;

std::optional<std::string> text(const Json* v) { return v ? std::optional<std::string>(v->dump()) : std::nullopt; }

const Json* member(const Json& object, const std::string& key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// Every differing value between a and b, objects by member, lists by element identity.
void walk(const std::string& at, std::string_view name, const Json* a, const Json* b, std::vector<ValueChange>& out) {
    if (a && b && *a == *b) return;
    if (!a || !b || a->type() != b->type() || !(a->is_object() || a->is_array())) {
        out.push_back(ValueChange{at, text(a), text(b), std::nullopt, std::nullopt});
        return;
    }
    if (a->is_object()) {
        for (const auto& [key, v] : b->items()) walk(at + "/" + json::pointer_token(key), key, member(*a, key), &v, out);
        for (const auto& [key, v] : a->items()) {
            if (!b->contains(key)) walk(at + "/" + json::pointer_token(key), key, &v, nullptr, out);
        }
        return;
    }
    const auto ka = element_keys(name, *a), kb = element_keys(name, *b);
    std::unordered_map<std::string, std::size_t> ia;
    for (std::size_t i = 0; i < ka.size(); ++i) ia.emplace(ka[i], i);
    std::set<std::string> matched;
    for (std::size_t i = 0; i < kb.size(); ++i) {
        auto it = ia.find(kb[i]);
        const Json* old = it == ia.end() ? nullptr : &(*a)[it->second];
        if (old) matched.insert(kb[i]);
        walk(at + "/" + std::to_string(i), name, old, &(*b)[i], out);
    }
    for (std::size_t i = 0; i < ka.size(); ++i) {
        if (!matched.count(ka[i])) walk(at + "/" + std::to_string(i), name, &(*a)[i], nullptr, out);
    }
}

std::string label(const Release& r) {
    if (!r.version.empty()) return r.version;
    return r.name.empty() ? r.id : r.name;
}

// Calendar and business-day shift of one moved milestone date.
void measure(ValueChange& c, const std::optional<Date>& from, const std::optional<Date>& to, const BusinessCalendar& cal) {
    if (!from || !to || !from->ok() || !to->ok()) return;
    c.days = (std::chrono::sys_days(*to) - std::chrono::sys_days(*from)).count();
    c.business_days = cal.business_days_between(*from, *to);
}

void milestone_shifts(ReleaseDiff& d, const Release& a, const Release& b, const Plan& after) {
    const BusinessCalendar cal(after.holidays, b.components);
    for (auto& c : d.fields) {
        if (c.pointer == "/planning_start") measure(c, a.planning_start, b.planning_start, cal);
        if (c.pointer == "/feature_freeze") measure(c, a.feature_freeze, b.feature_freeze, cal);
        if (c.pointer == "/code_freeze") measure(c, a.code_freeze, b.code_freeze, cal);
        if (c.pointer == "/release_date") measure(c, a.release_date, b.release_date, cal);
    }
}

std::string change_key(const Change& c) { return c.id.empty() ? "d:" + c.description : "i:" + c.id; }

void note_changes(ReleaseDiff& d, const Release& a, const Release& b) {
    std::set<std::string> in_a, in_b;
    for (const auto& c : a.changes) in_a.insert(change_key(c));
    for (const auto& c : b.changes) in_b.insert(change_key(c));
    for (const auto& c : b.changes) {
        if (!in_a.count(change_key(c))) d.changes_added.push_back({c.id, c.description});
    }
    for (const auto& c : a.changes) {
        if (!in_b.count(change_key(c))) d.changes_removed.push_back({c.id, c.description});
    }
}

// Fields edited in a change both releases hold (matched as note_changes matches them), under
// "/changes/<index in b>": without them, a plan whose only edit is inside a change diffed as equal.
void edited_changes(ReleaseDiff& d, const Release& a, const Release& b, const Json& ja, const Json& jb) {
    if (ja.size() != a.changes.size() || jb.size() != b.changes.size()) return;  // the writer keeps every change
    std::unordered_map<std::string, std::size_t> in_a;
    for (std::size_t i = 0; i < a.changes.size(); ++i) in_a.emplace(change_key(a.changes[i]), i);
    for (std::size_t i = 0; i < b.changes.size(); ++i) {
        auto it = in_a.find(change_key(b.changes[i]));
        if (it == in_a.end() || a.changes[it->second] == b.changes[i]) continue;
        walk("/changes/" + std::to_string(i), "changes", &ja[it->second], &jb[i], d.fields);
    }
}

// The canonical JSON form of one release (through a plan holding only it, so the writer's rules apply).
Json release_json(const Release& r) {
    Plan holder;
    holder.releases.push_back(r);
    Json j = Json::parse(to_json(holder), nullptr, false);
    return j["releases"][0];
}

// The canonical JSON form of everything but the releases.
Json shell_json(const Plan& p) {
    Plan shell = p;  // copying the releases costs less than writing and parsing them
    shell.releases.clear();
    Json j = Json::parse(to_json(shell), nullptr, false);
    j.erase("releases");
    return j;
}

std::string finding_key(const Finding& f) { return f.code + "\n" + f.message; }

void conflict_changes(PlanDiff& d, const Plan& before, const Plan& after, const ConflictOptions& options) {
    const auto fa = find_conflicts(before, options), fb = find_conflicts(after, options);
    std::set<std::string> ka, kb;
    for (const auto& f : fa) ka.insert(finding_key(f));
    for (const auto& f : fb) kb.insert(finding_key(f));
    for (const auto& f : fb) {
        if (!ka.count(finding_key(f))) d.conflicts_appeared.push_back(f);
    }
    for (const auto& f : fa) {
        if (!kb.count(finding_key(f))) d.conflicts_resolved.push_back(f);
    }
}

}  // namespace

PlanDiff diff_plans(const Plan& before, const Plan& after, const ConflictOptions& options) {
    PlanDiff d;
    if (before == after) return d;
    std::unordered_map<std::string, std::size_t> old_index;
    for (std::size_t i = 0; i < before.releases.size(); ++i) old_index.emplace(before.releases[i].id, i);
    std::set<std::string> kept;
    for (std::size_t i = 0; i < after.releases.size(); ++i) {
        const Release& b = after.releases[i];
        ReleaseDiff r;
        r.id = b.id;
        r.label = label(b);
        auto it = old_index.find(b.id);
        if (it == old_index.end()) {
            r.kind = ReleaseDiffKind::added;
            d.releases.push_back(std::move(r));
            continue;
        }
        kept.insert(b.id);
        const Release& a = before.releases[it->second];
        if (a == b) continue;
        Json oa = release_json(a), ob = release_json(b);
        const Json ca = oa.value("changes", Json::array()), cb = ob.value("changes", Json::array());
        oa.erase("changes");
        ob.erase("changes");
        walk("", "", &oa, &ob, r.fields);
        milestone_shifts(r, a, b, after);
        note_changes(r, a, b);
        edited_changes(r, a, b, ca, cb);
        if (!r.fields.empty() || !r.changes_added.empty() || !r.changes_removed.empty()) d.releases.push_back(std::move(r));
    }
    for (const Release& a : before.releases) {
        if (kept.count(a.id)) continue;
        ReleaseDiff r;
        r.kind = ReleaseDiffKind::removed;
        r.id = a.id;
        r.label = label(a);
        d.releases.push_back(std::move(r));
    }
    const Json ja = shell_json(before), jb = shell_json(after);
    walk("", "", &ja, &jb, d.plan_fields);
    conflict_changes(d, before, after, options);
    return d;
}

}  // namespace relplan

#include "team/merge.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_schema.hpp"
#include "team/identity.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>
#include <unordered_map>
#include <optional>
#include <utility>
#include <vector>

namespace relplan {
namespace {

using Json = nlohmann::ordered_json;

// The element keys of one side of a list, with their positions.
struct KeyIndex {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::vector<std::string> keys;
    std::unordered_map<std::string, std::size_t> index;
    explicit KeyIndex(std::vector<std::string> k) : keys(std::move(k)) {
        index.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) index.emplace(keys[i], i);
    }
    std::size_t find(const std::string& key) const {
        auto it = index.find(key);
        return it == index.end() ? npos : it->second;
    }
    bool has(const std::string& key) const { return index.count(key) != 0; }
};

// The merged list's keys: our order; their elements that we lack (additions, or deletions of ours
// they edited) follow the element preceding them on their side, after our own additions there.
std::vector<std::string> merged_order(const KeyIndex& base, const KeyIndex& ours, const KeyIndex& theirs) {
    std::unordered_map<std::string, std::vector<std::string>> after;  // anchor key -> their extras
    std::string anchor;  // "" = the front
    for (const auto& k : theirs.keys) {
        if (ours.has(k)) {
            anchor = k;
        } else {
            after[anchor].push_back(k);
        }
    }
    std::vector<std::string> order;
    order.reserve(ours.keys.size() + theirs.keys.size());
    auto flush = [&](const std::string& a) {
        auto it = after.find(a);
        if (it == after.end()) return;
        for (const auto& k : it->second) order.push_back(k);
        after.erase(it);
    };
    std::string pending;  // the anchor whose extras wait behind our additions; "" = the front
    for (const auto& k : ours.keys) {
        const bool ours_only = !base.has(k) && !theirs.has(k);
        if (!ours_only) {
            flush(pending);
            pending = k;
        }
        order.push_back(k);
    }
    flush(pending);
    return order;
}

class Merger {
public:
    std::vector<MergeConflict> conflicts;

    // The merged value at `at`; nullptr inputs are absent values, an absent result is a deletion.
    std::optional<Json> value(const std::string& at, std::string_view name, const Json* b, const Json* o,
                              const Json* t) {
        if (same(o, t)) return o ? std::optional<Json>(*o) : std::nullopt;
        if (same(b, o)) return t ? std::optional<Json>(*t) : std::nullopt;
        if (same(b, t)) return o ? std::optional<Json>(*o) : std::nullopt;
        if (o && t && o->is_object() && t->is_object() && (!b || b->is_object())) return object(at, b, *o, *t);
        if (o && t && o->is_array() && t->is_array() && (!b || b->is_array())) return array(at, name, b, *o, *t);
        conflict(at, b, o, t);
        return o ? *o : *t;
    }

private:
    static bool same(const Json* x, const Json* y) {
        if (!x || !y) return x == y;
        return *x == *y;
    }
    static const Json* member(const Json* object, const std::string& key) {
        if (!object || !object->is_object()) return nullptr;
        auto it = object->find(key);
        return it == object->end() ? nullptr : &*it;
    }

    void conflict(const std::string& at, const Json* b, const Json* o, const Json* t) {
        auto text = [](const Json* v) { return v ? std::optional<std::string>(v->dump()) : std::nullopt; };
        MergeConflict c;
        c.pointer = at;
        c.base = text(b);
        c.ours = text(o);
        c.theirs = text(t);
        conflicts.push_back(std::move(c));
    }

    Json object(const std::string& at, const Json* b, const Json& o, const Json& t) {
        Json out = Json::object();
        auto put = [&](const std::string& key) {
            if (out.contains(key)) return;
            const std::string here = at + "/" + json::pointer_token(key);
            if (auto v = value(here, key, member(b, key), member(&o, key), member(&t, key))) out[key] = std::move(*v);
        };
        for (const auto& [key, v] : o.items()) put(key);
        for (const auto& [key, v] : t.items()) put(key);
        return out;
    }

    // Our order; their elements that we lack follow the element preceding them on their side.
    Json array(const std::string& at, std::string_view name, const Json* b, const Json& o, const Json& t) {
        const KeyIndex base(b ? element_keys(name, *b) : std::vector<std::string>{});
        const KeyIndex ours(element_keys(name, o)), theirs(element_keys(name, t));
        const auto get = [](const KeyIndex& side, const Json* list, const std::string& k) -> const Json* {
            const std::size_t i = side.find(k);
            return i == KeyIndex::npos ? nullptr : &(*list)[i];
        };
        Json out = Json::array();
        for (const auto& k : merged_order(base, ours, theirs)) {
            const std::string here = at + "/" + std::to_string(out.size());
            if (auto v = value(here, name, get(base, b, k), get(ours, &o, k), get(theirs, &t, k))) out.push_back(std::move(*v));
        }
        return out;
    }
};

// `p` without its releases, copied row by row from the schema table so that no member is missed.
Plan without_releases(const Plan& p) {
    Plan c;
    schema::for_each_row<Plan>([&](const auto& r) {
        using M = typename std::decay_t<decltype(r)>::member_type;
        if constexpr (!std::is_same_v<M, std::vector<Release>>) c.*r.member = p.*r.member;
    });
    c.extra = p.extra;
    return c;
}

Json plan_json(const Plan& p) { return Json::parse(to_json(p), nullptr, false); }

// The keys element_keys gives the plan's JSON "releases" list.
KeyIndex release_keys(const std::vector<Release>& releases) {
    std::vector<std::string> keys;
    std::unordered_map<std::string, int> seen;
    keys.reserve(releases.size());
    for (const Release& r : releases) {
        std::string k = "id:" + Json(r.id).dump();
        const int n = seen[k]++;
        if (n > 0) k += "#" + std::to_string(n);
        keys.push_back(std::move(k));
    }
    return KeyIndex(std::move(keys));
}

Json release_json(const Release& r) {
    Plan one;
    one.releases.push_back(r);
    return plan_json(one)["releases"][0];
}

Result<Release> release_from_json(const Json& value, const std::string& at) {
    Json doc = plan_json(Plan{});
    doc["releases"] = Json::array({value});
    PlanLoad load = load_plan(doc.dump());
    if (!load.plan || load.plan->releases.size() != 1) {
        std::string why = load.errors.empty() ? std::string("unknown") : load.errors.front().message;
        if (!load.errors.empty() && load.errors.front().pointer.rfind("/releases/0", 0) == 0)
            why = at + load.errors.front().pointer.substr(11) + ": " + why;
        return make_error("the merged plan does not decode: " + why);
    }
    return std::move(load.plan->releases.front());
}

// Releases are most of a big plan and most are untouched: they are matched and ordered by id on the
// typed values, and only a release both sides edited differently goes through the JSON merge.
Result<std::vector<Release>> merge_releases(Merger& m, const Plan& base, const Plan& ours, const Plan& theirs) {
    const KeyIndex kb = release_keys(base.releases), ko = release_keys(ours.releases), kt = release_keys(theirs.releases);
    const auto get = [](const KeyIndex& side, const Plan& p, const std::string& k) -> const Release* {
        const std::size_t i = side.find(k);
        return i == KeyIndex::npos ? nullptr : &p.releases[i];
    };
    const auto same = [](const Release* x, const Release* y) { return !x || !y ? x == y : *x == *y; };
    std::vector<Release> out;
    out.reserve(ours.releases.size() + theirs.releases.size());
    for (const std::string& k : merged_order(kb, ko, kt)) {
        const Release *b = get(kb, base, k), *o = get(ko, ours, k), *t = get(kt, theirs, k);
        if (same(o, t) || same(b, o) || same(b, t)) {  // one side's value, or a deletion
            const Release* taken = same(o, t) || same(b, t) ? o : t;
            if (taken) out.push_back(*taken);
            continue;
        }
        const std::string at = "/releases/" + std::to_string(out.size());
        Json jb, jo, jt;
        if (b) jb = release_json(*b);
        if (o) jo = release_json(*o);
        if (t) jt = release_json(*t);
        auto merged = m.value(at, "releases", b ? &jb : nullptr, o ? &jo : nullptr, t ? &jt : nullptr);
        if (!merged) continue;
        auto release = release_from_json(*merged, at);
        if (!release.ok()) return release.error();
        out.push_back(std::move(*release));
    }
    return out;
}

}  // namespace

Result<PlanMerge> merge_plans(const Plan& base, const Plan& ours, const Plan& theirs) {
    const Json b = plan_json(without_releases(base));
    const Json o = plan_json(without_releases(ours));
    const Json t = plan_json(without_releases(theirs));
    Merger m;
    const Json merged = *m.value("", "", &b, &o, &t);
    PlanLoad load = load_plan(merged.dump());
    if (!load.plan) {
        const std::string why = load.errors.empty() ? std::string("unknown")
                                                    : load.errors.front().pointer + ": " + load.errors.front().message;
        return make_error("the merged plan does not decode: " + why);
    }
    auto releases = merge_releases(m, base, ours, theirs);
    if (!releases.ok()) return releases.error();
    PlanMerge out;
    out.plan = std::move(*load.plan);
    out.plan.releases = std::move(*releases);
    out.new_conflicts = m.conflicts.size();
    for (MergeConflict& c : m.conflicts) out.plan.conflicts.push_back(std::move(c));
    return out;
}

}  // namespace relplan

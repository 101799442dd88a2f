#include "team/merge.hpp"

#include "base/json_doc.hpp"
#include "plan/plan_json.hpp"
#include "team/identity.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <optional>
#include <utility>
#include <vector>

namespace relplan {
namespace {

using Json = nlohmann::ordered_json;

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

    struct Side {
        const Json* list = nullptr;
        std::vector<std::string> keys;
        std::unordered_map<std::string, std::size_t> index;
        Side(std::string_view name, const Json* a) : list(a) {
            if (!a) return;
            keys = element_keys(name, *a);
            index.reserve(keys.size());
            for (std::size_t i = 0; i < keys.size(); ++i) index.emplace(keys[i], i);
        }
        const Json* get(const std::string& key) const {
            auto it = index.find(key);
            return it == index.end() ? nullptr : &(*list)[it->second];
        }
    };

    // Our order; their elements that we lack (additions, or deletions of ours they edited) follow
    // the element preceding them on their side, after our own additions there.
    Json array(const std::string& at, std::string_view name, const Json* b, const Json& o, const Json& t) {
        const Side base(name, b), ours(name, &o), theirs(name, &t);
        std::unordered_map<std::string, std::vector<std::string>> after;  // anchor key -> their extras
        std::string anchor;  // "" = the front
        for (const auto& k : theirs.keys) {
            if (ours.index.count(k)) {
                anchor = k;
            } else {
                after[anchor].push_back(k);
            }
        }
        std::vector<std::string> order;
        order.reserve(o.size() + t.size());
        auto flush = [&](const std::string& a) {
            auto it = after.find(a);
            if (it == after.end()) return;
            for (const auto& k : it->second) order.push_back(k);
            after.erase(it);
        };
        std::string pending;  // the anchor whose extras wait behind our additions; "" = the front
        for (const auto& k : ours.keys) {
            const bool ours_only = !base.index.count(k) && !theirs.index.count(k);
            if (!ours_only) {
                flush(pending);
                pending = k;
            }
            order.push_back(k);
        }
        flush(pending);
        Json out = Json::array();
        for (const auto& k : order) {
            const std::string here = at + "/" + std::to_string(out.size());
            if (auto v = value(here, name, base.get(k), ours.get(k), theirs.get(k))) out.push_back(std::move(*v));
        }
        return out;
    }
};

}  // namespace

Result<PlanMerge> merge_plans(const Plan& base, const Plan& ours, const Plan& theirs) {
    const Json b = Json::parse(to_json(base), nullptr, false);
    const Json o = Json::parse(to_json(ours), nullptr, false);
    const Json t = Json::parse(to_json(theirs), nullptr, false);
    Merger m;
    Json merged = *m.value("", "", &b, &o, &t);
    PlanMerge out;
    out.new_conflicts = m.conflicts.size();
    if (!m.conflicts.empty()) {
        Json& list = merged["conflicts"];
        if (!list.is_array()) list = Json::array();
        for (const auto& c : m.conflicts) {
            Json e = {{"pointer", c.pointer}};
            if (c.base) e["base"] = *c.base;
            if (c.ours) e["ours"] = *c.ours;
            if (c.theirs) e["theirs"] = *c.theirs;
            list.push_back(std::move(e));
        }
    }
    PlanLoad load = load_plan(merged.dump());
    if (!load.plan) {
        const std::string why = load.errors.empty() ? std::string("unknown")
                                                    : load.errors.front().pointer + ": " + load.errors.front().message;
        return make_error("the merged plan does not decode: " + why);
    }
    out.plan = std::move(*load.plan);
    return out;
}

}  // namespace relplan

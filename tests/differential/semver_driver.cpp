// Answers node-semver questions for the differential test: one JSON object per input line, one
// JSON object {"r": answer} per output line, in order, so one process serves thousands of cases.
//
// Ops (fields; "loose"/"includePrerelease" optional booleans):
//   valid {v}            compare {a,b}        compareBuild {a,b}   sort {list}   rsort {list}
//   inc {v,release,id?,base?("0"|"1"|false)}  diff {a,b}           truncate {v,release}
//   coerce {v,rtl?}      satisfies {v,range}  validRange {range}   maxSatisfying {list,range}
//   minSatisfying {list,range}                minVersion {range}   intersects {r1,r2}
//   gtr {v,range}        ltr {v,range}
// Answers mirror node-semver's return values; where node throws, the answer is null.
#include "version/range.hpp"
#include "version/semver.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

using nlohmann::json;
using namespace relplan;

namespace {

SemverOptions options_of(const json& q) {
    SemverOptions o;
    if (q.contains("loose") && q["loose"].is_boolean()) o.loose = q["loose"].get<bool>();
    if (q.contains("includePrerelease") && q["includePrerelease"].is_boolean()) {
        o.include_prerelease = q["includePrerelease"].get<bool>();
    }
    return o;
}

std::string text(const json& q, const char* key) {
    return q.contains(key) && q[key].is_string() ? q[key].get<std::string>() : std::string();
}

std::vector<std::string> texts(const json& q, const char* key) {
    std::vector<std::string> out;
    if (q.contains(key) && q[key].is_array()) {
        for (const json& e : q[key]) out.push_back(e.is_string() ? e.get<std::string>() : "");
    }
    return out;
}

json sorted(const json& q, bool reverse) {
    const SemverOptions o = options_of(q);
    std::vector<std::pair<Version, std::string>> items;
    for (const std::string& s : texts(q, "list")) {
        auto v = Version::parse(s, o);
        if (!v.ok()) return nullptr;
        items.emplace_back(std::move(*v), s);
    }
    std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
        return reverse ? compare_build(b.first, a.first) < 0 : compare_build(a.first, b.first) < 0;
    });
    json out = json::array();
    for (const auto& item : items) out.push_back(item.second);
    return out;
}

json answer(const json& q) {
    const std::string op = text(q, "op");
    const SemverOptions o = options_of(q);
    if (op == "valid") {
        auto v = Version::parse(text(q, "v"), o);
        return v.ok() ? json(v->normalized()) : json(nullptr);
    }
    if (op == "compare" || op == "compareBuild" || op == "diff") {
        // node's diff parses both versions strictly, whatever the options.
        const SemverOptions po = op == "diff" ? SemverOptions{} : o;
        auto a = Version::parse(text(q, "a"), po);
        auto b = Version::parse(text(q, "b"), po);
        if (!a.ok() || !b.ok()) return nullptr;
        if (op == "compare") return compare(*a, *b);
        if (op == "compareBuild") return compare_build(*a, *b);
        auto d = diff(*a, *b);
        return d ? json(std::string(to_string(*d))) : json(nullptr);
    }
    if (op == "sort") return sorted(q, false);
    if (op == "rsort") return sorted(q, true);
    if (op == "inc") {
        auto v = Version::parse(text(q, "v"), o);
        auto type = parse_inc_type(text(q, "release"));
        if (!v.ok() || !type.ok()) return nullptr;
        const std::string id = text(q, "id");
        IncOptions io;
        io.identifier = id;
        io.loose = o.loose;
        if (q.contains("base")) {
            if (q["base"].is_boolean() && !q["base"].get<bool>()) io.base = IdentifierBase::none;
            if (q["base"].is_string() && q["base"].get<std::string>() == "1") io.base = IdentifierBase::one;
        }
        auto r = inc(*v, *type, io);
        return r.ok() ? json(r->normalized()) : json(nullptr);
    }
    if (op == "truncate") {
        auto v = Version::parse(text(q, "v"), o);
        auto type = parse_inc_type(text(q, "release"));
        if (!v.ok() || !type.ok()) return nullptr;
        auto r = truncate(*v, *type);
        return r.ok() ? json(r->normalized()) : json(nullptr);
    }
    if (op == "coerce") {
        CoerceOptions co;
        co.loose = o.loose;
        co.include_prerelease = o.include_prerelease;
        co.rtl = q.contains("rtl") && q["rtl"].is_boolean() && q["rtl"].get<bool>();
        auto r = coerce(text(q, "v"), co);
        return r.ok() ? json(r->to_string()) : json(nullptr);
    }
    if (op == "satisfies") return satisfies(text(q, "v"), text(q, "range"), o);
    if (op == "validRange") {
        auto r = valid_range(text(q, "range"), o);
        return r.ok() ? json(*r) : json(nullptr);
    }
    if (op == "maxSatisfying" || op == "minSatisfying") {
        auto r = Range::parse(text(q, "range"), o);
        if (!r.ok()) return nullptr;
        const std::vector<std::string> list = texts(q, "list");
        std::vector<std::string_view> views(list.begin(), list.end());
        auto i = op == "maxSatisfying" ? max_satisfying(views, *r) : min_satisfying(views, *r);
        return i ? json(list[*i]) : json(nullptr);
    }
    if (op == "minVersion") {
        auto r = Range::parse(text(q, "range"), o);
        if (!r.ok()) return nullptr;
        auto v = min_version(*r);
        return v ? json(v->normalized()) : json(nullptr);
    }
    if (op == "intersects") {
        auto a = Range::parse(text(q, "r1"), o);
        auto b = Range::parse(text(q, "r2"), o);
        if (!a.ok() || !b.ok()) return nullptr;
        return intersects(*a, *b, o);
    }
    if (op == "gtr" || op == "ltr") {
        auto v = Version::parse(text(q, "v"), o);
        auto r = Range::parse(text(q, "range"), o);
        if (!v.ok() || !r.ok()) return nullptr;
        return op == "gtr" ? gtr(*v, *r) : ltr(*v, *r);
    }
    return json{{"error", "unknown op " + op}};
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        const json q = json::parse(line, nullptr, false);
        json out;
        if (q.is_discarded()) {
            out = json{{"error", "not JSON"}};
        } else {
            out = json{{"r", answer(q)}};
        }
        std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    return 0;
}

#include "team/resolve.hpp"

#include "plan/plan_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <string>
#include <vector>

namespace relplan {
namespace {

using Json = nlohmann::ordered_json;

// RFC 6901 reference tokens of `pointer` ("" is the whole document).
std::vector<std::string> tokens(const std::string& pointer) {
    std::vector<std::string> out;
    std::size_t at = 1;
    while (at <= pointer.size() && !pointer.empty()) {
        const std::size_t end = std::min(pointer.find('/', at), pointer.size());
        std::string t;
        for (std::size_t i = at; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) {
                t += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                t += pointer[i];
            }
        }
        out.push_back(std::move(t));
        at = end + 1;
    }
    return out;
}

bool is_index(const std::string& t) {
    return !t.empty() && t.size() < 10 && t.find_first_not_of("0123456789") == std::string::npos;
}

// After element `removed` of the list at `list` went away, pointers past it into that list move up.
void shift_pointers(std::vector<MergeConflict>& conflicts, const std::string& list, std::size_t removed) {
    const std::string prefix = list + "/";
    for (MergeConflict& c : conflicts) {
        if (c.pointer.rfind(prefix, 0) != 0) continue;
        const std::size_t end = std::min(c.pointer.find('/', prefix.size()), c.pointer.size());
        const std::string token = c.pointer.substr(prefix.size(), end - prefix.size());
        if (!is_index(token)) continue;
        const std::size_t i = std::stoul(token);
        if (i > removed) c.pointer = prefix + std::to_string(i - 1) + c.pointer.substr(end);
    }
}

}  // namespace

Result<Plan> resolve_conflict(const Plan& plan, std::size_t index, ConflictSide side) {
    if (index >= plan.conflicts.size()) return make_error("there is no conflict " + std::to_string(index + 1) + " in the plan");
    const MergeConflict chosen = plan.conflicts[index];
    const std::optional<std::string>& text = side == ConflictSide::base ? chosen.base : side == ConflictSide::ours ? chosen.ours : chosen.theirs;
    Plan without = plan;
    without.conflicts.erase(without.conflicts.begin() + static_cast<std::ptrdiff_t>(index));
    Json doc = Json::parse(to_json(without), nullptr, false);
    const std::vector<std::string> path = tokens(chosen.pointer);
    if (path.empty()) return make_error("the conflict at the plan's root cannot be settled value by value");
    Json* parent = &doc;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const std::string& t = path[i];
        if (parent->is_object() && parent->contains(t)) parent = &(*parent)[t];
        else if (parent->is_array() && is_index(t) && std::stoul(t) < parent->size()) parent = &(*parent)[std::stoul(t)];
        else return make_error("the conflict's place " + chosen.pointer + " is no longer in the plan");
    }
    const std::string& last = path.back();
    Json value;
    if (text) {
        value = Json::parse(*text, nullptr, false);
        if (value.is_discarded()) return make_error("the chosen value of " + chosen.pointer + " is not JSON");
    }
    if (parent->is_object()) {
        if (text) (*parent)[last] = std::move(value);
        else parent->erase(last);
    } else if (parent->is_array() && is_index(last) && std::stoul(last) <= parent->size()) {
        const std::size_t i = std::stoul(last);
        if (text && i < parent->size()) (*parent)[i] = std::move(value);
        else if (text) parent->push_back(std::move(value));
        else if (i < parent->size()) {
            parent->erase(parent->begin() + static_cast<std::ptrdiff_t>(i));
            shift_pointers(without.conflicts, chosen.pointer.substr(0, chosen.pointer.rfind('/')), i);
        }
    } else {
        return make_error("the conflict's place " + chosen.pointer + " is no longer in the plan");
    }
    PlanLoad load = load_plan(doc.dump());
    // The conflicts still open are errors of their own; only new ones count against this choice.
    const auto other = std::find_if(load.errors.begin(), load.errors.end(),
                                    [](const Diagnostic& d) { return d.pointer.rfind("/conflicts/", 0) != 0; });
    if (!load.plan || other != load.errors.end()) {
        const std::string why = other == load.errors.end() ? std::string("it does not decode") : other->pointer + ": " + other->message;
        return make_error("that choice would make the plan invalid (" + why + ")");
    }
    load.plan->conflicts = std::move(without.conflicts);  // the list as shifted above
    return std::move(*load.plan);
}

Result<PlanMerge> merge_two_way(const Plan& ours, const Plan& theirs) { return merge_plans(Plan{}, ours, theirs); }

}  // namespace relplan

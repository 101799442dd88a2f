// Identity of list elements in a plan's JSON form, shared by diff and merge (rules in merge.hpp):
// two elements of the same list are "the same element" when their keys are equal.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace relplan {

// `list` is the member name holding the list ("releases", "milestone_offsets", ...).
std::string element_key(std::string_view list, const nlohmann::ordered_json& element);
// Keys of every element; a repeated key gets "#n" appended so each element has its own.
std::vector<std::string> element_keys(std::string_view list, const nlohmann::ordered_json& list_value);

}  // namespace relplan

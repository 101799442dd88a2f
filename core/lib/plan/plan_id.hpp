// A fresh project id for a new plan: the name as a slug and 48 bits from `entropy` in hex
// ("acme-cloud-3f9a1c0b7e2d"). The id is set once and kept when the project is renamed; share links
// and merges recognise versions of one plan by it, and calendar UIDs derive from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace relplan {

std::string new_plan_id(std::string_view project_name, std::uint64_t entropy);

}  // namespace relplan

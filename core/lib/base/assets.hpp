// Files embedded into the core at build time (assets/: example plans, the plan JSON Schema, the zone
// database). get() returns the bytes of an asset by its path under assets/, or an empty view.
#pragma once

#include <string_view>

namespace relplan::assets {

std::string_view get(std::string_view name);

}  // namespace relplan::assets

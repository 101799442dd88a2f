// How plan objects are named in sentences for people (UI text, CLI explanations).
#pragma once

#include "plan/plan.hpp"

#include <string>
#include <string_view>

namespace relplan {

// "Spring release 2.4.0": the release's name (else its id) and its version when it has one.
std::string release_label(const Release& release);
// "breaking change", "new feature", "bug fix", "security fix", ...
std::string_view category_label(ChangeCategory category);

}  // namespace relplan

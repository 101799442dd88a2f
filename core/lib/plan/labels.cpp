#include "plan/labels.hpp"

namespace relplan {

std::string release_label(const Release& r) {
    std::string name = r.name.empty() ? r.id : r.name;
    return r.version.empty() ? name : name + " " + r.version;
}

std::string_view category_label(ChangeCategory c) {
    switch (c) {
    case ChangeCategory::breaking_change: return "breaking change";
    case ChangeCategory::new_feature: return "new feature";
    case ChangeCategory::deprecation: return "deprecation";
    case ChangeCategory::bug_fix: return "bug fix";
    case ChangeCategory::security: return "security fix";
    case ChangeCategory::performance: return "performance";
    case ChangeCategory::improvement: return "improvement";
    }
    return "change";
}

}  // namespace relplan

// Imports for impact analysis and support windows into the open plan; the core reads and merges,
// this file words the outcome for the message box.
#include "app/plan_io.hpp"

#include "lifecycle/consumer_import.hpp"
#include "lifecycle/support.hpp"

namespace relplan::ui {

bool import_consumers_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& lines) {
    const std::string& package = plan.project.package;
    Result<ConsumerImport> imported = import_consumers(text, package);
    if (!imported) {
        lines.push_back(positioned_error(text, imported.error(), name));
        return false;
    }
    if (imported->consumers.empty()) {
        lines.push_back(package.empty()
                            ? name + " names no consumer: set the package name in Project settings first, so its dependents can be found"
                            : name + " (" + std::string(to_string(imported->source)) + ") has no dependency on " + package);
        return false;
    }
    const std::size_t before = plan.consumers.size();
    merge_consumers(plan.consumers, imported->consumers);
    const std::size_t added = plan.consumers.size() - before;
    const std::string source(to_string(imported->source));
    lines.push_back("Added " + std::to_string(added) + (added == 1 ? " consumer" : " consumers") + " from " + name +
                    (source != name ? " (read as " + source + ")" : "") +
                    (added < imported->consumers.size() ? "; " + std::to_string(imported->consumers.size() - added) + " already listed" : ""));
    return added > 0;
}

bool import_dependency_support_into(Plan& plan, std::string_view text, const std::string& name, std::vector<std::string>& lines) {
    const std::string product = endoflife_product_name(name);
    auto cycles = import_endoflife(text, product);
    if (!cycles) {
        lines.push_back(positioned_error(text, cycles.error(), name));
        return false;
    }
    if (cycles->empty()) {
        lines.push_back(name + " holds no support cycle");
        return false;
    }
    merge_dependency_support(plan.dependencies, *cycles);
    lines.push_back("Read " + std::to_string(cycles->size()) + " support cycles of " + product + " from " + name);
    return true;
}

}  // namespace relplan::ui

// libFuzzer target: plan files. Invariants: no crash; without a plan there is at least one error;
// a loaded plan re-saves to text that loads back to an equal plan and saves to the same bytes;
// errors are exactly the semantic errors when a plan is returned; the changelog export of any
// loaded plan works.
#include "notes/changelog_export.hpp"
#include "plan/plan_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const PlanLoad loaded = load_plan(text);
    if (!loaded.plan) {
        if (loaded.errors.empty()) std::abort();
        return 0;
    }
    if (loaded.errors.size() != validate_plan(*loaded.plan).size()) std::abort();
    const std::string once = to_json(*loaded.plan);
    const PlanLoad again = load_plan(once);
    if (!again.plan || !(*again.plan == *loaded.plan) || !again.notes.empty()) std::abort();
    if (to_json(*again.plan) != once) std::abort();
    ChangelogOptions options;
    options.today = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{26}};
    if (changelog_document(*loaded.plan, options).empty()) std::abort();
    return 0;
}

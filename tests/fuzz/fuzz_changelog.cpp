// libFuzzer target: changelog import, changelog export and commit import. Invariants: no crash;
// every imported plan saves to JSON that loads back equal and has an explanation; the streamed import
// writes exactly that JSON and fails exactly when the whole import does; exporting it,
// importing the export and exporting again works; a commit log of the same bytes always imports into
// a plan that saves and loads back equal.
#include "notes/changelog_export.hpp"
#include "notes/changelog_import.hpp"
#include "plan/commit_import.hpp"
#include "plan/plan_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace relplan;

namespace {

void round_trips(const Plan& plan) {
    const PlanLoad loaded = load_plan(to_json(plan));
    if (!loaded.plan || !(*loaded.plan == plan)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string streamed;
    const auto written = write_changelog_import(text, [&](std::string_view piece) { streamed += piece; });
    if (const auto imported = import_changelog(text)) {
        round_trips(imported->plan);
        if (!written || streamed != to_json(imported->plan)) std::abort();
        if (explain_changelog_import(*imported).empty()) std::abort();
        const std::string exported = changelog_document(imported->plan, {});
        const auto again = import_changelog(exported);  // an export always has a release heading
        if (!again) std::abort();
        round_trips(again->plan);
        if (changelog_document(again->plan, {}).empty()) std::abort();
    } else if (imported.error().message.empty() || written) {
        std::abort();
    }
    const auto commits = import_commits(Plan{}, "1.0.0", text);
    if (!commits) std::abort();
    round_trips(commits->plan);
    return 0;
}

// make bench: semantic diff and three-way merge of big plans, timed inside one process (the plans are
// read once, untimed), so the figures are the engines' own cost without process start-up or parsing.
//   team_bench BASE OURS THEIRS [ITERATIONS]
// Prints one JSON line: medians in milliseconds of diff_plans(BASE, OURS) and
// merge_plans(BASE, OURS, THEIRS), wall time and this process's CPU time (which a busy machine
// inflates less), the number of releases the diff lists and the conflicts the merge
// recorded. Exits 1 when a plan does not load, so a benchmark never reports the speed of an error path.
#include "bench_support.hpp"
#include "plan/plan_json.hpp"
#include "team/diff.hpp"
#include "team/merge.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace {

double cpu_ms_since(std::clock_t c0) { return 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC; }

std::optional<relplan::Plan> read_plan(const char* path) {
    const std::optional<std::string> text = bench::read_file(path);
    if (!text) {
        std::fprintf(stderr, "team_bench: cannot read %s\n", path);
        return std::nullopt;
    }
    relplan::PlanLoad loaded = relplan::load_plan(*text);
    if (!loaded.plan) std::fprintf(stderr, "team_bench: %s does not load as a plan\n", path);
    return std::move(loaded.plan);
}

}  // namespace

using bench::median;
using bench::ms_since;

int main(int argc, char** argv) {
    const std::optional<int> iterations = bench::iterations_argument(argc, argv, 3, "usage: team_bench BASE OURS THEIRS [ITERATIONS]\n");
    if (!iterations) return 2;
    const auto base = read_plan(argv[1]), ours = read_plan(argv[2]), theirs = read_plan(argv[3]);
    if (!base || !ours || !theirs) return 1;
    std::vector<double> diff_ms, merge_ms, diff_cpu, merge_cpu;
    std::size_t listed = 0, conflicts = 0;
    for (int i = -1; i < *iterations; ++i) {  // one untimed round first (allocator growth)
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const relplan::PlanDiff d = relplan::diff_plans(*base, *ours);
        const double t_diff = ms_since(t0), c_diff = cpu_ms_since(c0);
        const auto t1 = std::chrono::steady_clock::now();
        const std::clock_t c1 = std::clock();
        const auto m = relplan::merge_plans(*base, *ours, *theirs);
        const double t_merge = ms_since(t1), c_merge = cpu_ms_since(c1);
        if (!m) {
            std::fprintf(stderr, "team_bench: merge failed: %s\n", m.error().message.c_str());
            return 1;
        }
        listed = d.releases.size();
        conflicts = m->new_conflicts;
        if (i < 0) continue;
        diff_ms.push_back(t_diff);
        merge_ms.push_back(t_merge);
        diff_cpu.push_back(c_diff);
        merge_cpu.push_back(c_merge);
    }
    std::printf("{\"diff_ms\":%.3f,\"merge_ms\":%.3f,\"diff_cpu_ms\":%.3f,\"merge_cpu_ms\":%.3f,"
                "\"releases_listed\":%zu,\"conflicts\":%zu,\"iterations\":%d}\n",
                median(diff_ms), median(merge_ms), median(diff_cpu), median(merge_cpu), listed, conflicts, *iterations);
    return 0;
}

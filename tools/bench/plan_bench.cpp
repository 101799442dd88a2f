// make bench: import + validate + canonical export of one plan file, timed inside one process so the
// same source built natively (g++) and as WebAssembly (em++, run by node) can be compared with each
// other and with node's JSON.parse + ajv + JSON.stringify, without process start-up in the figures.
//   plan_bench FILE [ITERATIONS]
// Prints one JSON line: medians in milliseconds of load_plan (parse, schema and semantic checks),
// to_json (canonical export) and both together, plus the sizes read and written. Exits 1 when the
// plan does not load cleanly, so a benchmark never reports the speed of an error path.
#include "bench_support.hpp"
#include "plan/plan_json.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using bench::median;
using bench::ms_since;

int main(int argc, char** argv) {
    const std::optional<int> iterations = bench::iterations_argument(argc, argv, 1, "usage: plan_bench FILE [ITERATIONS]\n");
    if (!iterations) return 2;
    const std::optional<std::string> file = bench::read_file(argv[1]);
    if (!file) {
        std::fprintf(stderr, "plan_bench: cannot read %s\n", argv[1]);
        return 1;
    }
    const std::string& text = *file;

    std::vector<double> load_ms, export_ms, total_ms;
    std::size_t written = 0;
    // One untimed round first: page faults, allocator growth and (in WASM) memory growth happen once.
    for (int i = -1; i < *iterations; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const relplan::PlanLoad loaded = relplan::load_plan(text);
        const double t_load = ms_since(t0);
        if (!loaded.ok()) {
            std::fprintf(stderr, "plan_bench: %s does not load cleanly (%zu errors)\n", argv[1], loaded.errors.size());
            return 1;
        }
        const auto t1 = std::chrono::steady_clock::now();
        const std::string json = relplan::to_json(*loaded.plan);
        const double t_export = ms_since(t1);
        written = json.size();
        if (i < 0) continue;
        load_ms.push_back(t_load);
        export_ms.push_back(t_export);
        total_ms.push_back(t_load + t_export);
    }
    std::printf("{\"load_ms\":%.3f,\"export_ms\":%.3f,\"total_ms\":%.3f,\"bytes_in\":%zu,\"bytes_out\":%zu,\"iterations\":%d}\n",
                median(load_ms), median(export_ms), median(total_ms), text.size(), written, *iterations);
    return 0;
}

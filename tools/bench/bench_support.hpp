// What the in-process benchmarks share (plan_bench, team_bench): their command line (input files, then
// an optional iteration count), reading an input file whole, wall-clock milliseconds since a start
// point and the median of a run's samples, so one slow round does not move a figure.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace bench {

// ITERATIONS from a command line `PROGRAM INPUT... [ITERATIONS]` with `inputs` inputs: clamped to
// 1..1000, 5 when absent. nullopt, after printing `usage` on stderr, when the argument count is wrong.
inline std::optional<int> iterations_argument(int argc, char** argv, int inputs, const char* usage) {
    if (argc < inputs + 1 || argc > inputs + 2) {
        std::fputs(usage, stderr);
        return std::nullopt;
    }
    return argc == inputs + 2 ? std::clamp(std::atoi(argv[inputs + 1]), 1, 1000) : 5;
}

// The file's bytes; nullopt when it cannot be opened.
inline std::optional<std::string> read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline double median(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    const std::size_t n = xs.size();
    return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2.0;
}

inline double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace bench

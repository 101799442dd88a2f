// The process tests/e2e/save_kill_e2e.sh kills: it saves large plans through write_file_atomic (with
// keep_backup, as the desktop app saves) back to back, so a kill -9 lands in the middle of a save, and
// it checks what a kill left behind.
//
//   save_victim save PATH --from K [--count N] [--threads T] [--size-mb M]
//       saves generations K, K+1, ... (forever without --count); after each completed save prints
//       "K\n" on stdout, unbuffered. With T threads, thread t saves K+t*N ... K+t*N+N-1 concurrently.
//   save_victim check PATH K... [--size-mb M]
//       exit 0 and prints the generation when PATH holds exactly one of the generations K...; exit 1
//       and describes the file otherwise (size, first differing byte).
//   save_victim print K [--size-mb M]
//       writes generation K to stdout.
//
// Generation K is a valid plan, minified JSON of about M MB (default 5); every change description
// names the generation and "plan A" (even K) or "plan B" (odd K), so no two generations share a line
// and any truncation or mix of two saves is caught by an exact comparison.
#include "common/file_io.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

std::string generation(std::uint64_t k, std::uint64_t size_mb) {
    const std::string tag = std::string("plan ") + (k % 2 == 0 ? 'A' : 'B') + ", generation " + std::to_string(k);
    std::string out = R"({"format":{"name":"relplan","version":1},"project":{"name":"Save test, )" + tag +
                      R"("},"releases":[{"id":"r1","version":"1.0.0","type":"minor","status":"planning","changes":[)";
    const std::uint64_t size = size_mb << 20;
    for (std::uint64_t n = 1; out.size() < size; ++n) {
        if (n > 1) out += ',';
        out += R"({"id":"c)" + std::to_string(n) + R"(","category":"improvement","description":")" + tag +
               ", change " + std::to_string(n) + R"(: the quick brown fox jumps over the lazy dog"})";
    }
    out += "]}]}\n";
    return out;
}

bool parse_number(const char* text, std::uint64_t& out) {
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return *text >= '0' && *text <= '9' && *end == '\0';
}

int usage() {
    std::fputs("usage: save_victim save PATH --from K [--count N] [--threads T] [--size-mb M]\n"
               "       save_victim check PATH K... [--size-mb M]\n"
               "       save_victim print K [--size-mb M]\n",
               stderr);
    return 2;
}

// Saves `count` generations from `first` (count 0: forever). False after a failed save.
bool save_loop(const std::string& path, std::uint64_t first, std::uint64_t count, std::uint64_t size_mb) {
    for (std::uint64_t k = first; count == 0 || k < first + count; ++k) {
        const auto saved = relplan::native::write_file_atomic(path, generation(k, size_mb), true);
        if (!saved) {
            std::fprintf(stderr, "save_victim: generation %llu: %s\n", static_cast<unsigned long long>(k),
                         saved.error().message.c_str());
            return false;
        }
        const std::string line = std::to_string(k) + "\n";
        if (::write(1, line.data(), line.size()) < 0) return false;
    }
    return true;
}

int check(const std::string& path, const std::vector<std::uint64_t>& candidates, std::uint64_t size_mb) {
    const auto text = relplan::native::read_file(path);
    if (!text) {
        std::fprintf(stderr, "%s\n", text.error().message.c_str());
        return 1;
    }
    std::string report;
    for (std::uint64_t k : candidates) {
        const std::string expected = generation(k, size_mb);
        if (*text == expected) {
            std::printf("%llu\n", static_cast<unsigned long long>(k));
            return 0;
        }
        std::size_t at = 0;
        while (at < text->size() && at < expected.size() && (*text)[at] == expected[at]) ++at;
        report += " generation " + std::to_string(k) + " (" + std::to_string(expected.size()) +
                  " bytes) differs from byte " + std::to_string(at) + ";";
    }
    std::fprintf(stderr, "%s: %zu bytes, not a whole save:%s\n", path.c_str(), text->size(), report.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string mode = argv[1];
    std::vector<std::uint64_t> numbers;
    std::uint64_t from = 0, count = 0, threads = 1, size_mb = 5;
    bool has_from = false;
    for (int i = 2 + (mode != "print"); i < argc; ++i) {
        const std::string a = argv[i];
        std::uint64_t value = 0;
        if ((a == "--from" || a == "--count" || a == "--threads" || a == "--size-mb") && i + 1 < argc &&
            parse_number(argv[i + 1], value)) {
            (a == "--from" ? from : a == "--count" ? count : a == "--threads" ? threads : size_mb) = value;
            has_from = has_from || a == "--from";
            ++i;
        } else if (parse_number(argv[i], value)) {
            numbers.push_back(value);
        } else {
            return usage();
        }
    }
    if (size_mb == 0 || size_mb > 64) return usage();
    if (mode == "print" && numbers.size() == 1) {
        const std::string text = generation(numbers[0], size_mb);
        return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() ? 0 : 1;
    }
    if (mode == "check" && !numbers.empty()) return check(argv[2], numbers, size_mb);
    if (mode != "save" || !has_from || !numbers.empty() || threads == 0 || (threads > 1 && count == 0)) return usage();
    std::vector<std::thread> workers;
    std::vector<char> ok(threads, 0);
    for (std::uint64_t t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] { ok[t] = save_loop(argv[2], from + t * count, count, size_mb); });
    }
    for (std::thread& w : workers) w.join();
    for (char o : ok) {
        if (!o) return 1;
    }
    return 0;
}

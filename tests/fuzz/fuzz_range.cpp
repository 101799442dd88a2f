// libFuzzer target: Range::parse (strict and loose, with and without include-prerelease) and the
// queries over a parsed range. Invariants: no crash or hang; a strict range's normalized text parses
// again; a range intersects itself exactly when it admits some version.
#include "version/range.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const std::vector<std::string_view> versions = {"0.0.0", "1.2.3", "1.2.3-rc.1", "2.0.0", "10.0.0-0"};
    for (int flags = 0; flags < 4; ++flags) {
        const SemverOptions o{(flags & 1) != 0, (flags & 2) != 0};
        auto r = Range::parse(text, o);
        if (!r.ok()) {
            if (r.error().message.empty()) std::abort();
            continue;
        }
        if (r->sets().empty()) std::abort();
        const std::string normalized = r->to_string();
        if (!o.loose && !Range::parse(normalized, o).ok()) std::abort();
        for (std::string_view v : versions) (void)r->test(v);
        (void)max_satisfying(versions, *r);
        const auto low = min_version(*r);
        if (low && !r->test(*low)) std::abort();
        (void)intersects(*r, *r, o);
        const Version probe(1, 2, 3);
        (void)gtr(probe, *r);
        (void)ltr(probe, *r);
    }
    (void)Comparator::parse(text);
    return 0;
}

// libFuzzer target: Conventional Commit parsing, the git log -z splitter and next-version over
// the split messages. Invariants: no crash; a parsed commit has a type and a description; the
// next version, when there is one, is above the current one.
#include "version/commits.hpp"
#include "version/next_version.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto c = parse_conventional_commit(text);
    if (c.ok() && (c->type.empty() || c->description.empty())) std::abort();
    if (!c.ok() && c.error().message.empty()) std::abort();
    const std::vector<std::string_view> messages = split_commit_log(text);
    for (const char* current : {"1.2.3", "0.3.0", "2.0.0-rc.1"}) {
        const Version v = *Version::parse(current);
        for (std::string_view preid : {std::string_view{}, std::string_view{"rc"}}) {
            auto n = next_version(v, messages, NextVersionOptions{preid});
            if (!n.ok()) std::abort();
            if (n->version && compare(*n->version, v) <= 0) std::abort();
            if (n->version.has_value() != (n->bump != Bump::none)) std::abort();
        }
    }
    return 0;
}

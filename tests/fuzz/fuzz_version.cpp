// libFuzzer target: Version::parse (strict and loose), formatting, comparison and bumps.
// Invariants: no crash; a parsed version re-parses from its text to an equal value; bumps of a
// valid version never fail except where node-semver refuses (release of a non-pre-release).
#include "version/semver.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace relplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool loose : {false, true}) {
        auto v = Version::parse(text, SemverOptions{loose, false});
        if (!v.ok()) continue;
        if (v->major() > kMaxSafeInteger || v->minor() > kMaxSafeInteger || v->patch() > kMaxSafeInteger) std::abort();
        if (compare(*v, *v) != 0 || compare_build(*v, *v) != 0) std::abort();
        if (!loose) {
            auto again = Version::parse(v->to_string());
            if (!again.ok() || !(*again == *v)) std::abort();
        }
        for (IncType t : {IncType::major, IncType::minor, IncType::patch, IncType::premajor,
                              IncType::prerelease, IncType::pre}) {
            auto bumped = inc(*v, t, IncOptions{"rc", IdentifierBase::one, loose});
            if (!bumped.ok() && t != IncType::pre && t != IncType::prerelease) std::abort();
            // A pre-release id may switch to a lower channel ("zeta.1" → "rc.1"), so only the
            // numeric bumps must go up.
            const bool numeric = t == IncType::major || t == IncType::minor || t == IncType::patch ||
                                 t == IncType::premajor;
            if (bumped.ok() && numeric && compare(*bumped, *v) <= 0) std::abort();
        }
        (void)diff(*v, Version(1, 2, 3));
        (void)truncate(*v, IncType::minor);
    }
    (void)coerce(text, CoerceOptions{true, true, false});
    (void)coerce(text);
    return 0;
}

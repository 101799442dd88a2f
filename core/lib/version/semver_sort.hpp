// Sorting many versions: node-semver's sort and rsort (compareBuild order; versions that compare
// equal keep their input order) over text with one version per line, as `relplan semver sort` reads
// it. Lines end in "\n" or "\r\n"; blank lines are skipped; the first invalid line fails the sort
// with its 1-based number. Each line becomes a small key pointing into the text (about 48 bytes, no
// Version and no copy of the line), so memory beyond the text stays near its size even for a
// million versions; `out` receives the lines (without their line endings) in sorted order.
#pragma once

#include "base/result.hpp"
#include "version/semver.hpp"

#include <functional>
#include <string_view>
#include <variant>

namespace relplan {

Result<std::monostate> sort_version_lines(std::string_view text, SemverOptions options, bool reverse,
                                          const std::function<void(std::string_view line)>& out);

}  // namespace relplan

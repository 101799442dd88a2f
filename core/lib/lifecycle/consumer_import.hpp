// Consumers of our package, read from the files npm projects already have.
//
// Contract: `import_consumers` recognises, by shape, one JSON document of these kinds and returns the
// consumers that depend on `package` (the npm name consumers declare):
//   package.json        the file's own "name" with the range from dependencies, devDependencies,
//                       peerDependencies or optionalDependencies (one consumer per distinct range);
//   package-lock.json   lockfileVersion 2/3 "packages" (every installed package whose dependency
//                       sections name ours) and lockfileVersion 1 "dependencies" ("requires" maps);
//   npm ls --json       the installed tree; it carries installed versions, not declared ranges, so
//                       each consumer is recorded with the exact installed version as its range
//                       (it receives nothing new until its lockfile is updated — the honest answer);
//   consumers list      an array of {name, range, owner?, contact?} or {"consumers": [...]}.
// Consumers are unique by (name, range) in first-seen order. Errors carry the byte offset.
#pragma once

#include "base/result.hpp"
#include "plan/plan.hpp"

#include <string_view>
#include <vector>

namespace relplan {

enum class ConsumerSource { package_json, package_lock, npm_ls, consumers_list };
std::string_view to_string(ConsumerSource source);

struct ConsumerImport {
    ConsumerSource source = ConsumerSource::consumers_list;
    std::vector<Consumer> consumers;
};

Result<ConsumerImport> import_consumers(std::string_view json_text, std::string_view package);

// Adds `incoming` to `consumers`, skipping those already present with the same name and range.
void merge_consumers(std::vector<Consumer>& consumers, const std::vector<Consumer>& incoming);

}  // namespace relplan

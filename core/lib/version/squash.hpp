// Squash merges that carry several conventional commits, split the way release-please reads them
// (opt-in: next-version --split-squash, NextVersionOptions::split_squash).
//
// - A BEGIN_COMMIT_OVERRIDE ... END_COMMIT_OVERRIDE block replaces the whole message by the commits
//   listed in it.
// - Each BEGIN_NESTED_COMMIT ... END_NESTED_COMMIT block is one more commit.
// - In the rest, after the header, a line that is itself a conventional header of a known type
//   (feat, fix, perf, revert, docs, chore, refactor, test, build, ci, style), bare or as a "* " / "- "
//   list item as GitHub writes squash bodies, starts another commit; the lines after it, indented or
//   not, are its body and footers (indentation removed, so an indented `BREAKING-CHANGE:` counts).
// A message with nothing to split comes back as itself, alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relplan {

std::vector<std::string> split_squash_message(std::string_view message);

}  // namespace relplan

// Commit messages out of text a user pastes: the forms `git log` prints and people copy.
//
// split_pasted_commits recognises, in this order:
// - NUL-separated messages (`git log -z --format=%B`): the pieces between NULs, as split_commit_log;
// - git log's default format ("commit <hash>", header lines, a blank line, the message indented by
//   four spaces): one message per commit, unindented;
// - otherwise blank-line separated paragraphs: a paragraph opening with a Conventional Commits
//   header starts a message and others (bodies, footers) belong to the message before; a paragraph
//   of header lines only (`git log --oneline`) is one message per line. A leading abbreviated hash
//   ("a1b2c3d feat: x") is dropped.
// Carriage returns are dropped outside NUL-separated text. The work is linear in the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relplan {

std::vector<std::string> split_pasted_commits(std::string_view text);

}  // namespace relplan

#!/usr/bin/env bash
# Plans in git end to end: a repository in a temporary folder registers relplan as diff and merge driver
# with the README's lines, two branches edit one plan concurrently, and git merges them through relplan.
#   clean merge:    different releases, different fields of one release, additions to one release's
#                   changes and to the releases on both sides -> merged content, valid plan, clean status
#   conflict merge: the same field on both sides, a release deleted on one side and edited on the
#                   other -> git reports the conflict, the file keeps both values in "conflicts"
#   git diff / git log -p --ext-diff show plan-level changes.
#   tests/e2e/git_merge_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
export PATH="$build/native:$PATH"
command -v relplan >/dev/null || { echo "FAIL relplan not built in $build/native"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
mkdir "$repo"
fail=0
ok() { local what=$1; shift; if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi; }
# edit JQ-FILTER: rewrite team.plan.json through jq, then canonicalise it the way the app saves it.
edit() {
  { jq "$1" team.plan.json > team.plan.tmp && mv team.plan.tmp team.plan.json && relplan plan fmt team.plan.json --in-place; } ||
    { echo "FAIL editing the plan with: $1"; exit 1; }
}
field() { jq -r "$1" team.plan.json; }

cd "$repo" || exit 1
git init -q -b main .
git config user.name "Release Manager"
git config user.email "rm@example.com"
# The README's lines ("Plans in git"), verbatim.
sed -n '/^## Plans in git/,/^## /p' "$here/../../README.md" | sed -n '/^```sh$/,/^```$/p' | sed '1d;$d' > "$tmp/setup.sh"
cat "$tmp/setup.sh"
ok "README shows the driver setup" grep -q "merge.relplan.driver" "$tmp/setup.sh"
sh -e "$tmp/setup.sh" || { echo "FAIL the README's setup lines"; exit 1; }

cp "$here/../../assets/examples/acme.plan.json" team.plan.json
relplan plan fmt team.plan.json --in-place
git add team.plan.json .gitattributes && git commit -qm "plan"

# --- clean merge
git checkout -qb theirs
edit '(.releases[] | select(.id=="web-3.9.0") | .summary) = "Theirs summary"
    | (.releases[] | select(.id=="web-3.10.0") | .theme) = "Their theme"
    | (.releases[] | select(.id=="web-3.9.1") | .changes) += [{"id":"chg-theirs","category":"bug-fix","description":"Their fix"}]
    | .releases += [{"id":"theirs-4.0.0","version":"4.0.0","name":"Theirs","type":"major","status":"planning"}]'
git commit -qam "theirs"
git checkout -q main
edit '(.releases[] | select(.id=="web-3.8.0") | .name) = "Ours name"
    | (.releases[] | select(.id=="web-3.10.0") | .name) = "Our name"
    | (.releases[] | select(.id=="web-3.9.1") | .changes) += [{"id":"chg-ours","category":"bug-fix","description":"Our fix"}]
    | .releases += [{"id":"ours-5.0.0","version":"5.0.0","name":"Ours","type":"major","status":"planning"}]'
git commit -qam "ours"
ok "git merges concurrent edits of different releases and fields cleanly" git merge -q --no-edit theirs
ok "different releases: both edits kept" test "$(field '.releases[] | select(.id=="web-3.8.0") | .name')/$(field '.releases[] | select(.id=="web-3.9.0") | .summary')" = "Ours name/Theirs summary"
ok "one release, different fields: both kept" test "$(field '.releases[] | select(.id=="web-3.10.0") | .name + "/" + .theme')" = "Our name/Their theme"
ok "changes added on both sides: ours then theirs" test "$(field '[.releases[] | select(.id=="web-3.9.1") | .changes[].id][-2:] | join(",")')" = "chg-ours,chg-theirs"
ok "releases added on both sides: ours then theirs" test "$(field '[.releases[].id][-2:] | join(",")')" = "ours-5.0.0,theirs-4.0.0"
ok "no conflicts member after a clean merge" test "$(field 'has("conflicts")')" = false
ok "the merged plan validates" relplan plan validate team.plan.json
ok "the merged file is canonical" sh -c 'relplan plan fmt team.plan.json | cmp -s - team.plan.json'
ok "git status is clean after the merge" test -z "$(git status --porcelain)"

# --- plan-level diffs through git
git diff HEAD~1 HEAD > "$tmp/diff.txt"
cat "$tmp/diff.txt"
ok "git diff shows plan changes" grep -q '^release 4.0.0 (theirs-4.0.0): added' "$tmp/diff.txt"
ok "git diff names the file" grep -q '^relplan diff a/team.plan.json b/team.plan.json' "$tmp/diff.txt"
git log -p --ext-diff -1 theirs > "$tmp/log.txt"
ok "git log -p --ext-diff shows plan changes" grep -q '  /summary: "[^"]*" -> "Theirs summary"' "$tmp/log.txt"
ok "git log -p without --ext-diff shows JSON lines" sh -c 'git log -p -1 theirs | grep -q "^+.*Theirs summary"'

# --- conflicts
git checkout -qb theirs2
edit '(.releases[] | select(.id=="web-3.9.0") | .theme) = "Their theme 2"
    | (.releases[] | select(.id=="billing-2.4.1") | .summary) = "Edited while deleted"'
git commit -qam "theirs2"
git checkout -q main
edit '(.releases[] | select(.id=="web-3.9.0") | .theme) = "Our theme 2"
    | del(.releases[] | select(.id=="billing-2.4.1"))'
git commit -qam "ours2"
if git merge -q --no-edit theirs2 > "$tmp/merge.log" 2>&1; then
  echo "FAIL git merged conflicting edits without a conflict"; fail=1
else
  echo "ok   git stops at conflicting edits"
fi
cat "$tmp/merge.log"
ok "same field: our value stays in place" test "$(field '.releases[] | select(.id=="web-3.9.0") | .theme')" = "Our theme 2"
ok "same field: base, ours and theirs kept in conflicts" \
  test "$(field '.conflicts[] | select(.ours=="\"Our theme 2\"") | .theirs')" = '"Their theme 2"'
ok "delete vs edit: the edited release is kept and the deletion recorded" \
  test "$(field '[.releases[] | select(.id=="billing-2.4.1") | .summary][0]')/$(field '[.conflicts[] | select(has("ours") | not)] | length')" = "Edited while deleted/1"
ok "the conflicted file is valid JSON the plan reader loads" relplan plan fmt team.plan.json > /dev/null
ok "plan validate reports the conflicts" sh -c "! relplan plan validate team.plan.json > $tmp/validate.txt 2>&1"
cat "$tmp/validate.txt"
ok "validate names each conflict" test "$(grep -c '/conflicts/' "$tmp/validate.txt")" = 2
ok "git status shows the plan unmerged" test "$(git status --porcelain)" = "UU team.plan.json"
git merge --abort

[ $fail = 0 ] && echo "git merge e2e: all checks passed"
exit $fail

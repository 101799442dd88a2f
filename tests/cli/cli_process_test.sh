#!/usr/bin/env bash
# The CLI as a process: --help, --version (from CMake's project version) and exit codes.
set -u
bin=$1 version=$2 src=${3:-.}
fails=0 passed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed+1)); else echo "FAIL $1"; fails=$((fails+1)); fi; }
out=$("$bin" --version); check "--version prints 'relplan $version'" '[ "$out" = "relplan $version" ]'
out=$("$bin" --help); rc=$?
check "--help exits 0" '[ $rc = 0 ]'
check "--help lists the commands" 'echo "$out" | grep -q "semver" && echo "$out" | grep -q "notes" && echo "$out" | grep -q "check"'
"$bin" no-such-command 2>/tmp/relplan-cli-err.$$; rc=$?
check "an unknown command exits 2" '[ $rc = 2 ]'
check "an unknown command is named on stderr" 'grep -q "unknown command .no-such-command." /tmp/relplan-cli-err.$$'
rm -f /tmp/relplan-cli-err.$$
"$bin" >/dev/null 2>&1; rc=$?
check "no arguments exits 2 with usage" '[ $rc = 2 ]'
plan=$src/tests/data/notes/sync.plan.json
"$bin" plan validate -q "$plan" >/tmp/relplan-cli-out.$$ 2>&1; rc=$?
check "-q: exit 0 and no output" '[ $rc = 0 ] && [ ! -s /tmp/relplan-cli-out.$$ ]'
"$bin" notes "$plan" --release v9.9.9 --quiet >/tmp/relplan-cli-out.$$ 2>&1; rc=$?
check "--quiet: exit 1 and no output for a missing release" '[ $rc = 1 ] && [ ! -s /tmp/relplan-cli-out.$$ ]'
rm -f /tmp/relplan-cli-out.$$
# relplan prints no colour: not on a terminal (script(1) gives it one), not with NO_COLOR.
if command -v script >/dev/null 2>&1; then
    esc=$(printf '\033')
    for env in "TERM=xterm-256color" "NO_COLOR=1 TERM=xterm-256color"; do
        out=$(env $env script -qec "'$bin' notes '$plan' --release v2.0.0 --today 2026-03-15; '$bin' check '$plan' --today 2026-01-01; '$bin' notes '$plan' --bogus" /dev/null 2>&1)
        check "on a terminal ($env) the notes are printed" 'printf %s "$out" | grep -q "Acme Sync 2.0.0"'
        check "on a terminal ($env) no escape sequences" '[ "${out#*$esc}" = "$out" ]'
    done
fi
echo "cli process tests: $passed passed, $fails failed"
[ $fails = 0 ]

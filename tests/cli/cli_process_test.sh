#!/usr/bin/env bash
# The CLI as a process: --help, --version (from CMake's project version) and exit codes.
set -u
bin=$1 version=$2
fails=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails+1)); fi; }
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
echo "cli process tests: $((6-fails)) passed, $fails failed"
[ $fails = 0 ]

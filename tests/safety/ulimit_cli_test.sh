#!/usr/bin/env bash
# Large inputs under an address-space limit of 4x the input + 64 MiB: every command either answers or
# ends with a message and exit code 1 or 2; never a signal, never an uncaught bad_alloc.
# usage: ulimit_cli_test.sh RELPLAN_BINARY
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0 total=0

# A plan of 16,000 releases of one component whose change windows all overlap.
python3 - "$work/plan.json" <<'PY'
import json, sys
rel = []
for i in range(16000):
    m = i % 600
    rel.append({"id": f"rel-{i+1}", "version": f"1.0.{i}", "type": "patch", "status": "planning", "components": ["api"],
                "release_date": "2026-03-10",
                "change_window": {"start": f"2026-03-10T{m//60:02d}:{m%60:02d}:00Z",
                                  "end": f"2026-03-11T{m//60:02d}:{m%60:02d}:00Z"}})
json.dump({"format": {"name": "relplan", "version": 1}, "project": {"name": "Crowded"},
           "components": [{"id": "api", "name": "API"}], "releases": rel}, open(sys.argv[1], "w"))
PY
# 32 MiB of versions with long pre-release tags and large numeric parts.
python3 - "$work/versions.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    i = 0
    size = 0
    while size < 32 << 20:
        line = f"{i % 9000}.{i * 7919 % 100000}.{i}-rc.{i % 977}.build-{i:08d}\n"
        f.write(line); size += len(line); i += 1
PY

run() {  # run NAME INPUT COMMAND... (stdin from INPUT)
  local name=$1 input=$2; shift 2
  local size limit_kib rc
  size=$(stat -c %s "$input")
  limit_kib=$(( (4 * size + (64 << 20)) / 1024 ))
  total=$((total + 1))
  ( ulimit -v "$limit_kib"; "$@" <"$input" >"$work/out" 2>"$work/err" ); rc=$?
  if [ $rc -le 2 ] && ! grep -q "terminate called\|bad_alloc" "$work/err" &&
     { [ $rc = 0 ] || [ -s "$work/err" ] || [ -s "$work/out" ]; }; then
    echo "ok   $name (exit $rc, $(wc -c <"$work/out") bytes out)"
  else
    echo "FAIL $name: exit $rc"; head -c 400 "$work/err"; fails=$((fails + 1))
  fi
}

run "check of 16,000 overlapping releases" "$work/plan.json" "$bin" check -
run "plan validate of the same plan" "$work/plan.json" "$bin" plan validate -
run "semver sort of 32 MiB of versions" "$work/versions.txt" "$bin" semver sort
run "semver max-satisfying over 32 MiB of versions" "$work/versions.txt" "$bin" semver max-satisfying --include-prerelease ">=1.0.0"

# check's output stays proportional to the plan: one finding per release, not one per pair.
"$bin" check "$work/plan.json" >"$work/out" 2>/dev/null
total=$((total + 1))
findings=$(grep -c '"code": "window-overlap"' "$work/out")
if [ "$findings" = 16000 ] && [ "$(wc -c <"$work/out")" -lt $((16000 * 600)) ]; then
  echo "ok   check reports one window-overlap finding per release ($findings)"
else
  echo "FAIL check reported $findings window-overlap findings, $(wc -c <"$work/out") bytes"; fails=$((fails + 1))
fi

# An oversized input is refused while reading, with the limit and --max-input named.
total=$((total + 1))
head -c $((65 << 20)) /dev/zero | "$bin" check - >/dev/null 2>"$work/err"; rc=$?
if [ $rc = 1 ] && grep -q "64 MiB input limit.*--max-input" "$work/err"; then
  echo "ok   a 65 MiB plan on stdin is refused naming the limit and --max-input"
else
  echo "FAIL oversized stdin: exit $rc"; cat "$work/err"; fails=$((fails + 1))
fi

echo "ulimit CLI tests: $((total - fails)) passed, $fails failed"
[ $fails = 0 ]

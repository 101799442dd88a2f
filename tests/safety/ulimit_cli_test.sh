#!/usr/bin/env bash
# Large inputs under an address-space limit of 4x the input + 64 MiB: every command answers (with the
# exit code it gives without the limit: `expect=`); never a signal, never an uncaught bad_alloc. Then the peak
# memory of the commands that read the largest inputs, and the length of long error lists.
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

# 16 MiB of very short NUL-separated commits (about 2.4 million), the worst case per byte.
python3 - "$work/commits.z" <<'PY'
import sys
subjects = [b"fix: a", b"feat: b", b"docs: c", b"fix: d", b"chore: e"]
out = bytearray()
i = 0
while len(out) < 16 << 20:
    out += subjects[i % 5] + b"\0"
    i += 1
open(sys.argv[1], "wb").write(out)
PY
# A Keep a Changelog file of 100,000 releases.
python3 - "$work/CHANGELOG.md" <<'PY'
import sys
lines = ["# Changelog", ""]
for i in range(100000, 0, -1):
    lines += [f"## [{i // 100}.{i % 100}.0] - 2026-03-{i % 28 + 1:02d}", "", "### Added", f"- Feature {i}", "",
              "### Fixed", f"- Fix {i} (#{i})", ""]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
# Changelogs of the smallest entries, where the plan is largest per input byte: 385,000 entries of
# one letter (whose plan just fits the plan limit), and one release of 50,000 entries.
python3 - "$work/tiny.md" "$work/wide.md" <<'PY'
import sys
open(sys.argv[1], "w").write("".join(f"## [{r}.0.0] - 2024-01-01\n### Fixed\n" + "- a\n" * 11 for r in range(35000)))
open(sys.argv[2], "w").write("## [1.0.0] - 2024-01-01\n### Fixed\n" + "".join(f"- fix {i}\n" for i in range(50000)))
PY
# The plan of 16,000 releases with an invalid version in each: 16,000 errors on one line.
python3 - "$work/plan.json" "$work/bad.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for r in doc["releases"]:
    r["version"] += ".x"
json.dump(doc, open(sys.argv[2], "w"), separators=(",", ":"))
PY

# Two edited copies of the plan for diff and merge: every fifth release moved a week (ours), every
# seventh renamed and given a change (theirs), so both sides touch thousands of releases.
python3 - "$work/plan.json" "$work/ours.json" "$work/theirs.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
ours, theirs = json.loads(json.dumps(doc)), json.loads(json.dumps(doc))
for i, r in enumerate(ours["releases"]):
    if i % 5 == 0: r["release_date"] = "2026-03-17"
for i, r in enumerate(theirs["releases"]):
    if i % 7 == 0:
        r["name"] = f"Train {i}"
        r["changes"] = [{"id": f"c{i}", "category": "bug-fix", "description": f"Fix {i}"}]
json.dump(ours, open(sys.argv[2], "w"))
json.dump(theirs, open(sys.argv[3], "w"))
PY
# A consumer list naming 2,000 packages with ranges over the plan's versions.
python3 - "$work/consumers.json" <<'PY'
import json, sys
deps = {f"consumer-{i}": f"^1.0.{i % 16000}" for i in range(2000)}
json.dump({"name": "app", "version": "1.0.0", "dependencies": {"crowded": "^1.0.0"}, "devDependencies": deps},
          open(sys.argv[1], "w"))
PY

run() {  # run NAME INPUT COMMAND... (stdin from INPUT; the bound counts INPUT)
  local name=$1 input=$2; shift 2
  limited "$name" "$(stat -c %s "$input")" "$input" "$@"
}
run_files() {  # run_files NAME "FILE..." COMMAND... (the bound counts every file the command reads)
  local name=$1 size=0 f; shift
  for f in $1; do size=$((size + $(stat -c %s "$f"))); done; shift
  limited "$name" "$size" /dev/null "$@"
}
limited() {  # limited NAME INPUT_BYTES STDIN COMMAND...: run under 4x the input + 64 MiB of address space
  local name=$1 size=$2 input=$3; shift 3
  local limit_kib rc
  limit_kib=$(( (4 * size + (64 << 20)) / 1024 ))
  total=$((total + 1))
  ( ulimit -v "$limit_kib"; "$@" <"$input" >"$work/out" 2>"$work/err" ); rc=$?
  if [ $rc -le 2 ] && ! grep -q "terminate called\|bad_alloc" "$work/err" &&
     { [ $rc = 0 ] || [ -s "$work/err" ] || [ -s "$work/out" ]; } && [ "$rc" = "${expect:-$rc}" ]; then
    echo "ok   $name (exit $rc, $(wc -c <"$work/out") bytes out)"
  else
    echo "FAIL $name: exit $rc (expected ${expect:-0..2})"; head -c 400 "$work/err"; fails=$((fails + 1))
  fi
}

expect=1 run "check of 16,000 overlapping releases" "$work/plan.json" "$bin" check -
expect=0 run "plan validate of the same plan" "$work/plan.json" "$bin" plan validate -
expect=0 run "semver sort of 32 MiB of versions" "$work/versions.txt" "$bin" semver sort
expect=0 run "semver max-satisfying over 32 MiB of versions" "$work/versions.txt" "$bin" semver max-satisfying --include-prerelease ">=1.0.0"
expect=0 run "notes of one release of the plan" "$work/plan.json" "$bin" notes - --release 1.0.7
expect=0 run "ics of the plan" "$work/plan.json" "$bin" ics -
expect=0 run "changelog of the plan" "$work/plan.json" "$bin" changelog -
expect=1 run "plan validate of 16,000 errors" "$work/bad.json" "$bin" plan validate -
expect=0 run "import changelog of 100,000 releases" "$work/CHANGELOG.md" "$bin" import changelog -
expect=0 run "import changelog of 385,000 one-letter entries" "$work/tiny.md" "$bin" import changelog -
expect=0 run "import changelog of one release with 50,000 entries" "$work/wide.md" "$bin" import changelog -
expect=1 run "import commits of 16 MiB of short commits" "$work/commits.z" "$bin" import commits --release 2.0.0
expect=0 run "next-version over 16 MiB of short commits" "$work/commits.z" "$bin" next-version --current 1.0.0
expect=0 run "plan fmt of the plan" "$work/plan.json" "$bin" plan fmt -
expect=0 run "windows for one release of the plan" "$work/plan.json" "$bin" windows - --release 1.0.7
expect=0 run "schedule of 500 more releases into the plan" "$work/plan.json" "$bin" schedule - \
  --cadence biweekly:tue --from 2026-04-07 --count 500 --type minor --first-version 2.0.0
expect=0 run "support of the plan" "$work/plan.json" "$bin" support - --format json
expect=0 run_files "impact of the plan on 2,000 consumers" "$work/plan.json $work/consumers.json" \
  "$bin" impact "$work/plan.json" --package crowded --consumers "$work/consumers.json" --json
expect=1 run_files "diff of two 16,000-release plans" "$work/plan.json $work/ours.json" \
  "$bin" diff "$work/plan.json" "$work/ours.json"
expect=0 run_files "merge of three 16,000-release plans" "$work/plan.json $work/ours.json $work/theirs.json" \
  "$bin" merge "$work/plan.json" "$work/ours.json" "$work/theirs.json" -o "$work/merged.json"

# Peak resident memory (getrusage of the child): peak_ok NAME KIB_LIMIT INPUT COMMAND...
peak_ok() {
  local name=$1 limit_kib=$2 input=$3; shift 3
  local kib
  total=$((total + 1))
  kib=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$input" "$@")
  if [ "$kib" -le "$limit_kib" ]; then
    echo "ok   $name: peak $((kib / 1024)) MiB (at most $((limit_kib / 1024)) MiB)"
  else
    echo "FAIL $name: peak $((kib / 1024)) MiB, more than $((limit_kib / 1024)) MiB"; fails=$((fails + 1))
  fi
}
csize=$(stat -c %s "$work/commits.z") vsize=$(stat -c %s "$work/versions.txt")
# import commits writes the imported changes as it reads them (it held every change and the whole
# output before: 2.8 GB for such a log); the plan it would write is over the plan limit, so it refuses.
peak_ok "import commits of 16 MiB of short commits" $(( (4 * csize + (64 << 20)) / 1024 )) "$work/commits.z" \
  "$bin" import commits --release 2.0.0
peak_ok "next-version over 16 MiB of short commits" $(( (4 * csize + (64 << 20)) / 1024 )) "$work/commits.z" \
  "$bin" next-version --current 1.0.0
# semver sort keeps a small key per line into the input (it held a Version, a line and a copy of the
# output per version before: almost 5x the input).
peak_ok "semver sort of 32 MiB of versions" $(( (3 * vsize + (16 << 20)) / 1024 )) "$work/versions.txt" \
  "$bin" semver sort

# import changelog builds, validates and writes one release at a time (it held the whole plan before:
# 325 MiB for a 12 MiB changelog).
chsize=$(stat -c %s "$work/CHANGELOG.md")
peak_ok "import changelog of 100,000 releases" $(( (4 * chsize + (64 << 20)) / 1024 )) "$work/CHANGELOG.md" \
  "$bin" import changelog -
# Entries are counted while reading: more than a plan under the limit holds, or more than 50,000 in
# one release, is refused before they take the memory (one release of 100,000 took 41 s and 153 MiB,
# 26 MB of one-letter entries 539 MiB before).
for f in tiny wide; do
  fsize=$(stat -c %s "$work/$f.md")
  peak_ok "import changelog of $f.md" $(( (4 * fsize + (64 << 20)) / 1024 )) "$work/$f.md" "$bin" import changelog -
done

# ics writes the calendar as it makes it (it held it whole, twice while growing: 97 MB for this plan).
psize=$(stat -c %s "$work/plan.json")
peak_ok "ics of 16,000 releases" $(( (4 * psize + (64 << 20)) / 1024 )) "$work/plan.json" "$bin" ics -

# plan validate prints the first 100 errors and counts the rest (16,000 lines before, each error's
# column counted from the start of the one-line file: minutes).
total=$((total + 1))
"$bin" plan validate "$work/bad.json" >/dev/null 2>"$work/err"
lines=$(wc -l <"$work/err")
if [ "$lines" = 101 ] && grep -q "and 15900 more errors" "$work/err" && grep -q ':1:[0-9]*: /releases/99/version' "$work/err"; then
  echo "ok   plan validate prints 100 of 16,000 errors and a count of the rest"
else
  echo "FAIL plan validate printed $lines lines"; tail -2 "$work/err"; fails=$((fails + 1))
fi

# check's output stays proportional to the plan: one finding per release, not one per pair.
"$bin" check "$work/plan.json" >"$work/out" 2>/dev/null
total=$((total + 1))
findings=$(grep -c '"code": "window-overlap"' "$work/out")
if [ "$findings" = 16000 ] && [ "$(wc -c <"$work/out")" -lt $((16000 * 600)) ]; then
  echo "ok   check reports one window-overlap finding per release ($findings)"
else
  echo "FAIL check reported $findings window-overlap findings, $(wc -c <"$work/out") bytes"; fails=$((fails + 1))
fi

# A changelog whose plan would pass the 64 MiB plan limit is refused before anything is written: whatever
# relplan writes, relplan reads.
python3 - "$work/CHANGELOG.md" "$work/long.md" <<'PY'
import sys
text = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(text.replace("- Feature ", "- A longer description of what this feature brings to the users who asked for it in the last survey, and of how they turn it on and off in their settings, number "))
PY
total=$((total + 1))
"$bin" import changelog "$work/long.md" >"$work/out" 2>"$work/err"; rc=$?
if [ $rc = 1 ] && [ ! -s "$work/out" ] && grep -q "over the 64 MiB plan limit" "$work/err"; then
  echo "ok   a changelog whose plan would pass 64 MiB is refused and nothing is written"
else
  echo "FAIL over-limit changelog import: exit $rc, $(wc -c <"$work/out") bytes out"; head -c 400 "$work/err"; fails=$((fails + 1))
fi

# Past those limits: refused while reading, naming the limit.
python3 - "$work/tiny.md" "$work/wide.md" <<'PY'
import sys
open(sys.argv[1], "a").write("".join(f"## [0.{r}.0] - 2024-01-01\n" + "- a\n" * 11 for r in range(10000)))
open(sys.argv[2], "a").write("- one more\n")
PY
total=$((total + 1))
"$bin" import changelog "$work/tiny.md" >"$work/out" 2>"$work/err"; rc=$?
"$bin" import changelog "$work/wide.md" >>"$work/out" 2>>"$work/err"; rc2=$?
if [ $rc = 1 ] && [ $rc2 = 1 ] && [ ! -s "$work/out" ] && grep -q "more than 479349 entries; its plan would be over the 64 MiB" "$work/err" &&
   grep -q "release 1.0.0 (line 1) has more than 50000 entries" "$work/err"; then
  echo "ok   too many changelog entries, or too many in one release, are refused while reading"
else
  echo "FAIL entry limits: exit $rc and $rc2"; head -c 400 "$work/err"; fails=$((fails + 1))
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

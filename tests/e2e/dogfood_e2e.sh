#!/usr/bin/env bash
# relplan releases itself: the project's own plan (docs/relplan.plan.json) is valid and canonical,
# CHANGELOG.md is exactly what `relplan changelog` makes of it (with the support table the README's
# "Support" section repeats), the plan's support dates and consumers show in the support report, the
# calendar and the engineering notes, `relplan --version` (from
# project(relplan VERSION ...) in CMakeLists.txt, the one source of the version) is the plan's newest
# released version, and the check and notes engines work on it.
#
# Usage: dogfood_e2e.sh BUILD_DIR ARTIFACT_DIR (BUILD_DIR/native holds relplan).
# After editing the plan, refresh the changelog from the repository root with
#   build/native/relplan changelog docs/relplan.plan.json > CHANGELOG.md
set -u
build=$1 artifacts=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
relplan=$build/native/relplan
plan=$root/docs/relplan.plan.json
out=$artifacts/dogfood
[ -x "$relplan" ] || { echo "dogfood e2e: $relplan is missing; build the native preset first"; exit 1; }
mkdir -p "$out"
fails=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails+1)); }

# (a) the plan is valid, and canonical so saving it in the app changes nothing
if "$relplan" plan validate "$plan" >"$out/validate.txt" 2>&1; then ok "plan validate: $(cat "$out/validate.txt")"
else fail "plan validate docs/relplan.plan.json:"; cat "$out/validate.txt"; fi
"$relplan" plan fmt "$plan" >"$out/relplan.plan.json" 2>/dev/null
if cmp -s "$out/relplan.plan.json" "$plan"; then ok "the plan is in canonical form"
else fail "the plan is not in canonical form; run: build/native/relplan plan fmt docs/relplan.plan.json --in-place"; fi

# (b) CHANGELOG.md is generated from the plan, byte for byte
"$relplan" changelog "$plan" >"$out/CHANGELOG.md" 2>"$out/changelog.err"
if cmp -s "$out/CHANGELOG.md" "$root/CHANGELOG.md"; then ok "CHANGELOG.md is what relplan changelog generates"
else
  fail "CHANGELOG.md differs from the plan; refresh it: build/native/relplan changelog docs/relplan.plan.json > CHANGELOG.md"
  diff -u "$root/CHANGELOG.md" "$out/CHANGELOG.md" | head -20
fi

# (c) relplan --version is the newest (highest) released version in the plan, sorted by relplan itself
newest=$(node -e '
  const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const r of plan.releases) if (r.status === "released" && r.version) console.log(r.version);
' "$plan" | "$relplan" semver sort | tail -n 1)
cmake_version=$(sed -n 's/^project(relplan VERSION \([^ )]*\).*/\1/p' "$root/CMakeLists.txt")
version=$("$relplan" --version)
if [ -n "$newest" ] && [ "$version" = "relplan $newest" ]; then ok "relplan --version is the newest released version in the plan, $newest"
else fail "relplan --version says '$version'; the plan's newest released version is '$newest' and CMakeLists.txt says '$cmake_version' (set project(relplan VERSION ...) and the plan's released release to the same version, and rebuild)"; fi

# (d) check emits a JSON array of findings, none of them an error
"$relplan" check "$plan" --today 2026-11-26 >"$out/check.json" 2>"$out/check.err"
rc=$?
if node -e '
    const findings = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!Array.isArray(findings)) throw new Error("not a JSON array");
    for (const f of findings) console.log(`  ${f.severity} ${f.code}: ${f.message}`);
  ' "$out/check.json"; then
  if [ $rc = 0 ]; then ok "check --today 2026-11-26 emits valid JSON with no error"
  else fail "check --today 2026-11-26 exits $rc: $(cat "$out/check.err")"; fi
else fail "check --today 2026-11-26 does not emit valid JSON: $(head -c 300 "$out/check.json")"; fi

# (e) release notes of the released version, in every format
expected_title="# relplan 0.1.0 – Foundation (2026-11-26)"
if "$relplan" notes "$plan" --release 0.1.0 >"$out/notes-0.1.0.md" 2>"$out/notes.err" &&
   [ "$(head -n 1 "$out/notes-0.1.0.md")" = "$expected_title" ]; then ok "notes --release 0.1.0"
else fail "notes --release 0.1.0: $(head -n 1 "$out/notes-0.1.0.md") $(cat "$out/notes.err")"; fi
for format in html txt; do
  if "$relplan" notes "$plan" --release 0.1.0 --format $format --audience end-user >"$out/notes-0.1.0.$format" 2>"$out/notes.err" &&
     grep -q "relplan 0.1.0" "$out/notes-0.1.0.$format"; then ok "notes --release 0.1.0 --format $format --audience end-user"
  else fail "notes --release 0.1.0 --format $format: $(cat "$out/notes.err")"; fi
done

# (f) the support windows: CHANGELOG.md's table is the README's, and the report, calendar and notes agree
table_of() { sed -n "/$2/,/$3/p" "$1" | grep '^|'; }
changelog_table=$(table_of "$root/CHANGELOG.md" '^## Supported versions' '^## \[')
readme_table=$(table_of "$root/README.md" '<!-- support-table -->' '<!-- \/support-table -->')
if [ -n "$changelog_table" ] && grep -q '^| 0.1.x | 2026-11-26 |' <<<"$changelog_table" &&
   [ "$changelog_table" = "$readme_table" ]; then ok "CHANGELOG.md and README.md show the same support table"
else fail "support table: CHANGELOG.md has"; echo "$changelog_table"; echo "README.md has"; echo "$readme_table"; fi
"$relplan" support "$plan" --format json --today 2026-11-26 >"$out/support.json" 2>"$out/support.err"
if node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const lines = report.lines || report;
    const one = lines.find(l => l.line === "0.1.x");
    if (!one || one.eol !== "2027-01-28") throw new Error("0.1.x end of life is not 2027-01-28: " + JSON.stringify(one));
  ' "$out/support.json"; then ok "support: 0.1.x reaches end of life when 0.3.0 ships"
else fail "support --format json: $(head -c 300 "$out/support.json") $(cat "$out/support.err")"; fi
"$relplan" ics "$plan" --utc --dtstamp 2026-11-26T00:00:00Z >"$out/relplan.ics" 2>"$out/ics.err"
eol_start=$(tr -d '\r' <"$out/relplan.ics" | awk '/^UID:support-eol-0.1.x@relplan.relplan$/ {f=1} f && /^DTSTART/ {print; exit}')
if [ "$eol_start" = "DTSTART;VALUE=DATE:20270128" ]; then ok "ics: 0.1.x end of life in the calendar, UID from the plan id"
else fail "ics has no end-of-life event for 0.1.x: $(cat "$out/ics.err")"; fi
"$relplan" notes "$plan" --release 0.2.0 >"$out/notes-0.2.0.md" 2>"$out/notes.err"
"$relplan" notes "$plan" --release 0.2.0 --audience customer >"$out/notes-0.2.0-customer.md" 2>>"$out/notes.err"
if grep -q '^### Who to notify' "$out/notes-0.2.0.md" && grep -q 'relplan release pipeline' "$out/notes-0.2.0.md" &&
   ! grep -q 'relplan release pipeline' "$out/notes-0.2.0-customer.md"; then
  ok "notes --release 0.2.0: the cut-off consumer in technical notes only"
else fail "notes --release 0.2.0 do not name the consumer ^0.1.0 cuts off (or customer notes do): $(cat "$out/notes.err")"; fi

echo "dogfood e2e: $fails failed"
[ $fails = 0 ]

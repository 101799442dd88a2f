#!/usr/bin/env bash
# Release notes end to end: the CLI's Markdown parses with commonmark.js into the expected headings and
# items, and the HTML built from a hostile plan stays inert in headless Chromium.
set -u
build=$1 artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../data/notes
relplan=$build/native/relplan
out=$artifacts/notes
mkdir -p "$out"
fails=0
run() { echo "--- $1"; shift; "$@" || fails=$((fails+1)); }
"$relplan" notes "$data/sync.plan.json" --release 2.0.0 --today 2026-11-26 > "$out/sync-technical.md"
"$relplan" notes "$data/sync.plan.json" --release 2.0.0 --audience customer --today 2026-11-26 > "$out/sync-customer.md"
"$relplan" notes "$data/hostile.plan.json" --release 6.6.6 --today 2026-11-26 > "$out/hostile-technical.md"
"$relplan" notes "$data/hostile.plan.json" --release 6.6.6 --format html --today 2026-11-26 > "$out/hostile.html"
run "technical notes parse as CommonMark" node "$here/notes_commonmark.mjs" "$out/sync-technical.md" "$data/sync-2.0.0-technical.expect.json"
run "customer notes parse as CommonMark" node "$here/notes_commonmark.mjs" "$out/sync-customer.md" "$data/sync-2.0.0-customer.expect.json"
run "hostile notes parse as CommonMark" node "$here/notes_commonmark.mjs" "$out/hostile-technical.md" "$data/hostile-6.6.6-technical.expect.json"
run "the inertness detector catches scripts (self-test)" node "$here/notes_html_inert.mjs" --self-test
run "hostile HTML notes stay inert in Chromium" node "$here/notes_html_inert.mjs" "$out/hostile.html"
echo "notes e2e: $fails failed"
[ $fails = 0 ]

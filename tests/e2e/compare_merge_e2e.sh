#!/usr/bin/env bash
# Compare and merge end to end: a share link of another version of the open plan is compared (the
# releases that differ listed and outlined), merged (additions kept, a value both sides changed
# becomes a conflict) and the conflict settled, in the page (page_team.mjs, headless Chromium) and in
# the desktop app (desktop_team.txt under Xvfb); and a share-link round trip between two browser
# profiles with a three-way merge against the version last exchanged (page_share_merge.mjs).
# Screenshots: ARTIFACT_DIR/page-{compare,merge-conflicts,share-merge-offer,share-merge-conflict}.png,
# ARTIFACT_DIR/team/desktop/*.png.
#   tests/e2e/compare_merge_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
example=$e2e_dir/../../assets/examples/acme.plan.json
page_run page_team.mjs "$build/web/page" "$artifacts" "$example"
page_run page_share_merge.mjs "$build/web/page" "$artifacts" "$example"
desktop_dir "$artifacts/team/desktop"
# Mine: the example with a project id. Theirs: one release renamed, one added, as a #plan= link
# (raw DEFLATE, base64url: the form any inflater reads).
link=$(node -e '
  const fs = require("fs"), zlib = require("zlib");
  const mine = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  mine.project.id = "acme-cloud-plan";
  fs.writeFileSync(process.argv[2] + "/mine.plan.json", JSON.stringify(mine, null, 2));
  const theirs = JSON.parse(JSON.stringify(mine));
  theirs.releases[0].name = "Web console October (their name)";
  theirs.releases.push({ id: "web-3.13.0", name: "Web console April", version: "3.13.0", type: "minor",
                         status: "planning", release_date: "2027-04-13" });
  process.stdout.write("https://example.org/relplan/#plan=" + zlib.deflateRawSync(JSON.stringify(theirs)).toString("base64url"));
' "$example" "$out")
sed "s|@LINK@|$link|" "$e2e_dir/desktop_team.txt" > "$out/script.txt"
run_desktop_script "$build/native/relplan-desktop" "$out/mine.plan.json" "$out/script.txt" "$out"
if [ -s "$out/merged.plan.json" ] && node -e '
  const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.exit(p.releases[0].name === "Web console October (their name)" && p.releases.some((r) => r.id === "web-3.13.0") && !p.conflicts ? 0 : 1);
' "$out/merged.plan.json"; then echo "ok   the merged plan the desktop saved has their name and their release, no conflict left" | tee -a "$log"
else echo "FAIL the merged plan the desktop saved is not the expected merge (merged.plan.json)" | tee -a "$log"; fi
failed=$(grep -c '^FAIL' "$log")
desktop_summary "compare and merge"

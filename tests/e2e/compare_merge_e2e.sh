#!/usr/bin/env bash
# Compare and merge end to end: a share link of another version of the open plan is compared (the
# releases that differ listed and outlined), merged (additions kept, a value both sides changed
# becomes a conflict) and the conflict settled, in the page (page_team.mjs, headless Chromium) and in
# the desktop app (desktop_team.txt under Xvfb); and a share-link round trip between two browser
# profiles with a three-way merge against the version last exchanged (page_share_merge.mjs), and the
# same between two desktop profiles (desktop_share_a.txt, desktop_share_b.txt: File > Share link
# address…, File > Copy share link, links pasted into Compare with > A share link…, a clean
# three-way merge and a conflict settled in the panel; the links and saved plans checked here).
# Screenshots: ARTIFACT_DIR/page-{compare,merge-conflicts,share-merge-offer,share-merge-conflict}.png,
# ARTIFACT_DIR/team/desktop/*.png, ARTIFACT_DIR/team/desktop-share/{a,b}/*.png.
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

# Share links between two desktop profiles (each its own config folder, so its own kept versions): A
# copies links of its plan as it edits it (desktop_share_a.txt); B, holding the same plan, pastes them
# into Compare with > A share link and merges (desktop_share_b.txt): the first as the common version,
# the second three-way and clean, the third three-way with one conflict settled in the panel.
share=$artifacts/team/desktop-share
rm -rf "$share"
mkdir -p "$share/a" "$share/b" "$share/config-a" "$share/config-b"
cp "$out/mine.plan.json" "$share/a/a.plan.json"
cp "$out/mine.plan.json" "$share/b/b.plan.json"
run_desktop_script "$build/native/relplan-desktop" "$share/a/a.plan.json" "$e2e_dir/desktop_share_a.txt" "$share/a" "$share/config-a"
cat "$share/a/desktop.log" >> "$log"
# check DESCRIPTION NODE-EXPRESSION ARGS...: an ok/FAIL line in the log; the expression sees `a`
# (the arguments), `read(file)` (JSON) and `link(file)` (the plan and revision names a link holds).
share_check() {
  if node -e '
    const fs = require("fs"), zlib = require("zlib");
    const a = process.argv.slice(1);
    const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
    // #pd1=: DEFLATE against share dictionary 1 (plan/share_link.hpp); #plan=: plain raw DEFLATE.
    const dictionary = fs.readFileSync(process.env.SHARE_DICTIONARY);
    const link = (f) => {
      const m = /^(https?:\/\/[^#\s]*)?#(pd1|plan)=([A-Za-z0-9_-]+)((&[a-z]=[0-9a-f]{16})*)$/.exec(fs.readFileSync(f, "utf8"));
      if (!m) return null;
      const bytes = Buffer.from(m[3], "base64url");
      const json = zlib.inflateRawSync(bytes, m[2] === "pd1" ? { dictionary } : {}).toString("utf8");
      const names = Object.fromEntries((m[4] || "").split("&").filter(Boolean).map((p) => p.split("=")));
      return { address: m[1] || "", plan: JSON.parse(json), r: names.r || "", b: names.b || "" };
    };
    process.exit(eval(process.env.SHARE_CHECK) ? 0 : 1);
  ' "${@:2}" 2>>"$log"; then echo "ok   $1"; else echo "FAIL $1"; fi | tee -a "$log"
}
export SHARE_DICTIONARY=$e2e_dir/../../assets/share/dictionary-1.bin
SHARE_CHECK='(() => { const l = link(a[0]); return l && l.address === "https://example.org/relplan/" && l.r && !l.b && JSON.stringify(l.plan) === JSON.stringify(read(a[1])) && l.plan.releases.length === 11; })()' \
  share_check "A's first link starts with the share link address A set and decodes to the plan it shared, named, without a base" "$share/a/link0.txt" "$share/a/shared0.plan.json"
SHARE_CHECK='(() => { const l0 = link(a[0]), l1 = link(a[1]), l2 = link(a[2]); return l1.b === l0.r && l2.b === l1.r && l1.plan.releases[0].name === "October (A)" && l2.plan.releases[3].name === "Mobile November (A)"; })()' \
  share_check "A's later links hold its edits and name the version of the link before as their base" "$share/a/link0.txt" "$share/a/link1.txt" "$share/a/link2.txt"
SHARE_CHECK='(() => { const fs = require("fs"); return [a[0], a[1], a[2]].every((f) => fs.existsSync(a[3] + "/snapshots/" + link(f).r + ".json")); })()' \
  share_check "A keeps each version it shared in its config folder's snapshots" "$share/a/link0.txt" "$share/a/link1.txt" "$share/a/link2.txt" "$share/config-a"
# B's script with A's links filled in (sed's replacement escaped: the links hold '&').
fill=()
for i in 0 1 2; do
  fill+=(-e "s|@LINK$i@|$(sed 's/[&|\\]/\\&/g' "$share/a/link$i.txt")|")
done
sed "${fill[@]}" "$e2e_dir/desktop_share_b.txt" > "$share/b/script.txt"
run_desktop_script "$build/native/relplan-desktop" "$share/b/b.plan.json" "$share/b/script.txt" "$share/b" "$share/config-b"
cat "$share/b/desktop.log" >> "$log"
SHARE_CHECK='(() => { const p = read(a[0]), n = p.releases.map((r) => r.name); return n[0] === "October (A)" && n[1] === "November (B)" && n[3] === "Mobile November" && !p.conflicts; })()' \
  share_check "B's clean three-way merge kept A's rename and B's own" "$share/b/round1.plan.json"
SHARE_CHECK='(() => { const p = read(a[0]), n = p.releases.map((r) => r.name); return n[0] === "October (A)" && n[1] === "November (B)" && n[3] === "Mobile November (A)" && !p.conflicts && p.releases.length === 11; })()' \
  share_check "B's saved plan holds both merges, A's value taken for the conflict, no conflict left" "$share/b/b.plan.json"
if "$build/native/relplan" plan validate "$share/b/b.plan.json" > "$share/b/validate.txt" 2>&1; then
  echo "ok   relplan plan validate accepts B's saved plan" | tee -a "$log"
else echo "FAIL relplan plan validate rejects B's saved plan (validate.txt)" | tee -a "$log"; fi

failed=$(grep -c '^FAIL' "$log")
desktop_summary "compare and merge"

#!/usr/bin/env bash
# A new user's first plan, from File > New to a saved file, without JSON or the CLI: in the page
# (page_new_plan.mjs, headless Chromium: also the share link) and in the desktop app
# (desktop_new_plan.txt under Xvfb, saved through the app's file dialog); each saved plan is checked.
# Screenshots: ARTIFACT_DIR/new-plan/{page,desktop}/*.png.
#   tests/e2e/new_plan_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
page_run page_new_plan.mjs "$build/web/page" "$artifacts"
desktop_dir "$artifacts/new-plan/desktop"
today=$(date -u +%F)
sed -e "s|@TODAY@|$today|g" -e "s|@OUT@|$out|g" "$e2e_dir/desktop_new_plan.txt" > "$out/new_plan.txt"
export RELPLAN_FILE_DIALOG=builtin  # the app's own file dialog, whatever the machine has
run_desktop_script "$build/native/relplan-desktop" "$e2e_dir/../../assets/examples/acme.plan.json" "$out/new_plan.txt" "$out"
failed=$(grep -c '^FAIL' "$log")
if node -e '
  const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")), today = process.argv[2];
  const train = (p.trains || [])[0] || {};
  const hotfix = p.releases.find((r) => r.type === "hotfix") || {};
  const problems = [];
  if (p.project.name !== "Acme Cloud" || !p.project.id) problems.push("project " + JSON.stringify(p.project));
  if (JSON.stringify(p.components.map((c) => [c.id, c.name])) !== "[[\"api\",\"API\"],[\"web\",\"Web app\"]]") problems.push("components");
  if (!/^monthly/.test(train.cadence) || train.code_freeze_days !== 3) problems.push("train " + JSON.stringify(train));
  if (p.releases.filter((r) => r.train === train.id && r.code_freeze).length !== 6) problems.push("train releases");
  if (hotfix.name !== "Login hotfix" || hotfix.release_date !== today) problems.push("hotfix " + JSON.stringify(hotfix));
  const aud = (hotfix.changes || []).map((c) => c.audience || "technical").join(",");
  if (aud !== "technical,customer,end-user") problems.push("change audiences " + aud);
  if (problems.length) { console.log(problems.join("; ")); process.exit(1); }
' "$out/acme-cloud.plan.json" "$today" >> "$log" 2>&1; then
  echo "ok   the saved plan holds the project, components, train, hotfix and changes" | tee -a "$log"
else
  echo "FAIL the saved plan ($out/acme-cloud.plan.json) is not what was built: $(tail -1 "$log")" | tee -a "$log"; failed=$((failed+1))
fi
desktop_summary "new plan"

#!/usr/bin/env bash
# Habits end to end, in the page (page_habits.mjs, headless Chromium) and in the desktop app
# (desktop_habits.txt under Xvfb): overdue flags on the calendar and the timeline, the right-click
# menu on releases, Escape/Enter in dialogs, Ctrl+Z in a text field.
# Screenshots: ARTIFACT_DIR/habits/{page,desktop}/*.png.
#   tests/e2e/habits_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
page_run page_habits.mjs "$build/web/page" "$artifacts"
desktop_dir "$artifacts/habits/desktop"
node "$e2e_dir/habits_plan.mjs" > "$out/habits.plan.json"
run_desktop_script "$build/native/relplan-desktop" "$out/habits.plan.json" "$e2e_dir/desktop_habits.txt" "$out"
failed=$(grep -c '^FAIL' "$log")
name_in() {  # the late release's name in a plan file
  node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           console.log(p.releases.find((r) => r.id === "late").name)' "$1" 2>/dev/null
}
if [ "$(name_in "$out/typed.plan.json")" = "Late draft" ] && [ "$(name_in "$out/after-text-undo.plan.json")" = "Late" ]; then
  echo "ok   Ctrl+Z in the name field undid the typing" | tee -a "$log"
else
  echo "FAIL Ctrl+Z in the name field left the typing in the plan" | tee -a "$log"; failed=$((failed+1))
fi
[ -f "$out/05-move-preview.png" ] || { echo "FAIL the desktop run left no screenshots"; failed=$((failed+1)); }
desktop_summary habits

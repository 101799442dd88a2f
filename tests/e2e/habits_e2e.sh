#!/usr/bin/env bash
# Habits end to end, in the page (page_habits.mjs, headless Chromium) and in the desktop app
# (desktop_habits.txt under Xvfb): overdue flags on the calendar and the timeline, the right-click
# menu on releases, Escape/Enter in dialogs, Ctrl+Z in a text field.
# Screenshots: ARTIFACT_DIR/habits/{page,desktop}/*.png.
#   tests/e2e/habits_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/desktop_script.sh"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
page_rc=0
node "$here/page_habits.mjs" "$build/web/page" "$artifacts" || page_rc=1

echo
out=$artifacts/habits/desktop
rm -rf "$out"
mkdir -p "$out"
node "$here/habits_plan.mjs" > "$out/habits.plan.json"
log=$out/desktop.log
run_desktop_script "$build/native/relplan-desktop" "$out/habits.plan.json" "$here/desktop_habits.txt" "$out"
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
echo "habits (desktop): $(grep -c '^ok ' "$log") passed, $failed failed"
[ $page_rc = 0 ] && [ "$failed" = 0 ]

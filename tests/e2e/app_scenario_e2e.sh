#!/usr/bin/env bash
# The app scenario end to end: open the example plan, add a release, change its type
# (milestones follow), move it to a Saturday (one more conflict), edit a change (the notes preview
# follows), undo, export, reload/restart (the autosaved plan is back), open a share link (page), and
# hostile files dropped on the app (a message, the plan unchanged).
#   page:    headless Chromium with real mouse and keyboard events (page_scenario.mjs)
#   desktop: relplan-desktop --script desktop_scenario.txt under Xvfb, then a restart on the same
#            config directory (desktop_restart.txt), then a drop of a FIFO (must not hang)
# Screenshots of every step: ARTIFACT_DIR/scenario/{page,desktop}/NN-step.png.
#   tests/e2e/app_scenario_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
bin=$build/native/relplan-desktop
page_run page_scenario.mjs "$build/web/page" "$artifacts"
desktop_dir "$artifacts/scenario/desktop"
: > "$log"
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
# Every run is bounded: a hang fails the test instead of stalling `make test`.
# Exit 1 is a failed expectation (its FAIL line is in the log); anything else is reported here.
desktop() {  # desktop SCRIPT [SECONDS]
  RELPLAN_CONFIG_DIR=$config xvfb-run -a -s "-screen 0 1440x900x24" \
    timeout "${2:-300}" "$bin" --script "$1" --out "$out" --theme light --size 1440x900 2>&1 | tee -a "$log"
  local rc=${PIPESTATUS[0]}
  case $rc in
    0|1) ;;
    124) note "FAIL relplan-desktop --script $(basename "$1") did not finish within ${2:-300} s" ;;
    *) note "FAIL relplan-desktop --script $(basename "$1") exited with status $rc" ;;
  esac
}
note() { echo "$1" | tee -a "$log"; }

# The scenario's dates, and the hostile files the script drops.
subst=()
while IFS='=' read -r k v; do subst+=(-e "s/@$k@/$v/g"); done < <(node "$e2e_dir/scenario_expect.mjs" dates)
sed "${subst[@]}" "$e2e_dir/desktop_scenario.txt" > "$out/scenario.txt"
node -e '
  const fs = require("fs"), dir = process.argv[1];
  const junk = Buffer.alloc(65536);
  let x = 2463534242;
  for (let i = 0; i < junk.length; ++i) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; junk[i] = x & 255; }
  fs.writeFileSync(dir + "/garbage.json", junk);
  fs.writeFileSync(dir + "/holidays.ics", junk.subarray(0, 4096));
  fs.writeFileSync(dir + "/deep.json", "[".repeat(100000));
  const plan = fs.readFileSync(process.argv[2], "utf8");
  fs.writeFileSync(dir + "/truncated.plan.json", plan.slice(0, plan.length >> 1));
' "$out" "$e2e_dir/../../assets/examples/acme.plan.json"
truncate -s 65M "$out/huge.plan.json"   # above the 64 MiB plan cap (sparse: no disk used)
mkdir -p "$out/a-folder.json"

desktop "$out/scenario.txt"
[ -s "$out/initial.plan.json" ] && [ -s "$out/exported.plan.json" ] &&
  node "$e2e_dir/scenario_expect.mjs" check-export "$out/initial.plan.json" "$out/exported.plan.json" | tee -a "$log"
if cmp -s "$out/exported.plan.json" "$out/after-drops.plan.json"; then note "ok   the dropped files left the plan as exported"
else note "FAIL the dropped files changed the plan (after-drops.plan.json differs from exported.plan.json)"; fi

desktop "$e2e_dir/desktop_restart.txt"
if cmp -s "$out/exported.plan.json" "$out/recovered.plan.json"; then note "ok   the restarted app recovered the plan as exported"
else note "FAIL the restarted app did not recover the plan as exported (recovered.plan.json)"; fi

# A FIFO dropped on the window must not freeze the app: opening one for reading blocks until a writer
# appears, so a writer comes after 15 s to unblock it, and the run must end well before that.
mkfifo "$out/pipe.json"
printf '%s\n' 'wait 3' 'click message.ok' 'drop pipe.json' 'wait 2' 'expect-fact message ~pipe.json' \
  'shot 14-drop-fifo' > "$out/fifo.txt"  # the message first dismissed: the restart's recovery notice
( sleep 15; timeout 10 sh -c ': > "$1"' sh "$out/pipe.json" ) &
writer=$!
t0=$SECONDS
desktop "$out/fifo.txt" 60
if [ $((SECONDS - t0)) -ge 15 ]; then note "FAIL dropping a FIFO froze the desktop app for $((SECONDS - t0)) s (until something wrote to it)"
else note "ok   dropping a FIFO does not freeze the desktop app"; fi
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
rm -f "$out/pipe.json" "$out/huge.plan.json"
rmdir "$out/a-folder.json" 2>/dev/null

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^FAIL' "$log")
[ -f "$out/13-restart-recovered.png" ] || { echo "FAIL the desktop runs left no screenshots"; failed=$((failed+1)); }
echo "app scenario (desktop): $passed passed, $failed failed"
[ $page_rc = 0 ] && [ "$failed" = 0 ]

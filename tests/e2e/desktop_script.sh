# Sourced by the e2e scripts that run a scenario in the page and then in the desktop app: the page
# run, the desktop run's directory, the desktop script player and the closing summary.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
e2e_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
page_rc=0

# page_run SCRIPT ARGS...: the page scenario tests/e2e/SCRIPT under node, then a blank line; page_rc
# becomes 1 when it fails.
page_run() {
  node "$e2e_dir/$1" "${@:2}" || page_rc=1
  echo
}

# desktop_dir DIR: DIR emptied for the desktop run; out names it and log its desktop.log.
desktop_dir() {
  out=$1 log=$1/desktop.log
  rm -rf "$out"
  mkdir -p "$out"
}

# desktop_summary NAME: "NAME (desktop): N passed, M failed" (N counted in $log, M is $failed);
# succeeds only when the page run and the desktop run both passed.
desktop_summary() {
  echo "$1 (desktop): $(grep -c '^ok ' "$log") passed, $failed failed"
  [ "$page_rc" = 0 ] && [ "$failed" = 0 ]
}

# run_desktop_script BIN PLAN SCRIPT OUT [CONFIG]: plays a relplan-desktop script under Xvfb with a
# fresh config directory, or with CONFIG (kept, for a profile used again or inspected afterwards).
# The run's lines, and a FAIL line when it hung or crashed, go to OUT/desktop.log and to stdout.
run_desktop_script() {
  local bin=$1 plan=$2 script=$3 out=$4 config=${5:-} rc
  [ -n "$config" ] || config=$(mktemp -d)
  RELPLAN_CONFIG_DIR=$config xvfb-run -a -s "-screen 0 1440x900x24" \
    timeout 300 "$bin" --plan "$plan" --script "$script" --out "$out" --theme light --size 1440x900 > "$out/desktop.log" 2>&1
  rc=$?
  [ -n "${5:-}" ] || rm -rf "$config"
  case $rc in
    0|1) ;;
    124) echo "FAIL relplan-desktop --script $(basename "$script") did not finish within 300 s" >> "$out/desktop.log" ;;
    *) echo "FAIL relplan-desktop --script $(basename "$script") exited with status $rc" >> "$out/desktop.log" ;;
  esac
  cat "$out/desktop.log"
}

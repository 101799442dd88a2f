# Sourced by the e2e scripts: plays a relplan-desktop script under Xvfb with a fresh config directory.
#   run_desktop_script BIN PLAN SCRIPT OUT
# The run's lines, and a FAIL line when it hung or crashed, go to OUT/desktop.log and to stdout.
run_desktop_script() {
  local bin=$1 plan=$2 script=$3 out=$4 config rc
  config=$(mktemp -d)
  RELPLAN_CONFIG_DIR=$config xvfb-run -a -s "-screen 0 1440x900x24" \
    timeout 300 "$bin" --plan "$plan" --script "$script" --out "$out" --theme light --size 1440x900 > "$out/desktop.log" 2>&1
  rc=$?
  rm -rf "$config"
  case $rc in
    0|1) ;;
    124) echo "FAIL relplan-desktop --script $(basename "$script") did not finish within 300 s" >> "$out/desktop.log" ;;
    *) echo "FAIL relplan-desktop --script $(basename "$script") exited with status $rc" >> "$out/desktop.log" ;;
  esac
  cat "$out/desktop.log"
}

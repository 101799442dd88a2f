#!/usr/bin/env bash
# make test: every test suite, in order, each printing its own summary; a final table; non-zero exit
# when any suite failed. `tools/test.sh sanitize` runs only the ASan+UBSan suite; `screenshots` only
# refreshes the README screenshots.
set -u
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
export RELPLAN_NPM=$PWD/build/npm/node_modules
artifacts=$PWD/build/artifacts
mkdir -p "$artifacts"
results=()
failed=0

suite() {  # suite NAME COMMAND...
  local name=$1; shift
  echo
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then results+=("pass  $name ($((SECONDS-t0)) s)")
  else results+=("FAIL  $name ($((SECONDS-t0)) s)"); failed=1; fi
}

summary() {
  echo
  echo "=== summary"
  printf '%s\n' "${results[@]}"
  [ $failed = 0 ] && echo "all test suites passed" || echo "some test suites FAILED"
  exit $failed
}

sanitize_suite() {
  tools/step.sh "configure sanitizer build" cmake --preset sanitize &&
  tools/step.sh "build with ASan+UBSan" cmake --build --preset sanitize -j "$(nproc)" &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset sanitize -E 'desktop_smoke'
}

case "${1:-all}" in
  sanitize) suite "sanitizers: core + CLI tests under ASan+UBSan" sanitize_suite; summary ;;
  screenshots)
    suite "desktop screenshot" tests/e2e/desktop_smoke.sh build/native/relplan-desktop "$artifacts"
    suite "page screenshot" node tests/e2e/page_test.mjs build/web/page "$artifacts"
    suite "desktop timeline screenshot (dark)" env RELPLAN_CONFIG_DIR="$(mktemp -d)" xvfb-run -a -s "-screen 0 1440x900x24" \
      build/native/relplan-desktop --screenshot "$artifacts/desktop-timeline.png" --frames 8 --theme dark --tab timeline
    cp "$artifacts/desktop.png" docs/screenshots/desktop.png && cp "$artifacts/page.png" docs/screenshots/page.png &&
      cp "$artifacts/desktop-timeline.png" docs/screenshots/desktop-timeline.png
    summary ;;
esac

suite "native: core and UI unit tests, CLI, size report, desktop smoke (ctest)" ctest --preset native
suite "wasm: core and UI unit tests under node (ctest)" ctest --preset web
suite "page: headless Chromium" node tests/e2e/page_test.mjs build/web/page "$artifacts"
suite "page: tabs, history, share links, text input, fallback fonts" node tests/e2e/page_host_test.mjs build/web/page "$artifacts"
suite "page: a second tab on one plan (copy or read-only), leaving with unsaved work" node tests/e2e/page_second_tab.mjs build/web/page "$artifacts"
if [ -x build/native/semver_driver ]; then
  suite "semver: differential against npm semver" node tests/differential/semver_diff.mjs build/native/semver_driver
fi
if [ -x build/native/impact_driver ]; then
  suite "impact: differential against npm semver" node tests/differential/impact_diff.mjs build/native/impact_driver
fi
suite "replay: next-version names the tags of real release histories" node tests/replay/replay.mjs build/native/relplan
for t in tests/e2e/*_e2e.sh; do
  [ -e "$t" ] || continue
  suite "e2e: $(basename "$t" .sh)" "$t" "$PWD/build" "$artifacts"
done
suite "safety: CLI under ulimit -v (4x input + 64 MiB)" tests/safety/ulimit_cli_test.sh build/native/relplan
suite "sanitizers: core + CLI tests under ASan+UBSan" sanitize_suite
if [ -x tools/fuzz.sh ]; then suite "fuzz: every parser, short runs" tools/fuzz.sh short; fi
summary

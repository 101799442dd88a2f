#!/usr/bin/env bash
# Consumers and support windows end to end: the impact panel, the impact column and the support chart
# in the page (page_lifecycle.mjs, headless Chromium) and in the desktop app (desktop_lifecycle.txt
# under Xvfb), each with a real package.json dropped on it.
# Screenshots: ARTIFACT_DIR/page-{impact,support}.png, ARTIFACT_DIR/lifecycle/desktop/*.png.
#   tests/e2e/lifecycle_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../data/lifecycle
. "$here/desktop_script.sh"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
page_rc=0
node "$here/page_lifecycle.mjs" "$build/web/page" "$artifacts" "$data" || page_rc=1

echo
out=$artifacts/lifecycle/desktop
rm -rf "$out"
mkdir -p "$out/eslint"
cp "$data/eslint-8.57.0.package.json" "$out/eslint/package.json"
log=$out/desktop.log
run_desktop_script "$build/native/relplan-desktop" "$data/debug.plan.json" "$here/desktop_lifecycle.txt" "$out"
failed=$(grep -c '^FAIL' "$log")
[ -f "$out/lifecycle-02-support.png" ] || { echo "FAIL the desktop run left no support chart screenshot"; failed=$((failed+1)); }
echo "lifecycle (desktop): $(grep -c '^ok ' "$log") passed, $failed failed"
[ $page_rc = 0 ] && [ "$failed" = 0 ]

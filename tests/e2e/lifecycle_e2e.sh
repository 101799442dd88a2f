#!/usr/bin/env bash
# Consumers and support windows end to end: the impact panel, the impact column and the support chart
# in the page (page_lifecycle.mjs, headless Chromium) and in the desktop app (desktop_lifecycle.txt
# under Xvfb), each with a real package.json dropped on it.
# Screenshots: ARTIFACT_DIR/page-{impact,support}.png, ARTIFACT_DIR/lifecycle/desktop/*.png.
#   tests/e2e/lifecycle_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
data=$e2e_dir/../data/lifecycle
page_run page_lifecycle.mjs "$build/web/page" "$artifacts" "$data"
desktop_dir "$artifacts/lifecycle/desktop"
mkdir -p "$out/eslint"
cp "$data/eslint-8.57.0.package.json" "$out/eslint/package.json"
run_desktop_script "$build/native/relplan-desktop" "$data/debug.plan.json" "$e2e_dir/desktop_lifecycle.txt" "$out"
failed=$(grep -c '^FAIL' "$log")
[ -f "$out/lifecycle-02-support.png" ] || { echo "FAIL the desktop run left no support chart screenshot"; failed=$((failed+1)); }
desktop_summary lifecycle

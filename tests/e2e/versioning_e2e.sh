#!/usr/bin/env bash
# Versioning settings and maintenance release lines end to end, in the page (page_versioning.mjs,
# headless Chromium) and in the desktop app (desktop_versioning.txt under Xvfb): the pre-1.0 preset,
# a release rule and a release line set through Project settings reach the plan, and the release
# editor's suggestion follows the line.
# Screenshots: ARTIFACT_DIR/page-versioning.png, ARTIFACT_DIR/versioning/desktop/*.png.
#   tests/e2e/versioning_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
. "$(dirname "$0")/desktop_script.sh"  # sets e2e_dir, this folder
page_run page_versioning.mjs "$build/web/page" "$artifacts"
desktop_dir "$artifacts/versioning/desktop"
run_desktop_script "$build/native/relplan-desktop" "$e2e_dir/../../assets/examples/acme.plan.json" \
  "$e2e_dir/desktop_versioning.txt" "$out"
failed=$(grep -c '^FAIL' "$log")
if [ -f "$out/versioning.plan.json" ]; then
  node "$e2e_dir/versioning_expect.mjs" "$out/versioning.plan.json" | tee -a "$log"
  failed=$((failed + ${PIPESTATUS[0]}))
else
  echo "FAIL the desktop run exported no plan" | tee -a "$log"; failed=$((failed+1))
fi
desktop_summary versioning

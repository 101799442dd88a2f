#!/usr/bin/env bash
# Screens a new user meets first, photographed in the page (page_screens.mjs, headless Chromium) for
# review and for the README: Help, Project settings, the date picker, notes beside their rendered
# preview, CJK and emoji text. Screenshots: ARTIFACT_DIR/screens/*.png.
#   tests/e2e/screens_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
node "$here/page_screens.mjs" "$build/web/page" "$artifacts"

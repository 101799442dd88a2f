#!/usr/bin/env bash
# Pasting a multi-commit `git log -z` in the page (page_paste.mjs, headless Chromium): every commit
# arrives through the paste event and the app's clipboard with its NUL bytes.
# Screenshot: ARTIFACT_DIR/paste/page-git-log.png.
#   tests/e2e/paste_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
node "$here/page_paste.mjs" "$build/web/page" "$artifacts"

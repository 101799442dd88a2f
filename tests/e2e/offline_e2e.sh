#!/usr/bin/env bash
# The page works offline and installs (service worker, manifest): tests/e2e/page_offline.mjs.
set -u
build=$1 artifacts=$2
exec node "$(dirname "$0")/page_offline.mjs" "$build/web/page" "$artifacts"

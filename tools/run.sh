#!/usr/bin/env bash
# make run: serve the page on 127.0.0.1:PORT and open the desktop app where a display exists.
set -u
cd "$(dirname "$0")/.."
port=${1:-8080}
desktop_pid=
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  build/native/relplan-desktop &
  desktop_pid=$!
  echo "relplan: desktop app started (pid $desktop_pid)"
else
  echo "relplan: no display found, so only the page is served (the desktop app needs X11 or Wayland)"
fi
trap '[ -n "$desktop_pid" ] && kill $desktop_pid 2>/dev/null; exit 0' INT TERM
node tools/serve.mjs build/web/page "$port"

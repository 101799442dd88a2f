#!/usr/bin/env bash
# Desktop smoke test: the real GL window under Xvfb renders the example plan and writes a screenshot.
set -u
bin=$1 out_dir=$2
mkdir -p "$out_dir"
png="$out_dir/desktop.png"
rm -f "$png"
export RELPLAN_CONFIG_DIR=$(mktemp -d)
if ! xvfb-run -a -s "-screen 0 1440x900x24" "$bin" --screenshot "$png" --frames 8 --theme light; then
  echo "FAIL relplan-desktop exited non-zero"; exit 1
fi
size=$(stat -c %s "$png" 2>/dev/null || echo 0)
# A blank window compresses to a few kB; the drawn workspace is far larger.
if [ "$size" -lt 30000 ]; then echo "FAIL $png is $size bytes: the window looks blank"; exit 1; fi
echo "desktop smoke: ok ($png, $size bytes)"
rm -rf "$RELPLAN_CONFIG_DIR"

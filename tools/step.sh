#!/usr/bin/env bash
# Runs one build step quietly; on failure shows the tail of its log and names the step.
set -uo pipefail
what=$1; shift
log=$(mktemp -t relplan-step.XXXXXX)
if "$@" >"$log" 2>&1; then
  grep -E '^\[[0-9]+/[0-9]+\] Linking' "$log" | sed 's/^/  /' || true
  rm -f "$log"; exit 0
fi
echo "relplan: step failed: $what" >&2
echo "  command: $*" >&2
grep -nE 'error|Error|ERROR' "$log" | head -n 30 >&2
echo "  --- last lines of the log ($log) ---" >&2
tail -n 25 "$log" >&2
echo "  fix: read the first error above; 'make deps' reinstalls missing tools; 'rm -rf build/<preset>' forces a clean configure" >&2
exit 1

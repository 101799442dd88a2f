#!/usr/bin/env bash
# make bench: benchmarks (never a pass/fail test). Prints the table; writes build/bench.md for BENCHMARKS.md.
set -eu
cd "$(dirname "$0")/.."
export RELPLAN_NPM=$PWD/build/npm/node_modules
node tools/bench/bench.mjs build --runs "${RUNS:-5}" --markdown build/bench.md
if [ -x build/native/relplan-desktop ] && command -v xvfb-run >/dev/null && [ -f build/bench/big.plan.json ]; then
  echo
  echo "desktop frame times, 10,000-release plan:"
  xvfb-run -a build/native/relplan-desktop --plan build/bench/big.plan.json --bench-frames 300
fi

#!/usr/bin/env bash
# make bench: benchmarks (never a pass/fail test). Prints the table; writes build/bench.md for BENCHMARKS.md.
#   RUNS=N       runs per figure (default 5; long ones stop earlier, see tools/bench/bench.mjs)
#   ONLY=a,b     only these workloads: semver, page, plan, notes, calendar, team; or ONLY=scale
# Needs `make native web` (the Makefile's bench target does both) and the npm peers in build/npm.
# Everything it makes goes to build/bench: generated inputs, the plan_bench executables, screenshots.
set -eu
cd "$(dirname "$0")/.."
export RELPLAN_NPM=$PWD/build/npm/node_modules
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
mkdir -p build/bench

# plan_bench: the core's import/validate/export timed in one process, against the libraries `make native`
# and `make web` built (native: the CLI's -O2 build; WASM: the page's release build). Rebuilt when a
# source or library is newer than the executable.
stale() {  # stale OUT IN...
  local out=$1; shift
  [ -e "$out" ] || return 0
  for f in "$@"; do [ "$f" -nt "$out" ] && return 0; done
  return 1
}
src=tools/bench/plan_bench.cpp
shared=tools/bench/bench_support.hpp
nat=(build/native/core/lib/librelplan_core.a build/native/core/lib/librelplan_core_assets.a)
web=(build/web/core/lib/librelplan_core.a build/web/core/lib/librelplan_core_assets.a)
if [ -f "${nat[0]}" ] && stale build/bench/plan_bench "$src" "$shared" "${nat[@]}"; then
  echo "bench: building build/bench/plan_bench (g++)"
  g++ -O2 -DNDEBUG -std=c++20 -DFMT_SHARED -Icore/lib -isystem build/native/third_party/include \
    "$src" "${nat[@]}" -lfmt -o build/bench/plan_bench
fi
if [ -f "${web[0]}" ] && command -v em++ >/dev/null && stale build/bench/plan_bench.js "$src" "$shared" "${web[@]}"; then
  echo "bench: building build/bench/plan_bench.js (em++)"
  em++ -O3 -DNDEBUG -std=c++20 -DFMT_HEADER_ONLY -Icore/lib -isystem build/web/third_party/include \
    "$src" "${web[@]}" -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 \
    -o build/bench/plan_bench.js
fi

# team_bench: diff and merge engines timed in one process, against `make native`'s core library.
if [ -f "${nat[0]}" ] && stale build/bench/team_bench tools/bench/team_bench.cpp "$shared" "${nat[@]}"; then
  echo "bench: building build/bench/team_bench (g++)"
  g++ -O2 -DNDEBUG -std=c++20 -DFMT_SHARED -Icore/lib -isystem build/native/third_party/include \
    tools/bench/team_bench.cpp "${nat[@]}" -lfmt -o build/bench/team_bench
fi

# A partial run (ONLY=...) writes its table beside the full one instead of over it. ONLY=scale runs only
# the scaling table (tools/bench/scale.sh: time and peak memory at 1k/10k/100k releases), which a full
# run writes to build/bench/scale.md after the main table.
only=() md=build/bench.md
[ -n "${ONLY:-}" ] && only=(--only "$ONLY") md=build/bench-partial.md
if [ "${ONLY:-}" != scale ]; then
  node tools/bench/bench.mjs build --runs "${RUNS:-5}" --markdown "$md" "${only[@]}"
fi
if [ -z "${ONLY:-}" ] || [ "$ONLY" = scale ]; then
  tools/bench/scale.sh build/native/relplan build/bench/scale.md "$RELPLAN_NPM"
fi

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14) and runs each one over its seed corpus.
#   tools/fuzz.sh short   every target over its regression corpus (tests/fuzz/corpus/<target>/), then
#                         a fixed number of runs (make test)
#   tools/fuzz.sh long    FUZZ_SECONDS per target, 600 by default (make fuzz FUZZ_SECONDS=60 for a
#                         short round); findings land in <build>/findings/
# FUZZ_BUILD_DIR chooses the build directory (build/fuzz by default); FUZZ_JOBS how many targets run at
# once (1 by default; make fuzz FUZZ_JOBS=2 halves the wall time on two cores). A crash prints the
# input's path; keep it as a named regression input in tests/fuzz/corpus/<target>/ (regression_<what>).
set -u
cd "$(dirname "$0")/.."
mode=${1:-short}
dir=${FUZZ_BUILD_DIR:-build/fuzz}
seconds=${FUZZ_SECONDS:-600}
tools/step.sh "configure fuzz build" cmake --preset fuzz -B "$dir" || exit 1
tools/step.sh "build fuzz targets" cmake --build "$dir" -j "$(nproc)" || exit 1
mkdir -p "$dir/findings"
jobs=${FUZZ_JOBS:-1}

# fuzz_target BINARY: its regression corpus (short mode), then the fuzzing round; prints one ok/FAIL
# block and succeeds when the target found nothing.
fuzz_target() {
  local bin=$1 name area corpus limits
  name=$(basename "$bin"); area=${name#fuzz_}
  corpus=$dir/corpus/$area
  mkdir -p "$corpus"
  [ -d "tests/fuzz/corpus/$area" ] && cp -n tests/fuzz/corpus/$area/* "$corpus/" 2>/dev/null
  # The short round runs one fixed seed so that make test gives the same verdict every time; new
  # ground is the long round's job.
  if [ "$mode" = long ]; then limits=(-max_total_time="$seconds"); else limits=(-runs=20000 -max_total_time=60 -seed=1); fi
  # The regression corpus, each input once, whatever the accumulated corpus holds.
  if [ "$mode" != long ] && [ -d "tests/fuzz/corpus/$area" ] &&
     ! "$bin" tests/fuzz/corpus/$area/* >"$dir/$name.regression.log" 2>&1; then
    echo "FAIL $name: a regression input fails, see $dir/$name.regression.log"
    grep -E 'Running:|ERROR|SUMMARY' "$dir/$name.regression.log" | tail -n 5
    return 1
  fi
  if "$bin" "$corpus" "${limits[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$dir/findings/$name-" >"$dir/$name.log" 2>&1; then
    echo "ok   $name ($(grep -o 'Done [0-9]* runs' "$dir/$name.log" | tail -1))"
  else
    echo "FAIL $name: see $dir/$name.log"; tail -n 30 "$dir/$name.log"
    return 1
  fi
}

fails=0 count=0 running=0
for bin in "$dir"/tests/fuzz_*; do
  [ -x "$bin" ] || continue
  count=$((count+1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || fails=$((fails+1))
    running=$((running-1))
  fi
  fuzz_target "$bin" &
  running=$((running+1))
done
while [ "$running" -gt 0 ]; do
  wait -n || fails=$((fails+1))
  running=$((running-1))
done
echo "fuzz ($mode): $count targets, $fails failed"
[ $fails = 0 ]

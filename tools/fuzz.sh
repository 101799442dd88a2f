#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14) and runs each one over its seed corpus.
#   tools/fuzz.sh short   a fixed number of runs per target (make test)
#   tools/fuzz.sh long    5 minutes per target (make fuzz); findings land in build/fuzz/findings/
# A crash prints the input's path; turn it into a regression test under tests/.
set -u
cd "$(dirname "$0")/.."
mode=${1:-short}
tools/step.sh "configure fuzz build" cmake --preset fuzz || exit 1
tools/step.sh "build fuzz targets" cmake --build --preset fuzz -j "$(nproc)" || exit 1
mkdir -p build/fuzz/findings
fails=0 count=0
for bin in build/fuzz/tests/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin"); area=${name#fuzz_}
  corpus=build/fuzz/corpus/$area
  mkdir -p "$corpus"
  [ -d "tests/fuzz/corpus/$area" ] && cp -n tests/fuzz/corpus/$area/* "$corpus/" 2>/dev/null
  if [ "$mode" = long ]; then limits=(-max_total_time=300); else limits=(-runs=20000 -max_total_time=60); fi
  count=$((count+1))
  if "$bin" "$corpus" "${limits[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix=build/fuzz/findings/$name- >build/fuzz/$name.log 2>&1; then
    echo "ok   $name ($(grep -o 'Done [0-9]* runs' build/fuzz/$name.log | tail -1))"
  else
    echo "FAIL $name: see build/fuzz/$name.log"; tail -n 30 build/fuzz/$name.log; fails=$((fails+1))
  fi
done
echo "fuzz ($mode): $count targets, $fails failed"
[ $fails = 0 ]

#!/usr/bin/env bash
# Data safety: kill -9 in the middle of a save, many times, and check that nothing is ever lost.
#
# 1. save_victim saves 5 MB plans (a new generation each time, with PATH.bak kept, as the desktop
#    app saves) back to back; it is killed after a random delay. After every kill the file must be
#    exactly the last completed save or the one in flight, PATH.bak exactly the generation before
#    that or the same one, and at most the killed save's own temporary files may be left over; the
#    next save removes them.
# 2. Several processes with several threads each save one file at once: every save succeeds, the
#    file and its backup are whole, no temporary file is left.
# 3. `relplan plan fmt FILE --in-place` on a 5 MB minified plan, killed after a random delay: the
#    file is the original or the formatted plan, never anything else.
#
# Usage: save_kill_e2e.sh BUILD_DIR ARTIFACT_DIR (BUILD_DIR/native holds relplan and save_victim).
# SAVE_KILL_ITERATIONS (default 200) and FMT_KILL_ITERATIONS (default 40) set the number of kills.
set -u
build=$1 artifacts=$2
victim=$build/native/save_victim
relplan=$build/native/relplan
iterations=${SAVE_KILL_ITERATIONS:-200}
fmt_iterations=${FMT_KILL_ITERATIONS:-40}
work=$artifacts/save_kill
for bin in "$victim" "$relplan"; do
  [ -x "$bin" ] || { echo "save kill e2e: $bin is missing; build the native preset first"; exit 1; }
done
rm -rf "$work"
mkdir -p "$work"
fails=0
fail() { echo "FAIL $*"; fails=$((fails+1)); }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }
# Keeps the evidence of the first few failures.
keep() { [ $fails -le 3 ] && mkdir -p "$work/failure-$fails" && cp -p "$@" "$work/failure-$fails/" 2>/dev/null; }
temporaries() { local n=0 f; for f in "$1".tmp-*; do [ -e "$f" ] && n=$((n+1)); done; echo $n; }

# ---- 1. kill -9 during saves of 5 MB plans, with backup --------------------------------------------
t0=$(now_ms)
"$victim" save "$work/timing.json" --from 0 --count 3 >/dev/null || fail "timing saves"
save_ms=$(( ($(now_ms) - t0) / 3 + 1 ))
plan=$work/plan.json
"$victim" save "$plan" --from 0 --count 2 >/dev/null || fail "the first two saves"
target=1  # the generation in $plan
echo "one save of 5 MB takes about $save_ms ms; $iterations kills with delays of 0..$((2 * save_ms)) ms"
mid_write=0 mid_commit=0 after_rename=0 outside=0
for ((i = 1; i <= iterations; i++)); do
  log=$work/victim.log
  "$victim" save "$plan" --from $((target + 1)) >"$log" 2>"$work/victim.err" &
  pid=$!
  sleep_ms $((RANDOM % (2 * save_ms + 1)))
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if [ -s "$work/victim.err" ]; then fail "iteration $i: the victim reported $(cat "$work/victim.err")"; fi
  last=$(tail -n 1 "$log")
  [[ $last =~ ^[0-9]+$ ]] || last=$target
  # Classify where the kill landed before anything touches the directory.
  left=$(temporaries "$plan")
  partial=0
  for f in "$plan".tmp-*; do
    [ -e "$f" ] && [[ $f != *.bak ]] && [ "$(stat -c %s "$f")" -lt $((5 << 20)) ] && partial=1
  done
  if ! now=$("$victim" check "$plan" "$last" $((last + 1)) 2>"$work/check.err"); then
    fail "iteration $i: $(cat "$work/check.err")"; keep "$plan" "$plan".tmp-* "$log"
    now=$last
  fi
  if ! "$victim" check "$plan.bak" $((now - 1)) "$now" >/dev/null 2>"$work/check.err"; then
    fail "iteration $i: backup: $(cat "$work/check.err")"; keep "$plan.bak" "$log"
  fi
  if [ "$left" -gt 2 ]; then
    fail "iteration $i: $left temporary files next to the plan (a killed save leaves at most 2)"; ls -la "$work"
  fi
  if [ "$now" != "$last" ]; then after_rename=$((after_rename+1))
  elif [ $partial = 1 ]; then mid_write=$((mid_write+1))
  elif [ "$left" -gt 0 ]; then mid_commit=$((mid_commit+1))
  else outside=$((outside+1)); fi
  target=$now
done
echo "kills: $mid_write while writing the temporary file, $mid_commit after it was written (fsync, backup," \
     "rename), $after_rename after the rename, $outside between saves"
[ $((mid_write + mid_commit + after_rename)) -gt 0 ] || fail "no kill landed inside a save; the test proved nothing"
"$victim" save "$plan" --from $((target + 1)) --count 1 >/dev/null || fail "a save after the kills"
"$victim" check "$plan" $((target + 1)) >/dev/null || fail "the plan after the final save"
"$victim" check "$plan.bak" "$target" >/dev/null || fail "the backup after the final save"
[ "$(temporaries "$plan")" = 0 ] || { fail "the next save did not remove the temporary files of killed saves"; ls -la "$work"; }

# ---- 2. concurrent savers: 3 processes x 3 threads, 4 saves each ---------------------------------
shared=$work/shared.json
pids=()
for p in 0 1 2; do
  "$victim" save "$shared" --from $((1000 * p)) --count 4 --threads 3 --size-mb 1 >/dev/null 2>"$work/shared-$p.err" &
  pids+=($!)
done
for p in 0 1 2; do
  wait "${pids[$p]}" || fail "concurrent saver $p: $(cat "$work/shared-$p.err")"
done
# Thread t of process p saves 1000p + 4t ... 1000p + 4t + 3; the last rename wins.
finals=() all=()
for p in 0 1 2; do for t in 0 1 2; do
  finals+=($((1000 * p + 4 * t + 3)))
  for s in 0 1 2 3; do all+=($((1000 * p + 4 * t + s))); done
done; done
"$victim" check "$shared" "${finals[@]}" --size-mb 1 >/dev/null 2>"$work/check.err" || fail "concurrent saves: $(cat "$work/check.err")"
"$victim" check "$shared.bak" "${all[@]}" --size-mb 1 >/dev/null 2>"$work/check.err" || fail "concurrent saves, backup: $(cat "$work/check.err")"
[ "$(temporaries "$shared")" = 0 ] || { fail "concurrent saves left temporary files"; ls -la "$work"; }

# ---- 3. kill -9 during relplan plan fmt --in-place -----------------------------------------------
minified=$work/minified.json formatted=$work/formatted.json file=$work/fmt.json
"$victim" print 7 >"$minified"
"$relplan" plan fmt "$minified" >"$formatted" || fail "relplan plan fmt of the 5 MB plan"
cmp -s "$minified" "$formatted" && fail "the minified plan is already canonical; fmt would not write"
fmt_ms=1
for run in 1 2 3; do  # the slowest of three runs: kills are aimed at its end, where the file is written
  cp "$minified" "$file"
  t0=$(now_ms)
  "$relplan" plan fmt "$file" --in-place || fail "relplan plan fmt --in-place"
  t=$(( $(now_ms) - t0 + 1 ))
  [ $t -gt $fmt_ms ] && fmt_ms=$t
done
cmp -s "$file" "$formatted" || fail "plan fmt --in-place did not write the formatted plan"
echo "plan fmt --in-place of 5 MB takes up to $fmt_ms ms; $fmt_iterations kills after $((fmt_ms / 2))..$((fmt_ms * 3 / 2)) ms"
original=0 done_fmt=0 tmp_left=0
for ((i = 1; i <= fmt_iterations; i++)); do
  cp "$minified" "$file"
  "$relplan" plan fmt "$file" --in-place 2>"$work/fmt.err" &
  pid=$!
  sleep_ms $((fmt_ms / 2 + RANDOM % (fmt_ms + 1)))
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  left=$(temporaries "$file")
  [ "$left" -gt 0 ] && tmp_left=$((tmp_left+1))
  if cmp -s "$file" "$minified"; then original=$((original+1))
  elif cmp -s "$file" "$formatted"; then done_fmt=$((done_fmt+1))
  else fail "fmt iteration $i: the file is neither the original nor the formatted plan ($(stat -c %s "$file") bytes)"; keep "$file"; fi
  [ "$left" -le 1 ] || fail "fmt iteration $i: $left temporary files (a killed save leaves at most 1)"
done
echo "fmt kills: file was the original $original times (a temporary file was left $tmp_left times), formatted $done_fmt times"
cp "$minified" "$file"
"$relplan" plan fmt "$file" --in-place || fail "plan fmt after the kills"
[ "$(temporaries "$file")" = 0 ] || fail "plan fmt did not remove the temporary files of killed runs"

rm -f "$work"/*.json "$work"/*.json.bak
echo "save kill e2e: $fails failed"
[ $fails = 0 ]

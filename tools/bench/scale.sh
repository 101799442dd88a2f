#!/usr/bin/env bash
# The scaling table of make bench: time and peak memory of each command at 1k, 10k and 100k releases
# (1, 16 and 64 MiB of commits), and the growth per x10 of input (near-linear work grows about 10x;
# up to 12 counts as near-linear; 100 would be quadratic). Also semver sort of a million versions with
# long pre-release tags and large numbers against node-semver's sort, whole process each.
#   tools/bench/scale.sh RELPLAN OUT.md [NODE_MODULES]
set -eu
bin=$1 md=$2 npm=${3:-}
dir=$(dirname "$md")/scale
mkdir -p "$dir"
gen="python3 $(dirname "$0")/gen_scale.py"

for n in 1000 10000 100000; do
  [ -s "$dir/plan-$n.json" ] || $gen plan $n "$dir/plan-$n.json"
  [ -s "$dir/changelog-$n.md" ] || $gen changelog $n "$dir/changelog-$n.md"
done
for m in 1 16 64; do
  # 64 MiB is the commit log limit; the largest input stays just under it.
  [ -s "$dir/commits-$m.z" ] || $gen commits $(( (m << 20) - 64 )) "$dir/commits-$m.z"
done
[ -s "$dir/versions-1m.txt" ] || $gen versions 1000000 "$dir/versions-1m.txt"

measure() {  # measure INPUT COMMAND... -> "SECONDS KIB EXIT"
  local input=$1; shift
  local rc=0
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" <"$input" >/dev/null 2>"$dir/err" || rc=$?
  echo "$(tail -1 "$dir/time") $rc"
}

row() {  # row NAME SIZE-LABELS INPUTS -- COMMAND... (INPUT read on stdin)
  local name=$1 labels=$2 inputs=$3; shift 4
  local cells="" prev_t="" prev_m="" ratios="" i=0
  for input in $inputs; do
    read -r t kib rc < <(measure "$input" "$@")
    local label; label=$(echo "$labels" | cut -d' ' -f$((i + 1)))
    cells+=" $t s, $((kib / 1024)) MiB$([ "$rc" = 0 ] || echo " (exit $rc)") |"
    if [ -n "$prev_t" ]; then
      ratios+=" $(python3 -c "import sys; a,b,c,d=map(float,sys.argv[1:]); print(f'{(b/a if a>=0.05 else float(\"nan\")):.1f} / {d/c:.1f}')" "$prev_t" "$t" "$prev_m" "$kib") |"
    fi
    prev_t=$t prev_m=$kib i=$((i + 1))
  done
  echo "| $name |$cells$ratios" | tee -a "$md"
}

p1=$dir/plan-1000.json p2=$dir/plan-10000.json p3=$dir/plan-100000.json
{
  echo "| command | 1k | 10k | 100k | x10 time / memory | x10 time / memory |"
  echo "|---|---|---|---|---|---|"
} >"$md"
row "plan validate" "1k 10k 100k" "$p1 $p2 $p3" -- "$bin" plan validate -
row "check" "1k 10k 100k" "$p1 $p2 $p3" -- "$bin" check - --today 2026-01-01
row "notes (one release)" "1k 10k 100k" "$p1 $p2 $p3" -- "$bin" notes - --release 1.0.1
row "ics" "1k 10k 100k" "$p1 $p2 $p3" -- "$bin" ics - --dtstamp 2026-01-01T00:00:00Z
row "changelog" "1k 10k 100k" "$p1 $p2 $p3" -- "$bin" changelog - --today 2026-01-01
row "import changelog" "1k 10k 100k" "$dir/changelog-1000.md $dir/changelog-10000.md $dir/changelog-100000.md" -- \
  "$bin" import changelog -
{
  echo
  echo "| command | 1 MiB | 16 MiB | 64 MiB | x16 time / memory | x4 time / memory |"
  echo "|---|---|---|---|---|---|"
} >>"$md"
c="$dir/commits-1.z $dir/commits-16.z $dir/commits-64.z"
row "import commits" "1 16 64" "$c" -- "$bin" import commits --release 9.0.0 --date 2026-01-01
row "next-version" "1 16 64" "$c" -- "$bin" next-version --current 1.0.0

echo >>"$md"
read -r t kib rc < <(measure "$dir/versions-1m.txt" "$bin" semver sort)
line="semver sort, 1,000,000 versions with long pre-release tags and large numbers: relplan $t s, $((kib / 1024)) MiB"
if [ -n "$npm" ] && [ -d "$npm/semver" ]; then
  npm=$(cd "$npm" && pwd)  # require() takes a relative path for a package name
  read -r nt nkib nrc < <(measure "$dir/versions-1m.txt" node -e "
    const semver = require('$npm/semver');
    const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
    process.stdout.write(semver.sort(lines).join('\n') + '\n');")
  [ "$nrc" = 0 ] || line+="; node-semver failed (exit $nrc)"
  line+="; node-semver $nt s, $((nkib / 1024)) MiB ($(python3 -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):.1f}')" "$t" "$nt")x)"
fi
echo "$line" | tee -a "$md"

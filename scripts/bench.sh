#!/usr/bin/env bash
# Whole-process timing of skill-audit on the shared corpus, beside a read floor and agnix.
#
#   scripts/bench.sh [DIR]        DIR defaults to ../shared/corpus (or /work/shared/corpus)
#
# Builds the release binary, warms the page cache, then times (median of $RUNS runs, default 5):
#   find DIR -type f | wc -l                                   (walk floor: list every file)
#   find DIR -type f -printf '%s %T@ %i\n' | wc -l            (stat floor: list every file with
#                                                               its size, time and inode)
#   find DIR -type f -print0 | xargs -0 cat > /dev/null        (read floor: read every file once,
#                                                               one thread)
#   skill-audit check DIR --format json --fail-on never --no-cache
#   skill-audit check DIR --ignore CR ... --no-cache           (the cost of the credential scan)
#   skill-audit check DIR ... with a warm result cache         (unchanged re-run)
#   agnix DIR --format json --max-files 0                      (if $AGNIX or
#                                                               /work/peers/agnix/bin/agnix exists)
# and prints medians, ratios to the read floor and peak RSS (with /usr/bin/time -v when
# available), plus the machine's load average before and after (the figures are only
# comparable on a quiet machine).
# Uses hyperfine when installed. Not run by the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
DIR="${1:-}"
if [[ -z "$DIR" ]]; then
  if [[ -d ../shared/corpus ]]; then DIR=../shared/corpus; else DIR=/work/shared/corpus; fi
fi
[[ -d "$DIR" ]] || { echo "no such folder: $DIR" >&2; exit 2; }

TARGET="${CARGO_TARGET_DIR:-target}"
echo "== building release binary (target dir: $TARGET)"
cargo build --release -p skill-audit >&2
SA="$TARGET/release/skill-audit"
[[ -x "$SA" ]] || { echo "no binary at $SA" >&2; exit 2; }

AG="${AGNIX:-}"
if [[ -z "$AG" && -x /work/peers/agnix/bin/agnix ]]; then AG=/work/peers/agnix/bin/agnix; fi
if [[ -n "$AG" && ! -x "$AG" ]]; then echo "AGNIX=$AG is not executable; skipping agnix" >&2; AG=""; fi

files=$(find "$DIR" -type f | wc -l)
bytes=$(du -sb "$DIR" | cut -f1)
echo "== corpus: $DIR ($files files, $((bytes / 1024 / 1024)) MB), $(nproc) cores, $RUNS runs each"

CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT
echo "== load before: $(uptime)"

# name -> command (run with bash -c)
declare -a NAMES CMDS
NAMES+=("walk-floor"); CMDS+=("find '$DIR' -type f | wc -l > /dev/null")
NAMES+=("stat-floor"); CMDS+=("find '$DIR' -type f -printf '%s %T@ %i\\n' | wc -l > /dev/null")
NAMES+=("read-floor"); CMDS+=("find '$DIR' -type f -print0 | xargs -0 cat > /dev/null")
NAMES+=("skill-audit"); CMDS+=("'$SA' check '$DIR' --format json --fail-on never --no-cache > /dev/null")
NAMES+=("skill-audit-no-CR"); CMDS+=("'$SA' check '$DIR' --ignore CR --format json --fail-on never --no-cache > /dev/null")
NAMES+=("skill-audit-cached"); CMDS+=("'$SA' check '$DIR' --format json --fail-on never --cache-dir '$CACHE' > /dev/null")
if [[ -n "$AG" ]]; then
  NAMES+=("agnix"); CMDS+=("'$AG' '$DIR' --format json --max-files 0 > /dev/null 2>&1 || true")
fi

echo "== warming the cache"
for c in "${CMDS[@]}"; do bash -c "$c" >/dev/null 2>&1 || true; done

declare -A MEDIAN_MS
median_loop() { # command -> median wall time in ms over $RUNS runs
  local cmd="$1" i t0 t1
  local -a times=()
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    bash -c "$cmd" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

if command -v hyperfine >/dev/null 2>&1; then
  export_json=$(mktemp)
  hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --style basic \
    --export-json "$export_json" "${CMDS[@]}" >&2
  for i in "${!NAMES[@]}"; do
    MEDIAN_MS[${NAMES[$i]}]=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median']*1000))" "$export_json" "$i")
  done
  rm -f "$export_json"
else
  for i in "${!NAMES[@]}"; do
    MEDIAN_MS[${NAMES[$i]}]=$(median_loop "${CMDS[$i]}")
  done
fi

peak_rss() { # command -> peak RSS in MB, or "n/a"
  if [[ -x /usr/bin/time ]]; then
    local log
    log=$(mktemp)
    /usr/bin/time -v bash -c "$1" >/dev/null 2>"$log" || true
    local kb
    kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")
    rm -f "$log"
    if [[ -n "$kb" ]]; then echo "$((kb / 1024)) MB"; return; fi
  fi
  echo "n/a"
}

echo
printf '%-20s %12s %12s %12s\n' "tool" "median" "vs read" "peak RSS"
floor=${MEDIAN_MS[read-floor]}
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}
  ms=${MEDIAN_MS[$name]}
  ratio=$(awk -v a="$ms" -v b="$floor" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
  rss=$(peak_rss "${CMDS[$i]}")
  printf '%-20s %9s ms %12s %12s\n' "$name" "$ms" "$ratio" "$rss"
done
awk -v a="${MEDIAN_MS[skill-audit-cached]}" -v b="${MEDIAN_MS[walk-floor]}" -v c="${MEDIAN_MS[stat-floor]}" \
  'BEGIN { if (b > 0 && c > 0) printf "\ncached re-run: %.2fx the walk floor, %.2fx the stat floor\n", a / b, a / c }'
echo "== load after: $(uptime)"
if [[ -n "${MEDIAN_MS[agnix]:-}" ]]; then
  awk -v a="${MEDIAN_MS[agnix]}" -v b="${MEDIAN_MS[skill-audit]}" \
    'BEGIN { if (b > 0) printf "\nskill-audit is %.1fx faster than agnix on this folder\n", a / b }'
fi

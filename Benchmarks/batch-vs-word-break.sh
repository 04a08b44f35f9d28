#!/usr/bin/env bash
# The whole conversion against ICU's word break alone, on the same files (issue 12):
# COUNT copies of the seed document (the ../shared/corpus/dev text with a gold file beside it,
# 8.4 kB), converted by `gongwen batch DIR --output OUT --jobs 1`, and the same files read,
# decoded and run through ICU's dictionary word break alone (`GongwenBenchmark
# --word-break-files DIR`, one process, one core). Both are timed as whole processes, so the
# batch pays its start-up (the lexicon) and the reference line its own. Then `--jobs 2`.
#
#   Benchmarks/batch-vs-word-break.sh [COUNT…]      # default: 500 5000
#   BIN=.build/release Benchmarks/batch-vs-word-break.sh   # binaries already built, as they are
#   TMPDIR=/dev/shm Benchmarks/batch-vs-word-break.sh       # files on tmpfs: no file-system noise
#
# Each setting runs ROUNDS times (default 3), interleaved, and keeps its fastest run; the load
# average is printed before and after, since wall time on a shared machine is noisy. Prints
# MB/s (10⁶ bytes of input per second) of each, the ratio batch / word break (the goal is at
# least 1.0; the ratio of CPU times, user + system, beside it, which a busy machine disturbs
# less), --jobs 2 over --jobs 1 (the goal is at least 1.8), peak resident memory, and
# checks that the batch wrote one complete output per input, each identical to
# `gongwen parse` of the seed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(500 5000)

if [ -n "${BIN:-}" ]; then
  bin="$BIN"
else
  swift build -c release --product gongwen >/dev/null
  swift build -c release --product GongwenBenchmark >/dev/null
  bin="$(swift build -c release --show-bin-path)"
fi

seed=""
for gold in ../shared/corpus/dev/*.gold.json; do
  [ -f "${gold%.gold.json}.txt" ] && seed="${gold%.gold.json}.txt" && break
done
[ -n "$seed" ] || { echo "no seed document (a .txt with a .gold.json) in ../shared/corpus/dev" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/gongwen" parse "$seed" >"$work/expected.json"

# Runs a command ROUNDS times; prints "best-wall-seconds cpu-seconds peak-kib" of the fastest.
# Before each run the output folder is removed and the caches are warm (the inputs were just
# read), so every run does the same work.
best_of() {
  local best="" line
  for ((r = 0; r < rounds; r++)); do
    rm -rf "$work/out"
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null
    end=$(date +%s%N)
    read -r user system kib <"$work/time"
    line="$(awk -v w="$(( end - start ))" -v u="$user" -v s="$system" -v k="$kib" \
      'BEGIN { printf "%.3f %.2f %d", w / 1e9, u + s, k }')"
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best="$line"; fi
  done
  echo "$best"
}

echo "gongwen $("$bin/gongwen" --version); $(swift --version 2>&1 | head -1); $(nproc) cores"
echo "seed: $seed ($(stat -c %s "$seed") bytes); best of $rounds runs each"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for count in "${counts[@]}"; do
  dir="$work/in-$count"
  mkdir -p "$dir"
  for ((i = 0; i < count; i++)); do cp "$seed" "$dir/$i.txt"; done
  bytes=$(( $(stat -c %s "$seed") * count ))
  cat "$dir"/*.txt >/dev/null

  icu=$(best_of "$bin/GongwenBenchmark" --word-break-files "$dir")
  batch1=$(best_of "$bin/gongwen" batch "$dir" --output "$work/out" --jobs 1 --quiet)
  batch2=$(best_of "$bin/gongwen" batch "$dir" --output "$work/out" --jobs 2 --quiet)

  # The last run's outputs (--jobs 2): one per input, each the seed's JSON.
  written=$(find "$work/out" -name '*.json' ! -name gongwen-report.json | wc -l)
  different=0
  for ((i = 0; i < count; i += 97)); do cmp -s "$work/out/$i.json" "$work/expected.json" || different=$((different + 1)); done

  awk -v n="$count" -v b="$bytes" -v icu="$icu" -v b1="$batch1" -v b2="$batch2" -v w="$written" -v d="$different" 'BEGIN {
    split(icu, i, " "); split(b1, one, " "); split(b2, two, " ")
    printf "\n%d files, %.2f MB\n", n, b / 1e6
    printf "  %-28s %7.3f s  %6.2f MB/s  cpu %5.2f s  peak %5.1f MiB\n", "decode + ICU word break", i[1], b / 1e6 / i[1], i[2], i[3] / 1024
    printf "  %-28s %7.3f s  %6.2f MB/s  cpu %5.2f s  peak %5.1f MiB\n", "gongwen batch --jobs 1", one[1], b / 1e6 / one[1], one[2], one[3] / 1024
    printf "  %-28s %7.3f s  %6.2f MB/s  cpu %5.2f s  peak %5.1f MiB\n", "gongwen batch --jobs 2", two[1], b / 1e6 / two[1], two[2], two[3] / 1024
    printf "  batch --jobs 1 / word break: %.2f× wall (goal ≥ 1.0), %.2f× CPU time\n", i[1] / one[1], i[2] / one[2]
    printf "  --jobs 2 / --jobs 1:         %.2f× wall (goal ≥ 1.8)\n", one[1] / two[1]
    printf "  outputs: %d of %d written, %d of the sampled ones differ from gongwen parse\n", w, n, d
  }'
  rm -rf "$dir"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

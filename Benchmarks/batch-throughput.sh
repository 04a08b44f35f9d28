#!/usr/bin/env bash
# Batch throughput with --jobs 1 and --jobs 2, and peak memory, on two generated archives:
#  - "small": COPIES copies of the corpus documents as they are (the project's Corpus/ and
#    ../shared/corpus/dev when present), 2 kB on average: per-file costs dominate;
#  - "large": 100 documents of about 500 kB, each the UTF-8 corpus documents joined end to
#    end: parsing dominates, which shows whether --jobs 2 uses two cores;
# for memory, the small archive four times over; and the small archive with --sync (a disk
# flush per output).
#
#   Benchmarks/batch-throughput.sh [COPIES]      # default 4000
#
# Prints one line per run: archive, jobs, wall seconds, CPU seconds (user+sys) and their ratio
# to the wall time, documents/s and MB/s from the run's report, and the peak resident set size
# from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-4000}"

swift build -c release --product gongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/gongwen"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t documents < <(find Corpus ../shared/corpus/dev -name '*.txt' 2>/dev/null | sort)
utf8=()
for file in "${documents[@]}"; do
  if iconv -f UTF-8 -t UTF-8 "$file" >/dev/null 2>&1 && ! grep -qP '\x00' "$file"; then utf8+=("$file"); fi
done

make_small() {
  local target="$1" count="$2"
  for ((i = 0; i < count; i++)); do
    folder="$target/set-$((i / 100))"
    [ -d "$folder" ] || mkdir -p "$folder"
    cp "${documents[i % ${#documents[@]}]}" "$folder/$i.txt"
  done
}

make_large() {
  local target="$1"
  mkdir -p "$target"
  for ((i = 0; i < 100; i++)); do
    local out="$target/$i.txt" k=$i
    : >"$out"
    while [ "$(stat -c %s "$out")" -lt 500000 ]; do
      cat "${utf8[k % ${#utf8[@]}]}" >>"$out"
      printf '\n' >>"$out"
      k=$((k + 1))
    done
  done
}

make_small "$work/small" "$copies"
make_small "$work/small4x" "$((copies * 4))"
make_large "$work/large"
echo "gongwen $("$binary" --version); $(swift --version 2>&1 | head -1); $(nproc) cores"
for archive in small large small4x; do
  echo "$archive: $(find "$work/$archive" -type f | wc -l) files, $(du -sb "$work/$archive" | cut -f1) bytes"
done

run() {
  local archive="$1" jobs="$2"
  shift 2
  rm -rf "$work/out"
  sync
  /usr/bin/time -v -o "$work/time" "$binary" batch "$work/$archive" --output "$work/out" --jobs "$jobs" --quiet "$@"
  python3 - "$work/out/gongwen-report.json" "$work/time" "$archive" "$jobs $*" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
time = dict(line.strip().rsplit(": ", 1) for line in open(sys.argv[2]) if ": " in line)
cpu = float(time["User time (seconds)"]) + float(time["System time (seconds)"])
wall = time["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
seconds = sum(float(part) * 60 ** index for index, part in enumerate(reversed(wall.split(":"))))
rss = int(time["Maximum resident set size (kbytes)"]) / 1024
print(f"{sys.argv[3]:8} jobs {sys.argv[4]}: {report['converted']} converted, {report['failed']} failed; "
      f"wall {seconds:.2f} s, cpu {cpu:.2f} s ({cpu / seconds:.0%} of one core); "
      f"{report['documentsPerSecond']} documents/s, {report['megabytesPerSecond']} MB/s; peak RSS {rss:.1f} MiB")
PY
}

for archive in small large; do
  for jobs in 1 2 1 2; do run "$archive" "$jobs"; done
done
run small4x 2
run small 1 --sync
run small 2 --sync

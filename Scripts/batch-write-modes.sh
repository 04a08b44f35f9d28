#!/usr/bin/env bash
# Per-file cost of gongwen batch's write modes: the default (atomic rename, no flush), --sync
# (outputs and renames durable, flushed in groups of 64) and --sync --sync-group 1 (two flushes
# per file). N small minutes (parsing costs little, so the write dominates) in a folder on the
# disk under test; each mode runs 3 times, the median is printed, per file in milliseconds.
#
#   Scripts/batch-write-modes.sh [GONGWEN] [N] [FOLDER]
set -euo pipefail
gongwen=${1:-.build/debug/gongwen}
count=${2:-2000}
folder=${3:-$(mktemp -d "${TMPDIR:-/tmp}/gongwen-write-modes.XXXXXX")}
mkdir -p "$folder/in"
for ((i = 0; i < count; i++)); do
  printf '会议纪要\n出席：王一明、李二华\n一、关于第%d项\n' "$i" > "$folder/in/$((i % 20))-$i.txt"
done
echo "$(df -T "$folder" | awk 'NR == 2 { print $2 " on " $1 }'), $count files, $gongwen"
for mode in "" "--sync" "--sync --sync-group 1"; do
  times=()
  for run in 1 2 3; do
    rm -rf "$folder/out"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$gongwen" batch "$folder/in" --output "$folder/out" --jobs 1 --quiet $mode
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  printf '%-24s %6.2f s  %6.3f ms/file\n' "${mode:-default}" "$median" "$(echo "$median * 1000 / $count" | bc -l)"
done
rm -rf "$folder"

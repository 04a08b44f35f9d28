#!/usr/bin/env bash
# Parsing time against input size: synthetic documents of about 1 MB and 10 MB (corpus documents
# joined end to end) parsed by the release build. A linear parser takes about ten times as
# long for the larger one; a quadratic path shows as a ratio near 100. Exits with status 1
# when the ratio is above 20.
#
#   Benchmarks/linear-growth.sh
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product gongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/gongwen"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# UTF-8 documents only: the corpus also has GB18030 and UTF-16 files, which cannot be joined.
documents=()
while IFS= read -r file; do
  if iconv -f UTF-8 -t UTF-8 "$file" >/dev/null 2>&1 && ! grep -qP '\x00' "$file"; then documents+=("$file"); fi
done < <(find Corpus ../shared/corpus/dev -name '*.txt' 2>/dev/null | sort)

make_document() {
  local target="$1" out="$2" i=0
  : >"$out"
  while [ "$(stat -c %s "$out")" -lt "$target" ]; do
    cat "${documents[i % ${#documents[@]}]}" >>"$out"
    printf '\n' >>"$out"
    i=$((i + 1))
  done
}

make_document 1000000 "$work/1mb.txt"
make_document 10000000 "$work/10mb.txt"

measure() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$binary" parse "$1" >/dev/null
  cat "$work/time"
}

read -r small small_rss < <(measure "$work/1mb.txt")
read -r large large_rss < <(measure "$work/10mb.txt")
echo "1 MB ($(stat -c %s "$work/1mb.txt") bytes): ${small} s, peak RSS $((small_rss / 1024)) MiB"
echo "10 MB ($(stat -c %s "$work/10mb.txt") bytes): ${large} s, peak RSS $((large_rss / 1024)) MiB"
python3 - "$small" "$large" <<'PY'
import sys
small, large = (float(value) for value in sys.argv[1:])
ratio = large / max(small, 0.01)
print(f"ratio {ratio:.1f} (10 for linear growth)")
sys.exit(1 if ratio > 20 else 0)
PY

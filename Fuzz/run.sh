#!/usr/bin/env bash
# Runs the fuzz target: a corpus seeded with every text of Corpus/ (and ../shared/corpus/dev
# when present) plus a few stream request lines, RUNS inputs (default 1,000,000), one job,
# inputs of up to MAX_LEN bytes (default 1024: the parser's cost grows with the input, and
# short inputs reach its branches as well).
# Findings (crash-*, timeout-*, oom-*) land in .build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
build=.build/fuzz
seeds="$build/seeds"
corpus="$build/corpus"
mkdir -p "$seeds" "$corpus" "$build/findings"
# PDF is left out: every input that starts like one runs pdftotext, a process per input.
find Corpus ../shared/corpus/dev -type f \( -name '*.txt' -o -name '*.html' -o -name '*.docx' -o -name '*.ofd' \) \
  -size -200k -exec cp {} "$seeds/" \; 2>/dev/null || true
printf '{"id": 12345678901234567890, "text": "会议纪要\\n出席：王一明"}' > "$seeds/request-text.jsonl"
printf '{"id": "a\\u0031", "path": "../x.txt"}' > "$seeds/request-path.jsonl"
# Leak detection is off: ZIPFoundation's Archive(data:) leaks its memory file on every ZIP-like
# input (see Docs/FUZZING.md), which would stop every run at the first DOCX seed.
"$build/gongwen-fuzz" "$corpus" "$seeds" -runs="$runs" -max_len="${MAX_LEN:-1024}" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
  -artifact_prefix="$build/findings/" -print_final_stats=1

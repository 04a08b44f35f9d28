#!/usr/bin/env bash
# Makes the format fixtures from the corpus's own texts: PDF and DOCX with LibreOffice, OFD
# and a saved web page with make-ofd.py / make-html.py, and the corrupt files the tests
# expect typed errors for. Needs soffice (libreoffice) and python3; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
source="../minutes/beilun-2022-05-26.txt"
name="beilun-2022-05-26"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$source" "$work/$name.txt"
filter='Text (encoded):UTF8,LF,,,'
soffice --headless --infilter="$filter" --convert-to pdf --outdir "$work" "$work/$name.txt" >/dev/null
soffice --headless --infilter="$filter" --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.txt" >/dev/null
cp "$work/$name.pdf" "$name.pdf"
cp "$work/$name.docx" "$name.docx"
python3 make-ofd.py "$source" "$name.ofd"
python3 make-html.py "$source" "$name.html"

# A PDF without a text layer: one empty page.
: > "$work/blank.txt"
soffice --headless --infilter="$filter" --convert-to pdf --outdir "$work" "$work/blank.txt" >/dev/null
cp "$work/blank.pdf" scan-without-text.pdf
# ZIP packages cut short.
head -c 300 "$name.docx" > truncated.docx
head -c 300 "$name.ofd" > truncated.ofd

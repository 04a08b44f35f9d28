#!/usr/bin/env bash
# Makes the format fixtures from the corpus's own texts: PDF and DOCX with LibreOffice, OFD
# and a saved web page with make-ofd.py / make-html.py, and the corrupt files the tests
# expect typed errors for. Needs soffice (libreoffice-writer), a CJK font (fonts-noto-cjk)
# and python3; run from anywhere.
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

# A PDF and a DOCX laid out as a printed 公文 (make-fodt.py): a title centred over two lines
# above the body, section numbers only in the paragraph styles' outline numbering.
laid_out="quanzhou-2022-09-06"
python3 make-fodt.py "../minutes/$laid_out.txt" "$work/$laid_out.fodt" 专题会议纪要
soffice --headless --convert-to pdf --outdir "$work" "$work/$laid_out.fodt" >/dev/null
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$laid_out.fodt" >/dev/null
cp "$work/$laid_out.pdf" "$laid_out.pdf"
cp "$work/$laid_out.docx" "$laid_out.docx"

# A PDF without a text layer: one empty page.
: > "$work/blank.txt"
soffice --headless --infilter="$filter" --convert-to pdf --outdir "$work" "$work/blank.txt" >/dev/null
cp "$work/blank.pdf" scan-without-text.pdf
# ZIP packages cut short.
head -c 300 "$name.docx" > truncated.docx
head -c 300 "$name.ofd" > truncated.ofd

"""Writes a minutes text as a flat OpenDocument text (.fodt) laid out as a printed 公文, for
LibreOffice to turn into PDF and DOCX:

- the title (the first line) centred in 22 pt, broken before TITLE_BREAK onto a second line,
  above a 16 pt body;
- the page number (`— 1 —`) in the footer, which readers drop;
- section headings (一、 （一） 1. （1）) with their markers taken out of the text and given
  back by LibreOffice's outline numbering, set on the paragraph styles only, as Word minutes
  keep them (in DOCX: numbering.xml, reached through styles.xml's w:numPr).

Usage: make-fodt.py SOURCE.txt TARGET.fodt TITLE_BREAK"""
import re, sys
from xml.sax.saxutils import escape

source, target, title_break = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(source, encoding="utf-8").read().split("\n")
chinese = "一二三四五六七八九十"
levels = [
    (re.compile(f"^[{chinese}]+、"), "一, 二, 三, ...", "", "、"),
    (re.compile(f"^（[{chinese}]+）"), "一, 二, 三, ...", "（", "）"),
    (re.compile(r"^[0-9]+\."), "1", "", "."),
    (re.compile(r"^（[0-9]+）"), "1", "（", "）"),
]


def spans(text):
    """Runs of two or more spaces as <text:s>, which ODF needs to keep them."""
    return re.sub(r" {2,}", lambda m: f'<text:s text:c="{len(m.group(0))}"/>', escape(text))


def outline_level(n, num_format, prefix, suffix):
    return (f'<text:outline-level-style text:level="{n}" style:num-format="{num_format}" '
            f'style:num-prefix="{prefix}" style:num-suffix="{suffix}">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" '
            'fo:margin-left="0cm"/></style:list-level-properties></text:outline-level-style>')


paragraph_style = ('<style:style style:name="{name}" style:family="paragraph"{extra}>'
                   '<style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="0.1cm"/>'
                   '<style:text-properties fo:font-size="{size}pt" style:font-size-asian="{size}pt"/></style:style>')
styles = [paragraph_style.format(name="Body", extra="", align="start", size=16),
          paragraph_style.format(name="Folio", extra="", align="center", size=14),
          paragraph_style.format(name="Title", extra="", align="center", size=22)]
for n in range(1, len(levels) + 1):
    styles.append(paragraph_style.format(
        name=f"Section{n}", extra=f' style:default-outline-level="{n}"', align="start", size=16))

body = []
title, rest = lines[0], lines[1:]
cut = title.index(title_break)
body.append(f'<text:p text:style-name="Title">{escape(title[:cut])}<text:line-break/>{escape(title[cut:])}</text:p>')
for line in rest:
    for n, (pattern, _, _, _) in enumerate(levels, start=1):
        match = pattern.match(line)
        if match:
            body.append(f'<text:h text:style-name="Section{n}" text:outline-level="{n}">'
                        f'{spans(line[match.end():])}</text:h>')
            break
    else:
        body.append(f'<text:p text:style-name="Body">{spans(line)}</text:p>')

document = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
{"".join(styles)}
<text:outline-style style:name="Outline">{"".join(outline_level(n, *level[1:]) for n, level in enumerate(levels, start=1))}</text:outline-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="3.7cm" fo:margin-bottom="1cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="2cm"/></style:footer-style>
</style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer>
<text:p text:style-name="Folio">— <text:page-number text:select-page="current">1</text:page-number> —</text:p>
</style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
"""
open(target, "w", encoding="utf-8").write(document)

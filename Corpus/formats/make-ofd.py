"""Writes a text as a minimal OFD package (GB/T 33190): one TextObject per line, glyphs
placed with DeltaX, 30 lines a page, a page number '- n -' in the footer (which readers drop)."""
import sys, zipfile
from xml.sax.saxutils import escape

source, target = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")
size, width, height = 3.5, 210, 297
per_page = 30
pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'

def text_object(ident, x, y, text):
    advances = " ".join(str(size if ord(c) > 127 else size / 2) for c in text[:-1])
    return (f'<ofd:TextObject ID="{ident}" Boundary="{x} {y} {width - x} {size * 1.4}" Font="1" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size}" DeltaX="{advances}">{escape(text)}</ofd:TextCode></ofd:TextObject>')

with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
               '<ofd:DocBody><ofd:DocInfo><ofd:DocID>fixture</ofd:DocID></ofd:DocInfo>'
               '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    page_list = "".join(f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
               f'<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width} {height}'
               f'</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>')
    ident = 100
    for n, page in enumerate(pages):
        objects = []
        for row, line in enumerate(page):
            if line.strip():
                ident += 1
                objects.append(text_object(ident, 20, 25 + row * 8, line))
        ident += 1
        objects.append(text_object(ident, 100, height - 15, f"- {n + 1} -"))
        z.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>'
                   f'<ofd:Content><ofd:Layer ID="{n + 1}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')

"""Writes a text as a saved web page: site chrome around the body, one <p> per line."""
import sys
from html import escape

source, target = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")
body = "\n".join(f"<p>{escape(line)}</p>" if line.strip() else "" for line in lines)
page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(lines[0])}</title></head>
<body>
<div class="article">
{body}
</div>
</body></html>
"""
open(target, "w", encoding="utf-8").write(page)

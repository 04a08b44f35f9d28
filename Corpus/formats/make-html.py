"""Writes a text as a saved web page: one <p> per line, inside the chrome a government site puts
around a document — a menu, a breadcrumb, print and close links, share buttons, a QR code, a
footer — with class names that say nothing, so that only the page's structure tells the body."""
import sys
from html import escape

source, target = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")
body = "\n".join(f"<p>{escape(line)}</p>" if line.strip() else "" for line in lines)
page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(lines[0])}</title></head>
<body>
<div class="b1"><a href="/"><img src="/images/logo.png" alt=""></a></div>
<div class="b2"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="b3">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/hyjy/">会议纪要</a></div>
<div class="b4">
{body}
</div>
<div class="b5"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="b6">分享到：<a href="#" title="微信"></a><a href="#" title="微博"></a><a href="#" title="QQ空间"></a></div>
<div class="b7"><img src="/images/qr.png" alt=""><p>扫一扫在手机打开当前页</p></div>
<div class="b8"><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></div>
</body></html>
"""
open(target, "w", encoding="utf-8").write(page)

import Foundation

/// A saved web page, read as a page: the head, scripts, styles and the site's chrome
/// (navigation, headers, footers, share and QR-code blocks) are cut away, and what is left —
/// `<p>`, `<br>`, `<td>` and character references — goes to the normaliser, which reads them
/// as line structure.
enum HTMLPage {
  /// Whether decoded text is a whole page: it opens with `<!DOCTYPE html` or `<html`.
  static func isPage(_ text: String) -> Bool {
    let head = text.prefix(512).drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(20).lowercased()
    return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
  }

  private static let removed: [NSRegularExpression] = [
    "<!--.*?-->", "<head[\\s>].*?</head>", "<script[\\s>].*?</script>", "<style[\\s>].*?</style>",
    "<nav[\\s>].*?</nav>", "<header[\\s>].*?</header>", "<footer[\\s>].*?</footer>",
    "<(div|p|ul)[^>]*(share|qrcode|ewm|erweima|fenxiang)[^>]*>.*?</\\1>",
    "<!doctype[^>]*>", "</?(html|body|meta|link)[^>]*>",
  ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive, .dotMatchesLineSeparators]) }

  /// The page without its head and chrome.
  static func body(of page: String) -> String {
    var text = page
    for expression in removed {
      text = expression.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }
    return HTMLBlocks.rejoin(text).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

import Foundation

/// A saved web page, read as a page: the head, scripts, styles, HTML5's `<nav>`, `<header>`
/// and `<footer>`, and the blocks ``HTMLBlocks`` tells as chrome by their structure (menus,
/// breadcrumbs, share and QR-code boxes) are cut away, and what is left — `<p>`, `<br>`,
/// `<td>` and character references — goes to the normaliser, which reads them as line
/// structure.
enum HTMLPage {
  /// Whether decoded text is a whole page: it opens with `<!DOCTYPE html` or `<html`, after
  /// white space and byte-order marks among its first 512 scalars.
  ///
  /// On scalars, not `Character`s: grapheme breaking over the first 512 characters of a
  /// Chinese text cost more than decoding the whole document.
  static func isPage(_ text: String) -> Bool {
    let head = text.unicodeScalars.prefix(512).drop { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
      .prefix(14).map { (0x41...0x5A).contains($0.value) ? Unicode.Scalar(UInt8($0.value) | 0x20) : $0 }
    return head.starts(with: "<!doctype html".unicodeScalars) || head.starts(with: "<html".unicodeScalars)
  }

  private static let removed: [NSRegularExpression] = [
    "<!--.*?-->", "<head[\\s>].*?</head>", "<script[\\s>].*?</script>", "<style[\\s>].*?</style>",
    "<nav[\\s>].*?</nav>", "<header[\\s>].*?</header>", "<footer[\\s>].*?</footer>",
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

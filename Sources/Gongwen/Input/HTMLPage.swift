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

  /// Elements cut with all they hold, and elements whose tags alone are cut.
  private static let cutWithContent = ["head", "script", "style", "nav", "header", "footer"].map(scalars)
  private static let cutTags = ["html", "body", "meta", "link"].map(scalars)

  /// The page without its head and chrome.
  static func body(of page: String) -> String {
    HTMLBlocks.rejoin(withoutHead(page)).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `page` without its comments, `<!doctype>`, the elements of `cutWithContent` with what
  /// they hold (up to the first closing tag that is not in a comment), and the tags of
  /// `cutTags` (and of longer names they begin, `<metadata>`); an element never closed is
  /// kept. One scan over the scalars, where a regular expression a kind cost more than
  /// parsing the text.
  static func withoutHead(_ page: String) -> String {
    let source = Array(page.unicodeScalars)
    var output = String.UnicodeScalarView()
    var i = 0
    scan: while i < source.count {
      guard source[i] == "<" else {
        output.append(source[i])
        i += 1
        continue
      }
      if matches(source, at: i, "<!--") {
        if let end = find(source, "-->", from: i + 4) {
          i = end
          continue
        }
      } else if matches(source, at: i, "<!doctype") {
        if let end = find(source, ">", from: i + 9) {
          i = end
          continue
        }
      } else {
        let closing = i + 1 < source.count && source[i + 1] == "/"
        let nameStart = i + (closing ? 2 : 1)
        if !closing {
          for name in cutWithContent where matches(source, at: nameStart, name) {
            let after = nameStart + name.count
            guard after < source.count, source[after] == ">" || source[after].properties.isWhitespace else { continue }
            if let end = closingTag(source, name, from: after) {
              i = end
              continue scan
            }
          }
        }
        if cutTags.contains(where: { matches(source, at: nameStart, $0) }), let end = find(source, ">", from: nameStart) {
          i = end
          continue
        }
      }
      output.append(source[i])
      i += 1
    }
    return String(output)
  }

  private static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

  /// Whether `source` holds `text` at `index`, ASCII letters in either case.
  private static func matches(_ source: [Unicode.Scalar], at index: Int, _ text: [Unicode.Scalar]) -> Bool {
    guard index + text.count <= source.count else { return false }
    for (offset, wanted) in text.enumerated() {
      let found = source[index + offset]
      if found != wanted && !(wanted.properties.isLowercase && found.value | 0x20 == wanted.value) { return false }
    }
    return true
  }

  private static func matches(_ source: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
    matches(source, at: index, scalars(text))
  }

  /// The index after the first `text` at or after `start`.
  private static func find(_ source: [Unicode.Scalar], _ text: String, from start: Int) -> Int? {
    let wanted = scalars(text)
    var index = start
    while index + wanted.count <= source.count {
      if matches(source, at: index, wanted) { return index + wanted.count }
      index += 1
    }
    return nil
  }

  /// The index after the first `</name>` at or after `start` that is not inside a comment.
  private static func closingTag(_ source: [Unicode.Scalar], _ name: [Unicode.Scalar], from start: Int) -> Int? {
    let closing = scalars("</") + name + scalars(">")
    var index = start
    while index < source.count {
      if matches(source, at: index, "<!--") {
        guard let end = find(source, "-->", from: index + 4) else { return nil }
        index = end
      } else if matches(source, at: index, closing) {
        return index + closing.count
      } else {
        index += 1
      }
    }
    return nil
  }
}

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

  /// The text of the page's first `<title>` element, character references decoded and white
  /// space folded to single spaces, with the site's name cut from its end; nil when the page
  /// has none or it is blank.
  ///
  /// A site suffix is what follows the last ` - `, ` — `, `_`, `|` or `｜` (`…的通知_中国政府网`,
  /// `… - 苏州市人民政府`); it is cut, again and again, while what is left is longer than
  /// what is cut and still holds at least four letters, so a title that is only a site's name,
  /// or whose separator stands inside the title itself, is kept whole.
  static func title(of page: String) -> String? {
    let scalars = Array(page.unicodeScalars)
    var from = 0
    var found: Int?
    while let candidate = find(titleOpen, in: scalars, from: from) {
      let after = candidate + titleOpen.count
      if after < scalars.count, scalars[after] == ">" || scalars[after].properties.isWhitespace {
        found = candidate
        break
      }
      from = after
    }
    guard let open = found,
      let contentStart = scalars[open...].firstIndex(of: ">").map({ $0 + 1 }),
      let close = find(titleClose, in: scalars, from: contentStart)
    else { return nil }
    var text: [Unicode.Scalar] = []
    var index = contentStart
    var pendingSpace = false
    while index < close {
      var s = scalars[index]
      var length = 1
      if s == "&", case .character(let scalar, let referenceLength) = HTMLMarkup.piece(in: scalars, at: index) {
        s = scalar
        length = referenceLength
      }
      index += length
      if s.properties.isWhitespace {
        pendingSpace = !text.isEmpty
        continue
      }
      if pendingSpace { text.append(" ") }
      pendingSpace = false
      text.append(s)
    }
    var title = String(String.UnicodeScalarView(text))
    while let cut = withoutSiteSuffix(title) { title = cut }
    return title.isEmpty ? nil : title
  }

  private static let titleOpen = Array("<title".unicodeScalars)
  private static let titleClose = Array("</title".unicodeScalars)
  private static let siteSeparators = [" - ", " — ", " – ", "_", "|", "｜"]

  /// `title` without its last separator and what follows, when that is a site suffix.
  private static func withoutSiteSuffix(_ title: String) -> String? {
    let found = siteSeparators.compactMap { title.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
    guard let separator = found else { return nil }
    let head = title[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
    let tail = title[separator.upperBound...].trimmingCharacters(in: .whitespaces)
    let letters = head.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
    guard letters >= 4, head.unicodeScalars.count > tail.unicodeScalars.count else { return nil }
    return head
  }

  /// The offset of the first `text` (lowercase ASCII) at or after `start`, letters in either case.
  private static func find(_ text: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard scalars.count >= text.count else { return nil }
    var index = start
    while index + text.count <= scalars.count {
      if (0..<text.count).allSatisfy({ scalars[index + $0].value | (scalars[index + $0].isASCIILetter ? 0x20 : 0) == text[$0].value }) {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Elements cut with all they hold, and elements whose tags alone are cut.
  private static let cutWithContent = ["head", "script", "style", "nav", "header", "footer"].map(bytes)
  private static let cutTags = ["html", "body", "meta", "link"].map(bytes)
  private static let commentOpen = bytes("<!--")
  private static let commentClose = bytes("-->")
  private static let doctype = bytes("<!doctype")
  private static let tagEnd = bytes(">")

  /// The page without its head and chrome, and without the white space around it.
  static func body(of page: String) -> String {
    let body = HTMLBlocks.rejoin(withoutHead(page)).unicodeScalars
    guard let first = body.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = body.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(body[first...last])
  }

  /// `page` without its comments, `<!doctype>`, the elements of `cutWithContent` with what
  /// they hold (up to the first closing tag that is not in a comment), and the tags of
  /// `cutTags` (and of longer names they begin, `<metadata>`); an element never closed is
  /// kept. One scan over the UTF-8 bytes, where every mark is ASCII: a regular expression a
  /// kind cost more than parsing the text.
  static func withoutHead(_ page: String) -> String {
    let source = Array(page.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(source.count)
    // Bytes before `copied` are in `output` or cut.
    var copied = 0
    var i = 0
    func cut(to end: Int) {
      output.append(contentsOf: source[copied..<i])
      copied = end
      i = end
    }
    scan: while i < source.count {
      guard source[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if matches(source, at: i, commentOpen) {
        if let end = find(source, commentClose, from: i + 4) {
          cut(to: end)
          continue
        }
      } else if matches(source, at: i, doctype) {
        if let end = find(source, tagEnd, from: i + 9) {
          cut(to: end)
          continue
        }
      } else {
        let closing = i + 1 < source.count && source[i + 1] == UInt8(ascii: "/")
        let nameStart = i + (closing ? 2 : 1)
        if !closing {
          for name in cutWithContent where matches(source, at: nameStart, name) {
            let after = nameStart + name.count
            guard after < source.count, source[after] == UInt8(ascii: ">") || isSpace(source[after]) else { continue }
            if let end = closingTag(source, name, from: after) {
              cut(to: end)
              continue scan
            }
          }
        }
        if cutTags.contains(where: { matches(source, at: nameStart, $0) }), let end = find(source, tagEnd, from: nameStart) {
          cut(to: end)
          continue
        }
      }
      i += 1
    }
    output.append(contentsOf: source[copied...])
    return String(decoding: output, as: UTF8.self)
  }

  private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Whether `source` holds `text` (lowercase) at `index`, ASCII letters in either case.
  private static func matches(_ source: [UInt8], at index: Int, _ text: [UInt8]) -> Bool {
    guard index + text.count <= source.count else { return false }
    var offset = 0
    while offset < text.count {
      let found = source[index + offset]
      if (0x41...0x5A).contains(found) ? found | 0x20 != text[offset] : found != text[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The index after the first `text` at or after `start`.
  private static func find(_ source: [UInt8], _ text: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + text.count <= source.count {
      if source[index] == text[0], matches(source, at: index, text) { return index + text.count }
      index += 1
    }
    return nil
  }

  /// The index after the first `</name>` at or after `start` that is not inside a comment.
  private static func closingTag(_ source: [UInt8], _ name: [UInt8], from start: Int) -> Int? {
    let closing = bytes("</") + name + tagEnd
    var index = start
    while index < source.count {
      if source[index] != UInt8(ascii: "<") {
        index += 1
      } else if matches(source, at: index, commentOpen) {
        guard let end = find(source, commentClose, from: index + 4) else { return nil }
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

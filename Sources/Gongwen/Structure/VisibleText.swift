/// The normalised text as the recognizer reads it: without the HTML tags a web copy may hold,
/// cut into lines at paragraph breaks and at block-level tags (`<p>`, `<br/>`), each scalar
/// keeping its offset in ``NormalizedText/scalars``.
struct VisibleText {
  /// A line: a paragraph, or the part of one between block-level tags, without the spaces
  /// around it.
  struct Line {
    var range: Range<Int>
    var paragraph: Int
  }

  var scalars: [Unicode.Scalar] = []
  /// For each scalar, its offset in the normalised text.
  var origins: [Int32] = []
  var lines: [Line] = []

  init(_ text: NormalizedText) {
    let source = text.scalars
    scalars.reserveCapacity(source.count)
    origins.reserveCapacity(source.count)
    for (index, paragraph) in text.paragraphs.enumerated() {
      var lineStart = scalars.count
      var i = paragraph.range.lowerBound
      let end = paragraph.range.upperBound
      while i < end {
        let s = source[i]
        if s == "<", let tag = HTMLTag.read(source, at: i, end: end) {
          if tag.isBlock {
            closeLine(from: lineStart, paragraph: index)
            lineStart = scalars.count
          }
          i += tag.length
          continue
        }
        if s == "&", let entity = HTMLTag.readSpaceEntity(source, at: i, end: end) {
          scalars.append(" ")
          origins.append(Int32(i))
          i += entity
          continue
        }
        scalars.append(s)
        origins.append(Int32(i))
        i += 1
      }
      closeLine(from: lineStart, paragraph: index)
    }
    dropTruncationMark()
  }

  /// A web copy that was cut short ends with `...`: not document text.
  private mutating func dropTruncationMark() {
    guard var last = lines.last else { return }
    var upper = last.range.upperBound
    while upper > last.range.lowerBound && scalars[upper - 1] == "." { upper -= 1 }
    guard last.range.upperBound - upper >= 3 else { return }
    while upper > last.range.lowerBound && scalars[upper - 1].isHorizontalSpace { upper -= 1 }
    last.range = last.range.lowerBound..<upper
    if last.range.isEmpty { lines.removeLast() } else { lines[lines.count - 1] = last }
  }

  private mutating func closeLine(from start: Int, paragraph: Int) {
    var lower = start
    var upper = scalars.count
    while lower < upper && scalars[lower].isHorizontalSpace { lower += 1 }
    while upper > lower && scalars[upper - 1].isHorizontalSpace { upper -= 1 }
    if lower < upper { lines.append(Line(range: lower..<upper, paragraph: paragraph)) }
  }

  /// The range in the normalised text that a range of visible scalars came from.
  func normalizedRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let offset = range.lowerBound < origins.count ? Int(origins[range.lowerBound]) : (origins.last.map { Int($0) + 1 } ?? 0)
      return offset..<offset
    }
    return Int(origins[range.lowerBound])..<(Int(origins[range.upperBound - 1]) + 1)
  }

  func string(_ range: Range<Int>) -> String {
    String(scalars: scalars[range])
  }
}

/// HTML tags left in web copies (`<p style="…">`, `</strong>`, `<br/>`): not text. A `<` that
/// does not open a known tag is text, as in the nested title `《<政府工作报告>…》`.
enum HTMLTag {
  private static let blockNames: Set<String> = [
    "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
    "h5", "h6", "center", "section", "article", "blockquote", "hr",
  ]
  private static let inlineNames: Set<String> = [
    "span", "strong", "b", "i", "em", "u", "font", "a", "img", "sup", "sub", "small", "big", "o:p",
  ]

  /// Reads a tag at `start` (`<` included); returns its length and whether it breaks the line.
  static func read(_ s: [Unicode.Scalar], at start: Int, end: Int) -> (length: Int, isBlock: Bool)? {
    var i = start + 1
    if i < end && s[i] == "/" { i += 1 }
    let nameStart = i
    while i < end, i - nameStart < 10, s[i].isASCIILetter || (i > nameStart && (s[i].isASCIIDigit || s[i] == ":")) {
      i += 1
    }
    guard i > nameStart, i < end else { return nil }
    let name = String(scalars: s[nameStart..<i]).lowercased()
    let isBlock = blockNames.contains(name)
    guard isBlock || inlineNames.contains(name) else { return nil }
    guard s[i] == ">" || s[i] == "/" || s[i].isHorizontalSpace else { return nil }
    var k = i
    while k < end && k - start < 400 {
      switch s[k] {
      case ">": return (k - start + 1, isBlock)
      case "<": return nil
      default: k += 1
      }
    }
    return nil
  }

  /// Reads `&nbsp;` (and the other space entities) at `start`; returns its length.
  static func readSpaceEntity(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    for entity in ["&nbsp;", "&ensp;", "&emsp;", "&#160;", "&#12288;"] {
      let scalars = entity.unicodeScalars
      guard start + scalars.count <= end else { continue }
      if zip(scalars, s[start...]).allSatisfy({ $0 == $1 }) { return scalars.count }
    }
    return nil
  }
}

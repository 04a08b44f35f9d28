/// HTML that web copies leave in the text: real tags (`<p>`, `<br/>`, `<strong>`,
/// `<p style="…">`) and character references (`&nbsp;`, `&lt;`, `&#12288;`). Only tags whose
/// name HTML defines count, so a nested title such as `《<政府工作报告>2021年…》` stays text.
enum HTMLMarkup {
  enum Piece {
    /// A tag that breaks the line (`<p>`, `<br>`, `<div>`, `<li>`, `<tr>`…).
    case lineBreak(length: Int)
    /// A tag that only styles text (`<strong>`, `<span>`), or a table cell boundary.
    case inline(length: Int, separates: Bool)
    /// A character reference and the character it stands for.
    case character(Unicode.Scalar, length: Int)
  }

  private static let blockTags: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5",
    "h6", "section", "article", "center", "hr", "blockquote", "pre", "dl", "dt", "dd", "header", "footer",
  ]
  private static let cellTags: Set<String> = ["td", "th"]
  private static let inlineTags: Set<String> = [
    "span", "strong", "b", "i", "em", "u", "font", "a", "sup", "sub", "small", "big", "img", "label", "o:p", "s",
    "strike", "ins", "del", "mark", "nobr", "wbr",
  ]

  /// The markup starting at `index`, or nil when there is none.
  static func piece(in scalars: [Unicode.Scalar], at index: Int) -> Piece? {
    switch scalars[index] {
    case "<": return tag(in: scalars, at: index)
    case "&": return reference(in: scalars, at: index)
    default: return nil
    }
  }

  private static func tag(in scalars: [Unicode.Scalar], at index: Int) -> Piece? {
    var i = index + 1
    if i < scalars.count && scalars[i] == "/" { i += 1 }
    var name = ""
    while i < scalars.count, name.unicodeScalars.count < 10,
      scalars[i].isASCIILetter || scalars[i].isASCIIDigit || scalars[i] == ":"
    {
      name.unicodeScalars.append(scalars[i])
      i += 1
    }
    name = name.lowercased()
    let block = blockTags.contains(name)
    let cell = cellTags.contains(name)
    guard block || cell || inlineTags.contains(name), i < scalars.count else { return nil }
    // Attributes run to the closing `>`, on the same line and not too far.
    let limit = min(scalars.count, i + 400)
    guard scalars[i] == ">" || scalars[i] == "/" || scalars[i].isHorizontalSpace else { return nil }
    while i < limit && scalars[i] != ">" && scalars[i] != "\n" { i += 1 }
    guard i < limit, scalars[i] == ">" else { return nil }
    let length = i + 1 - index
    return block ? .lineBreak(length: length) : .inline(length: length, separates: cell)
  }

  private static let named: [String: Unicode.Scalar] = [
    "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ensp": "\u{2002}",
    "emsp": "\u{3000}", "middot": "·", "mdash": "—", "ndash": "–", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
    "rsquo": "’", "hellip": "…",
  ]

  private static func reference(in scalars: [Unicode.Scalar], at index: Int) -> Piece? {
    var i = index + 1
    var body = ""
    while i < scalars.count, body.unicodeScalars.count < 10, scalars[i] != ";" {
      let s = scalars[i]
      guard s.isASCIIAlphanumeric || s == "#" else { return nil }
      body.unicodeScalars.append(s)
      i += 1
    }
    guard i < scalars.count, scalars[i] == ";", !body.isEmpty else { return nil }
    let length = i + 1 - index
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      guard let value, let scalar = Unicode.Scalar(value) else { return nil }
      return .character(scalar, length: length)
    }
    guard let scalar = named[body.lowercased()] else { return nil }
    return .character(scalar, length: length)
  }
}

import Foundation

/// DOCX: the paragraphs and tables of `word/document.xml`, one line per paragraph and per
/// table row (a roster kept as a table reads one row, one entry), runs joined, tabs and line
/// breaks kept, and automatic list numbers from `numbering.xml` written out as their markers
/// (一、, （一）, 1.), since many Word minutes keep their section numbers only there — set on
/// the paragraph or by its paragraph style (`w:pStyle` → `styles.xml`, through `w:basedOn`).
enum DOCXExtractor {
  static func extract(_ bytes: Data) throws(InputError) -> PagedText {
    let package = try ZIPDocument(bytes)
    let document = try package.xml("word/document.xml")
    var numbering = ListNumbering(
      try package.part("word/numbering.xml").map { data throws(InputError) in
        try PartElement.parse(data, name: "word/numbering.xml")
      },
      styles: try package.part("word/styles.xml").map { data throws(InputError) in
        try PartElement.parse(data, name: "word/styles.xml")
      })
    var text = PagedText()
    text.append(try lines(of: document, numbering: &numbering).joined(separator: "\n"))
    return text
  }

  /// One line per paragraph and per table row of `word/document.xml`.
  static func lines(of document: PartElement, numbering: inout ListNumbering) throws(InputError) -> [String] {
    guard let body = document.first("body") else {
      throw InputError(code: .corrupt, message: "word/document.xml has no body")
    }
    var lines: [String] = []
    for element in body.elements {
      switch element.name {
      case "p": lines.append(paragraph(element, numbering: &numbering))
      case "tbl":
        for row in element.descendants("tr") {
          let cells = row.elements.filter { $0.name == "tc" }.map { cell in
            cell.descendants("p").map { paragraph($0, numbering: &numbering) }.filter { !$0.isEmpty }
              .joined(separator: " ")
          }
          lines.append(cells.filter { !$0.isEmpty }.joined(separator: "  "))
        }
      default: continue
      }
    }
    return lines
  }

  private static func paragraph(_ paragraph: PartElement, numbering: inout ListNumbering) -> String {
    var text = ""
    let properties = paragraph.first("pPr")
    if let (id, level) = numbering.list(
      direct: properties?.first("numPr"), style: properties?.first("pStyle")?.attribute("val"))
    {
      text += numbering.marker(numID: id, level: level)
    }
    collect(paragraph, into: &text)
    return text
  }

  private static func collect(_ element: PartElement, into text: inout String) {
    for child in element.elements {
      switch child.name {
      case "t": text += child.text
      case "tab": text += "\t"
      case "br", "cr": text += "\n"
      case "pPr", "rPr", "del", "instrText": continue
      default: collect(child, into: &text)
      }
    }
  }
}

/// The counters of Word's automatic numbering, advanced paragraph by paragraph.
struct ListNumbering {
  private struct Level {
    var start = 1
    var format = "decimal"
    var text = "%1."
  }

  private var levels: [String: [Int: Level]] = [:]
  private var abstractOf: [String: String] = [:]
  private var counters: [String: [Int: Int]] = [:]
  /// Each paragraph style's own `w:numPr` (list and level, either may be missing) and the
  /// style it is based on.
  private var styleNumbering: [String: (numID: String?, level: Int?)] = [:]
  private var basedOn: [String: String] = [:]
  /// The level an abstract list gives a style linked to it (`w:lvl/w:pStyle`), by list and style.
  private var styleLevels: [String: [String: Int]] = [:]

  init(_ numbering: PartElement?, styles: PartElement? = nil) {
    for style in styles?.elements ?? [] where style.name == "style" {
      guard let id = style.attribute("styleId") else { continue }
      if let parent = style.first("basedOn")?.attribute("val") { basedOn[id] = parent }
      if let numPr = style.first("pPr")?.first("numPr") {
        styleNumbering[id] = (
          numPr.first("numId")?.attribute("val"), numPr.first("ilvl")?.attribute("val").flatMap(Int.init)
        )
      }
    }
    guard let numbering else { return }
    for abstract in numbering.elements where abstract.name == "abstractNum" {
      guard let id = abstract.attribute("abstractNumId") else { continue }
      var byLevel: [Int: Level] = [:]
      for level in abstract.elements where level.name == "lvl" {
        guard let index = level.attribute("ilvl").flatMap(Int.init) else { continue }
        byLevel[index] = Level(
          start: level.first("start")?.attribute("val").flatMap(Int.init) ?? 1,
          format: level.first("numFmt")?.attribute("val") ?? "decimal",
          text: level.first("lvlText")?.attribute("val") ?? "")
        if let style = level.first("pStyle")?.attribute("val") { styleLevels[id, default: [:]][style] = index }
      }
      levels[id] = byLevel
    }
    for num in numbering.elements where num.name == "num" {
      if let id = num.attribute("numId"), let abstract = num.first("abstractNumId")?.attribute("val") {
        abstractOf[id] = abstract
      }
    }
  }

  /// The list and level of a paragraph: its own `w:numPr` first, what it lacks taken from its
  /// style and the styles that style is based on; nil when it is not numbered (`w:numId` 0
  /// switches a style's numbering off).
  func list(direct: PartElement?, style: String?) -> (numID: String, level: Int)? {
    var numID = direct?.first("numId")?.attribute("val")
    var level = direct?.first("ilvl")?.attribute("val").flatMap(Int.init)
    var current = style
    var seen: Set<String> = []
    while numID == nil || level == nil, let id = current, seen.insert(id).inserted {
      if let own = styleNumbering[id] {
        numID = numID ?? own.numID
        level = level ?? own.level
      }
      current = basedOn[id]
    }
    guard let numID, numID != "0" else { return nil }
    if level == nil, let style, let abstract = abstractOf[numID] { level = styleLevels[abstract]?[style] }
    return (numID, level ?? 0)
  }

  /// The marker of the next paragraph numbered `numID` at `level`, or "" when unknown.
  mutating func marker(numID: String, level: Int) -> String {
    guard let abstract = abstractOf[numID], let byLevel = levels[abstract], let definition = byLevel[level] else {
      return ""
    }
    var counts = counters[abstract, default: [:]]
    counts[level] = (counts[level] ?? (definition.start - 1)) + 1
    for deeper in counts.keys where deeper > level { counts[deeper] = nil }
    counters[abstract] = counts
    var marker = definition.text
    for (index, value) in counts {
      let format = byLevel[index]?.format ?? "decimal"
      marker = marker.replacingOccurrences(of: "%\(index + 1)", with: Self.render(value, format: format))
    }
    return marker
  }

  private static func render(_ value: Int, format: String) -> String {
    switch format {
    case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
      "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
      return chinese(value)
    case "lowerLetter": return value >= 1 && value <= 26 ? String(UnicodeScalar(UInt8(96 + value))) : String(value)
    case "upperLetter": return value >= 1 && value <= 26 ? String(UnicodeScalar(UInt8(64 + value))) : String(value)
    case "none", "bullet": return ""
    default: return String(value)
    }
  }

  /// 1…99 as 一…九十九.
  static func chinese(_ value: Int) -> String {
    let digits = Array("〇一二三四五六七八九")
    guard value > 0, value < 100 else { return String(value) }
    if value < 10 { return String(digits[value]) }
    let tens = value / 10, ones = value % 10
    return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
  }
}

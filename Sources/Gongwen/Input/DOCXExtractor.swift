import Foundation
import GongwenModel

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
    return try text(of: document, numbering: &numbering)
  }

  /// The text of `word/document.xml`, with a region per paragraph and per table cell.
  static func text(of document: PartElement, numbering: inout ListNumbering) throws(InputError) -> PagedText {
    var text = PagedText()
    for (index, line) in try lineParts(of: document, numbering: &numbering).enumerated() {
      if index > 0 { text.append("\n") }
      for (part, piece) in line.enumerated() {
        if part > 0 { text.append(cellSeparator) }
        text.append(piece.text, region: piece.text.isEmpty ? nil : piece.region)
      }
    }
    return text
  }

  /// What stands between the cells of a table row on its line.
  private static let cellSeparator = "  "

  /// One line per paragraph and per table row of `word/document.xml`.
  static func lines(of document: PartElement, numbering: inout ListNumbering) throws(InputError) -> [String] {
    try lineParts(of: document, numbering: &numbering).map { $0.map(\.text).joined(separator: cellSeparator) }
  }

  /// The lines, each as its pieces with where they came from: a paragraph is one piece, a
  /// table row one piece per cell that holds text.
  private static func lineParts(of document: PartElement, numbering: inout ListNumbering) throws(InputError)
    -> [[(text: String, region: Document.SourceInfo.Region)]]
  {
    guard let body = document.first("body") else {
      throw InputError(code: .corrupt, message: "word/document.xml has no body")
    }
    var lines: [[(text: String, region: Document.SourceInfo.Region)]] = []
    var paragraphs = 0
    var tables = 0
    for element in body.elements {
      switch element.name {
      case "p":
        let region = Document.SourceInfo.Region(start: 0, end: 0, paragraph: paragraphs)
        lines.append([(paragraph(element, numbering: &numbering), region)])
        paragraphs += 1
      case "tbl":
        for (rowIndex, row) in element.descendants("tr").enumerated() {
          var cells: [(text: String, region: Document.SourceInfo.Region)] = []
          for (cellIndex, cell) in row.elements.filter({ $0.name == "tc" }).enumerated() {
            let text = cell.descendants("p").map { paragraph($0, numbering: &numbering) }.filter { !$0.isEmpty }
              .joined(separator: " ")
            if !text.isEmpty {
              let region = Document.SourceInfo.Region(start: 0, end: 0, table: tables, row: rowIndex, cell: cellIndex)
              cells.append((text, region))
            }
          }
          lines.append(cells)
        }
        tables += 1
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

  /// The text of a paragraph's runs. A text box's paragraphs are lines of their own after it,
  /// and of a text box Word writes twice (`mc:Choice` for new readers, `mc:Fallback` in VML
  /// for old ones) only the first is read.
  private static func collect(_ element: PartElement, into text: inout String) {
    for child in element.elements {
      switch child.name {
      case "t": text += child.text
      case "tab": text += "\t"
      case "br", "cr": text += "\n"
      case "pPr", "rPr", "del", "instrText", "Fallback": continue
      case "txbxContent":
        for paragraph in child.descendants("p") {
          var line = ""
          collect(paragraph, into: &line)
          if !line.isEmpty { text += "\n" + line }
        }
      default: collect(child, into: &text)
      }
    }
  }
}

/// The counters of Word's automatic numbering, advanced paragraph by paragraph.
///
/// A list (`w:num`) names an abstract list, whose levels say how to number; lists that share
/// an abstract list share its counters, as in Word, except that a list's `w:lvlOverride`
/// with `w:startOverride` (Word's "restart numbering") starts its level again the first time
/// the list is used. An abstract list that is only a `w:numStyleLink` takes the levels of the
/// abstract list its numbering style links to.
struct ListNumbering {
  private struct Level {
    var start = 1
    var format = "decimal"
    var text = "%1."
  }

  private var levels: [String: [Int: Level]] = [:]
  private var abstractOf: [String: String] = [:]
  private var counters: [String: [Int: Int]] = [:]
  /// Each list's restarts: the level and the number it starts at, dropped once used.
  private var restarts: [String: [Int: Int]] = [:]
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
    var styleLinks: [String: String] = [:]
    for abstract in numbering.elements where abstract.name == "abstractNum" {
      guard let id = abstract.attribute("abstractNumId") else { continue }
      if let link = abstract.first("numStyleLink")?.attribute("val") { styleLinks[id] = link }
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
      guard let id = num.attribute("numId"), let abstract = num.first("abstractNumId")?.attribute("val") else { continue }
      abstractOf[id] = abstract
      for override in num.elements where override.name == "lvlOverride" {
        if let level = override.attribute("ilvl").flatMap(Int.init),
          let start = override.first("startOverride")?.attribute("val").flatMap(Int.init)
        {
          restarts[id, default: [:]][level] = start
        }
      }
    }
    // A list style's abstract list numbers through the list its numbering style names.
    for (id, abstract) in abstractOf {
      if let style = styleLinks[abstract], let linked = styleNumbering[style]?.numID.flatMap({ abstractOf[$0] }),
        styleLinks[linked] == nil
      {
        abstractOf[id] = linked
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
    if let start = restarts[numID]?.removeValue(forKey: level) {
      counts[level] = start - 1
    }
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

  /// `value` in a `w:numFmt`; formats without a rendering here, and values beyond a format's
  /// range (a 21st circled number), are written in decimal.
  static func render(_ value: Int, format: String) -> String {
    switch format {
    case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
      "taiwaneseCountingThousand":
      return chinese(value)
    case "chineseLegalSimplified": return chinese(value, digits: "零壹贰叁肆伍陆柒捌玖", ten: "拾")
    case "ideographDigital", "taiwaneseDigital":
      let digits = Array("〇一二三四五六七八九")
      return String(String(value).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    case "ideographTraditional": return letter(value, from: "甲乙丙丁戊己庚辛壬癸")
    case "ideographZodiac": return letter(value, from: "子丑寅卯辰巳午未申酉戌亥")
    case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": return letter(value, from: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
    case "decimalEnclosedParen": return letter(value, from: "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇")
    case "decimalEnclosedFullstop": return letter(value, from: "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛")
    case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
    case "lowerLetter": return letter(value, from: "abcdefghijklmnopqrstuvwxyz")
    case "upperLetter": return letter(value, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    case "lowerRoman": return roman(value).lowercased()
    case "upperRoman": return roman(value)
    case "none", "bullet": return ""
    default: return String(value)
    }
  }

  /// The `value`th of `letters`, or `value` in decimal beyond them.
  private static func letter(_ value: Int, from letters: String) -> String {
    let letters = Array(letters)
    return value >= 1 && value <= letters.count ? String(letters[value - 1]) : String(value)
  }

  private static func roman(_ value: Int) -> String {
    guard value > 0, value < 4000 else { return String(value) }
    let numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var rest = value
    var text = ""
    for (amount, numeral) in numerals {
      while rest >= amount {
        text += numeral
        rest -= amount
      }
    }
    return text
  }

  /// 1…99 as 一…九十九 (or in `digits` with `ten`: 壹…玖拾玖).
  static func chinese(_ value: Int, digits: String = "〇一二三四五六七八九", ten: String = "十") -> String {
    let digits = Array(digits)
    guard value > 0, value < 100 else { return String(value) }
    if value < 10 { return String(digits[value]) }
    let tens = value / 10, ones = value % 10
    return (tens == 1 ? "" : String(digits[tens])) + ten + (ones == 0 ? "" : String(digits[ones]))
  }
}

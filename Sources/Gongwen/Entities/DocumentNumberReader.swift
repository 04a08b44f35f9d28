import GongwenModel

/// Finds 发文字号 (document numbers): 机关代字 + year in brackets + number + 号 — `苏府〔2021〕12号`,
/// `国办发〔1986〕53号`, and the forms copies give: `[2015]`, `(2015)`, `【2015】`, `„2009‟`, a letter
/// O for a zero (`20O0`), pinyin glosses (`國(guó)辦發(fā)〔1986〕53號(hào)`), a number glued to the
/// title before it (`…的通报潭政办通〔2019〕3号`) or to the line after it.
struct DocumentNumberReader {
  let lexicon: Lexicon

  struct Match: Hashable {
    /// The number as printed, without brackets around the whole of it.
    var range: Range<Int>
    /// The 机关代字 (`苏府`), before the year's bracket.
    var code: Range<Int>
    /// The year and the number; its organ code is the folded one, which callers replace with
    /// the document's own characters.
    var parts: DocumentNumber
  }

  /// Every document number in `range`, in order.
  func matches(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Match] {
    var found: [Match] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if let closing = Self.closingBracket(for: scalars[index]), let match = read(scalars, openingAt: index, closing: closing, limit: range) {
        found.append(match)
        index = match.range.upperBound
      } else {
        index += 1
      }
    }
    return found
  }

  /// The number of an order (令) when `line` is that number alone: `宁夏回族自治区人民政府令第103号`,
  /// `国务院令第七号` — the issuer and 令, then 第N号. Its organ code is what stands before 第.
  func orderNumber(in scalars: [Unicode.Scalar], _ line: Range<Int>) -> Match? {
    let line = scalars.trimmingSpaces(line)
    guard line.count >= 6, line.count <= 40, scalars[line.upperBound - 1] == "号" else { return nil }
    var i = line.upperBound - 1
    while i > line.lowerBound, scalars[i - 1].isASCIIDigit || ChineseNumeral.isNumeralScalar(scalars[i - 1]) { i -= 1 }
    let digits = i..<(line.upperBound - 1)
    guard !digits.isEmpty, i - 2 > line.lowerBound, scalars[i - 1] == "第", scalars[i - 2] == "令",
      let number = ChineseNumeral.value(of: scalars[digits]),
      (line.lowerBound..<(i - 2)).allSatisfy({ scalars[$0].isHan }), i - 2 - line.lowerBound >= 2
    else { return nil }
    let code = line.lowerBound..<(i - 1)
    return Match(range: line, code: code, parts: DocumentNumber(organCode: String(scalars: scalars[code]), year: nil, number: number))
  }

  private static func closingBracket(for s: Unicode.Scalar) -> Set<Unicode.Scalar>? {
    switch s {
    case "〔": return ["〕", "]"]
    case "[", "［": return ["]", "］", "〕"]
    case "（": return ["）"]
    case "【": return ["】"]
    case "„", "‟", "“": return ["‟", "”", "“"]
    case "〈": return ["〉"]
    case "｛", "{": return ["｝", "}"]
    default: return nil
    }
  }

  private func read(
    _ scalars: [Unicode.Scalar], openingAt open: Int, closing: Set<Unicode.Scalar>, limit: Range<Int>
  ) -> Match? {
    // The year: four digits, some of them perhaps a letter O or a Chinese zero.
    var i = open + 1
    var year = 0
    for _ in 0..<4 {
      guard i < limit.upperBound, let digit = Self.yearDigit(scalars[i]) else { return nil }
      year = year * 10 + digit
      i += 1
    }
    guard i < limit.upperBound, closing.contains(scalars[i]), (1900...2100).contains(year) else {
      return nil
    }
    i += 1
    if i < limit.upperBound && scalars[i] == "第" { i += 1 }
    var number = 0
    var digits = 0
    while i < limit.upperBound, scalars[i].isASCIIDigit, digits < 6 {
      number = number * 10 + Int(scalars[i].value - 0x30)
      digits += 1
      i += 1
    }
    guard digits > 0, i < limit.upperBound, scalars[i] == "号" else { return nil }
    i += 1
    let codeStart = organCodeStart(scalars, before: open, limit: limit.lowerBound)
    guard codeStart < open else { return nil }
    let code = String(scalars: scalars[codeStart..<open])
    return Match(range: codeStart..<i, code: codeStart..<open, parts: DocumentNumber(organCode: code, year: year, number: number))
  }

  private static func yearDigit(_ s: Unicode.Scalar) -> Int? {
    if s.isASCIIDigit { return Int(s.value - 0x30) }
    switch s {
    case "O", "o", "〇", "○", "Ｏ": return 0
    default: return nil
    }
  }

  /// 机关代字 run back from the bracket over 汉字 (and their glosses), at most eight of them; a
  /// label (`文号`, `發文字號`) or a title glued before it (`…的通报`) is not part of the code.
  private func organCodeStart(_ scalars: [Unicode.Scalar], before open: Int, limit: Int) -> Int {
    var start = open
    var characters = 0
    while start > limit, characters < 8 {
      let glyph = start - 1
      guard scalars[glyph].isHan, scalars[glyph] != "号" else { break }
      start = glyph
      characters += 1
    }
    // A title glued before the code ends with `的` + its kind (`…检查情况的通报潭政办通`).
    var cut = start
    for index in start..<open where scalars[index] == "的" {
      if let kind = KindWords(lexicon: lexicon).word(in: scalars, at: index + 1, limit: open) {
        cut = index + 1 + kind.length
      }
    }
    return cut
  }
}

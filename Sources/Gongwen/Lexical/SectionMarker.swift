/// A section number as printed at the start of a heading: `一、` `（一）` `1.` `（1）` `①`
/// `第一章` `第一条` `1.1`…, read from scalars without deciding whether it really opens a
/// section there — that is the section recognizer's call.
public struct SectionMarker: Hashable, Sendable {
  /// How the number is written; each style is one rung of the GB/T 9704 hierarchy or of rules.
  public enum Style: String, Hashable, Sendable, CaseIterable {
    /// `一、` — level 1 of the usual hierarchy.
    case chineseComma = "chinese-comma"
    /// `（一）` — level 2.
    case parenthesizedChinese = "parenthesized-chinese"
    /// `1.` (`1．`) — level 3.
    case arabicStop = "arabic-stop"
    /// `（1）` — level 4.
    case parenthesizedArabic = "parenthesized-arabic"
    /// `1、` — an Arabic number with the enumeration comma.
    case arabicComma = "arabic-comma"
    /// `①` — circled numbers for short lists.
    case circled
    /// `第一部分`.
    case part
    /// `第一章`.
    case chapter
    /// `第一节`.
    case division
    /// `第一条`.
    case article
    /// `1`, `1.1`, `1.5.1` — decimal numbering, nesting by the number of parts.
    case decimal
  }

  /// How the marker is written (`一、`, `（一）`, `1.`…).
  public var style: Style
  /// The number it stands for (`（十二）` → 12); for decimal markers the last part.
  public var ordinal: Int
  /// The parts of a decimal marker (`1.5.1` → [1, 5, 1]); one part for the other styles.
  public var parts: [Int]
  /// How many scalars the marker takes in the text it was read from.
  public var length: Int
  /// The marker in canonical form: full-width brackets, ASCII digits and stop.
  public var canonical: String

  /// Whether the marker is the first of a rules text's numbering — `第一部分`, `第一章`, `第一节`,
  /// `第一条` — which numbers parts of a text, never the items of a list.
  public var opensRules: Bool {
    ordinal == 1 && (style == .part || style == .chapter || style == .division || style == .article)
  }

  /// The scalars a marker can start with (in folded text): digits, `（`, `第`, Chinese numerals,
  /// circled numbers — a scan asks at every offset, and most are turned away here.
  static let firstScalars = ScalarSet(
    "0123456789（第".unicodeScalars + ChineseNumeral.scalars + (0x2460...0x2473).compactMap(Unicode.Scalar.init(_:)))

  /// Reads a marker starting at `start` in `scalars`, or returns nil.
  public static func read(_ scalars: some RandomAccessCollection<Unicode.Scalar>, at start: Int) -> SectionMarker? {
    let base = scalars.startIndex
    let count = scalars.count
    func at(_ i: Int) -> Unicode.Scalar? {
      i >= start && i < count ? scalars[scalars.index(base, offsetBy: i)] : nil
    }
    // Numerals are read as slices of `scalars`: most reads fail, and should not allocate.
    func slice(_ range: Range<Int>) -> some Collection<Unicode.Scalar> {
      scalars[scalars.index(base, offsetBy: range.lowerBound)..<scalars.index(base, offsetBy: range.upperBound)]
    }
    guard let first = at(start) else { return nil }

    // 第X章 / 第X节 / 第X条 / 第X部分
    if first == "第" {
      var i = start + 1
      while let s = at(i), i - start <= 6, ChineseNumeral.isNumeralScalar(s) || s.isASCIIDigit { i += 1 }
      guard i > start + 1, let value = ChineseNumeral.value(of: slice(start + 1..<i)), value > 0 else { return nil }
      let style: Style
      var length = i - start + 1
      switch at(i) {
      case "章": style = .chapter
      case "节": style = .division
      case "条": style = .article
      case "部":
        guard at(i + 1) == "分" else { return nil }
        style = .part
        length += 1
      default: return nil
      }
      let text = String(scalars: slice(start..<start + length))
      return SectionMarker(style: style, ordinal: value, parts: [value], length: length, canonical: text)
    }

    // （一） （1） and their half-width forms
    if first == "（" {
      var i = start + 1
      while let s = at(i), i - start <= 4, ChineseNumeral.isNumeralScalar(s) || s.isASCIIDigit { i += 1 }
      let numeral = slice(start + 1..<i)
      guard !numeral.isEmpty, at(i) == "）" || at(i) == ")" else { return nil }
      let arabic = numeral.allSatisfy(\.isASCIIDigit)
      guard arabic || numeral.allSatisfy({ !$0.isASCIIDigit }), numeral.count <= (arabic ? 2 : 3),
        let value = ChineseNumeral.value(of: numeral), value > 0
      else { return nil }
      // Normalisation makes most marker brackets full-width: the canonical form is then the printed one.
      let canonical =
        first == "（" && at(i) == "）" ? String(scalars: slice(start..<i + 1)) : "（\(String(scalars: numeral))）"
      return SectionMarker(
        style: arabic ? .parenthesizedArabic : .parenthesizedChinese, ordinal: value, parts: [value],
        length: i - start + 1, canonical: canonical)
    }

    // ① … ⑳
    if (0x2460...0x2473).contains(first.value) {
      let value = Int(first.value - 0x2460 + 1)
      return SectionMarker(style: .circled, ordinal: value, parts: [value], length: 1, canonical: String(first))
    }

    // 一、
    if ChineseNumeral.isNumeralScalar(first) {
      var i = start
      while let s = at(i), i - start < 4, ChineseNumeral.isNumeralScalar(s) { i += 1 }
      let numeral = slice(start..<i)
      guard at(i) == "、", numeral.count <= 3, let value = ChineseNumeral.value(of: numeral), value > 0,
        numeral.allSatisfy({ ChineseNumeral.digit($0) != 0 || ChineseNumeral.unit($0) != nil })
      else { return nil }
      return SectionMarker(
        style: .chineseComma, ordinal: value, parts: [value], length: i - start + 1,
        canonical: String(scalars: slice(start..<i + 1)))
    }

    // 1.  1、  1.1  1 (decimal)
    if first.isASCIIDigit {
      // A number of one to three digits (`2021` is a year, not a section number).
      func number(from k: Int) -> (value: Int, end: Int)? {
        var value = 0
        var j = k
        while let s = at(j), s.isASCIIDigit {
          if j - k == 3 { return nil }
          value = value * 10 + Int(s.value - 0x30)
          j += 1
        }
        return j > k ? (value, j) : nil
      }
      guard first != "0", let head = number(from: start), head.value > 0 else { return nil }
      // The parts after the first: empty, so not allocated, for the many numbers that are no marker.
      var more: [Int] = []
      var i = head.end
      var complete = true
      while at(i) == "." || at(i) == "．", let next = at(i + 1), next.isASCIIDigit {
        guard let part = number(from: i + 1) else {
          complete = false
          break
        }
        more.append(part.value)
        i = part.end
      }
      if more.isEmpty && complete {
        switch at(i) {
        case ".", "．":
          // `1.` but not an ellipsis-like `1..`
          if at(i + 1) == "." { return nil }
          return SectionMarker(
            style: .arabicStop, ordinal: head.value, parts: [head.value], length: i - start + 1, canonical: "\(head.value).")
        case "、":
          return SectionMarker(
            style: .arabicComma, ordinal: head.value, parts: [head.value], length: i - start + 1, canonical: "\(head.value)、")
        default:
          break
        }
      }
      // Decimal numbering: the number must stand apart from the heading after it
      // (`1 总则`, `1.1 编制目的`, or `1.1编制目的` for two or more parts), not from a number or
      // a sign (`1 |`, `01 14:58`).
      let next = at(i)
      var heading = i
      while let s = at(heading), s.isHorizontalSpace { heading += 1 }
      let spaced = heading > i && (at(heading).map { $0.isHan || $0 == "《" || $0 == "“" } ?? false)
      if complete && (spaced || (!more.isEmpty && (next?.isHan ?? false) && !(next?.isNumberCounter ?? false))) {
        let printed = String(scalars: slice(start..<i)).replacingFullWidthStops()
        return SectionMarker(
          style: .decimal, ordinal: more.last ?? head.value, parts: [head.value] + more, length: i - start, canonical: printed)
      }
      // `1.4月底前`, `1.2022年…`: an item number whose text starts with a date, not a decimal.
      if at(head.end) == "." || at(head.end) == "．", startsWithDate(at, head.end + 1) {
        return SectionMarker(
          style: .arabicStop, ordinal: head.value, parts: [head.value], length: head.end - start + 1,
          canonical: "\(head.value).")
      }
      return nil
    }
    return nil
  }

  /// Whether the scalars at `k` are a year (`2022年`) or a month (`4月`).
  private static func startsWithDate(_ at: (Int) -> Unicode.Scalar?, _ k: Int) -> Bool {
    var j = k
    var value = 0
    while let s = at(j), s.isASCIIDigit, j - k < 4 {
      value = value * 10 + Int(s.value - 0x30)
      j += 1
    }
    switch at(j) {
    case "年": return j - k == 4
    case "月": return j - k <= 2 && (1...12).contains(value)
    default: return false
    }
  }
}

extension String {
  fileprivate func replacingFullWidthStops() -> String {
    String(scalars: unicodeScalars.map { $0 == "．" ? "." : $0 })
  }
}

/// A calendar date as printed, possibly without year, month or day (`9月23日` has no year).
public struct DateValue: Hashable, Sendable, Codable {
  /// The year, when printed (`2021`).
  public var year: Int?
  /// The month, 1 to 12, when printed.
  public var month: Int?
  /// The day of the month, when printed.
  public var day: Int?

  /// Creates a DateValue from its parts; each argument sets the property of the same name.
  public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD` when year, month and day are all known and make a real day, else nil.
  public var iso: String? {
    guard let year, let month, let day, DateReader.isValid(year: year, month: month, day: day) else { return nil }
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// A date found in text and the scalars it covers.
public struct DateMatch: Hashable, Sendable {
  /// The date as printed.
  public var value: DateValue
  /// Offsets into the scalars read, end exclusive.
  public var range: Range<Int>
}

/// Reads dates as 公文 and their copies print them, tolerantly:
/// `2021年1月23日`, `二〇二一年一月二十三日` and `二○一二年八月十四日` (〇, ○, 零 and the letter O
/// for zero), `2015-4-17` (also with `/` or `.`), `2018年03月27` (no 日), `2021年 2月 3日`
/// (spaces between the parts), `9月23日` (year nil), `2021年` (a year alone). Mangled dates are
/// not guessed: `814日` (8月14日 with the 月 lost) reads as nothing.
public enum DateReader {
  /// Reads a date starting at `offset`, ending before `limit` (the end when nil).
  public static func read(_ scalars: [Unicode.Scalar], at offset: Int, limit: Int? = nil) -> DateMatch? {
    let end = Swift.min(limit ?? scalars.count, scalars.count)
    guard offset >= 0, offset < end else { return nil }
    return scalars.withUnsafeBufferPointer { read($0, at: offset, limit: end) }
  }

  /// Reads `text` as one date; nil unless the whole text (spaces around it aside) is a date.
  public static func read(_ text: String) -> DateValue? {
    let scalars = Array(unicodeScalarsOf: text)
    var start = 0
    var end = scalars.count
    while start < end, scalars[start].isHorizontalSpace || scalars[start] == "\n" { start += 1 }
    while end > start, scalars[end - 1].isHorizontalSpace || scalars[end - 1] == "\n" { end -= 1 }
    guard let match = read(scalars, at: start, limit: end), match.range.upperBound == end else { return nil }
    return match.value
  }

  /// Whether the day exists (leap years included).
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  /// A number as dates write it: ASCII digits, or Chinese numerals.
  private struct Number {
    var value: Int
    var end: Int
    /// Digits written one by one (`2021`, `二〇二一`), as years are.
    var digitCount: Int
  }

  @inline(__always) private static func isDigitLike(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCIIDigit || ChineseNumeral.isNumeralScalar(scalar)
  }

  /// Reads a number at `i`: a run of ASCII digits (the letter O counts as 0 inside one), or a
  /// run of Chinese numerals.
  private static func number(_ s: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int) -> Number? {
    guard start < limit else { return nil }
    var i = start
    if s[i].isASCIIDigit {
      var value = 0
      while i < limit, i - start < 9, s[i].isASCIIDigit || ((s[i] == "O" || s[i] == "o") && i > start) {
        value = value * 10 + (ChineseNumeral.digit(s[i]) ?? 0)
        i += 1
      }
      return Number(value: value, end: i, digitCount: i - start)
    }
    guard ChineseNumeral.isNumeralScalar(s[i]) else { return nil }
    while i < limit, i - start < 9, ChineseNumeral.isNumeralScalar(s[i]) || s[i] == "O" { i += 1 }
    guard let value = ChineseNumeral.value(of: s[start..<i]) else { return nil }
    let positional = s[start..<i].allSatisfy { ChineseNumeral.unit($0) == nil }
    return Number(value: value, end: i, digitCount: positional ? i - start : 0)
  }

  @inline(__always) private static func skipSpaces(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ limit: Int) -> Int {
    var i = i
    while i < limit, s[i].isHorizontalSpace { i += 1 }
    return i
  }

  static func read(_ s: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int) -> DateMatch? {
    guard start < limit, isDigitLike(s[start]) else { return nil }
    if start > 0, s[start - 1].isASCIIDigit { return nil }
    guard let first = number(s, at: start, limit: limit) else { return nil }
    let afterFirst = skipSpaces(s, first.end, limit)
    guard afterFirst < limit else { return nil }
    switch s[afterFirst] {
    case "年":
      guard first.digitCount == 4, (1000...2999).contains(first.value) else { return nil }
      var value = DateValue(year: first.value)
      var end = afterFirst + 1
      if let (month, day, monthEnd) = monthAndDay(s, at: skipSpaces(s, end, limit), limit: limit) {
        value.month = month
        value.day = day
        end = monthEnd
      }
      return DateMatch(value: value, range: start..<end)
    case "月":
      guard let (month, day, end) = monthAndDay(s, at: start, limit: limit) else { return nil }
      return DateMatch(value: DateValue(month: month, day: day), range: start..<end)
    case "日", "号":
      guard (1...31).contains(first.value), first.digitCount <= 2 || first.digitCount == 0 else { return nil }
      return DateMatch(value: DateValue(day: first.value), range: start..<afterFirst + 1)
    case "-", "/", ".", "－", "／", "．":
      return numericDate(s, first: first, separator: s[afterFirst], start: start, limit: limit)
    default:
      return nil
    }
  }

  /// `M月D日`, `M月D` (day without 日 when nothing numeric follows), or `M月` at `start`.
  private static func monthAndDay(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int
  ) -> (month: Int, day: Int?, end: Int)? {
    guard let month = number(s, at: start, limit: limit), (1...12).contains(month.value),
      month.digitCount <= 2 || (month.digitCount == 0)
    else { return nil }
    let monthMark = skipSpaces(s, month.end, limit)
    guard monthMark < limit, s[monthMark] == "月" else { return nil }
    let dayStart = skipSpaces(s, monthMark + 1, limit)
    guard let day = number(s, at: dayStart, limit: limit), (1...31).contains(day.value), day.digitCount <= 2 else {
      return (month.value, nil, monthMark + 1)
    }
    let dayMark = skipSpaces(s, day.end, limit)
    if dayMark < limit, s[dayMark] == "日" || s[dayMark] == "号" {
      return (month.value, day.value, dayMark + 1)
    }
    // `2018年03月27`: a day without 日, unless a counter follows (`3月5项`).
    if day.end < limit, s[day.end].isNumberCounter || isDigitLike(s[day.end]) {
      return (month.value, nil, monthMark + 1)
    }
    return (month.value, day.value, day.end)
  }

  /// `2015-4-17`, `2015/4/17`, `2015.4.17`: all three parts, the same separator twice.
  private static func numericDate(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, first: Number, separator: Unicode.Scalar, start: Int, limit: Int
  ) -> DateMatch? {
    guard first.digitCount == 4, s[start].isASCIIDigit, (1000...2999).contains(first.value),
      s[first.end] == separator,
      let month = number(s, at: first.end + 1, limit: limit), s[first.end + 1].isASCIIDigit,
      month.digitCount <= 2, (1...12).contains(month.value),
      month.end < limit, s[month.end] == separator,
      let day = number(s, at: month.end + 1, limit: limit), s[month.end + 1].isASCIIDigit,
      day.digitCount <= 2, (1...31).contains(day.value)
    else { return nil }
    if day.end < limit, s[day.end].isASCIIDigit || s[day.end] == separator { return nil }
    var end = day.end
    if end < limit, s[end] == "日" { end += 1 }
    return DateMatch(value: DateValue(year: first.value, month: month.value, day: day.value), range: start..<end)
  }
}

extension DateReader {
  /// A date written out in full, as signatures, compiler lines and 印发 lines print it: year,
  /// month and day, ending with `日` (`2021年2月3日`, `2021年 2月 3日`, `二〇〇九年十二月十五日`).
  static func writtenDate(_ scalars: [Unicode.Scalar], at start: Int, limit: Int) -> DateMatch? {
    guard let match = read(scalars, at: start, limit: limit), match.value.year != nil, match.value.month != nil,
      match.value.day != nil, scalars[match.range.upperBound - 1] == "日"
    else { return nil }
    return match
  }

  /// Every date in `range` that names at least its month, in order (a day alone, `2号`, is
  /// more often a house or a building number).
  public static func dates(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> [DateMatch] {
    let range = range.clamped(to: 0..<scalars.count)
    return scalars.withUnsafeBufferPointer { s in
      var found: [DateMatch] = []
      var index = range.lowerBound
      var previousIsDigit = false
      while index < range.upperBound {
        let digit = isDigitLike(s[index])
        // A date starts with a digit, and not in the middle of a number.
        if digit, !previousIsDigit, let match = read(s, at: index, limit: range.upperBound), match.value.month != nil {
          found.append(match)
          index = match.range.upperBound
          previousIsDigit = isDigitLike(s[index - 1])
          continue
        }
        previousIsDigit = digit
        index += 1
      }
      return found
    }
  }
}

extension DateReader {
  /// A date whose 年, 月 or 日 a web copy dropped, when the digits allow one reading only:
  /// `9 2` or `3-24` (9月2日, 3月24日), `814日` (8月14日; 81月4日 is no date), `2018813日`
  /// (2018年8月13日). `range` must
  /// hold the digits (with spaces between groups and an optional `日`) and nothing else; the value
  /// is an inference, which callers say in a diagnostic.
  static func withLostMarks(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> DateMatch? {
    var end = range.upperBound
    while end > range.lowerBound, scalars[end - 1].isHorizontalSpace { end -= 1 }
    var start = range.lowerBound
    while start < end, scalars[start].isHorizontalSpace { start += 1 }
    guard start < end else { return nil }
    let matchEnd = end
    if scalars[end - 1] == "日" || scalars[end - 1] == "号" { end -= 1 }
    var groups: [[Int]] = []
    var current: [Int] = []
    for i in start..<end {
      if scalars[i].isASCIIDigit {
        current.append(Int(scalars[i].value - 0x30))
      } else if scalars[i].isHorizontalSpace || ((scalars[i] == "-" || scalars[i] == "/") && !current.isEmpty && groups.isEmpty) {
        // `3-24`: a month and day that a copy wrote with a dash instead of 月 and 日.
        if !current.isEmpty { groups.append(current) }
        current = []
      } else {
        return nil
      }
    }
    if !current.isEmpty { groups.append(current) }
    func number(_ digits: ArraySlice<Int>) -> Int { digits.reduce(0) { $0 * 10 + $1 } }
    var value: DateValue
    switch groups.count {
    case 2 where groups.allSatisfy({ $0.count <= 2 }):
      value = DateValue(month: number(groups[0][...]), day: number(groups[1][...]))
      guard (1...12).contains(value.month!), (1...31).contains(value.day!) else { return nil }
    case 1 where (2...4).contains(groups[0].count) || (6...8).contains(groups[0].count):
      var digits = groups[0][...]
      var year: Int? = nil
      if digits.count >= 6 {
        year = number(digits.prefix(4))
        guard (1900...2100).contains(year!) else { return nil }
        digits = digits.dropFirst(4)
      }
      guard (2...4).contains(digits.count) else { return nil }
      let readings = (1...2).compactMap { split -> (Int, Int)? in
        guard split < digits.count, digits.count - split <= 2 else { return nil }
        let month = number(digits.prefix(split))
        let day = number(digits.dropFirst(split))
        guard digits[digits.startIndex + split] != 0 || digits.count - split == 2 else { return nil }
        return (1...12).contains(month) && (1...31).contains(day) ? (month, day) : nil
      }
      guard readings.count == 1 else { return nil }
      value = DateValue(year: year, month: readings[0].0, day: readings[0].1)
    default:
      return nil
    }
    if let year = value.year, !isValid(year: year, month: value.month!, day: value.day!) { return nil }
    return DateMatch(value: value, range: start..<matchEnd)
  }
}


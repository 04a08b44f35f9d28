/// A calendar date as printed, with the parts the text gives (a date without its year is
/// common in minutes: `9月23日下午`).
public struct DateValue: Hashable, Sendable, CustomStringConvertible {
  public var year: Int?
  public var month: Int?
  public var day: Int?

  public init(year: Int?, month: Int?, day: Int?) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD` when year, month and day are all known and form a real date.
  public var iso: String? {
    guard let year, let month, let day, DateValue.isValid(year: year, month: month, day: day) else { return nil }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  public var description: String { iso ?? "\(year.map(String.init) ?? "?")-\(month.map(String.init) ?? "?")-\(day.map(String.init) ?? "?")" }

  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days
  }
}

/// Reads dates as 公文 and their copies print them: `2021年1月23日`, `二〇二一年一月二十三日`
/// (〇, ○, 零 or the letter O for zero), `2021年 2月 3日`, `2018年03月27`, `2015-4-17`,
/// `2019.01.23`, and dates without a year (`9月23日`). A mangled date (`814日`) is not read.
enum DateScanner {
  struct Match: Hashable {
    var value: DateValue
    var range: Range<Int>
  }

  /// Every date in `range`, in order.
  static func dates(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Match] {
    var found: [Match] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if let match = date(in: scalars, at: index, limit: range.upperBound) {
        found.append(match)
        index = match.range.upperBound
      } else {
        index += 1
      }
    }
    return found
  }

  /// A date starting exactly at `index`.
  static func date(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> Match? {
    guard index < limit else { return nil }
    // A number is not read from its middle.
    if index > 0, isNumeral(scalars[index - 1]) { return nil }
    var i = index
    let first = number(in: scalars, at: &i, limit: limit)
    guard let first else { return nil }
    skipSpaces(scalars, &i, limit)
    guard i < limit else { return nil }
    switch scalars[i] {
    case "年":
      guard first.digits == 4 else { return nil }
      i += 1
      skipSpaces(scalars, &i, limit)
      var j = i
      guard let month = number(in: scalars, at: &j, limit: limit), (1...12).contains(month.value) else { return nil }
      skipSpaces(scalars, &j, limit)
      guard j < limit, scalars[j] == "月" else { return nil }
      j += 1
      skipSpaces(scalars, &j, limit)
      var k = j
      if let day = number(in: scalars, at: &k, limit: limit), (1...31).contains(day.value) {
        skipSpaces(scalars, &k, limit)
        if k < limit && (scalars[k] == "日" || scalars[k] == "号" || scalars[k] == "號") {
          return Match(value: DateValue(year: first.value, month: month.value, day: day.value), range: index..<(k + 1))
        }
        // `2018年03月27`: a copy that lost its 日.
        if day.arabic && (k == limit || !isNumeral(scalars[k])) {
          return Match(value: DateValue(year: first.value, month: month.value, day: day.value), range: index..<k)
        }
      }
      return Match(value: DateValue(year: first.value, month: month.value, day: nil), range: index..<j)
    case "月":
      guard (1...12).contains(first.value), first.digits <= 2 || !first.arabic else { return nil }
      var j = i + 1
      skipSpaces(scalars, &j, limit)
      guard let day = number(in: scalars, at: &j, limit: limit), (1...31).contains(day.value) else { return nil }
      skipSpaces(scalars, &j, limit)
      guard j < limit, scalars[j] == "日" || scalars[j] == "号" || scalars[j] == "號" else { return nil }
      return Match(value: DateValue(year: nil, month: first.value, day: day.value), range: index..<(j + 1))
    case "-", ".", "/":
      guard first.arabic, first.digits == 4 else { return nil }
      let separator = scalars[i]
      var j = i + 1
      guard let month = number(in: scalars, at: &j, limit: limit), month.arabic, (1...12).contains(month.value),
        j < limit, scalars[j] == separator
      else { return nil }
      j += 1
      guard let day = number(in: scalars, at: &j, limit: limit), day.arabic, (1...31).contains(day.value) else { return nil }
      if j < limit && scalars[j] == "日" { j += 1 }
      return Match(value: DateValue(year: first.value, month: month.value, day: day.value), range: index..<j)
    default:
      return nil
    }
  }

  private static func isNumeral(_ s: Unicode.Scalar) -> Bool { s.isASCIIDigit || ChineseNumeral.isNumeralScalar(s) }

  private static func skipSpaces(_ scalars: [Unicode.Scalar], _ i: inout Int, _ limit: Int) {
    while i < limit && scalars[i].isHorizontalSpace { i += 1 }
  }

  /// A number in Arabic digits (a letter O allowed inside a year) or in Chinese numerals.
  private static func number(in scalars: [Unicode.Scalar], at i: inout Int, limit: Int) -> (value: Int, digits: Int, arabic: Bool)? {
    let start = i
    guard i < limit else { return nil }
    if scalars[i].isASCIIDigit {
      var value = 0
      var digits = 0
      while i < limit, digits < 4, scalars[i].isASCIIDigit || (digits > 0 && (scalars[i] == "O" || scalars[i] == "o")) {
        value = value * 10 + (scalars[i].isASCIIDigit ? Int(scalars[i].value - 0x30) : 0)
        digits += 1
        i += 1
      }
      if i < limit && scalars[i].isASCIIDigit {
        i = start
        return nil
      }
      return (value, digits, true)
    }
    var numeral: [Unicode.Scalar] = []
    while i < limit, numeral.count < 5, ChineseNumeral.isNumeralScalar(scalars[i]) || scalars[i] == "O" {
      numeral.append(scalars[i])
      i += 1
    }
    guard !numeral.isEmpty, let value = ChineseNumeral.value(of: numeral) else {
      i = start
      return nil
    }
    return (value, numeral.count, false)
  }
}

/// Readers for the elements that close a 公文 after its body (GB/T 9704-2012): closing formulas,
/// organ lines (signature, compiler line), dates, 附注 notes and the 印发 line. Each reads at a
/// position of a line of folded text and says how far the element reaches; none looks further
/// than a line. The words come from the lexicon: ``LexiconEntry/Category/closingFormula``,
/// ``LexiconEntry/Category/organEnding``, ``LexiconEntry/Category/noteOpening``.
struct ClosingElements {
  let lexicon: Lexicon

  /// Labels that open a closing block: attendance rosters, distribution, the attachment list.
  static func isClosingLabel(_ label: BlockLabel) -> Bool {
    switch label {
    case .present, .attending, .absent, .recorder, .distribution, .copyTo, .attachment: return true
    case .recipients, .chair, .time, .place, .signer: return false
    }
  }

  /// A date as printed in a signature or on a compiler line — year, month and day, each with
  /// its character: `2021年2月3日`, `2021年 2月 3日`, `二〇〇九年十二月十五日`, and in brackets
  /// `（二○一二年八月十四日）`. Returns its length, brackets included.
  static func dateLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start
    let bracketed = i < end && s[i] == "（"
    if bracketed { i += 1 }
    guard let date = DateReader.writtenDate(s, at: i, limit: end) else {
      // `201992` alone on its line: a date whose 年/月/日 a copy dropped, with one reading only.
      guard !bracketed, let bare = DateReader.withLostMarks(s, start..<end), bare.value.year != nil,
        (bare.range.lowerBound..<bare.range.upperBound).allSatisfy({ s[$0].isASCIIDigit })
      else { return nil }
      return bare.range.upperBound - start
    }
    i = date.range.upperBound
    if bracketed {
      guard i < end, s[i] == "）" else { return nil }
      i += 1
    }
    return i - start
  }

  /// Whether an entry of `category` starts at `start` (most positions start none: one table
  /// lookup turns them away).
  private func starts(_ category: LexiconEntry.Category, in s: [Unicode.Scalar], at start: Int, end: Int) -> Bool {
    let storage = lexicon.storage
    guard storage.forward.canStart(s[start], categories: category.bit) else { return false }
    return s.withUnsafeBufferPointer { storage.longest(in: $0, at: start, limit: end, categories: category.bit) != nil }
  }

  /// Whether `scalar` ends some organ name (`府` of `人民政府`, `局`, `室`, `心` of `中心`).
  func endsOrganName(_ scalar: Unicode.Scalar) -> Bool {
    lexicon.storage.backward.canStart(scalar, categories: LexiconEntry.Category.organEnding.bit)
  }

  /// Whether `range` ends with an organ ending (`市发改委`, `联通苏州分公司`, `各有关单位`).
  func endsWithOrganEnding(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard range.count >= 2 else { return false }
    return s.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(
        in: $0, at: range.upperBound, lowerLimit: range.lowerBound, categories: LexiconEntry.Category.organEnding.bit) != nil
    }
  }

  /// An organ name, or several separated by single spaces, at `start`: 汉字 ending with the last
  /// character of an organ ending, or with `整理`. Returns the length up to the end of the last
  /// complete name.
  func organLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start
    var lastEnd: Int? = nil
    var han = 0
    while i < end, i - start < 60 {
      let c = s[i]
      if c.isHan {
        han += 1
        i += 1
        if endsOrganName(c) || (c == "理" && i - 2 >= start && s[i - 2] == "整") { lastEnd = i }
      } else if c.isHorizontalSpace && han > 0 && i + 1 < end && s[i + 1].isHan {
        i += 1
      } else {
        break
      }
    }
    guard let length = lastEnd.map({ $0 - start }), han >= 2 else { return nil }
    return length
  }

  /// A closing formula at `start`: `特此通知。` `特此函告，请予支持。` `此复。` `妥否，请批示。`.
  /// Returns its length through its `。` (or to the end of the line).
  func formulaLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    guard start + 1 < end, starts(.closingFormula, in: s, at: start, end: end) else { return nil }
    var i = start + 2
    while i < end, i - start < 24 {
      if s[i] == "。" || s[i] == "！" { return i - start + 1 }
      i += 1
    }
    return i == end ? end - start : nil
  }

  /// Whether a bracketed contact note (`（联系人：…）`) starts at `start`.
  static func isContactNote(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Bool {
    start + 2 < end && s[start] == "（" && s[start + 1] == "联" && s[start + 2] == "系"
  }

  /// A note (附注) at `start`: `（此件公开发布）` `（联系人：…）`, or an unbracketed `此件公开发布` /
  /// `主动公开`. Returns its length.
  func noteLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start
    let bracketed = s[i] == "（"
    if bracketed { i += 1 }
    guard i + 1 < end, starts(.noteOpening, in: s, at: i, end: end) else { return nil }
    if !bracketed {
      // Unbracketed: a short line of its own.
      return end - start <= 14 ? end - start : nil
    }
    var depth = 0
    var k = start
    while k < end, k - start < 120 {
      if s[k] == "（" { depth += 1 }
      if s[k] == "）" {
        depth -= 1
        if depth == 0 { return k - start + 1 }
      }
      k += 1
    }
    return nil
  }

  /// The 印发 line at `start`: an optional organ, a date and `印发`. Returns its length.
  /// `organ` is ``organLength(_:at:end:)`` at `start`, which callers need for themselves too.
  static func issuanceLength(_ s: [Unicode.Scalar], at start: Int, end: Int, organ: Int?) -> Int? {
    var i = start + (organ ?? 0)
    while i < end && s[i].isHorizontalSpace { i += 1 }
    guard let date = dateLength(s, at: i, end: end) else { return nil }
    i += date
    while i < end && s[i].isHorizontalSpace { i += 1 }
    guard i + 2 <= end, s[i] == "印", s[i + 1] == "发" else { return nil }
    return i + 2 - start
  }
}

/// Readers for the elements that close a 公文 after its body (GB/T 9704-2012): closing formulas,
/// organ lines (signature, compiler line), dates, 附注 notes and the 印发 line. Each reads at a
/// position of a line and says how far the element reaches; none looks further than a line.
enum ClosingElements {
  /// Labels that open a closing block: attendance rosters, distribution, the attachment list.
  static func isClosingLabel(_ label: BlockLabel) -> Bool {
    switch label {
    case .present, .attending, .absent, .recorder, .distribution, .copyTo, .attachment: return true
    case .recipients, .chair, .time, .place, .signer: return false
    }
  }

  /// A date as printed in a signature or on a compiler line: `2021年2月3日`, `2021年 2月 3日`,
  /// `二〇〇九年十二月十五日`, `（二○一二年八月十四日）`. Returns its length.
  static func dateLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start
    var bracket: Unicode.Scalar? = nil
    if i < end && (s[i] == "(" || s[i] == "（") {
      bracket = s[i]
      i += 1
    }
    func skipSpaces() { while i < end && s[i].isHorizontalSpace { i += 1 } }
    let digits = dateDigits
    // Year: four digits.
    let yearStart = i
    while i < end, i - yearStart < 4, digits.contains(s[i]) { i += 1 }
    guard i - yearStart == 4 else { return nil }
    skipSpaces()
    guard i < end, s[i] == "年" else { return nil }
    i += 1
    for unit in ["月", "日"] as [Unicode.Scalar] {
      skipSpaces()
      let numberStart = i
      while i < end, i - numberStart < 3, digits.contains(s[i]) || s[i] == "十" { i += 1 }
      guard i > numberStart else { return nil }
      skipSpaces()
      guard i < end, s[i] == unit else { return nil }
      i += 1
    }
    if bracket != nil {
      guard i < end, s[i] == ")" || s[i] == "）" else { return nil }
      i += 1
    }
    return i - start
  }

  /// The digits of dates, Arabic or Chinese (〇 ○ O 0 零 for zero).
  private static let dateDigits = ScalarSet("0123456789〇○零OＯ一二三四五六七八九".unicodeScalars)

  /// The last characters of organ names (机关): 政府 办公室 办公厅 局 委 委员会 院 部 署 中心 公司…
  static func endsOrganName(_ s: Unicode.Scalar) -> Bool { organSuffixes.contains(s) }

  private static let organSuffixes = ScalarSet("府室厅廳局委会會院部办辦署心司团團组組处處科所站馆館行队隊社台庭宫宮".unicodeScalars)

  /// An organ name, or several separated by single spaces, at `start`: 汉字 (with the pinyin
  /// glosses of web copies, `國(guó)務(wù)院`), ending with an organ suffix or with `整理`.
  /// Returns the length up to the end of the last complete name.
  static func organLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    let suffixes = organSuffixes  // read once: each read of a static costs a call
    var i = start
    var lastEnd: Int? = nil
    var han = 0
    while i < end, i - start < 60 {
      let c = s[i]
      if c.isHan {
        han += 1
        i += 1
        if suffixes.contains(c) || (c == "理" && i - 2 >= start && s[i - 2] == "整") { lastEnd = i }
      } else if c == "(" || c == "（", let gloss = glossLength(s, at: i, end: end) {
        i += gloss
      } else if c.isHorizontalSpace && han > 0 && i + 1 < end && s[i + 1].isHan {
        i += 1
      } else {
        break
      }
    }
    guard let length = lastEnd.map({ $0 - start }), han >= 2 else { return nil }
    return length
  }

  /// A pinyin gloss a web copy puts after a Traditional character: `(guó)`.
  static func glossLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start + 1
    while i < end, i - start < 10, s[i].isASCIILetter || (s[i].value >= 0xC0 && s[i].value < 0x250) { i += 1 }
    guard i > start + 1, i < end, s[i] == ")" || s[i] == "）" else { return nil }
    return i - start + 1
  }

  /// A closing formula at `start`: `特此通知。` `特此函告，请予支持。` `此复。` `妥否，请批示。`.
  /// Returns its length through its `。` (or to the end of the line).
  static func formulaLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    guard start + 1 < end else { return nil }
    let pair = (s[start], s[start + 1])
    switch pair {
    case ("特", "此"), ("此", "复"), ("此", "覆"), ("此", "復"), ("妥", "否"), ("当", "否"), ("當", "否"),
      ("专", "此"), ("專", "此"):
      break
    default:
      return nil
    }
    var i = start + 2
    while i < end, i - start < 24 {
      if s[i] == "。" || s[i] == "！" { return i - start + 1 }
      i += 1
    }
    return i == end ? end - start : nil
  }

  /// The words a note opens with, and their first scalars (most positions hold none of them).
  private static let noteOpenings: [[Unicode.Scalar]] = [
    ["此", "件"], ["本", "件"], ["联", "系"], ["聯", "系"], ["主", "动", "公", "开"], ["主", "動", "公", "開"],
    ["依", "申", "请", "公", "开"], ["不", "予", "公", "开"],
  ]
  private static let noteStarts = ScalarSet(noteOpenings.map { $0[0] })

  /// A note (附注) at `start`: `（此件公开发布）` `(此件主動公開(kāi))` `（联系人：…）`, or an
  /// unbracketed `此件公开发布` / `主动公开`. Returns its length.
  static func noteLength(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
    var i = start
    let bracketed = s[i] == "(" || s[i] == "（"
    if bracketed { i += 1 }
    guard i + 1 < end, noteStarts.contains(s[i]), noteOpenings.contains(where: { i + $0.count <= end && s.matches($0, at: i) })
    else { return nil }
    if !bracketed {
      // Unbracketed: a short line of its own.
      return end - start <= 14 ? end - start : nil
    }
    var depth = 0
    var k = start
    while k < end, k - start < 120 {
      if s[k] == "(" || s[k] == "（" { depth += 1 }
      if s[k] == ")" || s[k] == "）" {
        depth -= 1
        if depth == 0 { return k - start + 1 }
      }
      k += 1
    }
    return nil
  }

  /// Whether a bracketed contact note (`（联系人：…）`) starts at `start`.
  static func isContactNote(_ s: [Unicode.Scalar], at start: Int, end: Int) -> Bool {
    start + 2 < end && s[start].isOpeningBracket && s[start + 1] == "联" && s[start + 2] == "系"
  }

  /// The 印发 line at `start`: an optional organ, a date and `印发`. Returns its length.
  /// `organ` is ``organLength(_:at:end:)`` at `start`, which callers need for themselves too.
  static func issuanceLength(_ s: [Unicode.Scalar], at start: Int, end: Int, organ: Int?) -> Int? {
    var i = start + (organ ?? 0)
    while i < end && s[i].isHorizontalSpace { i += 1 }
    guard let date = dateLength(s, at: i, end: end) else { return nil }
    i += date
    while i < end && s[i].isHorizontalSpace { i += 1 }
    guard i + 2 <= end, s[i] == "印", s[i + 1] == "发" || s[i + 1] == "發" else { return nil }
    return i + 2 - start
  }
}

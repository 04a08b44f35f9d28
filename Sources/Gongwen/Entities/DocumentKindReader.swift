import GongwenModel

/// Tells the kind of 公文 (文种) from the last word of its title (`…的通知` is a notice even when
/// it issues rules) or, without a title, from the formulas of its body (`现批复如下`, `特此通知`,
/// `纪要如下`).
enum DocumentKindReader {
  /// Kind words, Simplified and Traditional, longest first so `批复` is tried before `函`.
  private static let words: [(word: [Unicode.Scalar], kind: DocumentKind)] = {
    let table: [(String, DocumentKind)] = [
      ("纪要", .minutes), ("紀要", .minutes), ("通知", .notice), ("通报", .circular), ("通報", .circular),
      ("批复", .reply), ("批覆", .reply), ("批復", .reply), ("意见", .opinion), ("意見", .opinion),
      ("决定", .decision), ("決定", .decision), ("决议", .resolution), ("決議", .resolution),
      ("命令", .order), ("公报", .communique), ("公報", .communique), ("公告", .announcement),
      ("通告", .announcement), ("报告", .report), ("報告", .report), ("请示", .request), ("請示", .request),
      ("议案", .motion), ("議案", .motion), ("规则", .rules), ("規則", .rules), ("办法", .rules),
      ("辦法", .rules), ("规定", .rules), ("規定", .rules), ("细则", .rules), ("細則", .rules),
      ("条例", .rules), ("條例", .rules), ("函", .letter),
    ]
    return table.map { ($0.0.scalars, $0.1) }
  }()

  /// The kind word at `index` (glosses between its characters allowed), with the scalars it takes.
  static func kindWord(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (kind: DocumentKind, length: Int)? {
    for entry in words {
      if let length = matchLength(entry.word, in: scalars, at: index, limit: limit) {
        return (entry.kind, length)
      }
    }
    return nil
  }

  /// The kind a title names with its last word, or nil. Letter-spacing (`指 导 意 见`) and
  /// glosses are looked through.
  static func kind(ofTitle scalars: [Unicode.Scalar], _ range: Range<Int>) -> DocumentKind? {
    kindWordEnding(scalars, range)?.kind
  }

  /// The kind word a title ends with and where it starts.
  static func kindWordEnding(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> (kind: DocumentKind, start: Int)? {
    var end = range.upperBound
    while end > range.lowerBound {
      let s = scalars[end - 1]
      if s.isHorizontalSpace || s == "》" || s == ">" || s == "〉" {
        end -= 1
      } else if PinyinGloss.length(in: scalars, endingBefore: end) > 0 {
        end -= PinyinGloss.length(in: scalars, endingBefore: end)
      } else {
        break
      }
    }
    // The last two characters, with letter-spacing between them skipped.
    var last: [Int] = []
    var i = end - 1
    while i >= range.lowerBound && last.count < 2 {
      if scalars[i].isHan {
        last.insert(i, at: 0)
      } else if !(scalars[i].isHorizontalSpace && last.count == 1) {
        break
      }
      i -= 1
    }
    for entry in words where entry.word.count <= last.count {
      let positions = last.suffix(entry.word.count)
      if zip(positions, entry.word).allSatisfy({ scalars[$0] == $1 }) { return (entry.kind, positions.first!) }
    }
    return nil
  }

  /// Body formulas, most telling first.
  private static let formulas: [(phrase: [Unicode.Scalar], kind: DocumentKind)] = {
    let table: [(String, DocumentKind)] = [
      ("现批复如下", .reply), ("現批覆如下", .reply), ("現批復如下", .reply), ("特此批复", .reply), ("此复", .reply),
      ("此覆", .reply), ("妥否，请批示", .request), ("妥否,请批示", .request), ("请予审批", .request),
      ("特此函告", .letter), ("请函复", .letter), ("现函复如下", .letter), ("現函復如下", .letter),
      ("特此通知", .notice), ("印发给你们", .notice), ("印發給你們", .notice), ("现予印发", .notice),
      ("現予印發", .notice), ("通知如下", .notice), ("特此通报", .circular), ("通报如下", .circular),
      ("特此报告", .report), ("特此公告", .announcement), ("特此通告", .announcement),
      ("纪要如下", .minutes), ("紀要如下", .minutes), ("会议议定", .minutes), ("會議議定", .minutes),
      ("议定事项", .minutes), ("主持召开", .minutes), ("主持召開", .minutes),
    ]
    return table.map { ($0.0.scalars, $0.1) }
  }()

  /// Formulas by their first scalar, for one pass over the text.
  private static let formulasByFirstScalar: [Unicode.Scalar: [Int]] = {
    var table: [Unicode.Scalar: [Int]] = [:]
    for (index, formula) in formulas.enumerated() { table[formula.phrase[0], default: []].append(index) }
    return table
  }()

  private static let formulaStarts = ScalarSet(formulas.map { $0.phrase[0] })

  /// The kind the body's formulas tell, or nil: the most telling formula the text holds.
  static func kind(fromFormulasIn scalars: [Unicode.Scalar]) -> DocumentKind? {
    var best = Int.max
    for (offset, scalar) in scalars.enumerated() {
      guard formulaStarts.contains(scalar), let candidates = formulasByFirstScalar[scalar] else { continue }
      for candidate in candidates where candidate < best && scalars.matches(formulas[candidate].phrase, at: offset) {
        best = candidate
      }
      if best == 0 { break }
    }
    return best < formulas.count ? formulas[best].kind : nil
  }

  /// The scalars `word` takes at `index` with glosses skipped, or nil when it is not there.
  private static func matchLength(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
    var i = index
    for (position, s) in word.enumerated() {
      guard i < limit, scalars[i] == s else { return nil }
      i += 1
      if position < word.count - 1 { i += PinyinGloss.length(in: scalars, at: i) }
    }
    return i - index
  }
}

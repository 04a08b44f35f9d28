import GongwenModel

/// Reads decisions from the fixed verbs of minutes and replies — `原则同意《X》` (approved in
/// principle), `会议原则通过…`, `会议审议通过了《X》`, `会议同意…`, `同意…` — where they open a clause
/// (after `会议` at most): `审议通过的《政府工作报告》` inside a sentence is no decision.
enum DecisionReader {
  /// The decision verb at `index` (the lexicon's ``LexiconEntry/Category/decisionVerb``
  /// entries, the longest) with the kind it records and its length.
  private static func verb(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int, _ lexicon: Lexicon)
    -> (kind: Decision.Kind, length: Int)?
  {
    let storage = lexicon.storage
    guard let found = storage.longest(in: scalars, at: index, limit: limit, categories: LexiconEntry.Category.decisionVerb.bit),
      let kind = storage.entries[found.entry].fullName.flatMap(Decision.Kind.init(rawValue:))
    else { return nil }
    return (kind, found.length)
  }

  /// Words that may stand between a clause start and a clause-initial verb (`会议同意`).
  private static let subjects: [[Unicode.Scalar]] = ["会议", "会议研究", "经研究"].map(\.scalars)

  static func decisions(in text: LexicalText, _ ranges: [Range<Int>]) -> [Decision] {
    let scalars = text.scalars
    var found: [Decision] = []
    for range in ranges {
      var index = range.lowerBound
      while index < range.upperBound {
        guard let verb = scalars.withUnsafeBufferPointer({ verb($0, at: index, limit: range.upperBound, text.lexicon) }),
          isClauseStart(scalars, index, range)
        else {
          index += 1
          continue
        }
        let start = index + verb.length
        var end = start
        while end < range.upperBound && !scalars[end].isClauseBoundary { end += 1 }
        let subject = scalars.trimmingSpaces(start..<end)
        if subject.count >= 2 {
          let titles = DocumentTitle.titles(in: scalars, subject).map { text.string($0.inner) }
          found.append(
            Decision(
              kind: verb.kind, subject: text.string(subject), references: titles,
              range: text.sourceRange(of: index..<subject.upperBound)))
        }
        index = end
      }
    }
    return found
  }

  private static func isClauseStart(_ scalars: [Unicode.Scalar], _ index: Int, _ range: Range<Int>) -> Bool {
    var start = index
    if let marker = SectionMarker.read(scalars, at: range.lowerBound), range.lowerBound + marker.length == start { return true }
    for subject in subjects where start - subject.count >= range.lowerBound && scalars.matches(subject, at: start - subject.count) {
      start -= subject.count
      break
    }
    return start == range.lowerBound || scalars[start - 1].isClauseBoundary || scalars[start - 1].isHorizontalSpace
  }
}

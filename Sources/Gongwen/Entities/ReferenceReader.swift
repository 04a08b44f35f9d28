import GongwenModel

/// Finds the documents a text cites by title in 书名号 `《…》`, keeping nested titles
/// (`《<政府工作报告>2021年主要目标任务分工方案》`, `《…〈…〉…》`), and the 发文字号 printed right after
/// a title (`《国务院关于…的实施意见》（国发〔2016〕56号）`).
enum ReferenceReader {
  struct Citation {
    /// The whole `《…》`, marks included.
    var range: Range<Int>
    /// Inside the outer marks.
    var inner: Range<Int>
    var nested: [Range<Int>]
    var docNumber: Range<Int>?
  }

  /// A title never runs past the end of its paragraph, nor longer than this.
  private static let longestTitle = 300

  /// Every `《…》` in `range`, outermost only, in order.
  static func citations(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Citation] {
    var found: [Citation] = []
    var index = range.lowerBound
    while index < range.upperBound {
      guard scalars[index] == "《", let citation = citation(in: scalars, openingAt: index, limit: range.upperBound) else {
        index += 1
        continue
      }
      found.append(citation)
      index = citation.range.upperBound
    }
    return found
  }

  private static func isNestedOpening(_ s: Unicode.Scalar) -> Bool { s == "<" || s == "〈" || s == "‹" || s == "《" || s == "＜" }
  private static func isNestedClosing(_ s: Unicode.Scalar) -> Bool { s == ">" || s == "〉" || s == "›" || s == "》" || s == "＞" }

  private static func citation(in scalars: [Unicode.Scalar], openingAt open: Int, limit: Int) -> Citation? {
    let end = min(limit, open + longestTitle)
    var depth = 0
    var nested: [Range<Int>] = []
    var nestedStart: Int? = nil
    var i = open + 1
    while i < end {
      let s = scalars[i]
      if s == "\n" { return nil }
      if s == "》" && depth == 0 {
        let docNumber = docNumber(in: scalars, after: i + 1, limit: limit)
        return Citation(range: open..<(i + 1), inner: (open + 1)..<i, nested: nested, docNumber: docNumber)
      }
      if isNestedOpening(s) {
        if depth == 0 { nestedStart = i + 1 }
        depth += 1
      } else if isNestedClosing(s), depth > 0 {
        depth -= 1
        if depth == 0, let start = nestedStart {
          nested.append(start..<i)
          nestedStart = nil
        }
      }
      i += 1
    }
    return nil
  }

  /// A 发文字号 in brackets right after the title.
  private static func docNumber(in scalars: [Unicode.Scalar], after index: Int, limit: Int) -> Range<Int>? {
    guard index < limit, scalars[index].isOpeningBracket else { return nil }
    let window = (index + 1)..<min(limit, index + 40)
    guard let match = DocumentNumberReader.matches(in: scalars, window).first, match.range.lowerBound == index + 1,
      match.range.upperBound < limit, scalars[match.range.upperBound].isClosingBracket
    else { return nil }
    return match.range
  }

  /// The citations as model values, one per title in order of first mention.
  static func references(in text: LexicalText, _ ranges: [Range<Int>]) -> [DocumentReference] {
    let scalars = text.scalars
    var seen: Set<String> = []
    var references: [DocumentReference] = []
    for range in ranges {
      for citation in citations(in: scalars, range) {
        let title = text.string(citation.inner)
        guard !title.isEmpty, seen.insert(title).inserted else { continue }
        references.append(
          DocumentReference(
            title: title, nested: citation.nested.map { text.string($0) },
            docNumber: citation.docNumber.map { text.string($0) },
            range: text.sourceRange(of: citation.range)))
      }
    }
    return references
  }
}

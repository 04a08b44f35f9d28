/// A document title in 书名号 `《…》` (`《国务院关于…的实施意见》`), with the titles nested inside it
/// (`《<政府工作报告>2021年主要目标任务分工方案》`, `《…〈…〉…》`).
public struct DocumentTitle: Hashable, Sendable {
  /// The whole title, brackets included.
  public var range: Range<Int>
  /// The title without the outer brackets.
  public var inner: Range<Int>
  /// The titles nested one level inside, without their brackets: `<…>`, `〈…〉`, `《…》`.
  public var nested: [Range<Int>]

  /// Creates a DocumentTitle from its parts; each argument sets the property of the same name.
  public init(range: Range<Int>, inner: Range<Int>, nested: [Range<Int>] = []) {
    self.range = range
    self.inner = inner
    self.nested = nested
  }

  /// A title never runs past the end of its paragraph, nor longer than this.
  static let longest = 300

  private static func isNestedOpening(_ s: Unicode.Scalar) -> Bool { s == "<" || s == "〈" || s == "‹" || s == "《" || s == "＜" }
  private static func isNestedClosing(_ s: Unicode.Scalar) -> Bool { s == ">" || s == "〉" || s == "›" || s == "》" || s == "＞" }

  /// Reads the title whose `《` stands at `open`, not reading at or past `limit`; nil when it does
  /// not close within its paragraph.
  static func read(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, openingAt open: Int, limit: Int) -> DocumentTitle? {
    guard open < limit, scalars[open] == "《" else { return nil }
    let end = Swift.min(limit, open + longest)
    var depth = 0
    var nested: [Range<Int>] = []
    var nestedStart: Int? = nil
    var i = open + 1
    while i < end {
      let s = scalars[i]
      if s == "\n" { return nil }
      if s == "》" && depth == 0 {
        return DocumentTitle(range: open..<(i + 1), inner: (open + 1)..<i, nested: nested)
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

  /// Every title in `range` of `scalars`, outermost only, in order.
  static func titles(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> [DocumentTitle] {
    scalars.withUnsafeBufferPointer { s in
      var found: [DocumentTitle] = []
      var index = range.lowerBound
      while index < range.upperBound {
        guard s[index] == "《", let title = read(s, openingAt: index, limit: range.upperBound) else {
          index += 1
          continue
        }
        found.append(title)
        index = title.range.upperBound
      }
      return found
    }
  }
}

import GongwenModel

/// Tells the kind of 公文 (文种) from the last word of its title (`…的通知` is a notice even when
/// it issues rules) or, without a title, from the formulas of its body (`现批复如下`, `特此通知`,
/// `纪要如下`) — the lexicon's ``LexiconEntry/Category/kindWord`` and
/// ``LexiconEntry/Category/kindFormula`` entries, read in folded text.
struct KindWords {
  let lexicon: Lexicon

  private static var wordBit: UInt32 { LexiconEntry.Category.kindWord.bit }

  private func kind(ofEntry entry: Int) -> DocumentKind? {
    lexicon.storage.kinds[entry]
  }

  /// The kind word at `index`, with the scalars it takes.
  func word(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (kind: DocumentKind, length: Int)? {
    guard index < limit else { return nil }
    return scalars.withUnsafeBufferPointer { s in
      guard let found = lexicon.storage.longest(in: s, at: index, limit: limit, categories: Self.wordBit),
        let kind = kind(ofEntry: found.entry)
      else { return nil }
      return (kind, found.length)
    }
  }

  /// The kind a title names with its last word, or nil. Letter-spacing (`指 导 意 见`) is
  /// looked through.
  func kind(ofTitle scalars: [Unicode.Scalar], _ range: Range<Int>) -> DocumentKind? {
    ending(of: scalars, range)?.kind
  }

  /// The kind word a title ends with and where it starts.
  func ending(of scalars: [Unicode.Scalar], _ range: Range<Int>) -> (kind: DocumentKind, start: Int)? {
    var end = range.upperBound
    while end > range.lowerBound, scalars[end - 1].isHorizontalSpace || scalars[end - 1] == "》" || scalars[end - 1] == ">"
      || scalars[end - 1] == "〉"
    {
      end -= 1
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
    let word = last.map { scalars[$0] }
    return word.withUnsafeBufferPointer { s in
      guard let found = lexicon.storage.longestEnding(in: s, at: s.count, lowerLimit: 0, categories: Self.wordBit),
        let kind = kind(ofEntry: found.entry)
      else { return nil }
      return (kind, last[last.count - found.length])
    }
  }

  /// The kind the body's formulas tell, or nil: the most telling formula the text holds (the
  /// one listed first in the lexicon).
  func kind(fromFormulasIn scalars: [Unicode.Scalar]) -> DocumentKind? {
    let storage = lexicon.storage
    let bit = LexiconEntry.Category.kindFormula.bit
    var best = Int.max
    scalars.withUnsafeBufferPointer { s in
      for offset in 0..<s.count where storage.forward.canStart(s[offset], categories: bit) {
        storage.each(in: s, at: offset, limit: s.count, categories: bit) { _, entry in best = Swift.min(best, entry) }
      }
    }
    return best < storage.entries.count ? kind(ofEntry: best) : nil
  }
}

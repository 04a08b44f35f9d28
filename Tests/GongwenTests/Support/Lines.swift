@testable import Gongwen

/// Test input given as lines: their scalars joined by line breaks, and each line's range.
struct Lines {
  let scalars: [Unicode.Scalar]
  let ranges: [Range<Int>]

  init(_ lines: [String]) {
    scalars = Array(lines.joined(separator: "\n").unicodeScalars)
    var ranges: [Range<Int>] = []
    var start = 0
    for line in lines {
      let count = line.unicodeScalars.count
      ranges.append(start..<start + count)
      start += count + 1
    }
    self.ranges = ranges
  }
}

/// `text` normalised and folded by the lexical layer with the built-in lexicon, as the parser
/// reads it.
func lexical(_ text: String) -> LexicalText {
  LexicalText(Normalizer().normalize(text), lexicon: .builtIn)
}

extension Lines {
  /// The lines folded by the lexical layer with the built-in lexicon, one paragraph each, as
  /// they are (no reflow).
  var lexical: LexicalText {
    let normalized = NormalizedText(
      scalars: scalars, sourceOffsets: (0..<scalars.count).map { Int32($0) }, paragraphs: ranges.map { Paragraph(range: $0) },
      sourceLength: scalars.count)
    return LexicalText(normalized, lexicon: .builtIn)
  }
}

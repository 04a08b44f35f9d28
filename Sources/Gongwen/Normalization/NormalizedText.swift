import GongwenModel

/// Text after normalisation: one paragraph per line, with an offset map back to the input.
///
/// Every later stage reads ``scalars`` with integer offsets and turns the offsets it reports
/// into `SourceRange`s of the input with ``sourceRange(of:)``.
public struct NormalizedText: Sendable, Hashable {
  /// The normalised text as Unicode scalars; paragraphs are separated by one `"\n"`.
  public let scalars: [Unicode.Scalar]
  /// The paragraphs, in order.
  public let paragraphs: [Paragraph]
  /// For each scalar, the offset of the input scalar it came from.
  private let sourceOffsets: [Int32]
  /// The length of the input in scalars.
  public let sourceLength: Int

  init(scalars: [Unicode.Scalar], sourceOffsets: [Int32], paragraphs: [Paragraph], sourceLength: Int) {
    precondition(scalars.count == sourceOffsets.count)
    self.scalars = scalars
    self.sourceOffsets = sourceOffsets
    self.paragraphs = paragraphs
    self.sourceLength = sourceLength
  }

  /// The normalised text as a string.
  public var text: String { scalars.string(0..<scalars.count) }

  /// The text of a range of ``scalars``.
  public func string(_ range: Range<Int>) -> String {
    scalars.string(range)
  }

  /// The text of a paragraph.
  public func string(of paragraph: Paragraph) -> String { string(paragraph.range) }

  /// The offset in the input of the scalar at `index` (the input's length at the end).
  public func sourceOffset(of index: Int) -> Int {
    index < sourceOffsets.count ? Int(sourceOffsets[index]) : sourceLength
  }

  /// The input range a range of ``scalars`` came from.
  public func sourceRange(of range: Range<Int>) -> SourceRange {
    guard !range.isEmpty else {
      let offset = sourceOffset(of: range.lowerBound)
      return SourceRange(start: offset, end: offset)
    }
    let start = Int(sourceOffsets[range.lowerBound])
    let end = Int(sourceOffsets[range.upperBound - 1]) + 1
    return SourceRange(start: start, end: max(start, end))
  }
}

/// A paragraph of normalised text: wrapped lines joined, extraction artefacts removed.
public struct Paragraph: Sendable, Hashable {
  /// Where the paragraph lies in ``NormalizedText/scalars``.
  public var range: Range<Int>
  /// Offsets (into ``NormalizedText/scalars``) where a line break of the input was joined:
  /// the first scalar of each continuation line. A roster reader treats them as weak
  /// separators (`市委网信办` + break + `陈雪嵘`).
  public var lineJoins: [Int]
  /// How many input lines the paragraph was joined from.
  public var lineCount: Int
  /// Whether its first line was indented (two or more spaces, a tab or an ideographic space).
  public var isIndented: Bool

  /// Creates a Paragraph from its parts; each argument sets the property of the same name.
  public init(range: Range<Int>, lineJoins: [Int] = [], lineCount: Int = 1, isIndented: Bool = false) {
    self.range = range
    self.lineJoins = lineJoins
    self.lineCount = lineCount
    self.isIndented = isIndented
  }
}

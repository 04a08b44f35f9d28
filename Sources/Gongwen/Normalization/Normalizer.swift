import GongwenModel

/// Turns decoded text — often the output of PDF extraction or a web page copy — into clean
/// paragraphs, keeping an offset map back to the input.
///
/// It undoes what extraction leaves behind: hard line wraps (with or without a blank line
/// after every line), page-break spaces and page numbers, spaces that extraction put inside
/// words and numbers (`2021 年 1 月` → `2021年1月`, `第 126` + break + `次` → `第126次`), and it
/// folds what the output contract folds (full-width letters and digits, section-marker
/// brackets). Spaces that separate things — roster entries, two organs on a line, a number
/// and its heading, two sentences — stay, as one space, for the later stages to read.
public struct Normalizer: Sendable {
  /// What normalisation changes beyond the folding the contract asks for.
  public struct Options: Sendable, Hashable {
    /// Convert Traditional characters to Simplified (繁体 → 简体). Off by default: the
    /// contract keeps the document's own characters.
    public var convertsTraditionalToSimplified: Bool

    /// Creates options; each argument sets the property of the same name.
    public init(convertsTraditionalToSimplified: Bool = false) {
      self.convertsTraditionalToSimplified = convertsTraditionalToSimplified
    }
  }

  /// The options every normalisation uses.
  public var options: Options
  /// The lexicon whose variants convert Traditional characters (with
  /// ``Options/convertsTraditionalToSimplified``) and whose labels tell where a block begins.
  public var lexicon: Lexicon

  /// Creates a normaliser reading `lexicon`'s variants and labels.
  public init(options: Options = Options(), lexicon: Lexicon = .builtIn) {
    self.options = options
    self.lexicon = lexicon
  }

  /// Normalises decoded text: paragraphs, folded forms and an offset map back to `text`.
  public func normalize(_ text: String) -> NormalizedText {
    normalize(Array(unicodeScalarsOf: text))
  }

  /// Normalises the scalars of decoded text; offsets in the result map back into `source`.
  public func normalize(_ source: [Unicode.Scalar]) -> NormalizedText {
    let folded = WidthFolding(source, simplifying: options.convertsTraditionalToSimplified ? lexicon.storage : nil)
    var shapes = folded.lines.map { LineShape(folded.scalars, $0, lexicon: lexicon) }
    LineShape.markSplitLabels(&shapes, folded.scalars, lexicon)
    LineShape.markCharacterColumns(&shapes, folded.scalars)
    let profile = LayoutProfile(shapes)
    var builder = ParagraphBuilder(folded: folded, sourceLength: source.count)
    for group in Reflow.paragraphs(shapes, profile) {
      builder.add(group, shapes)
    }
    return builder.finish()
  }
}

/// Groups lines into paragraphs from the signals the layout gives.
enum Reflow {
  static func paragraphs(_ lines: [LineShape], _ profile: LayoutProfile) -> [[Int]] {
    var groups: [[Int]] = []
    var current: [Int] = []
    var blankLines = 0
    var separated = false
    for (index, line) in lines.enumerated() {
      switch line.kind {
      case .empty:
        blankLines += 1
      case .whitespace:
        separated = true
      case .pageNumber:
        blankLines = 0  // the blank lines around a page number belong to the page break
      case .text:
        if let previous = current.last,
          endsParagraph(lines[previous], before: line, blankLines: blankLines, separated: separated, profile)
        {
          groups.append(current)
          current = []
        }
        current.append(index)
        blankLines = 0
        separated = false
      }
    }
    if !current.isEmpty { groups.append(current) }
    return groups
  }

  private static func endsParagraph(
    _ line: LineShape, before next: LineShape, blankLines: Int, separated: Bool, _ profile: LayoutProfile
  ) -> Bool {
    if line.opensSplitLabel || next.continuesCharacterColumn { return false }
    if separated || blankLines >= (profile.doubleSpaced ? 2 : 1) { return true }
    guard profile.isWrapped else { return true }  // a paragraph a line
    if next.startsBlock { return true }
    if profile.indentBeginsParagraph && next.leading == .indent { return true }
    if profile.trailingSpaceEndsParagraph { return line.hasTrailingSpace }
    guard let pageWidth = profile.pageWidth else { return true }
    return line.width < pageWidth - profile.tolerance || line.endsClause
  }
}

/// Builds the normalised text paragraph by paragraph: joins a paragraph's lines, then settles
/// its spaces and marker brackets.
struct ParagraphBuilder {
  private let folded: WidthFolding
  private let sourceLength: Int
  private var scalars: [Unicode.Scalar] = []
  private var sources: [Int32] = []
  private var paragraphs: [Paragraph] = []
  // Per-paragraph scratch space, reused.
  private var joined: [Unicode.Scalar] = []
  private var joinedSources: [Int32] = []
  /// Which scalars of `joined` begin a continuation line; all false between paragraphs.
  private var lineStarts: [Bool] = []

  init(folded: WidthFolding, sourceLength: Int) {
    self.folded = folded
    self.sourceLength = sourceLength
    scalars.reserveCapacity(folded.scalars.count)
    sources.reserveCapacity(folded.scalars.count)
  }

  mutating func add(_ group: [Int], _ shapes: [LineShape]) {
    joined.removeAll(keepingCapacity: true)
    joinedSources.removeAll(keepingCapacity: true)
    var length = group.count
    for lineIndex in group { length += shapes[lineIndex].content.count }
    if lineStarts.count < length { lineStarts += repeatElement(false, count: length - lineStarts.count) }
    var starts: [Int] = []
    for (position, lineIndex) in group.enumerated() {
      let content = shapes[lineIndex].content
      if position > 0, let last = joined.last, last.isASCIILetter,
        folded.scalars[content.lowerBound].isASCIILetter
      {
        joined.append(" ")
        joinedSources.append(folded.terminators[group[position - 1]])
      }
      if position > 0 && !content.isEmpty {
        lineStarts[joined.count] = true
        starts.append(joined.count)
      }
      joined.append(contentsOf: folded.scalars[content])
      joinedSources.append(contentsOf: folded.sources[content])
    }
    if !paragraphs.isEmpty {
      scalars.append("\n")
      sources.append(min(sources.last.map { $0 + 1 } ?? 0, Int32(sourceLength)))
    }
    let start = scalars.count
    var joins: [Int] = []
    SpaceSettling.settle(
      joined, joinedSources, lineStarts, into: &scalars, &sources, joins: &joins)
    for start in starts { lineStarts[start] = false }
    if scalars.count == start {
      if !paragraphs.isEmpty {
        scalars.removeLast()
        sources.removeLast()
      }
      return
    }
    paragraphs.append(
      Paragraph(
        range: start..<scalars.count, lineJoins: joins, lineCount: group.count,
        isIndented: shapes[group[0]].leading == .indent))
  }

  func finish() -> NormalizedText {
    NormalizedText(scalars: scalars, sourceOffsets: sources, paragraphs: paragraphs, sourceLength: sourceLength)
  }
}

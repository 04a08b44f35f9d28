/// What a line of the input looks like to the reflow: its content without surrounding
/// spaces, the spaces around it, its width on the page, and how it begins and ends.
struct LineShape {
  enum Kind { case empty, whitespace, pageNumber, text }
  enum Leading { case none, strayspace, indent }

  /// The content, without leading and trailing spaces, as a range of folded scalars.
  var content: Range<Int>
  var kind: Kind
  /// One ASCII space before the content is what PDF extraction leaves on a page's first line;
  /// more (or an ideographic space) is an indentation.
  var leading: Leading
  var hasTrailingSpace: Bool
  /// Columns the content takes (汉字 two, ASCII one).
  var width: Int
  /// The content begins with a section marker or a block label (出席：).
  var startsBlock: Bool
  /// The content is the first characters of a block label that the next line completes (`出`
  /// above `席：…`, as PDF extraction splits a letter-spaced label): the two lines join.
  var opensSplitLabel = false
  /// The line is one 汉字 in a run of at least three such lines (a grid that PDF extraction put
  /// one character per line): the run joins into one paragraph.
  var continuesCharacterColumn = false
  /// The content ends with 。！？；： or their ASCII forms.
  var endsClause: Bool

  /// Whether the line opens with a section marker (other than a decimal one) or a block label
  /// (`出席：`, `列 席:`), read in its first scalars folded as the lexical layer folds them
  /// (`(一)` reads `（一）`).
  private static func opensBlock(_ scalars: [Unicode.Scalar], _ line: Range<Int>, _ lexicon: Lexicon) -> Bool {
    let storage = lexicon.storage
    let first = storage.folded(scalars[line.lowerBound])
    guard SectionMarker.firstScalars.contains(first) || storage.forward.canStart(first, categories: LexiconEntry.Category.label.bit) else {
      return false
    }
    let window = scalars[line.lowerBound..<min(line.upperBound, line.lowerBound + 16)].map { storage.folded($0) }
    if let marker = SectionMarker.read(window, at: 0), marker.style != .decimal { return true }
    guard storage.forward.canStart(window[0], categories: LexiconEntry.Category.label.bit) else { return false }
    return BlockLabel.read(window, at: 0, lexicon: lexicon) != nil
  }

  /// Marks each line that is the start of a label the next line completes, and the next line
  /// as no block start of its own.
  static func markSplitLabels(_ shapes: inout [LineShape], _ scalars: [Unicode.Scalar], _ lexicon: Lexicon) {
    guard shapes.count > 1 else { return }
    let storage = lexicon.storage
    for index in 0..<(shapes.count - 1) {
      let line = shapes[index]
      guard line.kind == .text, line.content.count <= 3, !line.startsBlock,
        storage.forward.canStart(storage.folded(scalars[line.content.lowerBound]), categories: LexiconEntry.Category.label.bit)
      else { continue }
      // The next text line, past blank lines.
      var next = index + 1
      while next < shapes.count, shapes[next].kind == .empty { next += 1 }
      guard next < shapes.count, shapes[next].kind == .text else { continue }
      let rest = shapes[next].content
      let window = (Array(scalars[line.content]) + Array(scalars[rest.lowerBound..<min(rest.upperBound, rest.lowerBound + 16)]))
        .map { storage.folded($0) }
      guard let read = BlockLabel.read(window, at: 0, lexicon: lexicon), read.length > line.content.count else { continue }
      shapes[index].opensSplitLabel = true
      shapes[index].startsBlock = true
      shapes[next].startsBlock = false
    }
  }

  /// Marks the lines of each run of three or more lines that hold one 汉字 each (past blank
  /// lines), but the first, as continuing the run.
  static func markCharacterColumns(_ shapes: inout [LineShape], _ scalars: [Unicode.Scalar]) {
    func isSingle(_ shape: LineShape) -> Bool {
      shape.kind == .text && shape.content.count == 1 && scalars[shape.content.lowerBound].isHan
    }
    var run: [Int] = []
    func close() {
      if run.count >= 3 { for index in run.dropFirst() { shapes[index].continuesCharacterColumn = true } }
      run = []
    }
    for index in shapes.indices {
      if isSingle(shapes[index]) {
        run.append(index)
      } else if shapes[index].kind != .empty {
        close()
      }
    }
    close()
  }

  init(_ scalars: [Unicode.Scalar], _ range: Range<Int>, lexicon: Lexicon) {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end && scalars[start].isHorizontalSpace { start += 1 }
    while end > start && scalars[end - 1].isHorizontalSpace { end -= 1 }
    content = start..<end
    hasTrailingSpace = end < range.upperBound && start < end
    let leadingCount = start - range.lowerBound
    if leadingCount == 0 || start == end {
      leading = .none
    } else if leadingCount == 1 && scalars[range.lowerBound] == " " {
      leading = .strayspace
    } else {
      leading = .indent
    }
    var width = 0
    for i in content { width += scalars[i].displayWidth }
    self.width = width
    if range.isEmpty {
      kind = .empty
    } else if content.isEmpty {
      kind = .whitespace
    } else if Self.isPageNumber(scalars[content]) {
      kind = .pageNumber
    } else {
      kind = .text
    }
    if kind == .text {
      startsBlock = Self.opensBlock(scalars, start..<end, lexicon)
      switch scalars[end - 1] {
      case "。", "！", "？", "；", "：", "!", "?", ";", ":": endsClause = true
      default: endsClause = false
      }
    } else {
      startsBlock = false
      endsClause = false
    }
  }

  private static func isDash(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "-", "—", "–", "－", "‒", "―", "─", "━": return true
    default: return false
    }
  }

  /// Page numbers as printed in 公文 footers: `— 3 —`, `-3-`, `- 12 -`.
  static func isPageNumber(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
    var i = content.startIndex
    let end = content.endIndex
    var leadingDashes = 0
    while i < end && (isDash(content[i]) || content[i].isHorizontalSpace) {
      if isDash(content[i]) { leadingDashes += 1 }
      i += 1
    }
    var digits = 0
    while i < end && content[i].isASCIIDigit {
      digits += 1
      i += 1
    }
    var trailingDashes = 0
    while i < end && (isDash(content[i]) || content[i].isHorizontalSpace) {
      if isDash(content[i]) { trailingDashes += 1 }
      i += 1
    }
    return i == end && leadingDashes > 0 && trailingDashes > 0 && (1...4).contains(digits)
  }
}

/// How the whole input was laid out, read from all its lines: whether extraction put a blank
/// line after every line, whether lines were hard-wrapped at a page width, and which signals
/// mark the end of a paragraph in this document.
struct LayoutProfile {
  /// A blank line follows (nearly) every line, so one blank line means nothing.
  var doubleSpaced = false
  /// Lines were wrapped: a paragraph runs over several lines.
  var isWrapped = false
  /// The width lines were wrapped at, when the line widths show it.
  var pageWidth: Int? = nil
  /// A trailing space ends each paragraph's last line and no other (as in the seed document).
  var trailingSpaceEndsParagraph = false
  /// Indented lines begin paragraphs (some lines are indented, most are not).
  var indentBeginsParagraph = false

  /// Columns a wrapped line may fall short of the page width and still count as full
  /// (first-line indentation, a narrow digit or two).
  var tolerance: Int { max(6, (pageWidth ?? 0) / 8) }

  init(_ lines: [LineShape]) {
    var textCount = 0
    var followedByOneBlank = 0
    var trailing = 0
    var unterminated = 0
    var shortestUnterminated = Int.max
    var widest = 0
    var indented = 0
    let widthCap = 400
    var histogram = [Int](repeating: 0, count: widthCap + 1)
    var measured = 0
    for (index, line) in lines.enumerated() where line.kind == .text {
      textCount += 1
      if index + 1 < lines.count, lines[index + 1].kind == .empty,
        index + 2 >= lines.count || lines[index + 2].kind != .empty
      {
        followedByOneBlank += 1
      }
      widest = max(widest, line.width)
      if line.hasTrailingSpace {
        trailing += 1
      } else if !line.endsClause {
        unterminated += 1
        shortestUnterminated = min(shortestUnterminated, line.width)
      }
      if line.leading == .indent { indented += 1 }
      // A trailing space marks a paragraph's last line, which stops short of the page width.
      if line.width >= 16 && !line.hasTrailingSpace {
        histogram[min(line.width, widthCap)] += 1
        measured += 1
      }
    }
    guard textCount > 0 else { return }
    doubleSpaced = textCount >= 2 && followedByOneBlank * 2 >= textCount

    // The page width is the top of the densest 5-column band of line widths; lines were
    // hard-wrapped when that band holds a good share of the lines and few run past it.
    var best = 0
    var bestWidth = 0
    var window = 0
    for width in 0..<widthCap {
      window += histogram[width]
      if width >= 5 { window -= histogram[width - 5] }
      if window >= best {
        best = window
        bestWidth = width
      }
    }
    let wider = histogram[min(bestWidth + 9, widthCap + 1)...].reduce(0, +)
    if measured >= 4, best >= 3, best * 4 >= measured, wider * 10 <= measured, bestWidth >= 36 {
      isWrapped = true
      pageWidth = bestWidth
      trailingSpaceEndsParagraph = trailing >= 2 && trailing * 10 <= textCount * 8
    } else if doubleSpaced, trailing > 0, unterminated * 2 > textCount - trailing, widest < 120,
      shortestUnterminated * 10 >= widest * 6
    {
      // Too few lines to show a page width, but the extraction's habits show: a blank line
      // after every line, trailing spaces on some, and the others broken mid-sentence at
      // about the same width.
      isWrapped = true
      trailingSpaceEndsParagraph = true
    }
    indentBeginsParagraph = indented > 0 && indented * 10 <= textCount * 6
  }
}

import GongwenModel

/// Reads the lines of a document once, in order, cutting them into units and giving each a
/// role. Where it is decides what it looks for:
///
/// - front: the 版头, title and 主送 lines and the opening paragraphs, until a section marker
///   (the body begins) or a closing element after unnumbered body text (a covering notice);
/// - body: sections and their text, until a closing element;
/// - closing: rosters, formulas, signature, dates, notes, 版记 — until a line that is none of
///   them and continues no roster, which begins an attachment;
/// - attachment: its title and opening paragraphs, until its first marker;
/// - table of contents: the entries after `目录`, until the first of them comes again.
///
/// Every decision looks at most a few lines ahead, so the time is linear in the text.
struct LayoutScanner {
  enum Mode {
    case front, body, closing, attachment, tableOfContents
  }

  enum UnitRole: Equatable {
    case front, unnumberedBody, tableOfContents, heading(Int), body(Int), attachmentTitle, attachmentPreamble
    case label(BlockLabel), closingFormula, organLine, compilerLine, dateLine, note, issuance, artifact
  }

  struct Unit {
    var range: Range<Int>
    /// The line, which is also the paragraph's index in ``LexicalText/paragraphs``.
    var line: Int
    var role: UnitRole
    var label: LabelledContent? = nil
  }

  private let text: LexicalText
  /// The readers of closing elements, on the text's lexicon.
  private let closing: ClosingElements
  /// The folded scalars the scanner reads (``LexicalText/scalars``).
  private let s: [Unicode.Scalar]
  /// The range of each paragraph, by paragraph index: the lines the scanner reads.
  private let lines: [Range<Int>]
  /// What a copy cut short left after its last line of text: `...`, an unfinished marker
  /// (`(十一`). Not document text, but a block of its own, so nothing of the text is lost.
  private let cutResidue: Range<Int>?
  /// The lines that hold a Chinese numeral alone (`一`, `二`: a copy that lost the `、` after
  /// it), as markers, where they make a run `一`, `二`, … of two or more in document order.
  private let bareMarkers: [Int: SectionMarker]
  private(set) var units: [Unit] = []
  private(set) var tree = SectionTree()
  private var mode = Mode.front
  // Front: units whose role waits for what follows (body start or a signature).
  private var pendingFront: [Int] = []
  private var frontHasSentence = false
  /// The label of the roster the last front line opened or continued (`出席：` under the title).
  private var frontRoster: BlockLabel? = nil
  /// The organ named before `关于` in the title, which signs the document.
  private var issuingOrgan: ArraySlice<Unicode.Scalar>? = nil
  // Closing: the label whose continuation lines may follow, and whether its list goes on.
  private var rosterLabel: BlockLabel? = nil
  private var listOpen = false
  // Attachment: whether its opening paragraphs began (its title lines come before).
  private var attachmentHasPreamble = false
  // Table of contents: its first entry, and the mode to go back to.
  private var contentsFirst: (key: SectionTree.Key, ordinal: Int)? = nil
  private var contentsReturn = Mode.front
  /// The section whose heading is spread one character per line (`总` / `则`: letter-spacing
  /// that extraction turned into line breaks), while further lines may continue it.
  private var spreadHeading: Int? = nil
  /// The section whose marker stood alone and whose next line ends with `：`, leading into the
  /// sentence on the line after: its title goes on to that sentence's end.
  private var leadIn: Int? = nil
  /// The numbering of a document-sharing page's chunks (`1、(一)…`, `2、…`): the style and the
  /// last number seen, whose markers at a line start are not the document's.
  private var chunkNumbering: (key: SectionTree.Key, ordinal: Int)? = nil
  // The line being read.
  private var line = 0
  private var lineStart = 0
  private var lineEnd = 0

  init(_ text: LexicalText) {
    self.text = text
    closing = ClosingElements(lexicon: text.lexicon)
    s = text.scalars
    (lines, cutResidue) = Self.lines(of: text)
    bareMarkers = Self.bareMarkers(s, lines)
    units.reserveCapacity(lines.count)  // every line makes a unit, most make one
  }

  /// The paragraphs' ranges (normalisation leaves them trimmed and non-empty), without what a
  /// web copy cut short leaves at its end: the `...`, and an unfinished marker on a line of its
  /// own (`(十一`) — not document text. The residue's range comes apart.
  private static func lines(of text: LexicalText) -> (lines: [Range<Int>], residue: Range<Int>?) {
    var lines = text.paragraphs.map(\.range)
    guard let last = lines.last else { return (lines, nil) }
    let s = text.scalars
    var residue: Range<Int>? = nil
    var upper = last.upperBound
    while upper > last.lowerBound && s[upper - 1] == "." { upper -= 1 }
    if last.upperBound - upper >= 3 {
      while upper > last.lowerBound && s[upper - 1].isHorizontalSpace { upper -= 1 }
      residue = upper..<last.upperBound
      if upper == last.lowerBound { lines.removeLast() } else { lines[lines.count - 1] = last.lowerBound..<upper }
    }
    if let line = lines.last, isUnfinishedMarker(s, line) {
      residue = line.lowerBound..<(residue?.upperBound ?? line.upperBound)
      lines.removeLast()
    }
    return (lines, residue)
  }

  /// `(十一`, `（3`: an opening bracket and a number, nothing after — a marker the cut stopped in.
  private static func isUnfinishedMarker(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
    guard line.count >= 2, line.count <= 4, s[line.lowerBound] == "（" else { return false }
    return s[(line.lowerBound + 1)..<line.upperBound].allSatisfy { ChineseNumeral.isNumeralScalar($0) || $0.isASCIIDigit }
  }

  /// The lines that hold a Chinese numeral alone and make a run counting from `一`, each with
  /// its marker (the numeral as printed; the style of `一、`, whose place it takes).
  private static func bareMarkers(_ s: [Unicode.Scalar], _ lines: [Range<Int>]) -> [Int: SectionMarker] {
    var markers: [Int: SectionMarker] = [:]
    var run: [(line: Int, value: Int)] = []
    func close() {
      if run.count >= 2 {
        for (line, value) in run {
          markers[line] = SectionMarker(
            style: .chineseComma, ordinal: value, parts: [value], length: lines[line].count,
            canonical: String(scalars: s[lines[line]]))
        }
      }
      run.removeAll()
    }
    for (index, line) in lines.enumerated() where line.count <= 3 {
      let numeral = s[line]
      guard numeral.allSatisfy(ChineseNumeral.isNumeralScalar), let value = ChineseNumeral.value(of: numeral), value > 0
      else { continue }
      if value == (run.last?.value ?? 0) + 1 {
        run.append((index, value))
      } else {
        close()
        if value == 1 { run.append((index, value)) }
      }
    }
    close()
    return markers
  }

  /// Adds a unit without the spaces at its end.
  private mutating func addUnit(_ unit: Unit) {
    var unit = unit
    unit.range = s.withoutTrailingSpaces(unit.range)
    units.append(unit)
  }

  mutating func run() {
    for (index, range) in lines.enumerated() {
      (line, lineStart, lineEnd) = (index, range.lowerBound, range.upperBound)
      var position = lineStart
      while position < lineEnd {
        let end = step(at: position)
        position = max(end, position + 1)
        while position < lineEnd && s[position].isHorizontalSpace { position += 1 }
      }
    }
    if mode == .front { flushFront(splittingBody: true) }
    if let residue = cutResidue {
      addUnit(Unit(range: residue, line: text.paragraphs.count - 1, role: .artifact))
    }
  }

  private mutating func step(at position: Int) -> Int {
    switch mode {
    case .front: return stepFront(at: position)
    case .body: return stepBody(at: position)
    case .closing: return stepClosing(at: position)
    case .attachment: return stepAttachment(at: position)
    case .tableOfContents: return stepContents(at: position)
    }
  }

  // MARK: Front

  private mutating func stepFront(at position: Int) -> Int {
    let atLineStart = position == lineStart
    if atLineStart, let length = artifactLength(at: position) {
      addUnit(Unit(range: position..<(position + length), line: line, role: .artifact))
      return position + length
    }
    if atLineStart && isContentsHeader() {
      flushFront(splittingBody: false)
      return enterContents(returningTo: .front)
    }
    if atLineStart && contentsStartHere() {
      flushFront(splittingBody: false)
      return enterShapedContents(returningTo: .front, at: position)
    }
    if let marker = marker(at: position),
      atLineStart ? opensBodyAtLineStart(marker) : startsNumbering(marker) && opensInLine(marker, at: position)
    {
      flushFront(splittingBody: false)
      mode = .body
      return stepBody(at: position)
    }
    if frontHasSentence && closingElementStarts(at: position, afterClause: true) {
      flushFront(splittingBody: true)
      enterClosing()
      return stepClosing(at: position)
    }
    let read = BlockLabel.read(s, at: position, limit: lineEnd, lexicon: text.lexicon)
    // A roster in the front (`出席：王一明、李二华` under the title) runs on past its colon: the
    // names are its content, not the next unit; the roster lines under it continue it.
    let end: Int
    var label: LabelledContent? = nil
    if let read, read.label.isAttendance, position + read.length < lineEnd {
      end = rosterEnd(from: position + read.length)
      label = LabelledContent(label: read.label, content: trimmed((position + read.length)..<end), opensBlock: true)
    } else if read == nil, atLineStart, let roster = frontRoster, marker(at: position) == nil, isRosterLine(position..<lineEnd) {
      end = rosterEnd(from: position)
      label = LabelledContent(label: roster, content: trimmed(position..<end), opensBlock: false)
    } else {
      end = frontUnitEnd(from: position)
      if let read, position + read.length <= end {
        label = LabelledContent(label: read.label, content: trimmed((position + read.length)..<end), opensBlock: true)
      }
    }
    if atLineStart { frontRoster = label.flatMap { $0.label.isAttendance ? $0.label : nil } }
    pendingFront.append(units.count)
    var unit = Unit(range: position..<end, line: line, role: .front)
    unit.label = label
    addUnit(unit)
    if holdsSentence(position..<end) { frontHasSentence = true }
    if issuingOrgan == nil && atLineStart { issuingOrgan = organBeforeAbout(position..<end) }
    return end
  }

  /// A front unit runs to the end of its clause, or to a marker that starts the numbering.
  private func frontUnitEnd(from position: Int) -> Int {
    for (j, afterClause) in boundaries(from: position) {
      if afterClause || startsNumberingInLine(at: j) { return j }
    }
    return lineEnd
  }

  /// A roster in the front runs to the end of its line, or to a marker that starts the numbering.
  private func rosterEnd(from position: Int) -> Int {
    for (j, _) in boundaries(from: position) where startsNumberingInLine(at: j) { return j }
    return lineEnd
  }

  /// Gives the pending front units their roles: all front when the body follows; when a
  /// signature follows instead, the units after the 主送 line (or after the title lines) are
  /// the unnumbered body of the document.
  private mutating func flushFront(splittingBody: Bool) {
    defer { pendingFront.removeAll() }
    guard splittingBody else { return }
    // The body starts after the last 主送 line before the first sentence, or at that sentence
    // (at the first long unit when there is none).
    let ranges = pendingFront.map { units[$0].range }
    let firstSentence = ranges.firstIndex(where: holdsSentence) ?? ranges.firstIndex { $0.count >= 60 } ?? ranges.count
    var bodyStart = firstSentence
    if let recipients = ranges[..<firstSentence].lastIndex(where: isRecipientsLine) { bodyStart = recipients + 1 }
    for unit in pendingFront[bodyStart...] { units[unit].role = .unnumberedBody }
  }

  /// `国务院办公厅` in `国务院办公厅关于…的函`.
  private func organBeforeAbout(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar>? {
    var after = range.lowerBound
    while after + 1 < range.upperBound, after - range.lowerBound < 30, s[after].isHan {
      if (s[after] == "关") && (s[after + 1] == "于") {
        guard after - range.lowerBound >= 2, closing.endsOrganName(s[after - 1]) else { return nil }
        return s[range.lowerBound..<after]
      }
      after += 1
    }
    return nil
  }

  private func isRecipientsLine(_ range: Range<Int>) -> Bool {
    guard let last = range.last, s[last] == "：", range.count <= 100 else { return false }
    for i in range.dropLast() where s[i] == "。" || (s[i] == "如" && s[i + 1] == "下") { return false }
    return true
  }

  private func holdsSentence(_ range: Range<Int>) -> Bool {
    for i in range where s[i] == "。" || s[i] == "！" || s[i] == "？" { return true }
    return false
  }

  // MARK: Body

  private mutating func stepBody(at position: Int) -> Int {
    let atLineStart = position == lineStart
    if let length = artifactLength(at: position) {
      addUnit(Unit(range: position..<(position + length), line: line, role: .artifact))
      return position + length
    }
    if closingElementStarts(at: position, afterClause: true) {
      enterClosing()
      return stepClosing(at: position)
    }
    if let marker = marker(at: position), atLineStart || continuesInLine(marker, at: position) {
      return openSection(marker, at: position)
    }
    guard let node = tree.current else {
      // Text before any marker in body mode (after a table of contents): front matter.
      addUnit(Unit(range: position..<lineEnd, line: line, role: .front))
      return lineEnd
    }
    let end = nextBodyEvent(from: position)
    if tree.nodes[node].title.isEmpty && tree.nodes[node].text.isEmpty {
      // The marker stood alone on its line: the heading is on this one.
      let title = titleEnd(from: position, to: end, glued: end < lineEnd)
      tree.setTitle(node, position..<title)
      spreadHeading = isLoneCharacterLine(position) ? node : nil
      // `议定了以下意见：` and the sentence it leads into on the next line make the first sentence.
      leadIn = title == lineEnd && s[lineEnd - 1] == "：" ? node : nil
    } else if spreadHeading == node, isLoneCharacterLine(position) {
      // `总` / `则`: the heading goes on, a character a line.
      tree.setTitle(node, tree.nodes[node].title.lowerBound..<lineEnd)
    } else if leadIn == node, atLineStart {
      leadIn = nil
      let title = titleEnd(from: position, to: end, glued: end < lineEnd)
      if holdsSentence(position..<title) { tree.setTitle(node, tree.nodes[node].title.lowerBound..<title) }
    } else {
      spreadHeading = nil
      leadIn = nil
    }
    tree.addText(node, position..<end)
    addUnit(Unit(range: position..<end, line: line, role: .body(node)))
    return end
  }

  /// Adds the block a closing label opens (`出席：…`, `固定列席：…`) over `range`, its entries in
  /// `content`, and keeps the list open for the lines under it; returns where the block ends.
  private mutating func openRoster(_ label: BlockLabel, _ range: Range<Int>, content: Range<Int>) -> Int {
    var unit = Unit(range: range, line: line, role: .label(label))
    unit.label = LabelledContent(label: label, content: trimmed(content), opensBlock: true)
    addUnit(unit)
    rosterLabel = label
    listOpen = true
    return range.upperBound
  }

  /// Whether the line holds one 汉字 alone, starting at `position`.
  private func isLoneCharacterLine(_ position: Int) -> Bool {
    position == lineStart && lineEnd - lineStart == 1 && s[position].isHan
  }

  private mutating func openSection(_ marker: SectionMarker, at position: Int) -> Int {
    spreadHeading = nil
    leadIn = nil
    let node = tree.add(marker, at: position)
    var contentStart = position + marker.length
    while contentStart < lineEnd && s[contentStart].isHorizontalSpace { contentStart += 1 }
    let end = contentStart < lineEnd ? nextBodyEvent(from: contentStart) : lineEnd
    let glued = position != lineStart || end < lineEnd
    let title = titleEnd(from: contentStart, to: end, glued: glued)
    tree.setTitle(node, contentStart..<title)
    if contentStart < end { tree.addText(node, contentStart..<end) }
    addUnit(Unit(range: position..<max(title, position + marker.length), line: line, role: .heading(node)))
    var rest = title
    while rest < end && s[rest].isHorizontalSpace { rest += 1 }
    if rest < end { addUnit(Unit(range: rest..<end, line: line, role: .body(node))) }
    return end
  }

  /// What the copy put into the text at `position` that is no part of the document: a page
  /// counter between spaces (`1 / 3`), a document-sharing page's chunk number at a line start
  /// (`1、` before the document's own first marker, `2、`… after it). Returns its length.
  private mutating func artifactLength(at position: Int) -> Int? {
    if let length = pageCounterLength(at: position) { return length }
    guard position == lineStart, let marker = marker(at: position),
      marker.style == .arabicComma || marker.style == .arabicStop
    else { return nil }
    let key = SectionTree.Key(marker)
    if let chunks = chunkNumbering {
      guard chunks.key == key, marker.ordinal == chunks.ordinal + 1 else { return nil }
    } else {
      var next = position + marker.length
      while next < lineEnd && s[next].isHorizontalSpace { next += 1 }
      guard marker.ordinal == 1, let inner = self.marker(at: next), inner.style != .circled, inner.style != .decimal
      else { return nil }
    }
    chunkNumbering = (key, marker.ordinal)
    return marker.length
  }

  /// `1 / 3`, `2/12` standing between spaces (or at a line's ends): a page counter, page N of
  /// M with N ≤ M.
  private func pageCounterLength(at position: Int) -> Int? {
    guard position == lineStart || s[position - 1].isHorizontalSpace else { return nil }
    var i = position
    func number() -> Int? {
      let start = i
      var value = 0
      while i < lineEnd, s[i].isASCIIDigit, i - start < 4 {
        value = value * 10 + Int(s[i].value - 0x30)
        i += 1
      }
      return i > start ? value : nil
    }
    guard let page = number(), page > 0 else { return nil }
    while i < lineEnd && s[i].isHorizontalSpace { i += 1 }
    guard i < lineEnd, s[i] == "/" || s[i] == "／" else { return nil }
    i += 1
    while i < lineEnd && s[i].isHorizontalSpace { i += 1 }
    guard let pages = number(), page <= pages, i == lineEnd || s[i].isHorizontalSpace else { return nil }
    return i - position
  }

  /// Where the text that starts at `position` stops: at a marker that continues the numbering,
  /// at a closing element or a page counter inside the line, or at the end of the line. A
  /// contact note inside a paragraph (`…报送市政府研究室。（联系人：…）`) belongs to the paragraph.
  private func nextBodyEvent(from position: Int) -> Int {
    let undated = isUndated(from: position)
    for (j, afterClause) in boundaries(from: position) {
      if pageCounterLength(at: j) != nil { return j }
      if let marker = marker(at: j), continuesInLine(marker, at: j) { return j }
      if closingElementStarts(at: j, afterClause: afterClause, undated: undated), !ClosingElements.isContactNote(s, at: j, end: lineEnd) {
        return j
      }
    }
    return lineEnd
  }

  private func continuesInLine(_ marker: SectionMarker, at position: Int) -> Bool {
    marker.style != .circled && tree.continues(marker) && opensInLine(marker, at: position)
  }

  /// Whether a marker inside a line stands at the start of an item rather than inside a
  /// sentence: after `：` or `；` the item must run to a `。` before the next `；`
  /// (`纪要如下:一、会议听取了…汇报。` opens a section, `要求如下：（1）道路；（2）桥梁。` does not).
  private func opensInLine(_ marker: SectionMarker, at position: Int) -> Bool {
    var k = position - 1
    while k >= lineStart && s[k].isHorizontalSpace { k -= 1 }
    guard k >= lineStart else { return true }
    switch s[k] {
    case "；", "：":
      // The next item of a list already open is one (`（一）…； （二）…；`).
      if tree.isNext(marker) { return true }
      var i = position + marker.length
      while i < lineEnd && i - position < 2000 {
        switch s[i] {
        case "。", "！", "？": return true
        case "；": return false
        default: i += 1
        }
      }
      return true
    default:
      return true
    }
  }

  /// The end of a section's title in `start..<end`: its first sentence through `。`, or the whole
  /// line when it has none; in a line that lost its line breaks, a space between two words also
  /// ends the heading (`1.1 编制目的 为主动预防…`).
  private func titleEnd(from start: Int, to end: Int, glued: Bool) -> Int {
    var angle = 0
    var paren = 0
    let marks = Self.layoutMarks
    var i = start
    while i < end {
      let c = s[i]
      if !marks.contains(c) {
        i += 1
        continue
      }
      switch c {
      case "。", "！", "？":
        var k = i + 1
        while k < end, s[k] == "”" || s[k] == "’" || s[k] == "」" || s[k] == "』" { k += 1 }
        return k
      case "《", "〈": angle += 1
      case "》", "〉": angle = max(0, angle - 1)
      case "（": paren += 1
      case "）": paren = max(0, paren - 1)
      default:
        if glued && angle == 0 && paren == 0 && c.isHorizontalSpace && endsHeading(spaceAt: i, from: start, to: end) {
          return i
        }
      }
      i += 1
    }
    var k = end
    while k > start && s[k - 1].isHorizontalSpace { k -= 1 }
    return k
  }

  /// A space between two 汉字 words, not letter-spacing inside a short heading (`总 则`).
  private func endsHeading(spaceAt i: Int, from start: Int, to end: Int) -> Bool {
    guard i > start, s[i - 1].isHan else { return false }
    var after = i
    while after < end && s[after].isHorizontalSpace { after += 1 }
    guard after < end, s[after].isHan else { return false }
    var before = i - 1
    while before > start && !s[before - 1].isHorizontalSpace { before -= 1 }
    var next = after
    while next < end && !s[next].isHorizontalSpace { next += 1 }
    return i - before >= 2 || next - after >= 2
  }

  // MARK: Closing

  /// 议题 (agenda item), the word that ends the head of a roster's list per item (`第六议题：`).
  private static let agendaItem: [Unicode.Scalar] = ["议", "题"]

  private mutating func enterClosing() {
    mode = .closing
    rosterLabel = nil
  }

  private mutating func stepClosing(at position: Int) -> Int {
    let end = lineEnd
    if let read = BlockLabel.read(s, at: position, limit: end, lexicon: text.lexicon), ClosingElements.isClosingLabel(read.label) {
      let stop = gluedClosingStart(from: position + read.length) ?? end
      return openRoster(read.label, position..<stop, content: (position + read.length)..<stop)
    }
    if let element = closingElement(at: position, afterClause: true) {
      addUnit(Unit(range: position..<(position + element.length), line: line, role: element.role))
      rosterLabel = nil
      return position + element.length
    }
    if position == lineStart, let colon = (position..<min(end, position + 12)).first(where: { s[$0] == "：" }), colon > position + 1 {
      let stop = gluedClosingStart(from: position) ?? end
      // `固定列席：…`, `邀请出席：…`: an attendance label qualified by a word before it.
      for start in (position + 1)..<colon where stop > colon {
        guard let read = BlockLabel.read(s, at: start, limit: end, lexicon: text.lexicon), read.label.isAttendance,
          start + read.length > colon, start + read.length <= stop
        else { continue }
        return openRoster(read.label, position..<stop, content: (start + read.length)..<stop)
      }
      // `第一至五议题：…`, `第九议题：…`: the list goes on, per agenda item.
      if let label = rosterLabel, label.isAttendance, stop > colon, listOpen || colon - position <= 8,
        colon - position >= 2, s[(colon - 2)..<colon].elementsEqual(Self.agendaItem)
      {
        var unit = Unit(range: position..<stop, line: line, role: .label(label))
        unit.label = LabelledContent(label: label, content: trimmed((colon + 1)..<stop), opensBlock: false, continuesList: true)
        addUnit(unit)
        listOpen = true
        return stop
      }
    }
    if rosterLabel != nil, position == lineStart, let marker = marker(at: position), marker.opensRules {
      // `附件：` over the attachment's own text, its label lost: `第一章`, `第一条` number no list.
      rosterLabel = nil
    }
    if let label = rosterLabel {
      let stop = gluedClosingStart(from: position) ?? end
      var content = trimmed(position..<stop)
      // `列 席：` over numbered sub-lists (`（一）邀请列席：…`, `（二）政府办：…`): the numbering
      // belongs to the roster, and each sub-list is a stretch of its list.
      if label.isAttendance, listOpen, position == lineStart, let marker = marker(at: position) {
        content = trimmed((position + marker.length)..<stop)
      } else if label.isAttendance && listOpen && !isRosterLine(content) {
        listOpen = false
      }
      var unit = Unit(range: position..<stop, line: line, role: .label(label))
      unit.label = LabelledContent(label: label, content: content, opensBlock: false, continuesList: listOpen)
      addUnit(unit)
      return stop
    }
    mode = .attachment
    attachmentHasPreamble = false
    return stepAttachment(at: position)
  }

  /// Where a closing element glued to the text before it in the same line starts: at a clause
  /// boundary (`…。南平市人民政府办公室2018年5月7日`), or at a date that ends the line or comes
  /// before a note, with the organ before it when the title names that organ
  /// (`附件:…制度国务院办公厅2020年12月18日(此件公开发布)`).
  private func gluedClosingStart(from position: Int) -> Int? {
    let undated = isUndated(from: position)
    for (j, afterClause) in boundaries(from: position) where closingElementStarts(at: j, afterClause: afterClause, undated: undated) {
      return j
    }
    return firstDate(from: position)
  }

  /// Whether no date, 印发 line or organ line can start anywhere from `position` to the end of
  /// the line: no digit (a date's first character) follows, and the line does not end with
  /// the end of an organ's name. Read once for a line's boundaries, so that a roster line
  /// (`市审计局顾浩 市外办俞峰 …`) is not scanned for an organ again from every space in it.
  private func isUndated(from position: Int) -> Bool {
    var last = lineEnd
    while last > position && s[last - 1].isHorizontalSpace { last -= 1 }
    guard last > position else { return true }
    let c = s[last - 1]
    if closing.endsOrganName(c) || (c == "理" && last - 2 >= position && s[last - 2] == "整") { return false }
    let dateStarts = Self.dateStarts  // read once: each read of a static costs a call
    for i in position..<last where dateStarts.contains(s[i]) { return false }
    return true
  }

  /// The scalars a date can start with (`DateReader`'s digits: ASCII, Chinese numerals and
  /// `Ｏ`), one load each instead of the numeral reader's two switches.
  private static let dateStarts = ScalarSet("0123456789Ｏ".unicodeScalars + ChineseNumeral.scalars)

  /// The first date in the rest of the line that ends it or is followed by a note.
  private func firstDate(from position: Int) -> Int? {
    let yearDigits = Self.yearDigits  // read once: each read of a static costs a call
    var i = position
    while i + 4 < lineEnd {
      if yearDigits.contains(s[i]), let date = ClosingElements.dateLength(s, at: i, end: lineEnd),
        endsClosingElement(at: i + date)
      {
        // The signing organ glued before the date, when the title names it.
        if let organ = issuingOrgan, i - organ.count > position, s[(i - organ.count)..<i].elementsEqual(organ) {
          return i - organ.count
        }
        return i > position ? i : nil
      }
      i += 1
    }
    return nil
  }

  /// The digits a year can start with, Arabic or Chinese.
  private static let yearDigits = ScalarSet("0123456789".unicodeScalars + ChineseNumeral.scalars)

  private struct Element {
    var role: UnitRole
    var length: Int
  }

  /// What a closing element states, stored with its block so later stages need not read it
  /// again: the date of a date line; the organ and the date of a 印发 line; the organs of an
  /// organ line (side by side), or a compiler line's organ without its `整理`.
  private func read(_ unit: Unit, into block: inout StructureBlock) {
    let range = trimmed(unit.range)
    switch unit.role {
    case .dateLine:
      if block.date == nil { block.date = DateReader.dates(in: s, range).first }
    case .issuance:
      if block.date == nil, let date = DateReader.dates(in: s, range).last {
        block.date = date
        let organ = trimmed(range.lowerBound..<date.range.lowerBound)
        if !organ.isEmpty { block.organs.append(organ) }
      }
    case .compilerLine:
      block.organs.append(trimmed(range.lowerBound..<(range.upperBound - 2)))
    case .organLine:
      block.organs += s.split(range) { $0.isHorizontalSpace }
    default:
      break
    }
  }

  /// `range` without the spaces at its ends.
  private func trimmed(_ range: Range<Int>) -> Range<Int> { s.trimmingSpaces(range) }

  /// A line that continues an attendance roster: entries, no sentence, colon, date or `整理`,
  /// and not a lone organ name (a signature) unless it names units' representatives
  /// (`…的代表`).
  private func isRosterLine(_ line: Range<Int>) -> Bool {
    if line.contains(where: { s[$0] == "。" || s[$0] == "：" }) { return false }
    if closing.endsWithOrganEnding(s, line) && !line.contains(where: { s[$0].isHorizontalSpace }) {
      return s.matches("代表".scalars, at: line.upperBound - 2)
    }
    return !s.matches("整理".scalars, at: line.upperBound - 2) && DateReader.dates(in: s, line).isEmpty
  }

  private func closingElementStarts(at position: Int, afterClause: Bool, undated: Bool = false) -> Bool {
    if let read = BlockLabel.read(s, at: position, limit: lineEnd, lexicon: text.lexicon), ClosingElements.isClosingLabel(read.label) {
      return true
    }
    return closingElement(at: position, afterClause: afterClause, undated: undated) != nil
  }

  /// The closing element (other than a labelled block) at `position`, and its length in the
  /// line: formula, note, 印发 line, date, organ line (confirmed by a date, a note or a 印发
  /// line after it, or by `整理`).
  /// `undated`: ``isUndated(from:)`` holds at or before `position`, so only a formula or a note
  /// can start here.
  private func closingElement(at position: Int, afterClause: Bool, undated: Bool = false) -> Element? {
    let end = lineEnd
    if afterClause, let length = closing.formulaLength(s, at: position, end: end) {
      return Element(role: .closingFormula, length: length)
    }
    if position == lineStart, let length = ledFormulaLength(at: position) {
      return Element(role: .closingFormula, length: length)
    }
    if let length = closing.noteLength(s, at: position, end: end) {
      return Element(role: .note, length: length)
    }
    if undated { return nil }
    let organ = closing.organLength(s, at: position, end: end)
    if let length = ClosingElements.issuanceLength(s, at: position, end: end, organ: organ) {
      return Element(role: .issuance, length: length)
    }
    if let length = ClosingElements.dateLength(s, at: position, end: end), endsClosingElement(at: position + length) {
      return Element(role: .dateLine, length: length)
    }
    if let length = organ {
      var after = position + length
      while after < end && s[after].isHorizontalSpace { after += 1 }
      // `…办公室整理`: the office that compiled minutes, with its date below it or beside it.
      let role: UnitRole = s[position + length - 1] == "理" ? .compilerLine : .organLine
      if after == end {
        if role == .compilerLine || signatureFollows(line + 1, depth: 0) { return Element(role: role, length: length) }
      } else if let date = ClosingElements.dateLength(s, at: after, end: end), endsClosingElement(at: after + date) {
        return Element(role: role, length: length)
      }
    }
    return nil
  }

  /// A line that is a closing formula led by a short clause: `请各单位遵照执行，特此通知。`. The
  /// formula must be one that names a kind (`特此通知`, `此复`), and nothing but its stop may
  /// follow it — `会议强调，此复杂问题…` is a sentence.
  private func ledFormulaLength(at position: Int) -> Int? {
    var i = position
    while i < lineEnd, i - position <= 12, s[i].isHan { i += 1 }
    guard i - position >= 2, i < lineEnd, s[i] == "，" else { return nil }
    var start = i + 1
    while start < lineEnd && s[start].isHorizontalSpace { start += 1 }
    guard closing.formulaLength(s, at: start, end: lineEnd) != nil,
      let formula = s.withUnsafeBufferPointer({
        text.lexicon.storage.longest(in: $0, at: start, limit: lineEnd, categories: LexiconEntry.Category.kindFormula.bit)
      })
    else { return nil }
    var after = start + formula.length
    if after < lineEnd && (s[after] == "。" || s[after] == "！") { after += 1 }
    return after == lineEnd ? lineEnd - position : nil
  }

  /// Whether a date standing at this position in the line ends there, or is followed by a note.
  private func endsClosingElement(at position: Int) -> Bool {
    var i = position
    while i < lineEnd && s[i].isHorizontalSpace { i += 1 }
    return i == lineEnd || closing.noteLength(s, at: i, end: lineEnd) != nil
  }

  /// Whether the line at `index` continues a signature: a date, a note, a 印发 line, or another
  /// organ line (several organs on several lines) that does.
  private func signatureFollows(_ index: Int, depth: Int) -> Bool {
    guard index < lines.count, depth < 3 else { return false }
    let range = lines[index]
    let (start, end) = (range.lowerBound, range.upperBound)
    if let date = ClosingElements.dateLength(s, at: start, end: end) {
      var i = start + date
      while i < end && s[i].isHorizontalSpace { i += 1 }
      if i == end || closing.noteLength(s, at: i, end: end) != nil { return true }
    }
    if closing.noteLength(s, at: start, end: end) != nil { return true }
    let organ = closing.organLength(s, at: start, end: end)
    if ClosingElements.issuanceLength(s, at: start, end: end, organ: organ) != nil { return true }
    if let organ {
      var after = start + organ
      while after < end && s[after].isHorizontalSpace { after += 1 }
      if after == end { return signatureFollows(index + 1, depth: depth + 1) }
      if ClosingElements.dateLength(s, at: after, end: end) != nil { return true }
    }
    return false
  }

  // MARK: Attachment

  private mutating func stepAttachment(at position: Int) -> Int {
    let atLineStart = position == lineStart
    if atLineStart && isContentsHeader() { return enterContents(returningTo: .attachment) }
    if atLineStart && contentsStartHere() { return enterShapedContents(returningTo: .attachment, at: position) }
    if let marker = marker(at: position),
      atLineStart ? opensBodyAtLineStart(marker) : startsNumbering(marker) && opensInLine(marker, at: position)
    {
      tree.restart()
      mode = .body
      return stepBody(at: position)
    }
    if closingElementStarts(at: position, afterClause: true) {
      enterClosing()
      return stepClosing(at: position)
    }
    if let length = attachmentWordLength(at: position) {
      addUnit(Unit(range: position..<(position + length), line: line, role: .attachmentTitle))
      return position + length
    }
    if !attachmentHasPreamble {
      if !holdsSentence(position..<lineEnd) {
        if lineEnd - position <= 60 {
          addUnit(Unit(range: position..<lineEnd, line: line, role: .attachmentTitle))
          return lineEnd
        }
      } else if let space = firstHeadingSpace(from: position), space - position <= 60 {
        // A web copy that glued the title to the text after it, with a space between.
        addUnit(Unit(range: position..<space, line: line, role: .attachmentTitle))
        return space
      }
    }
    attachmentHasPreamble = true
    let end = preambleUnitEnd(from: position)
    addUnit(Unit(range: position..<end, line: line, role: .attachmentPreamble))
    return end
  }

  /// A unit of an attachment's opening runs to a marker that starts the numbering or to a
  /// closing element.
  private func preambleUnitEnd(from position: Int) -> Int {
    for (j, afterClause) in boundaries(from: position) {
      if startsNumberingInLine(at: j) || closingElementStarts(at: j, afterClause: afterClause) { return j }
    }
    return lineEnd
  }

  /// `附件`, `附件1`, `附件一` standing before an attachment's title.
  private func attachmentWordLength(at position: Int) -> Int? {
    guard position + 1 < lineEnd, s[position] == "附", s[position + 1] == "件" else { return nil }
    var i = position + 2
    while i < lineEnd, s[i].isASCIIDigit || ChineseNumeral.isNumeralScalar(s[i]) { i += 1 }
    if i < lineEnd && (s[i] == "：") { i += 1 }
    return i == lineEnd || s[i].isHorizontalSpace ? i - position : nil
  }

  /// The first space between two words before the first sentence ends.
  private func firstHeadingSpace(from position: Int) -> Int? {
    var i = position
    while i < lineEnd && s[i] != "。" {
      if s[i].isHorizontalSpace && endsHeading(spaceAt: i, from: position, to: lineEnd) { return i }
      i += 1
    }
    return nil
  }

  // MARK: Table of contents

  /// A line of `目录` (`目  录`) alone.
  private func isContentsHeader() -> Bool {
    var letters = 0
    for i in lineStart..<lineEnd where !s[i].isHorizontalSpace {
      switch (letters, s[i]) {
      case (0, "目"), (1, "录"): letters += 1
      default: return false
      }
    }
    return letters == 2
  }

  private mutating func enterContents(returningTo next: Mode) -> Int {
    contentsReturn = next
    contentsFirst = nil
    mode = .tableOfContents
    addUnit(Unit(range: lineStart..<lineEnd, line: line, role: .tableOfContents))
    return lineEnd
  }

  /// Whether a table of contents without a `目录` line starts at the current line, known by its
  /// shape: three or more lines that hold a marker and a short heading each (no sentence; a
  /// page number may end them), then, within a few lines, the first of them again.
  private func contentsStartHere() -> Bool {
    guard let first = markerAtStart(ofLine: line), first.style != .circled, first.style != .decimal else { return false }
    let firstKey = SectionTree.Key(first)
    var next = line
    while next < lines.count, next - line < 200, let marker = markerAtStart(ofLine: next), isContentsEntry(lines[next]) {
      if next > line, SectionTree.Key(marker) == firstKey, marker.ordinal <= first.ordinal { break }
      next += 1
    }
    guard next - line >= 3 else { return false }
    for later in next..<min(lines.count, next + 3) {
      if let marker = markerAtStart(ofLine: later), SectionTree.Key(marker) == firstKey, marker.ordinal == first.ordinal {
        return true
      }
    }
    return false
  }

  /// A line of a table of contents: short, no sentence or clause end inside.
  private func isContentsEntry(_ range: Range<Int>) -> Bool {
    guard range.count <= 60 else { return false }
    for i in range {
      switch s[i] {
      case "。", "；", "：", "！", "？", "，": return false
      default: continue
      }
    }
    return true
  }

  /// The marker at the start of the line at `index`.
  private func markerAtStart(ofLine index: Int) -> SectionMarker? {
    let range = lines[index]
    guard SectionMarker.firstScalars.contains(s[range.lowerBound]) else { return nil }
    return SectionMarker.read(s[range], at: 0) ?? bareMarkers[index]
  }

  /// Enters a table of contents known by its shape, at the current line's first entry.
  private mutating func enterShapedContents(returningTo next: Mode, at position: Int) -> Int {
    contentsReturn = next
    contentsFirst = nil
    mode = .tableOfContents
    return stepContents(at: position)
  }

  private mutating func stepContents(at position: Int) -> Int {
    if let marker = marker(at: position) {
      let entry = (key: SectionTree.Key(marker), ordinal: marker.ordinal)
      if let first = contentsFirst, first.key == entry.key, first.ordinal == entry.ordinal {
        // The first entry again: the body begins.
        if contentsReturn == .attachment { tree.restart() }
        mode = .body
        return stepBody(at: position)
      }
      if contentsFirst == nil { contentsFirst = entry }
      addUnit(Unit(range: position..<lineEnd, line: line, role: .tableOfContents))
      return lineEnd
    }
    mode = contentsReturn
    return step(at: position)
  }

  // MARK: Markers and boundaries

  private func marker(at position: Int) -> SectionMarker? {
    guard position < lineEnd, SectionMarker.firstScalars.contains(s[position]) else { return nil }
    if let marker = SectionMarker.read(s[position..<lineEnd], at: 0) { return marker }
    return position == lineStart ? bareMarkers[line] : nil
  }

  /// A marker at the start of a line opens the body; decimal and circled numbers only at 1.
  private func opensBodyAtLineStart(_ marker: SectionMarker) -> Bool {
    (marker.style != .decimal && marker.style != .circled) || marker.ordinal == 1
  }

  /// A marker inside a line starts the numbering only at its first number.
  private func startsNumbering(_ marker: SectionMarker) -> Bool {
    marker.ordinal == 1 && marker.style != .circled
  }

  /// Whether a marker inside the line at `position` starts the numbering.
  private func startsNumberingInLine(at position: Int) -> Bool {
    guard let marker = marker(at: position) else { return false }
    return startsNumbering(marker) && opensInLine(marker, at: position)
  }

  /// The scalars the scans of a line stop at: brackets, clause and sentence ends, spaces. The
  /// scans pass all others with one test.
  private static let layoutMarks = ScalarSet(Unicode.Scalar.horizontalSpaces + "《〈》〉（）。；：！？!?".unicodeScalars)

  /// The positions in the rest of the line where a new unit may begin.
  private func boundaries(from start: Int) -> Boundaries {
    Boundaries(s, from: start, to: lineEnd)
  }

  /// The positions in `start..<end` where a new unit may begin — after a clause end (`。` `；`
  /// `：` `！` `？` or ASCII `;` `:` `!` `?`) or after a space, outside `《…》` and brackets —
  /// in order, each with whether it follows a clause end. Spaces after the boundary are skipped.
  private struct Boundaries: Sequence, IteratorProtocol {
    private let s: [Unicode.Scalar]
    private let end: Int
    private var i: Int
    private var angle = 0
    private var paren = 0

    init(_ s: [Unicode.Scalar], from start: Int, to end: Int) {
      self.s = s
      self.end = end
      i = start
    }

    mutating func next() -> (position: Int, afterClause: Bool)? {
      let marks = LayoutScanner.layoutMarks
      while i < end {
        let c = s[i]
        if !marks.contains(c) {
          i += 1
          continue
        }
        var afterClause = false
        switch c {
        case "《", "〈": angle += 1
        case "》", "〉": angle = Swift.max(0, angle - 1)
        case "（": paren += 1
        case "）": paren = Swift.max(0, paren - 1)
        case "。":
          angle = 0
          paren = 0
          afterClause = true
        case "；", "：", "！", "？", "!", "?":
          afterClause = true
        default:
          break
        }
        guard afterClause || c.isHorizontalSpace else {
          i += 1
          continue
        }
        var j = i + 1
        while j < end && s[j].isHorizontalSpace { j += 1 }
        i = j
        if j < end && angle == 0 && paren == 0 { return (j, afterClause) }
      }
      return nil
    }
  }

  // MARK: Result

  func structure() -> DocumentStructure {
    let paths = tree.paths()
    var sections: [Section] = []
    sections.reserveCapacity(tree.roots.count)
    for root in tree.roots { sections.append(section(root)) }

    var blocks: [StructureBlock] = []
    blocks.reserveCapacity(units.count)
    for unit in units {
      let role = blockRole(unit.role, paths)
      let last = blocks.count - 1
      if last >= 0, blocks[last].paragraph == unit.line, blocks[last].role == role {
        // Units of one role on one line make one block: a front line cut at its clauses, a
        // roster line cut where a closing element might have started.
        blocks[last].range = blocks[last].range.lowerBound..<unit.range.upperBound
        if let label = blocks[last].label {
          blocks[last].label?.content = label.content.lowerBound..<unit.range.upperBound
        }
        read(unit, into: &blocks[last])
        continue
      }
      var block = StructureBlock(role: role, range: unit.range, paragraph: unit.line, label: unit.label)
      read(unit, into: &block)
      blocks.append(block)
    }

    let diagnostics = tree.problems.map {
      Diagnostic(
        severity: .warning, code: $0.code, message: $0.message,
        range: text.sourceRange(of: $0.range))
    }
    return DocumentStructure(sections: sections, blocks: blocks, diagnostics: diagnostics)
  }

  // Loops here and in the scans rather than closures over `self`: such a closure copies the
  // whole scanner. The one below captures the scalars alone.
  private func section(_ node: Int) -> Section {
    let n = tree.nodes[node]
    let s = s
    let text = text
    let pieces = n.text.map { text.originalRange(s.withoutTrailingSpaces($0)) }
    let original = text.normalized.scalars
    let own = original.string(joining: pieces)
    let title = headingText(text.originalRange(n.title), n.title, in: own, startingWith: pieces.first)
    var end = n.start + n.marker.length
    if let last = n.text.last { end = max(end, last.upperBound) }
    var children: [Section] = []
    children.reserveCapacity(n.children.count)
    for child in n.children { children.append(section(child)) }
    // 第X章 / 第X条 are printed as the document prints them (`第一條`); other markers are
    // numerals and brackets, which the canonical form gives.
    let marker: String
    switch n.marker.style {
    case .part, .chapter, .division, .article: marker = text.string(n.start..<(n.start + n.marker.length))
    default: marker = n.marker.canonical
    }
    return Section(
      marker: marker, level: n.level, title: title, text: own, children: children,
      ordinal: n.marker.ordinal, style: n.marker.style.rawValue, range: text.sourceRange(of: n.start..<end))
  }

  private func blockRole(_ role: UnitRole, _ paths: [[Int]]) -> StructureBlock.Role {
    switch role {
    case .front: return .front
    case .unnumberedBody: return .unnumberedBody
    case .tableOfContents: return .tableOfContents
    case .heading(let node): return .heading(paths[node])
    case .body(let node): return .body(paths[node])
    case .attachmentTitle: return .attachmentTitle
    case .attachmentPreamble: return .attachmentPreamble
    case .label(let label): return .label(label)
    case .closingFormula: return .closingFormula
    case .organLine: return .organLine
    case .compilerLine: return .compilerLine
    case .dateLine: return .dateLine
    case .note: return .note
    case .issuance: return .issuance
    case .artifact: return .artifact
    }
  }

  /// A title as printed, without the letter-spacing of short headings (`总 则` → `总则`):
  /// `range` in the document's own scalars, `folded` the same title in the folded view.
  ///
  /// The section's text usually starts with its title (`first` is the original range of the
  /// text's first piece): the title is then cut from the text, which costs less than encoding
  /// and checking the scalars again.
  private func headingText(_ range: Range<Int>, _ folded: Range<Int>, in text: String, startingWith first: Range<Int>?) -> String {
    let original = self.text.normalized.scalars
    let title: String
    if let first, first.lowerBound == range.lowerBound, range.upperBound <= first.upperBound {
      var length = 0
      for i in range { length += UTF8.width(original[i]) }
      title = length == text.utf8.count ? text : String(text[..<text.utf8.index(text.startIndex, offsetBy: length)])
    } else {
      title = original.string(range)
    }
    // Letter-spacing puts a space between every two characters, so each scalar must also be a
    // character of its own (no combining mark after a space).
    // A title over several lines (a lead-in and the sentence it opens) is joined.
    if original[range].contains("\n") && !isLetterSpaced(folded) { return String(title.filter { $0 != "\n" }) }
    guard isLetterSpaced(folded), title.count == range.count else { return title }
    return String(scalars: original[range].lazy.filter { $0 != " " && $0 != "\n" })
  }

  /// Whether `range` holds two or more single scalars with spaces (U+0020) or line breaks
  /// between them.
  private func isLetterSpaced(_ range: Range<Int>) -> Bool {
    var pieces = 0
    var i = range.lowerBound
    while i < range.upperBound {
      if s[i] != " " && s[i] != "\n" {
        if i + 1 < range.upperBound && s[i + 1] != " " && s[i + 1] != "\n" { return false }
        pieces += 1
      }
      i += 1
    }
    return pieces > 1
  }
}

extension [Unicode.Scalar] {
  /// `range` without the spaces at its end, keeping at least its first scalar.
  fileprivate func withoutTrailingSpaces(_ range: Range<Int>) -> Range<Int> {
    var upper = range.upperBound
    while upper > range.lowerBound + 1 && self[upper - 1].isHorizontalSpace { upper -= 1 }
    return range.lowerBound..<upper
  }
}

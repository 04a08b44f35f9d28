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
    case label(BlockLabel), closingFormula, organLine, dateLine, note, issuance
  }

  struct Unit {
    var range: Range<Int>
    var line: Int
    var role: UnitRole
  }

  private let text: VisibleText
  private let s: [Unicode.Scalar]
  private(set) var units: [Unit] = []
  private(set) var tree = SectionTree()
  private var mode = Mode.front
  // Front: units whose role waits for what follows (body start or a signature).
  private var pendingFront: [Int] = []
  private var frontHasSentence = false
  /// The organ named before `关于` in the title, which signs the document.
  private var issuingOrgan: ArraySlice<Unicode.Scalar>? = nil
  // Closing: the label whose continuation lines may follow.
  private var rosterLabel: BlockLabel? = nil
  // Attachment: whether its opening paragraphs began (its title lines come before).
  private var attachmentHasPreamble = false
  // Table of contents: its first entry, and the mode to go back to.
  private var contentsFirst: (key: SectionTree.Key, ordinal: Int)? = nil
  private var contentsReturn = Mode.front
  private var line = 0

  init(_ text: VisibleText) {
    self.text = text
    self.s = text.scalars
  }

  /// Adds a unit without the spaces at its end.
  private mutating func addUnit(_ unit: Unit) {
    var unit = unit
    unit.range = withoutTrailingSpaces(unit.range)
    units.append(unit)
  }

  private func withoutTrailingSpaces(_ range: Range<Int>) -> Range<Int> {
    var upper = range.upperBound
    while upper > range.lowerBound + 1 && s[upper - 1].isHorizontalSpace { upper -= 1 }
    return range.lowerBound..<upper
  }

  private var lineEnd: Int { text.lines[line].range.upperBound }
  private var lineStart: Int { text.lines[line].range.lowerBound }

  mutating func run() {
    for index in text.lines.indices {
      line = index
      var position = lineStart
      while position < lineEnd {
        let end = step(at: position)
        position = max(end, position + 1)
        while position < lineEnd && s[position].isHorizontalSpace { position += 1 }
      }
    }
    if mode == .front { flushFront(splittingBody: true) }
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
    if atLineStart && isContentsHeader() {
      flushFront(splittingBody: false)
      return enterContents(returningTo: .front)
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
    // A front unit runs to the end of its clause, or to a marker that starts the numbering.
    let end =
      firstBoundary(from: position, to: lineEnd) { j, afterClause in
        if afterClause { return true }
        return marker(at: j).map { startsNumbering($0) && opensInLine($0, at: j) } ?? false
      } ?? lineEnd
    pendingFront.append(units.count)
    addUnit(Unit(range: position..<end, line: line, role: .front))
    if holdsSentence(position..<end) { frontHasSentence = true }
    if issuingOrgan == nil && atLineStart { issuingOrgan = organBeforeAbout(position..<end) }
    return end
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
      if (s[after] == "关" || s[after] == "關") && (s[after + 1] == "于" || s[after + 1] == "於") {
        guard after - range.lowerBound >= 2, ClosingElements.endsOrganName(s[after - 1]) else { return nil }
        return s[range.lowerBound..<after]
      }
      after += 1
    }
    return nil
  }

  private func isRecipientsLine(_ range: Range<Int>) -> Bool {
    guard let last = range.last, s[last] == "：" || s[last] == ":", range.count <= 100 else { return false }
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
      tree.setTitle(node, position..<titleEnd(from: position, to: end, glued: end < lineEnd))
    }
    tree.addText(node, position..<end)
    addUnit(Unit(range: position..<end, line: line, role: .body(node)))
    return end
  }

  private mutating func openSection(_ marker: SectionMarker, at position: Int) -> Int {
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

  /// Where the text that starts at `position` stops: at a marker that continues the numbering
  /// or at a closing element inside the line, or at the end of the line.
  private func nextBodyEvent(from position: Int) -> Int {
    firstBoundary(from: position, to: lineEnd) { j, afterClause in
      if let marker = marker(at: j), continuesInLine(marker, at: j) { return true }
      return closingElementStarts(at: j, afterClause: afterClause)
    } ?? lineEnd
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
    case "；", "：", ";", ":":
      var i = position + marker.length
      while i < lineEnd && i - position < 2000 {
        switch s[i] {
        case "。", "！", "？": return true
        case "；", ";": return false
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
    var i = start
    while i < end {
      let c = s[i]
      switch c {
      case "。", "！", "？":
        var k = i + 1
        while k < end, s[k] == "”" || s[k] == "’" || s[k] == "」" || s[k] == "』" { k += 1 }
        return k
      case "《", "〈": angle += 1
      case "》", "〉": angle = max(0, angle - 1)
      case "（", "(": paren += 1
      case "）", ")": paren = max(0, paren - 1)
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

  private mutating func enterClosing() {
    mode = .closing
    rosterLabel = nil
  }

  private mutating func stepClosing(at position: Int) -> Int {
    let end = lineEnd
    if let read = BlockLabel.read(s[position..<end], at: 0), ClosingElements.isClosingLabel(read.label) {
      let stop = gluedClosingStart(from: position + read.length) ?? end
      addUnit(Unit(range: position..<stop, line: line, role: .label(read.label)))
      rosterLabel = read.label
      return stop
    }
    if let element = closingElement(at: position, afterClause: true) {
      addUnit(Unit(range: position..<(position + element.length), line: line, role: element.role))
      rosterLabel = nil
      return position + element.length
    }
    if let label = rosterLabel {
      let stop = gluedClosingStart(from: position) ?? end
      addUnit(Unit(range: position..<stop, line: line, role: .label(label)))
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
    firstBoundary(from: position, to: lineEnd) { j, afterClause in
      closingElementStarts(at: j, afterClause: afterClause)
    } ?? firstDate(from: position)
  }

  /// The first date in the rest of the line that ends it or is followed by a note.
  private func firstDate(from position: Int) -> Int? {
    var i = position
    while i + 4 < lineEnd {
      if s[i] == "年" || s[i].isASCIIDigit || ChineseNumeral.isNumeralScalar(s[i]) || s[i] == "○" || s[i] == "〇",
        let date = ClosingElements.dateLength(s, at: i, end: lineEnd), endsClosingElement(at: i + date)
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

  private struct Element {
    var role: UnitRole
    var length: Int
  }

  private func closingElementStarts(at position: Int, afterClause: Bool) -> Bool {
    if let read = BlockLabel.read(s[position..<lineEnd], at: 0), ClosingElements.isClosingLabel(read.label) {
      return true
    }
    return closingElement(at: position, afterClause: afterClause) != nil
  }

  /// The closing element (other than a labelled block) at `position`, and its length in the
  /// line: formula, note, 印发 line, date, organ line (confirmed by a date, a note or a 印发
  /// line after it, or by `整理`).
  private func closingElement(at position: Int, afterClause: Bool) -> Element? {
    let end = lineEnd
    if afterClause, let length = ClosingElements.formulaLength(s, at: position, end: end) {
      return Element(role: .closingFormula, length: length)
    }
    if let length = ClosingElements.noteLength(s, at: position, end: end) {
      return Element(role: .note, length: length)
    }
    if let length = ClosingElements.issuanceLength(s, at: position, end: end) {
      return Element(role: .issuance, length: length)
    }
    if let length = ClosingElements.dateLength(s, at: position, end: end), endsClosingElement(at: position + length) {
      return Element(role: .dateLine, length: length)
    }
    if let length = ClosingElements.organLength(s, at: position, end: end) {
      var after = position + length
      while after < end && s[after].isHorizontalSpace { after += 1 }
      if after == end {
        let compiler = s[position + length - 1] == "理"
        if compiler || signatureFollows(line + 1, depth: 0) { return Element(role: .organLine, length: length) }
      } else if let date = ClosingElements.dateLength(s, at: after, end: end), endsClosingElement(at: after + date) {
        return Element(role: .organLine, length: length)
      }
    }
    return nil
  }

  /// Whether a date standing at this position in the line ends there, or is followed by a note.
  private func endsClosingElement(at position: Int) -> Bool {
    var i = position
    while i < lineEnd && s[i].isHorizontalSpace { i += 1 }
    return i == lineEnd || ClosingElements.noteLength(s, at: i, end: lineEnd) != nil
  }

  /// Whether the line at `index` continues a signature: a date, a note, a 印发 line, or another
  /// organ line (several organs on several lines) that does.
  private func signatureFollows(_ index: Int, depth: Int) -> Bool {
    guard index < text.lines.count, depth < 3 else { return false }
    let range = text.lines[index].range
    let (start, end) = (range.lowerBound, range.upperBound)
    if let date = ClosingElements.dateLength(s, at: start, end: end) {
      var i = start + date
      while i < end && s[i].isHorizontalSpace { i += 1 }
      if i == end || ClosingElements.noteLength(s, at: i, end: end) != nil { return true }
    }
    if ClosingElements.noteLength(s, at: start, end: end) != nil { return true }
    if ClosingElements.issuanceLength(s, at: start, end: end) != nil { return true }
    if let organ = ClosingElements.organLength(s, at: start, end: end) {
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
    let end =
      firstBoundary(from: position, to: lineEnd) { j, afterClause in
        if let marker = marker(at: j), startsNumbering(marker) && opensInLine(marker, at: j) { return true }
        return closingElementStarts(at: j, afterClause: afterClause)
      } ?? lineEnd
    addUnit(Unit(range: position..<end, line: line, role: .attachmentPreamble))
    return end
  }

  /// `附件`, `附件1`, `附件一` standing before an attachment's title.
  private func attachmentWordLength(at position: Int) -> Int? {
    guard position + 1 < lineEnd, s[position] == "附", s[position + 1] == "件" else { return nil }
    var i = position + 2
    while i < lineEnd, s[i].isASCIIDigit || ChineseNumeral.isNumeralScalar(s[i]) { i += 1 }
    if i < lineEnd && (s[i] == "：" || s[i] == ":") { i += 1 }
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

  private func isContentsHeader() -> Bool {
    var letters: [Unicode.Scalar] = []
    for i in lineStart..<lineEnd where !s[i].isHorizontalSpace {
      letters.append(s[i])
      if letters.count > 2 { return false }
    }
    return letters == ["目", "录"] || letters == ["目", "錄"]
  }

  private mutating func enterContents(returningTo next: Mode) -> Int {
    contentsReturn = next
    contentsFirst = nil
    mode = .tableOfContents
    addUnit(Unit(range: lineStart..<lineEnd, line: line, role: .tableOfContents))
    return lineEnd
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
    guard position < lineEnd else { return nil }
    let c = s[position]
    guard c.isASCIIDigit || c == "（" || c == "(" || c == "第" || ChineseNumeral.isNumeralScalar(c) || (0x2460...0x2473).contains(c.value)
    else { return nil }
    return SectionMarker.read(s[position..<lineEnd], at: 0)
  }

  /// A marker at the start of a line opens the body; decimal and circled numbers only at 1.
  private func opensBodyAtLineStart(_ marker: SectionMarker) -> Bool {
    (marker.style != .decimal && marker.style != .circled) || marker.ordinal == 1
  }

  /// A marker inside a line starts the numbering only at its first number.
  private func startsNumbering(_ marker: SectionMarker) -> Bool {
    marker.ordinal == 1 && marker.style != .circled
  }

  /// Calls `accept` at each position in `start..<end` where a new unit may begin — after a
  /// clause end (`。` `；` `：` `！` `？` or ASCII `;` `:` `!` `?`) or after a space, outside
  /// `《…》` and brackets — and returns the first it accepts. Spaces after the boundary are
  /// skipped; `afterClause` tells which kind of boundary it was.
  private func firstBoundary(from start: Int, to end: Int, _ accept: (Int, Bool) -> Bool) -> Int? {
    var angle = 0
    var paren = 0
    var i = start
    while i < end {
      let c = s[i]
      var afterClause = false
      switch c {
      case "《", "〈": angle += 1
      case "》", "〉": angle = max(0, angle - 1)
      case "（", "(": paren += 1
      case "）", ")": paren = max(0, paren - 1)
      case "。":
        angle = 0
        paren = 0
        afterClause = true
      case "；", "：", "！", "？", ";", ":", "!", "?":
        afterClause = true
      default:
        break
      }
      if afterClause || c.isHorizontalSpace {
        var j = i + 1
        while j < end && s[j].isHorizontalSpace { j += 1 }
        if j < end && angle == 0 && paren == 0 && accept(j, afterClause) { return j }
        if j > i + 1 {
          i = j
          continue
        }
      }
      i += 1
    }
    return nil
  }

  // MARK: Result

  func structure(of normalized: NormalizedText) -> DocumentStructure {
    let paths = tree.paths()
    let nodes = tree.nodes
    func build(_ node: Int) -> Section {
      let n = nodes[node]
      let own = n.text.map { text.string(withoutTrailingSpaces($0)) }.joined()
      var end = n.start + n.marker.length
      if let last = n.text.last { end = max(end, last.upperBound) }
      return Section(
        marker: n.marker.canonical, level: n.level, title: headingText(n.title), text: own,
        children: n.children.map(build), ordinal: n.marker.ordinal, style: n.marker.style.rawValue,
        range: normalized.sourceRange(of: text.normalizedRange(n.start..<end)))
    }
    let sections = tree.roots.map(build)

    var blocks: [StructureBlock] = []
    for unit in units {
      let role = blockRole(unit.role, paths)
      let range = text.normalizedRange(unit.range)
      let paragraph = text.lines[unit.line].paragraph
      if let last = blocks.last, last.role == role, last.paragraph == paragraph {
        blocks[blocks.count - 1].range = last.range.lowerBound..<range.upperBound
        continue
      }
      blocks.append(StructureBlock(role: role, range: range, paragraph: paragraph))
    }

    let diagnostics = tree.problems.map {
      Diagnostic(
        severity: .warning, code: $0.code, message: $0.message,
        range: normalized.sourceRange(of: text.normalizedRange($0.range)))
    }
    return DocumentStructure(sections: sections, blocks: blocks, diagnostics: diagnostics)
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
    case .dateLine: return .dateLine
    case .note: return .note
    case .issuance: return .issuance
    }
  }

  /// A title as printed, without the letter-spacing of short headings (`总 则` → `总则`).
  private func headingText(_ range: Range<Int>) -> String {
    let title = text.string(range)
    let pieces = title.split(separator: " ", omittingEmptySubsequences: true)
    if pieces.count > 1, pieces.allSatisfy({ $0.unicodeScalars.count == 1 }) { return pieces.joined() }
    return title
  }
}

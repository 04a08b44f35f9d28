import GongwenModel

/// Reads the 版头 and the start of the 主体 from the front of a document: the title (wrapped
/// over several lines, letter-spaced, or inside 《》), the 发文字号 (the document's own line first,
/// then one printed with other text, then page metadata such as `发文字号：…`), and the 主送机关.
struct FrontMatterReader {
  let lexicon: Lexicon

  private var kinds: KindWords { KindWords(lexicon: lexicon) }

  struct FrontMatter {
    /// The lines the title was joined from.
    var title: [Range<Int>] = []
    /// Whether the title is a news headline reporting a meeting (`郭海磊主持召开县政府第49次常务会议`,
    /// `…第二次会议隆重开幕 … 张强作政府工作报告`): its last word is no kind word.
    var isHeadline = false
    /// The title line that ends with the kind word (the last but a qualifier such as `（试行）`).
    var kindLine: Range<Int>?
    /// Whether the number is an order's (`…人民政府令第103号`): the document is a 令, and a title
    /// line above it names what the order issues, not the order.
    var isOrder = false
    var docNumber: DocumentNumberReader.Match?
    var recipients: [Range<Int>] = []
    /// 版头 elements.
    var copyNumber: Range<Int>?
    var classification: Range<Int>?
    var urgency: Range<Int>?
    var organMark: Range<Int>?
    var signers: [Range<Int>] = []
    /// The issuing office and date printed together in the 版头 of minutes, above the opening
    /// (`汨罗市人民政府办公室 2025年8月18日`).
    var headIssuer: (organ: Range<Int>, date: DateMatch, line: Range<Int>)?
    /// Everything the front matter took, so the rest is the opening text.
    var consumed: Set<Int> = []
  }

  /// The length of the longest word of `category` (``LexiconEntry/Category/classification``,
  /// ``LexiconEntry/Category/urgency``) at `index`, or nil.
  private func mark(_ scalars: [Unicode.Scalar], _ category: LexiconEntry.Category, at index: Int, limit: Int) -> Int? {
    scalars.withUnsafeBufferPointer { lexicon.storage.longest(in: $0, at: index, limit: limit, categories: category.bit)?.length }
  }
  private static let signerLabels: [[Unicode.Scalar]] = ["签发人"].map(\.scalars)

  /// The 版头 elements above the title: 份号, 密级, 紧急程度, 发文机关标志, 签发人.
  private func readHeader(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>], _ front: inout FrontMatter, before limit: Int) {
    for (line, range) in ranges.enumerated() where line < limit {
      let text = scalars.trimmingSpaces(range)
      guard !text.isEmpty, !isMetadata(scalars, text) else { continue }
      var took = false
      if text.count == 6, text.allSatisfy({ scalars[$0].isASCIIDigit }) {
        front.copyNumber = text
        took = true
      }
      for piece in scalars.split(text, where: { $0.isHorizontalSpace }) where piece.count <= 12 {
        if mark(scalars, .classification, at: piece.lowerBound, limit: piece.upperBound) != nil {
          front.classification = piece
          took = true
        } else if mark(scalars, .urgency, at: piece.lowerBound, limit: piece.upperBound) == piece.count {
          front.urgency = piece
          took = true
        }
      }
      // `XX市人民政府文件`, not a page's label (`【效力等级】地方规范性文件`).
      if text.count <= 30, scalars.matches("文件".scalars, at: text.upperBound - 2), text.count > 4,
        text.allSatisfy({ scalars[$0].isHan || scalars[$0].isHorizontalSpace })
      {
        front.organMark = text
        took = true
      }
      for label in Self.signerLabels {
        guard let at = scalars.firstIndex(of: label, in: text) else { continue }
        var start = at + label.count
        while start < text.upperBound && (scalars[start].isHorizontalSpace || scalars[start] == "：") {
          start += 1
        }
        front.signers = scalars.split(start..<text.upperBound) { $0.isHorizontalSpace || $0 == "、" || $0 == "，" || $0 == "," }
        took = took || at == text.lowerBound
      }
      if took { front.consumed.insert(line) }
    }
    // The head ends where the first sentence begins.
    for range in ranges.prefix(limit) {
      let text = scalars.trimmingSpaces(range)
      if text.contains(where: { scalars[$0].isClauseBoundary }) { break }
      guard front.headIssuer == nil, let date = DateReader.dates(in: scalars, text).first, date.range.upperBound == text.upperBound,
        date.value.iso != nil
      else { continue }
      let organ = scalars.trimmingSpaces(text.lowerBound..<date.range.lowerBound)
      if organ.count >= 2, organ.allSatisfy({ scalars[$0].isHan }), ClosingElements(lexicon: lexicon).endsWithOrganEnding(scalars, organ) {
        front.headIssuer = (organ, date, text)
      }
    }
  }

  /// Whether the range opens with a metadata label (`发布时间：…`, `文号 :…`, the lexicon's
  /// ``LexiconEntry/Category/metadataLabel`` entries) followed by a colon, a value or nothing.
  /// Whether a page-metadata label ends just before `index` (`发布时间：2020-08-25`,
  /// `发布日期: [2015-07-14]`), with only a colon, spaces or a bracket between, wherever it stands
  /// on its line (`字体:大 中 小 发布时间:…`).
  func labelsMetadataValue(_ scalars: [Unicode.Scalar], at index: Int, lowerLimit: Int) -> Bool {
    var end = index
    while end > lowerLimit, scalars[end - 1].isHorizontalSpace || scalars[end - 1] == "：" || scalars[end - 1].isOpeningBracket || scalars[end - 1] == "[" {
      end -= 1
    }
    return scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(in: $0, at: end, lowerLimit: lowerLimit, categories: LexiconEntry.Category.metadataLabel.bit)
    } != nil
  }

  func isMetadata(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    var found = false
    scalars.withUnsafeBufferPointer { s in
      lexicon.storage.each(
        in: s, at: range.lowerBound, limit: range.upperBound, categories: LexiconEntry.Category.metadataLabel.bit
      ) { length, _ in
        var i = range.lowerBound + length
        while i < range.upperBound, s[i].isHorizontalSpace { i += 1 }
        if i == range.upperBound || s[i] == "：" || s[i].isASCIIDigit || s[i].isHan || s[i] == "|" { found = true }
      }
    }
    return found
  }

  /// Reads the front matter from `ranges` (the document's leading paragraphs, in order);
  /// `labelled` says which of them open with a block label.
  func read(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>], labelled: [Bool]) -> FrontMatter {
    var front = FrontMatter()
    let plain = ranges.indices.filter { !isMetadata(scalars, ranges[$0]) }

    // Title: the first line ending with a kind word, with the short lines just before it that
    // carry its beginning (an organ line, a wrapped first half).
    let candidates = plain.filter { isTitleLine(scalars, ranges[$0]) }
    if var last = candidates.first(where: { !isOrganBanner(scalars, ranges[$0]) }) ?? candidates.first {
      // A web page prints the title as its heading, then its metadata, the 发文字号 or a date,
      // then the document with its own title: the last title after such a head is the document's.
      for later in candidates where later > last && !isOrganBanner(scalars, ranges[later]) && !isHeading(scalars, ranges[later]) {
        let between = ranges[(last + 1)..<later]
        guard between.allSatisfy({ isPageFurniture(scalars, $0) }), between.contains(where: { isPageMark(scalars, $0) }) else { break }
        last = later
      }
      var lines = [last]
      var position = plain.firstIndex(of: last)!
      while position > 0 {
        let previous = plain[position - 1]
        guard previous == lines[0] - 1, isTitleContinuation(scalars, ranges[previous], before: ranges[last]) else { break }
        lines.insert(previous, at: 0)
        position -= 1
      }
      // `云南大学校长办公会议组织办法` + `(试行)`: the qualifier on the next line belongs to the title.
      if last + 1 < ranges.count, isTitleQualifier(scalars, ranges[last + 1]) { lines.append(last + 1) }
      front.title = lines.map { titleRange(scalars, ranges[$0]) }
      front.kindLine = titleRange(scalars, ranges[last])
      front.consumed.formUnion(lines)
    } else if let first = plain.first, let title = gluedTitle(scalars, ranges[first]) {
      front.title = [title]
      front.isHeadline = isDecked(scalars, title)
    } else if let lines = headline(scalars, ranges) {
      front.title = lines.map { scalars.trimmingSpaces(ranges[$0]) }
      front.isHeadline = true
      front.consumed.formUnion(lines)
    }

    // 发文字号: the document's own line, then one printed among other text, then metadata.
    var best: (rank: Int, match: DocumentNumberReader.Match, line: Int)? = nil
    for (line, range) in ranges.enumerated() {
      for match in DocumentNumberReader(lexicon: lexicon).matches(in: scalars, range) where !isCitation(scalars, match.range, within: range) {
        let rest = scalars.trimmingSpaces(range)
        let alone =
          match.range == rest
          || (rest.count == match.range.count + 2 && scalars[rest.lowerBound].isOpeningBracket
            && scalars[rest.upperBound - 1].isClosingBracket)
        let rank = alone ? 0 : isMetadata(scalars, range) ? 2 : 1
        if best == nil || rank < best!.rank { best = (rank, match, line) }
      }
    }
    if best == nil || best!.rank > 0 {
      // A 政府令 prints its number alone on a line, without year.
      for (line, range) in ranges.enumerated() {
        guard let match = DocumentNumberReader(lexicon: lexicon).orderNumber(in: scalars, range) else { continue }
        best = (0, match, line)
        front.isOrder = true
        break
      }
    }
    if let best {
      front.docNumber = best.match
      if best.rank == 0 { front.consumed.insert(best.line) }
    }

    readHeader(scalars, ranges, &front, before: front.title.isEmpty ? ranges.count : (plain.first { front.consumed.contains($0) } ?? ranges.count))

    // 主送机关: the first line (or the start of a glued one) naming organs before a colon.
    for line in plain {
      var range = ranges[line]
      if let title = front.title.last, title.upperBound > range.lowerBound && title.upperBound <= range.upperBound {
        range = title.upperBound..<range.upperBound
      }
      if let number = front.docNumber, number.range.upperBound > range.lowerBound && number.range.upperBound <= range.upperBound {
        range = number.range.upperBound..<range.upperBound
      }
      // A line that opens with a label (`主持人：`, `时间：`) lists no recipients.
      if range.lowerBound == ranges[line].lowerBound && labelled[line] { continue }
      if let recipients = recipientList(scalars, range) {
        front.recipients = ListSplitter.entries(in: scalars, recipients, splittingAtStops: false)
        if recipients.upperBound + 1 >= ranges[line].upperBound { front.consumed.insert(line) }
        break
      }
    }
    return front
  }

  /// A line of a web page's head between its heading and the document: empty, metadata, a
  /// number or a date, a label (`文章属性`, `【制定机关】`) — no sentence.
  private func isPageFurniture(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    let line = scalars.trimmingSpaces(range)
    if line.isEmpty || isMetadata(scalars, line) { return true }
    return line.count <= 40 && !line.contains { scalars[$0] == "。" || scalars[$0] == "，" || scalars[$0] == "；" }
  }

  /// A numbered heading (`第三章 合法性审查和集体讨论决定` of a table of contents) is no title.
  private func isHeading(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    SectionMarker.read(scalars, at: scalars.trimmingSpaces(range).lowerBound) != nil
  }

  /// A line that shows a page head ends there: metadata, a 发文字号, a date — not a bracketed
  /// line under the title (`（2020年9月18日…通过）`), which is the document's own.
  private func isPageMark(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    let line = scalars.trimmingSpaces(range)
    guard !line.isEmpty, !scalars[line.lowerBound].isOpeningBracket else { return false }
    return isMetadata(scalars, line) || !DocumentNumberReader(lexicon: lexicon).matches(in: scalars, line).isEmpty
      || !DateReader.dates(in: scalars, line).isEmpty
  }

  /// A bracketed qualifier alone on the line under a title: `（试行）`, `(暂行)`, `（征求意见稿）` —
  /// not a date (`（二〇二五年十一月三日）` repeats the meeting's).
  private func isTitleQualifier(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    let line = scalars.trimmingSpaces(range)
    guard (3...10).contains(line.count), scalars[line.lowerBound].isOpeningBracket, scalars[line.upperBound - 1].isClosingBracket
    else { return false }
    let inside = (line.lowerBound + 1)..<(line.upperBound - 1)
    return inside.allSatisfy { scalars[$0].isHan } && DateReader.dates(in: scalars, inside).isEmpty
  }

  /// A news report's headline: the lines at the top, before the page's metadata or the first
  /// sentence, that report a meeting (`市政协召开十一届八次主席会议` + `吴桂林主持`) and hold no
  /// sentence punctuation, no date and no link.
  private func headline(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>]) -> [Int]? {
    var lines: [Int] = []
    for (index, range) in ranges.enumerated() {
      let line = scalars.trimmingSpaces(range)
      if line.isEmpty {
        if lines.isEmpty { continue }
        break
      }
      guard isHeadlineLine(scalars, line), !isMetadata(scalars, line) else { break }
      lines.append(index)
      if lines.count == Self.headlineLines { break }
    }
    guard !lines.isEmpty, lines.contains(where: { MeetingReader.reportsMeeting(scalars, ranges[$0]) }) else { return nil }
    // What follows is the page's metadata or the report's first sentence.
    guard let next = ranges[(lines.last! + 1)...].first(where: { !scalars.trimmingSpaces($0).isEmpty }) else { return nil }
    let after = scalars.trimmingSpaces(next)
    let sentence = after.contains { scalars[$0].isClauseBoundary }
    return isMetadata(scalars, after) || sentence || scalars[after.lowerBound] == "-" ? lines : nil
  }

  /// A headline has at most a main line and a second deck.
  private static let headlineLines = 2

  private func isHeadlineLine(_ scalars: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
    guard (4...160).contains(line.count), line.contains(where: { scalars[$0].isHan }) else { return false }
    if !DateReader.dates(in: scalars, line).isEmpty { return false }
    return !line.contains { i in
      let c = scalars[i]
      return c.isClauseBoundary || c == "、" || c == "/" || c == "[" || c == "!" || c == "|" || c == "："
    }
  }

  /// A title of several decks side by side, one before the last reporting a meeting: a headline
  /// (`…第二次会议隆重开幕 … 张启亮主持 张强作政府工作报告`), not `市政府办公室 关于召开…会议的通知`.
  private func isDecked(_ scalars: [Unicode.Scalar], _ title: Range<Int>) -> Bool {
    let decks = scalars.split(title) { $0.isHorizontalSpace }
    return decks.count >= 2 && decks.filter({ $0.count > 1 }).count >= 2
      && decks.dropLast().contains { MeetingReader.reportsMeeting(scalars, $0) }
  }

  private func isTitleLine(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard (4...160).contains(range.count), kinds.kind(ofTitle: scalars, range) != nil else { return false }
    // A page heading that prints the number with the title is not the document's title line.
    if !DocumentNumberReader(lexicon: lexicon).matches(in: scalars, range).isEmpty { return false }
    // A sentence that happens to end with a kind word is not a title.
    for index in range {
      switch scalars[index] {
      case "。", "：", "，", "；": return false
      default: continue
      }
    }
    return true
  }

  /// An organ name with a kind word and nothing between (`周口市人民政府通知`): a banner like the
  /// 发文机关标志, not a title, when a real title follows.
  private func isOrganBanner(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard let kind = kinds.ending(of: scalars, range) else { return false }
    let organ = scalars.trimmingSpaces(range.lowerBound..<kind.start)
    return ClosingElements(lexicon: lexicon).endsWithOrganEnding(scalars, organ)
  }

  private func isTitleContinuation(_ scalars: [Unicode.Scalar], _ range: Range<Int>, before title: Range<Int>) -> Bool {
    guard (2...40).contains(range.count), let last = range.last, let first = range.first else { return false }
    if DocumentNumberReader(lexicon: lexicon).matches(in: scalars, range).first != nil { return false }
    if scalars[first].isOpeningBracket || scalars[last].isClosingBracket { return false }
    if isTitleLine(scalars, range) { return false }
    // Markup and page controls a page left (`title=''/`, `【打印本页】`) are no half of a title.
    if range.contains(where: { scalars[$0] == "=" || scalars[$0] == "/" || scalars[$0] == "'" || scalars[$0] == "|" || scalars[$0] == "【" }) {
      return false
    }
    // A page heading that repeats what the title names (`阿拉善盟…细则及文种式样` above `…关于印发
    // 阿拉善盟…细则及文种式样的通知`) is not its first half.
    if scalars.firstIndex(of: Array(scalars[range]), in: title) != nil { return false }
    // The 发文机关标志 (`XX市人民政府文件`) heads the page; it is not part of the title.
    if scalars.matches("文件".scalars, at: range.upperBound - 2) { return false }
    switch scalars[last] {
    case "。", "：", "，", "；", "日": return false
    default: return !scalars[last].isASCIIDigit
    }
  }

  /// A title line without enclosing 《》.
  private func titleRange(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
    let trimmed = scalars.trimmingSpaces(range)
    if trimmed.count > 2, scalars[trimmed.lowerBound] == "《", scalars[trimmed.upperBound - 1] == "》" {
      return (trimmed.lowerBound + 1)..<(trimmed.upperBound - 1)
    }
    return trimmed
  }

  /// A title at the start of a line that goes on with other text (a web copy glued together):
  /// a kind word followed by a space or the 发文字号, and no punctuation before it.
  private func gluedTitle(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
    var window = range.lowerBound..<min(range.upperBound, range.lowerBound + 120)
    if let stop = window.first(where: { scalars[$0].isClauseBoundary }) { window = window.lowerBound..<stop }
    guard window.count > 4 else { return nil }
    for end in (window.lowerBound + 4)..<window.upperBound {
      let next = end < range.upperBound ? scalars[end] : " "
      guard next.isHorizontalSpace || DocumentNumberReader(lexicon: lexicon).matches(in: scalars, end..<min(range.upperBound, end + 30)).first?.range.lowerBound == end
      else { continue }
      if kinds.kind(ofTitle: scalars, range.lowerBound..<end) != nil { return range.lowerBound..<end }
    }
    return nil
  }

  /// A number printed in brackets after a cited title (`《…》（国发〔2016〕56号）`) belongs to the
  /// citation, not to this document.
  private func isCitation(_ scalars: [Unicode.Scalar], _ match: Range<Int>, within line: Range<Int>) -> Bool {
    var i = match.lowerBound - 1
    guard i >= line.lowerBound, scalars[i].isOpeningBracket else { return false }
    i -= 1
    return i >= line.lowerBound && (scalars[i] == "》" || scalars[i].isHan)
  }

  /// Words that open a sentence of the body, never a list of recipients.
  private static let sentenceOpenings: [[Unicode.Scalar]] = [
    "会议", "现将", "现就", "为", "根据", "经", "按照", "你", "贵", "现",
  ].map(\.scalars)

  /// The organs before the colon that ends a 主送 line, or nil.
  private func recipientList(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
    let trimmed = scalars.trimmingSpaces(range)
    guard !trimmed.isEmpty else { return nil }
    guard let colon = trimmed.first(where: { scalars[$0] == "：" || scalars[$0] == ":" }), colon > trimmed.lowerBound,
      colon - trimmed.lowerBound <= 160
    else { return nil }
    let list = trimmed.lowerBound..<colon
    for opening in Self.sentenceOpenings where scalars.matches(opening, at: list.lowerBound) { return nil }
    for index in list where scalars[index] == "。" || scalars[index] == "！" { return nil }
    // A list of recipients names organs (`…人民政府`, `…各有关单位`) or collectives (`各…`).
    let organs = ClosingElements(lexicon: lexicon)
    guard list.contains(where: { scalars[$0] == "各" || organs.endsWithOrganEnding(scalars, list.lowerBound..<($0 + 1)) }) else {
      return nil
    }
    // An opening sentence ending with a colon (`7月2日上午,…主持召开…会议,参加会议的有:`) is no
    // list: recipients print no date, and the last of them, just before the colon, is an
    // organ or a collective, never a clause (`会议研究了以下事项`).
    if !DateReader.dates(in: scalars, list).isEmpty || isPlaceholderDate(scalars, list) { return nil }
    var lastStart = list.upperBound
    while lastStart > list.lowerBound, !scalars[lastStart - 1].isClauseBoundary { lastStart -= 1 }
    let last = scalars.trimmingSpaces(lastStart..<list.upperBound)
    guard !last.isEmpty, last.contains(where: { scalars[$0] == "各" }) || organs.endsWithOrganEnding(scalars, last) || isCollective(scalars, last)
    else { return nil }
    return list
  }

  /// A date whose digits a copy masked (`xx年xx月xx日`, `20xx年`): still a date, never an organ.
  private func isPlaceholderDate(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    range.contains { i in
      (scalars[i] == "年" || scalars[i] == "月") && i > range.lowerBound && (scalars[i - 1] == "x" || scalars[i - 1] == "X")
    }
  }

  /// Collective recipients without an organ ending (`各大企业`, `驻区有关单位`, `平台公司`).
  private func isCollective(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(
        in: $0, at: range.upperBound, lowerLimit: range.lowerBound, categories: LexiconEntry.Category.organizationSuffix.bit) != nil
    }
  }
}

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
    var docNumber: DocumentNumberReader.Match?
    var recipients: [Range<Int>] = []
    /// 版头 elements.
    var copyNumber: Range<Int>?
    var classification: Range<Int>?
    var urgency: Range<Int>?
    var organMark: Range<Int>?
    var signers: [Range<Int>] = []
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
      if text.count <= 30, scalars.matches("文件".scalars, at: text.upperBound - 2), text.count > 4 {
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
    if let last = candidates.first(where: { !isOrganBanner(scalars, ranges[$0]) }) ?? candidates.first {
      var lines = [last]
      var position = plain.firstIndex(of: last)!
      while position > 0 {
        let previous = plain[position - 1]
        guard previous == lines[0] - 1, isTitleContinuation(scalars, ranges[previous], before: ranges[last]) else { break }
        lines.insert(previous, at: 0)
        position -= 1
      }
      front.title = lines.map { titleRange(scalars, ranges[$0]) }
      front.consumed.formUnion(lines)
    } else if let first = plain.first, let title = gluedTitle(scalars, ranges[first]) {
      front.title = [title]
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
    // A sentence that dates something (`7月2日上午，…主持召开…，参加会议的有：`) lists no recipients.
    if DateReader.dates(in: scalars, list).first != nil { return nil }
    // A list of recipients names organs (`…人民政府`, `…各有关单位`) or collectives (`各…`).
    let organs = ClosingElements(lexicon: lexicon)
    guard list.contains(where: { scalars[$0] == "各" || organs.endsWithOrganEnding(scalars, list.lowerBound..<($0 + 1)) }) else {
      return nil
    }
    return list
  }
}

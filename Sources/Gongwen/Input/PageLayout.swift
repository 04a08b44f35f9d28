/// A run of glyphs with its box on a page, in page units with y growing downwards.
struct PlacedWord {
  var text: String
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  var height: Double { maxY - minY }
  /// The mean advance of one character, the unit gaps are measured in.
  var characterWidth: Double { (maxX - minX) / Double(max(1, text.unicodeScalars.count)) }
}

/// The geometry rules fixed-layout sources (PDF, OFD) share: words on one baseline make one
/// line, read left to right; the glyph gap says how many spaces stood between them (a padded
/// name `王  翔` keeps its gap, two names keep theirs); running headers, footers and page
/// numbers are dropped; the lines of a title set centred in a larger size above the body of
/// the first page are one line.
enum PageLayout {
  /// The lines of each page, in reading order, running headers and footers removed.
  /// `firstPageWidth` (0 when unknown) is what tells centred lines on the first page.
  static func lines(of pages: [(words: [PlacedWord], height: Double)], firstPageWidth: Double = 0) -> [[Line]] {
    var placed = pages.map { page in (lines: lines(of: page.words), height: page.height) }
    if !placed.isEmpty { placed[0].lines = joiningTitle(placed[0].lines, pageWidth: firstPageWidth) }
    // A line repeated in the top or bottom band of most pages is a running header or footer.
    var bandCounts: [String: Int] = [:]
    for page in placed {
      for line in Set(page.lines.filter { isInBand($0, pageHeight: page.height) }.map { digitsFolded($0.text) }) {
        bandCounts[line, default: 0] += 1
      }
    }
    let repeatedAt = max(2, (pages.count + 1) / 2)
    return placed.map { page in
      page.lines.filter { line in
        guard isInBand(line, pageHeight: page.height) else { return true }
        if isPageNumber(line.text) { return false }
        return pages.count < 2 || bandCounts[digitsFolded(line.text), default: 0] < repeatedAt
      }
    }
  }

  /// A line of a page with its extent, in page units.
  struct Line {
    var text: String
    var minY: Double
    var maxY: Double
    var minX = 0.0
    var maxX = 0.0
    /// The tallest glyph box of the line: its type size.
    var size = 0.0
  }

  /// The lines with each run of title lines joined: two or more lines centred on the page,
  /// above its first line that is not centred (where the body begins), set in one size larger
  /// than the page's commonest (the body's), each close under the one before. The 发文机关标志
  /// above a title is set larger still and the 发文字号 in the body's size, so neither joins it.
  static func joiningTitle(_ lines: [Line], pageWidth: Double) -> [Line] {
    guard pageWidth > 0, lines.count > 2 else { return lines }
    var sizeCounts: [Int: Int] = [:]
    for line in lines { sizeCounts[Int((line.size * 2).rounded()), default: 0] += 1 }
    guard let common = sizeCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return lines }
    let bodySize = Double(common) / 2
    func isCentred(_ line: Line) -> Bool {
      let left = line.minX, right = pageWidth - line.maxX
      return line.maxX - line.minX < pageWidth * 0.85 && abs(left - right) <= max(line.size, pageWidth * 0.02)
    }
    func sameSize(_ a: Line, _ b: Line) -> Bool { abs(a.size - b.size) <= 0.1 * max(a.size, b.size) }
    var result: [Line] = []
    var index = 0
    while index < lines.count, isCentred(lines[index]) {
      var line = lines[index]
      index += 1
      while line.size > bodySize * 1.1, index < lines.count, isCentred(lines[index]), sameSize(line, lines[index]),
        lines[index].minY - line.maxY < line.size * 1.5
      {
        let next = lines[index]
        let latin = isLatin(line.text.unicodeScalars.last) && isLatin(next.text.unicodeScalars.first)
        line.text += (latin ? " " : "") + next.text
        line.maxY = next.maxY
        line.minX = min(line.minX, next.minX)
        line.maxX = max(line.maxX, next.maxX)
        index += 1
      }
      result.append(line)
    }
    return result + lines[index...]
  }

  /// Words grouped by baseline: a word joins a line when their vertical extents overlap by
  /// more than half the smaller height.
  static func lines(of words: [PlacedWord]) -> [Line] {
    var groups: [[PlacedWord]] = []
    for word in words.sorted(by: { ($0.minY + $0.maxY) < ($1.minY + $1.maxY) }) {
      if let last = groups.last?.last, overlaps(last, word) {
        groups[groups.count - 1].append(word)
      } else {
        groups.append([word])
      }
    }
    return groups.map { group in
      let sorted = group.sorted { $0.minX < $1.minX }
      var text = ""
      var previous: PlacedWord?
      for word in sorted {
        if let previous {
          let gap = word.minX - previous.maxX
          // Between Latin words a space is a third of a letter. Typesetters leave a quarter em
          // between Chinese and digits or Latin, so there only more than half a character
          // counts; between two Chinese glyphs nothing is left, and two typed spaces in a
          // proportional font (half an em) are a gap.
          let before = isLatin(previous.text.unicodeScalars.last), after = isLatin(word.text.unicodeScalars.first)
          let latin = before && after
          let unit = max(0.01, latin ? min(previous.characterWidth, word.characterWidth) : max(previous.characterWidth, word.characterWidth))
          if gap > unit * (latin ? 0.33 : before || after ? 0.6 : 0.4) {
            text += String(repeating: " ", count: min(4, max(1, Int((gap / unit).rounded()))))
          }
        }
        text += word.text
        previous = word
      }
      return Line(
        text: text, minY: group.map(\.minY).min() ?? 0, maxY: group.map(\.maxY).max() ?? 0,
        minX: sorted.first?.minX ?? 0, maxX: sorted.map(\.maxX).max() ?? 0, size: group.map(\.height).max() ?? 0)
    }
  }

  private static func isLatin(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar.value < 0x2E80
  }

  private static func overlaps(_ a: PlacedWord, _ b: PlacedWord) -> Bool {
    let overlap = min(a.maxY, b.maxY) - max(a.minY, b.minY)
    return overlap > 0.5 * min(a.height, b.height)
  }

  /// The top and bottom 8% of a page, where running heads and folios sit.
  private static func isInBand(_ line: Line, pageHeight: Double) -> Bool {
    pageHeight > 0 && (line.maxY < pageHeight * 0.08 || line.minY > pageHeight * 0.92)
  }

  /// `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 9 页`, `3/9`.
  static func isPageNumber(_ text: String) -> Bool {
    let kept = text.unicodeScalars.filter { !" \t-–—－·　".unicodeScalars.contains($0) }
    let digits = kept.filter { ("0"..."9").contains($0) }
    guard !digits.isEmpty else { return false }
    return kept.allSatisfy { ("0"..."9").contains($0) || "第页共/".unicodeScalars.contains($0) }
  }

  private static func digitsFolded(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { ("0"..."9").contains($0) ? "#" : $0 }))
  }
}

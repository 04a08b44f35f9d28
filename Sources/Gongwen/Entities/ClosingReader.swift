import GongwenModel

/// Reads the elements that close a 公文 from the closing blocks the section recognizer found:
/// the compiler of minutes (`…办公室整理` + date), the 发文机关署名 and 成文日期 (signature), the
/// 附注 (`（此件公开发布）`, and the publication it states), 分送/抄送 lists, and the 印发 line
/// (`苏州市人民政府办公室  2021年2月3日印发`).
///
/// The blocks' roles say what each element is; this reader pairs them (an organ line with the
/// date under it) and reads their values.
struct ClosingReader {
  struct Closing {
    var compiler: (organ: Range<Int>, date: DateMatch?, range: Range<Int>)?
    var signature: (organs: [Range<Int>], date: DateMatch?, range: Range<Int>)?
    var note: Range<Int>?
    var publication: Publication?
    var distribution: [Range<Int>] = []
    var issuer: (organ: Range<Int>, date: DateMatch?, range: Range<Int>)?
    /// Dates read from digits whose 年/月/日 the copy lost (`201992`), an inference.
    var datesWithLostMarks: [Range<Int>] = []
  }

  /// What `range` states about publication: restricted when it holds a restricted phrase
  /// (`此件不公开`, `依申请公开`), public when it holds a public one (`此件公开发布`), from the
  /// lexicon's ``LexiconEntry/Category/publicationPhrase`` entries.
  static func publication(_ scalars: [Unicode.Scalar], _ range: Range<Int>, lexicon: Lexicon) -> Publication? {
    let storage = lexicon.storage
    var stated: Publication? = nil
    scalars.withUnsafeBufferPointer { s in
      for i in range {
        storage.each(in: s, at: i, limit: range.upperBound, categories: LexiconEntry.Category.publicationPhrase.bit) { _, entry in
          let value = storage.entries[entry].fullName.flatMap(Publication.init(rawValue:))
          if value == .restricted || stated == nil { stated = value }
        }
      }
    }
    return stated
  }

  /// A line that signs as a person: an office, a space and a name (`自治区代主席 王正伟`).
  private static func isSigner(_ scalars: [Unicode.Scalar], _ line: Range<Int>, lexicon: Lexicon) -> Bool {
    guard line.count <= 20, let space = line.lastIndex(where: { scalars[$0].isHorizontalSpace }),
      lexicon.titleLength(in: scalars, endingAt: scalars.trimmingSpaces(line.lowerBound..<space).upperBound) > 0
    else { return false }
    let name = scalars.trimmingSpaces(space..<line.upperBound)
    return line.allSatisfy { scalars[$0].isHan || scalars[$0].isHorizontalSpace }
      && PersonPhraseReader(lexicon: lexicon).isName(scalars, name)
  }

  /// Whether the list text ends at `entry` with a separator, so a wrapped line starts a new entry.
  private static func endsWithSeparator(_ scalars: [Unicode.Scalar], _ entry: Range<Int>) -> Bool {
    var i = entry.upperBound
    while i < scalars.count, scalars[i].isHorizontalSpace { i += 1 }
    guard i < scalars.count else { return true }
    switch scalars[i] {
    case "，", "；", "。", ".": return true
    default: return false
    }
  }

  /// Reads the closing elements from `blocks` — the blocks outside the numbered body that come
  /// after the front matter, in order.
  static func read(_ scalars: [Unicode.Scalar], _ blocks: [StructureBlock], lexicon: Lexicon) -> Closing {
    var closing = Closing()
    var pendingOrgans: [Range<Int>] = []
    var pendingStart: Int? = nil
    var compilerWaitsForDate = false
    var distributionOpen = false
    var previous: Range<Int>? = nil
    for block in blocks {
      let range = scalars.trimmingSpaces(block.range)
      guard !range.isEmpty else { continue }
      defer { previous = range }
      if case .label(let label) = block.role {
        pendingOrgans = []
        pendingStart = nil
        guard label == .distribution || label == .copyTo else {
          distributionOpen = false
          continue
        }
        if let labelled = block.label, labelled.opensBlock {
          let content = labelled.content
          closing.distribution += ListSplitter.entries(in: scalars, content)
          distributionOpen = !content.isEmpty && scalars[content.upperBound - 1] != "。"
        } else if distributionOpen {
          // A 分送 list wrapped onto the next line, perhaps in the middle of an entry.
          var entries = ListSplitter.entries(in: scalars, range)
          if let previous = closing.distribution.last, let first = entries.first, !endsWithSeparator(scalars, previous) {
            closing.distribution[closing.distribution.count - 1] = previous.lowerBound..<first.upperBound
            entries.removeFirst()
          }
          closing.distribution += entries
          distributionOpen = scalars[range.upperBound - 1] != "。"
        }
        continue
      }
      distributionOpen = false
      switch block.role {
      case .compilerLine:
        closing.compiler = (block.organs.first ?? range, nil, range)
        compilerWaitsForDate = true
        pendingOrgans = []
      case .organLine:
        // One organ, or several side by side (a joint signature), perhaps over several lines.
        if pendingOrgans.isEmpty { pendingStart = range.lowerBound }
        pendingOrgans += block.organs
        compilerWaitsForDate = false
      case .dateLine:
        var date = block.date
        if date == nil, let bare = DateReader.withLostMarks(scalars, range) {
          date = bare
          closing.datesWithLostMarks.append(bare.range)
        }
        if compilerWaitsForDate, let compiler = closing.compiler {
          closing.compiler = (compiler.organ, date, compiler.range.lowerBound..<range.upperBound)
          compilerWaitsForDate = false
        } else if closing.signature == nil {
          var organs = pendingOrgans
          var start = pendingStart ?? range.lowerBound
          // An order is signed by its head: `自治区代主席 王正伟` above the date.
          if organs.isEmpty, let previous, isSigner(scalars, previous, lexicon: lexicon) {
            organs = [previous]
            start = previous.lowerBound
          }
          closing.signature = (organs, date, start..<range.upperBound)
        }
        pendingOrgans = []
        pendingStart = nil
      case .note:
        var content = range
        if scalars[range.lowerBound].isOpeningBracket, scalars[range.upperBound - 1].isClosingBracket {
          content = scalars.trimmingSpaces((range.lowerBound + 1)..<(range.upperBound - 1))
        }
        if closing.note == nil {
          closing.note = content
          closing.publication = publication(scalars, content, lexicon: lexicon)
        }
        pendingOrgans = []
      case .issuance:
        if let date = block.date, let organ = block.organs.first { closing.issuer = (organ, date, range) }
        pendingOrgans = []
      default:
        pendingOrgans = []
        pendingStart = nil
        compilerWaitsForDate = false
      }
    }
    return closing
  }
}

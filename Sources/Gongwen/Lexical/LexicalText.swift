import GongwenModel

/// The normalised text as the lexical layer reads it — the *folded view* every recogniser,
/// the section recognizer and the entity readers match against — with the way back to the
/// document's own characters.
///
/// Folding reads each character as the lexicon's ``LexiconEntry/Category/variant``s say
/// (Traditional `會議紀要` as `会议纪要`, one character for one), ASCII punctuation of web copies
/// as its Chinese form (`,` as `，`, `(一)` as `（一）`), and skips the pinyin glosses some copies
/// put after characters (`區(qū)長` reads `区长`). Lexicon entries are folded the same way, so a
/// word list names each word once, in Simplified characters with Chinese punctuation.
///
/// Offsets into ``scalars`` are the unit of everything the later stages report; ``string(_:)``
/// gives the document's own text of a range (Traditional stays Traditional, glosses stay) and
/// ``sourceRange(of:)`` the range in the input.
///
/// ```swift
/// let text = LexicalText(Normalizer().normalize("區(qū)長韓云主持召開"), lexicon: .builtIn)
/// text.scalars.count          // 7: 区长韩云主持召开 without the gloss
/// text.string(0..<2)          // "區(qū)長"
/// ```
public struct LexicalText: Sendable {
  /// The normalised text the view folds.
  public let normalized: NormalizedText
  /// The lexicon whose variants folded the text; the recognisers that read the view read by
  /// its word lists.
  public let lexicon: Lexicon
  /// The folded scalars; paragraphs are separated by one `"\n"`, as in the normalised text.
  public let scalars: [Unicode.Scalar]
  /// The paragraphs, with their ranges and line joins in ``scalars``.
  public let paragraphs: [Paragraph]
  /// For each folded scalar, the offset in ``NormalizedText/scalars`` it stands for; empty when
  /// no gloss was skipped, so that every folded scalar stands at its own offset.
  private let origins: [Int32]

  /// Folds `normalized` with `lexicon`'s variants.
  public init(_ normalized: NormalizedText, lexicon: Lexicon) {
    self.normalized = normalized
    self.lexicon = lexicon
    let source = normalized.scalars
    let storage = lexicon.storage
    var origins: [Int32] = []
    // One pass folds scalar by scalar into storage of the source's length; glosses are rare, and
    // the first one switches to a pass that keeps every folded scalar's origin.
    var firstGloss: Int? = nil
    var folded = [Unicode.Scalar](unsafeUninitializedCapacity: source.count) { buffer, count in
      source.withUnsafeBufferPointer { s in
        storage.folding.withUnsafeBufferPointer { table in
          var i = 0
          while i < s.count {
            let c = s[i]
            if c == "(" || c == "（", i > 0, s[i - 1].isHan, PinyinGloss.length(in: source, at: i) > 0 {
              firstGloss = i
              break
            }
            let v = c.value
            // The table maps scalars to scalars, so its values need no validation.
            buffer[i] = v < 0x10000 ? unsafeBitCast(UInt32(table[Int(v)]), to: Unicode.Scalar.self) : c
            i += 1
          }
          count = i
        }
      }
    }
    if let first = firstGloss {
      origins = (0..<Int32(first)).map { $0 }
      origins.reserveCapacity(source.count)
      var i = first
      while i < source.count {
        if source[i] == "(" || source[i] == "（", i > 0, source[i - 1].isHan {
          let gloss = PinyinGloss.length(in: source, at: i)
          if gloss > 0 {
            i += gloss
            continue
          }
        }
        origins.append(Int32(i))
        folded.append(storage.folded(source[i]))
        i += 1
      }
    }
    self.scalars = folded
    self.origins = origins
    if origins.isEmpty {
      paragraphs = normalized.paragraphs
    } else {
      let index = { (offset: Int) -> Int in Self.foldedIndex(of: offset, in: origins) }
      paragraphs = normalized.paragraphs.map { paragraph in
        var moved = paragraph
        moved.range = index(paragraph.range.lowerBound)..<index(paragraph.range.upperBound)
        moved.lineJoins = paragraph.lineJoins.map(index)
        return moved
      }
    }
  }

  /// The first folded offset whose origin is at or after `offset` (the end when none is).
  private static func foldedIndex(of offset: Int, in origins: [Int32]) -> Int {
    var low = 0
    var high = origins.count
    while low < high {
      let middle = (low + high) / 2
      if Int(origins[middle]) < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The offset in ``NormalizedText/scalars`` of the folded scalar at `index` (the normalised
  /// text's end past the last).
  @inline(__always) public func originalOffset(of index: Int) -> Int {
    if origins.isEmpty { return index }
    return index < origins.count ? Int(origins[index]) : normalized.scalars.count
  }

  /// Whether the view skipped glosses, so that folded offsets differ from the normalised ones.
  var skipsGlosses: Bool { !origins.isEmpty }

  /// The folded offset of the scalar at `offset` of ``NormalizedText/scalars`` (of the first
  /// folded scalar after it when `offset` falls inside a skipped gloss).
  public func foldedOffset(of offset: Int) -> Int {
    origins.isEmpty ? offset : Self.foldedIndex(of: offset, in: origins)
  }

  /// The range of ``NormalizedText/scalars`` a folded range stands for: the glosses inside it
  /// and the one after its last character included.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    if origins.isEmpty { return range }
    let lower = originalOffset(of: range.lowerBound)
    return lower..<Swift.max(lower, originalOffset(of: range.upperBound))
  }

  /// The document's own text of a folded range.
  public func string(_ range: Range<Int>) -> String {
    normalized.scalars.string(originalRange(range))
  }

  /// The document's own text of a folded range with all white space removed (how the contract
  /// compares text).
  public func compactString(_ range: Range<Int>) -> String {
    normalized.scalars.compactString(originalRange(range))
  }

  /// The input range a folded range came from.
  public func sourceRange(of range: Range<Int>) -> SourceRange {
    normalized.sourceRange(of: originalRange(range))
  }
}

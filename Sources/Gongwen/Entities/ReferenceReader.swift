import GongwenModel

/// Finds the documents a text cites by title in 书名号 `《…》` (``DocumentTitle``), keeping nested
/// titles, and the 发文字号 printed right after a title
/// (`《国务院关于…的实施意见》（国发〔2016〕56号）`).
struct ReferenceReader {
  let lexicon: Lexicon

  /// A 发文字号 in brackets right after the title.
  private func docNumber(in scalars: [Unicode.Scalar], after index: Int, limit: Int) -> Range<Int>? {
    guard index < limit, scalars[index] == "（" else { return nil }
    let window = (index + 1)..<min(limit, index + 40)
    guard let match = DocumentNumberReader(lexicon: lexicon).matches(in: scalars, window).first, match.range.lowerBound == index + 1,
      match.range.upperBound < limit, scalars[match.range.upperBound] == "）"
    else { return nil }
    return match.range
  }

  /// The citations as model values, one per title in order of first mention.
  func references(in text: LexicalText, _ ranges: [Range<Int>]) -> [DocumentReference] {
    let scalars = text.scalars
    // By bytes: `String` hashing normalises the whole title first.
    var seen: Set<TextKey> = []
    var references: [DocumentReference] = []
    for range in ranges {
      for citation in DocumentTitle.titles(in: scalars, range) {
        let title = text.string(citation.inner)
        guard !title.isEmpty, seen.insert(TextKey(title)).inserted else { continue }
        references.append(
          DocumentReference(
            title: title, nested: citation.nested.map { text.string($0) },
            docNumber: docNumber(in: scalars, after: citation.range.upperBound, limit: range.upperBound).map { text.string($0) },
            range: text.sourceRange(of: citation.range)))
      }
    }
    return references
  }
}

import GongwenModel

/// Recognises the numbered body of a 公文 — `一、` / `（一）` / `1.` / `（1）`, `第X章` / `第X节` /
/// `第X条`, decimal `1` / `1.1` — as a tree of `Section`s, and cuts the text into blocks:
/// front matter, table of contents, section headings and texts, and the closing elements.
///
/// Markers count at the start of a line. In text that lost its line breaks (web copies that
/// glue a whole document into one line) they also count after `。` `；` `：` (or their ASCII
/// forms) or a space, when they continue the numbering in progress; a bracketed word inside a
/// sentence or inside `《…》` is text. Levels are depths in the tree: a document that starts at
/// `（一）` has `（一）` at level 1. A numeral alone on its line (`一`, a copy that lost its `、`)
/// is a marker where such lines count `一`, `二`, …; a table of contents is known by its `目录`
/// line or by its shape (short entries, then the first of them again); what the copy added
/// (a cut's `...`, page counters, a sharing page's chunk numbers) is a block of its own.
///
/// ```swift
/// let normalized = Normalizer().normalize(text)
/// let structure = SectionRecognizer().recognize(normalized)
/// for section in structure.sections { print(section.marker, section.title) }
/// ```
public struct SectionRecognizer: Sendable {
  /// The lexicon whose labels, organ endings, formulas and variants the recognizer reads by.
  public let lexicon: Lexicon

  /// Creates a recognizer reading `lexicon`, by default the built-in one.
  public init(lexicon: Lexicon = .builtIn) {
    self.lexicon = lexicon
  }

  /// Recognises the structure of text already folded by the lexical layer; the blocks' ranges
  /// are offsets into ``LexicalText/scalars``.
  public func recognize(_ text: LexicalText) -> DocumentStructure {
    var scanner = LayoutScanner(text)
    scanner.run()
    return scanner.structure()
  }

  /// Folds `text` with the recognizer's lexicon and recognises its structure.
  public func recognize(_ text: NormalizedText) -> DocumentStructure {
    recognize(LexicalText(text, lexicon: lexicon))
  }
}

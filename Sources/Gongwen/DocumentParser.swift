import Foundation
@_exported import GongwenModel

/// The one entry point: reads a document and returns its `Document`.
///
/// The stages run in order, each reading only what the one before produced:
/// input (bytes → text) → normalisation (clean paragraphs with an offset map) → tokens →
/// structure (the numbered sections and the blocks around them) → entities (meeting,
/// attendance, organisations, references, closing) → the `Document` model.
///
/// A parser is a value: configure it once and share it across tasks.
///
/// ```swift
/// let parser = DocumentParser()
/// let document = try parser.parse(contentsOf: URL(fileURLWithPath: "minutes.txt"))
/// print(document.meeting?.chair?.name ?? "-")
/// print(document.jsonString())
/// ```
public struct DocumentParser: Sendable {
  /// Everything that can be configured, grouped by stage.
  public struct Configuration: Sendable {
    public var decoding: TextDecoder.Options
    public var normalization: Normalizer.Options
    /// The lexicon the tokenizer and the entity extractors match against: the built-in one,
    /// or it extended with users' own departments and people.
    public var lexicon: Lexicon

    public init(
      decoding: TextDecoder.Options = .init(), normalization: Normalizer.Options = .init(), lexicon: Lexicon = .builtIn
    ) {
      self.decoding = decoding
      self.normalization = normalization
      self.lexicon = lexicon
    }
  }

  public var configuration: Configuration

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// Parses text that is already decoded.
  public func parse(_ text: String) -> Document {
    parse(Array(unicodeScalarsOf: text), encoding: nil, decodingDiagnostics: [])
  }

  /// Decodes bytes (detecting the encoding unless configured) and parses them.
  public func parse(bytes: some Collection<UInt8>) throws(InputError) -> Document {
    let decoded = try TextDecoder(options: configuration.decoding).decode(bytes)
    return parse(decoded)
  }

  /// Reads, decodes and parses a file.
  public func parse(contentsOf url: URL) throws(InputError) -> Document {
    let decoded = try TextDecoder(options: configuration.decoding).decode(contentsOf: url)
    return parse(decoded)
  }

  /// Parses decoded text, keeping the decoder's encoding and diagnostics in the result.
  public func parse(_ decoded: DecodedText) -> Document {
    parse(Array(unicodeScalarsOf: decoded.text), encoding: decoded.encoding, decodingDiagnostics: decoded.diagnostics)
  }

  /// The normalisation stage alone: the text as clean paragraphs.
  public func normalize(_ text: String) -> NormalizedText {
    Normalizer(options: configuration.normalization, lexicon: configuration.lexicon).normalize(text)
  }

  private func parse(_ scalars: [Unicode.Scalar], encoding: TextEncoding?, decodingDiagnostics: [Diagnostic]) -> Document {
    let normalized = Normalizer(options: configuration.normalization, lexicon: configuration.lexicon).normalize(scalars)
    var document = Document()
    document.source = Document.SourceInfo(encoding: encoding?.rawValue, length: scalars.count)
    document.diagnostics = decodingDiagnostics
    if normalized.paragraphs.isEmpty {
      document.diagnostics.append(
        Diagnostic(severity: .warning, code: .noText, message: "the input holds no text"))
      return document
    }
    let lexical = LexicalText(normalized, lexicon: configuration.lexicon)
    let structure = SectionRecognizer(lexicon: configuration.lexicon).recognize(lexical)
    document.sections = structure.sections
    document.diagnostics += structure.diagnostics
    EntityExtractor(lexicon: configuration.lexicon).extract(lexical, structure, into: &document)
    // Only an empty lexicon degrades every reader; a user's lexicon stands even when the
    // built-in one could not be loaded.
    if configuration.lexicon.entries.isEmpty {
      let problem = Lexicon.builtInStatus.problem ?? "the lexicon in use is empty"
      document.diagnostics.append(Diagnostic(severity: .warning, code: .lexiconUnavailable, message: problem))
    }
    if document.kind == .unknown {
      document.diagnostics.append(
        Diagnostic(
          severity: .warning, code: .unknownKind,
          message: "the text names no kind of 公文 (no title word such as 通知 or 纪要, no formula such as 现批复如下)"))
    }
    return document
  }
}

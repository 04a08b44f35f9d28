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
  /// The library's version, as `gongwen --version` prints it and the CHANGELOG's latest
  /// release names it; recorded with every output of a batch.
  public static let version = "0.1.0"

  /// Everything that can be configured, grouped by stage.
  public struct Configuration: Sendable {
    /// How bytes become text: the encoding, whether invalid bytes are replaced, the size limit.
    public var decoding: TextDecoder.Options
    /// What normalisation changes beyond the contract's folding (Traditional → Simplified).
    public var normalization: Normalizer.Options
    /// The lexicon the tokenizer and the entity extractors match against: the built-in one,
    /// or it extended with users' own departments and people.
    public var lexicon: Lexicon

    /// Creates a Configuration from its parts; each argument sets the property of the same name.
    public init(
      decoding: TextDecoder.Options = .init(), normalization: Normalizer.Options = .init(), lexicon: Lexicon = .builtIn
    ) {
      self.decoding = decoding
      self.normalization = normalization
      self.lexicon = lexicon
    }
  }

  /// The configuration every parse uses.
  public var configuration: Configuration

  /// Creates a parser; by default strict decoding, no conversion, and the built-in lexicon.
  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// Parses text that is already decoded.
  public func parse(_ text: String) -> Document {
    parse(Array(unicodeScalarsOf: text), encoding: nil, decodingDiagnostics: [])
  }

  /// Reads bytes of any supported format (text in any encoding, PDF, DOCX, OFD, a saved web
  /// page; told from the content) and parses them.
  public func parse(bytes: some Collection<UInt8>) throws(InputError) -> Document {
    parse(try DocumentReader(options: configuration.decoding).read(Data(bytes)))
  }

  /// Reads a file of any supported format and parses it.
  public func parse(contentsOf url: URL) throws(InputError) -> Document {
    parse(try DocumentReader(options: configuration.decoding).read(contentsOf: url))
  }

  /// Parses decoded text, keeping the decoder's encoding and diagnostics in the result.
  public func parse(_ decoded: DecodedText) -> Document {
    var document = parse(
      Array(unicodeScalarsOf: decoded.text), encoding: decoded.encoding, decodingDiagnostics: decoded.diagnostics)
    if decoded.format != .text {
      document.source?.format = decoded.format.rawValue
      document.source?.pages = decoded.pages
      document.source?.regions = decoded.regions
      if let source = document.source, !source.pages.isEmpty {
        document = Self.pagingRanges(of: document, in: source)
      }
    }
    // A page's `<title>` often carries the site's wording or a shortened title; the body's
    // own title lines win, and the `<title>` only fills a gap.
    if document.title == nil, let pageTitle = decoded.pageTitle {
      document.title = pageTitle
      document.diagnostics.append(
        Diagnostic(
          severity: .note, code: .titleFromPageTitle,
          message: "the body shows no title; the title is the page's <title> (\(pageTitle)), which has no range in the text"))
    }
    return document
  }

  /// The document with every range's `page` set. Ranges sit in many model types; the JSON
  /// form reaches them all in one walk (an object with `start` and `end` is a range).
  private static func pagingRanges(of document: Document, in source: Document.SourceInfo) -> Document {
    func walk(_ value: Any) -> Any {
      if var object = value as? [String: Any] {
        if let start = object["start"] as? Int, object["end"] is Int, object.count == 2 {
          object["page"] = source.page(at: start)
          return object
        }
        for (key, member) in object where key != "source" { object[key] = walk(member) }
        return object
      }
      if let array = value as? [Any] { return array.map(walk) }
      return value
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(document.jsonBytes(prettyPrinted: false))),
      let data = try? JSONSerialization.data(withJSONObject: walk(object)),
      let paged = try? JSONDecoder().decode(Document.self, from: data)
    else { return document }
    return paged
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

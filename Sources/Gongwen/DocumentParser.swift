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
          message: "the body shows no title; the title is the page's <title> (\(pageTitle)), which has no range"))
    }
    return document
  }

  /// The document with every range's `page` set: a walk over each value that holds a range.
  /// `DocumentReaderTests` checks on the paged fixtures that no range of the JSON is left
  /// without its page, so a range added to the model without a line here fails there.
  private static func pagingRanges(of document: Document, in source: Document.SourceInfo) -> Document {
    var document = document
    func paged(_ range: SourceRange?) -> SourceRange? {
      guard var range else { return nil }
      range.page = source.page(at: range.start)
      return range
    }
    func page(_ ranges: inout [SourceRange]) {
      for index in ranges.indices { ranges[index].page = source.page(at: ranges[index].start) }
    }
    func page<Value>(_ values: inout [Value], _ range: WritableKeyPath<Value, SourceRange?>) {
      for index in values.indices { values[index][keyPath: range] = paged(values[index][keyPath: range]) }
    }
    func page<Value>(_ value: inout Value?, _ range: WritableKeyPath<Value, SourceRange?>) {
      guard var unwrapped = value else { return }
      unwrapped[keyPath: range] = paged(unwrapped[keyPath: range])
      value = unwrapped
    }
    func page(_ sections: inout [Section]) {
      for index in sections.indices {
        sections[index].range = paged(sections[index].range)
        page(&sections[index].children)
      }
    }
    if var meeting = document.meeting {
      meeting.range = paged(meeting.range)
      page(&meeting.chair, \.range)
      document.meeting = meeting
    }
    page(&document.sections)
    page(&document.attendance.present, \.range)
    page(&document.attendance.attending, \.range)
    page(&document.attendance.absent, \.range)
    page(&document.attendance.recorders, \.range)
    page(&document.signature, \.range)
    page(&document.issuer, \.range)
    page(&document.compiler, \.range)
    page(&document.diagnostics, \.range)
    for index in document.organizations.indices { page(&document.organizations[index].mentions) }
    page(&document.references, \.range)
    page(&document.decisions, \.range)
    page(&document.tasks, \.range)
    page(&document.otherText, \.range)
    page(&document.sourceRanges.title)
    document.sourceRanges.docNumber = paged(document.sourceRanges.docNumber)
    page(&document.sourceRanges.recipients)
    page(&document.sourceRanges.distribution)
    document.sourceRanges.note = paged(document.sourceRanges.note)
    page(&document.sourceRanges.representedOrganizations)
    page(&document.sourceRanges.attachments)
    return document
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

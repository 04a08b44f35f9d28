/// Why bytes could not be read as a document's text.
///
/// The code says what went wrong; `byteOffset` says where, when there is a place to point at.
/// New codes may be added in later versions, so match the ones you handle and keep a default.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, as a stable, extensible code.
  public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code as printed (`binary-content`).
    public var rawValue: String
    /// Creates a code from its printed form.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code as printed.
    public var description: String { rawValue }

    /// There are no bytes at all.
    public static let empty = Code(rawValue: "empty-input")
    /// The input is larger than the configured limit.
    public static let tooLarge = Code(rawValue: "input-too-large")
    /// The bytes are not text: NUL bytes or control characters where text has none.
    public static let binary = Code(rawValue: "binary-content")
    /// The bytes are not valid in any candidate encoding (or in the one asked for).
    public static let undecodable = Code(rawValue: "undecodable")
    /// An explicitly requested encoding is unknown to ICU.
    public static let unknownEncoding = Code(rawValue: "unknown-encoding")
    /// The file could not be read.
    public static let unreadable = Code(rawValue: "unreadable-file")
    /// A PDF, DOCX or OFD file that cannot be opened: a truncated ZIP, a missing part.
    public static let corrupt = Code(rawValue: "corrupt-document")
    /// A PDF whose pages hold no text (a scan); OCR is out of scope.
    public static let noTextLayer = Code(rawValue: "no-text-layer")
    /// The program that extracts the format is not installed (PDF: poppler-utils).
    public static let extractorMissing = Code(rawValue: "extractor-missing")
    /// A legacy `.doc` or `.wps` file, or RTF, to be converted to `.docx` first.
    public static let legacyFormat = Code(rawValue: "legacy-format")
  }

  /// What went wrong.
  public var code: Code
  /// The offset, in bytes from the start of the input, of the first offending byte.
  public var byteOffset: Int?
  /// The encoding the message is about (the one requested or the best candidate).
  public var encoding: TextEncoding?
  /// A sentence for people, naming the reason.
  public var message: String

  /// Creates an error; `byteOffset` and `encoding` say where and in which encoding, when known.
  public init(code: Code, byteOffset: Int? = nil, encoding: TextEncoding? = nil, message: String) {
    self.code = code
    self.byteOffset = byteOffset
    self.encoding = encoding
    self.message = message
  }

  /// `code: message`, as the command-line tool prints it after the path.
  public var description: String { "\(code): \(message)" }
}

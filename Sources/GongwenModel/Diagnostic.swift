/// Something the parser noticed and could not settle: a skipped section number, a date
/// without a year, bytes replaced while decoding. Diagnostics never stop parsing.
public struct Diagnostic: Hashable, Sendable, Codable, JSONObjectMembers {
  /// How much the problem matters for the values read.
  public enum Severity: String, Hashable, Sendable, Codable {
    /// The input is damaged in a way that loses information.
    case error
    /// A value could not be determined, or the document breaks a rule of its form.
    case warning
    /// Information about a choice the parser made.
    case note
  }

  /// A stable, extensible code naming the kind of problem.
  public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
  {
    /// The code as written in JSON (`section-number-skipped`).
    public var rawValue: String
    /// Creates a code from its JSON spelling; codes this version does not name are kept as they are.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a code from a string literal (`"no-text"`).
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The code as written in JSON.
    public var description: String { rawValue }
    /// Decodes a code from its JSON string.
    public init(from decoder: any Decoder) throws {
      rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes the code as its JSON string.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rawValue)
    }
  }

  /// How much the problem matters.
  public var severity: Severity
  /// What kind of problem it is, stable across versions.
  public var code: Code
  /// A sentence for people, naming what was seen; its wording may change.
  public var message: String
  /// Where the diagnostic was read in the decoded text.
  public var range: SourceRange?

  /// Creates a Diagnostic from its parts; each argument sets the property of the same name.
  public init(severity: Severity, code: Code, message: String, range: SourceRange? = nil) {
    self.severity = severity
    self.code = code
    self.message = message
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("severity", severity)
    try list.add("code", code)
    try list.add("message", message)
    try list.add("range", range)
  }

  /// Encodes the Diagnostic as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

extension Diagnostic.Code {
  /// The input holds no text. (`no-text`)
  public static let noText = Self(rawValue: "no-text")
  /// The lexicon in use is empty, so no word list could be matched. (`lexicon-unavailable`)
  public static let lexiconUnavailable = Self(rawValue: "lexicon-unavailable")
  /// The text names no kind of 公文. (`unknown-kind`)
  public static let unknownKind = Self(rawValue: "unknown-kind")
  /// The body of a saved web page shows no title, and the title is the page's `<title>`, which
  /// has no range in the text. (`title-from-page-title`)
  public static let titleFromPageTitle = Self(rawValue: "title-from-page-title")
  /// The input ends inside a UTF-8 character. (`truncated-input`)
  public static let truncatedInput = Self(rawValue: "truncated-input")
  /// Invalid byte sequences were replaced by U+FFFD while decoding. (`replaced-invalid-bytes`)
  public static let replacedInvalidBytes = Self(rawValue: "replaced-invalid-bytes")
  /// The meeting's date prints no year. (`meeting-date-without-year`)
  public static let meetingDateWithoutYear = Self(rawValue: "meeting-date-without-year")
  /// No meeting date could be read. (`meeting-date-unreadable`)
  public static let meetingDateUnreadable = Self(rawValue: "meeting-date-unreadable")
  /// An attendance entry is neither a person nor an organisation. (`attendance-entry-unread`)
  public static let attendanceEntryUnread = Self(rawValue: "attendance-entry-unread")
  /// An attendance entry was read as a name, but the roster does not settle that reading: a
  /// name split by a space (`何振 明`: one name or two?), four characters without a compound
  /// surname, a transliterated name that starts with no surname (`帕巴拉·格列朗杰`), names cut
  /// from a grid printed one character per line. (`attendance-name-uncertain`)
  public static let attendanceNameUncertain = Self(rawValue: "attendance-name-uncertain")
  /// A section number skips one. (`section-number-skipped`)
  public static let sectionNumberSkipped = Self(rawValue: "section-number-skipped")
  /// A section number repeats the one before it. (`section-number-repeated`)
  public static let sectionNumberRepeated = Self(rawValue: "section-number-repeated")
  /// A section marker comes at a level it cannot follow. (`section-marker-out-of-order`)
  public static let sectionMarkerOutOfOrder = Self(rawValue: "section-marker-out-of-order")
}

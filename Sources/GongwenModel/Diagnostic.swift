/// Something the parser noticed and could not settle: a skipped section number, a date
/// without a year, bytes replaced while decoding. Diagnostics never stop parsing.
public struct Diagnostic: Hashable, Sendable, Codable, JSONObjectMembers {
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
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws {
      rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rawValue)
    }
  }

  public var severity: Severity
  public var code: Code
  public var message: String
  public var range: SourceRange?

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

  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

extension Diagnostic.Code {
  /// The input holds no text. (`no-text`)
  public static let noText = Self(rawValue: "no-text")
  /// The lexicon in use is empty, so no word list could be matched. (`lexicon-unavailable`)
  public static let lexiconUnavailable = Self(rawValue: "lexicon-unavailable")
  /// The text names no kind of 公文. (`unknown-kind`)
  public static let unknownKind = Self(rawValue: "unknown-kind")
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

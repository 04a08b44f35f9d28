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

  public func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("severity", severity)
    try list.add("code", code)
    try list.add("message", message)
    try list.add("range", range)
  }

  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

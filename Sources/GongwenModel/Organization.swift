/// An organisation (单位) mentioned in the document, once however often it is mentioned.
public struct Organization: Hashable, Sendable, Codable {
  /// The name as first printed (`市发改委`).
  public var name: String
  /// The full name the lexicon knows for an abbreviation (`市发展和改革委员会`), when it knows one.
  public var fullName: String?
  /// Every place the organisation is mentioned.
  public var mentions: [SourceRange]

  public init(name: String, fullName: String? = nil, mentions: [SourceRange] = []) {
    self.name = name
    self.fullName = fullName
    self.mentions = mentions
  }

  private enum CodingKeys: String, CodingKey { case name, fullName, mentions }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(fullName, forKey: .fullName)
    try c.encode(mentions, forKey: .mentions)
  }
}

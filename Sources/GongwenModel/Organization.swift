/// An organisation (单位) mentioned in the document, once however often it is mentioned.
public struct Organization: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The name as first printed (`市发改委`).
  public var name: String
  /// The full name the lexicon knows for an abbreviation (`市发展和改革委员会`), when it knows one.
  public var fullName: String?
  /// Every place the organisation is mentioned.
  public var mentions: [SourceRange]

  /// Creates an Organization from its parts; each argument sets the property of the same name.
  public init(name: String, fullName: String? = nil, mentions: [SourceRange] = []) {
    self.name = name
    self.fullName = fullName
    self.mentions = mentions
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("name", name)
    try list.add("fullName", fullName)
    try list.add("mentions", mentions)
  }

  /// Encodes then Organization as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

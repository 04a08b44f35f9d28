/// A person named in the document: an attendee, an absentee, a recorder.
///
/// `title` (职务), `organization` (单位, as printed) and `reason` (请假 reason) are present only
/// when the document prints them; in JSON absent ones are left out.
public struct Person: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The name as printed, spaces of typesetting removed (`王  翔` → `王翔`).
  public var name: String
  /// The office printed with the name, the last of a chain (`副市长`).
  public var title: String?
  /// The unit printed with the name (`市发改委`).
  public var organization: String?
  /// Why an absentee is absent (`出差`), without its brackets.
  public var reason: String?
  /// Where the person was read in the decoded text.
  public var range: SourceRange?

  /// Creates a Person from its parts; each argument sets the property of the same name.
  public init(
    name: String, title: String? = nil, organization: String? = nil, reason: String? = nil,
    range: SourceRange? = nil
  ) {
    self.name = name
    self.title = title
    self.organization = organization
    self.reason = reason
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("name", name)
    try list.addIfPresent("title", title)
    try list.addIfPresent("organization", organization)
    try list.addIfPresent("reason", reason)
    try list.addIfPresent("range", range)
  }

  /// Encodes the Person as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

/// A person named in the document: an attendee, an absentee, a recorder.
///
/// `title` (职务), `organization` (单位, as printed) and `reason` (请假 reason) are present only
/// when the document prints them; in JSON absent ones are left out.
public struct Person: Hashable, Sendable, Codable, JSONObjectMembers {
  public var name: String
  public var title: String?
  public var organization: String?
  public var reason: String?
  public var range: SourceRange?

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

  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

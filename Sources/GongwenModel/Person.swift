/// A person named in the document: an attendee, an absentee, a recorder.
///
/// `title` (职务), `organization` (单位, as printed) and `reason` (请假 reason) are present only
/// when the document prints them; in JSON absent ones are left out.
public struct Person: Hashable, Sendable, Codable {
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

  private enum CodingKeys: String, CodingKey { case name, title, organization, reason, range }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    if let title { try c.encode(title, forKey: .title) }
    if let organization { try c.encode(organization, forKey: .organization) }
    if let reason { try c.encode(reason, forKey: .reason) }
    if let range { try c.encode(range, forKey: .range) }
  }
}

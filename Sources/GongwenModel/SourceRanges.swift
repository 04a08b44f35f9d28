/// Where the document's plain text values came from: ranges of the decoded input (Unicode
/// scalar offsets, end exclusive) for the values the JSON contract gives as strings, in the
/// order of the values themselves.
public struct SourceRanges: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The title's lines.
  public var title: [SourceRange]
  /// The 发文字号.
  public var docNumber: SourceRange?
  /// One per recipient.
  public var recipients: [SourceRange]
  /// One per distribution entry.
  public var distribution: [SourceRange]
  /// The 附注.
  public var note: SourceRange?
  /// One per represented organisation.
  public var representedOrganizations: [SourceRange]
  /// One per attachment.
  public var attachments: [SourceRange]

  /// Creates a SourceRanges from its parts; each argument sets the property of the same name.
  public init(
    title: [SourceRange] = [], docNumber: SourceRange? = nil, recipients: [SourceRange] = [],
    distribution: [SourceRange] = [], note: SourceRange? = nil, representedOrganizations: [SourceRange] = [],
    attachments: [SourceRange] = []
  ) {
    self.title = title
    self.docNumber = docNumber
    self.recipients = recipients
    self.distribution = distribution
    self.note = note
    self.representedOrganizations = representedOrganizations
    self.attachments = attachments
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("title", title)
    try list.add("docNumber", docNumber)
    try list.add("recipients", recipients)
    try list.add("distribution", distribution)
    try list.add("note", note)
    try list.add("representedOrganizations", representedOrganizations)
    try list.add("attachments", attachments)
  }

  /// Encodes the SourceRanges as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

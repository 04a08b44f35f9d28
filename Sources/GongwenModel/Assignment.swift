/// A task assigned to organisations (`由市应急局根据…按程序发文`, `市政府办公室牵头，市发改委具体负责…`).
public struct Assignment: Hashable, Sendable, Codable, JSONObjectMembers {
  /// Who leads (牵头, or the `由X` of `由X…`).
  public var lead: [String]
  /// Who is responsible or cooperates (具体负责, 配合, 协助).
  public var responsible: [String]
  /// What is to be done, as printed.
  public var action: String
  /// Where the assignment was read in the decoded text.
  public var range: SourceRange?

  /// Creates an Assignment from its parts; each argument sets the property of the same name.
  public init(lead: [String], responsible: [String] = [], action: String, range: SourceRange? = nil) {
    self.lead = lead
    self.responsible = responsible
    self.action = action
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("lead", lead)
    try list.add("responsible", responsible)
    try list.add("action", action)
    try list.add("range", range)
  }

  /// Encodes then Assignment as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

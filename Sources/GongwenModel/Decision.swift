/// A decision the meeting took (`原则同意《X》`, `会议同意…`, `会议原则通过…`).
public struct Decision: Hashable, Sendable, Codable, JSONObjectMembers {
  /// How the meeting decided.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// 原则同意 — approved in principle.
    case approvedInPrinciple
    /// 同意 / 批准 — approved.
    case approved
    /// 通过 / 审议通过 — adopted.
    case adopted
    /// 原则通过 — adopted in principle.
    case adoptedInPrinciple
  }

  /// How the meeting decided (原则同意, 同意, 通过, 原则通过).
  public var kind: Kind
  /// What was decided on, as printed (`《<政府工作报告>2021年主要目标任务分工方案》`).
  public var subject: String
  /// The titles of the documents the decision is about, without 《》.
  public var references: [String]
  /// Where the decision was read in the decoded text.
  public var range: SourceRange?

  /// Creates a Decision from its parts; each argument sets the property of the same name.
  public init(kind: Kind, subject: String, references: [String] = [], range: SourceRange? = nil) {
    self.kind = kind
    self.subject = subject
    self.references = references
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("kind", kind)
    try list.add("subject", subject)
    try list.add("references", references)
    try list.add("range", range)
  }

  /// Encodes the Decision as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

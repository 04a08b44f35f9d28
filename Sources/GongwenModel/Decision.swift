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

  public var kind: Kind
  /// What was decided on, as printed (`《<政府工作报告>2021年主要目标任务分工方案》`).
  public var subject: String
  /// The titles of the documents the decision is about, without 《》.
  public var references: [String]
  public var range: SourceRange?

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

  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

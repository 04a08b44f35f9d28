/// A task assigned to organisations (`由市应急局根据…按程序发文`, `市政府办公室牵头，市发改委具体负责…`).
public struct Assignment: Hashable, Sendable, Codable {
  /// Who leads (牵头, or the `由X` of `由X…`).
  public var lead: [String]
  /// Who is responsible or cooperates (具体负责, 配合, 协助).
  public var responsible: [String]
  /// What is to be done, as printed.
  public var action: String
  public var range: SourceRange?

  public init(lead: [String], responsible: [String] = [], action: String, range: SourceRange? = nil) {
    self.lead = lead
    self.responsible = responsible
    self.action = action
    self.range = range
  }

  private enum CodingKeys: String, CodingKey { case lead, responsible, action, range }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(lead, forKey: .lead)
    try c.encode(responsible, forKey: .responsible)
    try c.encode(action, forKey: .action)
    try c.encode(range, forKey: .range)
  }
}

/// Who took part in a meeting, from the 出席 / 列席 / 请假 / 记录 blocks or from prose.
public struct Attendance: Hashable, Sendable, Codable, JSONObjectMembers {
  /// 出席 / 参加 / 参会 — present.
  public var present: [Person]
  /// 列席 — attending without a vote.
  public var attending: [Person]
  /// 请假 / 缺席 — absent, with the reason when printed.
  public var absent: [Person]
  /// Units present without names (`市检察院、联通苏州分公司的代表`, `…等单位负责人`).
  public var representedOrganizations: [String]
  /// 记录 — who kept the minutes.
  public var recorders: [Person]

  /// Creates an Attendance from its parts; each argument sets the property of the same name.
  public init(
    present: [Person] = [], attending: [Person] = [], absent: [Person] = [],
    representedOrganizations: [String] = [], recorders: [Person] = []
  ) {
    self.present = present
    self.attending = attending
    self.absent = absent
    self.representedOrganizations = representedOrganizations
    self.recorders = recorders
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("present", present)
    try list.add("attending", attending)
    try list.add("absent", absent)
    try list.add("representedOrganizations", representedOrganizations)
    try list.add("recorders", recorders)
  }

  /// Encodes then Attendance as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }

  /// Whether no one and no unit is listed at all.
  public var isEmpty: Bool {
    present.isEmpty && attending.isEmpty && absent.isEmpty && representedOrganizations.isEmpty
      && recorders.isEmpty
  }

  /// Everyone named, in document order of the lists.
  public var everyone: [Person] { present + attending + absent + recorders }
}

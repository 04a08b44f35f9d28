/// A document cited by title in 书名号 《…》, such as `《<政府工作报告>2021年主要目标任务分工方案》`.
public struct DocumentReference: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The text inside the outer 《》, nested marks kept (`<政府工作报告>2021年主要目标任务分工方案`).
  public var title: String
  /// Titles nested inside it (`<…>`, `〈…〉`, `《…》`), without their marks.
  public var nested: [String]
  /// The 发文字号 printed right after the title (`（国发〔2016〕56号）`), when there is one.
  public var docNumber: String?
  /// Where the documentreference was read in the decoded text.
  public var range: SourceRange?

  /// Creates a DocumentReference from its parts; each argument sets the property of the same name.
  public init(title: String, nested: [String] = [], docNumber: String? = nil, range: SourceRange? = nil) {
    self.title = title
    self.nested = nested
    self.docNumber = docNumber
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("title", title)
    try list.add("nested", nested)
    try list.add("docNumber", docNumber)
    try list.add("range", range)
  }

  /// Encodes the DocumentReference as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

/// A document cited by title in 书名号 《…》, such as `《<政府工作报告>2021年主要目标任务分工方案》`.
public struct DocumentReference: Hashable, Sendable, Codable {
  /// The text inside the outer 《》, nested marks kept (`<政府工作报告>2021年主要目标任务分工方案`).
  public var title: String
  /// Titles nested inside it (`<…>`, `〈…〉`, `《…》`), without their marks.
  public var nested: [String]
  /// The 发文字号 printed right after the title (`（国发〔2016〕56号）`), when there is one.
  public var docNumber: String?
  public var range: SourceRange?

  public init(title: String, nested: [String] = [], docNumber: String? = nil, range: SourceRange? = nil) {
    self.title = title
    self.nested = nested
    self.docNumber = docNumber
    self.range = range
  }

  private enum CodingKeys: String, CodingKey { case title, nested, docNumber, range }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(title, forKey: .title)
    try c.encode(nested, forKey: .nested)
    try c.encode(docNumber, forKey: .docNumber)
    try c.encode(range, forKey: .range)
  }
}

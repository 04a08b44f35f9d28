/// 发文机关署名 and 成文日期: the issuing organ(s) and the date the document was made.
public struct Signature: Hashable, Sendable, Codable, JSONObjectMembers {
  /// One organ, or several for a joint document.
  public var organs: [String]
  /// ISO `YYYY-MM-DD`.
  public var date: String?
  /// Where the signature was read in the decoded text.
  public var range: SourceRange?

  /// Creates a Signature from its parts; each argument sets the property of the same name.
  public init(organs: [String], date: String? = nil, range: SourceRange? = nil) {
    self.organs = organs
    self.date = date
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("organs", organs)
    try list.add("date", date)
    try list.add("range", range)
  }

  /// Encodes the Signature as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

/// An organ and a date: the 印发 line (`苏州市人民政府办公室 2021年2月3日印发`) or the compiler of
/// minutes (`苏州市人民政府办公室整理` + date).
public struct DatedOrgan: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The organ as printed (`苏州市人民政府办公室`).
  public var organ: String
  /// ISO `YYYY-MM-DD`.
  public var date: String?
  /// Where the datedorgan was read in the decoded text.
  public var range: SourceRange?

  /// Creates a DatedOrgan from its parts; each argument sets the property of the same name.
  public init(organ: String, date: String? = nil, range: SourceRange? = nil) {
    self.organ = organ
    self.date = date
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("organ", organ)
    try list.add("date", date)
    try list.add("range", range)
  }

  /// Encodes the DatedOrgan as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

/// Whether the document may be published, from its 附注.
public enum Publication: String, Hashable, Sendable, Codable {
  /// 此件公开发布 / 此件主动公开 / 主动公开.
  case `public`
  /// 此件不公开 / 不予公开 / 依申请公开.
  case restricted
}

/// The parts of a 发文字号 (`苏府〔2021〕12号` → organ code 苏府, year 2021, number 12).
public struct DocumentNumber: Hashable, Sendable, Codable, JSONObjectMembers {
  /// 机关代字.
  public var organCode: String
  /// The year in the 〔〕 brackets (`2021`), when it reads as one.
  public var year: Int?
  /// The serial number before 号 (`12`), when it reads as one.
  public var number: Int?

  /// Creates a DocumentNumber from its parts; each argument sets the property of the same name.
  public init(organCode: String, year: Int?, number: Int?) {
    self.organCode = organCode
    self.year = year
    self.number = number
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("organCode", organCode)
    try list.add("year", year)
    try list.add("number", number)
  }

  /// Encodes the DocumentNumber as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

/// 发文机关署名 and 成文日期: the issuing organ(s) and the date the document was made.
public struct Signature: Hashable, Sendable, Codable {
  /// One organ, or several for a joint document.
  public var organs: [String]
  /// ISO `YYYY-MM-DD`.
  public var date: String?
  public var range: SourceRange?

  public init(organs: [String], date: String? = nil, range: SourceRange? = nil) {
    self.organs = organs
    self.date = date
    self.range = range
  }

  private enum CodingKeys: String, CodingKey { case organs, date, range }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(organs, forKey: .organs)
    try c.encode(date, forKey: .date)
    try c.encode(range, forKey: .range)
  }
}

/// An organ and a date: the 印发 line (`苏州市人民政府办公室 2021年2月3日印发`) or the compiler of
/// minutes (`苏州市人民政府办公室整理` + date).
public struct DatedOrgan: Hashable, Sendable, Codable {
  public var organ: String
  /// ISO `YYYY-MM-DD`.
  public var date: String?
  public var range: SourceRange?

  public init(organ: String, date: String? = nil, range: SourceRange? = nil) {
    self.organ = organ
    self.date = date
    self.range = range
  }

  private enum CodingKeys: String, CodingKey { case organ, date, range }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(organ, forKey: .organ)
    try c.encode(date, forKey: .date)
    try c.encode(range, forKey: .range)
  }
}

/// Whether the document may be published, from its 附注.
public enum Publication: String, Hashable, Sendable, Codable {
  /// 此件公开发布 / 此件主动公开 / 主动公开.
  case `public`
  /// 此件不公开 / 不予公开 / 依申请公开.
  case restricted
}

/// The parts of a 发文字号 (`苏府〔2021〕12号` → organ code 苏府, year 2021, number 12).
public struct DocumentNumber: Hashable, Sendable, Codable {
  /// 机关代字.
  public var organCode: String
  public var year: Int?
  public var number: Int?

  public init(organCode: String, year: Int?, number: Int?) {
    self.organCode = organCode
    self.year = year
    self.number = number
  }

  private enum CodingKeys: String, CodingKey { case organCode, year, number }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(organCode, forKey: .organCode)
    try c.encode(year, forKey: .year)
    try c.encode(number, forKey: .number)
  }
}

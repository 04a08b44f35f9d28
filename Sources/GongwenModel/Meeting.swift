/// The meeting a minutes document records (会议).
public struct Meeting: Hashable, Sendable, Codable {
  /// The kind of meeting as printed: `常务会议`, `市长办公会议`, `专题会议`, `常委会`…
  public var type: String?
  /// The meeting's number (`第126次` → 126, `五届104次` → 104), when printed.
  public var session: Int?
  /// ISO `YYYY-MM-DD`, or nil when the document does not determine year, month and day.
  public var date: String?
  /// `上午` / `下午` / `晚上` as printed.
  public var timeOfDay: String?
  /// Who chaired.
  public var chair: Chair?
  /// The convening body as printed (`市政府`, `区政府`, `十一届党委`), when printed.
  public var organ: String?
  /// Where the meeting took place (`在市政府会议室`), when printed.
  public var place: String?
  /// The opening sentence the values come from.
  public var range: SourceRange?

  /// The person who actually chaired (主持) — for `受市长委托，副市长张三主持` the delegate.
  public struct Chair: Hashable, Sendable, Codable {
    public var name: String
    /// The office printed beside the name, the last of a chain (`市委副书记、市长` → `市长`).
    public var title: String?
    /// The office whose holder delegated the chair (`受市长委托` → `市长`).
    public var delegatedBy: String?
    public var range: SourceRange?

    public init(name: String, title: String? = nil, delegatedBy: String? = nil, range: SourceRange? = nil) {
      self.name = name
      self.title = title
      self.delegatedBy = delegatedBy
      self.range = range
    }

    private enum CodingKeys: String, CodingKey { case name, title, delegatedBy, range }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(title, forKey: .title)
      if let delegatedBy { try c.encode(delegatedBy, forKey: .delegatedBy) }
      try c.encode(range, forKey: .range)
    }
  }

  public init(
    type: String? = nil, session: Int? = nil, date: String? = nil, timeOfDay: String? = nil,
    chair: Chair? = nil, organ: String? = nil, place: String? = nil, range: SourceRange? = nil
  ) {
    self.type = type
    self.session = session
    self.date = date
    self.timeOfDay = timeOfDay
    self.chair = chair
    self.organ = organ
    self.place = place
    self.range = range
  }

  private enum CodingKeys: String, CodingKey {
    case type, session, date, timeOfDay, chair, organ, place, range
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(type, forKey: .type)
    try c.encode(session, forKey: .session)
    try c.encode(date, forKey: .date)
    try c.encode(timeOfDay, forKey: .timeOfDay)
    try c.encode(chair, forKey: .chair)
    try c.encode(organ, forKey: .organ)
    try c.encode(place, forKey: .place)
    try c.encode(range, forKey: .range)
  }
}

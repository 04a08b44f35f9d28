/// The meeting a minutes document records (会议).
public struct Meeting: Hashable, Sendable, Codable, JSONObjectMembers {
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
  public struct Chair: Hashable, Sendable, Codable, JSONObjectMembers {
    /// The chair's name as printed, spaces of typesetting removed.
    public var name: String
    /// The office printed beside the name, the last of a chain (`市委副书记、市长` → `市长`).
    public var title: String?
    /// The office whose holder delegated the chair (`受市长委托` → `市长`).
    public var delegatedBy: String?
    /// Where the chair was read in the decoded text.
    public var range: SourceRange?

    /// Creates a Chair from its parts; each argument sets the property of the same name.
    public init(name: String, title: String? = nil, delegatedBy: String? = nil, range: SourceRange? = nil) {
      self.name = name
      self.title = title
      self.delegatedBy = delegatedBy
      self.range = range
    }

    package func listMembers<List: JSONMemberList>(into list: inout List) throws {
      try list.add("name", name)
      try list.add("title", title)
      try list.addIfPresent("delegatedBy", delegatedBy)
      try list.add("range", range)
    }

    /// Encodes the Chair as its contract JSON object, keys in their documented order.
    public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
  }

  /// Creates a Meeting from its parts; each argument sets the property of the same name.
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

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("type", type)
    try list.add("session", session)
    try list.add("date", date)
    try list.add("timeOfDay", timeOfDay)
    try list.add("chair", chair)
    try list.add("organ", organ)
    try list.add("place", place)
    try list.add("range", range)
  }

  /// Encodes the Meeting as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

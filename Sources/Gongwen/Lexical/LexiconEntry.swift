/// One entry of a ``Lexicon``: a text, what it is, and the full name it stands for when it is
/// an abbreviation (`发改委` → `发展和改革委员会`).
public struct LexiconEntry: Hashable, Sendable, Codable {
  /// What an entry is. The raw value is the section name in lexicon files (`[organization]`).
  public enum Category: String, Hashable, Sendable, Codable, CaseIterable {
    /// An organisation (机构) without its place prefix — full names (`发展和改革委员会`),
    /// abbreviations (`发改委`), party bodies (`组织部`), mass organisations (`总工会`, `团市委`),
    /// vertical bodies and enterprises (`人行`, `海关`, `供电公司`).
    case organization
    /// The last element of an organisation's name (机构后缀): `局` `委` `办` `中心` `分局` `中支`…
    case organizationSuffix
    /// A title or office (职务): `市长` `副市长` `秘书长` `局长` `主任` `党组书记`…
    case title
    /// A place (地名): provinces, cities, districts, counties and towns, full (`苏州市`) or short
    /// (`苏州` → `苏州市`).
    case place
    /// Vocabulary of meetings and minutes (会议用语): `常务会议` `纪要` `出席` `列席` `原则同意`…
    case meetingTerm
    /// A surname (姓氏), one character or compound (复姓 `欧阳`); the order of surnames in the
    /// lexicon is their frequency rank.
    case surname
    /// A person's full name that users know (their own people).
    case person

    /// The category's bit in masks of categories (``LexiconEntry/Categories``).
    @inline(__always) var bit: UInt16 {
      switch self {
      case .organization: return 1
      case .organizationSuffix: return 2
      case .title: return 4
      case .place: return 8
      case .meetingTerm: return 16
      case .surname: return 32
      case .person: return 64
      }
    }
  }

  /// The entry as printed.
  public var text: String
  public var category: Category
  /// The full name the entry stands for (`市发改委` → `市发展和改革委员会`), or nil when the text
  /// is the full name.
  public var fullName: String?

  public init(text: String, category: Category, fullName: String? = nil) {
    self.text = text
    self.category = category
    self.fullName = fullName
  }
}

/// An entry found in text: the entry and the range of scalars it covers.
public struct LexiconMatch: Hashable, Sendable {
  public var entry: LexiconEntry
  /// The scalars the entry covers (offsets into the scalars searched, end exclusive).
  public var range: Range<Int>

  public init(entry: LexiconEntry, range: Range<Int>) {
    self.entry = entry
    self.range = range
  }
}

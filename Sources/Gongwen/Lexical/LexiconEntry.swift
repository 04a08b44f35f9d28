/// One entry of a ``Lexicon``: a text, what it is, and what it stands for — the full name of an
/// abbreviation (`发改委` → `发展和改革委员会`), the character a variant is read as (`會` → `会`),
/// the role of a label (`出席人员` → `present`), the kind a word or formula names (`纪要` →
/// `minutes`).
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
    /// A character that matching reads as another (异体字, 繁体字): `會 = 会`. The text and what
    /// it stands for are one character each; every other entry and the text are read through
    /// these, so no list spells the Traditional forms of its words.
    case variant
    /// A label that opens a block outside the numbered body (`出席：` `分送：` `主持人：`), with
    /// the role it gives the block: `出席人员 = present` (a ``BlockLabel`` raw value).
    case label
    /// A word that ends the name of an organ (机关): `人民政府` `办公室` `局` `委员会` `中心`.
    case organEnding
    /// The opening of a closing formula (结束语): `特此` (`特此通知。`), `此复`, `妥否`.
    case closingFormula
    /// A kind word (文种) that ends a title, with the kind it names: `纪要 = minutes`,
    /// `批复 = reply` (a `DocumentKind` raw value).
    case kindWord
    /// A formula of the body that tells the kind of a document without a title:
    /// `现批复如下 = reply`, `特此通知 = notice`.
    case kindFormula
    /// The words a 附注 opens with: `此件` (`（此件公开发布）`), `联系` (`（联系人：…）`), `主动公开`.
    case noteOpening
    /// A phrase of a 附注 that states whether the document is published, with what it states:
    /// `公开发布 = public`, `依申请公开 = restricted` (a `Publication` raw value).
    case publicationPhrase
    /// A verb that tells attendance in prose, with the list it fills: `出席会议 = present`,
    /// `列席 = attending`, `请假 = absent` (a ``BlockLabel`` raw value).
    case attendanceVerb
    /// The words after units present without names: `等单位负责人` (`区纪委、区财政局等单位负责人`),
    /// `的代表` (`市检察院、联通苏州分公司的代表`).
    case representativeEnding
    /// A word of respect after a name, neither name nor office: `同志`, `先生`.
    case honorific
    /// A label of the key-value lines web pages print before a document: `发布时间`, `文号`,
    /// `索引号`.
    case metadataLabel
    /// A verb that records a decision, with its kind: `原则同意 = approvedInPrinciple`
    /// (a `Decision.Kind` raw value).
    case decisionVerb
    /// A verb that gives a task to the units before it: `牵头`.
    case leadVerb
    /// A verb of the units that work with a task's lead: `具体负责`, `配合`.
    case cooperationVerb
    /// A 密级 mark of the 版头: `秘密`, `机密`, `绝密`.
    case classification
    /// A 紧急程度 mark of the 版头: `特急`, `加急`.
    case urgency
    /// A word for a group rather than one unit or person (泛指): `有关部门` (`县直有关部门负责人`),
    /// `各镇`, `成员`, `全体` — neither a represented organisation nor a name.
    case groupWord

    /// The category's bit in masks of categories (``LexiconEntry/Categories``).
    @inline(__always) var bit: UInt32 {
      switch self {
      case .organization: return 1
      case .organizationSuffix: return 1 << 1
      case .title: return 1 << 2
      case .place: return 1 << 3
      case .meetingTerm: return 1 << 4
      case .surname: return 1 << 5
      case .person: return 1 << 6
      case .variant: return 1 << 7
      case .label: return 1 << 8
      case .organEnding: return 1 << 9
      case .closingFormula: return 1 << 10
      case .kindWord: return 1 << 11
      case .kindFormula: return 1 << 12
      case .noteOpening: return 1 << 13
      case .publicationPhrase: return 1 << 14
      case .attendanceVerb: return 1 << 15
      case .representativeEnding: return 1 << 16
      case .honorific: return 1 << 17
      case .metadataLabel: return 1 << 18
      case .decisionVerb: return 1 << 19
      case .leadVerb: return 1 << 20
      case .cooperationVerb: return 1 << 21
      case .classification: return 1 << 22
      case .urgency: return 1 << 23
      case .groupWord: return 1 << 24
      }
    }
  }

  /// The entry as printed.
  public var text: String
  /// What kind of word it is.
  public var category: Category
  /// What the entry stands for: the full name of an abbreviated organisation or place
  /// (`市发改委` → `市发展和改革委员会`), the character a ``Category/variant`` is read as, the
  /// role of a ``Category/label``, the kind a ``Category/kindWord`` or
  /// ``Category/kindFormula`` names; nil when the text stands for itself.
  public var fullName: String?

  /// Creates a LexiconEntry from its parts; each argument sets the property of the same name.
  public init(text: String, category: Category, fullName: String? = nil) {
    self.text = text
    self.category = category
    self.fullName = fullName
  }
}

/// An entry found in text: the entry and the range of scalars it covers.
public struct LexiconMatch: Hashable, Sendable {
  /// The entry found.
  public var entry: LexiconEntry
  /// The scalars the entry covers (offsets into the scalars searched, end exclusive).
  public var range: Range<Int>

  /// Creates a LexiconMatch from its parts; each argument sets the property of the same name.
  public init(entry: LexiconEntry, range: Range<Int>) {
    self.entry = entry
    self.range = range
  }
}

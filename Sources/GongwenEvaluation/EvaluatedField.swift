import Gongwen

/// A field of the output contract that the evaluation scores, named by its JSON path
/// (`meeting.date`, `attendance.present`) or by a derived measure (`attendance.persons`,
/// `sections.tree`).
///
/// An extensible set of names rather than an enum, so that adding a field breaks no client.
public struct EvaluatedField: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The field's name as `gongwen eval` prints it (`meeting.date`).
  public var rawValue: String
  /// Creates a field from its name; names this version does not score are kept as they are.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// The field's name.
  public var description: String { rawValue }

  /// How a field is scored.
  public enum Measure: String, Hashable, Sendable, Codable {
    /// A list: items are matched one to one; precision, recall and F1 over the items.
    case list
    /// A single value (or a whole tree): the rate of documents where it is exactly right.
    case exact
  }

  /// How the field is scored: lists item by item, other fields document by document.
  public var measure: Measure {
    Self.listFields.contains(self) ? .list : .exact
  }

  /// Decodes a field from its name.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the field as its name.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }

  /// `kind`: the document kind (`minutes`, `notice`…).
  public static let kind = Self(rawValue: "kind")
  /// `title`.
  public static let title = Self(rawValue: "title")
  /// `docNumber`: 发文字号.
  public static let docNumber = Self(rawValue: "docNumber")
  /// `recipients`: 主送机关, as a list of strings.
  public static let recipients = Self(rawValue: "recipients")
  /// Whether there is a meeting at all: right when the gold's `meeting` is null and the
  /// output's too, or both are objects (their keys are scored by the `meeting.*` fields).
  public static let meeting = Self(rawValue: "meeting")
  /// `meeting.type`: 常务会议, 专题会议….
  public static let meetingType = Self(rawValue: "meeting.type")
  /// `meeting.session`: the meeting's number.
  public static let meetingSession = Self(rawValue: "meeting.session")
  /// `meeting.date`: ISO date.
  public static let meetingDate = Self(rawValue: "meeting.date")
  /// `meeting.timeOfDay`: 上午 / 下午 / 晚上.
  public static let meetingTimeOfDay = Self(rawValue: "meeting.timeOfDay")
  /// `meeting.chair`: name and title (an absent title is null).
  public static let meetingChair = Self(rawValue: "meeting.chair")
  /// `sections` as a list of nodes, each compared on marker, level, title and text wherever it
  /// sits in the tree.
  public static let sections = Self(rawValue: "sections")
  /// `sections` as a whole: right when the tree is equal node for node, children included.
  public static let sectionTree = Self(rawValue: "sections.tree")
  /// `attendance.present`: 出席 persons (name, title, organization, reason).
  public static let present = Self(rawValue: "attendance.present")
  /// `attendance.attending`: 列席 persons.
  public static let attending = Self(rawValue: "attendance.attending")
  /// `attendance.absent`: 请假 / 缺席 persons.
  public static let absent = Self(rawValue: "attendance.absent")
  /// `attendance.representedOrganizations`: units present without names.
  public static let representedOrganizations = Self(rawValue: "attendance.representedOrganizations")
  /// `attendance.recorders`: 记录 persons.
  public static let recorders = Self(rawValue: "attendance.recorders")
  /// Every person of the attendance lists the gold asserts, together, compared by name alone.
  public static let persons = Self(rawValue: "attendance.persons")
  /// (organization, name) pairs of the persons, in any attendance list, printed with a unit.
  public static let organizationPersons = Self(rawValue: "attendance.organizationPersons")
  /// `distribution`: 分送 / 抄送 recipients.
  public static let distribution = Self(rawValue: "distribution")
  /// `signature`: organs and date.
  public static let signature = Self(rawValue: "signature")
  /// `issuer`: the 印发 organ and date.
  public static let issuer = Self(rawValue: "issuer")
  /// `note`: 附注.
  public static let note = Self(rawValue: "note")
  /// `publication`: `public` / `restricted`.
  public static let publication = Self(rawValue: "publication")

  /// Every field, in the order of the contract (the order of reports).
  public static let all: [Self] = [
    .kind, .title, .docNumber, .recipients, .meeting, .meetingType, .meetingSession, .meetingDate,
    .meetingTimeOfDay, .meetingChair, .sections, .sectionTree, .present, .attending, .absent,
    .representedOrganizations, .recorders, .persons, .organizationPersons, .distribution,
    .signature, .issuer, .note, .publication,
  ]

  private static let listFields: Set<Self> = [
    .recipients, .sections, .present, .attending, .absent, .representedOrganizations, .recorders,
    .persons, .organizationPersons, .distribution,
  ]
}

/// 版头: the elements a 公文 prints above its title (GB/T 9704-2012 §7.2) — the copy number, the
/// classification, the urgency, the issuing organ's mark and, in documents sent upwards, the
/// signers.
public struct Header: Hashable, Sendable, Codable, JSONObjectMembers {
  /// 份号: the copy's six-digit number.
  public var copyNumber: String?
  /// 密级和保密期限 as printed (`秘密★1年`, `机密`).
  public var classification: String?
  /// 紧急程度 (`特急`, `加急`).
  public var urgency: String?
  /// 发文机关标志 (`苏州市人民政府文件`).
  public var organMark: String?
  /// 签发人: who signed the document off (in 请示 and 报告).
  public var signers: [String]

  /// Creates a Header from its parts; each argument sets the property of the same name.
  public init(
    copyNumber: String? = nil, classification: String? = nil, urgency: String? = nil, organMark: String? = nil,
    signers: [String] = []
  ) {
    self.copyNumber = copyNumber
    self.classification = classification
    self.urgency = urgency
    self.organMark = organMark
    self.signers = signers
  }

  /// Whether the document prints none of the 版头 elements.
  public var isEmpty: Bool {
    copyNumber == nil && classification == nil && urgency == nil && organMark == nil && signers.isEmpty
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("copyNumber", copyNumber)
    try list.add("classification", classification)
    try list.add("urgency", urgency)
    try list.add("organMark", organMark)
    try list.add("signers", signers)
  }

  /// Encodes the Header as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

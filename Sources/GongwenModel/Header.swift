/// 版头: the elements a 公文 prints above its title (GB/T 9704-2012 §7.2) — the copy number, the
/// classification, the urgency, the issuing organ's mark and, in documents sent upwards, the
/// signers.
public struct Header: Hashable, Sendable, Codable {
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

  public var isEmpty: Bool {
    copyNumber == nil && classification == nil && urgency == nil && organMark == nil && signers.isEmpty
  }

  private enum CodingKeys: String, CodingKey { case copyNumber, classification, urgency, organMark, signers }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(copyNumber, forKey: .copyNumber)
    try c.encode(classification, forKey: .classification)
    try c.encode(urgency, forKey: .urgency)
    try c.encode(organMark, forKey: .organMark)
    try c.encode(signers, forKey: .signers)
  }
}

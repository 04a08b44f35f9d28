/// The kind of 公文, from the fifteen of the 2012 regulation plus rules (规则/办法/规定/细则/条例).
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// 纪要 — minutes.
  case minutes
  /// 通知 — notice (also when it issues attached rules).
  case notice
  /// 意见 — opinion.
  case opinion
  /// 决定 — decision.
  case decision
  /// 决议 — resolution.
  case resolution
  /// 命令（令） — order.
  case order
  /// 公报 — communiqué.
  case communique
  /// 公告 / 通告 — announcement.
  case announcement
  /// 通报 — circular.
  case circular
  /// 报告 — report.
  case report
  /// 请示 — request for instructions.
  case request
  /// 批复 — reply to a request.
  case reply
  /// 议案 — motion.
  case motion
  /// 函 — letter.
  case letter
  /// 规则 / 办法 / 规定 / 细则 / 条例 — rules, when the document itself is one.
  case rules
  /// Not recognisably a 公文.
  case unknown

  /// Reads a kind by its raw value; a kind this version does not know (written by a newer
  /// one) reads as ``unknown`` instead of failing the whole document.
  public init(from decoder: any Decoder) throws {
    let rawValue = try decoder.singleValueContainer().decode(String.self)
    self = DocumentKind(rawValue: rawValue) ?? .unknown
  }
}

/// A label that opens a block of a 公文 outside the numbered body — the attendance lists of
/// minutes (出席： 列席： 请假： 记录：), the 版记 (分送： 抄送：), header fields (主持人： 时间：
/// 地点： 签发人：) and 附件：. Labels are read with their colon (`：` or `:`), spaces allowed
/// between the characters (`出  席：`), in Simplified or Traditional characters.
public enum BlockLabel: String, Hashable, Sendable, CaseIterable {
  /// 出席 / 出席人员 / 参加人员 / 参会人员 / 参加.
  case present
  /// 列席 / 列席人员.
  case attending
  /// 请假 / 缺席.
  case absent
  /// 记录 / 记录人.
  case recorder
  /// 分送.
  case distribution
  /// 抄送 / 抄报.
  case copyTo
  /// 主送.
  case recipients
  /// 主持 / 主持人.
  case chair
  /// 时间 / 会议时间.
  case time
  /// 地点 / 会议地点.
  case place
  /// 附件.
  case attachment
  /// 签发人.
  case signer

  /// Printed forms, longest first within a label so `出席人员` wins over `出席`.
  static let forms: [(text: [Unicode.Scalar], label: BlockLabel)] = {
    let table: [(String, BlockLabel)] = [
      ("出席人员", .present), ("出席人員", .present), ("参加人员", .present), ("參加人員", .present),
      ("参会人员", .present), ("參會人員", .present), ("与会人员", .present), ("與會人員", .present),
      ("出席", .present), ("参加", .present), ("參加", .present),
      ("列席人员", .attending), ("列席人員", .attending), ("列席", .attending),
      ("请假人员", .absent), ("請假人員", .absent), ("缺席人员", .absent), ("缺席人員", .absent),
      ("请假", .absent), ("請假", .absent), ("缺席", .absent),
      ("记录人", .recorder), ("記錄人", .recorder), ("记录", .recorder), ("記錄", .recorder),
      ("分送", .distribution), ("抄送", .copyTo), ("抄报", .copyTo), ("抄報", .copyTo),
      ("主送", .recipients), ("主持人", .chair), ("主持", .chair),
      ("会议时间", .time), ("會議時間", .time), ("时间", .time), ("時間", .time),
      ("会议地点", .place), ("會議地點", .place), ("地点", .place), ("地點", .place),
      ("附件", .attachment), ("签发人", .signer), ("簽發人", .signer),
    ]
    return table.map { (Array($0.0.unicodeScalars), $0.1) }
  }()

  /// The scalars forms start with: most scalars are turned away with one test instead of a pass
  /// over the forms.
  private static let firstScalars = ScalarSet(forms.map { $0.text[0] })

  /// Reads a label with its colon at `start`, not reading at or past `limit`; returns it and the
  /// number of scalars it takes (through the colon and any spaces after it).
  public static func read(
    _ scalars: some RandomAccessCollection<Unicode.Scalar>, at start: Int, limit: Int? = nil
  ) -> (label: BlockLabel, length: Int)? {
    let base = scalars.startIndex
    let count = min(limit ?? scalars.count, scalars.count)
    func at(_ i: Int) -> Unicode.Scalar? { i < count ? scalars[scalars.index(base, offsetBy: i)] : nil }
    guard let first = at(start), firstScalars.contains(first) else { return nil }
    for form in forms where form.text[0] == first {
      var i = start
      var matched = 0
      while matched < form.text.count, let s = at(i) {
        if s == form.text[matched] {
          matched += 1
          i += 1
        } else if matched > 0 && s.isHorizontalSpace {
          i += 1
        } else {
          break
        }
      }
      guard matched == form.text.count else { continue }
      while let s = at(i), s.isHorizontalSpace { i += 1 }
      guard at(i) == "：" || at(i) == ":" else { continue }
      i += 1
      while let s = at(i), s.isHorizontalSpace { i += 1 }
      return (form.label, i - start)
    }
    return nil
  }
}

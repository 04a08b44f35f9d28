/// A label that opens a block of a 公文 outside the numbered body — the attendance lists of
/// minutes (出席： 列席： 请假： 记录：), the 版记 (分送： 抄送：), header fields (主持人： 时间：
/// 地点： 签发人：) and 附件：.
///
/// The words that print each label are the lexicon's ``LexiconEntry/Category/label`` entries
/// (`出席人员 = present`, in `Resources/Lexicon/labels.txt`); a user's lexicon can add its own.
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

  /// Whether the label opens a list of who attended: 出席, 列席, 请假, 记录.
  public var isAttendance: Bool {
    switch self {
    case .present, .attending, .absent, .recorder: return true
    default: return false
    }
  }

  /// Reads a label at `start` of folded `scalars`, not reading at or past `limit` (the end of
  /// the line): with its colon (`：`, spaces allowed between the characters and around the
  /// colon: `出  席 ：`); an attendance label also without one, when spaces part it from a roster
  /// (`出席 李 靖 薛江峰`) or nothing follows it on the line (`列 席` above a grid). Returns the
  /// label and the number of scalars it takes (through the colon and the spaces after it).
  public static func read(
    _ scalars: [Unicode.Scalar], at start: Int, limit: Int? = nil, lexicon: Lexicon
  ) -> (label: BlockLabel, length: Int)? {
    let end = Swift.min(limit ?? scalars.count, scalars.count)
    guard start >= 0, start < end else { return nil }
    let storage = lexicon.storage
    return scalars.withUnsafeBufferPointer { s in
      var found: (label: BlockLabel, length: Int)? = nil
      storage.eachSpaced(in: s, at: start, limit: end, categories: LexiconEntry.Category.label.bit) { wordEnd, entry in
        guard let role = storage.roles[entry] else { return }
        var i = wordEnd
        while i < end, s[i].isHorizontalSpace { i += 1 }
        if i < end, s[i] == "：" {
          i += 1
          while i < end, s[i].isHorizontalSpace { i += 1 }
          found = (role, i - start)
        } else if role.isAttendance, i == end || (i > wordEnd && opensRoster(s, at: i, limit: end, storage)) {
          found = (role, i - start)
        }
      }
      return found
    }
  }

  /// Whether a roster can start at `index` after a label printed without its colon: a surname
  /// (a name) or the start of a unit, not a word that continues a sentence (`出席 会议的有`).
  private static func opensRoster(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int, _ storage: Lexicon.Storage
  ) -> Bool {
    guard s[index].isHan else { return false }
    let bits = LexiconEntry.Category.meetingTerm.bit | LexiconEntry.Category.attendanceVerb.bit
    if storage.longest(in: s, at: index, limit: limit, categories: bits) != nil { return false }
    return storage.surname(in: s, at: index, limit: limit) != nil
      || storage.longest(
        in: s, at: index, limit: limit,
        categories: LexiconEntry.Category.place.bit | LexiconEntry.Category.organization.bit | LexiconEntry.Category.title.bit) != nil
  }
}

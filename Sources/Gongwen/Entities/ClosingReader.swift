import GongwenModel

/// Reads the elements that close a 公文: the compiler of minutes (`…办公室整理` + date), the
/// 发文机关署名 and 成文日期 (signature), the 附注 (`（此件公开发布）`, and the publication it
/// states), 分送/抄送 lists, and the 印发 line (`苏州市人民政府办公室  2021年2月3日印发`).
struct ClosingReader {
  struct Closing {
    var compiler: (organ: Range<Int>, date: DateMatch?, range: Range<Int>)?
    var signature: (organs: [Range<Int>], date: DateMatch?, range: Range<Int>)?
    var note: Range<Int>?
    var publication: Publication?
    var distribution: [Range<Int>] = []
    var issuer: (organ: Range<Int>, date: DateMatch?, range: Range<Int>)?
  }

  /// What a closing paragraph is, read from its form.
  enum Line: Equatable {
    case label(BlockLabel, content: Range<Int>)
    case compiler(organ: Range<Int>)
    case issuance(organ: Range<Int>, date: DateMatch)
    case date(DateMatch)
    case organs([Range<Int>])
    case note(Range<Int>)
    case other
  }

  /// Organ names end with one of these (人民政府, 办公室, …局, …委员会).
  static let organEndings: [[Unicode.Scalar]] = [
    "政府", "办公室", "辦公室", "办公厅", "辦公廳", "委员会", "委員會", "局", "厅", "廳", "委", "办", "辦", "院", "部", "署",
    "公署", "中心", "法院", "检察院", "檢察院", "指挥部", "指揮部", "管委会", "管委會", "秘书科", "秘書科", "科", "处", "處",
    "政协", "政協", "人大常委会", "人大常委會", "党委", "黨委", "党组", "黨組", "街道办事处", "办事处", "公司", "集团", "学校",
    "大学", "大學", "国务院", "國務院", "部门", "部門", "单位", "單位",
  ].map(\.scalars)

  static func endsWithOrgan(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard range.count >= 2 else { return false }
    var end = range.upperBound
    end -= PinyinGloss.length(in: scalars, endingBefore: end)
    return organEndings.contains { ending in
      end - ending.count >= range.lowerBound && scalars.matches(ending, at: end - ending.count)
    }
  }

  private static let publicPhrases: [[Unicode.Scalar]] = ["公开发布", "公開發布", "主动公开", "主動公開", "公开", "公開"].map(\.scalars)
  private static let restrictedPhrases: [[Unicode.Scalar]] = [
    "不公开", "不公開", "不予公开", "不予公開", "依申请公开", "依申請公開",
  ].map(\.scalars)

  /// What `range` states about publication, glosses looked through.
  static func publication(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Publication? {
    var plain: [Unicode.Scalar] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let gloss = PinyinGloss.length(in: scalars, at: i)
      if gloss > 0 && i > range.lowerBound {
        i += gloss
        continue
      }
      plain.append(scalars[i])
      i += 1
    }
    if restrictedPhrases.contains(where: { plain.firstIndex(of: $0, in: 0..<plain.count) != nil }) { return .restricted }
    if publicPhrases.contains(where: { plain.firstIndex(of: $0, in: 0..<plain.count) != nil }) { return .public }
    return nil
  }

  /// Classifies one closing paragraph (or line) by its form.
  static func classify(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Line {
    let line = scalars.trimmingSpaces(range)
    guard !line.isEmpty else { return .other }
    if let (label, length) = BlockLabel.read(scalars, at: line.lowerBound, limit: line.upperBound) {
      return .label(label, content: (line.lowerBound + length)..<line.upperBound)
    }
    // （此件公开发布） — a bracketed 附注; or the bare formula `主动公开`.
    if scalars[line.lowerBound].isOpeningBracket, scalars[line.upperBound - 1].isClosingBracket, line.count > 3 {
      let inside = (line.lowerBound + 1)..<(line.upperBound - 1)
      // A bracketed 发文字号 or date belongs to the header, not the 附注.
      let number = DocumentNumberReader.matches(in: scalars, inside).first?.range
      let date = DateReader.dates(in: scalars, inside).first?.range
      if number != inside && date != inside { return .note(inside) }
    }
    if line.count <= 10, publication(scalars, line) != nil, !endsWithOrgan(scalars, line) { return .note(line) }
    if scalars.matches("整理".scalars, at: line.upperBound - 2), line.count > 4 {
      return .compiler(organ: scalars.trimmingSpaces(line.lowerBound..<(line.upperBound - 2)))
    }
    let dates = DateReader.dates(in: scalars, line)
    if let last = dates.last, last.value.year != nil {
      var after = last.range.upperBound
      while after < line.upperBound && scalars[after].isHorizontalSpace { after += 1 }
      if scalars.matches("印发".scalars, at: after) || scalars.matches("印發".scalars, at: after) {
        let organ = scalars.trimmingSpaces(line.lowerBound..<last.range.lowerBound)
        if !organ.isEmpty { return .issuance(organ: organ, date: last) }
      }
      if dates.count == 1, scalars.trimmingSpaces(line.lowerBound..<last.range.lowerBound).isEmpty, after == line.upperBound {
        return .date(last)
      }
    }
    // One line naming one organ, or several side by side (a joint signature).
    if line.count <= 60, !line.contains(where: { scalars[$0].isClauseBoundary || scalars[$0] == "、" }) {
      let organs = scalars.split(line) { $0.isHorizontalSpace }
      if !organs.isEmpty, organs.allSatisfy({ endsWithOrgan(scalars, $0) }) { return .organs(organs) }
    }
    return .other
  }

  /// Whether the list text ends at `entry` with a separator, so a wrapped line starts a new entry.
  private static func endsWithSeparator(_ scalars: [Unicode.Scalar], _ entry: Range<Int>) -> Bool {
    var i = entry.upperBound
    while i < scalars.count, scalars[i].isHorizontalSpace { i += 1 }
    guard i < scalars.count else { return true }
    switch scalars[i] {
    case "，", "；", "。", ",", ";", ".": return true
    default: return false
    }
  }

  /// Reads the closing elements from `lines` — the paragraphs outside the numbered body that
  /// come after the front matter, in order.
  static func read(_ scalars: [Unicode.Scalar], _ lines: [Range<Int>]) -> Closing {
    var closing = Closing()
    var pendingOrgans: [Range<Int>] = []
    var pendingStart: Int? = nil
    var compilerWaitsForDate = false
    var distributionOpen = false
    for range in lines {
      let line = classify(scalars, range)
      if case .other = line, distributionOpen {
        // A 分送 list wrapped onto the next line, perhaps in the middle of an entry.
        let content = scalars.trimmingSpaces(range)
        var entries = ListSplitter.entries(in: scalars, content)
        if let previous = closing.distribution.last, let first = entries.first, !endsWithSeparator(scalars, previous) {
          closing.distribution[closing.distribution.count - 1] = previous.lowerBound..<first.upperBound
          entries.removeFirst()
        }
        closing.distribution += entries
        distributionOpen = scalars[content.upperBound - 1] != "。"
        continue
      }
      distributionOpen = false
      switch line {
      case .label(let label, let content):
        pendingOrgans = []
        if label == .distribution || label == .copyTo {
          closing.distribution += ListSplitter.entries(in: scalars, content)
          distributionOpen = !content.isEmpty && !scalars.trimmingSpaces(content).isEmpty
            && scalars[scalars.trimmingSpaces(content).upperBound - 1] != "。"
        }
      case .compiler(let organ):
        closing.compiler = (organ, nil, range)
        compilerWaitsForDate = true
        pendingOrgans = []
      case .date(let date):
        if compilerWaitsForDate, let compiler = closing.compiler {
          closing.compiler = (compiler.organ, date, compiler.range.lowerBound..<range.upperBound)
          compilerWaitsForDate = false
        } else if closing.signature == nil {
          let start = pendingStart ?? range.lowerBound
          closing.signature = (pendingOrgans, date, start..<range.upperBound)
        }
        pendingOrgans = []
        pendingStart = nil
      case .organs(let organs):
        if pendingOrgans.isEmpty { pendingStart = range.lowerBound }
        pendingOrgans += organs
        compilerWaitsForDate = false
      case .note(let content):
        if closing.note == nil {
          closing.note = scalars.trimmingSpaces(content)
          closing.publication = publication(scalars, content)
        }
        pendingOrgans = []
      case .issuance(let organ, let date):
        closing.issuer = (organ, date, range)
        pendingOrgans = []
      case .other:
        pendingOrgans = []
        pendingStart = nil
        compilerWaitsForDate = false
      }
    }
    return closing
  }
}

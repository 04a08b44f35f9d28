/// A possible personal name (人名): a surname and one or two given characters, with a score.
/// The tokenizer only proposes; the entity extractor decides.
public struct PersonNameCandidate: Hashable, Sendable {
  /// The scalars of the name (offsets into the scalars searched, end exclusive).
  public var range: Range<Int>
  /// 1 for a single surname, 2 for a compound one (`欧阳`); 0 for a name from the lexicon's
  /// people (``LexiconEntry/Category/person``).
  public var surnameLength: Int
  /// How plausible the name is, from 0 to 1: the surname's frequency, given characters that
  /// rarely appear in names, and the position (a whole roster piece, a title or separator
  /// beside it) add up.
  public var score: Double

  /// Creates a PersonNameCandidate from its parts; each argument sets the property of the same name.
  public init(range: Range<Int>, surnameLength: Int, score: Double) {
    self.range = range
    self.surnameLength = surnameLength
    self.score = score
  }
}

/// Proposes personal names: a surname from the lexicon (single, or compound such as 欧阳 司马)
/// followed by one or two given characters, scored. Reads only the lexicon; make it once and
/// share it.
public struct PersonNameProposer: Sendable {
  /// The lexicon whose surnames and people the proposer reads.
  public let lexicon: Lexicon

  /// Creates a proposer reading `lexicon`, by default the built-in one.
  public init(lexicon: Lexicon = .builtIn) {
    self.lexicon = lexicon
  }

  /// `range` taken whole as a name — a roster piece (`陈雪嵘`), what follows an organisation
  /// (`市发改委` + `凌鸣`), a name padded to three characters' width (`王　翔`, `贾  峰`: spaces
  /// between the surname and the given name are allowed) — or nil when it cannot be one (no
  /// surname at its start, not one or two given characters, not all Chinese characters, or
  /// the words of a body rather than a name: `管委会`, `海关`, `公安局`, see
  /// ``namesABody(in:range:)``).
  public func candidate(spanning range: Range<Int>, in scalars: [Unicode.Scalar]) -> PersonNameCandidate? {
    let range = range.clamped(to: 0..<scalars.count)
    if scalars[range].contains(where: \.isHorizontalSpace) {
      let letters = scalars[range].filter { !$0.isHorizontalSpace }
      guard letters.count >= 2, !scalars[range.lowerBound].isHorizontalSpace,
        !scalars[range.upperBound - 1].isHorizontalSpace,
        let compact = candidate(spanning: 0..<letters.count, in: letters)
      else { return nil }
      return PersonNameCandidate(range: range, surnameLength: compact.surnameLength, score: compact.score)
    }
    return scalars.withUnsafeBufferPointer { buffer in
      guard let person = personEntry(in: buffer, at: range.lowerBound, limit: range.upperBound),
        person == range.count
      else {
        guard let name = candidate(in: buffer, at: range.lowerBound, length: range.count, limit: range.upperBound),
          !namesABody(in: buffer, range: range, surnameLength: name.surnameLength)
        else { return nil }
        return PersonNameCandidate(
          range: name.range, surnameLength: name.surnameLength, score: Swift.min(1, name.score + 0.4))
      }
      return PersonNameCandidate(range: range, surnameLength: 0, score: 1)
    }
  }

  /// Whether `scalars[range]`, read as a surname and a given name, is the words of a body
  /// instead, whatever the surname list says (管 海 公 文 党 are surnames too): the whole is
  /// a lexicon organisation, suffix, place, title or group word (`管委会`, `海关`, `公安局`,
  /// `党校`, `高新区`, `司长`, `成员`, `全体`), or the given name ends in one (`区` + `政府`, `文` + `化局`: a
  /// suffix of two or more characters, an organisation, or 局 委 办 厅 署 部) or in a level
  /// (市 区 县 省). Weaker suffixes end given names often enough to leave them alone: `张会`
  /// and `刘镇` stay names.
  public func namesABody(in scalars: [Unicode.Scalar], range: Range<Int>) -> Bool {
    let range = range.clamped(to: 0..<scalars.count)
    guard !range.isEmpty else { return false }
    return scalars.withUnsafeBufferPointer { buffer in
      let surname = lexicon.storage.surname(in: buffer, at: range.lowerBound, limit: range.upperBound)?.length ?? 1
      return namesABody(in: buffer, range: range, surnameLength: Swift.min(surname, range.count - 1))
    }
  }

  private static var bodyBits: UInt32 {
    LexiconEntry.Category.organization.bit | LexiconEntry.Category.organizationSuffix.bit
      | LexiconEntry.Category.place.bit | LexiconEntry.Category.title.bit | LexiconEntry.Category.groupWord.bit
  }

  private static var endingBits: UInt32 {
    LexiconEntry.Category.organization.bit | LexiconEntry.Category.organizationSuffix.bit
  }

  /// One walk back from the end over the lexicon: the whole a body, place, title or group word, or the
  /// given name ending in an organisation or a suffix of two or more characters.
  func namesABody(in scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, surnameLength: Int) -> Bool {
    let last = scalars[range.upperBound - 1]
    if Self.endsBodyName(last) { return true }
    let storage = lexicon.storage
    // Most given names end in a character that ends no body, place or title.
    guard storage.backward.canStart(last, categories: Self.bodyBits) else { return false }
    let given = range.count - surnameLength
    var found = false
    storage.backward.walk(
      scalars, from: range.upperBound, limit: range.lowerBound, backward: true, categories: Self.bodyBits
    ) { length, node in
      let here = storage.backward.categoriesHere[Int(node)]
      if length == range.count {
        found = true
      } else if length <= given, here & Self.endingBits != 0 {
        found = length >= 2 || here & LexiconEntry.Category.organization.bit != 0
      }
      return !found
    }
    return found
  }

  /// The strong suffixes and the levels, which end the name of a body and almost never a
  /// given name: 局 委 办 厅 署 部 市 区 县 省.
  @inline(__always) static func endsBodyName(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "局", "委", "办", "厅", "署", "部", "市", "区", "县", "省": return true
    default: return false
    }
  }

  /// Surnames that are far more often words: particles and verbs that stand alone (和 于 向 从
  /// 由 有 那 后 但 能 相 须 越 过 占 来 位 全 信…) and characters that start common words (国 公
  /// 海 东 南 家 商 法 年 门…). In running text they begin a name only where a list, a roster or
  /// an office puts one (`副市长向东`, `出席：和平`), never after a comma, a bracket or inside a
  /// sentence (`，和张伟出席` is 和 + 张伟, `（国发〔2016〕56号）` holds no name).
  static func isWordSurname(_ scalar: Unicode.Scalar) -> Bool { wordSurnames.contains(scalar) }

  private static let wordSurnames = ScalarSet(
    ("和于向从由有那后但能相须越过占来位全信充终养归爱续"
      + "国公海东南家商通广法红年福门初普玉空益利巨凡刀寸慈税伞修智斯衣豆盘楼敬鲜呼奉植闭鹿官迟宾芦")
      .unicodeScalars)

  /// Every name inside `range`, best first: at each offset where a surname starts, the
  /// surname with one and with two given characters. A name that starts or ends where the
  /// range does, or that a separator (space, 、，；：) or a title follows, scores higher.
  public func candidates(in scalars: [Unicode.Scalar], range: Range<Int>) -> [PersonNameCandidate] {
    let range = range.clamped(to: 0..<scalars.count)
    var found: [PersonNameCandidate] = []
    scalars.withUnsafeBufferPointer { buffer in
      for start in range {
        for length in 2...4 where start + length <= range.upperBound {
          guard var name = candidate(in: buffer, at: start, length: length, limit: range.upperBound),
            !namesABody(in: buffer, range: name.range, surnameLength: name.surnameLength)
          else { continue }
          if start == range.lowerBound { name.score += 0.15 }
          let end = start + length
          if end == range.upperBound || isSeparator(buffer[end])
            || lexicon.storage.longest(in: buffer, at: end, limit: range.upperBound, categories: Self.titleBit) != nil
          {
            name.score += 0.2
          }
          name.score = Swift.min(1, name.score)
          found.append(name)
        }
      }
    }
    return found.sorted { $0.score != $1.score ? $0.score > $1.score : $0.range.lowerBound < $1.range.lowerBound }
  }

  private static var titleBit: UInt32 { LexiconEntry.Category.title.bit }

  @inline(__always) private func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "、", "，", "；", "：", "。", "（", "）": return true
    default: return scalar.isHorizontalSpace || scalar == "\n"
    }
  }

  /// The length of a lexicon person starting at `offset`, if any.
  @inline(__always)
  func personEntry(in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int) -> Int? {
    lexicon.storage.longest(in: scalars, at: offset, limit: limit, categories: LexiconEntry.Category.person.bit)?.length
  }

  /// The name of exactly `length` scalars at `offset`, scored without context: surname
  /// frequency and given characters only.
  @inline(__always)
  func candidate(
    in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, length: Int, limit: Int,
    surname known: (length: Int, rank: Int)? = nil
  ) -> PersonNameCandidate? {
    guard length >= 2, offset + length <= limit,
      let surname = known ?? lexicon.storage.surname(in: scalars, at: offset, limit: offset + length)
    else { return nil }
    var surnameLength = surname.length
    // A compound surname leaves no given character in a two-character name: read the single
    // surname then (`欧阳` alone is 欧 + 阳 when it is the whole name).
    if surnameLength == 2 && length == 2 { surnameLength = 1 }
    let given = length - surnameLength
    guard given == 1 || given == 2 else { return nil }
    var score = Self.surnameWeight(rank: surname.rank, compound: surnameLength == 2)
    for i in offset + surnameLength..<offset + length {
      let scalar = scalars[i]
      guard scalar.isHan, scalar != "〇" else { return nil }
      if Self.isUnlikelyInGivenName(scalar) { score -= 0.3 }
    }
    if given == 2 { score += 0.05 }
    return PersonNameCandidate(range: offset..<offset + length, surnameLength: surnameLength, score: Swift.max(0, score))
  }

  /// The weight of a surname: compound and common surnames more, the rarest less. Surnames are
  /// listed commonest first, so rank 104 covers the hundred commonest (and 文).
  @inline(__always) static func surnameWeight(rank: Int, compound: Bool) -> Double {
    if compound { return 0.45 }
    if rank < 104 { return 0.45 }
    if rank < 248 { return 0.38 }
    return 0.32
  }

  /// Characters that almost never appear in given names: particles, counters, and the
  /// vocabulary of offices and documents.
  @inline(__always) static func isUnlikelyInGivenName(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "的", "了", "和", "与", "及", "或", "等", "是", "在", "要", "对", "于", "把",
      "被", "将", "由", "从", "并", "各", "该", "本", "其", "也", "不", "没",
      "无", "这", "那", "就", "个", "们", "上", "下", "内", "外", "里",
      "前", "时", "日", "号", "次", "项", "市", "区", "县", "省",
      "局", "委", "办", "厅", "部", "院", "室", "处", "所", "站", "长", "书",
      "记", "员", "任", "席", "副", "党", "府", "乡", "街", "村", "组", "队",
      "会", "议", "题", "案", "件", "条", "款", "章", "节", "关",
      "意", "见", "决", "报", "告", "函", "请", "示", "批", "复", "纪",
      "出", "列", "假", "录", "送", "印", "审", "研", "究", "讨", "论", "落", "实",
      "推", "作", "设", "务", "门", "单", "位", "策", "制", "度", "督", "查",
      "整", "改", "问", "责", "级", "情", "况":
      return true
    default:
      return false
    }
  }
}

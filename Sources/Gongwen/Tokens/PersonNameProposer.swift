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
  public let lexicon: Lexicon

  public init(lexicon: Lexicon = .builtIn) {
    self.lexicon = lexicon
  }

  /// `range` taken whole as a name — a roster piece (`陈雪嵘`), what follows an organisation
  /// (`市发改委` + `凌鸣`), a name padded to three characters' width (`王　翔`, `贾  峰`: spaces
  /// between the surname and the given name are allowed) — or nil when it cannot be one (no
  /// surname at its start, not one or two given characters, not all Chinese characters).
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
        return candidate(in: buffer, at: range.lowerBound, length: range.count, limit: range.upperBound)
          .map { PersonNameCandidate(range: $0.range, surnameLength: $0.surnameLength, score: Swift.min(1, $0.score + 0.4)) }
      }
      return PersonNameCandidate(range: range, surnameLength: 0, score: 1)
    }
  }

  /// Every name inside `range`, best first: at each offset where a surname starts, the
  /// surname with one and with two given characters. A name that starts or ends where the
  /// range does, or that a separator (space, 、，；：) or a title follows, scores higher.
  public func candidates(in scalars: [Unicode.Scalar], range: Range<Int>) -> [PersonNameCandidate] {
    let range = range.clamped(to: 0..<scalars.count)
    var found: [PersonNameCandidate] = []
    scalars.withUnsafeBufferPointer { buffer in
      for start in range {
        for length in 2...4 where start + length <= range.upperBound {
          guard var name = candidate(in: buffer, at: start, length: length, limit: range.upperBound) else { continue }
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

  private static var titleBit: UInt16 { LexiconEntry.Category.title.bit }

  @inline(__always) private func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "、", "，", ",", "；", ";", "：", ":", "。", "（", "(", "）", ")": return true
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
  /// listed commonest first; their Traditional forms follow them, so rank 140 covers the
  /// hundred commonest.
  @inline(__always) static func surnameWeight(rank: Int, compound: Bool) -> Double {
    if compound { return 0.45 }
    if rank < 140 { return 0.45 }
    if rank < 320 { return 0.38 }
    return 0.32
  }

  /// Characters that almost never appear in given names: particles, counters, and the
  /// vocabulary of offices and documents.
  @inline(__always) static func isUnlikelyInGivenName(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "的", "了", "和", "与", "與", "及", "或", "等", "是", "在", "要", "对", "對", "于", "於", "把",
      "被", "将", "將", "由", "从", "從", "并", "並", "各", "该", "該", "本", "其", "也", "不", "没", "沒",
      "无", "無", "这", "這", "那", "就", "个", "個", "们", "們", "上", "下", "内", "內", "外", "里", "裡",
      "前", "时", "時", "日", "号", "號", "次", "项", "項", "市", "区", "區", "县", "縣", "省",
      "局", "委", "办", "辦", "厅", "廳", "部", "院", "室", "处", "處", "所", "站", "长", "長", "书", "書",
      "记", "記", "员", "員", "任", "席", "副", "党", "黨", "府", "乡", "鄉", "街", "村", "组", "組", "队",
      "隊", "会", "會", "议", "議", "题", "題", "案", "件", "条", "條", "款", "章", "节", "節", "关", "關",
      "意", "见", "見", "决", "決", "报", "報", "告", "函", "请", "請", "示", "批", "复", "復", "纪", "紀",
      "出", "列", "假", "录", "錄", "送", "印", "审", "審", "研", "究", "讨", "討", "论", "論", "落", "实",
      "實", "推", "作", "设", "設", "务", "務", "门", "門", "单", "單", "位", "策", "制", "度", "督", "查",
      "整", "改", "问", "問", "责", "責", "级", "級", "情", "况", "況":
      return true
    default:
      return false
    }
  }
}

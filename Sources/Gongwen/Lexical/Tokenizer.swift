/// Turns normalised text into typed tokens: ICU's dictionary word break is the base, and the
/// government lexicon, the organisation recogniser, the date reader and the name proposer add
/// what ICU splits apart (`李|亚|平`, `市|发|改|委`).
///
/// At each position the first of these that applies makes the token: paragraph break, spaces;
/// a section marker at the start of a paragraph or sentence; a date, an ordinal (`第126次`) or
/// a number in Arabic digits; a document title `《…》` (nested titles kept inside);
/// punctuation; then, for Chinese characters, the longest of an organisation (ending on a word
/// boundary unless the lexicon vouches for it, and not cutting a title in two) and a lexicon
/// title, place, meeting term or person ending on a word boundary, unless a person-name
/// candidate scoring at least ``minimumNameScore`` is longer; a number in Chinese numerals;
/// else ICU's word.
///
/// A tokenizer is immutable and `Sendable`: build it once and use it from any number of tasks
/// (ICU's iterators, which are not thread-safe, are cloned per call and pooled).
///
/// ```swift
/// let text = Normalizer().normalize(minutes)
/// for token in Tokenizer().tokenize(text) where token.kind.name == "organization" {
///   print(token.text(in: text))
/// }
/// ```
public struct Tokenizer: Sendable {
  /// The lexicon whose entries become tokens and whose surnames propose names.
  public let lexicon: Lexicon
  /// Person-name candidates scoring below this (0…1) are left as ordinary words.
  public let minimumNameScore: Double
  private let names: PersonNameProposer
  private let breakers: WordBreakerPool

  /// Creates a tokenizer on `lexicon`; names scoring below `minimumNameScore` stay words.
  public init(lexicon: Lexicon = .builtIn, minimumNameScore: Double = 0.75) {
    self.lexicon = lexicon
    self.minimumNameScore = minimumNameScore
    names = PersonNameProposer(lexicon: lexicon)
    breakers = WordBreakerPool()
  }

  /// The tokens of the whole text, paragraph breaks included.
  public func tokenize(_ text: NormalizedText) -> [Token] {
    tokenize(LexicalText(text, lexicon: lexicon))
  }

  /// The tokens of `range` of ``NormalizedText/scalars``.
  public func tokenize(_ text: NormalizedText, in range: Range<Int>) -> [Token] {
    let folded = LexicalText(text, lexicon: lexicon)
    let range = range.clamped(to: 0..<text.scalars.count)
    return tokenize(folded, in: folded.foldedOffset(of: range.lowerBound)..<folded.foldedOffset(of: range.upperBound))
  }

  /// The tokens of the text as the lexical layer folds it (with this tokenizer's lexicon).
  public func tokenize(_ text: LexicalText) -> [Token] {
    tokenize(text, in: 0..<text.scalars.count)
  }

  /// The tokens of `range` of ``LexicalText/scalars``. Token ranges are offsets into
  /// ``NormalizedText/scalars``: a token read from folded text covers the document's own
  /// characters, the pinyin glosses the view skipped included (`區(qū)長` is one title token,
  /// `區(qū)` + `政府` one organisation).
  public func tokenize(_ text: LexicalText, in range: Range<Int>) -> [Token] {
    let range = range.clamped(to: 0..<text.scalars.count)
    guard !range.isEmpty else { return [] }
    return text.scalars.withUnsafeBufferPointer { buffer in
      var run = Run(tokenizer: self, text: text.normalized, scalars: buffer, range: range)
      if text.skipsGlosses {
        run.offsets = (0..<buffer.count).map { text.originalOffset(of: $0) }
        run.originalEnd = text.originalOffset(of: buffer.count)
      }
      run.tokenize()
      return run.tokens
    }
  }

  private static var organizationStartBits: UInt32 {
    LexiconEntry.Category.organization.bit | LexiconEntry.Category.place.bit
  }
  private static var lexiconWordBits: UInt32 {
    LexiconEntry.Category.title.bit | LexiconEntry.Category.place.bit | LexiconEntry.Category.meetingTerm.bit
      | LexiconEntry.Category.person.bit
  }
  /// Chinese numeral scalars of the BMP as a bitmap: the dispatch asks for every scalar.
  private static let chineseNumeralBits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1024)
    for scalar in ChineseNumeral.scalars { bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
    return bits
  }()

  private static var titleBit: UInt32 { LexiconEntry.Category.title.bit }
  private static var surnameBit: UInt32 { LexiconEntry.Category.surname.bit }
  private static var meetingTermBit: UInt32 { LexiconEntry.Category.meetingTerm.bit }

  /// One tokenization: the state of the walk over the text.
  private struct Run {
    let tokenizer: Tokenizer
    let text: NormalizedText
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let start: Int
    let end: Int
    /// ICU word boundaries, one flag per offset from `start`.
    let boundaries: [Bool]
    let storage: Lexicon.Storage
    let numeralBits = Tokenizer.chineseNumeralBits
    var organizationSearch: OrganizationSearch
    var tokens: [Token] = []
    /// When the run reads the text without its glosses: the offset in the text of each scalar
    /// read, and the end of the range in the text.
    var offsets: [Int]? = nil
    var originalEnd = 0
    /// Where the current paragraph ends.
    var paragraphEnd = 0

    init(tokenizer: Tokenizer, text: NormalizedText, scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>) {
      self.tokenizer = tokenizer
      self.text = text
      self.s = scalars
      self.start = range.lowerBound
      self.end = range.upperBound
      self.boundaries = tokenizer.breakers.boundaries(of: scalars, in: range)
      self.storage = tokenizer.lexicon.storage
      self.organizationSearch = OrganizationSearch(storage: tokenizer.lexicon.storage)
      tokens.reserveCapacity(range.count / 2 + 4)
    }

    @inline(__always) func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
      let v = scalar.value
      return v < 0x10000 && numeralBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
    }

    @inline(__always) func isBoundary(_ offset: Int) -> Bool {
      offset >= end || offset <= start || boundaries[offset - start]
    }

    /// The next ICU boundary after `offset`.
    @inline(__always) func nextBoundary(after offset: Int) -> Int {
      var i = offset + 1
      while i < end && !boundaries[i - start] { i += 1 }
      return i
    }

    mutating func append(_ kind: Token.Kind, _ from: Int, _ to: Int) {
      guard offsets != nil else {
        tokens.append(Token(kind: kind, range: from..<to, sourceRange: text.sourceRange(of: from..<to)))
        return
      }
      var kind = kind
      switch kind {
      case .documentTitle(let title):
        kind = .documentTitle(
          DocumentTitle(range: textRange(title.range), inner: textRange(title.inner), nested: title.nested.map(textRange)))
      case .personName(var name):
        name.range = textRange(name.range)
        kind = .personName(name)
      default:
        break
      }
      let range = textRange(from..<to)
      tokens.append(Token(kind: kind, range: range, sourceRange: text.sourceRange(of: range)))
    }

    /// A range of the scalars read as a range of the text; a gloss after the range's last
    /// scalar belongs to it.
    func textRange(_ range: Range<Int>) -> Range<Int> {
      guard let offsets else { return range }
      let lower = range.lowerBound < offsets.count ? offsets[range.lowerBound] : originalEnd
      let upper = range.upperBound < offsets.count ? offsets[range.upperBound] : originalEnd
      return lower..<Swift.max(lower, upper)
    }

    mutating func tokenize() {
      var p = start
      paragraphEnd = paragraphEnd(from: p)
      while p < end {
        let c = s[p]
        if c == "\n" {
          append(.paragraphBreak, p, p + 1)
          p += 1
          paragraphEnd = paragraphEnd(from: p)
          continue
        }
        if c.isHorizontalSpace {
          var q = p + 1
          while q < paragraphEnd, s[q].isHorizontalSpace { q += 1 }
          append(.space, p, q)
          p = q
          continue
        }
        p = token(at: p)
      }
    }

    func paragraphEnd(from p: Int) -> Int {
      var q = p
      while q < end, s[q] != "\n" { q += 1 }
      return q
    }

    /// Whether a section marker may start at `p`: at the start of a paragraph, or after a
    /// sentence (。；：！？) or a space that follows one.
    func atSentenceStart(_ p: Int) -> Bool {
      var i = tokens.count - 1
      while i >= 0 {
        switch tokens[i].kind {
        case .paragraphBreak: return true
        case .space: i -= 1
        case .punctuation(let mark): return mark.role == .fullStop || mark.role == .semicolon || mark.role == .colon
        default: return false
        }
      }
      return p == 0 || s[p - 1] == "\n" || p == start
    }

    /// Makes the token at `p` (not a space or a break) and returns where it ends.
    mutating func token(at p: Int) -> Int {
      let c = s[p]
      let limit = paragraphEnd
      let numeric = c.isASCIIDigit || isChineseNumeral(c)
      if numeric || c == "第" || c == "（" || (0x2460...0x2473).contains(c.value) {
        if atSentenceStart(p), let marker = SectionMarker.read(s, at: p), p + marker.length <= limit {
          append(.sectionMarker(marker), p, p + marker.length)
          return p + marker.length
        }
      }
      if numeric {
        if let date = DateReader.read(s, at: p, limit: limit) {
          append(.date(date.value), p, date.range.upperBound)
          return date.range.upperBound
        }
        // Chinese numerals wait for the lexicon and names (`一级调研员`, the surnames 万 伍 陆).
        if c.isASCIIDigit, let number = number(at: p, limit: limit) {
          append(.number(number.value), p, number.end)
          return number.end
        }
      }
      if c == "第", let ordinal = ordinal(at: p, limit: limit) {
        append(.number(ordinal.value), p, ordinal.end)
        return ordinal.end
      }
      if c == "《", let title = DocumentTitle.read(s, openingAt: p, limit: limit) {
        append(.documentTitle(title), p, title.range.upperBound)
        return title.range.upperBound
      }
      if let role = Punctuation.role(of: c) {
        append(.punctuation(Punctuation(role: role)), p, p + 1)
        return p + 1
      }
      if c.isHan {
        return hanToken(at: p, limit: limit)
      }
      if c.isASCIILetter {
        var q = p + 1
        while q < limit, s[q].isASCIIAlphanumeric { q += 1 }
        append(.latin, p, q)
        return q
      }
      let q = Swift.min(nextBoundary(after: p), limit)
      append(c.properties.isAlphabetic ? .word : .other, p, Swift.max(q, p + 1))
      return Swift.max(q, p + 1)
    }

    // MARK: Numbers and titles

    /// ASCII digits with a decimal part and a 万/亿 multiplier, or a word of Chinese numerals.
    func number(at p: Int, limit: Int) -> (value: NumberValue, end: Int)? {
      if s[p].isASCIIDigit {
        var q = p
        var value = 0.0
        while q < limit, s[q].isASCIIDigit {
          value = value * 10 + Double(s[q].value - 0x30)
          q += 1
        }
        if q + 1 < limit, s[q] == "." || s[q] == "．", s[q + 1].isASCIIDigit {
          q += 1
          var scale = 0.1
          while q < limit, s[q].isASCIIDigit {
            value += Double(s[q].value - 0x30) * scale
            scale /= 10
            q += 1
          }
        }
        if q < limit, let multiplier = multiplier(s[q]) {
          value *= multiplier
          q += 1
        }
        return (NumberValue(value: value), q)
      }
      // Chinese numerals when they end a word or a counter follows (`二十一项`; not `一些`).
      var q = p
      while q < limit, q - p < 12, isChineseNumeral(s[q]) { q += 1 }
      guard isBoundary(q) || (q < limit && s[q].isNumberCounter), let value = ChineseNumeral.value(of: s[p..<q]) else {
        return nil
      }
      return (NumberValue(value: Double(value)), q)
    }

    @inline(__always) func multiplier(_ scalar: Unicode.Scalar) -> Double? {
      switch scalar {
      case "万": return 1e4
      case "亿": return 1e8
      default: return nil
      }
    }

    /// `第126次`, `第二十一次`, `第3`: 第, a number, and a counter when one follows.
    func ordinal(at p: Int, limit: Int) -> (value: NumberValue, end: Int)? {
      var q = p + 1
      while q < limit, q - p <= 8, s[q].isASCIIDigit || ChineseNumeral.isNumeralScalar(s[q]) { q += 1 }
      guard q > p + 1, let value = ChineseNumeral.value(of: s[p + 1..<q]) else { return nil }
      if q < limit, s[q].isNumberCounter { q += 1 }
      return (NumberValue(value: Double(value), isOrdinal: true), q)
    }

    // MARK: Chinese characters

    mutating func hanToken(at p: Int, limit: Int) -> Int {
      let wordEnd = Swift.min(nextBoundary(after: p), limit)
      var bestEnd = p
      var bestKind: Token.Kind? = nil

      if storage.forward.canStart(s[p], categories: Tokenizer.organizationStartBits) || OrganizationMatcher.isLevel(s[p]) {
        organizationSearch.run(
          s, at: p, limit: limit, boundaries: boundaries, boundaryBase: start, unprefixed: false)
        for match in organizationSearch.results where match.evidence != .place && match.range.upperBound > bestEnd {
          let q = match.range.upperBound
          // The lexicon vouches for its own ends; a pattern must end where ICU sees a word end.
          // An organisation does not cut a title in two (`市国动办` + `党组书记`, not
          // `市国动办党组` + `书记`).
          if isBoundary(q) || (match.evidence == .lexicon && match.range.count >= 3), !cutsTitle(p + 1..<q) {
            bestEnd = q
            bestKind = .organization(fullName: match.fullName)
          }
        }
      }
      if storage.forward.canStart(s[p], categories: Tokenizer.lexiconWordBits) {
        var lexiconEnd = p
        var lexiconEntry = -1
        storage.each(in: s, at: p, limit: limit, categories: Tokenizer.lexiconWordBits) { length, entry in
          if isBoundary(p + length) {
            lexiconEnd = p + length
            lexiconEntry = entry
          }
        }
        if lexiconEntry >= 0, lexiconEnd > bestEnd {
          let entry = storage.entries[lexiconEntry]
          bestEnd = lexiconEnd
          switch entry.category {
          case .title: bestKind = .title
          case .place: bestKind = .place(fullName: entry.fullName)
          case .person:
            bestKind = .personName(PersonNameCandidate(range: p..<lexiconEnd, surnameLength: 0, score: 1))
          default: bestKind = .meetingTerm
          }
        }
      }
      if let name = personName(at: p, limit: limit, wordEnd: wordEnd), name.range.upperBound > bestEnd || bestKind == nil {
        append(.personName(name), p, name.range.upperBound)
        return name.range.upperBound
      }
      if let bestKind {
        append(bestKind, p, bestEnd)
        return bestEnd
      }
      if isChineseNumeral(s[p]), let number = number(at: p, limit: limit) {
        append(.number(number.value), p, number.end)
        return number.end
      }
      append(.word, p, wordEnd)
      return wordEnd
    }

    /// Whether a title starting in `range` runs past its end.
    func cutsTitle(_ range: Range<Int>) -> Bool {
      for i in range where storage.forward.canStart(s[i], categories: Tokenizer.titleBit) {
        if let title = storage.longest(in: s, at: i, limit: paragraphEnd, categories: Tokenizer.titleBit),
          i + title.length > range.upperBound
        {
          return true
        }
      }
      return false
    }

    /// The best person-name candidate at `p`, scored with its surroundings, when it reaches
    /// the tokenizer's minimum score. Names padded to three characters' width in rosters
    /// (`王 翔`) are joined across the space.
    func personName(at p: Int, limit: Int, wordEnd: Int) -> PersonNameCandidate? {
      // A name starts on a word boundary, and its surname is not the start of a longer
      // dictionary word (`高质量`, `金融`, `方案`): neither can reach the minimum score.
      guard isBoundary(p), storage.forward.canStart(s[p], categories: Tokenizer.surnameBit),
        let surname = storage.surname(in: s, at: p, limit: limit),
        wordEnd <= p + surname.length || s[p + 1].isHorizontalSpace
      else { return nil }
      // `，和张伟出席`, `（国发〔2016〕`: a surname that is mostly a word starts a name only in a
      // list or after an office or a body.
      if surname.length == 1, PersonNameProposer.isWordSurname(s[p]), !listContextBefore() { return nil }
      let before = goodContextBefore()
      // A padded roster name: one character, spaces, one character, then a space or the end.
      if before, surname.length == 1, p + 2 < limit, s[p + 1].isHorizontalSpace {
        var q = p + 1
        while q < limit, q - p <= 3, s[q].isHorizontalSpace { q += 1 }
        if q < limit, s[q].isHan, q + 1 == limit || s[q + 1].isHorizontalSpace,
          !PersonNameProposer.isUnlikelyInGivenName(s[q])
        {
          let score = PersonNameProposer.surnameWeight(rank: surname.rank, compound: false) + 0.45
          if score >= tokenizer.minimumNameScore {
            return PersonNameCandidate(range: p..<q + 1, surnameLength: 1, score: Swift.min(1, score))
          }
        }
      }
      var best: PersonNameCandidate? = nil
      for length in 2...4 {
        guard p + length <= limit,
          var name = tokenizer.names.candidate(in: s, at: p, length: length, limit: limit, surname: surname)
        else { continue }
        if before { name.score += 0.2 }
        if goodContextAfter(p + length, limit: limit) { name.score += 0.25 }
        name.score = Swift.max(0, Swift.min(1, name.score))
        if name.score >= tokenizer.minimumNameScore, best == nil || name.score > best!.score {
          best = name
        }
      }
      return best
    }

    /// Whether what precedes suits a name: the start of a paragraph, a space, a separator, a
    /// title, an organisation, a place or a meeting term.
    func goodContextBefore() -> Bool {
      guard let last = tokens.last else { return true }
      switch last.kind {
      case .space, .paragraphBreak, .title, .organization, .place, .meetingTerm: return true
      case .punctuation(let mark): return mark.role != .closeQuote && mark.role != .quote
      default: return false
      }
    }

    /// Whether what precedes is where a list or an office puts a name: the start of a
    /// paragraph, a space, 、 or ：, a title, an organisation or a place.
    func listContextBefore() -> Bool {
      guard let last = tokens.last else { return true }
      switch last.kind {
      case .space, .paragraphBreak, .title, .organization, .place: return true
      case .punctuation(let mark): return mark.role == .enumerationComma || mark.role == .colon
      default: return false
      }
    }

    /// Whether what follows offset `q` suits the end of a name: the end of the paragraph, a
    /// space, a separator or bracket, a title, a meeting term (主持, 出席…), 同志 or 等.
    func goodContextAfter(_ q: Int, limit: Int) -> Bool {
      guard q < limit else { return true }
      let c = s[q]
      if c.isHorizontalSpace || c == "等" { return true }
      if c == "同", q + 1 < limit, s[q + 1] == "志" { return true }
      if let role = Punctuation.role(of: c) {
        return role != .openQuote && role != .quote && role != .dash && role != .other
      }
      return storage.longest(in: s, at: q, limit: limit, categories: Tokenizer.titleBit | Tokenizer.meetingTermBit) != nil
    }
  }
}

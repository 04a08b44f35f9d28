/// An organisation found in text (机构): where it lies, how it was recognised, and the full name
/// it stands for when it is abbreviated.
public struct OrganizationMatch: Hashable, Sendable {
  /// How the organisation was recognised.
  public enum Evidence: String, Hashable, Sendable {
    /// Lexicon organisations, with or without a place or level prefix: `市发改委`,
    /// `市纪委监委`, `苏州海关`, `人行苏州中支` (`人行` + a place + the suffix `中支` counts here
    /// too when the body is a lexicon entry).
    case lexicon
    /// A prefix, function words and a known suffix: `市` + `园林绿化` + `局`, `苏州` + `创元` +
    /// `集团`, `市` + `委`.
    case pattern
    /// A place alone, as rosters print county and district governments: `张家港市`, `吴中区`.
    case place
  }

  /// The scalars the organisation covers (offsets into the scalars searched, end exclusive).
  public var range: Range<Int>
  /// How it was recognised.
  public var evidence: Evidence
  /// How well-founded the match is: lexicon pieces weigh more than function words; long runs
  /// of unknown function words weigh less. Comparable between matches of one search only.
  public var score: Double
  /// The full name (`市发改委` → `市发展和改革委员会`), or nil when no piece is abbreviated.
  public var fullName: String?

  /// Creates an OrganizationMatch from its parts; each argument sets the property of the same name.
  public init(range: Range<Int>, evidence: Evidence, score: Double, fullName: String? = nil) {
    self.range = range
    self.evidence = evidence
    self.score = score
    self.fullName = fullName
  }
}

/// A roster entry split into its organisation and its person: `市发改委凌鸣` → `市发改委` +
/// `凌鸣`.
public struct RosterEntrySplit: Hashable, Sendable {
  /// The organisation the entry begins with.
  public var organization: OrganizationMatch
  /// The rest of the entry, taken as the person's name.
  public var person: PersonNameCandidate
}

/// Recognises organisations (机构) the way they are written in 公文: an optional place or level
/// prefix (`苏州`, `市`, `苏州市`), then one or more units, each a lexicon organisation
/// (`发改委`, `纪委` + `监委`) or function words ending in a known suffix (`园林绿化` + `局`);
/// vertical bodies put the place inside (`人行` + `苏州` + `中支`, `电信` + `苏州` +
/// `分公司`). Places alone count too, for rosters (`张家港市陈卫兵`).
///
/// Function words are at most eight Chinese characters that do not begin with a whole lexicon
/// unit (`市政府第一会议室` is `市政府`), hold no meeting term (`会议`), and none of the particles
/// and prepositions (的 和 由 根据 …), the strong suffixes 局 委 办 厅 署, 部 (`部署`, `部门`) or
/// 县 省 驻 — unless the particle begins a word of names (`赣州` + `经济技术` + `开发区`, `市` +
/// `就业服务` + `中心`; not `经研究`) or is the 和 of a full name (`区` + `农业农村和水利` + `局`).
/// A one-character suffix needs two function characters unless it is strong (`市委`,
/// `市农委`; not `城镇`, `乡镇`). After the first unit only lexicon units, a place, or a bare
/// suffix of two or more characters or 办 may follow (`市委` + `网信办`, `市委` + `办`), so
/// `市发改委根据本次会` is `市发改委` and no more.
///
/// The matcher only reads the lexicon; make it once and share it.
public struct OrganizationMatcher: Sendable {
  /// The lexicon whose organisations, suffixes and places the matcher reads.
  public let lexicon: Lexicon
  /// Function words longer than this do not make an organisation.
  public static let maximumFunctionLength = 8

  /// Creates a matcher reading `lexicon`, by default the built-in one.
  public init(lexicon: Lexicon = .builtIn) {
    self.lexicon = lexicon
  }

  /// Every organisation that starts at `start` and ends before `limit` (the end of `scalars`
  /// when nil), longest first; for each end the best-founded reading.
  public func candidates(in scalars: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> [OrganizationMatch] {
    let end = Swift.min(limit ?? scalars.count, scalars.count)
    guard start >= 0, start < end else { return [] }
    return scalars.withUnsafeBufferPointer { buffer in
      candidates(in: buffer, at: start, limit: end)
    }
  }

  /// The longest organisation that starts at `start` and is more than a place, or nil.
  public func match(in scalars: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> OrganizationMatch? {
    candidates(in: scalars, at: start, limit: limit).first { $0.evidence != .place }
  }

  /// Splits a roster entry (`市委网信办陈雪嵘`, `张家港市陈卫兵`, `武警苏州支队俞小良`) into the
  /// organisation at its start and the person's name that fills the rest; nil when no such
  /// split exists. The name is never the words of a body (`岳塘经开区` + `管委会`), and the
  /// split never cuts a lexicon organisation or suffix in two (`区政府办` + `公室贾` cuts
  /// `办公室`). Among several splits the one with the better-founded organisation and the more
  /// plausible name wins.
  public func splitRosterEntry(in scalars: [Unicode.Scalar], range: Range<Int>) -> RosterEntrySplit? {
    let range = range.clamped(to: 0..<scalars.count)
    guard range.count >= 3 else { return nil }
    let names = PersonNameProposer(lexicon: lexicon)
    var best: (split: RosterEntrySplit, value: Double)? = nil
    for organization in candidates(in: scalars, at: range.lowerBound, limit: range.upperBound - 1) {
      guard let person = names.candidate(spanning: organization.range.upperBound..<range.upperBound, in: scalars),
        !cutsWord(in: scalars, organization.range, limit: range.upperBound)
      else {
        continue
      }
      let value = organization.score + 3 * person.score
      if best == nil || value > best!.value {
        best = (RosterEntrySplit(organization: organization, person: person), value)
      }
    }
    return best?.split
  }

  /// Whether a lexicon organisation or suffix that starts inside `organization` runs past its
  /// end into the name that follows (before `limit`). Walks back from each end inside the
  /// name, a few scalars, rather than forward from every scalar of the organisation.
  private func cutsWord(in scalars: [Unicode.Scalar], _ organization: Range<Int>, limit: Int) -> Bool {
    let categories = LexiconEntry.Category.organization.bit | LexiconEntry.Category.organizationSuffix.bit
    let storage = lexicon.storage
    return scalars.withUnsafeBufferPointer { buffer in
      for end in organization.upperBound + 1...limit {
        var crosses = false
        storage.backward.walk(
          buffer, from: end, limit: organization.lowerBound, backward: true, categories: categories
        ) { length, _ in
          crosses = end - length < organization.upperBound
          return !crosses
        }
        if crosses { return true }
      }
      return false
    }
  }

  /// Level prefixes: 市 区 县 省 州 镇 乡 盟 旗 (and Traditional forms), which make a name
  /// relative to its document's place (`市发改委`); the archive's identity resolution reads them too.
  @inline(__always) public static func isLevel(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "市", "区", "县", "省", "州", "镇", "乡", "盟", "旗": return true
    default: return false
    }
  }

  /// Suffixes that end an organisation even after a single function character: 局 委 办 厅 署
  /// 部 院 馆.
  @inline(__always) static func isStrongSuffix(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "局", "委", "办", "厅", "署", "部", "院", "馆": return true
    default: return false
    }
  }

  /// Whether `previous` + 镇/乡 is an ordinary word (`城乡`, `城镇`, `乡镇`, `家乡`), not a town.
  @inline(__always) static func makesWordWithTownSuffix(_ previous: Unicode.Scalar, _ suffix: Unicode.Scalar) -> Bool {
    switch suffix {
    case "镇", "乡":
      switch previous {
      case "城", "村", "集", "市", "重", "家", "故", "下", "返", "老", "同", "他", "异", "水", "乡", "镇",
        "县":
        return true
      default: return false
      }
    default: return false
    }
  }

  /// What a character does to a run of function words.
  enum FunctionCharacter {
    /// It may be part of the run.
    case ordinary
    /// It ends the run: particles, prepositions, conjunctions, the strong suffixes (which end a
    /// unit instead), 部 (`部署`, `部门`), and 县 省 驻.
    case stop
    /// A particle that ends the run unless it begins a word of names or joins one (经 就 不 无
    /// 对 和; see ``continuesFunctionWords(_:at:limit:functionLength:)``).
    case particle
  }

  /// The role of `scalar` in a run of function words, in one switch: ordinary characters, by
  /// far the most frequent, pay for a single test.
  @inline(__always) static func functionCharacter(_ scalar: Unicode.Scalar) -> FunctionCharacter {
    switch scalar {
    case "经", "就", "不", "无", "对", "和":
      return .particle
    case "的", "了", "与", "及", "或", "等", "是", "在", "要", "为", "于", "把", "被", "将",
      "由", "从", "向", "并", "各", "该", "本", "其", "之", "也", "这", "那", "根", "据",
      "按", "请", "已", "所", "局", "委", "办", "厅", "署", "部", "县", "省", "驻":
      return .stop
    default:
      return .ordinary
    }
  }

  /// Whether the particle at `offset` (a ``FunctionCharacter/particle``) is part of a name
  /// instead of ending the run: it begins a word that names of bodies use (`经济`, `经营`,
  /// `经贸`, `经开`, `经信`, `经侦`, `经发`, `就业`, `不动产`, `无线电`, `对外`, `对口`), or it is
  /// 和 joining two parts of a name after at least two function characters (`农业农村` + `和` +
  /// `水利`). `经研究`, `对全市`, `市和区` still end the run.
  static func continuesFunctionWords(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int, functionLength: Int
  ) -> Bool {
    guard offset + 1 < limit else { return false }
    let next = scalars[offset + 1]
    switch scalars[offset] {
    case "经":
      switch next {
      case "济", "营", "贸", "开", "信", "侦", "发": return true
      default: return false
      }
    case "就": return next == "业"
    case "不": return next == "动"
    case "无": return next == "线"
    case "对": return next == "外" || next == "口"
    case "和": return functionLength >= 2 && next.isHan && functionCharacter(next) == .ordinary && !isLevel(next)
    default: return false
    }
  }

  /// The candidates in `scalars[start..<limit]`, longest first.
  func candidates(in scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int) -> [OrganizationMatch] {
    var search = OrganizationSearch(storage: lexicon.storage)
    search.run(scalars, at: start, limit: limit)
    var results = search.takeResults()
    results.sort { $0.range.upperBound > $1.range.upperBound }
    return results
  }
}

/// The search behind ``OrganizationMatcher``, with its scratch space kept between calls (the
/// tokenizer runs one search per position that can start an organisation).
struct OrganizationSearch {
  private enum PieceKind { case place, level, unit, function, suffix }

  private struct Piece {
    var range: Range<Int>
    var kind: PieceKind
    var entry: Int
  }

  let storage: Lexicon.Storage
  /// The best reading for each end found by the last ``run(_:at:limit:boundaries:)``, in no
  /// particular order.
  private(set) var results: [OrganizationMatch] = []
  private var pieces: [Piece] = []
  /// A stack of (length, entry) lexicon matches: each level of the search pushes its own and
  /// pops them before returning.
  private var scratch: [(length: Int, entry: Int)] = []
  private var scalars = UnsafeBufferPointer<Unicode.Scalar>(start: nil, count: 0)
  private var limit = 0
  /// Word boundaries (a flag per offset from `boundaryBase`) that pattern matches must end on;
  /// empty when any end will do.
  private var boundaries: [Bool] = []
  private var boundaryBase = 0
  private var unprefixed = true

  private static var placeBit: UInt32 { LexiconEntry.Category.place.bit }
  private static var organizationBit: UInt32 { LexiconEntry.Category.organization.bit }
  private static var suffixBit: UInt32 { LexiconEntry.Category.organizationSuffix.bit }
  private static var meetingTermBit: UInt32 { LexiconEntry.Category.meetingTerm.bit }

  init(storage: Lexicon.Storage) {
    self.storage = storage
    pieces.reserveCapacity(8)
    scratch.reserveCapacity(32)
  }

  /// Searches `scalars[start..<limit]`. Pattern matches must end on `boundaries` (a flag per
  /// offset from `boundaryBase`) when given; `unprefixed` allows patterns without a prefix
  /// (`日照港集团`), which rosters need and running text does not.
  mutating func run(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int, boundaries: [Bool] = [],
    boundaryBase: Int = 0, unprefixed: Bool = true
  ) {
    self.unprefixed = unprefixed
    self.scalars = scalars
    self.limit = limit
    self.boundaries = boundaries
    self.boundaryBase = boundaryBase
    results.removeAll(keepingCapacity: true)
    prefix(start, places: 0, level: false)
  }

  /// The results of the last run, leaving none behind (so the caller owns the only copy and
  /// can sort it in place).
  mutating func takeResults() -> [OrganizationMatch] {
    var taken: [OrganizationMatch] = []
    swap(&taken, &results)
    return taken
  }

  @inline(__always) private func endAllowed(_ offset: Int) -> Bool {
    let index = offset - boundaryBase
    return boundaries.isEmpty || index <= 0 || index >= boundaries.count - 1 || boundaries[index]
  }

  /// Pushes the lexicon matches of `categories` at `position` on the scratch stack and returns
  /// their index range.
  @inline(__always) private mutating func push(_ position: Int, _ categories: UInt32) -> Range<Int> {
    let base = scratch.count
    storage.each(in: scalars, at: position, limit: limit, categories: categories) { scratch.append(($0, $1)) }
    return base..<scratch.count
  }

  private mutating func prefix(_ position: Int, places: Int, level: Bool) {
    if !level && places < 3 {
      let found = push(position, Self.placeBit)
      for i in found {
        let (length, entry) = scratch[i]
        // A short form before its level (`洛阳` + `市`) is read as the full form only.
        if storage.abbreviated[entry], position + length < limit,
          OrganizationMatcher.isLevel(scalars[position + length])
        {
          continue
        }
        pieces.append(Piece(range: position..<position + length, kind: .place, entry: entry))
        record()
        prefix(position + length, places: places + 1, level: false)
        pieces.removeLast()
      }
      scratch.removeLast(found.count)
    }
    // A level follows no place: the lexicon holds the places with their level (`苏州市`).
    if !level, places == 0, position < limit, OrganizationMatcher.isLevel(scalars[position]) {
      pieces.append(Piece(range: position..<position + 1, kind: .level, entry: -1))
      prefix(position + 1, places: places, level: true)
      pieces.removeLast()
    }
    units(position, count: 0, prefixed: places > 0 || level, afterPlace: false)
  }

  private mutating func units(_ position: Int, count: Int, prefixed: Bool, afterPlace: Bool) {
    guard position < limit, count < 5 else { return }
    let found = push(position, Self.organizationBit)
    // Function words do not begin with a whole lexicon unit: `市政府第一会议室` is `市政府`.
    var functionLimit = OrganizationMatcher.maximumFunctionLength
    for i in found { functionLimit = Swift.min(functionLimit, scratch[i].length - 1) }
    for i in found {
      let (length, entry) = scratch[i]
      pieces.append(Piece(range: position..<position + length, kind: .unit, entry: entry))
      record()
      units(position + length, count: count + 1, prefixed: prefixed, afterPlace: false)
      pieces.removeLast()
    }
    scratch.removeLast(found.count)
    // Function words then a suffix: as the first unit after a prefix (or, with a longer
    // suffix, without one), or after a place inside the name; after another unit only a
    // bare suffix.
    if count == 0 && !prefixed && !unprefixed { return }
    let functionAllowed = count == 0 || afterPlace
    var end = position
    // Whether the function words passed a 和 (`农业农村和水利`).
    var joined = false
    scan: while true {
      let suffixes = push(end, Self.suffixBit)
      let functionLength = end - position
      for i in suffixes {
        let (length, entry) = scratch[i]
        if count == 0 && !prefixed && (length < 2 || functionLength < 2) { continue }
        // One function character or none before a one-character suffix makes a word more
        // often than an organisation (`城镇`, `乡镇`), except before the strong suffixes (`市委`,
        // `市农委`).
        if functionLength <= 1 && length == 1 && !OrganizationMatcher.isStrongSuffix(scalars[end]) { continue }
        if length == 1 && OrganizationMatcher.makesWordWithTownSuffix(scalars[end - 1], scalars[end]) { continue }
        // Names joined by 和 end in a department's suffix (`…和水利局`); before a weaker one the
        // 和 joins two things (`…广播电视网络和郭镇`).
        if joined && length == 1 && !OrganizationMatcher.isStrongSuffix(scalars[end]) { continue }
        // After another unit a bare one-character suffix is only 办 (`市委办`): `工作部` + `署`
        // is `部署`.
        if count > 0 && !afterPlace && length == 1 && scalars[end] != "办" { continue }
        if functionLength > 0 {
          pieces.append(Piece(range: position..<end, kind: .function, entry: -1))
        }
        pieces.append(Piece(range: end..<end + length, kind: .suffix, entry: entry))
        if endAllowed(end + length) { record() }
        units(end + length, count: count + 1, prefixed: prefixed, afterPlace: false)
        pieces.removeLast()
        if functionLength > 0 { pieces.removeLast() }
      }
      scratch.removeLast(suffixes.count)
      guard functionAllowed, end < limit, end - position < functionLimit else { break }
      let scalar = scalars[end]
      guard scalar.isHan else { break }
      switch OrganizationMatcher.functionCharacter(scalar) {
      case .ordinary: break
      case .stop: break scan
      case .particle:
        guard OrganizationMatcher.continuesFunctionWords(scalars, at: end, limit: limit, functionLength: end - position)
        else { break scan }
        joined = joined || scalar == "和"
      }
      guard
        !storage.forward.canStart(scalar, categories: Self.meetingTermBit)
          || storage.longest(in: scalars, at: end, limit: limit, categories: Self.meetingTermBit) == nil
      else { break }
      end += 1
    }
    if count > 0 && !afterPlace {
      let places = push(position, Self.placeBit)
      for i in places {
        let (length, entry) = scratch[i]
        pieces.append(Piece(range: position..<position + length, kind: .place, entry: entry))
        units(position + length, count: count, prefixed: prefixed, afterPlace: true)
        pieces.removeLast()
      }
      scratch.removeLast(places.count)
    }
  }

  /// Records the pieces so far as a candidate ending at the last piece.
  private mutating func record() {
    guard let last = pieces.last else { return }
    var score = 0.0
    var placesOnly = true
    var patterned = false
    var expanded = false
    var unitsSeen = 0
    var hasLevel = false
    for piece in pieces {
      switch piece.kind {
      case .place:
        score += unitsSeen > 0 ? 0.5 : 1
      case .level:
        placesOnly = false
        hasLevel = true
        score += 0.5
      case .unit:
        placesOnly = false
        // One long unit beats a chain of short ones covering the same text (`邮政管理局`
        // over `邮政` + `管理局`).
        score += 2 + 0.3 * Double(piece.range.count) - (unitsSeen > 0 ? 1 : 0)
        unitsSeen += 1
      case .function:
        placesOnly = false
        patterned = true
        score -= 0.2 * Double(Swift.max(0, piece.range.count - 2))
      case .suffix:
        placesOnly = false
        patterned = patterned || unitsSeen == 0 || hasLevel
        score += (piece.range.count >= 2 ? 1.3 : 1) - (unitsSeen > 0 ? 1 : 0)
        unitsSeen += 1
      }
      if piece.entry >= 0, piece.kind != .place, storage.abbreviated[piece.entry] {
        expanded = true
      }
    }
    if placesOnly && pieces.count > 1 { return }
    // A short place form (`苏州`) alone is a place mention, not a roster organisation.
    if placesOnly, storage.abbreviated[last.entry] { return }
    let end = last.range.upperBound
    let existing = results.firstIndex { $0.range.upperBound == end }
    if let existing, results[existing].score >= score { return }
    let evidence: OrganizationMatch.Evidence = placesOnly ? .place : (patterned ? .pattern : .lexicon)
    let match = OrganizationMatch(
      range: pieces[0].range.lowerBound..<end, evidence: evidence, score: score, fullName: expanded ? fullName() : nil)
    if let existing { results[existing] = match } else { results.append(match) }
  }

  private func fullName() -> String {
    var text = ""
    for piece in pieces {
      if piece.entry >= 0, let full = storage.entries[piece.entry].fullName {
        text += full
      } else {
        text += String(scalars: scalars[piece.range])
      }
    }
    return text
  }
}

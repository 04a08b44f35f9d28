/// Reads the entries of an attendance list — a roster under `出席：`/`列席：`, or the list before
/// `…出席会议` in prose — into persons and represented organisations.
///
/// Typeset rosters pad two-character names to three characters' width with the same spaces
/// that separate entries (`王  翔` beside `蒋来清`), glue organisation and person (`市发改委凌鸣`,
/// `张家港市陈卫兵`), and wrap lines in the middle of an entry (`市委网信办` / `陈雪嵘`, `苏` /
/// `州海关宋晓泉`); prose prints offices and units before names (`市人大常委会副主任王芳`) and
/// units alone (`区纪委、区财政局等单位负责人`). The parser pairs the pieces back up.
struct RosterParser {
  let lexicon: Lexicon
  let matcher: OrganizationMatcher
  let people: PersonPhraseReader

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
    self.matcher = OrganizationMatcher(lexicon: lexicon)
    self.people = PersonPhraseReader(lexicon: lexicon)
  }

  /// A person read from an entry, as ranges of the scalars.
  struct Entry: Equatable {
    /// The name as printed: one piece, or two for a name padded to three characters' width
    /// (`王  翔`).
    var name: Range<Int>
    var nameContinuation: Range<Int>? = nil
    var title: Range<Int>?
    var organization: Range<Int>?
    var reason: Range<Int>?
    /// The organisation as the roster split recognised it (with its full name), when it did.
    var recognized: OrganizationMatch? = nil
    /// Whether `title` and `organization` are printed once before a `、` list that this name
    /// continues (`副县长蔡俊杰、安智辉`), not beside the name itself.
    var sharesTitle = false
  }

  struct Result {
    var persons: [Entry] = []
    var organizations: [Range<Int>] = []
    /// Pieces nothing could be made of.
    var unread: [Range<Int>] = []
    /// Names read with a doubt the roster does not settle, with the doubt.
    var uncertain: [(Range<Int>, Doubt)] = []
  }

  /// Why a name read from a roster is uncertain.
  enum Doubt {
    /// A two-character name and one character after a space (`何振 明`), read as one name.
    case joinedOverSpace
    /// Four characters without a compound surname (`白玛赤林`), read as one name because its
    /// neighbours in the list are names.
    case fourCharacters
    /// Parts joined by a middle dot (`帕巴拉·格列朗杰`) with no surname first: the dot decides.
    case transliterated
    /// Names cut from a grid printed one character per line, the only cut into names.
    case characterColumn
  }

  /// Words that join the last of a list (`以及`, `和`, `及`).
  private static let conjunctions: [[Unicode.Scalar]] = ["以及", "和", "及", "与"].map(\.scalars)

  /// Parses `chunks`: stretches of a list, in order, each a run of entries separated by `、`
  /// `，` `；` or spaces. `joins` are offsets where the input had a line break (a weak
  /// separator: an entry may run over it or end there).
  func parse(_ scalars: [Unicode.Scalar], _ chunks: [Range<Int>], joins: Set<Int> = []) -> Result {
    var result = Result()
    // Split into space-separated runs first, so `市检察院、联通苏州分公司的代表` stays whole; a
    // full stop ends a run too (`…，花溪区幸丽。` closes the list).
    var runs: [Range<Int>] = []
    for chunk in chunks { runs += Self.runs(scalars, chunk) }
    var pieces: [Range<Int>] = []
    for var run in runs {
      // A stretch headed `政府办：` names the unit of every person in it; one headed `邀请列席：`
      // (a qualified label) only says how they attend.
      if let colon = run.first(where: { scalars[$0] == "：" }), colon > run.lowerBound, colon - run.lowerBound <= 12 {
        let head = run.lowerBound..<colon
        if isQualifiedLabel(scalars, head) {
          run = (colon + 1)..<run.upperBound
        } else if let unit = matcher.candidates(in: scalars, at: head.lowerBound, limit: head.upperBound).first,
          unit.range == head
        {
          flush(&pieces, scalars, joins, into: &result)
          var stretch = Result()
          var stretchPieces: [Range<Int>] = []
          splitEntries(scalars, (colon + 1)..<run.upperBound, into: &stretchPieces)
          flush(&stretchPieces, scalars, joins, into: &stretch)
          for index in stretch.persons.indices where stretch.persons[index].organization == nil {
            stretch.persons[index].organization = head
            stretch.persons[index].sharesTitle = stretch.persons[index].title == nil
          }
          result.persons += stretch.persons
          result.organizations += stretch.organizations
          result.unread += stretch.unread
          continue
        }
      }
      if let represented = representedOrganizations(scalars, run) {
        // People named before the units (`县政协副主席李育新及有关部门负责人`) are read as people.
        pieces += represented.people
        flush(&pieces, scalars, joins, into: &result)
        result.organizations += represented.organizations
        continue
      }
      splitEntries(scalars, run, into: &pieces)
    }
    flush(&pieces, scalars, joins, into: &result)
    return result
  }

  /// The space-separated runs of `chunk` (a full stop ends one too); spaces inside brackets
  /// belong to the run (`白露（ 赴兰州参加 会议 ）`).
  private static func runs(_ scalars: [Unicode.Scalar], _ chunk: Range<Int>) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var depth = 0
    var start = chunk.lowerBound
    for index in chunk {
      let s = scalars[index]
      if s.isOpeningBracket { depth += 1 } else if s.isClosingBracket { depth = max(0, depth - 1) }
      guard depth == 0, s.isHorizontalSpace || s == "。" else { continue }
      let run = scalars.trimmingSpaces(start..<index)
      if !run.isEmpty { runs.append(run) }
      start = index + 1
    }
    let run = scalars.trimmingSpaces(start..<chunk.upperBound)
    if !run.isEmpty { runs.append(run) }
    return runs
  }

  /// The entries of a run, split at `、` `，` `；` `：`. In a chain of offices (`县委常委、副县长王永涛`)
  /// the last office counts: an office alone before a `、` belongs to the entry after it.
  /// The pieces are appended to `pieces`, not returned: a roster makes one run per entry, and
  /// an array per run and per piece cost more than reading the piece.
  private func splitEntries(_ scalars: [Unicode.Scalar], _ run: Range<Int>, into pieces: inout [Range<Int>]) {
    let split = scalars.split(run) { $0 == "、" || $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" || $0 == "：" }
    for (index, piece) in split.enumerated() {
      // Only when a name ends the chain: `县国土局局长、纪检组长` are two offices of one unit.
      if piece.upperBound < run.upperBound, scalars[piece.upperBound] == "、", isOfficeAlone(scalars, piece) {
        var next = index + 1
        while next < split.count, split[next].upperBound < run.upperBound, scalars[split[next].upperBound] == "、",
          isOfficeAlone(scalars, split[next])
        {
          next += 1
        }
        if next < split.count, people.read(scalars, split[next]) != nil { continue }
      }
      splitAfterName(scalars, piece, into: &pieces)
    }
  }

  /// `邀请列席`, `固定列席`: a label qualified by how its people attend, ending with an attendance
  /// verb of the lexicon.
  private func isQualifiedLabel(_ scalars: [Unicode.Scalar], _ head: Range<Int>) -> Bool {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(
        in: $0, at: head.upperBound, lowerLimit: head.lowerBound, categories: LexiconEntry.Category.attendanceVerb.bit) != nil
    }
  }

  /// `纪洪山和各委员` → `纪洪山`, `各委员`: a conjunction after a name ends the name's entry; so
  /// after an office and a name when an office, a group or another person with an office
  /// follows (`主任钱立和副主任孙涛`, `秘书长于海及各位常委`, `副主任钱立和区政协副主席孙涛`).
  private func splitAfterName(_ scalars: [Unicode.Scalar], _ piece: Range<Int>, into pieces: inout [Range<Int>]) {
    for conjunction in Self.conjunctions {
      guard let at = scalars.firstIndex(of: conjunction, in: piece), at > piece.lowerBound + 1,
        at + conjunction.count < piece.upperBound
      else { continue }
      let left = piece.lowerBound..<at
      let right = (at + conjunction.count)..<piece.upperBound
      if people.isName(scalars, left)
        || (people.mayHoldOffice(scalars, left) && people.read(scalars, left)?.title != nil
          && (lexicon.titleLength(in: scalars, startingAt: right.lowerBound) > 0 || startsWithGroup(scalars, right)
            || namesAPerson(scalars, right)))
      {
        pieces.append(left)
        splitAfterName(scalars, right, into: &pieces)
        return
      }
    }
    pieces.append(piece)
  }

  /// Whether `piece` starts with a group word of the lexicon (`各位常委`, `委员共20人`).
  private func startsWithGroup(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Bool {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longest(in: $0, at: piece.lowerBound, limit: piece.upperBound, categories: LexiconEntry.Category.groupWord.bit) != nil
    }
  }

  /// Whether `piece` is an office with nothing but a unit before it (`县委常委`, `副县长`).
  private func isOfficeAlone(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Bool {
    let title = lexicon.titleLength(in: scalars, endingAt: piece.upperBound)
    guard title > 0 else { return false }
    let unitEnd = piece.upperBound - title
    return unitEnd == piece.lowerBound
      || matcher.candidates(in: scalars, at: piece.lowerBound, limit: unitEnd).contains { $0.range.upperBound == unitEnd }
  }

  /// `市检察院、联通苏州分公司的代表` → [市检察院, 联通苏州分公司], or nil; pieces before the units
  /// that name a person with an office are returned as `people`.
  func representedOrganizations(_ scalars: [Unicode.Scalar], _ run: Range<Int>) -> (people: [Range<Int>], organizations: [Range<Int>])? {
    // The longest representative ending (`等单位负责人`, `的代表`) that leaves a unit before it.
    guard
      let ending = scalars.withUnsafeBufferPointer({
        lexicon.storage.longestEnding(
          in: $0, at: run.upperBound, lowerLimit: run.lowerBound + 1, categories: LexiconEntry.Category.representativeEnding.bit)
      })
    else { return nil }
    let units = run.lowerBound..<(run.upperBound - ending.length)
    var organizations: [Range<Int>] = []
    var persons: [Range<Int>] = []
    var groups = 0
    let organs = ClosingElements(lexicon: lexicon)
    for piece in scalars.split(units, where: { $0 == "、" || $0 == "，" }) {
      var parts = [piece]
      // `省有关部门及海航集团合肥营业部`: a conjunction joins the last two — unless it is part of
      // one name (`宁波市自然资源和规划局北仑分局`: what stands before it ends no organ).
      // `县政协副主席李育新及有关部门`: a person, then the units. The unit after it may share the
      // ending of the next (`项目部和兴国、西川镇政府`).
      for conjunction in Self.conjunctions {
        guard let at = scalars.firstIndex(of: conjunction, in: piece), at > piece.lowerBound else { continue }
        let left = piece.lowerBound..<at
        let right = (at + conjunction.count)..<piece.upperBound
        let sharesEnding = piece.upperBound < units.upperBound && scalars[piece.upperBound] == "、"
        if (organs.endsWithOrganEnding(scalars, left) && left.count >= 3 && right.count >= 2
          && (sharesEnding || organs.endsWithOrganEnding(scalars, right)))
          || (namesAPerson(scalars, left) && organs.endsWithOrganEnding(scalars, right))
        {
          parts = [left, right]
          break
        }
      }
      for part in parts {
        var part = scalars.trimmingSpaces(part)
        for conjunction in Self.conjunctions where scalars.matches(conjunction, at: part.lowerBound) {
          part = (part.lowerBound + conjunction.count)..<part.upperBound
        }
        // `县人大、县政协相关领导、县直有关部门负责人`: each unit may carry its own ending.
        if let inner = scalars.withUnsafeBufferPointer({
          lexicon.storage.longestEnding(
            in: $0, at: part.upperBound, lowerLimit: part.lowerBound + 2, categories: LexiconEntry.Category.representativeEnding.bit)
        }) {
          part = part.lowerBound..<(part.upperBound - inner.length)
        }
        if part.isEmpty { continue }
        if namesAPerson(scalars, part) {
          persons.append(part)
        } else if isGroup(scalars, part) {
          // `县直有关部门`, `各镇`: no one unit is represented.
          groups += 1
        } else {
          organizations.append(part)
        }
      }
    }
    return organizations.isEmpty && groups == 0 ? nil : (persons, organizations)
  }

  /// Whether `part` ends with a group word of the lexicon (`县直有关部门`, `各镇`, `议题涉及单位`).
  private func isGroup(_ scalars: [Unicode.Scalar], _ part: Range<Int>) -> Bool {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(
        in: $0, at: part.upperBound, lowerLimit: part.lowerBound, categories: LexiconEntry.Category.groupWord.bit) != nil
    }
  }

  /// Whether `piece` is an office and a name (`县政协副主席李育新`), which no unit is.
  private func namesAPerson(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Bool {
    people.mayHoldOffice(scalars, piece) && people.read(scalars, piece, separatingOrganization: true)?.title != nil
  }

  private enum Reading {
    case person(Entry)
    /// One character: half of a padded name (the reason printed after it, if any).
    case fragment(Range<Int>, reason: Range<Int>?)
    /// An organisation with no person after it (the person is in the next piece).
    case organization(Range<Int>)
    /// A unit named by the office of its head, with no name (`县教育局局长`): the unit is
    /// represented.
    case office(Range<Int>)
    /// An organisation and the surname that starts its person's padded name (`市发改委王` `翔`).
    case organizationAndSurname(Range<Int>, Range<Int>)
    /// A group, not one person or unit (`各位常委`, `委员共20人`).
    case group
    case unread
  }

  private func flush(_ pieces: inout [Range<Int>], _ scalars: [Unicode.Scalar], _ joins: Set<Int>, into result: inout Result) {
    // Readings and their pieces side by side: a tuple of a reading with a payload and a range
    // is copied through generic tuple metadata at every access.
    var readings: [Reading] = []
    var ranges: [Range<Int>] = []
    readings.reserveCapacity(pieces.count)
    ranges.reserveCapacity(pieces.count)
    for piece in pieces {
      if isCharacterColumn(piece, joins) {
        readColumn(scalars, piece, into: &result)
        continue
      }
      let reading = read(scalars, piece)
      if case .unread = reading, let split = splitAtJoin(scalars, piece, joins) {
        // Two entries glued by a line break: read each side.
        readings.append(read(scalars, split.0))
        ranges.append(split.0)
        readings.append(read(scalars, split.1))
        ranges.append(split.1)
      } else {
        readings.append(reading)
        ranges.append(piece)
      }
    }
    pieces = []
    // A grid prints one unit per line before its people (`县政府办 徐云波 刘小鹏 赵 龑`): the unit
    // that opens a line holds for every name after it on the line, parted by spaces only.
    var grid: (unit: Range<Int>, line: Range<Int>)? = nil
    func lineEnd(after position: Int) -> Int {
      var end = position
      while end < scalars.count, scalars[end] != "\n" { end += 1 }
      return end
    }
    func onlySpaces(_ gap: Range<Int>) -> Bool { gap.allSatisfy { scalars[$0].isHorizontalSpace } }
    // A unit printed alone before the person it belongs to (`市委网信办` + `陈雪嵘`).
    var pendingUnit: Range<Int>? = nil
    func append(_ entry: Entry) {
      var entry = entry
      if let unit = pendingUnit, entry.organization == nil, entry.title == nil {
        entry.organization = unit
      } else if let current = grid, entry.organization == nil, entry.title == nil, current.line.contains(entry.name.lowerBound) {
        var gapStart = current.unit.upperBound
        if let last = result.persons.last {
          gapStart = max(gapStart, last.reason.map { $0.upperBound + 1 } ?? (last.nameContinuation ?? last.name).upperBound)
        }
        if gapStart <= entry.name.lowerBound, onlySpaces(gapStart..<entry.name.lowerBound) { entry.organization = current.unit }
      }
      pendingUnit = nil
      result.persons.append(entry)
    }
    func isName(_ at: Int) -> Bool {
      guard readings.indices.contains(at), case .person(let entry) = readings[at] else { return false }
      return entry.nameContinuation == nil
    }
    func isFragment(_ at: Int) -> Bool {
      guard at < readings.count, case .fragment = readings[at] else { return false }
      return true
    }
    var index = 0
    while index < readings.count {
      let range = ranges[index]
      // The next reading is copied only where a case asks for it.
      func next() -> (Reading, Range<Int>)? { index + 1 < readings.count ? (readings[index + 1], ranges[index + 1]) : nil }
      switch readings[index] {
      case .person(let entry):
        // `何振 明`: a two-character name and single characters after it, an odd number of them
        // (padded names take two each: `李 靖`). One three-character name is the only reading
        // that leaves nothing unread, but the roster does not say so: a diagnostic goes with it.
        func singles() -> Int {
          var count = 0
          while isFragment(index + 1 + count) { count += 1 }
          return count
        }
        if entry.nameContinuation == nil, entry.reason == nil, entry.title == nil, entry.name.count == 2,
          let (nextReading, nextRange) = next(), case .fragment(let single, let reason) = nextReading, singles() % 2 == 1,
          onlySpaces(entry.name.upperBound..<nextRange.lowerBound)
        {
          var joined = entry
          joined.nameContinuation = single
          joined.reason = reason
          result.uncertain.append((entry.name.lowerBound..<single.upperBound, .joinedOverSpace))
          append(joined)
          index += 2
          continue
        }
        if entry.nameContinuation == nil, lexicon.surnameLength(in: scalars, at: entry.name.lowerBound) == 0,
          entry.name.contains(where: { Self.isNameDot(scalars[$0]) })
        {
          result.uncertain.append((entry.name, .transliterated))
        }
        append(entry)
      case .fragment(let first, _):
        if let (nextReading, _) = next(), case .fragment(let second, let reason) = nextReading {
          append(Entry(name: first, nameContinuation: second, reason: reason))
          index += 1
        } else {
          result.unread.append(range)
        }
      case .organization(let organization):
        let opensLine = index == 0 || scalars[ranges[index - 1].upperBound..<range.lowerBound].contains("\n")
        if opensLine, index + 1 < ranges.count, onlySpaces(range.upperBound..<ranges[index + 1].lowerBound) {
          grid = (organization, range.lowerBound..<lineEnd(after: range.upperBound))
        } else {
          grid = nil
        }
        if index + 1 < readings.count, case .person(let entry) = readings[index + 1], entry.organization == nil, entry.title == nil {
          pendingUnit = organization
        } else if isFragment(index + 1), grid != nil {
          // `县人大 赵 龑`: the padded name after the unit takes it like any other on the line.
        } else {
          result.organizations.append(organization)
        }
      case .office(let unit):
        grid = nil
        result.organizations.append(unit)
      case .organizationAndSurname(let organization, let surname):
        if let (nextReading, _) = next(), case .fragment(let given, let reason) = nextReading {
          result.persons.append(Entry(name: surname, nameContinuation: given, organization: organization, reason: reason))
          index += 1
        } else {
          result.unread.append(range)
        }
      case .group:
        break
      case .unread:
        // `王晨、白玛赤林、丁仲礼`: four characters with a surname first, among names, read as a
        // name (many Tibetan and Mongolian names are written so), with a diagnostic.
        if range.count == 4, range.allSatisfy({ scalars[$0].isHan }), lexicon.surnameLength(in: scalars, at: range.lowerBound) == 1,
          !ClosingElements(lexicon: lexicon).endsWithOrganEnding(scalars, range),
          !scalars.withUnsafeBufferPointer({ PersonNameProposer(lexicon: lexicon).namesABody(in: $0, range: range, surnameLength: 1) }),
          isName(index - 1), isName(index + 1)
        {
          result.uncertain.append((range, .fourCharacters))
          append(Entry(name: range))
        } else {
          result.unread.append(range)
        }
      }
      index += 1
    }
  }

  /// Whether every character of `piece` after the first stood on a line of its own (a grid
  /// that PDF extraction put one character per line, joined by the reflow).
  private func isCharacterColumn(_ piece: Range<Int>, _ joins: Set<Int>) -> Bool {
    piece.count >= 4 && ((piece.lowerBound + 1)..<piece.upperBound).allSatisfy { joins.contains($0) }
  }

  /// Reads a grid that lost its spaces (`县人大杨贵强县政府办徐云波刘小鹏`): units where the
  /// matcher finds them, and between them the names — one name, or the only split of the
  /// stretch into names (read with a note); a stretch that splits several ways stays unread.
  private func readColumn(_ scalars: [Unicode.Scalar], _ piece: Range<Int>, into result: inout Result) {
    let organs = ClosingElements(lexicon: lexicon)
    // The longest unit at `position` that ends where the matcher would end it if the text
    // stopped there (a glued name would otherwise run on into it).
    func unit(at position: Int) -> Range<Int>? {
      for end in stride(from: min(position + 12, piece.upperBound - 2), through: position + 2, by: -1) {
        let unit = position..<end
        if organs.endsWithOrganEnding(scalars, unit) || lexicon.surnameLength(in: scalars, at: end) > 0,
          matcher.candidates(in: scalars, at: position, limit: end).contains(where: { $0.range == unit })
        {
          return unit
        }
      }
      return nil
    }
    var position = piece.lowerBound
    var current: Range<Int>? = nil
    while position < piece.upperBound {
      if let found = unit(at: position) {
        current = found
        position = found.upperBound
        continue
      }
      var next = min(position + 2, piece.upperBound)
      while next < piece.upperBound, unit(at: next) == nil { next += 1 }
      let stretch = position..<next
      let splits = nameSplits(scalars, stretch)
      if splits.count == 1 {
        if splits[0].count > 1 { result.uncertain.append((stretch, .characterColumn)) }
        for name in splits[0] { result.persons.append(Entry(name: name, organization: current)) }
      } else {
        result.unread.append(stretch)
      }
      position = next
    }
  }

  /// Every way to cut `stretch` into names of two or three characters.
  private func nameSplits(_ scalars: [Unicode.Scalar], _ stretch: Range<Int>) -> [[Range<Int>]] {
    if stretch.isEmpty { return [[]] }
    var splits: [[Range<Int>]] = []
    for length in [2, 3] where length <= stretch.count {
      let name = stretch.lowerBound..<(stretch.lowerBound + length)
      guard people.isName(scalars, name) else { continue }
      for rest in nameSplits(scalars, name.upperBound..<stretch.upperBound) { splits.append([name] + rest) }
      if splits.count > 1 { break }
    }
    return splits
  }

  private func splitAtJoin(_ scalars: [Unicode.Scalar], _ piece: Range<Int>, _ joins: Set<Int>) -> (Range<Int>, Range<Int>)? {
    guard let join = piece.first(where: { joins.contains($0) && $0 > piece.lowerBound }) else { return nil }
    return (piece.lowerBound..<join, join..<piece.upperBound)
  }

  /// One piece of a list, read on its own.
  private func read(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Reading {
    var piece = piece
    var reason: Range<Int>? = nil
    // `张三（出差）`
    if let open = piece.first(where: { scalars[$0].isOpeningBracket }), let close = piece.last,
      scalars[close].isClosingBracket, close > open + 1
    {
      reason = scalars.trimmingSpaces((open + 1)..<close)
      piece = piece.lowerBound..<open
    }
    for conjunction in Self.conjunctions where scalars.matches(conjunction, at: piece.lowerBound) && piece.count > conjunction.count + 1 {
      piece = (piece.lowerBound + conjunction.count)..<piece.upperBound
    }
    piece = piece.lowerBound..<(piece.upperBound - people.honorificLength(scalars, endingAt: piece.upperBound, from: piece.lowerBound))
    // `陶卫方等`: 等 closes a list of names.
    if piece.count >= 3, scalars[piece.upperBound - 1] == "等", people.isName(scalars, piece.lowerBound..<(piece.upperBound - 1)) {
      piece = piece.lowerBound..<(piece.upperBound - 1)
    }
    piece = scalars.trimmingSpaces(piece)
    guard !piece.isEmpty else { return .unread }
    // `市领导曹晓革`: a group before the first name of a list says who they are, not their office.
    if let group = scalars.withUnsafeBufferPointer({
      lexicon.storage.longest(in: $0, at: piece.lowerBound, limit: piece.upperBound, categories: LexiconEntry.Category.groupWord.bit)
    }), people.isName(scalars, (piece.lowerBound + group.length)..<piece.upperBound) {
      return .person(Entry(name: (piece.lowerBound + group.length)..<piece.upperBound, reason: reason))
    }
    if startsWithGroup(scalars, piece) && !people.isName(scalars, piece) { return .group }
    guard !piece.contains(where: { scalars[$0].isASCIIDigit }) else { return .unread }
    if piece.count == 1 { return scalars[piece.lowerBound].isHan ? .fragment(piece, reason: reason) : .unread }

    // A bare name; four characters only with a compound surname, else an organisation may lead.
    if people.isName(scalars, piece) && (piece.count <= 3 || lexicon.surnameLength(in: scalars, at: piece.lowerBound) == 2) {
      return .person(Entry(name: piece, reason: reason))
    }
    // Unit, office and name (`市人大常委会副主任宁海波`), or office and name (`副市长张伟`).
    if people.mayHoldOffice(scalars, piece), let person = people.read(scalars, piece, separatingOrganization: true),
      person.title != nil
    {
      return .person(Entry(name: person.name, title: person.title, organization: person.organization, reason: reason))
    }
    // Organisation glued to the name (`市发改委凌鸣`, `张家港市陈卫兵`).
    if let split = matcher.splitRosterEntry(in: scalars, range: piece) {
      return .person(
        Entry(
          name: split.person.range, organization: split.organization.range, reason: reason,
          recognized: split.organization))
    }
    if let whole = matcher.candidates(in: scalars, at: piece.lowerBound, limit: piece.upperBound).first,
      whole.range.upperBound == piece.upperBound
    {
      return .organization(piece)
    }
    // `市发改委王` before `翔`.
    let last = piece.upperBound - 1
    if lexicon.surnameLength(in: scalars, at: last) == 1,
      let organization = matcher.candidates(in: scalars, at: piece.lowerBound, limit: last).first,
      organization.range.upperBound == last
    {
      return .organizationAndSurname(piece.lowerBound..<last, last..<piece.upperBound)
    }
    if people.isName(scalars, piece) || isTransliteratedName(scalars, piece) { return .person(Entry(name: piece, reason: reason)) }
    // `商务粮食局王哲`, `楚之晟集团周建高`: a unit the lexicon does not know, told by its organ
    // ending, glued to the name after it.
    let organs = ClosingElements(lexicon: lexicon)
    for length in [3, 2] where piece.count - length >= 2 {
      let unit = piece.lowerBound..<(piece.upperBound - length)
      let name = unit.upperBound..<piece.upperBound
      if organs.endsWithOrganEnding(scalars, unit), people.isName(scalars, name) {
        return .person(Entry(name: name, organization: unit, reason: reason))
      }
    }
    if let unit = officeHolderUnit(scalars, piece) { return .office(unit) }
    return .unread
  }

  /// `县教育局局长`, `规划设计院院长`: a unit (with an organ ending and more before it) and the
  /// office of its head, no name — the unit is represented. The organs that lead a level
  /// (`县委常委`, `县政府副县长`, `镇党委书记`, `市政协副秘书长`: a place and nothing but the organ)
  /// name offices of the level's leaders, not a unit sent to the meeting.
  private func officeHolderUnit(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Range<Int>? {
    let title = lexicon.titleLength(in: scalars, endingAt: piece.upperBound)
    // Members (`政协委员`, `人大代表`) are a group, not the head of a unit.
    guard title > 0, piece.count - title >= 3, !isGroup(scalars, piece) else { return nil }
    let unit = piece.lowerBound..<(piece.upperBound - title)
    guard
      let ending = scalars.withUnsafeBufferPointer({
        lexicon.storage.longestEnding(
          in: $0, at: unit.upperBound, lowerLimit: unit.lowerBound, categories: LexiconEntry.Category.organEnding.bit)
      }), ending.length < unit.count
    else { return nil }
    // What stands before the organ ending: a place or a level alone makes a level's organ.
    let before = unit.lowerBound..<(unit.upperBound - ending.length)
    let place = scalars.withUnsafeBufferPointer {
      lexicon.storage.longest(in: $0, at: before.lowerBound, limit: before.upperBound, categories: LexiconEntry.Category.place.bit)?.length ?? 0
    }
    let levelOnly = before.count == 1 && OrganizationMatcher.isLevel(scalars[before.lowerBound])
    if (levelOnly || place == before.count) && Self.levelOrgans.contains(where: { scalars.matches($0, at: before.upperBound) && $0.count == ending.length }) {
      return nil
    }
    return unit
  }

  /// The organs that lead a level: its party committee, government, people's congress and
  /// political consultative conference.
  private static let levelOrgans: [[Unicode.Scalar]] = ["委", "党委", "政府", "人民政府", "人大", "人大常委会", "政协"].map(\.scalars)

  /// The middle dots that join the parts of a transliterated name.
  static func isNameDot(_ scalar: Unicode.Scalar) -> Bool { scalar == "·" || scalar == "•" || scalar == "・" }

  /// A name transliterated from Uyghur, Tibetan or another language, its parts joined by a
  /// middle dot (`艾力更·依明巴海`, `帕巴拉·格列朗杰`): no surname to test, so the dot decides.
  private func isTransliteratedName(_ scalars: [Unicode.Scalar], _ piece: Range<Int>) -> Bool {
    guard (4...16).contains(piece.count) else { return false }
    var dots = 0
    var partLength = 0
    for index in piece {
      let s = scalars[index]
      if Self.isNameDot(s) {
        guard partLength >= 1 else { return false }
        dots += 1
        partLength = 0
      } else if s.isHan {
        partLength += 1
      } else {
        return false
      }
    }
    return dots >= 1 && partLength >= 1
  }
}

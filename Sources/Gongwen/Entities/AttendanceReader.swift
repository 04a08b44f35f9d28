import GongwenModel

/// Reads who attended: the 出席 / 列席 / 请假 / 记录 blocks after the body (and their variants
/// 参加人员, 出席人员, 列席人员, 缺席, 参会人员, 记录人), and attendance told in prose
/// (`副市长张伟、李强出席会议。`, `李明洲、王际睿请假`, `区纪委、区财政局等单位负责人参加了会议`).
struct AttendanceReader {
  let lexicon: Lexicon
  private let roster: RosterParser

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
    self.roster = RosterParser(lexicon: lexicon)
  }

  /// A labelled list: the label and the ranges after it (the rest of its line and the lines
  /// that continue it).
  struct Block {
    var label: BlockLabel
    var ranges: [Range<Int>]
  }

  enum List { case present, attending, absent, recorders }

  struct Reading {
    var attendance = Attendance()
    /// Roster pieces nothing could be made of, for diagnostics.
    var unread: [Range<Int>] = []
    /// Names read with a doubt the roster does not settle, for diagnostics.
    var uncertain: [(Range<Int>, RosterParser.Doubt)] = []
    /// Where the represented organisations are printed, every time.
    var organizationRanges: [Range<Int>] = []
    /// Where each of `attendance.representedOrganizations` is first printed, in its order.
    var representedRanges: [Range<Int>] = []
    /// The full names the roster splits found for the organisations they read.
    var fullNames: [TextKey: String?] = [:]
  }

  /// Whether an attendance verb can start with `scalar` (most scalars are turned away here).
  private func verbStarts(_ scalar: Unicode.Scalar) -> Bool {
    lexicon.storage.forward.canStart(scalar, categories: LexiconEntry.Category.attendanceVerb.bit)
  }

  /// The attendance verb at `index` (the lexicon's ``LexiconEntry/Category/attendanceVerb``
  /// entries, the longest), with the list it fills and its length.
  private func attendanceVerb(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int) -> (list: List, length: Int)? {
    let storage = lexicon.storage
    guard let found = storage.longest(in: scalars, at: index, limit: limit, categories: LexiconEntry.Category.attendanceVerb.bit)
    else { return nil }
    switch storage.roles[found.entry] {
    case .present: return (.present, found.length)
    case .attending: return (.attending, found.length)
    case .absent: return (.absent, found.length)
    case .recorder: return (.recorders, found.length)
    default: return nil
    }
  }

  /// Reads the labelled `blocks` and the attendance sentences in `prose`.
  func read(_ text: LexicalText, blocks: [Block], prose: [Range<Int>]) -> Reading {
    let scalars = text.scalars
    let joins = Set(text.paragraphs.flatMap(\.lineJoins))
    var reading = Reading()
    for block in blocks {
      let list: List
      switch block.label {
      case .present: list = .present
      case .attending: list = .attending
      case .absent: list = .absent
      case .recorder: list = .recorders
      default: continue
      }
      var parsed = roster.parse(scalars, block.ranges, joins: joins)
      shareTitles(scalars, &parsed.persons, sharingUnits: Self.isTwoLevel(scalars, block.ranges))
      add(parsed, to: list, text, &reading)
    }
    // A paragraph split into blocks at a colon (`…参加会议的有：` + the list) reads as one.
    var sentences: [Range<Int>] = []
    for range in prose {
      if let last = sentences.last, last.upperBound == range.lowerBound {
        sentences[sentences.count - 1] = last.lowerBound..<range.upperBound
      } else {
        sentences.append(range)
      }
    }
    for range in sentences {
      for (list, parsed) in proseLists(scalars, range) { add(parsed, to: list, text, &reading) }
    }
    return reading
  }

  private func add(_ parsed: RosterParser.Result, to list: List, _ text: LexicalText, _ reading: inout Reading) {
    var persons: [Person] = []
    persons.reserveCapacity(parsed.persons.count)
    for entry in parsed.persons {
      var covered = entry.name
      func cover(_ part: Range<Int>?) {
        if let part { covered = min(covered.lowerBound, part.lowerBound)..<max(covered.upperBound, part.upperBound) }
      }
      cover(entry.nameContinuation)
      if !entry.sharesTitle {
        cover(entry.title)
        cover(entry.organization)
      }
      cover(entry.reason)
      var name = text.compactString(entry.name)
      if let continuation = entry.nameContinuation { name += text.compactString(continuation) }
      let organization = entry.organization.map { text.compactString($0) }
      if let organization, let recognized = entry.recognized {
        reading.fullNames[TextKey(organization)] = .some(recognized.fullName)
      }
      persons.append(
        Person(
          name: name,
          title: entry.title.map { text.compactString($0) },
          organization: organization,
          reason: entry.reason.map { text.compactString($0) },
          range: text.sourceRange(of: covered)))
    }
    // A person listed again under another agenda item (`第一至五议题：…`, `第九议题：…`) attends
    // once: the same name with the same unit, or with a unit printed longer or shorter
    // (`市生态环境局海勃湾区分局`, `乌海市生态环境局海勃湾区分局`). A name printed twice in one
    // line is one person holding two posts. Namesakes are looked up by name: comparing with
    // every person listed so far was quadratic in a roster's length.
    let scalars = text.scalars
    func sameLine(_ first: Int, _ second: Int) -> Bool {
      let (a, b) = (parsed.persons[first].name.lowerBound, parsed.persons[second].name.lowerBound)
      return !scalars[min(a, b)..<max(a, b)].contains("\n")
    }
    // Names are keyed by their bytes (`TextKey`: `String` hashing normalises every Chinese
    // name first), once each; namesakes and the people listed before under a name are chains
    // of offsets, not arrays per name.
    func adding(_ persons: [Person], to list: inout [Person]) {
      var firstWithName: [TextKey: Int] = [:]
      firstWithName.reserveCapacity(persons.count)
      // For each person, the first of this list with the same name, and the next after it.
      var first = [Int](repeating: 0, count: persons.count)
      var next = [Int](repeating: -1, count: persons.count)
      var last = [Int](repeating: -1, count: persons.count)
      for (index, person) in persons.enumerated() {
        let key = TextKey(person.name)
        if let head = firstWithName[key] {
          first[index] = head
          next[last[head]] = index
          last[head] = index
        } else {
          firstWithName[key] = index
          first[index] = index
          last[index] = index
        }
      }
      // The people listed before under each name, newest first: `listedHead` by a name's first
      // person here, `listedPrevious` by offset in `list`.
      var listedHead = [Int](repeating: -1, count: persons.count)
      var listedPrevious = [Int](repeating: -1, count: list.count)
      listedPrevious.reserveCapacity(list.count + persons.count)
      for (offset, earlier) in list.enumerated() {
        guard let head = firstWithName[TextKey(earlier.name)] else { continue }
        listedPrevious[offset] = listedHead[head]
        listedHead[head] = offset
      }
      for index in persons.indices {
        let head = first[index]
        // The namesakes on this person's line: the first of them reads for all.
        var namesake = head
        while namesake >= 0, !sameLine(namesake, index) { namesake = next[namesake] }
        if namesake >= 0, namesake < index { continue }
        var listed = false
        var earlier = listedHead[head]
        while earlier >= 0, !listed {
          let unit = list[earlier].organization
          var onLine = head
          while onLine >= 0, !listed {
            if sameLine(onLine, index), Self.sameUnit(unit, persons[onLine].organization) { listed = true }
            onLine = next[onLine]
          }
          earlier = listedPrevious[earlier]
        }
        if !listed {
          list.append(persons[index])
          listedPrevious.append(listedHead[head])
          listedHead[head] = list.count - 1
        }
      }
    }
    switch list {
    case .present: adding(persons, to: &reading.attendance.present)
    case .attending: adding(persons, to: &reading.attendance.attending)
    case .absent: adding(persons, to: &reading.attendance.absent)
    case .recorders: adding(persons, to: &reading.attendance.recorders)
    }
    for organization in parsed.organizations {
      reading.organizationRanges.append(organization)
      let name = text.compactString(organization)
      if !reading.attendance.representedOrganizations.contains(name) {
        reading.attendance.representedOrganizations.append(name)
        reading.representedRanges.append(organization)
      }
    }
    reading.unread += parsed.unread
    reading.uncertain += parsed.uncertain
  }

  /// Whether a list separates units by `，` and so joins the names of one unit by `、`
  /// (`市场监管局李旺、姜波，信访局徐波`).
  private static func isTwoLevel(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>]) -> Bool {
    ranges.contains { range in range.contains { scalars[$0] == "，" } } && ranges.contains { range in range.contains { scalars[$0] == "、" } }
  }

  /// Whether two units printed beside one name are the same: equal, or the shorter's
  /// characters in order within the longer (`市自然资源海勃湾分局`, `乌海市自然资源局海勃湾分局`).
  private static func sameUnit(_ first: String?, _ second: String?) -> Bool {
    guard let first, let second else { return first == second }
    let (short, long) = first.unicodeScalars.count <= second.unicodeScalars.count ? (first, second) : (second, first)
    var rest = long.unicodeScalars[...]
    for scalar in short.unicodeScalars {
      guard let at = rest.firstIndex(of: scalar) else { return false }
      rest = rest[rest.index(after: at)...]
    }
    return true
  }

  /// The attendance lists told in the sentences of `range`: each verb with the clauses before
  /// it that list people or units, back to the sentence start or a clause with a verb of its own.
  private func proseLists(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [(List, RosterParser.Result)] {
    var found: [(List, RosterParser.Result)] = []
    var clauseStarts: [Int] = [range.lowerBound]
    var index = range.lowerBound
    // The list the sentence before filled, and the one this sentence's verbs fill.
    var previousList: List? = nil
    var sentenceList: List? = nil
    var sentenceStart = range.lowerBound
    // `…副县长出席会议。县政府办主任黄某、县教育局局长，县城投公司董事长。`: a sentence with no verb
    // of its own, only list entries, goes on with the list of the sentence before.
    func endSentence(at end: Int) {
      defer {
        sentenceStart = end + 1
        sentenceList = nil
      }
      if let list = sentenceList {
        previousList = list
        return
      }
      guard let list = previousList else { return }
      previousList = nil
      let clauses = scalars.split(sentenceStart..<end) { $0 == "，" }
      guard !clauses.isEmpty, clauses.allSatisfy({ isListClause(scalars, $0, alone: false) }) else { return }
      var parsed = roster.parse(scalars, clauses.map { scalars.trimmingSpaces($0) })
      shareTitles(scalars, &parsed.persons, sharingUnits: Self.isTwoLevel(scalars, clauses))
      if readsAsList(parsed) {
        found.append((list, parsed))
        previousList = list
      }
    }
    while index < range.upperBound {
      let s = scalars[index]
      if s.isSentenceEnd || s == "；" {
        endSentence(at: index)
        clauseStarts = [index + 1]
        index += 1
        continue
      }
      if s == "，" {
        clauseStarts.append(index + 1)
        index += 1
        continue
      }
      guard verbStarts(s), let verb = scalars.withUnsafeBufferPointer({ attendanceVerb($0, at: index, limit: range.upperBound) })
      else {
        index += 1
        continue
      }
      // The list: this clause up to the verb, and earlier clauses of the sentence while they
      // read as list entries.
      var chunks = [clauseStarts.last!..<index]
      var position = clauseStarts.count - 1
      while position > 0 {
        let previous = clauseStarts[position - 1]..<(clauseStarts[position] - 1)
        guard isListClause(scalars, previous) else { break }
        chunks.insert(previous, at: 0)
        position -= 1
      }
      var parsed = roster.parse(scalars, chunks.map { scalars.trimmingSpaces($0) })
      shareTitles(scalars, &parsed.persons, sharingUnits: Self.isTwoLevel(scalars, chunks))
      if readsAsList(parsed) {
        found.append((verb.list, parsed))
      }
      sentenceList = verb.list
      index += verb.length
      // `参加会议的有：A，B，C等。`, `列席会议的还有…`: the list follows the verb, to the sentence end.
      if let lead = Self.listLeads.first(where: { scalars.matches($0, at: index) }) {
        var start = index + lead.count
        while start < range.upperBound, scalars[start] == "：" || scalars[start].isHorizontalSpace { start += 1 }
        var end = start
        while end < range.upperBound, !scalars[end].isSentenceEnd, scalars[end] != "；" { end += 1 }
        var listEnd = end
        // `…刘斯武等。`: 等 closes the list.
        if listEnd > start, scalars[listEnd - 1] == "等" { listEnd -= 1 }
        var following = roster.parse(scalars, [scalars.trimmingSpaces(start..<listEnd)])
        shareTitles(scalars, &following.persons, sharingUnits: Self.isTwoLevel(scalars, [start..<listEnd]))
        // `因公务请假的包括…`: the reason before the verb holds for each name without its own.
        let clause = scalars.trimmingSpaces(clauseStarts.last!..<(index - verb.length))
        if verb.list == .absent, clause.count >= 3, clause.count <= 8, scalars[clause.lowerBound] == "因" {
          for person in following.persons.indices where following.persons[person].reason == nil {
            following.persons[person].reason = (clause.lowerBound + 1)..<clause.upperBound
          }
        }
        if readsAsList(following) { found.append((verb.list, following)) }
        index = end
      }
      // What follows the verb is a new clause for the next verb.
      clauseStarts = [index]
    }
    endSentence(at: range.upperBound)
    return found
  }

  /// Prose prints an office once before a `、` list of the people who hold it
  /// (`县政府副县长蔡俊杰、安智辉、孙洁`): each bare name joined to the one before by `、` alone
  /// takes that person's office and unit. A `，` ends the list (`副主任刘志伟，县政协副主席曹凤娥`).
  /// With `sharingUnits`, a unit printed alone before the name shares the same way.
  private func shareTitles(_ scalars: [Unicode.Scalar], _ persons: inout [RosterParser.Entry], sharingUnits: Bool = false) {
    guard persons.count > 1 else { return }
    for index in 1..<persons.count {
      let previous = persons[index - 1]
      guard persons[index].title == nil, persons[index].organization == nil,
        previous.title != nil || (sharingUnits && previous.organization != nil)
      else { continue }
      let gapStart = previous.reason.map { $0.upperBound + 1 } ?? (previous.nameContinuation ?? previous.name).upperBound
      // Entries in print order only (a roster's pairing may put a unit's person first).
      guard gapStart <= persons[index].name.lowerBound else { continue }
      let gap = gapStart..<persons[index].name.lowerBound
      // Only `、` between them, or pieces nothing was made of (a name the copy mangled).
      guard !gap.isEmpty, gap.contains(where: { scalars[$0] == "、" }),
        !gap.contains(where: { scalars[$0] == "，" || scalars[$0] == "；" || scalars[$0].isSentenceEnd })
      else { continue }
      persons[index].title = previous.title
      persons[index].organization = previous.organization
      persons[index].sharesTitle = true
    }
  }

  /// The words after an attendance verb that put its list after it (`参加会议的有：…`).
  private static let listLeads: [[Unicode.Scalar]] = ["的有", "的还有", "的是", "的包括"].map(\.scalars)

  /// A clause that is only a list of people or units (no verb of its own); with `alone`, one
  /// that reads as a list by itself, else one that names no meeting either (a sentence of
  /// entries without a verb: `县教育局局长，县城投公司董事长`).
  private func isListClause(_ scalars: [Unicode.Scalar], _ clause: Range<Int>, alone: Bool = true) -> Bool {
    let trimmed = scalars.trimmingSpaces(clause)
    guard !trimmed.isEmpty, trimmed.count <= 80 else { return false }
    for word in ["主持", "召开", "研究", "审议", "听取", "传达", "进行", "就"] {
      if scalars.firstIndex(of: word.scalars, in: trimmed) != nil { return false }
    }
    if DateReader.dates(in: scalars, trimmed).first != nil { return false }
    if alone { return readsAsList(roster.parse(scalars, [trimmed])) }
    return scalars.firstIndex(of: Self.meetingWord, in: trimmed) == nil
      && !trimmed.contains { at in
        verbStarts(scalars[at]) && scalars.withUnsafeBufferPointer { attendanceVerb($0, at: at, limit: trimmed.upperBound) } != nil
      }
  }

  private static let meetingWord: [Unicode.Scalar] = Array("会议".unicodeScalars)

  /// Whether a clause's entries read as an attendance list: people or units, and fewer pieces
  /// left unread than read (prose mixes groups into its lists: `副主任A、B和各委员`,
  /// `部分党代表、人大代表和政协委员`, a name the copy mangled).
  private func readsAsList(_ parsed: RosterParser.Result) -> Bool {
    let read = parsed.persons.count + parsed.organizations.count
    return read > 0 && parsed.unread.count < read
  }

  /// The attendance lists among `blocks`: each block that opens with an attendance label, and
  /// the roster lines after it that continue its list (the section recognizer decides which
  /// do).
  static func blocks(_ blocks: [StructureBlock]) -> [Block] {
    var lists: [Block] = []
    for block in blocks {
      guard let labelled = block.label, labelled.label.isAttendance else { continue }
      if labelled.opensBlock {
        lists.append(Block(label: labelled.label, ranges: labelled.content.isEmpty ? [] : [labelled.content]))
      } else if labelled.continuesList, !lists.isEmpty, lists[lists.count - 1].label == labelled.label {
        lists[lists.count - 1].ranges.append(labelled.content)
      }
    }
    return lists
  }
}

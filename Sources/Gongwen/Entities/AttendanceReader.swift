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
      shareTitles(scalars, &parsed.persons)
      add(parsed, to: list, text, &reading)
    }
    for range in prose {
      for (list, parsed) in proseLists(scalars, range) { add(parsed, to: list, text, &reading) }
    }
    return reading
  }

  private func add(_ parsed: RosterParser.Result, to list: List, _ text: LexicalText, _ reading: inout Reading) {
    for entry in parsed.persons {
      if let organization = entry.organization, let recognized = entry.recognized {
        reading.fullNames[TextKey(text.compactString(organization))] = .some(recognized.fullName)
      }
    }
    let persons = parsed.persons.map { entry -> Person in
      var covered = entry.name
      let parts = entry.sharesTitle ? [entry.nameContinuation, entry.reason] : [entry.nameContinuation, entry.title, entry.organization, entry.reason]
      for part in parts {
        if let part { covered = min(covered.lowerBound, part.lowerBound)..<max(covered.upperBound, part.upperBound) }
      }
      var name = text.compactString(entry.name)
      if let continuation = entry.nameContinuation { name += text.compactString(continuation) }
      return Person(
        name: name,
        title: entry.title.map { text.compactString($0) },
        organization: entry.organization.map { text.compactString($0) },
        reason: entry.reason.map { text.compactString($0) },
        range: text.sourceRange(of: covered))
    }
    // A person listed again under another agenda item (`第一至五议题：…`, `第九议题：…`) attends once.
    // Looked up in a set: comparing with every person listed so far was quadratic in a roster's
    // length, and a fifth of a long roster's parse.
    struct Listed: Hashable {
      var name: String
      var organization: String?
    }
    func adding(_ persons: [Person], to list: inout [Person]) {
      var listed = Set(list.map { Listed(name: $0.name, organization: $0.organization) })
      for person in persons where listed.insert(Listed(name: person.name, organization: person.organization)).inserted {
        list.append(person)
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
  }

  /// The attendance lists told in the sentences of `range`: each verb with the clauses before
  /// it that list people or units, back to the sentence start or a clause with a verb of its own.
  private func proseLists(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [(List, RosterParser.Result)] {
    var found: [(List, RosterParser.Result)] = []
    var clauseStarts: [Int] = [range.lowerBound]
    var index = range.lowerBound
    while index < range.upperBound {
      let s = scalars[index]
      if s.isSentenceEnd || s == "；" {
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
      shareTitles(scalars, &parsed.persons)
      if readsAsList(parsed) {
        found.append((verb.list, parsed))
      }
      // What follows the verb is a new clause for the next verb.
      index += verb.length
      clauseStarts = [index]
    }
    return found
  }

  /// Prose prints an office once before a `、` list of the people who hold it
  /// (`县政府副县长蔡俊杰、安智辉、孙洁`): each bare name joined to the one before by `、` alone
  /// takes that person's office and unit. A `，` ends the list (`副主任刘志伟，县政协副主席曹凤娥`).
  private func shareTitles(_ scalars: [Unicode.Scalar], _ persons: inout [RosterParser.Entry]) {
    guard persons.count > 1 else { return }
    for index in 1..<persons.count {
      let previous = persons[index - 1]
      guard persons[index].title == nil, persons[index].organization == nil, previous.title != nil else { continue }
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

  /// A clause that is only a list of people or units (no verb of its own).
  private func isListClause(_ scalars: [Unicode.Scalar], _ clause: Range<Int>) -> Bool {
    let trimmed = scalars.trimmingSpaces(clause)
    guard !trimmed.isEmpty, trimmed.count <= 80 else { return false }
    for word in ["主持", "召开", "研究", "审议", "听取", "传达", "进行", "就"] {
      if scalars.firstIndex(of: word.scalars, in: trimmed) != nil { return false }
    }
    if DateReader.dates(in: scalars, trimmed).first != nil { return false }
    return readsAsList(roster.parse(scalars, [trimmed]))
  }

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

import GongwenModel

/// Reads the meeting minutes record from their opening sentence —
/// `{date}{time of day}，{chair}{title}主持召开{organ}第{n}次{type}，{agenda}。` and its variants:
/// the title before the name or a chain of offices (`市委副书记、市长李亚平`), a delegate
/// (`受市长委托，副市长张伟主持`), a place (`在三楼会议室`), sessions as `五届104次`,
/// `四届五十一次`, `2024年第27次（扩大）` — and from header lines (`主持人：`, `时间：`).
struct MeetingReader {
  let lexicon: Lexicon

  struct Reading {
    var meeting: Meeting
    var chairName: Range<Int>?
    var chairTitle: Range<Int>?
    /// The sentence the values came from.
    var sentence: Range<Int>?
    var date: DateMatch?
    var delegatedBy: String?
  }

  private static let convene: [[Unicode.Scalar]] = ["主持召开", "主持"].map(\.scalars)
  private static let conveneWithoutChair: [[Unicode.Scalar]] = ["召开", "举行"].map(\.scalars)
  private static let chairs: [Unicode.Scalar] = "主持".scalars.map { $0 }
  private static let times: [[Unicode.Scalar]] = ["上午", "下午", "晚上", "中午"].map(\.scalars)
  private static let entrusted: [[Unicode.Scalar]] = ["委托"].map(\.scalars)

  /// Reads the meeting from `blocks` (the opening paragraphs), or nil when none names one.
  func read(_ text: LexicalText, _ blocks: [StructureBlock]) -> Reading? {
    let scalars = text.scalars
    var headerChair: Range<Int>? = nil
    var headerDate: DateMatch? = nil
    for block in blocks {
      guard let labelled = block.label else { continue }
      switch labelled.label {
      case .chair: headerChair = labelled.content
      case .time: headerDate = DateReader.dates(in: scalars, labelled.content).first
      default: break
      }
    }
    // Header lines (`主持人：`, `时间：`) are read above; the sentences are in the others.
    // A report's headline (`郭海磊主持召开县政府第49次常务会议`) convenes the meeting its first
    // sentence tells again with the date: a dated reading in the next blocks is preferred.
    var undated: Reading? = nil
    var blocksSinceUndated = 0
    for block in blocks where block.label == nil {
      if undated != nil {
        blocksSinceUndated += 1
        if blocksSinceUndated > 3 { break }
      }
      if var reading = readSentence(text, block.range) {
        if reading.date == nil, let headerDate {
          reading.date = headerDate
          reading.meeting.date = headerDate.value.iso
        }
        if reading.date != nil { return reading }
        if undated == nil { undated = reading }
      }
    }
    if let undated { return undated }
    guard let headerChair, let person = PersonPhraseReader(lexicon: lexicon).read(scalars, headerChair, separatingOrganization: true) else { return nil }
    var meeting = Meeting(chair: Meeting.Chair(name: text.compactString(person.name), title: person.title.map { text.compactString($0) }))
    meeting.date = headerDate?.value.iso
    return Reading(meeting: meeting, chairName: person.name, chairTitle: person.title, sentence: headerChair, date: headerDate)
  }

  /// The first sentence of `range` that convenes a meeting (`主持召开`, `主持`, or `召开` with the
  /// convener as its subject), read.
  private func readSentence(_ text: LexicalText, _ range: Range<Int>) -> Reading? {
    let scalars = text.scalars
    let line = scalars.trimmingSpaces(range)
    guard !line.isEmpty else { return nil }
    var sentenceStart = line.lowerBound
    while sentenceStart < line.upperBound {
      var sentenceEnd = sentenceStart
      while sentenceEnd < line.upperBound && !scalars[sentenceEnd].isSentenceEnd { sentenceEnd += 1 }
      let sentence = sentenceStart..<sentenceEnd
      for (words, withoutChair) in [(Self.convene, false), (Self.conveneWithoutChair, true)] {
        for word in words {
          if let at = scalars.firstIndex(of: word, in: sentence) {
            var reading = read(text, sentence, conveningAt: at, length: word.count, withoutChair: withoutChair)
            if withoutChair, reading?.meeting.chair == nil, let chair = chairSentence(text, after: sentence.upperBound, in: line) {
              // `…会议召开。王友军主持会议。`: the chair is named in a sentence of its own.
              reading?.chairName = chair.name
              reading?.chairTitle = chair.title
              reading?.meeting.chair = Meeting.Chair(
                name: text.compactString(chair.name), title: chair.title.map { text.compactString($0) })
            }
            return reading
          }
        }
      }
      sentenceStart = sentenceEnd + 1
    }
    return nil
  }

  /// The chair of a meeting convened without one, from the next clauses of the paragraph:
  /// `{office}{name}主持会议` or `{name}{office}主持会议` (`栗战书委员长主持会议`).
  private func chairSentence(_ text: LexicalText, after start: Int, in line: Range<Int>) -> PersonPhraseReader.Reading? {
    let scalars = text.scalars
    let search = start..<min(line.upperBound, start + 80)
    guard let at = scalars.firstIndex(of: Self.chairs, in: search) else { return nil }
    var clauseStart = at
    while clauseStart > search.lowerBound && !scalars[clauseStart - 1].isClauseBoundary && !scalars[clauseStart - 1].isSentenceEnd {
      clauseStart -= 1
    }
    guard let person = PersonPhraseReader(lexicon: lexicon).read(scalars, clauseStart..<at, separatingOrganization: true) else {
      return nil
    }
    return person
  }

  private func read(
    _ text: LexicalText, _ sentence: Range<Int>, conveningAt at: Int, length conveneLength: Int, withoutChair: Bool
  ) -> Reading? {
    let scalars = text.scalars
    let sentenceStart = sentence.lowerBound
    let sentenceEnd = sentence.upperBound
    var reading = Reading(meeting: Meeting(), sentence: sentenceStart..<sentenceEnd)
    let before = sentenceStart..<at

    // Date and time of day: the date nearest before the chair (a web copy may print its own
    // publication date earlier in the sentence), and 上午/下午/晚上 after it.
    var timeSearch = before
    if let date = DateReader.dates(in: scalars, before).last {
      reading.date = date
      reading.meeting.date = date.value.iso
      timeSearch = date.range.lowerBound..<before.upperBound
    }
    for time in Self.times {
      if let found = scalars.firstIndex(of: time, in: timeSearch) {
        reading.meeting.timeOfDay = text.string(found..<(found + time.count))
        break
      }
    }

    // The chair: the clause before 主持, without a place (`在…`) and after a delegation.
    var clauseStart = at
    while clauseStart > sentenceStart && !scalars[clauseStart - 1].isClauseBoundary { clauseStart -= 1 }
    var chairPhrase = clauseStart..<at
    if let place = placeStart(scalars, chairPhrase) {
      reading.meeting.place = text.compactString(place..<at)
      chairPhrase = chairPhrase.lowerBound..<place
    }
    if withoutChair {
      // The subject is the first clause: drop what follows the name and office (`到隆中…`).
      chairPhrase = subjectPhrase(scalars, sentenceStart..<at) ?? chairPhrase
    }
    reading.delegatedBy = delegation(text, sentenceStart..<clauseStart)
    let people = PersonPhraseReader(lexicon: lexicon)
    // The chair's title is the office alone: a unit before it (`清水县政府县长`) is not part of it.
    var person = people.read(scalars, afterDate(scalars, chairPhrase, reading.date), separatingOrganization: true)
    if person == nil, !withoutChair, let subject = subjectPhrase(scalars, sentenceStart..<at) {
      // `欧阳晓峰区长率…赴…，并主持召开`: the chair is the subject of the sentence.
      person = people.read(scalars, subject, separatingOrganization: true)
    }
    if let person {
      reading.chairName = person.name
      reading.chairTitle = person.title
      reading.meeting.chair = Meeting.Chair(
        name: text.compactString(person.name), title: person.title.map { text.compactString($0) },
        delegatedBy: reading.delegatedBy)
    }

    // What was convened: organ, session and type, up to the end of the clause.
    var agendaEnd = at + conveneLength
    while agendaEnd < sentenceEnd && !scalars[agendaEnd].isClauseBoundary { agendaEnd += 1 }
    readConvened(text, (at + conveneLength)..<agendaEnd, into: &reading.meeting)
    // `县十六届人大常委会第五次会议召开`, `…委员长会议在人民大会堂举行，栗战书委员长主持会议`: the
    // meeting is the subject, before the verb and any place.
    let heldAt = withoutChair ? at : Self.conveneWithoutChair.lazy.compactMap { scalars.lastIndex(of: $0, in: sentenceStart..<at) }.first
    if reading.meeting.type == nil, let heldAt, !withoutChair || reading.meeting.chair == nil {
      let at = heldAt
      var subjectStart = at
      while subjectStart > sentenceStart && !scalars[subjectStart - 1].isClauseBoundary { subjectStart -= 1 }
      var subject = subjectStart..<at
      if let place = placeStart(scalars, subject) { subject = subject.lowerBound..<place }
      if let date = reading.date, subject.contains(date.range.lowerBound) {
        subject = min(date.range.upperBound, subject.upperBound)..<subject.upperBound
      }
      readConvened(text, subject, into: &reading.meeting)
    }
    return reading
  }

  /// Where a place phrase `在…` begins inside the chair's clause.
  private func placeStart(_ scalars: [Unicode.Scalar], _ clause: Range<Int>) -> Int? {
    guard let place = clause.first(where: { scalars[$0] == "在" }), place > clause.lowerBound + 1 else { return nil }
    return place
  }

  /// The office a `受…委托` clause names (`受市长委托` → 市长, `受花建慧副省长委托` → 副省长).
  private func delegation(_ text: LexicalText, _ range: Range<Int>) -> String? {
    let scalars = text.scalars
    guard let accept = range.first(where: { scalars[$0] == "受" }) else { return nil }
    for word in Self.entrusted {
      guard let end = scalars.firstIndex(of: word, in: accept..<range.upperBound) else { continue }
      let inside = (accept + 1)..<end
      let title = lexicon.titleLength(in: scalars, endingAt: end)
      return title > 0 ? text.compactString((end - title)..<end) : text.compactString(inside)
    }
    return nil
  }

  /// The subject of a sentence without 主持: its first clause up to a verb of movement or
  /// action (`市长别必雄到隆中…` → `市长别必雄`).
  private func subjectPhrase(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound
    // Skip a leading date clause.
    if let date = DateReader.dates(in: scalars, range).first {
      start = date.range.upperBound
      while start < range.upperBound && (scalars[start].isClauseBoundary || scalars[start].isHorizontalSpace) { start += 1 }
      for time in Self.times where scalars.matches(time, at: start) { start += time.count }
      while start < range.upperBound && (scalars[start].isClauseBoundary || scalars[start].isHorizontalSpace) { start += 1 }
    }
    let people = PersonPhraseReader(lexicon: lexicon)
    for end in stride(from: min(range.upperBound, start + 12), through: start + 2, by: -1) {
      if let person = people.read(scalars, start..<end), person.title != nil { return start..<end }
    }
    return nil
  }

  /// The chair's clause without a date and time of day before it (`9月23日下午,庄天慧` → `庄天慧`).
  private func afterDate(_ scalars: [Unicode.Scalar], _ clause: Range<Int>, _ date: DateMatch?) -> Range<Int> {
    var start = clause.lowerBound
    if let date, date.range.upperBound > start, date.range.upperBound <= clause.upperBound { start = date.range.upperBound }
    for time in Self.times where scalars.matches(time, at: start) { start += time.count }
    return start..<clause.upperBound
  }

  /// Organ, session and type from `市政府第126次常务会议`, `十一届党委常委会第167次会议`,
  /// `市國動辦黨組2024年第27次(擴大)會議`, `五届104次区政府常务会议`, `现场办公会`.
  private func readConvened(_ text: LexicalText, _ range: Range<Int>, into meeting: inout Meeting) {
    let scalars = text.scalars
    let clause = scalars.trimmingSpaces(range)
    guard !clause.isEmpty else { return }
    var sessionRange: Range<Int>? = nil
    var index = clause.lowerBound
    while index < clause.upperBound {
      if scalars[index] == "次", let (value, start) = sessionNumber(scalars, endingAt: index, from: clause.lowerBound) {
        meeting.session = value
        sessionRange = start..<(index + 1)
        break
      }
      index += 1
    }
    var rest = sessionRange.map { $0.upperBound..<clause.upperBound } ?? clause
    // `（扩大）`
    if let first = rest.first, scalars[first].isOpeningBracket,
      let close = rest.first(where: { scalars[$0].isClosingBracket }), close - first <= 4
    {
      rest = (close + 1)..<rest.upperBound
    }
    let before = clause.lowerBound..<(sessionRange?.lowerBound ?? clause.lowerBound)
    if let kind = meetingKind(scalars, endingIn: rest), kind.upperBound == rest.upperBound || sessionRange != nil {
      if !scalars[kind].elementsEqual("会议".scalars) {
        meeting.type = text.compactString(kind)
        meeting.organ = organ(text, before.isEmpty ? clause.lowerBound..<kind.lowerBound : before)
        return
      }
    }
    // `…党委常委会第167次会议`: the kind comes before the number.
    if var kind = meetingKind(scalars, endingIn: before, anywhere: true) {
      // `党委常委会`: the body that holds it is the organ, the kind is `常委会`.
      for body in Self.bodies where scalars.matches(body, at: kind.lowerBound) && kind.count - body.count >= 3 {
        kind = (kind.lowerBound + body.count)..<kind.upperBound
      }
      meeting.type = text.compactString(kind)
      meeting.organ = organ(text, before.lowerBound..<kind.lowerBound)
      return
    }
    // `…黨組2024年第27次(擴大)會議`: a body's own meeting, named after the body.
    for body in Self.bodies {
      if let found = scalars.lastIndex(of: body, in: before) {
        meeting.type = text.compactString(found..<(found + body.count)) + text.compactString(rest)
        meeting.organ = organ(text, before.lowerBound..<(found + body.count))
        return
      }
    }
  }

  /// Bodies whose meetings go by their name: a 党组 holds a 党组会议.
  private static let bodies: [[Unicode.Scalar]] = ["党组", "党委"].map(\.scalars)

  /// The session number ending with `次` at `end`: `第126次`, `第二十一次`, `五届104次`, `四届五十一次`.
  private func sessionNumber(_ scalars: [Unicode.Scalar], endingAt end: Int, from lower: Int) -> (Int, Int)? {
    var start = end
    while start > lower && (scalars[start - 1].isASCIIDigit || ChineseNumeral.isNumeralScalar(scalars[start - 1])) {
      start -= 1
    }
    guard start < end, let value = ChineseNumeral.value(of: scalars[start..<end]), value > 0 else { return nil }
    if start > lower, scalars[start - 1] == "第" { return (value, start - 1) }
    if start > lower, scalars[start - 1] == "届" {
      var first = start - 1
      while first > lower && ChineseNumeral.isNumeralScalar(scalars[first - 1]) { first -= 1 }
      return (value, first)
    }
    return nil
  }

  /// The longest meeting kind (a meeting term ending in 会 or 会议) at the end of `range`, or
  /// anywhere in it with `anywhere`.
  private func meetingKind(_ scalars: [Unicode.Scalar], endingIn range: Range<Int>, anywhere: Bool = false) -> Range<Int>? {
    guard !range.isEmpty else { return nil }
    let ends = anywhere ? Array(range.reversed()).map { $0 + 1 } : [range.upperBound]
    for end in ends {
      for match in lexicon.matches(in: scalars, endingAt: end, lowerLimit: range.lowerBound, categories: .meetingTerm) {
        let last = scalars[end - 1]
        let previous = end >= 2 ? scalars[end - 2] : " "
        let isKind = last == "会" || ((last == "议") && (previous == "会"))
        if isKind && match.range.count >= 2 { return match.range }
      }
    }
    return nil
  }

  private func organ(_ text: LexicalText, _ range: Range<Int>) -> String? {
    let scalars = text.scalars
    var start = range.lowerBound
    if scalars.matches("本届".scalars, at: start) { start += 2 }
    let organ = scalars.trimmingSpaces(start..<range.upperBound)
    return organ.isEmpty ? nil : text.compactString(organ)
  }
}

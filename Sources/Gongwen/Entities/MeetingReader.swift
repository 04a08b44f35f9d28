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
    /// Whether the date was read from digits whose 年/月/日 the copy lost (`9 2 ,…主持召开`).
    var dateFromBareDigits = false
    /// The year the meeting's name prints with its number (`2022年第9次常务会议`).
    var sessionYear: Int?
    var delegatedBy: String?
  }

  private static let convene: [[Unicode.Scalar]] = ["主持召开", "主持"].map(\.scalars)
  private static let conveneWithoutChair: [[Unicode.Scalar]] = ["召开", "举行", "开幕"].map(\.scalars)
  private static let chairs: [Unicode.Scalar] = "主持".scalars.map { $0 }
  private static let meetingWord: [Unicode.Scalar] = "会议".scalars.map { $0 }
  private static let times: [[Unicode.Scalar]] = ["上午", "下午", "晚上", "中午"].map(\.scalars)
  private static let entrusted: [[Unicode.Scalar]] = ["委托"].map(\.scalars)

  /// Verbs a news headline reports a meeting with: the opening's verbs (`…主持召开…会议`,
  /// `…举行第六次委员长会议`) and `调度` (`县领导调度…项目`).
  private static let headlineVerbs: [[Unicode.Scalar]] = convene + conveneWithoutChair + [Array("调度".unicodeScalars)]

  /// Whether `range` reports a meeting the way a news headline does.
  static func reportsMeeting(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    headlineVerbs.contains { scalars.firstIndex(of: $0, in: range) != nil }
  }

  /// Reads the meeting from `blocks` (the opening paragraphs), or nil when none names one. A
  /// title that names the meeting (`某市政府第5次常务会议纪要`, its kind word starting at
  /// `titleKind`) gives the type and number when the opening prints neither (minutes whose head
  /// is `会议时间：…` / `主持人：…` lines); a report's `headline` (`张华主持召开县政府第10次常务会议`)
  /// names the chair its text leaves out, with the office the text prints beside the same name.
  func read(
    _ text: LexicalText, _ blocks: [StructureBlock], title: Range<Int>? = nil, titleKind: Int? = nil, headline: [Range<Int>] = []
  ) -> Reading? {
    guard var reading = readOpening(text, blocks) else { return nil }
    if reading.meeting.chair == nil, let person = headline.lazy.compactMap({ self.chairSentence(text, after: $0.lowerBound, in: $0) }).first {
      setChair(&reading, person, text)
      let paragraphs = blocks.filter { $0.label == nil }.map(\.range).prefix(Self.completingBlocks)
      if person.title == nil, let office = paragraphs.lazy.compactMap({ self.printedOffice(of: person.name, text.scalars, in: $0) }).first {
        reading.chairTitle = office
        reading.meeting.chair?.title = text.compactString(office)
      }
    }
    if reading.meeting.type == nil, reading.meeting.session == nil, let title, let titleKind, titleKind > title.lowerBound {
      var named = Meeting()
      readConvened(text, title.lowerBound..<titleKind, into: &named)
      reading.meeting.type = named.type
      reading.meeting.session = named.session
      if reading.meeting.organ == nil { reading.meeting.organ = named.organ }
    }
    return reading
  }

  private func readOpening(_ text: LexicalText, _ blocks: [StructureBlock]) -> Reading? {
    let scalars = text.scalars
    var headerChair: Range<Int>? = nil
    var headerDate: DateMatch? = nil
    var headerTime: String? = nil
    for block in blocks {
      guard let labelled = block.label else { continue }
      switch labelled.label {
      case .chair: headerChair = labelled.content
      case .time:
        headerDate = DateReader.dates(in: scalars, labelled.content).first
        headerTime = Self.times.lazy.compactMap { time in
          scalars.firstIndex(of: time, in: labelled.content).map { text.string($0..<($0 + time.count)) }
        }.first
      default: break
      }
    }
    // Header lines (`主持人：`, `时间：`) are read above; the sentences are in the others.
    // A report's headline (`郭海磊主持召开县政府第49次常务会议`) convenes the meeting its first
    // sentence tells again with the date: a dated reading in the next blocks is preferred.
    // Short lines (a page's `大` `中` `小`) do not count as blocks between the two.
    let sentences = blocks.filter { $0.label == nil }.map(\.range)
    var undated: (reading: Reading, block: Int)? = nil
    var blocksSinceUndated = 0
    for (index, range) in sentences.enumerated() {
      if undated != nil, scalars.trimmingSpaces(range).count >= Self.shortLine {
        blocksSinceUndated += 1
        if blocksSinceUndated > 3 { break }
      }
      if var reading = readSentence(text, range) {
        if reading.date == nil, let headerDate {
          reading.date = headerDate
          reading.meeting.date = headerDate.value.iso
          if reading.meeting.timeOfDay == nil { reading.meeting.timeOfDay = headerTime }
        }
        if reading.date != nil { return completed(reading, text, sentences, from: index) }
        if undated == nil { undated = (reading, index) }
      }
    }
    if let undated { return completed(undated.reading, text, sentences, from: undated.block) }
    guard let headerChair, let person = chair(scalars, headerChair) else { return nil }
    var meeting = Meeting(chair: Meeting.Chair(name: text.compactString(person.name), title: person.title.map { text.compactString($0) }))
    meeting.date = headerDate?.value.iso
    meeting.timeOfDay = headerTime
    return Reading(meeting: meeting, chairName: person.name, chairTitle: person.title, sentence: headerChair, date: headerDate)
  }

  /// The meeting named before its verb without the day and time of day that follow it
  /// (`…第六次委员长会议21日下午` → `…第六次委员长会议`).
  private func withoutWhen(_ scalars: [Unicode.Scalar], _ subject: Range<Int>) -> Range<Int> {
    var end = withoutTimeOfDay(scalars, subject).upperBound
    guard end > subject.lowerBound, scalars[end - 1] == "日" || scalars[end - 1] == "号" else { return subject.lowerBound..<end }
    var start = end - 1
    while start > subject.lowerBound, scalars[start - 1].isASCIIDigit || ChineseNumeral.isNumeralScalar(scalars[start - 1]) {
      start -= 1
    }
    if start < end - 1, end - 1 - start <= 3 { end = start }
    return subject.lowerBound..<end
  }

  /// `clause` without the time of day that ends it (`814日上午` → `814日`).
  private func withoutTimeOfDay(_ scalars: [Unicode.Scalar], _ clause: Range<Int>) -> Range<Int> {
    let trimmed = scalars.trimmingSpaces(clause)
    for time in Self.times where trimmed.count > time.count && scalars.matches(time, at: trimmed.upperBound - time.count) {
      return trimmed.lowerBound..<(trimmed.upperBound - time.count)
    }
    return trimmed
  }

  /// The first `word` of `sentence` that is a verb: `主持人` (the office) is not `主持`.
  private func verb(_ word: [Unicode.Scalar], _ scalars: [Unicode.Scalar], in sentence: Range<Int>) -> Int? {
    var search = sentence
    while let at = scalars.firstIndex(of: word, in: search) {
      let after = at + word.count
      if after >= sentence.upperBound || scalars[after] != "人" { return at }
      search = after..<sentence.upperBound
    }
    return nil
  }

  /// Whether the question mark at `index` is one of a run that masks characters (`???镇政府镇长`),
  /// not the end of a sentence.
  private func isMask(_ scalars: [Unicode.Scalar], _ index: Int, in line: Range<Int>) -> Bool {
    func isQuestionMark(_ i: Int) -> Bool { line.contains(i) && (scalars[i] == "?" || scalars[i] == "？") }
    return isQuestionMark(index) && (isQuestionMark(index - 1) || isQuestionMark(index + 1))
  }

  /// Lines shorter than this (a page's font-size links) are not paragraphs of the report.
  private static let shortLine = 6
  /// How many paragraphs after the opening sentence may tell what it left out.
  private static let completingBlocks = 3

  /// The year printed before the session number in `sentence` (`2022年第9次`), or nil.
  private func sessionYear(_ scalars: [Unicode.Scalar], in sentence: Range<Int>) -> Int? {
    for index in sentence where scalars[index] == "年" && index + 1 < sentence.upperBound && scalars[index + 1] == "第" {
      guard index - 4 >= sentence.lowerBound, (index - 4..<index).allSatisfy({ scalars[$0].isASCIIDigit }),
        index - 5 < sentence.lowerBound || !scalars[index - 5].isASCIIDigit
      else { continue }
      var end = index + 2
      while end < sentence.upperBound, scalars[end].isASCIIDigit || ChineseNumeral.isNumeralScalar(scalars[end]) { end += 1 }
      guard end > index + 2, end < sentence.upperBound, scalars[end] == "次" else { continue }
      let year = (index - 4..<index).reduce(0) { $0 * 10 + Int(scalars[$1].value - 0x30) }
      if (1900...2100).contains(year) { return year }
    }
    return nil
  }

  /// `reading` (of paragraph `index` of `paragraphs`) with what the next paragraphs tell of
  /// the same meeting: the chair named in a sentence of its own (`会议由区政协主席X主持`),
  /// and a second telling of the meeting (a news report tells it under its photo and again in its
  /// text, `…第二次会议14日上午在北京举行`) for the time of day, session, place and chair it left
  /// out; then the office of a chair named without one, where the paragraph prints it beside
  /// the same name (`县人大常务副主任王友军,…出席会议…王友军主持会议`).
  private func completed(_ reading: Reading, _ text: LexicalText, _ paragraphs: [Range<Int>], from index: Int) -> Reading {
    var reading = reading
    let scalars = text.scalars
    if let sentence = reading.sentence { reading.sessionYear = sessionYear(scalars, in: sentence) }
    // Paragraphs of sentences: the decks of a headline repeated in the text are passed over.
    let next = paragraphs[(index + 1)...].filter { paragraph in
      scalars.trimmingSpaces(paragraph).count >= Self.shortLine && paragraph.contains { scalars[$0].isClauseBoundary && scalars[$0] != "\n" }
    }.prefix(Self.completingBlocks)
    for paragraph in next {
      if reading.meeting.chair == nil, let person = chairSentence(text, after: paragraph.lowerBound, in: paragraph, anywhere: false) {
        setChair(&reading, person, text)
      }
      guard let again = readSentence(text, paragraph) else { continue }
      // The same meeting: the same kind or number printed in both, and nothing that differs.
      let sameType = again.meeting.type == nil || reading.meeting.type == nil || again.meeting.type == reading.meeting.type
      let sameSession = again.meeting.session == nil || reading.meeting.session == nil || again.meeting.session == reading.meeting.session
      let named =
        (again.meeting.type != nil && again.meeting.type == reading.meeting.type)
        || (again.meeting.session != nil && again.meeting.session == reading.meeting.session)
      guard sameType, sameSession, named else { continue }
      if reading.meeting.timeOfDay == nil { reading.meeting.timeOfDay = again.meeting.timeOfDay }
      if reading.meeting.session == nil { reading.meeting.session = again.meeting.session }
      if reading.meeting.type == nil { reading.meeting.type = again.meeting.type }
      if reading.meeting.place == nil { reading.meeting.place = again.meeting.place }
      if reading.meeting.chair == nil, let name = again.chairName {
        reading.meeting.chair = again.meeting.chair
        reading.chairName = name
        reading.chairTitle = again.chairTitle
      }
    }
    if reading.chairTitle == nil, let name = reading.chairName, let paragraph = paragraphs.first(where: { $0.contains(name.lowerBound) }),
      let title = printedOffice(of: name, scalars, in: paragraph)
    {
      reading.chairTitle = title
      reading.meeting.chair?.title = text.compactString(title)
    }
    return reading
  }

  private func setChair(_ reading: inout Reading, _ person: PersonPhraseReader.Reading, _ text: LexicalText) {
    reading.chairName = person.name
    reading.chairTitle = person.title
    reading.meeting.chair = Meeting.Chair(
      name: text.compactString(person.name), title: person.title.map { text.compactString($0) }, delegatedBy: reading.delegatedBy)
  }

  /// The office printed right before another mention of the name at `name` in `paragraph`
  /// (`县人大常务副主任王友军`), the last of its chain.
  private func printedOffice(of name: Range<Int>, _ scalars: [Unicode.Scalar], in paragraph: Range<Int>) -> Range<Int>? {
    let word = Array(scalars[name])
    var search = paragraph
    while let found = scalars.firstIndex(of: word, in: search) {
      search = (found + word.count)..<paragraph.upperBound
      guard found != name.lowerBound else { continue }
      var clauseStart = found
      while clauseStart > paragraph.lowerBound && !scalars[clauseStart - 1].isClauseBoundary && scalars[clauseStart - 1] != "、" {
        clauseStart -= 1
      }
      if let person = chair(scalars, clauseStart..<(found + word.count)), person.name == found..<(found + word.count),
        let title = person.title
      {
        return title
      }
    }
    return nil
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
      while sentenceEnd < line.upperBound && !(scalars[sentenceEnd].isSentenceEnd && !isMask(scalars, sentenceEnd, in: line)) {
        sentenceEnd += 1
      }
      let sentence = sentenceStart..<sentenceEnd
      for (words, withoutChair) in [(Self.convene, false), (Self.conveneWithoutChair, true)] {
        for word in words {
          if let at = verb(word, scalars, in: sentence) {
            var reading = read(text, sentence, conveningAt: at, length: word.count, withoutChair: withoutChair)
            if withoutChair, reading?.meeting.chair == nil, let chair = chairSentence(text, after: sentence.upperBound, in: line) {
              // `…会议召开。王友军主持会议。`: the chair is named in a sentence of its own.
              if var found = reading {
                setChair(&found, chair, text)
                reading = found
              }
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
  /// `{office}{name}主持会议` or `{name}{office}主持会议` (`栗战书委员长主持会议`), `会议由{chair}主持`.
  /// In a later paragraph (not `anywhere`) only a sentence that opens with it, or with the
  /// meeting (`会议由…主持`), counts.
  private func chairSentence(
    _ text: LexicalText, after start: Int, in line: Range<Int>, anywhere: Bool = true
  ) -> PersonPhraseReader.Reading? {
    let scalars = text.scalars
    let search = start..<min(line.upperBound, start + 80)
    guard let at = verb(Self.chairs, scalars, in: search) else { return nil }
    if !anywhere {
      let opening = scalars.trimmingSpaces(search).lowerBound
      var sentenceStart = at
      while sentenceStart > opening && !scalars[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
      guard sentenceStart == opening || scalars.matches(Self.meetingWord, at: sentenceStart) else { return nil }
    }
    var clauseStart = at
    while clauseStart > search.lowerBound && !scalars[clauseStart - 1].isClauseBoundary && !scalars[clauseStart - 1].isSentenceEnd {
      clauseStart -= 1
    }
    guard let person = chair(scalars, (agentStart(scalars, clauseStart..<at).map { $0 + 1 } ?? clauseStart)..<at) else {
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
    } else if let clause = before.firstIndex(where: { scalars[$0].isClauseBoundary }).map({ sentenceStart..<$0 }),
      let date = DateReader.withLostMarks(scalars, withoutTimeOfDay(scalars, clause))
    {
      // `9 2 ,区人大党组副书记贺景福主持召开会议`: the first clause is the date without its marks.
      reading.date = date
      reading.dateFromBareDigits = true
      reading.meeting.date = date.value.iso
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
    // `在区建委由张主任主持`: 由 introduces the chair, after the place.
    if let agent = agentStart(scalars, chairPhrase) {
      if let place = placeStart(scalars, chairPhrase.lowerBound..<agent) {
        reading.meeting.place = text.compactString(place..<agent)
      }
      chairPhrase = (agent + 1)..<at
    } else if let place = placeStart(scalars, chairPhrase) {
      reading.meeting.place = text.compactString(place..<at)
      chairPhrase = chairPhrase.lowerBound..<place
    }
    if withoutChair {
      // The subject is the first clause: drop what follows the name and office (`到隆中…`).
      chairPhrase = subjectPhrase(scalars, sentenceStart..<at) ?? chairPhrase
    }
    reading.delegatedBy = delegation(text, sentenceStart..<clauseStart)
    // The chair's title is the office alone: a unit before it (`清水县政府县长`) is not part of it.
    var person = chair(scalars, afterDate(scalars, chairPhrase, reading.date))
    if person == nil, !withoutChair, let subject = subjectPhrase(scalars, sentenceStart..<at) {
      // `欧阳晓峰区长率…赴…，并主持召开`: the chair is the subject of the sentence.
      person = chair(scalars, subject)
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
      subject = withoutWhen(scalars, subject)
      if let date = reading.date, subject.contains(date.range.lowerBound) {
        if date.range.lowerBound > subject.lowerBound, date.range.upperBound >= subject.upperBound {
          // `市政府第126次常务会议于2021年1月23日召开`: the date follows the meeting.
          var end = date.range.lowerBound
          if end > subject.lowerBound, scalars[end - 1] == "于" { end -= 1 }
          subject = subject.lowerBound..<end
        } else {
          subject = min(date.range.upperBound, subject.upperBound)..<subject.upperBound
        }
      }
      readConvened(text, subject, into: &reading.meeting)
      if reading.meeting.type == nil && reading.meeting.session == nil {
        // `市政府召开第十二次常务会议,市长张华主持会议`: the meeting is the verb's object.
        let verbLength = Self.conveneWithoutChair.first { scalars.matches($0, at: at) }?.count ?? 0
        var objectEnd = at + verbLength
        while objectEnd < sentenceEnd && !scalars[objectEnd].isClauseBoundary { objectEnd += 1 }
        readConvened(text, (at + verbLength)..<objectEnd, into: &reading.meeting)
      }
    }
    return reading
  }

  /// The chair printed in `range`: a person with the office beside the name, or a surname with
  /// it (`张主任`); the office is the last of the chain without the unit before it
  /// (`秦安县委书记` → 书记, `区政府代理区长` → 代理区长) but with a party group's, which is the
  /// body's own (`区人大党组副书记` → 党组副书记). An office alone (`代县长`, a masked name) is no chair.
  private func chair(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> PersonPhraseReader.Reading? {
    let phrase = scalars.trimmingSpaces(range)
    if phrase.isEmpty || lexicon.titleLength(in: scalars, startingAt: phrase.lowerBound) == phrase.count { return nil }
    // `张主任` reads as a three-character name without an office: the surname and office win.
    let surnamed = surnameAndOffice(scalars, phrase)
    guard var person = PersonPhraseReader(lexicon: lexicon).read(scalars, phrase, separatingOrganization: true),
      person.title != nil || surnamed == nil
    else { return surnamed }
    if lexicon.titleLength(in: scalars, endingAt: person.name.upperBound) >= person.name.count { return nil }
    guard let title = person.title else { return person }
    var start = title.lowerBound
    // The unit before the office when the organisation reader did not take it off.
    if person.organization == nil {
      for split in stride(from: title.upperBound - 2, to: title.lowerBound + 1, by: -1) {
        let unit = title.lowerBound..<split
        let isUnit =
          (ClosingElements(lexicon: lexicon).endsWithOrganEnding(scalars, unit) && !isMeetingWord(scalars, unit))
          || isNumberedMeeting(scalars, unit)
        // What is left is an office, perhaps with a qualifier before it (`代理区长`).
        let office = split..<title.upperBound
        let officeWord = lexicon.titleLength(in: scalars, endingAt: office.upperBound)
        let qualified = officeWord >= 2 && officeWord <= office.count && office.count - officeWord <= Self.qualifierLength
        guard isUnit, lexicon.titleLength(in: scalars, startingAt: split) > 0 || qualified else { continue }
        start = split
        break
      }
    }
    for body in Self.bodies where start - body.count >= phrase.lowerBound && scalars.matches(body, at: start - body.count) {
      start -= body.count
    }
    person.title = start..<title.upperBound
    return person
  }

  /// The longest qualifier printed before an office (`代理`, `执行`).
  private static let qualifierLength = 2

  /// `张主任`, `欧阳主任`: a surname and an office, and nothing else.
  private func surnameAndOffice(_ scalars: [Unicode.Scalar], _ phrase: Range<Int>) -> PersonPhraseReader.Reading? {
    let surname = lexicon.surnameLength(in: scalars, at: phrase.lowerBound)
    guard surname > 0, phrase.count > surname,
      lexicon.titleLength(in: scalars, startingAt: phrase.lowerBound + surname) == phrase.count - surname
    else { return nil }
    return PersonPhraseReader.Reading(
      name: phrase.lowerBound..<(phrase.lowerBound + surname), title: (phrase.lowerBound + surname)..<phrase.upperBound)
  }

  /// Whether `range` holds a meeting's name (`大会` of `大会执行主席`): no unit then, but part of
  /// the office.
  private func isMeetingWord(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    range.contains { end in
      lexicon.matches(in: scalars, endingAt: end + 1, lowerLimit: range.lowerBound, categories: .meetingTerm).contains {
        let last = scalars[$0.range.upperBound - 1]
        return $0.range.count >= 2 && (last == "会" || last == "议")
      }
    }
  }

  /// Whether `range` ends with a numbered meeting (`全国政协十三届一次会议` of
  /// `…一次会议主席团会议主持人`), whose offices are its own.
  private func isNumberedMeeting(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    lexicon.matches(in: scalars, endingAt: range.upperBound, lowerLimit: range.lowerBound, categories: .meetingTerm).contains {
      $0.range.lowerBound > range.lowerBound && scalars[$0.range.lowerBound - 1] == "次"
        && sessionNumber(scalars, endingAt: $0.range.lowerBound - 1, from: range.lowerBound) != nil
    }
  }

  /// Where the chair's `由` stands in a clause (`在区建委由张主任`, `会议由区政协主席X`).
  private func agentStart(_ scalars: [Unicode.Scalar], _ clause: Range<Int>) -> Int? {
    guard let agent = clause.last(where: { scalars[$0] == "由" }), agent + 1 < clause.upperBound else { return nil }
    return agent
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
    // `区长周明在区政府817会议室,主持召开…`: the place is no part of the name.
    let limit = placeStart(scalars, start..<range.upperBound) ?? range.upperBound
    for end in stride(from: min(limit, start + 12), through: start + 2, by: -1) {
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
    var clause = scalars.trimmingSpaces(range)
    guard !clause.isEmpty else { return }
    // `第5次常务会议暨党组会议`: a joint meeting is read as its first part, unless only the second is
    // numbered (`党组会议暨第10次常务会议`), which the number search below then finds.
    if let joint = clause.first(where: { scalars[$0] == "暨" }), joint > clause.lowerBound,
      clause[..<joint].contains(where: { scalars[$0] == "次" }) || !clause[joint...].contains(where: { scalars[$0] == "次" })
    {
      clause = clause.lowerBound..<joint
    }
    // `…第5次常务会议（扩大）`
    if let last = clause.last, scalars[last].isClosingBracket, let open = clause.last(where: { scalars[$0].isOpeningBracket }),
      last - open <= 4, open > clause.lowerBound
    {
      clause = clause.lowerBound..<open
    }
    var sessionRange: Range<Int>? = nil
    var index = clause.lowerBound
    // The verb's aspect (`主持召开了`) is not part of the meeting's name.
    if scalars[clause.lowerBound] == "了" { index += 1 }
    let named = index..<clause.upperBound
    // The number nearest the kind: `…第一次会议主席团常务主席会议第二次会议` is the second.
    while index < clause.upperBound {
      if scalars[index] == "次", let (value, start) = sessionNumber(scalars, endingAt: index, from: named.lowerBound) {
        meeting.session = value
        sessionRange = start..<(index + 1)
      }
      index += 1
    }
    var rest = sessionRange.map { $0.upperBound..<clause.upperBound } ?? named
    // `（扩大）`
    if let first = rest.first, scalars[first].isOpeningBracket,
      let close = rest.first(where: { scalars[$0].isClosingBracket }), close - first <= 4
    {
      rest = (close + 1)..<rest.upperBound
    }
    let before = named.lowerBound..<(sessionRange?.lowerBound ?? named.lowerBound)
    if let kind = meetingKind(scalars, endingIn: rest), kind.upperBound == rest.upperBound || sessionRange != nil {
      if !scalars[kind].elementsEqual("会议".scalars) {
        meeting.type = text.compactString(kind)
        meeting.organ = organ(text, before.isEmpty ? named.lowerBound..<kind.lowerBound : before)
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
    // `区政府党组（扩大）会议`, without a number.
    guard sessionRange == nil else { return }
    for body in Self.bodies {
      guard let found = scalars.lastIndex(of: body, in: named) else { continue }
      var after = found + body.count
      if after < named.upperBound, scalars[after].isOpeningBracket,
        let close = (after..<named.upperBound).first(where: { scalars[$0].isClosingBracket }), close - after <= 4
      {
        after = close + 1
      }
      let kind = after..<named.upperBound
      guard !kind.isEmpty, meetingKind(scalars, endingIn: kind) == kind else { continue }
      meeting.type = text.compactString(found..<(found + body.count)) + text.compactString(kind)
      meeting.organ = organ(text, named.lowerBound..<(found + body.count))
      return
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
        // A presidium (主席团) meets under its own name: `主席团第一次会议`.
        let isKind = last == "会" || last == "团" || ((last == "议") && (previous == "会"))
        if isKind && match.range.count >= 2 { return match.range }
      }
    }
    return nil
  }

  private func organ(_ text: LexicalText, _ range: Range<Int>) -> String? {
    let scalars = text.scalars
    var start = range.lowerBound
    // `市政府党组会议暨市政府…`: the organ of the numbered meeting follows the 暨.
    if let joint = range.last(where: { scalars[$0] == "暨" }) { start = joint + 1 }
    if scalars.matches("本届".scalars, at: start) { start += 2 }
    var organ = scalars.trimmingSpaces(start..<range.upperBound)
    // `区政府2022年` of `区政府2022年第5次常务会议`: the year belongs to the number.
    if organ.count > 5, scalars[organ.upperBound - 1] == "年", (organ.upperBound - 5..<organ.upperBound - 1).allSatisfy({ scalars[$0].isASCIIDigit }) {
      organ = organ.lowerBound..<(organ.upperBound - 5)
    }
    return organ.isEmpty ? nil : text.compactString(organ)
  }
}

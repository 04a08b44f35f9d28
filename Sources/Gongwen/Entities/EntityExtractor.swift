import GongwenModel

/// The entities stage: reads the meeting, the attendance, the front matter (title, 发文字号,
/// 主送, 版头), the cited documents, decisions, tasks, organisations and the closing elements
/// from the normalised text and its layout, and fills a `Document`.
///
/// ``DocumentParser`` runs it after the ``SectionRecognizer``; call it directly to run the stages
/// one by one.
public struct EntityExtractor: Sendable {
  /// The lexicon the readers match against.
  public let lexicon: Lexicon

  /// Creates an extractor matching against `lexicon`, by default the built-in one.
  public init(lexicon: Lexicon = .builtIn) { self.lexicon = lexicon }

  /// Folds `text` with the extractor's lexicon and fills `document` from it and the `structure`
  /// the section recognizer found in it (with the same lexicon).
  public func extract(_ text: NormalizedText, _ structure: DocumentStructure, into document: inout Document) {
    extract(LexicalText(text, lexicon: lexicon), structure, into: &document)
  }

  /// Fills `document` (all but its sections and the decoder's diagnostics) from `text` and the
  /// `structure` the section recognizer found in it.
  public func extract(_ text: LexicalText, _ structure: DocumentStructure, into document: inout Document) {
    let scalars = text.scalars
    let blocks = structure.blocks

    // Front matter: the front blocks, and the unnumbered text before the first closing element
    // (a notice's title and 主送 may sit there when the layout could not tell).
    let front = blocks.filter { $0.role == .front }
    let leadingBlocks = blocks.prefix { block in
      switch block.role {
      case .front, .unnumberedBody, .tableOfContents: return true
      default: return false
      }
    }
    let leading = leadingBlocks.map(\.range)
    let frontReader = FrontMatterReader(lexicon: lexicon)
    let frontMatter = frontReader.read(scalars, leading, labelled: leadingBlocks.map { $0.label != nil })
    if !frontMatter.title.isEmpty && !frontMatter.isOrder {
      document.title = frontMatter.title.map { Self.titleText(text, $0) }.joined()
      document.sourceRanges.title = frontMatter.title.map { text.sourceRange(of: $0) }
    }
    if let number = frontMatter.docNumber {
      document.docNumber = text.string(number.range)
      document.docNumberParts = number.parts
      document.docNumberParts?.organCode = text.string(number.code)
      document.sourceRanges.docNumber = text.sourceRange(of: number.range)
    }
    document.recipients = frontMatter.recipients.map { text.compactString($0) }
    document.sourceRanges.recipients = frontMatter.recipients.map { text.sourceRange(of: $0) }
    let header = Header(
      copyNumber: frontMatter.copyNumber.map { text.string($0) },
      classification: frontMatter.classification.map { text.compactString($0) },
      urgency: frontMatter.urgency.map { text.string($0) }, organMark: frontMatter.organMark.map { text.compactString($0) },
      signers: frontMatter.signers.map { text.compactString($0) })
    if !header.isEmpty { document.header = header }
    let openingBlocks = leadingBlocks.enumerated().filter { index, block in
      block.role == .front && !frontMatter.consumed.contains(index) && !frontReader.isMetadata(scalars, block.range)
    }.map(\.element)
    let opening = openingBlocks.map(\.range)
    if !opening.isEmpty { document.preamble = opening.map { text.string($0) }.joined(separator: "\n") }

    // Kind.
    let kinds = KindWords(lexicon: lexicon)
    let titleLine = frontMatter.isOrder || frontMatter.isHeadline ? nil : frontMatter.kindLine ?? frontMatter.title.last
    let titleKind =
      frontMatter.isOrder ? .order : frontMatter.isHeadline ? nil : (frontMatter.kindLine ?? frontMatter.title.last).flatMap { kinds.kind(ofTitle: scalars, $0) }
    document.kind = titleKind ?? kinds.kind(fromFormulasIn: scalars) ?? .unknown

    // Closing elements: the blocks after the front matter that are not section text.
    let closingBlocks = blocks.filter { block in
      switch block.role {
      case .organLine, .compilerLine, .dateLine, .note, .issuance, .closingFormula, .label, .unnumberedBody: return true
      default: return false
      }
    }
    let closing = ClosingReader.read(scalars, closingBlocks, lexicon: lexicon)
    var documentDates: [DateValue] = []
    for range in closing.datesWithLostMarks {
      document.diagnostics.append(
        Diagnostic(
          severity: .note, code: "date-marks-inferred",
          message: "the date \"\(text.string(range))\" is printed without its 年/月/日; the digits allow one reading only",
          range: text.sourceRange(of: range)))
    }
    if let compiler = closing.compiler {
      document.compiler = DatedOrgan(
        organ: text.compactString(compiler.organ), date: compiler.date?.value.iso, range: text.sourceRange(of: compiler.range))
      if let date = compiler.date?.value { documentDates.append(date) }
    }
    if let signature = closing.signature {
      document.signature = Signature(
        organs: signature.organs.map { text.compactString($0) }, date: signature.date?.value.iso,
        range: text.sourceRange(of: signature.range))
      if let date = signature.date?.value { documentDates.append(date) }
    }
    if let issuer = closing.issuer {
      document.issuer = DatedOrgan(
        organ: text.compactString(issuer.organ), date: issuer.date?.value.iso, range: text.sourceRange(of: issuer.range))
      if let date = issuer.date?.value { documentDates.append(date) }
    } else if let signature = document.signature, !signature.organs.isEmpty {
      document.issuer = DatedOrgan(organ: signature.organs.joined(separator: " "), date: signature.date, range: signature.range)
    } else if document.signature == nil, let head = frontMatter.headIssuer {
      // Minutes print their issuing office and date in the 版头 instead of a 印发 line.
      document.issuer = DatedOrgan(organ: text.compactString(head.organ), date: head.date.value.iso, range: text.sourceRange(of: head.line))
    }
    if let note = closing.note {
      document.note = text.compactString(note)
      document.publication = closing.publication
      document.sourceRanges.note = text.sourceRange(of: note)
    }
    document.distribution = closing.distribution.map { text.compactString($0) }
    document.sourceRanges.distribution = closing.distribution.map { text.sourceRange(of: $0) }

    // The meeting, for minutes (or a document whose opening convenes one).
    let openingWithBodyBlocks = openingBlocks + blocks.filter { $0.role == .unnumberedBody }
    let openingWithBody = openingWithBodyBlocks.map(\.range)
    if document.kind == .minutes || document.kind == .unknown,
      let reading = MeetingReader(lexicon: lexicon).read(
        text, openingWithBodyBlocks, title: titleLine, titleKind: titleLine.flatMap { kinds.ending(of: scalars, $0)?.start },
        headline: frontMatter.isHeadline ? frontMatter.title : [])
    {
      var meeting = reading.meeting
      meeting.range = reading.sentence.map { text.sourceRange(of: $0) }
      if var chair = meeting.chair, let name = reading.chairName {
        // The office counts in the range where it is printed beside the name, not when it was
        // taken from another mention of the same name.
        let beside = reading.chairTitle.map { $0.upperBound >= name.lowerBound - 2 && $0.lowerBound <= name.upperBound + 2 } ?? false
        var covered = [name]
        if beside, let title = reading.chairTitle { covered.append(title) }
        chair.range = text.sourceRange(of: covered.map(\.lowerBound).min()!..<covered.map(\.upperBound).max()!)
        meeting.chair = chair
      }
      var frontDates = Self.standaloneDates(scalars, front, frontReader)
      // A report's page metadata may follow its headline, among the opening's blocks.
      frontDates.published += Self.standaloneDates(scalars, openingBlocks, frontReader).published
      // `发布时间：` + `2022-03-06`: the layout may cut the value off its label into a block of its own.
      for (label, value) in zip(leadingBlocks, leadingBlocks.dropFirst()) where frontReader.isMetadata(scalars, label.range) {
        let labelText = scalars.trimmingSpaces(label.range)
        guard let last = labelText.last, scalars[last] == "：", let date = DateReader.dates(in: scalars, value.range).first,
          date.range.lowerBound == scalars.trimmingSpaces(value.range).lowerBound, date.value.iso != nil
        else { continue }
        frontDates.published.append(date.value)
      }
      var date = reading.date?.value
      if var known = date, known.year == nil, known.month != nil, known.day != nil, let year = reading.sessionYear {
        // `7月2日下午,…主持召开县政府2022年第9次常务会议`: the meeting's name prints its year.
        known.year = year
        date = known
        document.diagnostics.append(
          Diagnostic(
            severity: .note, code: "meeting-date-year-from-name",
            message: "the meeting date has no year; \(year) is the year the meeting's name prints with its number", range: meeting.range))
      }
      meeting.date = completedDate(date, frontDates: frontDates, documentDates: documentDates, range: meeting.range, &document)
      if reading.dateFromBareDigits, let date = reading.date {
        document.diagnostics.append(
          Diagnostic(
            severity: .note, code: "date-marks-inferred",
            message: "the meeting date is printed as \"\(text.string(date.range))\" without its 年/月/日; the digits allow one reading only",
            range: text.sourceRange(of: date.range)))
      }
      document.meeting = meeting
      if document.kind == .unknown { document.kind = .minutes }
    } else if document.kind == .minutes {
      document.meeting = Meeting()
    }

    // Attendance.
    let attendance = AttendanceReader(lexicon: lexicon)
    // The rosters after the body, and one printed in the front (`出席：…` under the title).
    let labelled = AttendanceReader.blocks(
      blocks.filter { block in
        switch block.role {
        case .label: return true
        case .front: return block.label?.label.isAttendance ?? false
        default: return false
        }
      })
    let reading = attendance.read(text, blocks: labelled, prose: openingWithBody)
    document.attendance = reading.attendance
    document.sourceRanges.representedOrganizations = reading.representedRanges.map { text.sourceRange(of: $0) }
    for piece in reading.unread {
      document.diagnostics.append(
        Diagnostic(
          severity: .warning, code: .attendanceEntryUnread,
          message: "could not read \"\(text.string(piece))\" as a person or an organisation",
          range: text.sourceRange(of: piece)))
    }
    for (piece, doubt) in reading.uncertain {
      let printed = text.string(piece)
      let message: String
      switch doubt {
      case .joinedOverSpace:
        message = "read \"\(printed)\" as one name, \"\(text.compactString(piece))\"; the roster does not settle whether it is one name or two"
      case .fourCharacters:
        message = "read \"\(printed)\" as one name of four characters without a compound surname, because the names around it are names"
      case .characterColumn:
        message = "read \"\(printed)\", printed one character per line, as the names of its only cut into names"
      case .transliterated:
        message = "read \"\(printed)\" as a transliterated name: it starts with no surname, and the middle dot joining its parts decides"
      }
      document.diagnostics.append(
        Diagnostic(severity: .note, code: .attendanceNameUncertain, message: message, range: text.sourceRange(of: piece)))
    }

    document.references = ReferenceReader(lexicon: lexicon).references(in: text, text.paragraphs.map(\.range))
    let attachments = attachments(scalars, blocks.filter { $0.role == .label(.attachment) }.compactMap { $0.label?.content })
    document.attachments = attachments.map { text.compactString($0) }
    document.sourceRanges.attachments = attachments.map { text.sourceRange(of: $0) }

    // Decisions and tasks, from the body (and the opening, where short minutes put them).
    let bodyRanges = opening + blocks.filter { block in
      switch block.role {
      case .heading, .body, .unnumberedBody, .attachmentPreamble: return true
      default: return false
      }
    }.map(\.range)
    document.decisions = DecisionReader.decisions(in: text, bodyRanges)
    var organizations = OrganizationCollector(lexicon: lexicon)
    organizations.know(reading.fullNames)
    for task in TaskReader(lexicon: lexicon).tasks(in: scalars, bodyRanges) {
      document.tasks.append(
        Assignment(
          lead: task.lead.map { text.compactString($0) }, responsible: task.responsible.map { text.compactString($0) },
          action: text.string(task.action), range: text.sourceRange(of: task.range)))
      for unit in task.lead + task.responsible { organizations.add(text.compactString(unit), text.sourceRange(of: unit)) }
    }
    for person in document.attendance.everyone {
      if let unit = person.organization { organizations.add(unit, person.range) }
    }
    for unit in reading.organizationRanges { organizations.add(text.compactString(unit), text.sourceRange(of: unit)) }
    document.organizations = organizations.organizations

    // What no key above holds, so that nothing of the text is lost.
    let metadata = Set(
      leadingBlocks.indices.filter { index in
        leadingBlocks[index].role == .front && !frontMatter.consumed.contains(index)
          && frontReader.isMetadata(scalars, leadingBlocks[index].range)
      })
    for (index, block) in blocks.enumerated() {
      let role: TextBlock.Role
      switch block.role {
      case .unnumberedBody: role = .unnumberedBody
      case .closingFormula: role = .closingFormula
      case .tableOfContents: role = .tableOfContents
      case .attachmentTitle: role = .attachmentTitle
      case .attachmentPreamble: role = .attachmentPreamble
      case .front where metadata.contains(index): role = .pageMetadata
      default: continue
      }
      document.otherText.append(TextBlock(role: role, text: text.string(block.range), range: text.sourceRange(of: block.range)))
    }
  }

  /// 附件说明: `附件：1．…` and the numbered lines after it, markers left off; a single attachment
  /// has no number. A name wrapped onto the next line continues its item. `contents` are the
  /// attachment blocks' contents, after their label.
  private func attachments(_ scalars: [Unicode.Scalar], _ contents: [Range<Int>]) -> [Range<Int>] {
    var items: [Range<Int>] = []
    for content in contents {
      guard !content.isEmpty else { continue }
      if let marker = SectionMarker.read(scalars, at: content.lowerBound), marker.style != .decimal {
        items.append(scalars.trimmingSpaces((content.lowerBound + marker.length)..<content.upperBound))
      } else if let last = items.last {
        items[items.count - 1] = last.lowerBound..<content.upperBound
      } else {
        items.append(content)
      }
    }
    return items
  }

  /// Full dates of the front matter a meeting date may be completed from: bracketed ones
  /// (`（二○一二年八月十四日）` under a title), the others, and apart from both a web page's own
  /// (`发布时间：2022-08-16`), which only settles a year nothing else settles.
  private static func standaloneDates(
    _ scalars: [Unicode.Scalar], _ front: [StructureBlock], _ frontReader: FrontMatterReader
  ) -> (bracketed: [DateValue], others: [DateValue], published: [DateValue]) {
    var bracketed: [DateValue] = []
    var others: [DateValue] = []
    var published: [DateValue] = []
    for block in front {
      let range = block.range
      for date in DateReader.dates(in: scalars, range) where date.value.iso != nil {
        let before = date.range.lowerBound - 1
        if frontReader.labelsMetadataValue(scalars, at: date.range.lowerBound, lowerLimit: range.lowerBound) {
          published.append(date.value)
        } else if before >= range.lowerBound, scalars[before].isOpeningBracket {
          bracketed.append(date.value)
        } else if !scalars[max(range.lowerBound, date.range.lowerBound - 6)..<date.range.lowerBound].contains(where: { $0 == ":" || $0 == "：" }) {
          others.append(date.value)
        }
      }
    }
    return (bracketed, others, published)
  }

  /// A title line as the contract wants it: letter-spacing (`指 导 意 见`) removed, the space
  /// between two organs of a joint title kept.
  private static func titleText(_ text: LexicalText, _ range: Range<Int>) -> String {
    let pieces = text.scalars.split(range) { $0.isHorizontalSpace }
    let letterSpaced = pieces.count >= 3 && pieces.filter { $0.count == 1 }.count * 2 >= pieces.count
    return pieces.map { text.string($0) }.joined(separator: letterSpaced ? "" : " ")
  }

  /// The meeting date as ISO: the opening's date, with its year taken from the document's own
  /// dates when it prints none; when the opening's date cannot be read (web copies mangle it:
  /// `814日`), the date printed in brackets under the title. Otherwise nil, with a diagnostic.
  private func completedDate(
    _ date: DateValue?, frontDates: (bracketed: [DateValue], others: [DateValue], published: [DateValue]),
    documentDates: [DateValue],
    range: SourceRange?, _ document: inout Document
  ) -> String? {
    guard let date else {
      if let bracketed = frontDates.bracketed.first { return bracketed.iso }
      document.diagnostics.append(
        Diagnostic(
          severity: .warning, code: .meetingDateUnreadable,
          message: "the opening sentence prints no date that can be read, and no date stands under the title",
          range: range))
      return nil
    }
    if let iso = date.iso { return iso }
    guard let month = date.month, let day = date.day else { return nil }
    func settledYears(_ dates: [DateValue]) -> Set<Int> {
      Set(dates.compactMap { known -> Int? in
        guard let year = known.year else { return nil }
        // A meeting in December minuted (or published) in January belongs to the year before.
        if let knownMonth = known.month, (month, day) > (knownMonth, known.day ?? 31) { return year - 1 }
        return year
      })
    }
    let years = settledYears(frontDates.bracketed + frontDates.others + documentDates)
    if years.count == 1, let year = years.first { return DateValue(year: year, month: month, day: day).iso }
    // A report of a meeting prints the day alone and the page its publication date: the meeting
    // is the last such day on or before it, which is an inference, so a diagnostic says so.
    let published = settledYears(frontDates.published)
    if years.isEmpty, published.count == 1, let year = published.first {
      document.diagnostics.append(
        Diagnostic(
          severity: .note, code: "meeting-date-year-inferred",
          message: "the meeting date \(month)月\(day)日 has no year; \(year) is the year of the page's publication date",
          range: range))
      return DateValue(year: year, month: month, day: day).iso
    }
    document.diagnostics.append(
      Diagnostic(
        severity: .warning, code: .meetingDateWithoutYear,
        message: years.isEmpty
          ? "the meeting date \(month)月\(day)日 has no year and the document prints no other date"
          : "the meeting date \(month)月\(day)日 has no year and the document's dates disagree on it",
        range: range))
    return nil
  }
}

import GongwenModel

/// Reads tasks assigned to organisations: `由市应急局根据本次会议讨论意见按程序发文` (lead 市应急局),
/// `市政府办公室牵头，市发改委具体负责…` (lead and responsible), `市安委办要牵头…`, and the
/// responsible units a clause names in brackets (`（市财政局、市税务局负责）`).
struct TaskReader {
  let matcher: OrganizationMatcher
  private var lexicon: Lexicon { matcher.lexicon }

  init(lexicon: Lexicon) { matcher = OrganizationMatcher(lexicon: lexicon) }

  /// The length of the longest verb of `category` (``LexiconEntry/Category/leadVerb``,
  /// ``LexiconEntry/Category/cooperationVerb``) starting at `index`, or nil.
  private func verb(_ scalars: [Unicode.Scalar], _ category: LexiconEntry.Category, at index: Int) -> Int? {
    scalars.withUnsafeBufferPointer { lexicon.storage.longest(in: $0, at: index, limit: $0.count, categories: category.bit)?.length }
  }

  /// Whether a lead verb can start with `scalar` (most scalars are passed over on this test).
  private func leadStarts(_ scalar: Unicode.Scalar) -> Bool {
    lexicon.storage.forward.canStart(scalar, categories: LexiconEntry.Category.leadVerb.bit)
  }

  /// The length of the longest verb of `category` ending at `end` and starting after `lower`.
  private func verb(_ scalars: [Unicode.Scalar], _ category: LexiconEntry.Category, endingAt end: Int, after lower: Int) -> Int? {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(in: $0, at: end, lowerLimit: lower + 1, categories: category.bit)?.length
    }
  }

  struct Task {
    var lead: [Range<Int>]
    var responsible: [Range<Int>]
    var action: Range<Int>
    var range: Range<Int>
  }


  func tasks(in scalars: [Unicode.Scalar], _ ranges: [Range<Int>]) -> [Task] {
    var found: [Task] = []
    for range in ranges {
      var index = range.lowerBound
      while index < range.upperBound {
        let scalar = scalars[index]
        guard scalar == "由" || scalar.isOpeningBracket || leadStarts(scalar) else {
          index += 1
          continue
        }
        if scalar == "由", let task = ledBy(scalars, at: index, range) {
          found.append(task)
          index = task.range.upperBound
        } else if let lead = verb(scalars, .leadVerb, at: index), let task = leading(scalars, at: index, lead, range) {
          found.append(task)
          index = task.range.upperBound
        } else if scalars[index].isOpeningBracket, let task = bracketed(scalars, at: index, range) {
          found.append(task)
          index = task.range.upperBound
        } else {
          index += 1
        }
      }
    }
    return found
  }

  /// The end of the sentence (or of the clause after `；`) from `index`.
  private func sentenceEnd(_ scalars: [Unicode.Scalar], _ index: Int, _ range: Range<Int>) -> Int {
    var end = index
    while end < range.upperBound && !scalars[end].isSentenceEnd && scalars[end] != "；" && scalars[end] != ";" { end += 1 }
    return end
  }

  /// Organisations one after another, joined by `、` `和` `会同`, starting at `index`.
  private func organizations(_ scalars: [Unicode.Scalar], at index: Int, _ limit: Int) -> (found: [Range<Int>], end: Int) {
    var found: [Range<Int>] = []
    var position = index
    while position < limit, let organization = matcher.match(in: scalars, at: position, limit: limit) {
      found.append(organization.range)
      position = organization.range.upperBound
      var joined = false
      for joint in ["、", "和", "及", "会同", "与"].map(\.scalars) where scalars.matches(joint, at: position) {
        position += joint.count
        joined = true
        break
      }
      if !joined { break }
    }
    return (found, found.last?.upperBound ?? index)
  }

  /// A list of organisations filling `range` exactly (the subject of `牵头`, `配合`).
  private func organizationList(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>]? {
    let trimmed = scalars.trimmingSpaces(range)
    guard !trimmed.isEmpty else { return nil }
    let (found, end) = organizations(scalars, at: trimmed.lowerBound, trimmed.upperBound)
    return !found.isEmpty && end == trimmed.upperBound ? found : nil
  }

  private func ledBy(_ scalars: [Unicode.Scalar], at index: Int, _ range: Range<Int>) -> Task? {
    let end = sentenceEnd(scalars, index, range)
    let (lead, after) = organizations(scalars, at: index + 1, end)
    guard !lead.isEmpty, after < end else { return nil }
    var action = after..<end
    var responsible: [Range<Int>] = []
    // `由市财政局牵头，市税务局配合…`
    if let word = verb(scalars, .leadVerb, at: after) {
      // `由市场监管总局牵头的…联席会议制度` names a body, not a task.
      if after + word < end, scalars[after + word] == "的" { return nil }
      action = (after + word)..<end
      (responsible, action) = cooperating(scalars, action)
    }
    return Task(lead: lead, responsible: responsible, action: scalars.trimmingSpaces(action), range: index..<end)
  }

  private func leading(_ scalars: [Unicode.Scalar], at index: Int, _ length: Int, _ range: Range<Int>) -> Task? {
    var clauseStart = index
    while clauseStart > range.lowerBound && !scalars[clauseStart - 1].isClauseBoundary { clauseStart -= 1 }
    if let marker = SectionMarker.read(scalars, at: clauseStart) { clauseStart += marker.length }
    guard let lead = organizationList(scalars, clauseStart..<index) else { return nil }
    let end = sentenceEnd(scalars, index, range)
    if index + length < end, scalars[index + length] == "的" { return nil }
    let (responsible, action) = cooperating(scalars, (index + length)..<end)
    return Task(lead: lead, responsible: responsible, action: scalars.trimmingSpaces(action), range: clauseStart..<end)
  }

  /// `，市发改委具体负责…` after a lead: the responsible units and what remains.
  private func cooperating(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> ([Range<Int>], Range<Int>) {
    var start = range.lowerBound
    while start < range.upperBound && (scalars[start] == "，" || scalars[start].isHorizontalSpace) {
      start += 1
    }
    for index in start..<range.upperBound {
      if scalars[index].isClauseBoundary { break }
      guard let word = verb(scalars, .cooperationVerb, at: index), let units = organizationList(scalars, start..<index)
      else { continue }
      var rest = index + word
      while rest < range.upperBound && (scalars[rest] == "，") { rest += 1 }
      return (units, rest..<range.upperBound)
    }
    return ([], start..<range.upperBound)
  }

  /// `…保持企业社会保险缴费成本预期稳定。（市人力资源社会保障局、市医保局负责）`
  private func bracketed(_ scalars: [Unicode.Scalar], at open: Int, _ range: Range<Int>) -> Task? {
    var close = open + 1
    while close < range.upperBound && !scalars[close].isClosingBracket && close - open < 80 { close += 1 }
    guard close < range.upperBound, scalars[close].isClosingBracket else { return nil }
    let inside = (open + 1)..<close
    guard let word = verb(scalars, .cooperationVerb, endingAt: close, after: open),
      let units = organizationList(scalars, inside.lowerBound..<(close - word))
    else { return nil }
    var sentenceStart = open
    while sentenceStart > range.lowerBound && !scalars[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
    if sentenceStart == open, open > range.lowerBound {
      // The bracket follows a full stop: the task is the sentence before it.
      sentenceStart = open - 1
      while sentenceStart > range.lowerBound && !scalars[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
    }
    return Task(lead: [], responsible: units, action: scalars.trimmingSpaces(sentenceStart..<open), range: sentenceStart..<(close + 1))
  }
}

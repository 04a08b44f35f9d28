/// Reads a person with the office printed beside the name, in either order, the way minutes
/// print them: `李亚平市长`, `市长李亚平`, `市委副书记、市长李亚平` (a chain: the last office
/// counts), `区人大党组副书记贺景福`, `区长韩云同志` (folded from `區(qū)長韓云同志`) — or a bare name (`庄天慧`).
struct PersonPhraseReader {
  let lexicon: Lexicon

  struct Reading: Equatable {
    var name: Range<Int>
    var title: Range<Int>?
    /// The units printed before the office (`县检察院` of `县检察院检察长杨柯`), when asked for.
    var organization: Range<Int>?
  }

  /// The length of the honorific (`同志`, `先生`: the lexicon's ``LexiconEntry/Category/honorific``
  /// entries) that ends at `end` and starts at `lower` or after, or 0.
  func honorificLength(_ scalars: [Unicode.Scalar], endingAt end: Int, from lower: Int) -> Int {
    scalars.withUnsafeBufferPointer {
      lexicon.storage.longestEnding(in: $0, at: end, lowerLimit: lower, categories: LexiconEntry.Category.honorific.bit)?.length ?? 0
    }
  }

  /// Whether `range` may hold an office beside a name: an office ends where a name of two to four
  /// characters begins, or at the very end. A cheap test that
  /// spares most roster entries (`市发改委凌鸣`) the full reading.
  func mayHoldOffice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    if lexicon.titleLength(in: scalars, endingAt: range.upperBound) > 0 { return true }
    for length in 2...4 where range.upperBound - length > range.lowerBound {
      if lexicon.titleLength(in: scalars, endingAt: range.upperBound - length) > 0 { return true }
    }
    return false
  }

  /// Reads `range` of folded scalars as one person. With
  /// `separatingOrganization`, an organisation before the office becomes the person's unit
  /// (`县检察院检察长杨柯`); otherwise the whole text before the name is the office.
  func read(_ scalars: [Unicode.Scalar], _ range: Range<Int>, separatingOrganization: Bool = false) -> Reading? {
    let trimmed = scalars.trimmingSpaces(range)
    let base = trimmed.lowerBound
    let end = trimmed.upperBound - honorificLength(scalars, endingAt: trimmed.upperBound, from: trimmed.lowerBound)
    let s = Array(scalars[base..<max(base, end)])
    func originalRange(_ range: Range<Int>) -> Range<Int> { (base + range.lowerBound)..<(base + range.upperBound) }
    guard s.count >= 2, s.allSatisfy({ $0.isHan || $0 == "、" || $0.isHorizontalSpace }) else { return nil }

    // Name, then office: `李亚平市长`, `韩军副秘书长`.
    let trailingTitle = lexicon.titleLength(in: s, endingAt: s.count)
    if trailingTitle > 0, isName(s, 0..<(s.count - trailingTitle)) {
      return Reading(name: originalRange(0..<(s.count - trailingTitle)), title: originalRange((s.count - trailingTitle)..<s.count))
    }
    // Office (or a chain of offices), then the name: the name is the last two to four characters.
    for length in [3, 2, 4] where length <= s.count {
      let nameStart = s.count - length
      guard isName(s, nameStart..<s.count) else { continue }
      if nameStart == 0 { return Reading(name: originalRange(0..<s.count), title: nil) }
      guard lexicon.titleLength(in: s, endingAt: nameStart) > 0 else { continue }
      var titleStart = 0
      if let comma = s[..<nameStart].lastIndex(of: "、") { titleStart = comma + 1 }
      var organization: Range<Int>? = nil
      if separatingOrganization {
        let split = officeStart(s, titleStart..<nameStart)
        if split > titleStart { organization = originalRange(titleStart..<split) }
        titleStart = split
      }
      return Reading(
        name: originalRange(nameStart..<s.count), title: originalRange(titleStart..<nameStart),
        organization: organization)
    }
    if isName(s, 0..<s.count) { return Reading(name: originalRange(0..<s.count), title: nil) }
    return nil
  }

  /// Where the office begins in `unitAndOffice`: after an organisation at its start, when one
  /// is there (`县检察院` + `检察长`, `市人大常委会` + `副主任`). An office that is one title of the
  /// lexicon wins, the longest (`区人大常委会` + `党组书记`: a party-group office belongs to the
  /// body whose party group it is; `兴国镇` + `党委书记`) — after a unit with an organ ending,
  /// else the whole when it is one title (`党组副书记`), else after a unit the matcher reads;
  /// then an office that starts and ends with titles. A unit the
  /// lexicon does not know whole (`全国政协十三届一次会议主席团`, `区六届政协`) ends where the last
  /// title begins, when it ends with an organ ending (`主席团`, `政协`).
  private func officeStart(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
    let wholeTitles = ((range.lowerBound + 2)..<range.upperBound).filter {
      lexicon.titleLength(in: s, startingAt: $0) == range.upperBound - $0
    }
    let matcher = OrganizationMatcher(lexicon: lexicon)
    let organizations = matcher.candidates(in: s, at: range.lowerBound, limit: range.upperBound)
      .filter { $0.range.upperBound < range.upperBound }
    let wholeIsTitle = lexicon.titleLength(in: s, startingAt: range.lowerBound) == range.count
    // The longest office that is one title, after a unit with an organ ending (`兴国镇` +
    // `党委书记`, `区委` + `副书记`). When the whole is one title too (`大会执行主席`), a unit
    // ending in one character (`大会执行` + `主席`: 行 ends banks) must be one the matcher reads.
    if let end = wholeTitles.first(where: { end in
      let unit = range.lowerBound..<end
      guard let ending = unitEnding(s, unit) else { return false }
      return !wholeIsTitle || ending >= 2 || organizations.contains { $0.range == unit }
    }) {
      return end
    }
    // `党组副书记` alone is one office, though `党组` is a body too.
    if wholeIsTitle { return range.lowerBound }
    // Or after a unit the matcher reads.
    if let end = wholeTitles.first(where: { end in organizations.contains { $0.range.upperBound == end } }) { return end }
    for organization in organizations {
      let office = organization.range.upperBound..<range.upperBound
      if lexicon.titleLength(in: s, startingAt: office.lowerBound) > 0, lexicon.titleLength(in: s, endingAt: office.upperBound) > 0 {
        return office.lowerBound
      }
    }
    let title = lexicon.titleLength(in: s, endingAt: range.upperBound)
    let unit = range.lowerBound..<(range.upperBound - title)
    if title > 0, unit.count >= 2, namesUnit(s, unit) {
      return unit.upperBound
    }
    return range.lowerBound
  }

  /// Whether `range` names a unit by an organ ending with more before it (`区委`, `兴国镇`; not
  /// `党组` alone, which says only what kind of body).
  private func namesUnit(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool { unitEnding(s, range) != nil }

  /// The length of the organ ending of `range` when more stands before it, or nil.
  private func unitEnding(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
    guard range.count >= 2,
      let ending = s.withUnsafeBufferPointer({
        lexicon.storage.longestEnding(
          in: $0, at: range.upperBound, lowerLimit: range.lowerBound, categories: LexiconEntry.Category.organEnding.bit)
      }), ending.length < range.count
    else { return nil }
    return ending.length
  }

  /// A Chinese name: a surname (single or compound) and one or two given characters, all 汉字,
  /// that are not the words of a body (`管委会`, `公安局`, `高新区`).
  func isName(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard (2...4).contains(range.count), range.allSatisfy({ s[$0].isHan }) else { return false }
    let surname = lexicon.surnameLength(in: s, at: range.lowerBound)
    guard surname > 0 else { return false }
    let given = range.count - surname
    guard given >= 1 && given <= 2 else { return false }
    return !s.withUnsafeBufferPointer {
      PersonNameProposer(lexicon: lexicon).namesABody(in: $0, range: range, surnameLength: surname)
    }
  }
}

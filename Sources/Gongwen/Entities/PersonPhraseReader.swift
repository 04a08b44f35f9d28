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

  /// Where the office begins in `unitAndOffice`: after the longest organisation at its start,
  /// when one is there (`县检察院` + `检察长`, `市人大常委会` + `副主任`).
  private func officeStart(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
    let matcher = OrganizationMatcher(lexicon: lexicon)
    for organization in matcher.candidates(in: s, at: range.lowerBound, limit: range.upperBound)
    where organization.range.upperBound < range.upperBound {
      let office = organization.range.upperBound..<range.upperBound
      if lexicon.titleLength(in: s, startingAt: office.lowerBound) > 0, lexicon.titleLength(in: s, endingAt: office.upperBound) > 0 {
        return office.lowerBound
      }
    }
    return range.lowerBound
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

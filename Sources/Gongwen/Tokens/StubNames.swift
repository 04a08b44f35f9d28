// TEMPORARY stub until the tokenizer branch lands; not committed.
public struct PersonNameCandidate: Hashable, Sendable {
  public var range: Range<Int>
  public var score: Double
}
public struct PersonNameProposer: Sendable {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon) { self.lexicon = lexicon }
  public func candidate(spanning range: Range<Int>, in scalars: [Unicode.Scalar]) -> PersonNameCandidate? {
    guard (2...4).contains(range.count) else { return nil }
    let surname = lexicon.surnameLength(in: scalars, at: range.lowerBound)
    guard surname > 0, range.count - surname >= 1, range.count - surname <= 2 else { return nil }
    for i in range where !scalars[i].isHan { return nil }
    return PersonNameCandidate(range: range, score: range.count == 3 ? 1 : 0.8)
  }
}

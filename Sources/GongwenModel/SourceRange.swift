/// Where a value came from: offsets in Unicode scalars (code points) into the decoded input
/// text, `end` exclusive.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible, JSONObjectMembers {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

  public var range: Range<Int> { start..<max(start, end) }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("start", start)
    try list.add("end", end)
  }

  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
  public var description: String { "\(start)..<\(end)" }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}

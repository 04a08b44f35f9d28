/// Where a value came from: offsets in Unicode scalars (code points) into the decoded input
/// text, `end` exclusive.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible, JSONObjectMembers {
  /// The offset of the first scalar.
  public var start: Int
  /// The offset just past the last scalar.
  public var end: Int
  /// The page of a paged source (PDF, OFD) that holds `start`, from 1; nil, and left out of
  /// the JSON, for sources without pages.
  public var page: Int?

  /// Creates a SourceRange from its parts; each argument sets the property of the same name.
  public init(start: Int, end: Int, page: Int? = nil) {
    self.start = start
    self.end = end
    self.page = page
  }

  /// Creates a range without a page from a range of scalar offsets.
  public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

  /// The offsets as a Swift range, empty when `end` is before `start`.
  public var range: Range<Int> { start..<max(start, end) }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("start", start)
    try list.add("end", end)
    if let page { try list.add("page", page) }
  }

  /// Encodes the SourceRange as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
  /// The range as `start..<end`.
  public var description: String { "\(start)..<\(end)" }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}

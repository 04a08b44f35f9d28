/// A numbered part of the body (GB/T 9704-2012 hierarchy `一、` / `（一）` / `1.` / `（1）`, or
/// `第X章` / `第X节` / `第X条` in rules), with its subsections.
public struct Section: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The numbering as printed, brackets made full-width (`（一）`), full-width digits and stops
  /// made ASCII (`1.`); `1、`, `①` and `第一条` stay as printed.
  public var marker: String
  /// Depth in the tree: 1 for a top-level section, 2 for its children, and so on.
  public var level: Int
  /// The heading: the rest of the line when the heading stands alone, else the first sentence
  /// up to and including its `。`.
  public var title: String
  /// The section's own text after the marker, heading included, children excluded.
  public var text: String
  /// The sections one level down, in order.
  public var children: [Section]
  /// The number the marker stands for (`（十二）` → 12), when it has one.
  public var ordinal: Int?
  /// The numbering style (`chinese-comma` for `一、`, `article` for `第一条`…).
  public var style: String?
  /// From the marker to the end of the section's own text.
  public var range: SourceRange?

  /// Creates a Section from its parts; each argument sets the property of the same name.
  public init(
    marker: String, level: Int, title: String, text: String, children: [Section] = [],
    ordinal: Int? = nil, style: String? = nil, range: SourceRange? = nil
  ) {
    self.marker = marker
    self.level = level
    self.title = title
    self.text = text
    self.children = children
    self.ordinal = ordinal
    self.style = style
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("marker", marker)
    try list.add("level", level)
    try list.add("title", title)
    try list.add("text", text)
    try list.add("children", children)
    try list.add("ordinal", ordinal)
    try list.add("style", style)
    try list.add("range", range)
  }

  /// Encodes the Section as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }

  /// This section and all below it, depth first.
  public var flattened: [Section] { [self] + children.flatMap(\.flattened) }
}

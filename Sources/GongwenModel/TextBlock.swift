/// A stretch of the document's text that no other key of the JSON holds — the unnumbered body
/// of a notice or a reply, a closing formula (`特此通知。`), a table of contents, the title and
/// opening paragraphs of an attachment, the page metadata of a web copy — so that nothing of
/// the text is lost.
public struct TextBlock: Hashable, Sendable, Codable, JSONObjectMembers {
  /// What the stretch is, by its place in the layout. An open set of names: new ones may be
  /// added, so a consumer should keep a default case.
  public struct Role: RawRepresentable, Hashable, Sendable, Codable {
    /// The role's name in the JSON (`unnumbered-body`).
    public var rawValue: String

    /// A role by its JSON name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Body text of a document without section markers there (正文 of a covering notice, a reply).
    public static let unnumberedBody = Role(rawValue: "unnumbered-body")
    /// A closing formula (结束语): `特此通知。` `此复。` `妥否，请批示。`.
    public static let closingFormula = Role(rawValue: "closing-formula")
    /// A table of contents (目录) before the body.
    public static let tableOfContents = Role(rawValue: "table-of-contents")
    /// The title of an attachment printed after the covering notice, with `附件` before it.
    public static let attachmentTitle = Role(rawValue: "attachment-title")
    /// The opening paragraphs of an attachment before its first section.
    public static let attachmentPreamble = Role(rawValue: "attachment-preamble")
    /// The metadata a web page prints before the document (`发布时间：…`, `索引号：…`).
    public static let pageMetadata = Role(rawValue: "page-metadata")
  }

  /// What the stretch is.
  public var role: Role
  /// The text as printed.
  public var text: String
  /// Where it lies in the decoded input.
  public var range: SourceRange?

  /// A stretch of text with its role and its range in the input.
  public init(role: Role, text: String, range: SourceRange? = nil) {
    self.role = role
    self.text = text
    self.range = range
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("role", role)
    try list.add("text", text)
    try list.add("range", range)
  }

  /// Encodes the TextBlock as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
}

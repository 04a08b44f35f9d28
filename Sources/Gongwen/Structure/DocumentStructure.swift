import GongwenModel

/// The layout of a document as the section recognizer reads it: the numbered body as a tree,
/// and the whole text cut into blocks that say what each part is — front matter, a section's
/// heading or text, a table of contents, or one of the closing elements.
///
/// The entity extractor reads the blocks to know where to look: the meeting header in the
/// front, rosters in ``StructureBlock/Role/label(_:)`` blocks, the signature in
/// ``StructureBlock/Role/organLine`` and ``StructureBlock/Role/dateLine`` blocks, and so on.
public struct DocumentStructure: Sendable, Hashable {
  /// The numbered body (正文) as a tree, top-level sections first.
  public var sections: [Section]
  /// The text cut into blocks, in document order.
  public var blocks: [StructureBlock]
  /// Skipped, repeated and out-of-order section numbers.
  public var diagnostics: [Diagnostic]

  /// Creates a DocumentStructure from its parts; each argument sets the property of the same name.
  public init(sections: [Section] = [], blocks: [StructureBlock] = [], diagnostics: [Diagnostic] = []) {
    self.sections = sections
    self.blocks = blocks
    self.diagnostics = diagnostics
  }

  /// The blocks with a role, in document order.
  public func blocks(_ role: StructureBlock.Role) -> [StructureBlock] {
    blocks.filter { $0.role == role }
  }

  /// The section at an index path (`[1, 0]`: the first child of the second top-level section).
  public func section(at path: [Int]) -> Section? {
    guard let first = path.first, sections.indices.contains(first) else { return nil }
    var section = sections[first]
    for index in path.dropFirst() {
      guard section.children.indices.contains(index) else { return nil }
      section = section.children[index]
    }
    return section
  }
}

/// A stretch of the normalised text with one layout role: a paragraph, or part of a paragraph
/// that holds several things (a web copy that lost its line breaks, an organ and a date on one
/// line).
///
/// Blocks follow each other in document order without overlapping. What lies between two
/// blocks is only white space and the line breaks between paragraphs.
public struct StructureBlock: Sendable, Hashable {
  /// What a block is, by its place in the layout of a 公文 (GB/T 9704-2012), not by its meaning.
  public enum Role: Sendable, Hashable {
    /// Before the body: page metadata of a web copy, the 版头 (份号, 密级, 紧急程度, 发文机关标志),
    /// 发文字号, 签发人, the title, the 主送 line, and the opening paragraphs before the first
    /// section marker (the opening of minutes, `会议议定以下意见：`).
    case front
    /// A table of contents (目录) listing chapters or sections before the body.
    case tableOfContents
    /// A section's marker and title; the path is the section's index path in
    /// ``DocumentStructure/sections``.
    case heading([Int])
    /// A section's own text after its title: the rest of its first paragraph and the
    /// unnumbered paragraphs that follow it.
    case body([Int])
    /// Body text of a document that has no section markers there: the text of a notice that
    /// issues an attachment, or of a short reply, before its signature.
    case unnumberedBody
    /// The title of an attachment printed after the signature of the covering notice, and the
    /// word `附件` (`附件1`) standing before it.
    case attachmentTitle
    /// The opening paragraphs of an attachment before its first section marker.
    case attachmentPreamble
    /// A paragraph opening with a block label (`出席：` `列席：` `请假：` `记录：` `分送：` `抄送：`
    /// `附件：`), and the continuation paragraphs that carry no label of their own (roster lines,
    /// `市检察院、联通苏州分公司的代表`, the further items of an attachment list).
    case label(BlockLabel)
    /// A closing formula: `特此通知。` `特此函告，请予支持。` `此复。` `妥否，请批示。`.
    case closingFormula
    /// A short line naming one or several organs: the signature (发文机关署名).
    case organLine
    /// The line of the office that compiled minutes (`苏州市人民政府办公室整理`).
    case compilerLine
    /// A date standing alone: the date of the document (成文日期) or of the compiler line.
    case dateLine
    /// A note (附注): `（此件公开发布）`, `主动公开`, `（联系人：…，联系电话：…）`.
    case note
    /// The 印发 line of the 版记: organ and date of printing.
    case issuance
    /// What the copy added to the text or left in it that is no part of the document: the `...`
    /// and an unfinished marker (`(十一`) where a web copy was cut short, a page counter
    /// (`1 / 3`) or a document-sharing page's chunk number (`1、`) inside the text.
    case artifact
  }

  /// What the block is.
  public var role: Role
  /// The block's range in ``LexicalText/scalars`` (the folded view), without the spaces around
  /// it.
  public var range: Range<Int>
  /// The index of the paragraph it lies in, in ``LexicalText/paragraphs``.
  public var paragraph: Int
  /// The label the block opens with or continues, and where its content lies; nil for a block
  /// without one.
  public var label: LabelledContent?
  /// The date the block states: the date of a date line or of a 印发 line.
  public var date: DateMatch?
  /// The organ names of an organ line (one, or several side by side) or of a 印发 line;
  /// a compiler line's organ without its `整理`.
  public var organs: [Range<Int>]

  /// Creates a StructureBlock from its parts; each argument sets the property of the same name.
  public init(
    role: Role, range: Range<Int>, paragraph: Int, label: LabelledContent? = nil, date: DateMatch? = nil,
    organs: [Range<Int>] = []
  ) {
    self.role = role
    self.range = range
    self.paragraph = paragraph
    self.label = label
    self.date = date
    self.organs = organs
  }

  /// The block's text, in the document's own characters.
  public func text(in text: LexicalText) -> String {
    text.string(range)
  }
}

/// A label a block opens with (`出席：…`, `分送：…`, `主持人：…`) or continues (the roster lines
/// under `列席：`), and where the label's content lies.
public struct LabelledContent: Sendable, Hashable {
  /// The label (出席, 列席, 分送…).
  public var label: BlockLabel
  /// The content: after the label and its colon, or the whole block for a line that continues
  /// the label's block (empty when the label stands alone on its line).
  public var content: Range<Int>
  /// Whether the block opens with the label; false for the lines that continue it.
  public var opensBlock: Bool
  /// Whether the content still belongs to the list the label opened. An attendance roster ends
  /// at a line that holds a sentence, a colon, a date, `整理`, or a lone organ name: such lines
  /// keep the label's role but hold no entries.
  public var continuesList: Bool

  /// Creates a LabelledContent from its parts; each argument sets the property of the same name.
  public init(label: BlockLabel, content: Range<Int>, opensBlock: Bool, continuesList: Bool = true) {
    self.label = label
    self.content = content
    self.opensBlock = opensBlock
    self.continuesList = continuesList
  }
}

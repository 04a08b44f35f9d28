/// A parsed 公文: what the document is, its numbered body, the meeting and its attendees, its
/// closing elements, and the diagnostics met on the way.
///
/// Its JSON form is the output contract: every key is always present (`null` or `[]` when the
/// document has no such thing) and keys come in a fixed order — encode it with
/// ``Document/jsonString(prettyPrinted:)`` or ``OrderedJSONEncoder``. It decodes back from that
/// JSON with any `Decoder`.
public struct Document: Hashable, Sendable, Codable, JSONObjectMembers {
  /// The version of the JSON shape; raised when a key changes meaning.
  public static let currentSchemaVersion = 1

  /// The JSON shape's version, ``currentSchemaVersion`` when made by this version.
  public var schemaVersion: Int
  /// Which of the 公文 kinds the document is (纪要, 通知, 意见…), from its title.
  public var kind: DocumentKind
  /// The title line(s) joined (`苏州市人民政府第126次常务会议纪要`), or nil when the text has none.
  public var title: String?
  /// 发文字号 exactly as printed (`苏府〔2021〕12号`).
  public var docNumber: String?
  /// 主送机关, split into recipients.
  public var recipients: [String]
  /// The meeting, for minutes.
  public var meeting: Meeting?
  /// The numbered body as a tree.
  public var sections: [Section]
  /// Who took part (出席 / 列席 / 请假 / 记录), for minutes and meeting reports.
  public var attendance: Attendance
  /// 分送 / 抄送 recipients.
  public var distribution: [String]
  /// 发文机关署名 and 成文日期.
  public var signature: Signature?
  /// The 印发 organ and date; when there is no 印发 line, the signature's organs and date.
  public var issuer: DatedOrgan?
  /// 附注 without its brackets (`此件公开发布`).
  public var note: String?
  /// Whether the 附注 allows publication (此件公开发布), when it says.
  public var publication: Publication?
  /// What the parser noticed and could not settle, in text order.
  public var diagnostics: [Diagnostic]

  /// The parts of ``docNumber``, when they can be read.
  public var docNumberParts: DocumentNumber?
  /// 版头: copy number, classification, urgency, the issuing organ's mark, signers.
  public var header: Header?
  /// Text before the first numbered section (for minutes, the opening paragraph(s)).
  public var preamble: String?
  /// Who compiled minutes (`苏州市人民政府办公室整理`) and when.
  public var compiler: DatedOrgan?
  /// 附件说明: the attachments the document lists (`附件：1．…`), as printed.
  public var attachments: [String]
  /// Every organisation mentioned, once each.
  public var organizations: [Organization]
  /// Every document cited in 《…》, in order of first mention.
  public var references: [DocumentReference]
  /// What the meeting decided (原则同意《…》, 会议通过…), for minutes.
  public var decisions: [Decision]
  /// Tasks assigned to organisations (牵头, 负责, 配合).
  public var tasks: [Assignment]
  /// The text no key above holds — the unnumbered body, closing formulas, a table of contents,
  /// attachment titles and opening paragraphs, page metadata — in document order, so that
  /// nothing of the text is lost.
  public var otherText: [TextBlock]
  /// Where the plain text values (title, 发文字号, recipients, distribution, note, represented
  /// organisations, attachments) came from; every object value carries its own `range`.
  public var sourceRanges: SourceRanges
  /// How the input was read.
  public var source: SourceInfo?

  /// How the input was read.
  public struct SourceInfo: Hashable, Sendable, Codable, JSONObjectMembers {
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`…), when parsed from bytes.
    public var encoding: String?
    /// The length of the decoded text in Unicode scalars (the unit of every range).
    public var length: Int
    /// The format the text was extracted from (`pdf`, `docx`, `ofd`); nil, and left out of
    /// the JSON, for text.
    public var format: String?
    /// For paged sources (PDF, OFD), where each page's text lies: a range's page is the page
    /// whose span holds its start.
    public var pages: [Page] = []

    /// One page of a paged source, as a span of the extracted text.
    public struct Page: Hashable, Sendable, Codable, JSONObjectMembers {
      /// From 1.
      public var number: Int
      /// The offset of the page's first scalar in the text.
      public var start: Int
      /// The page's length in scalars.
      public var length: Int

      /// Creates a Page from its parts; each argument sets the property of the same name.
      public init(number: Int, start: Int, length: Int) {
        self.number = number
        self.start = start
        self.length = length
      }

      package func listMembers<List: JSONMemberList>(into list: inout List) throws {
        try list.add("number", number)
        try list.add("start", start)
        try list.add("length", length)
      }

      /// Encodes the Page as its contract JSON object, keys in their documented order.
      public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
    }

    /// For extracted sources (PDF, OFD, DOCX, saved pages), where each stretch of the text came
    /// from, in text order: one region per line of a page, per paragraph or table cell, per
    /// page block; empty, and left out of the JSON, for plain text.
    public var regions: [Region] = []

    /// A stretch of the extracted text and where in the source it came from: a box on a page
    /// (PDF, OFD), a paragraph or a table cell (DOCX), an element (saved pages).
    public struct Region: Hashable, Sendable, Codable, JSONObjectMembers {
      /// The offset of the region's first scalar in the text, as every range's `start`.
      public var start: Int
      /// The offset just past its last scalar.
      public var end: Int
      /// The page, from 1, for paged sources (PDF, OFD).
      public var page: Int?
      /// PDF and OFD: the line's box on its page.
      public var box: Box?
      /// DOCX: the index, from 0, of the paragraph among the body's paragraphs; nil in a table.
      public var paragraph: Int?
      /// DOCX: the index, from 0, of the table among the body's tables.
      public var table: Int?
      /// DOCX: the index, from 0, of the row in its table.
      public var row: Int?
      /// DOCX: the index, from 0, of the cell in its row.
      public var cell: Int?
      /// Saved pages: the name of the innermost block element holding the text (`p`, `td`,
      /// `div`), or `body` for text in no block.
      public var element: String?
      /// Saved pages: the index, from 0, of that element among the page's block elements in the
      /// order they open; nil for `body`.
      public var block: Int?

      /// A box on a page, in the source's units — PDF points, OFD millimetres — with `y`
      /// growing downwards from the page's top edge.
      public struct Box: Hashable, Sendable, Codable, JSONObjectMembers {
        /// The left edge.
        public var x: Double
        /// The top edge.
        public var y: Double
        /// The width.
        public var width: Double
        /// The height.
        public var height: Double

        /// Creates a Box from its parts; each argument sets the property of the same name.
        public init(x: Double, y: Double, width: Double, height: Double) {
          self.x = x
          self.y = y
          self.width = width
          self.height = height
        }

        package func listMembers<List: JSONMemberList>(into list: inout List) throws {
          try list.add("x", JSONValue.double(x))
          try list.add("y", JSONValue.double(y))
          try list.add("width", JSONValue.double(width))
          try list.add("height", JSONValue.double(height))
        }

        /// Encodes the Box as its contract JSON object, keys in their documented order.
        public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
      }

      /// Creates a Region from its parts; each argument sets the property of the same name.
      public init(
        start: Int, end: Int, page: Int? = nil, box: Box? = nil, paragraph: Int? = nil, table: Int? = nil,
        row: Int? = nil, cell: Int? = nil, element: String? = nil, block: Int? = nil
      ) {
        self.start = start
        self.end = end
        self.page = page
        self.box = box
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.cell = cell
        self.element = element
        self.block = block
      }

      package func listMembers<List: JSONMemberList>(into list: inout List) throws {
        try list.add("start", start)
        try list.add("end", end)
        if let page { try list.add("page", page) }
        try list.addIfPresent("box", box)
        if let paragraph { try list.add("paragraph", paragraph) }
        if let table { try list.add("table", table) }
        if let row { try list.add("row", row) }
        if let cell { try list.add("cell", cell) }
        try list.addIfPresent("element", element)
        if let block { try list.add("block", block) }
      }

      /// Encodes the Region as its contract JSON object, keys in their documented order.
      public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
    }

    /// Creates a SourceInfo from its parts; each argument sets the property of the same name.
    public init(encoding: String? = nil, length: Int, format: String? = nil, pages: [Page] = [], regions: [Region] = []) {
      self.encoding = encoding
      self.length = length
      self.format = format
      self.pages = pages
      self.regions = regions
    }

    private enum CodingKeys: String, CodingKey { case encoding, length, format, pages, regions }

    /// Decodes a SourceInfo from its contract JSON; keys left out take their defaults.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      encoding = try container.decodeIfPresent(String.self, forKey: .encoding)
      length = try container.decode(Int.self, forKey: .length)
      format = try container.decodeIfPresent(String.self, forKey: .format)
      pages = try container.decodeIfPresent([Page].self, forKey: .pages) ?? []
      regions = try container.decodeIfPresent([Region].self, forKey: .regions) ?? []
    }

    /// The region holding the scalar at `offset`, when the source has regions.
    public func region(at offset: Int) -> Region? {
      regions.last { $0.start <= offset && offset < $0.end }
    }

    /// The page holding the scalar at `offset`, when the source has pages.
    public func page(at offset: Int) -> Int? {
      pages.last { $0.start <= offset }?.number
    }

    package func listMembers<List: JSONMemberList>(into list: inout List) throws {
      try list.add("encoding", encoding)
      try list.add("length", length)
      try list.addIfPresent("format", format)
      if !pages.isEmpty { try list.add("pages", pages) }
      if !regions.isEmpty { try list.add("regions", regions) }
    }

    /// Encodes the SourceInfo as its contract JSON object, keys in their documented order.
    public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }
  }

  /// Creates a Document from its parts; each argument sets the property of the same name.
  public init(
    kind: DocumentKind = .unknown, title: String? = nil, docNumber: String? = nil,
    recipients: [String] = [], meeting: Meeting? = nil, sections: [Section] = [],
    attendance: Attendance = Attendance(), distribution: [String] = [],
    signature: Signature? = nil, issuer: DatedOrgan? = nil, note: String? = nil,
    publication: Publication? = nil, diagnostics: [Diagnostic] = [],
    docNumberParts: DocumentNumber? = nil, header: Header? = nil, preamble: String? = nil, compiler: DatedOrgan? = nil,
    attachments: [String] = [],
    organizations: [Organization] = [], references: [DocumentReference] = [],
    decisions: [Decision] = [], tasks: [Assignment] = [], otherText: [TextBlock] = [],
    sourceRanges: SourceRanges = SourceRanges(), source: SourceInfo? = nil
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.kind = kind
    self.title = title
    self.docNumber = docNumber
    self.recipients = recipients
    self.meeting = meeting
    self.sections = sections
    self.attendance = attendance
    self.distribution = distribution
    self.signature = signature
    self.issuer = issuer
    self.note = note
    self.publication = publication
    self.diagnostics = diagnostics
    self.docNumberParts = docNumberParts
    self.header = header
    self.preamble = preamble
    self.compiler = compiler
    self.attachments = attachments
    self.organizations = organizations
    self.references = references
    self.decisions = decisions
    self.tasks = tasks
    self.otherText = otherText
    self.sourceRanges = sourceRanges
    self.source = source
  }

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, kind, title, docNumber, recipients, meeting, sections, attendance
    case distribution, signature, issuer, note, publication, diagnostics
    case docNumberParts, header, preamble, compiler, attachments, organizations, references, decisions, tasks
    case otherText, sourceRanges, source
  }

  /// Decodes a Document from its contract JSON; keys left out take their defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.currentSchemaVersion
    kind = try c.decodeIfPresent(DocumentKind.self, forKey: .kind) ?? .unknown
    title = try c.decodeIfPresent(String.self, forKey: .title)
    docNumber = try c.decodeIfPresent(String.self, forKey: .docNumber)
    recipients = try c.decodeIfPresent([String].self, forKey: .recipients) ?? []
    meeting = try c.decodeIfPresent(Meeting.self, forKey: .meeting)
    sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
    attendance = try c.decodeIfPresent(Attendance.self, forKey: .attendance) ?? Attendance()
    distribution = try c.decodeIfPresent([String].self, forKey: .distribution) ?? []
    signature = try c.decodeIfPresent(Signature.self, forKey: .signature)
    issuer = try c.decodeIfPresent(DatedOrgan.self, forKey: .issuer)
    note = try c.decodeIfPresent(String.self, forKey: .note)
    publication = try c.decodeIfPresent(Publication.self, forKey: .publication)
    diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    docNumberParts = try c.decodeIfPresent(DocumentNumber.self, forKey: .docNumberParts)
    header = try c.decodeIfPresent(Header.self, forKey: .header)
    preamble = try c.decodeIfPresent(String.self, forKey: .preamble)
    compiler = try c.decodeIfPresent(DatedOrgan.self, forKey: .compiler)
    attachments = try c.decodeIfPresent([String].self, forKey: .attachments) ?? []
    organizations = try c.decodeIfPresent([Organization].self, forKey: .organizations) ?? []
    references = try c.decodeIfPresent([DocumentReference].self, forKey: .references) ?? []
    decisions = try c.decodeIfPresent([Decision].self, forKey: .decisions) ?? []
    tasks = try c.decodeIfPresent([Assignment].self, forKey: .tasks) ?? []
    otherText = try c.decodeIfPresent([TextBlock].self, forKey: .otherText) ?? []
    sourceRanges = try c.decodeIfPresent(SourceRanges.self, forKey: .sourceRanges) ?? SourceRanges()
    source = try c.decodeIfPresent(SourceInfo.self, forKey: .source)
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    try list.add("schemaVersion", schemaVersion)
    try list.add("kind", kind)
    try list.add("title", title)
    try list.add("docNumber", docNumber)
    try list.add("recipients", recipients)
    try list.add("meeting", meeting)
    try list.add("sections", sections)
    try list.add("attendance", attendance)
    try list.add("distribution", distribution)
    try list.add("signature", signature)
    try list.add("issuer", issuer)
    try list.add("note", note)
    try list.add("publication", publication)
    try list.add("diagnostics", diagnostics)
    try list.add("docNumberParts", docNumberParts)
    try list.add("header", header)
    try list.add("preamble", preamble)
    try list.add("compiler", compiler)
    try list.add("attachments", attachments)
    try list.add("organizations", organizations)
    try list.add("references", references)
    try list.add("decisions", decisions)
    try list.add("tasks", tasks)
    try list.add("otherText", otherText)
    try list.add("sourceRanges", sourceRanges)
    try list.add("source", source)
  }

  /// Encodes the Document as its contract JSON object, keys in their documented order.
  public func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }

  /// The document as contract JSON: keys in order, every key present, UTF-8 text unescaped.
  public func jsonString(prettyPrinted: Bool = true) -> String {
    String(decoding: jsonBytes(prettyPrinted: prettyPrinted), as: UTF8.self)
  }

  /// The contract JSON as UTF-8 bytes, for writing to a file or a pipe without a `String`.
  public func jsonBytes(prettyPrinted: Bool = true) -> [UInt8] { JSONBytes.of(self, prettyPrinted: prettyPrinted) }
}

import GongwenModel

/// A token of normalised text: what it is, where it lies in ``NormalizedText/scalars`` and
/// where it came from in the input.
public struct Token: Hashable, Sendable {
  /// What the token is: a word, a lexicon entry, a name, a number, a date, punctuation…
  public var kind: Kind
  /// Offsets into ``NormalizedText/scalars``, end exclusive.
  public var range: Range<Int>
  /// The input range the token came from (Unicode scalar offsets, end exclusive).
  public var sourceRange: SourceRange

  /// Creates a Token from its parts; each argument sets the property of the same name.
  public init(kind: Kind, range: Range<Int>, sourceRange: SourceRange) {
    self.kind = kind
    self.range = range
    self.sourceRange = sourceRange
  }

  /// The token's text.
  public func text(in text: NormalizedText) -> String { text.string(range) }

  /// What a token is.
  public enum Kind: Hashable, Sendable {
    /// An ordinary word, as ICU's dictionary word break found it.
    case word
    /// An organisation (`市发改委`, `苏州工业园区`, `人行苏州中支`), with its full name when the
    /// lexicon expands it.
    case organization(fullName: String?)
    /// A title or office: `市长`, `副秘书长`, `党组书记`.
    case title
    /// A place: `苏州市`, `吴中区`, `江苏`; with its full name for short forms (`苏州` →
    /// `苏州市`).
    case place(fullName: String?)
    /// Vocabulary of meetings: `常务会议`, `纪要`, `列席`, `原则同意`.
    case meetingTerm
    /// A number: `126`, `1.5亿`, `二十一`, `第126次` (ordinal, with its counter).
    case number(NumberValue)
    /// A date: `2021年1月23日`, `二〇二一年一月二十三日`, `9月23日`, `2021年`.
    case date(DateValue)
    /// A section number (`一、` `（一）` `1.` `（1）` `①` `第一章` `第一条`) at the start of a paragraph
    /// or after a sentence.
    case sectionMarker(SectionMarker)
    /// Punctuation, with its role.
    case punctuation(Punctuation)
    /// A document title in 《…》, brackets included, with the titles nested inside it.
    case documentTitle(DocumentTitle)
    /// A possible personal name; the entity extractor decides. Names from the lexicon's people
    /// score 1.
    case personName(PersonNameCandidate)
    /// Latin letters, with digits inside (`PDF`, `G60`, `5G` starts with a number).
    case latin
    /// A run of spaces inside a paragraph (rosters separate entries with them).
    case space
    /// The break between two paragraphs.
    case paragraphBreak
    /// Anything else: symbols, private-use and unassigned scalars.
    case other

    /// A short name of the kind, for display (`organization`, `date`…).
    public var name: String {
      switch self {
      case .word: return "word"
      case .organization: return "organization"
      case .title: return "title"
      case .place: return "place"
      case .meetingTerm: return "meetingTerm"
      case .number: return "number"
      case .date: return "date"
      case .sectionMarker: return "sectionMarker"
      case .punctuation: return "punctuation"
      case .documentTitle: return "documentTitle"
      case .personName: return "personName"
      case .latin: return "latin"
      case .space: return "space"
      case .paragraphBreak: return "paragraphBreak"
      case .other: return "other"
      }
    }
  }
}

/// The value of a number token.
public struct NumberValue: Hashable, Sendable {
  /// The value (`1.5亿` → 150000000, `二十一` → 21).
  public var value: Double
  /// Whether it is an ordinal (`第126次`).
  public var isOrdinal: Bool

  /// Creates a NumberValue from its parts; each argument sets the property of the same name.
  public init(value: Double, isOrdinal: Bool = false) {
    self.value = value
    self.isOrdinal = isOrdinal
  }

  /// The value as an integer, when it is one.
  public var integer: Int? {
    value.rounded() == value && abs(value) < 9e15 ? Int(value) : nil
  }
}

/// A punctuation mark and its role. ASCII punctuation of web copies plays the same roles as
/// its Chinese counterpart (`,` like `，`, `:` like `：`, `(` like `（`).
public struct Punctuation: Hashable, Sendable {
  /// What a punctuation mark does in a sentence or a list.
  public enum Role: String, Hashable, Sendable {
    /// 、 — separates items inside one category of a list.
    case enumerationComma
    /// ， `,`
    case comma
    /// ； `;`
    case semicolon
    /// ： `:`
    case colon
    /// 。 ！ ？ and `.` `!` `?` — ends a sentence.
    case fullStop
    /// （ ( 【 [ 〔 「 『 〈 < ｛ {
    case openBracket
    /// ） ) 】 ] 〕 」 』 〉 > ｝ }
    case closeBracket
    /// “ ‘
    case openQuote
    /// ” ’
    case closeQuote
    /// " and ' — a quote that does not say whether it opens or closes.
    case quote
    /// — – and a lone `-`
    case dash
    /// … ⋯
    case ellipsis
    /// · • / and the rest.
    case other
  }

  /// What the mark does.
  public var role: Role

  /// Creates a mark playing `role`.
  public init(role: Role) { self.role = role }

  /// Whether the mark separates list entries: 、，； and their ASCII forms.
  public var isListSeparator: Bool {
    role == .enumerationComma || role == .comma || role == .semicolon
  }

  /// The role of `scalar` when it is punctuation, else nil.
  public static func role(of scalar: Unicode.Scalar) -> Role? {
    switch scalar {
    case "、": return .enumerationComma
    case "，", ",", "﹐": return .comma
    case "；", ";": return .semicolon
    case "：", ":": return .colon
    case "。", "！", "？", ".", "!", "?", "｡": return .fullStop
    case "（", "(", "【", "[", "〔", "「", "『", "〈", "<", "｛", "{", "〖", "［", "《": return .openBracket
    case "）", ")", "】", "]", "〕", "」", "』", "〉", ">", "｝", "}", "〗", "］", "》": return .closeBracket
    case "“", "‘": return .openQuote
    case "”", "’": return .closeQuote
    case "\"", "'", "＂", "＇": return .quote
    case "—", "–", "-", "－", "―", "~", "～": return .dash
    case "…", "⋯": return .ellipsis
    case "·", "•", "/", "／", "\\", "|", "&", "*", "#", "%", "@", "+", "=", "_", "^", "`", "$", "・", "※", "★", "☆",
      "●", "○", "■", "□", "▲", "△", "◆", "◇", "→", "←", "√", "×", "＋", "＝", "％", "＃", "＆", "＊", "＠":
      return .other
    default: return nil
    }
  }
}

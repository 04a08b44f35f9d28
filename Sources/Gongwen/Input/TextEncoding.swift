/// A character encoding, named as ICU and IANA name it (`UTF-8`, `GB18030`, `Big5`…).
///
/// The encodings Gongwen detects by itself have static members; any other encoding ICU knows
/// can be named explicitly (``TextDecoder/Options/encoding``).
public struct TextEncoding: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The encoding's ICU / IANA name.
  public var rawValue: String

  /// Creates an encoding from its exact ICU / IANA name; see ``init(name:)`` for users' spellings.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// UTF-8, with or without a byte-order mark.
  public static let utf8 = TextEncoding(rawValue: "UTF-8")
  /// UTF-16, little-endian (Windows' "Unicode" text files).
  public static let utf16LittleEndian = TextEncoding(rawValue: "UTF-16LE")
  /// UTF-16, big-endian.
  public static let utf16BigEndian = TextEncoding(rawValue: "UTF-16BE")
  /// GB18030, the superset of GBK and GB2312 used by mainland government files.
  public static let gb18030 = TextEncoding(rawValue: "GB18030")
  /// Big5, Traditional Chinese files from Taiwan and Hong Kong.
  public static let big5 = TextEncoding(rawValue: "Big5")

  /// An encoding from a user's name for it, case- and punctuation-insensitively for the ones
  /// Gongwen knows (`utf8`, `gbk`, `GB2312`, `big-5`…); GBK and GB2312 read as GB18030, their
  /// superset. Other names pass through to ICU as given.
  public init(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16", "utf16le": self = .utf16LittleEndian
    case "utf16be": self = .utf16BigEndian
    case "gb18030", "gbk", "gb2312", "cp936", "euccn": self = .gb18030
    case "big5", "big5hkscs", "cp950": self = .big5
    default: self = TextEncoding(rawValue: name)
    }
  }

  /// The encoding's name.
  public var description: String { rawValue }

  var isUTF16: Bool { self == .utf16LittleEndian || self == .utf16BigEndian }
}

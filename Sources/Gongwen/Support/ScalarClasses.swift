/// Character classes the pipeline asks about on its hot paths, answered from the scalar value
/// alone (no `Character` or `String` work).
extension Unicode.Scalar {
  /// A Chinese character (汉字): the CJK Unified Ideographs and their extensions, the
  /// compatibility ideographs, and 〇 (U+3007), the ideographic zero used in dates.
  @inlinable var isHan: Bool {
    let v = value
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x20000...0x3134F).contains(v) || (0xF900...0xFAFF).contains(v) || v == 0x3007
  }

  @inlinable var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

  @inlinable var isASCIILetter: Bool {
    (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
  }

  @inlinable var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }

  /// The scalars of ``isHorizontalSpace``, for sets built from them.
  static let horizontalSpaces: [Unicode.Scalar] =
    [0x20, 0x09, 0xA0, 0x3000, 0x202F, 0x205F, 0x1680].compactMap(Unicode.Scalar.init(_:))
    + (0x2000...0x200A).compactMap(Unicode.Scalar.init(_:))

  /// Space inside a line: ASCII space and tab, the ideographic space (全角空格) U+3000, no-break
  /// and the other Unicode spaces.
  @inlinable var isHorizontalSpace: Bool {
    switch value {
    case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F, 0x1680: return true
    default: return false
    }
  }

  /// Scalars that end a line: LF, CR, VT, FF (page break in `pdftotext` output), NEL, LS, PS.
  @inlinable var isLineTerminator: Bool {
    switch value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Invisible scalars web copies leave in text: zero-width spaces and joiners, the BOM,
  /// soft hyphens, and C0/C1 controls other than white space.
  @inlinable var isInvisibleNoise: Bool {
    let v = value
    switch v {
    case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: return true
    case 0x00...0x08, 0x0E...0x1F, 0x7F, 0x80...0x84, 0x86...0x9F: return true
    default: return false
    }
  }

  /// Columns the scalar takes in a Chinese page: 2 for wide and full-width forms (汉字, Chinese
  /// punctuation, curly quotes, which Chinese fonts set full width), 1 otherwise.
  @inlinable var displayWidth: Int {
    let v = value
    if v < 0x1100 { return (v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D) ? 2 : 1 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
      || v == 0x2014 || v == 0x2026 || v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D
    {
      return 2
    }
    return 1
  }

  /// 汉字 that follow a number as its unit or counter (量词): years, months, days, items, sessions.
  @inlinable var isNumberCounter: Bool {
    switch self {
    case "年", "月", "日", "号", "时", "点", "分", "秒", "次", "个", "项",
      "条", "款", "章", "节", "届", "期", "周", "岁", "名", "人",
      "元", "万", "亿", "千", "百", "家", "所", "件", "台", "辆", "天", "倍",
      "米", "吨", "亩", "户", "座", "批", "类", "级", "篇", "页",
      "份", "余", "多", "至", "部", "位", "平", "公", "小", "层", "度":
      return true
    default:
      return false
    }
  }
}

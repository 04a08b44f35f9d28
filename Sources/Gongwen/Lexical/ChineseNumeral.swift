/// Reads numbers written in Chinese numerals (中文数字): `十二` 12, `二十一` 21, `一百零五` 105,
/// `二〇二一` 2021 (digit by digit, as years are written), financial forms (`壹贰叁`), and the
/// zeros `〇` `○` `零` and the letter `O` that copies put in dates — in folded text
/// (``LexicalText``), where Traditional forms (`萬`, `貳`) read as Simplified ones.
public enum ChineseNumeral {
  /// The value of a single numeral digit (0–9), or nil.
  @inlinable public static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "〇", "○", "零", "0", "O", "Ｏ", "o": return 0
    case "一", "壹", "1": return 1
    case "二", "贰", "两", "2": return 2
    case "三", "叁", "3": return 3
    case "四", "肆", "4": return 4
    case "五", "伍", "5": return 5
    case "六", "陆", "6": return 6
    case "七", "柒", "7": return 7
    case "八", "捌", "8": return 8
    case "九", "玖", "9": return 9
    default: return nil
    }
  }

  /// The multiplier a unit character stands for (十 10, 百 100, 千 1000, 万 10⁴, 亿 10⁸).
  @inlinable public static func unit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "十", "拾": return 10
    case "百", "佰": return 100
    case "千", "仟": return 1000
    case "万": return 10_000
    case "亿": return 100_000_000
    default: return nil
    }
  }

  /// Every scalar that can be part of a Chinese numeral (not ASCII), for sets built from them.
  static let scalars: [Unicode.Scalar] = Array("〇○零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿".unicodeScalars)

  /// Whether the scalar can be part of a Chinese numeral (a digit or a unit; not ASCII).
  @inlinable public static func isNumeralScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x80 && (digit(scalar) != nil || unit(scalar) != nil)
  }

  /// The value of `scalars` read as one Chinese numeral, or nil when they are not one.
  /// Without units the digits are read positionally (`二〇二一` → 2021); with units as a
  /// quantity (`二十一` → 21, `一百零五` → 105, `十` → 10).
  public static func value<C: Collection>(of scalars: C) -> Int? where C.Element == Unicode.Scalar {
    guard !scalars.isEmpty, scalars.count <= 18 else { return nil }
    var hasUnit = false
    for s in scalars {
      if unit(s) != nil { hasUnit = true } else if digit(s) == nil { return nil }
    }
    if !hasUnit {
      var result = 0
      for s in scalars { result = result * 10 + digit(s)! }
      return result
    }
    var total = 0
    var section = 0
    var pending: Int? = nil
    for s in scalars {
      if let d = digit(s) {
        if d == 0 { continue }  // 零 only holds a place: 一百零五
        if pending != nil { return nil }  // two digits in a row inside a quantity
        pending = d
      } else if let u = unit(s) {
        if u >= 10_000 {
          section += pending ?? 0
          if section == 0 { section = 1 }
          total += section * u
          section = 0
        } else {
          section += (pending ?? 1) * u
        }
        pending = nil
      }
    }
    return total + section + (pending ?? 0)
  }
}

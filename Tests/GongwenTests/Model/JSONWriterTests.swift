import Testing

@testable import Gongwen

@Suite("Model: the JSON writer's escapes and numbers")
struct JSONWriterTests {
  /// JSON's escapes, one scalar at a time: what the writer must produce.
  func expected(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Every character that needs care, at every position of texts longer and shorter than the
  /// eight bytes the writer tests at once, beside Chinese (whose UTF-8 holds E2 lead bytes too).
  @Test(arguments: ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "“", "—", "/"])
  func escapesWhereverTheyStand(special: String) {
    let base = Array("会议ab“要求”cd—12345市政府efgh".unicodeScalars)
    for length in [0, 1, 7, 8, 9, 15, 16, base.count] {
      for position in 0...length {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: base[..<position])
        scalars.append(contentsOf: special.unicodeScalars)
        scalars.append(contentsOf: base[position..<length])
        let text = String(scalars)
        #expect(JSONValue.string(text).serialized() == expected(text), "\(text.debugDescription)")
      }
    }
  }

  @Test func integersFromTheSmallestToTheLargest() {
    let values = [0, 7, 9, 10, 99, 100, 12_345, -1, -10, -987, Int.max, Int.min]
    #expect(JSONValue.array(values.map(JSONValue.int)).serialized() == "[" + values.map(String.init).joined(separator: ",") + "]")
  }

  @Test func aLongTextGrowsTheBuffer() {
    let text = String(repeating: "会议纪要\"", count: 5_000)
    #expect(JSONValue.object([("k", .string(text))]).serialized(prettyPrinted: true) == "{\n  \"k\": " + expected(text) + "\n}")
  }
}

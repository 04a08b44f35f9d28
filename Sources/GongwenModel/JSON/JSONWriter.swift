/// Writes JSON text into a UTF-8 byte buffer: strings escaped only where JSON requires (Chinese
/// stays UTF-8, `/` stays as is), two-space indentation when pretty.
struct JSONWriter {
  var bytes: [UInt8] = []
  let pretty: Bool

  init(pretty: Bool, capacity: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  /// A line break and the indentation of `depth`, when pretty.
  mutating func newline(_ depth: Int) {
    guard pretty else { return }
    bytes.append(0x0A)
    for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
  }

  /// Digits from the most significant one, without a buffer of digits to reverse (an array
  /// per integer was a third of writing a range).
  mutating func integer(_ value: Int) {
    if value < 0 { bytes.append(0x2D) }
    var rest = value.magnitude
    var power: UInt = 1
    while power <= rest / 10 { power *= 10 }
    while true {
      bytes.append(UInt8(truncatingIfNeeded: rest / power) + 0x30)
      guard power > 1 else { return }
      rest %= power
      power /= 10
    }
  }

  mutating func double(_ value: Double) {
    if !value.isFinite {
      raw("null")
    } else if value == value.rounded() && abs(value) < 1e15 {
      integer(Int(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  mutating func string(_ value: String) {
    bytes.append(0x22)
    var value = value
    value.withUTF8 { utf8 in
      var plain = 0
      var index = 0
      let count = utf8.count
      while index < count {
        let byte = utf8[index]
        // Nearly every byte is plain text: one comparison chain and on.
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
          index += 1
          continue
        }
        if byte == 0xE2 {
          // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript string literals.
          if index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            bytes.append(contentsOf: utf8[index + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator)
            index += 3
            plain = index
          } else {
            index += 1
          }
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x0A: bytes.append(0x6E)
        case 0x0D: bytes.append(0x72)
        case 0x09: bytes.append(0x74)
        default: bytes.append(contentsOf: [0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        }
        index += 1
        plain = index
      }
      if plain < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...])) }
    }
    bytes.append(0x22)
  }

  private static let lineSeparator: [UInt8] = Array("\\u2028".utf8)
  private static let paragraphSeparator: [UInt8] = Array("\\u2029".utf8)

  var text: String { String(decoding: bytes, as: UTF8.self) }
}

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

  mutating func integer(_ value: Int) {
    if value == 0 {
      bytes.append(0x30)
      return
    }
    var digits: [UInt8] = []
    var rest = value.magnitude
    while rest > 0 {
      digits.append(UInt8(truncatingIfNeeded: rest % 10) + 0x30)
      rest /= 10
    }
    if value < 0 { bytes.append(0x2D) }
    bytes.append(contentsOf: digits.reversed())
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
      for (index, byte) in utf8.enumerated() {
        let escape: UInt8?
        switch byte {
        case 0x22: escape = 0x22
        case 0x5C: escape = 0x5C
        case 0x0A: escape = 0x6E
        case 0x0D: escape = 0x72
        case 0x09: escape = 0x74
        case 0..<0x20: escape = 0
        default: escape = nil
        }
        guard let escape else {
          // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript string literals.
          if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            bytes.append(contentsOf: Array(utf8[index + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8))
            plain = index + 3
          }
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
        bytes.append(0x5C)
        if escape == 0 {
          bytes.append(contentsOf: [0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        } else {
          bytes.append(escape)
        }
        plain = index + 1
      }
      if plain < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...])) }
    }
    bytes.append(0x22)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}

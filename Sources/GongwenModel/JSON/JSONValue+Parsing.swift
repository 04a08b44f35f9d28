/// Why a text is not JSON: the reason and the UTF-8 byte offset where reading stopped.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Offset in UTF-8 bytes from the start of the text.
  public var offset: Int
  /// What was expected or found (`invalid number`).
  public var reason: String

  /// Creates an error for the byte `offset` and its `reason`.
  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  /// The reason with its byte offset, for messages.
  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
  /// Reads JSON text (RFC 8259) keeping object keys in the order written, which Foundation's
  /// `JSONSerialization` does not. Integers that fit `Int` become ``int(_:)``, other numbers
  /// ``double(_:)``.
  public init(parsing text: String) throws(JSONParseError) {
    var reader = JSONReader(bytes: Array(text.utf8))
    self = try reader.readDocument()
  }

  /// Reads JSON from UTF-8 bytes; a leading byte-order mark is skipped.
  public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
    var reader = JSONReader(bytes: Array(bytes))
    self = try reader.readDocument()
  }
}

/// A recursive-descent reader over UTF-8 bytes with an integer offset.
private struct JSONReader {
  let bytes: [UInt8]
  var offset = 0
  /// Nesting is bounded so that hostile input cannot overflow the stack.
  static let maximumDepth = 512

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
  }

  mutating func readDocument() throws(JSONParseError) -> JSONValue {
    let value = try readValue(depth: 0)
    skipWhiteSpace()
    if offset != bytes.count { throw error("unexpected text after the value") }
    return value
  }

  private func error(_ reason: String) -> JSONParseError { JSONParseError(offset: offset, reason: reason) }

  private mutating func skipWhiteSpace() {
    while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
  }

  private mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < Self.maximumDepth else { throw error("nested too deeply") }
    skipWhiteSpace()
    guard offset < bytes.count else { throw error("unexpected end of text") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try readObject(depth: depth)
    case UInt8(ascii: "["): return try readArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try readLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
    default: throw error("unexpected character")
    }
  }

  private mutating func readLiteral(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
    guard offset + count <= bytes.count, bytes[offset..<offset + count].elementsEqual(expected) else {
      throw error("unexpected character")
    }
    offset += count
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
    skipWhiteSpace()
    guard offset < bytes.count, bytes[offset] == byte else { throw error("expected \(what)") }
    offset += 1
  }

  /// True (and consumes it) when the next non-space byte is `byte`.
  private mutating func take(_ byte: UInt8) -> Bool {
    skipWhiteSpace()
    guard offset < bytes.count, bytes[offset] == byte else { return false }
    offset += 1
    return true
  }

  private mutating func readObject(depth: Int) throws(JSONParseError) -> JSONValue {
    offset += 1
    var members: [(key: String, value: JSONValue)] = []
    if take(UInt8(ascii: "}")) { return .object(members) }
    repeat {
      skipWhiteSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("expected a key") }
      let key = try readString()
      try expect(UInt8(ascii: ":"), "':'")
      members.append((key, try readValue(depth: depth + 1)))
    } while take(UInt8(ascii: ","))
    try expect(UInt8(ascii: "}"), "',' or '}'")
    return .object(members)
  }

  private mutating func readArray(depth: Int) throws(JSONParseError) -> JSONValue {
    offset += 1
    var items: [JSONValue] = []
    if take(UInt8(ascii: "]")) { return .array(items) }
    repeat {
      items.append(try readValue(depth: depth + 1))
    } while take(UInt8(ascii: ","))
    try expect(UInt8(ascii: "]"), "',' or ']'")
    return .array(items)
  }

  private mutating func readString() throws(JSONParseError) -> String {
    offset += 1
    var utf8: [UInt8] = []
    while true {
      guard offset < bytes.count else { throw error("unterminated string") }
      let byte = bytes[offset]
      offset += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let string = String(validating: utf8, as: UTF8.self) else {
          throw error("string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        try readEscape(into: &utf8)
      case 0..<0x20:
        offset -= 1
        throw error("control character in string")
      default:
        utf8.append(byte)
      }
    }
  }

  private mutating func readEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
    guard offset < bytes.count else { throw error("unterminated string") }
    let byte = bytes[offset]
    offset += 1
    let simple: UInt8? =
      switch byte {
      case UInt8(ascii: "\""): 0x22
      case UInt8(ascii: "\\"): 0x5C
      case UInt8(ascii: "/"): 0x2F
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "r"): 0x0D
      case UInt8(ascii: "t"): 0x09
      default: nil
      }
    if let simple {
      utf8.append(simple)
      return
    }
    guard byte == UInt8(ascii: "u") else { throw error("invalid escape") }
    var value = try readHex4()
    if (0xD800..<0xDC00).contains(value) {
      // A high surrogate must be followed by an escaped low surrogate.
      guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
      else { throw error("unpaired surrogate") }
      offset += 2
      let low = try readHex4()
      guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else { throw error("unpaired surrogate") }
    utf8.append(contentsOf: String(scalar).utf8)
  }

  private mutating func readHex4() throws(JSONParseError) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw error("short \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[offset..<offset + 4] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | UInt32(digit)
    }
    offset += 4
    return value
  }

  private mutating func readNumber() throws(JSONParseError) -> JSONValue {
    let start = offset
    var isInteger = true
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    guard skipDigits() > 0 else { throw error("invalid number") }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
      isInteger = false
      offset += 1
      guard skipDigits() > 0 else { throw error("invalid number") }
    }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
      isInteger = false
      offset += 1
      if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
        offset += 1
      }
      guard skipDigits() > 0 else { throw error("invalid number") }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    if isInteger, let integer = Int(text) { return .int(integer) }
    guard let double = Double(text) else { throw JSONParseError(offset: start, reason: "invalid number") }
    return .double(double)
  }

  /// Skips ASCII digits and returns how many there were.
  private mutating func skipDigits() -> Int {
    let start = offset
    while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
    return offset - start
  }
}

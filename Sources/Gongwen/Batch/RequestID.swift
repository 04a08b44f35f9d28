import Foundation

/// The `id` of a stream request as written: the raw bytes of the first top-level `id` member of
/// a JSON object line, found without decoding the rest, so that it is echoed exactly (a big
/// integer is not rounded to a double, a string keeps its escapes) even when the rest of the
/// line is not a valid request — the wrong type for `text`, invalid UTF-8 elsewhere, a line cut
/// short.
enum RequestID {
  /// The raw value of `id`, when the line gets as far as a well-formed one; nil otherwise.
  static func raw(in bytes: [UInt8]) -> [UInt8]? {
    var scanner = Scanner(bytes: bytes)
    scanner.skipSpace()
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    while true {
      scanner.skipSpace()
      guard let key = scanner.string() else { return nil }
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ":")) else { return nil }
      scanner.skipSpace()
      let start = scanner.index
      guard scanner.value() else { return nil }
      if isID(bytes[key]) {
        let value = Array(bytes[start..<scanner.index])
        return isValid(value) ? value : nil
      }
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ",")) else { return nil }
    }
  }

  /// Whether a key (with its quotes) is `"id"`, escapes decoded.
  private static func isID(_ key: ArraySlice<UInt8>) -> Bool {
    if key.elementsEqual(#""id""#.utf8) { return true }
    guard key.contains(UInt8(ascii: "\\")) else { return false }
    return (try? JSONSerialization.jsonObject(with: Data(key), options: .fragmentsAllowed)) as? String == "id"
  }

  /// Whether `value` is one JSON value in UTF-8 (the scanner only finds where it ends).
  private static func isValid(_ value: [UInt8]) -> Bool {
    guard String(validating: value, as: UTF8.self) != nil else { return false }
    if let first = value.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
      return isNumber(value)
    }
    return (try? JSONSerialization.jsonObject(with: Data(value), options: .fragmentsAllowed)) != nil
  }

  /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, any length.
  static func isNumber(_ value: [UInt8]) -> Bool {
    var index = 0
    func digits() -> Int {
      let start = index
      while index < value.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(value[index]) { index += 1 }
      return index - start
    }
    if index < value.count, value[index] == UInt8(ascii: "-") { index += 1 }
    guard index < value.count else { return false }
    if value[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      return false
    }
    if index < value.count, value[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return false }
    }
    if index < value.count, value[index] == UInt8(ascii: "e") || value[index] == UInt8(ascii: "E") {
      index += 1
      if index < value.count, value[index] == UInt8(ascii: "+") || value[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return false }
    }
    return index == value.count
  }

  /// Finds where JSON tokens end; validity is checked afterwards, on the `id` only.
  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A string, quotes included; its range.
    mutating func string() -> Range<Int>? {
      let start = index
      guard take(UInt8(ascii: "\"")) else { return nil }
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "\\"): index += 2
        case UInt8(ascii: "\""):
          index += 1
          return start..<index
        default: index += 1
        }
      }
      return nil
    }

    /// Skips one value; false when the line ends inside it.
    mutating func value() -> Bool {
      guard index < bytes.count else { return false }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        return string() != nil
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        var depth = 0
        while index < bytes.count {
          switch bytes[index] {
          case UInt8(ascii: "\""):
            guard string() != nil else { return false }
            continue
          case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 {
              index += 1
              return true
            }
          default: break
          }
          index += 1
        }
        return false
      default:
        let start = index
        while index < bytes.count, !([0x20, 0x09, 0x0A, 0x0D] + Array(",}]".utf8)).contains(bytes[index]) { index += 1 }
        return index > start
      }
    }
  }
}

/// Writes JSON text into a UTF-8 byte buffer: strings escaped only where JSON requires (Chinese
/// stays UTF-8, `/` stays as is), two-space indentation when pretty.
///
/// The writer keeps its own buffer and writes into it with plain stores, one capacity check per
/// piece: appending each piece to an `[UInt8]` (a uniqueness check, a capacity check and a
/// generic copy every time) was two thirds of writing a document. Copies of a writer share the
/// buffer, so each text is made by one writer, passed `inout`.
struct JSONWriter {
  /// Owns the bytes; freed with the last writer that holds it.
  private final class Storage {
    let bytes: UnsafeMutablePointer<UInt8>

    init(capacity: Int) { bytes = .allocate(capacity: capacity) }

    deinit { bytes.deallocate() }
  }

  private var storage: Storage
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// How many bytes are written.
  private(set) var count = 0
  let pretty: Bool

  init(pretty: Bool, capacity: Int = 1024) {
    self.pretty = pretty
    self.capacity = Swift.max(capacity, 64)
    storage = Storage(capacity: self.capacity)
    base = storage.bytes
  }

  /// The text written, as an array with room for one more byte (a batch ends each output with
  /// a line feed).
  var bytes: [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
      buffer.baseAddress!.initialize(from: base, count: count)
      initialized = count
    }
  }

  var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  @inline(never)
  private mutating func grow(to needed: Int) {
    let larger = Swift.max(needed, capacity * 2)
    let replacement = Storage(capacity: larger)
    replacement.bytes.initialize(from: base, count: count)
    storage = replacement
    base = replacement.bytes
    capacity = larger
  }

  /// Copies `length` bytes from `source`.
  @inline(__always)
  private mutating func copy(_ source: UnsafePointer<UInt8>, _ length: Int) {
    guard length > 0 else { return }
    reserve(length)
    (base + count).initialize(from: source, count: length)
    count += length
  }

  mutating func raw(_ text: StaticString) {
    copy(text.utf8Start, text.utf8CodeUnitCount)
  }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    reserve(1)
    base[count] = value
    count += 1
  }

  /// A line break and the indentation of `depth`, when pretty.
  @inline(__always)
  mutating func newline(_ depth: Int) {
    guard pretty else { return }
    reserve(1 + 2 * depth)
    base[count] = 0x0A
    (base + count + 1).initialize(repeating: 0x20, count: 2 * depth)
    count += 1 + 2 * depth
  }

  /// An object member's start: the comma after the members before it, the line break, the
  /// key and the colon.
  mutating func key(_ key: String, first: Bool, depth: Int) {
    if !first { byte(0x2C) }
    newline(depth)
    string(key)
    byte(0x3A)
    if pretty { byte(0x20) }
  }

  /// An object member's start with a key written in the source: a name of the contract, which
  /// needs no escape, copied as it is with the punctuation around it in one piece.
  mutating func key(_ key: StaticString, first: Bool, depth: Int) {
    assert(key.withUTF8Buffer { $0.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } })
    let indent = pretty ? 1 + 2 * depth : 0
    let length = key.utf8CodeUnitCount
    reserve(length + indent + 5)
    if !first {
      base[count] = 0x2C
      count += 1
    }
    if pretty {
      base[count] = 0x0A
      (base + count + 1).initialize(repeating: 0x20, count: 2 * depth)
      count += indent
    }
    base[count] = 0x22
    (base + count + 1).initialize(from: key.utf8Start, count: length)
    count += length + 1
    base[count] = 0x22
    base[count + 1] = 0x3A
    count += 2
    if pretty {
      base[count] = 0x20
      count += 1
    }
  }

  /// Digits counted first, then written from the last ones back, two at a time: no buffer of
  /// digits, half the divisions.
  mutating func integer(_ value: Int) {
    reserve(20)
    if value < 0 {
      base[count] = 0x2D
      count += 1
    }
    var rest = value.magnitude
    var digits = 1
    var limit: UInt = 10
    while digits < 20 && rest >= limit {
      digits += 1
      limit &*= 10
    }
    var position = count + digits
    count = position
    while rest >= 100 {
      let pair = UInt8(truncatingIfNeeded: rest % 100)
      rest /= 100
      position -= 2
      base[position] = pair / 10 &+ 0x30
      base[position + 1] = pair % 10 &+ 0x30
    }
    let last = UInt8(truncatingIfNeeded: rest)
    if last >= 10 {
      base[position - 2] = last / 10 &+ 0x30
      base[position - 1] = last % 10 &+ 0x30
    } else {
      base[position - 1] = last &+ 0x30
    }
  }

  mutating func double(_ value: Double) {
    if !value.isFinite {
      raw("null")
    } else if value == value.rounded() && abs(value) < 1e15 {
      integer(Int(value))
    } else {
      var text = String(value)
      text.withUTF8 { copy($0.baseAddress!, $0.count) }
    }
  }

  private static let hex: StaticString = "0123456789abcdef"

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { write(escaping: $0) }
  }

  /// Whether any of the eight bytes of `word` may need care: a control character, `"`, `\`,
  /// or 0xE2, the lead byte of U+2028 and U+2029. Exact in that a word for which it says no
  /// holds none of them.
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word & highs
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let separator = word ^ (ones &* 0xE2)
    let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((separator &- ones) & ~separator)
    return (control | (zeros & highs)) != 0
  }

  /// A string's UTF-8 between quotes, escaped. Eight bytes are tested at once; runs of plain
  /// text are copied whole.
  private mutating func write(escaping utf8: UnsafeBufferPointer<UInt8>) {
    let length = utf8.count
    reserve(length + 2)
    base[count] = 0x22
    count += 1
    guard let start = utf8.baseAddress else { return byte(0x22) }
    var plain = 0
    var index = 0
    while index < length {
      if index + 8 <= length,
        !Self.mayNeedEscape(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      let end = Swift.min(index + 8, length)
      while index < end {
        let byte = start[index]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
          index += 1
          continue
        }
        if byte == 0xE2 {
          // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript string literals.
          if index + 2 < length, start[index + 1] == 0x80, start[index + 2] == 0xA8 || start[index + 2] == 0xA9 {
            copy(start + plain, index - plain)
            raw(start[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
            index += 3
            plain = index
          } else {
            index += 1
          }
          continue
        }
        copy(start + plain, index - plain)
        escape(byte)
        index += 1
        plain = index
      }
    }
    copy(start + plain, length - plain)
    byte(0x22)
  }

  private mutating func escape(_ byte: UInt8) {
    reserve(6)
    base[count] = 0x5C
    switch byte {
    case 0x22, 0x5C:
      base[count + 1] = byte
      count += 2
    case 0x0A:
      base[count + 1] = 0x6E
      count += 2
    case 0x0D:
      base[count + 1] = 0x72
      count += 2
    case 0x09:
      base[count + 1] = 0x74
      count += 2
    default:
      let hex = Self.hex.utf8Start
      base[count + 1] = 0x75
      base[count + 2] = 0x30
      base[count + 3] = 0x30
      base[count + 4] = hex[Int(byte >> 4)]
      base[count + 5] = hex[Int(byte & 0xF)]
      count += 6
    }
  }
}

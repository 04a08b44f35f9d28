/// A string as a dictionary key compared and hashed by its UTF-8 bytes. `String`'s own hashing
/// normalises Unicode first, which for Chinese text costs more than the lookup it serves; the
/// names the pipeline keys by all come from the same normalised text, so their bytes agree
/// whenever the names do. The bytes are hashed once, when the key is made: a key is looked up
/// several times (a roster's names are counted, then checked against the names listed before).
struct TextKey: Hashable, Sendable {
  let text: String
  /// FNV-1a of the UTF-8 bytes; equal texts have equal codes.
  private let code: UInt64

  init(_ text: String) {
    var copy = text
    code = copy.withUTF8 { bytes in
      var code: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { code = (code ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return code
    }
    self.text = copy
  }

  static func == (lhs: TextKey, rhs: TextKey) -> Bool {
    guard lhs.code == rhs.code else { return false }
    var left = lhs.text
    var right = rhs.text
    return left.withUTF8 { a in
      right.withUTF8 { b in
        // A plain loop: the generic `elementsEqual` costs about 30 instructions a byte.
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
      }
    }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

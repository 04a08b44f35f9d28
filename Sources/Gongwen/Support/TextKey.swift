/// A string as a dictionary key compared and hashed by its UTF-8 bytes. `String`'s own hashing
/// normalises Unicode first, which for Chinese text costs more than the lookup it serves; the
/// names the pipeline keys by all come from the same normalised text, so their bytes agree
/// whenever the names do.
struct TextKey: Hashable, Sendable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: TextKey, rhs: TextKey) -> Bool {
    var left = lhs.text
    var right = rhs.text
    return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
  }

  func hash(into hasher: inout Hasher) {
    var copy = text
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

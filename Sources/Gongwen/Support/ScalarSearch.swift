extension Array where Element == Unicode.Scalar {
  /// The scalars of `text`, decoded straight from its UTF-8 into storage sized once (the
  /// scalar view counts by walking the string, then copies).
  init(unicodeScalarsOf text: String) {
    var text = text
    self = text.withUTF8 { utf8 in
      [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
        var i = 0
        var n = 0
        let end = utf8.count
        while i < end {
          let lead = UInt32(utf8[i])
          var value: UInt32
          if lead < 0x80 {
            value = lead
            i += 1
          } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            i += 2
          } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            i += 3
          } else {
            value = (lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
              | UInt32(utf8[i + 3] & 0x3F)
            i += 4
          }
          // A String's UTF-8 is always valid, so every value is a scalar.
          buffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
          n += 1
        }
        count = n
      }
    }
  }
}

/// Searching arrays of Unicode scalars with integer offsets — the hot-path form every stage
/// after normalisation works on.
extension Array where Element == Unicode.Scalar {
  /// Whether `needle` occurs at `index`.
  @inlinable func matches(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= count else { return false }
    for offset in 0..<needle.count where self[index + offset] != needle[offset] { return false }
    return true
  }

  /// The first offset in `range` where `needle` starts, or nil.
  @inlinable func firstIndex(of needle: [Unicode.Scalar], in range: Range<Int>) -> Int? {
    guard let first = needle.first, range.count >= needle.count else { return nil }
    var index = range.lowerBound
    let last = range.upperBound - needle.count
    while index <= last {
      if self[index] == first && matches(needle, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// The last offset in `range` where `needle` starts, or nil.
  @inlinable func lastIndex(of needle: [Unicode.Scalar], in range: Range<Int>) -> Int? {
    guard !needle.isEmpty, range.count >= needle.count else { return nil }
    var index = range.upperBound - needle.count
    while index >= range.lowerBound {
      if matches(needle, at: index) { return index }
      index -= 1
    }
    return nil
  }

  /// `range` without the horizontal spaces at its ends.
  @inlinable func trimmingSpaces(_ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && self[lower].isHorizontalSpace { lower += 1 }
    while upper > lower && self[upper - 1].isHorizontalSpace { upper -= 1 }
    return lower..<upper
  }

  /// The pieces of `range` between scalars for which `isSeparator` holds, trimmed, empty
  /// pieces dropped.
  func split(_ range: Range<Int>, where isSeparator: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = range.lowerBound
    for index in range where isSeparator(self[index]) {
      let piece = trimmingSpaces(start..<index)
      if !piece.isEmpty { pieces.append(piece) }
      start = index + 1
    }
    let piece = trimmingSpaces(start..<range.upperBound)
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }

  /// The text of `range`.
  func string(_ range: Range<Int>) -> String { utf8String(CollectionOfOne(range), compact: false) }

  /// The texts of `ranges`, one after the other.
  func string(joining ranges: [Range<Int>]) -> String { utf8String(ranges, compact: false) }

  /// The text of `range` with all white space removed (how the contract compares text).
  func compactString(_ range: Range<Int>) -> String { utf8String(CollectionOfOne(range), compact: true) }

  /// The text of `ranges` (without white space when `compact`), encoded in two plain loops
  /// over the buffer: the generic `String(scalars:)` over a lazily filtered or joined slice
  /// tested and encoded every scalar through iterator calls, several times the cost of the copy.
  private func utf8String<Ranges: Collection<Range<Int>>>(_ ranges: Ranges, compact: Bool) -> String {
    withUnsafeBufferPointer { s in
      @inline(__always) func kept(_ scalar: Unicode.Scalar) -> Bool {
        !compact || !(scalar.isHorizontalSpace || scalar.isLineTerminator)
      }
      var count = 0
      for range in ranges {
        for i in range where kept(s[i]) {
          let v = s[i].value
          count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
      }
      return String(unsafeUninitializedCapacity: count) { buffer in
        var n = 0
        for range in ranges {
          for i in range where kept(s[i]) {
            let v = s[i].value
            if v < 0x80 {
              buffer[n] = UInt8(v)
              n += 1
            } else if v < 0x800 {
              buffer[n] = UInt8(0xC0 | v >> 6)
              buffer[n + 1] = UInt8(0x80 | v & 0x3F)
              n += 2
            } else if v < 0x10000 {
              buffer[n] = UInt8(0xE0 | v >> 12)
              buffer[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
              buffer[n + 2] = UInt8(0x80 | v & 0x3F)
              n += 3
            } else {
              buffer[n] = UInt8(0xF0 | v >> 18)
              buffer[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
              buffer[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
              buffer[n + 3] = UInt8(0x80 | v & 0x3F)
              n += 4
            }
          }
        }
        return n
      }
    }
  }
}

extension String {
  /// The string's scalars, for matching against scalar arrays.
  var scalars: [Unicode.Scalar] { Array(unicodeScalarsOf: self) }

  /// A string of `scalars`, written straight into UTF-8 storage (appending to a
  /// `UnicodeScalarView` costs several times more).
  init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    var count = 0
    for scalar in scalars { count += UTF8.width(scalar) }
    self.init(unsafeUninitializedCapacity: count) { buffer in
      var index = 0
      for scalar in scalars {
        UTF8.encode(scalar) { unit in
          buffer[index] = unit
          index += 1
        }
      }
      return index
    }
  }
}

extension Unicode.Scalar {
  /// Punctuation that ends a clause inside a sentence or the sentence: `，` `；` `。` `：` and
  /// their ASCII forms, `！` `？`.
  @inlinable var isClauseBoundary: Bool {
    switch self {
    case "，", "；", "。", "：", "！", "？", "!", "?", "\n": return true
    default: return false
    }
  }

  /// Punctuation that ends a sentence: `。` `！` `？` `；` and ASCII `!` `?` `;`.
  @inlinable var isSentenceEnd: Bool {
    switch self {
    case "。", "！", "？", "!", "?", "\n": return true
    default: return false
    }
  }

  /// Opening brackets, Chinese or ASCII.
  @inlinable var isOpeningBracket: Bool { self == "（" }
  /// Closing brackets, Chinese or ASCII.
  @inlinable var isClosingBracket: Bool { self == "）" }
}

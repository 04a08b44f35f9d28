/// The first pass over the input: splits lines, drops invisible characters, and folds the
/// forms the output contract folds — full-width ASCII letters and digits to half-width
/// (`２０２１` → `2021`), a full-width stop after a digit to `.` (`１．` → `1.`), and the
/// enclosed marker forms (`㈠` → `（一）`, `⑴` → `（1）`, `⒈` → `1.`) — keeping each output
/// scalar's input offset. Everything else keeps the document's own characters.
struct WidthFolding {
  /// Folded scalars of all lines, without line terminators.
  var scalars: [Unicode.Scalar] = []
  /// The input offset of each folded scalar.
  var sources: [Int32] = []
  /// Each line's range in ``scalars``.
  var lines: [Range<Int>] = []
  /// The input offset of each line's terminator (the input's length for the last line).
  var terminators: [Int32] = []

  init(_ source: [Unicode.Scalar], simplifying table: Lexicon.Storage?) {
    scalars.reserveCapacity(source.count)
    sources.reserveCapacity(source.count)
    var lineStart = 0
    var i = 0
    let count = source.count
    // Each scalar's own offset, for the runs copied whole: appending a slice of it is one copy,
    // appending a range of offsets was an element at a time.
    let offsets = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
      for offset in 0..<count { buffer[offset] = Int32(truncatingIfNeeded: offset) }
      initialized = count
    }
    while i < count {
      let s = source[i]
      if table == nil && Self.isKept(s.value) {
        // A run of text kept as it is (nearly all of it), copied at once.
        var end = i + 1
        while end < count && Self.isKept(source[end].value) { end += 1 }
        scalars.append(contentsOf: source[i..<end])
        sources.append(contentsOf: offsets[i..<end])
        i = end
        continue
      }
      if s.isLineTerminator {
        lines.append(lineStart..<scalars.count)
        terminators.append(Int32(i))
        if s == "\r" && i + 1 < count && source[i + 1] == "\n" { i += 1 }
        lineStart = scalars.count
        i += 1
        continue
      }
      if s == "<" || s == "&", let markup = HTMLMarkup.piece(in: source, at: i) {
        switch markup {
        case .lineBreak(let length):
          lines.append(lineStart..<scalars.count)
          terminators.append(Int32(i))
          lineStart = scalars.count
          i += length
        case .inline(let length, let separates):
          if separates { append(" ", Int32(i)) }
          i += length
        case .character(let scalar, let length):
          fold(scalar, at: Int32(i), table)
          i += length
        }
        continue
      }
      if !s.isInvisibleNoise { fold(s, at: Int32(i), table) }
      i += 1
    }
    lines.append(lineStart..<scalars.count)
    terminators.append(Int32(count))
  }

  /// Whether a scalar is kept as it is without a look at it or its neighbours: no line
  /// terminator, no invisible noise, no start of markup (`<`, `&`), nothing ``fold(_:at:_:)``
  /// changes. Ranges only, so that a run of them is copied at once.
  @inline(__always)
  static func isKept(_ v: UInt32) -> Bool {
    switch v {
    case 0x20...0x25, 0x27...0x3B, 0x3D...0x7E: return true
    case 0xA0...0xAC, 0xAE...0x2027, 0x202A...0x205F, 0x2061...0x2473, 0x249C...0x321F, 0x322A...0xFEFE:
      return !(0x200B...0x200D).contains(v)
    case 0xFF00...0xFF0D, 0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0x10FFFF: return true
    default: return false
    }
  }

  private mutating func append(_ s: Unicode.Scalar, _ source: Int32) {
    scalars.append(s)
    sources.append(source)
  }

  private mutating func appendDigits(_ value: Int, _ source: Int32) {
    for unit in String(value).unicodeScalars { append(unit, source) }
  }

  private mutating func fold(_ s: Unicode.Scalar, at source: Int32, _ table: Lexicon.Storage?) {
    let v = s.value
    switch v {
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
      append(Unicode.Scalar(v - 0xFEE0)!, source)
    case 0xFF0E where scalars.last?.isASCIIDigit ?? false:
      append(".", source)
    case 0x3220...0x3229:  // ㈠…㈩
      append("（", source)
      append(Self.chineseDigits[Int(v - 0x3220)], source)
      append("）", source)
    case 0x2474...0x2487:  // ⑴…⒇
      append("（", source)
      appendDigits(Int(v - 0x2474 + 1), source)
      append("）", source)
    case 0x2488...0x249B:  // ⒈…⒛
      appendDigits(Int(v - 0x2488 + 1), source)
      append(".", source)
    default:
      if let table, let simplified = table.variant(of: s) {
        append(simplified, source)
      } else {
        append(s, source)
      }
    }
  }

  private static let chineseDigits: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}

/// Traditional → Simplified conversion (繁体 → 简体), character by character, from ICU's
/// `Traditional-Simplified` transliterator.
///
/// The table is built once, on first use, by running the transliterator over every Chinese
/// character; after that conversion is a table lookup, safe from any task, and keeps one
/// output character per input character so offsets stay exact.
enum ChineseScriptConverter {
  static let traditionalToSimplified: [UInt32: Unicode.Scalar] = build()

  private static func build() -> [UInt32: Unicode.Scalar] {
    guard let transliterator = Transliterator(identifier: "Traditional-Simplified")
      ?? Transliterator(identifier: "Hant-Hans")
    else { return [:] }
    var originals: [UInt32] = []
    var units: [UInt16] = []
    for range in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF] {
      for v in range {
        originals.append(UInt32(v))
        units.append(UInt16(v))
        units.append(0x0A)  // a separator keeps results aligned with their characters
      }
    }
    let converted = transliterator.transliterate(units)
    let pieces = converted.split(separator: 0x0A, omittingEmptySubsequences: false)
    var table: [UInt32: Unicode.Scalar] = [:]
    for (original, piece) in zip(originals, pieces) where piece.count == 1 && UInt32(piece.first!) != original {
      if let scalar = Unicode.Scalar(UInt32(piece.first!)) { table[original] = scalar }
    }
    return table
  }
}

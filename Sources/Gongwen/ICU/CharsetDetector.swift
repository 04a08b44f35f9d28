internal import CICU

/// ICU's statistical charset detector (ucsdet), which names the likely encodings of bytes
/// that are not UTF-8.
enum CharsetDetector {
  struct Match: Hashable, Sendable {
    /// ICU's converter name: `GB18030`, `Big5`, `UTF-16LE`, `EUC-KR`…
    var name: String
    /// ICU's confidence, 0–100.
    var confidence: Int
  }

  /// The candidates ICU sees in `bytes`, best first; empty when ICU fails.
  static func matches(in bytes: UnsafeRawBufferPointer) -> [Match] {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
    // The detector's statistics settle within a few kilobytes; more only costs time.
    let length = Int32(min(bytes.count, 1 << 13))
    var raw = [cicu_charset_match](repeating: cicu_charset_match(), count: 16)
    var status: Int32 = 0
    let count = raw.withUnsafeMutableBufferPointer {
      cicu_detect_charsets(
        base.assumingMemoryBound(to: CChar.self), length, $0.baseAddress, Int32($0.count), &status)
    }
    guard count > 0 else { return [] }
    return raw.prefix(Int(count)).map { match in
      var copy = match
      let name = withUnsafeBytes(of: &copy.name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      return Match(name: name, confidence: Int(match.confidence))
    }
  }
}

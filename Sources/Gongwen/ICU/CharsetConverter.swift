internal import CICU

/// Conversion of bytes in a legacy charset (GB18030, Big5…) to UTF-16 through an ICU
/// converter.
enum CharsetConverter {
  struct Output {
    var utf16: [UInt16]
    /// Byte offset of the first sequence that was replaced by U+FFFD (substituting mode only).
    var firstReplacedByte: Int?
    var replacedCount: Int
  }

  enum Failure: Error {
    /// The bytes hold a sequence that is not valid in the charset, starting at this byte.
    case invalidSequence(byteOffset: Int)
    /// ICU does not know the charset, or failed otherwise.
    case icu(ICUStatus)
  }

  static func exists(_ charset: String) -> Bool { cicu_charset_exists(charset) != 0 }

  /// Converts all of `bytes`; strict unless `substituting`, in which case invalid sequences
  /// become U+FFFD and are counted.
  static func convert(
    _ bytes: UnsafeRawBufferPointer, from charset: String, substituting: Bool
  ) -> Result<Output, Failure> {
    guard bytes.count > 0 else { return .success(Output(utf16: [], replacedCount: 0)) }
    let source = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
    // One byte never yields more than one UTF-16 unit in the charsets this is used for;
    // the retry covers any that would.
    var capacity = bytes.count + 16
    while true {
      var units = [UInt16](repeating: 0, count: capacity)
      var offsets = substituting ? [Int32](repeating: 0, count: capacity) : []
      var errorOffset: Int32 = -1
      var status: Int32 = 0
      let written = units.withUnsafeMutableBufferPointer { unitBuffer in
        offsets.withUnsafeMutableBufferPointer { offsetBuffer in
          cicu_convert_to_utf16(
            charset, source, Int32(bytes.count), unitBuffer.baseAddress, Int32(capacity),
            substituting ? offsetBuffer.baseAddress : nil, substituting ? 1 : 0, &errorOffset,
            &status)
        }
      }
      let icuStatus = ICUStatus(rawValue: status)
      if icuStatus.isBufferOverflow {
        capacity *= 2
        continue
      }
      if icuStatus.isFailure {
        if errorOffset >= 0 { return .failure(.invalidSequence(byteOffset: Int(errorOffset))) }
        return .failure(.icu(icuStatus))
      }
      units.removeSubrange(Int(written)...)
      var replaced = 0
      var first: Int? = nil
      if substituting {
        for (index, unit) in units.enumerated() where unit == 0xFFFD {
          replaced += 1
          if first == nil { first = Int(offsets[index]) }
        }
      }
      return .success(Output(utf16: units, firstReplacedByte: first, replacedCount: replaced))
    }
  }

  /// `text` encoded in `charset` (GB18030, Big5…), or nil when ICU cannot encode it.
  static func encode(_ text: String, to charset: String) -> [UInt8]? {
    let units = Array(text.utf16)
    var capacity = units.count * 4 + 16
    while true {
      var bytes = [CChar](repeating: 0, count: capacity)
      var status: Int32 = 0
      let needed = bytes.withUnsafeMutableBufferPointer { dest in
        units.withUnsafeBufferPointer {
          cicu_convert_from_utf16(charset, $0.baseAddress, Int32($0.count), dest.baseAddress, Int32(capacity), &status)
        }
      }
      let icuStatus = ICUStatus(rawValue: status)
      if icuStatus.isBufferOverflow {
        capacity = Int(needed) + 16
        continue
      }
      guard !icuStatus.isFailure else { return nil }
      return bytes.prefix(Int(needed)).map { UInt8(bitPattern: $0) }
    }
  }
}

internal import CICU

/// ICU's dictionary-based word break iterator (ubrk, UBRK_WORD) for Chinese text.
///
/// An iterator holds mutable state, so a `WordBreaker` belongs to one task at a time; make
/// another with `copy()` (a cheap clone) for concurrent use.
final class WordBreaker {
  private let handle: OpaquePointer

  /// Segment kinds, from ICU's rule status of the segment (UWordBreak).
  enum SegmentKind: Equatable {
    case none, number, letter, kana, ideographic
  }

  init?(locale: String = "zh") {
    var status: Int32 = 0
    guard let handle = cicu_word_breaker_open(locale, &status) else { return nil }
    self.handle = handle
  }

  private init(handle: OpaquePointer) { self.handle = handle }

  deinit { cicu_word_breaker_close(handle) }

  func copy() -> WordBreaker? {
    var status: Int32 = 0
    guard let clone = cicu_word_breaker_clone(handle, &status) else { return nil }
    return WordBreaker(handle: clone)
  }

  /// Word boundaries in `utf16` (UTF-16 offsets, from 0 to `utf16.count`), with the kind of
  /// the segment that ends at each boundary (the first entry's kind is `.none`).
  func boundaries(in utf16: UnsafeBufferPointer<UInt16>) -> (offsets: [Int32], kinds: [SegmentKind]) {
    // There are at most `count + 1` boundaries; room for them all spares ICU a second pass.
    var capacity = utf16.count + 1
    while true {
      var offsets = [Int32](repeating: 0, count: capacity)
      var statuses = [Int32](repeating: 0, count: capacity)
      var status: Int32 = 0
      let count = offsets.withUnsafeMutableBufferPointer { o in
        statuses.withUnsafeMutableBufferPointer { s in
          cicu_word_breaker_boundaries(
            handle, utf16.baseAddress, Int32(utf16.count), o.baseAddress, s.baseAddress,
            Int32(capacity), &status)
        }
      }
      if count < -1 {
        capacity = Int(-count - 2)
        continue
      }
      guard count >= 0 else { return ([0, Int32(utf16.count)], [.none, .none]) }
      offsets.removeSubrange(Int(count)...)
      let kinds = statuses.prefix(Int(count)).map { status -> SegmentKind in
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<400: return .kana
        case 400..<500: return .ideographic
        default: return .none
        }
      }
      return (offsets, kinds)
    }
  }

  /// Word boundaries in `utf16` (UTF-16 offsets, from 0 to `utf16.count`), without the
  /// segment kinds (ICU's rule status costs a call per boundary).
  func offsets(in utf16: UnsafeBufferPointer<UInt16>) -> [Int32] {
    var offsets = [Int32](repeating: 0, count: utf16.count + 1)
    var status: Int32 = 0
    let count = offsets.withUnsafeMutableBufferPointer { o in
      cicu_word_breaker_boundaries(
        handle, utf16.baseAddress, Int32(utf16.count), o.baseAddress, nil, Int32(o.count), &status)
    }
    guard count >= 0 else { return [0, Int32(utf16.count)] }
    offsets.removeSubrange(Int(count)...)
    return offsets
  }
}

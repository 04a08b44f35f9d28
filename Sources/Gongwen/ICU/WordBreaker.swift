internal import CICU

/// ICU's dictionary-based word break iterator (ubrk, UBRK_WORD) for Chinese text.
///
/// An iterator holds mutable state, so a `WordBreaker` belongs to one task at a time; make
/// another with `copy()` (a cheap clone) for concurrent use.
final class WordBreaker {
  private let handle: OpaquePointer

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

  /// Word boundaries in `utf16` (UTF-16 offsets, from 0 to `utf16.count`). ICU's rule
  /// statuses are not asked for: they cost a call per boundary and the tokenizer classifies
  /// segments itself.
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

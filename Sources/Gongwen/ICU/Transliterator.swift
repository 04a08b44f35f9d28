internal import CICU

/// An ICU transliterator (utrans), e.g. `Traditional-Simplified`. Not safe for concurrent use.
final class Transliterator {
  private let handle: OpaquePointer

  init?(identifier: String) {
    var status: Int32 = 0
    guard let handle = cicu_transliterator_open(identifier, &status) else { return nil }
    self.handle = handle
  }

  deinit { cicu_transliterator_close(handle) }

  func transliterate(_ utf16: [UInt16]) -> [UInt16] {
    var capacity = utf16.count * 2 + 16
    while true {
      var buffer = utf16 + [UInt16](repeating: 0, count: capacity - utf16.count)
      var status: Int32 = 0
      let length = buffer.withUnsafeMutableBufferPointer {
        cicu_transliterate(handle, $0.baseAddress!, Int32(utf16.count), Int32(capacity), &status)
      }
      let icuStatus = ICUStatus(rawValue: status)
      if icuStatus.isBufferOverflow || Int(length) > capacity {
        capacity = Int(length) + 16
        continue
      }
      if icuStatus.isFailure { return utf16 }
      buffer.removeSubrange(Int(length)...)
      return buffer
    }
  }
}

import Foundation

/// ICU word break iterators for concurrent callers. An iterator holds mutable state, so each
/// call takes one of its own: a clone of the prototype, kept afterwards for the next caller.
final class WordBreakerPool: @unchecked Sendable {
  // @unchecked: `free` and the iterators in it are touched only under `lock`; an iterator
  // taken out belongs to one caller until it is put back.
  private let lock = NSLock()
  private let prototype: WordBreaker?
  private var free: [WordBreaker] = []
  private static let kept = 8

  init(locale: String = "zh") {
    prototype = WordBreaker(locale: locale)
  }

  /// Word boundaries of `scalars[range]` as a flag per offset from `range.lowerBound` to
  /// `range.upperBound` (both ends are boundaries). Without ICU every offset is one.
  func boundaries(of scalars: UnsafeBufferPointer<Unicode.Scalar>, in range: Range<Int>) -> [Bool] {
    var flags = [Bool](repeating: false, count: range.count + 1)
    flags[0] = true
    flags[range.count] = true
    guard !range.isEmpty, let breaker = take() else {
      for i in flags.indices { flags[i] = true }
      return flags
    }
    defer { put(breaker) }
    var utf16: [UInt16] = []
    utf16.reserveCapacity(range.count + 8)
    var astral = false
    for i in range {
      let value = scalars[i].value
      if value < 0x10000 {
        utf16.append(UInt16(truncatingIfNeeded: value))
      } else {
        astral = true
        let v = value - 0x10000
        utf16.append(UInt16(0xD800 + (v >> 10)))
        utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
      }
    }
    let offsets = utf16.withUnsafeBufferPointer { breaker.offsets(in: $0) }
    if !astral {
      for offset in offsets where Int(offset) < flags.count { flags[Int(offset)] = true }
      return flags
    }
    // Map UTF-16 offsets back to scalar offsets.
    var unitToScalar = [Int32](repeating: 0, count: utf16.count + 1)
    var unit = 0
    for (index, i) in range.enumerated() {
      unitToScalar[unit] = Int32(index)
      unit += scalars[i].value < 0x10000 ? 1 : 2
    }
    unitToScalar[utf16.count] = Int32(range.count)
    for offset in offsets where Int(offset) <= utf16.count {
      flags[Int(unitToScalar[Int(offset)])] = true
    }
    return flags
  }

  private func take() -> WordBreaker? {
    lock.lock()
    defer { lock.unlock() }
    // Cloning reads the prototype, so it happens under the lock too.
    return free.popLast() ?? prototype?.copy()
  }

  private func put(_ breaker: WordBreaker) {
    lock.lock()
    if free.count < Self.kept { free.append(breaker) }
    lock.unlock()
  }
}

/// A single pass over bytes that says whether they are UTF-8, where the first bad sequence
/// starts, and whether the bytes look like UTF-8 all the same (mostly well-formed multi-byte
/// sequences, as in a UTF-8 file with a damaged spot — not GB18030, whose byte pairs rarely
/// form UTF-8 sequences).
struct UTF8Validation {
  enum Outcome: Equatable {
    case valid
    /// Valid but for an incomplete sequence at the very end (a file cut short).
    case truncated(at: Int)
    case invalid(at: Int)
  }

  private(set) var outcome: Outcome = .valid
  private(set) var wellFormedSequences = 0
  private(set) var malformedSequences = 0

  var looksLikeUTF8: Bool { wellFormedSequences >= 8 && malformedSequences * 20 <= wellFormedSequences }

  init(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    var i = 0
    while i < count {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var minSecond: UInt8 = 0x80
      var maxSecond: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; minSecond = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; maxSecond = 0x9F
      case 0xF0: length = 4; minSecond = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; maxSecond = 0x8F
      default: length = 0
      }
      var ok = length > 0
      var j = 1
      while ok && j < length {
        if i + j >= count {
          if outcome == .valid && malformedSequences == 0 { outcome = .truncated(at: i) }
          return
        }
        let c = bytes[i + j]
        let lo: UInt8 = j == 1 ? minSecond : 0x80
        let hi: UInt8 = j == 1 ? maxSecond : 0xBF
        if c < lo || c > hi { ok = false }
        j += 1
      }
      if ok {
        wellFormedSequences += 1
        i += length
      } else {
        if outcome == .valid { outcome = .invalid(at: i) }
        malformedSequences += 1
        i += 1
      }
    }
  }
}

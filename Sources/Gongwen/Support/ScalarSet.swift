/// A set of scalars of the Basic Multilingual Plane as a bitmap (8 KB): membership costs one
/// load, where a `switch` over a few dozen 汉字 costs a chain of comparisons. For the classes a
/// scan asks about at many offsets.
struct ScalarSet: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  /// The scalars of `members` (all in the BMP).
  init(_ members: some Sequence<Unicode.Scalar>) {
    for scalar in members {
      precondition(scalar.value < 0x10000, "ScalarSet holds scalars of the BMP only")
      bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
    }
  }

  /// The scalars of the BMP for which `isMember` holds.
  init(where isMember: (Unicode.Scalar) -> Bool) {
    for value in UInt32(0)..<0x10000 {
      if let scalar = Unicode.Scalar(value), isMember(scalar) { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
    }
  }

  @inline(__always) func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x10000 && bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
  }
}

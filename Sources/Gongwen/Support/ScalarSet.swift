/// A set of Unicode scalars answered by a bitmap over the Basic Multilingual Plane (8 KB), where
/// every Chinese keyword starts: membership costs one load, where hashing or a `switch` over a
/// few dozen 汉字 costs far more — for the classes a scan asks about at every offset.
struct ScalarSet: Sendable {
  private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
  private var astral: Set<UInt32> = []

  init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
    for scalar in scalars { insert(scalar) }
  }

  mutating func insert(_ scalar: Unicode.Scalar) {
    let v = scalar.value
    if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
  }

  @inline(__always) func contains(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    return !astral.isEmpty && astral.contains(v)
  }
}

/// A trie over Unicode scalars, compiled once into flat arrays: transitions live in one
/// open-addressing hash table keyed by (node, scalar), so a step costs one multiplication and
/// usually one probe, and a table over the Basic Multilingual Plane answers "can anything of
/// these categories start with this scalar?" without hashing. Immutable after construction.
final class ScalarTrie: Sendable {
  private static let empty = UInt64.max

  private let keys: [UInt64]
  private let targets: [Int32]
  private let mask: Int
  /// Per node: the first index into ``values`` of its values (`valueStarts[node + 1]` ends them).
  private let valueStarts: [Int32]
  /// Indices of the lexicon entries that end at each node.
  private let values: [Int32]
  /// Per node: the union of the category bits of its values, and of every node below it.
  let categoriesHere: [UInt32]
  let categoriesBelow: [UInt32]
  /// For each scalar of the BMP, the categories of the keys that start with it.
  private let startCategories: [UInt32]

  /// Builds a trie of `keys`, each with the value (an entry index) stored at its last node.
  init(keys entries: [(scalars: [Unicode.Scalar], value: Int32, categoryBit: UInt32)]) {
    var edges: [UInt64: Int32] = [:]
    var nodeValues: [[Int32]] = [[]]
    var here: [UInt32] = [0]
    var parents: [Int32] = [-1]
    var startCategories = [UInt32](repeating: 0, count: 0x10000)
    for entry in entries where !entry.scalars.isEmpty {
      var node: Int32 = 0
      for scalar in entry.scalars {
        let key = Self.key(node, scalar)
        if let next = edges[key] {
          node = next
        } else {
          let next = Int32(nodeValues.count)
          edges[key] = next
          nodeValues.append([])
          here.append(0)
          parents.append(node)
          node = next
        }
      }
      nodeValues[Int(node)].append(entry.value)
      here[Int(node)] |= entry.categoryBit
      let first = entry.scalars[0].value
      if first < 0x10000 { startCategories[Int(first)] |= entry.categoryBit }
    }
    // Children are created after their parents, so one backward pass spreads the bits up.
    var below = here
    for node in stride(from: below.count - 1, to: 0, by: -1) {
      below[Int(parents[node])] |= below[node]
    }
    var capacity = 16
    while capacity < edges.count * 2 + 1 { capacity <<= 1 }
    var keys = [UInt64](repeating: Self.empty, count: capacity)
    var targets = [Int32](repeating: -1, count: capacity)
    for (key, target) in edges {
      var slot = Self.slot(key, mask: capacity - 1)
      while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      targets[slot] = target
    }
    var starts: [Int32] = [0]
    var values: [Int32] = []
    for list in nodeValues {
      values.append(contentsOf: list)
      starts.append(Int32(values.count))
    }
    self.keys = keys
    self.targets = targets
    self.mask = capacity - 1
    self.valueStarts = starts
    self.values = values
    self.categoriesHere = here
    self.categoriesBelow = below
    self.startCategories = startCategories
  }

  @inline(__always) private static func key(_ node: Int32, _ scalar: Unicode.Scalar) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar.value)
  }

  @inline(__always) private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// Whether some key of `categories` starts with `scalar` (exact for the BMP; true above it).
  @inline(__always) func canStart(_ scalar: Unicode.Scalar, categories: UInt32 = .max) -> Bool {
    let v = scalar.value
    guard v < 0x10000 else { return true }
    return startCategories[Int(v)] & categories != 0
  }

  /// The node reached from `node` by `scalar`, or -1.
  @inline(__always) func step(_ node: Int32, _ scalar: Unicode.Scalar) -> Int32 {
    let key = Self.key(node, scalar)
    var slot = Self.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key { return targets[slot] }
      if found == Self.empty { return -1 }
      slot = (slot + 1) & mask
    }
  }

  /// The entry indices stored at `node`.
  @inline(__always) func values(at node: Int32) -> ArraySlice<Int32> {
    values[Int(valueStarts[Int(node)])..<Int(valueStarts[Int(node) + 1])]
  }

  /// Walks from `start` forward (or backward when `backward`, reading `scalars[start - 1]`
  /// first) and calls `body` with the length matched and the node for every node that holds
  /// values in `categories`. Stops when `body` returns false.
  @inline(__always) func walk(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, limit: Int, backward: Bool = false,
    categories: UInt32, _ body: (_ length: Int, _ node: Int32) -> Bool
  ) {
    var node: Int32 = 0
    var length = 0
    var i = backward ? start - 1 : start
    while backward ? i >= limit : i < limit {
      node = step(node, scalars[i])
      if node < 0 || categoriesBelow[Int(node)] & categories == 0 { return }
      length += 1
      if categoriesHere[Int(node)] & categories != 0, !body(length, node) { return }
      i += backward ? -1 : 1
    }
  }
}

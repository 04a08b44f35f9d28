import GongwenModel

/// Gathers every organisation mention into one list, an entry per name in order of first
/// mention, with the full name the lexicon knows for an abbreviation.
struct OrganizationCollector {
  let lexicon: Lexicon
  private var order: [TextKey] = []
  /// Where each name stands in `order`; its mentions are at the same place in `mentions`.
  private var positions: [TextKey: Int] = [:]
  private var mentions: [[SourceRange]] = []
  /// Full names already known (nil: known to have none), so the lexicon is asked only once.
  private var fullNames: [TextKey: String?] = [:]

  init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Adds a mention.
  mutating func add(_ name: String, _ range: SourceRange?) {
    guard !name.isEmpty else { return }
    let key = TextKey(name)
    if let position = positions[key] {
      if let range { mentions[position].append(range) }
    } else {
      positions[key] = order.count
      order.append(key)
      mentions.append(range.map { [$0] } ?? [])
    }
  }

  /// Records full names a recogniser found with the names (nil when it knows there is none).
  mutating func know(_ known: [TextKey: String?]) {
    // The first to tell a name counts; an empty collector takes the dictionary as it is.
    if fullNames.isEmpty {
      fullNames = known
    } else {
      fullNames.merge(known) { first, _ in first }
    }
  }

  /// The ranges in order, each once (a roster and a task may report the same mention).
  private static func distinct(_ ranges: [SourceRange]) -> [SourceRange] {
    // Most names are mentioned once: nothing to sort.
    guard ranges.count > 1 else { return ranges }
    var sorted = ranges.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    var index = 1
    while index < sorted.count {
      if sorted[index] == sorted[index - 1] { sorted.remove(at: index) } else { index += 1 }
    }
    return sorted
  }

  var organizations: [Organization] {
    let ordered = zip(order, mentions).map { name, ranges in (name, Self.distinct(ranges)) }
      .sorted { ($0.1.first?.start ?? .max) < ($1.1.first?.start ?? .max) }
    return ordered.map { key, ranges in
      let full = fullNames[key] ?? lexicon.fullName(of: key.text)
      return Organization(name: key.text, fullName: full == key.text ? nil : full, mentions: ranges)
    }
  }
}

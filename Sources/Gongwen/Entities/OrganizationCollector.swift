import GongwenModel

/// Gathers every organisation mention into one list, an entry per name in order of first
/// mention, with the full name the lexicon knows for an abbreviation.
struct OrganizationCollector {
  let lexicon: Lexicon
  private var order: [TextKey] = []
  private var mentions: [TextKey: [SourceRange]] = [:]
  /// Full names already known (nil: known to have none), so the lexicon is asked only once.
  private var fullNames: [TextKey: String?] = [:]

  init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Adds a mention.
  mutating func add(_ name: String, _ range: SourceRange?) {
    guard !name.isEmpty else { return }
    let key = TextKey(name)
    if mentions[key] == nil {
      order.append(key)
      mentions[key] = []
    }
    if let range, !mentions[key]!.contains(range) { mentions[key]!.append(range) }
  }

  /// Records full names a recogniser found with the names (nil when it knows there is none).
  mutating func know(_ known: [TextKey: String?]) {
    fullNames.merge(known) { first, _ in first }
  }

  var organizations: [Organization] {
    let ordered = order.map { name in (name, mentions[name]!.sorted { $0.start < $1.start }) }
      .sorted { ($0.1.first?.start ?? .max) < ($1.1.first?.start ?? .max) }
    return ordered.map { key, ranges in
      let full = fullNames[key] ?? lexicon.fullName(of: key.text)
      return Organization(name: key.text, fullName: full == key.text ? nil : full, mentions: ranges)
    }
  }
}

import GongwenModel

/// Gathers every organisation mention into one list, an entry per name in order of first
/// mention, with the full name the lexicon knows for an abbreviation.
struct OrganizationCollector {
  let lexicon: Lexicon
  private var order: [String] = []
  private var mentions: [String: [SourceRange]] = [:]
  /// Full names already known (nil: known to have none), so the lexicon is asked only once.
  private var fullNames: [String: String?] = [:]

  init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Adds a mention.
  mutating func add(_ name: String, _ range: SourceRange?) {
    guard !name.isEmpty else { return }
    if mentions[name] == nil {
      order.append(name)
      mentions[name] = []
    }
    if let range, !mentions[name]!.contains(range) { mentions[name]!.append(range) }
  }

  /// Records full names a recogniser found with the names (nil when it knows there is none).
  mutating func know(_ known: [String: String?]) {
    fullNames.merge(known) { first, _ in first }
  }

  var organizations: [Organization] {
    let ordered = order.map { name in (name, mentions[name]!.sorted { $0.start < $1.start }) }
      .sorted { ($0.1.first?.start ?? .max) < ($1.1.first?.start ?? .max) }
    return ordered.map { name, ranges in
      let full = fullNames[name] ?? lexicon.fullName(of: name)
      return Organization(name: name, fullName: full == name ? nil : full, mentions: ranges)
    }
  }
}

import GongwenModel

/// Gathers every organisation mention into one list, an entry per name in order of first
/// mention, with the full name the lexicon knows for an abbreviation.
struct OrganizationCollector {
  let lexicon: Lexicon
  private var order: [String] = []
  private var mentions: [String: [SourceRange]] = [:]

  init(lexicon: Lexicon) { self.lexicon = lexicon }

  mutating func add(_ name: String, _ range: SourceRange?) {
    guard !name.isEmpty else { return }
    if mentions[name] == nil {
      order.append(name)
      mentions[name] = []
    }
    if let range, !mentions[name]!.contains(range) { mentions[name]!.append(range) }
  }

  var organizations: [Organization] {
    let ordered = order.map { name in (name, mentions[name]!.sorted { $0.start < $1.start }) }
      .sorted { ($0.1.first?.start ?? .max) < ($1.1.first?.start ?? .max) }
    return ordered.map { name, ranges in
      let full = lexicon.fullName(of: name)
      return Organization(name: name, fullName: full == name ? nil : full, mentions: ranges)
    }
  }
}

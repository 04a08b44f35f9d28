import GRDB
import Gongwen

/// What one resolution of identities found (``Archive/resolveIdentities(lexicon:force:)``).
public struct IdentitySummary: Hashable, Sendable {
  /// Organisation entities: one per organisation across its abbreviations, within its place.
  public var organizations: Int
  /// People: one per person identity across meetings.
  public var people: Int
  /// Identity conflicts: same names kept apart (see Docs/INDEX.md).
  public var conflicts: Int

  /// Creates a summary from its counts; each argument sets the property of the same name.
  public init(organizations: Int, people: Int, conflicts: Int) {
    self.organizations = organizations
    self.people = people
    self.conflicts = conflicts
  }
}

extension Archive {
  /// Rebuilds the identity tables from the per-document rows, in one transaction: one
  /// organisation entity per organisation across its abbreviations within its place (the
  /// issuing city or county), one person per identity across meetings, the evidence of every
  /// merge and the conflicts of same names kept apart (Docs/INDEX.md, "Identity across
  /// documents"). Deterministic: the same rows give the same identities. When no document was
  /// stored or removed since the last resolution the tables are left as they are, unless
  /// `force` (for another `lexicon`).
  @discardableResult
  public func resolveIdentities(lexicon: Lexicon = .builtIn, force: Bool = false) throws -> IdentitySummary {
    // The resolver writes only rows whose references hold, so foreign keys are not checked
    // during the rebuild: without them SQLite empties a table at once (0.04 s instead of
    // 0.47 s on 10,000 documents) and inserts without a lookup per reference. The pragma is a
    // no-op inside a transaction, hence it is set around one.
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      var summary = IdentitySummary(organizations: 0, people: 0, conflicts: 0)
      try db.inTransaction {
        if !force, try Bool.fetchOne(db, sql: "SELECT stale FROM identityState") == false {
          summary = IdentitySummary(
            organizations: try Int.fetchOne(db, sql: "SELECT count(*) FROM organizationEntities") ?? 0,
            people: try Int.fetchOne(db, sql: "SELECT count(*) FROM people") ?? 0,
            conflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM identityConflicts") ?? 0)
          return .commit
        }
        var resolver = IdentityResolver(lexicon: lexicon)
        summary = try resolver.resolve(db)
        try db.execute(sql: "UPDATE identityState SET stale = 0")
        return .commit
      }
      return summary
    }
  }
}

/// Reads documents, organisations, task units and attendance, and writes the identity tables.
///
/// Organisations: a name is read through its full name (the document's own pair, else the
/// lexicon's) into leading places, a level prefix (市 区 县 …) and the rest; the entity is the
/// rest within a place scope. A level prefix is resolved against the document's place chain
/// (read from its issuer, meeting organ and title), so 市发改委 in a 开封市 document and in a
/// 洛阳市 document are two entities; a name without place or level is the document's own
/// place's. People: attendance rows of one name in one place are clustered by organisation
/// entity; rows without an organisation join the only cluster there, or the one that shares
/// their title; two clusters of different organisations are never merged, and a conflict says so.
struct IdentityResolver {
  let lexicon: Lexicon

  /// A name read into its places, level prefix and the rest (`市发展和改革委员会` → [], 市,
  /// `发展和改革委员会`; `湘潭市岳塘区教育局` → [湘潭市, 岳塘区], nil, `教育局`).
  struct NameReading {
    /// The places the name begins with, each in its full form (`苏州` → `苏州市`).
    var places: [String]
    /// The places as written, for the canonical name.
    var writtenPlaces: [String]
    var level: Unicode.Scalar?
    var rest: String
  }

  /// Where an entity or a person holds: a chain of places (`湘潭市岳塘区`, `包河区›市` for the
  /// city above 包河区) or, when a document names no place, that document alone.
  struct Scope: Hashable {
    var text: String
    var documentId: Int64?
  }

  struct EntityKey: Hashable {
    var scope: Scope
    var rest: String
  }

  struct Entity {
    var key: EntityKey
    var scope: Int
    /// The canonical name: the longest of the qualified names seen, ties broken by code point.
    var name: String
  }

  struct Mention {
    var attendanceId: Int64
    /// The folded name, as a number of ``IdentityResolver/names``.
    var name: Int
    var title: String?
    var printedOrganization: String?
    var entity: Int?
    var date: String?
    /// The date's place among the archive's dates (ISO dates sort as text), `Int.max` when none.
    var dateRank: Int
    var documentId: Int64
    var position: Int
    /// A number of ``IdentityResolver/scopes``.
    var scope: Int
  }

  enum Evidence: String {
    case first
    case organization
    case title
    case titleHistory = "title-history"
    case place
  }

  struct Person {
    var name: Int
    var scope: Int
    var entity: Int?
    var mentions: [Int] = []
    /// The mentions that print a title, oldest first.
    var titled: [Int] = []
  }

  struct Conflict {
    var kind: String
    var person: Int
    var other: Int
    var overlapping: Bool?
    var message: String
  }

  private var fullNames: [String: String] = [:]
  /// Strings and scopes as numbers, so the many lookups per attendance row hash integers (a
  /// Chinese string is normalised each time it is hashed).
  private var nameNumbers: [String: Int] = [:]
  private var foldedNumbers: [String: Int] = [:]
  private var names: [String] = []
  private var scopeNumbers: [Scope: Int] = [:]
  private var scopes: [Scope] = []
  /// The entity of each name printed in each document, once looked up.
  private var printedEntities: [Int64: [String: Int]] = [:]
  private var readings: [String: NameReading] = [:]
  private var entities: [Entity] = []
  private var entityIndex: [EntityKey: Int] = [:]
  private var aliases = Set<AliasRow>()
  private var mentions: [Mention] = []
  private var people: [Person] = []
  private var joins: [(mention: Int, person: Int, evidence: Evidence, matched: Int?, detail: String?)] = []
  private var conflicts: [Conflict] = []

  private struct AliasRow: Hashable {
    var entity: Int
    var alias: String
    var documentId: Int64
  }

  init(lexicon: Lexicon) {
    self.lexicon = lexicon
  }

  mutating func resolve(_ db: Database) throws -> IdentitySummary {
    for table in [
      "identityConflicts", "personMentions", "people", "organizationIdentity", "taskUnitIdentity", "organizationAliases",
      "organizationEntities",
    ] {
      try db.execute(sql: "DELETE FROM \(table)")
    }
    var chains: [Int64: [String]] = [:]
    var dates: [Int64: String] = [:]
    var ranks: [Int64: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, issuer, meetingOrgan, title, coalesce(meetingDate, issuerDate) FROM documents") {
      let id: Int64 = row[0]
      chains[id] = placeChain(of: [row[1], row[2], row[3]])
      if let date: String = row[4] { dates[id] = date }
    }
    let sortedDates = Set(dates.values).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let rankOfDate = Dictionary(uniqueKeysWithValues: sortedDates.enumerated().map { ($1, $0) })
    for (id, date) in dates { ranks[id] = rankOfDate[date] }
    var pairs: [Int64: [String: String]] = [:]
    let organizationRows = try Row.fetchAll(db, sql: "SELECT id, documentId, name, fullName FROM organizations ORDER BY id")
    for row in organizationRows {
      if let fullName: String = row[3] { pairs[row[1], default: [:]][row[2]] = fullName }
    }
    func entity(_ printed: String, _ documentId: Int64) -> Int {
      if let known = printedEntities[documentId]?[printed] { return known }
      let found = resolveEntity(printed: printed, fullName: pairs[documentId]?[printed], documentId: documentId, chain: chains[documentId] ?? [])
      printedEntities[documentId, default: [:]][printed] = found
      return found
    }
    var documentScopes: [Int64: Int] = [:]
    for (id, chain) in chains { documentScopes[id] = number(Scope(text: chain.joined(), documentId: chain.isEmpty ? id : nil)) }
    let organizationLinks = organizationRows.map { row in (row[0] as Int64, entity(row[2], row[1])) }
    let taskUnitLinks = try Row.fetchAll(db, sql: "SELECT id, documentId, name FROM taskUnits ORDER BY id").map { row in
      (row[0] as Int64, entity(row[2], row[1]))
    }
    let cursor = try Row.fetchCursor(db, sql: "SELECT id, documentId, position, person, title, organization FROM attendance")
    while let row = try cursor.next() {
      let documentId: Int64 = row[1]
      let organization: String? = row[5]
      let entityIndex = organization.map { entity($0, documentId) }
      let scope = entityIndex.map { entities[$0].scope } ?? documentScopes[documentId] ?? number(Scope(text: "", documentId: documentId))
      mentions.append(
        Mention(
          attendanceId: row[0], name: nameNumber(row[3]), title: row[4], printedOrganization: organization,
          entity: entityIndex, date: dates[documentId], dateRank: ranks[documentId] ?? Int.max, documentId: documentId,
          position: row[2], scope: scope))
    }
    clusterPeople()
    try write(db, organizationLinks: organizationLinks, taskUnitLinks: taskUnitLinks)
    return IdentitySummary(organizations: entities.count, people: people.count, conflicts: conflicts.count)
  }

  // MARK: Organisations

  /// The places a document holds in, the most specific last: the leading places of its issuer,
  /// else of its meeting organ, else of its title, lengthened by another of them that ends
  /// with the same places (`岳塘区人民政府办公室` and the title `湘潭市岳塘区人民政府…` give
  /// [湘潭市, 岳塘区]).
  mutating func placeChain(of texts: [String?]) -> [String] {
    let chains = texts.compactMap { $0 }.map { documentPlaces(of: $0) }.filter { !$0.isEmpty }
    guard var chain = chains.first else { return [] }
    for other in chains.dropFirst() where other.count > chain.count && Array(other.suffix(chain.count)) == chain {
      chain = other
    }
    return chain
  }

  /// The leading places of a document's issuer, meeting organ or title: the lexicon's, then
  /// one it does not hold (the lexicon has every city but only some counties and districts) —
  /// up to four 汉字 ending in 市 区 县 or 旗 right before 人民政府, 政府, 第 or a numeral (of
  /// the 届 or the year: `汨罗市人民政府办公室`, `张家川县十五届人民政府`, `汝城县2022年…`).
  mutating func documentPlaces(of text: String) -> [String] {
    let leading = reading(of: text)
    var places = leading.places
    let scalars = lexicon.folded(text)
    let start = leading.writtenPlaces.reduce(0) { $0 + $1.unicodeScalars.count }
    for length in 2...5 where start + length < scalars.count {
      let end = start + length
      guard "市区县旗".unicodeScalars.contains(scalars[end - 1]),
        scalars[start..<end].allSatisfy({ ChineseBigrams.isHan($0) && !OrganizationMatcher.isLevel($0) || $0 == scalars[end - 1] })
      else { continue }
      let rest = string(scalars[end...])
      if rest.hasPrefix("人民政府") || rest.hasPrefix("政府") || rest.hasPrefix("第")
        || "一二三四五六七八九十0123456789".unicodeScalars.contains(scalars[end])
      {
        places.append(string(scalars[start..<end]))
        break
      }
    }
    return places
  }

  mutating func reading(of text: String) -> NameReading {
    if let known = readings[text] { return known }
    let scalars = lexicon.folded(text)
    var offset = 0
    var places: [String] = []
    var written: [String] = []
    while places.count < 3, offset < scalars.count,
      let match = lexicon.matches(in: scalars, at: offset, categories: .place).first
    {
      places.append(match.entry.fullName ?? match.entry.text)
      written.append(string(scalars[match.range]))
      offset = match.range.upperBound
    }
    var level: Unicode.Scalar? = nil
    if places.isEmpty, scalars.count > 1, OrganizationMatcher.isLevel(scalars[0]) {
      level = scalars[0]
      offset = 1
    }
    let found = NameReading(places: places, writtenPlaces: written, level: level, rest: string(scalars[offset...]))
    readings[text] = found
    return found
  }

  /// The entity a printed organisation name stands for in a document whose places are `chain`.
  mutating func resolveEntity(printed: String, fullName: String?, documentId: Int64, chain: [String]) -> Int {
    let full: String
    if let fullName {
      full = fullName
    } else if let known = fullNames[printed] {
      full = known
    } else {
      full = lexicon.fullName(of: printed) ?? printed
      fullNames[printed] = full
    }
    var name = reading(of: full)
    // A place of the document the lexicon does not hold, printed before the name (`汨罗市发改局`
    // in a 汨罗市 document).
    if name.places.isEmpty, name.level == nil, let place = chain.last(where: { name.rest.hasPrefix($0) && name.rest != $0 }) {
      name = NameReading(places: [place], writtenPlaces: [place], level: nil, rest: String(name.rest.dropFirst(place.count)))
    }
    let scope: Scope
    let qualified: String
    if !name.places.isEmpty {
      // An absolute name: its places, under the document's when the document's chain holds the first.
      let places = chain.firstIndex(of: name.places[0]).map { Array(chain[..<$0]) + name.places } ?? name.places
      scope = Scope(text: places.joined(), documentId: nil)
      qualified = name.writtenPlaces[name.writtenPlaces.count - 1] + name.rest
    } else if let level = name.level {
      if let index = chain.lastIndex(where: { $0.unicodeScalars.last == level }) {
        scope = Scope(text: chain[...index].joined(), documentId: nil)
        qualified = chain[index] + name.rest
      } else {
        scope = chain.isEmpty
          ? Scope(text: "", documentId: documentId) : Scope(text: chain.joined() + "›" + String(level), documentId: nil)
        qualified = String(level) + name.rest
      }
    } else {
      scope = Scope(text: chain.joined(), documentId: chain.isEmpty ? documentId : nil)
      qualified = name.rest
    }
    let key = EntityKey(scope: scope, rest: name.rest)
    let index: Int
    if let known = entityIndex[key] {
      index = known
      let current = entities[index].name
      if qualified.unicodeScalars.count > current.unicodeScalars.count
        || (qualified.unicodeScalars.count == current.unicodeScalars.count && qualified.unicodeScalars.lexicographicallyPrecedes(current.unicodeScalars))
      {
        entities[index].name = qualified
      }
    } else {
      index = entities.count
      entities.append(Entity(key: key, scope: number(scope), name: qualified))
      entityIndex[key] = index
    }
    aliases.insert(AliasRow(entity: index, alias: printed, documentId: documentId))
    if full != printed { aliases.insert(AliasRow(entity: index, alias: full, documentId: documentId)) }
    return index
  }

  // MARK: People

  /// Clusters the mentions of each name within each scope: by organisation entity first, then
  /// the mentions without one (oldest first) into the only cluster or the one sharing their title.
  mutating func clusterPeople() {
    let order = mentions.indices.sorted { a, b in
      let (x, y) = (mentions[a], mentions[b])
      if x.dateRank != y.dateRank { return x.dateRank < y.dateRank }
      if x.documentId != y.documentId { return x.documentId < y.documentId }
      return x.position < y.position
    }
    struct BucketKey: Hashable {
      var name: Int
      var scope: Int
    }
    var buckets: [BucketKey: [Int]] = [:]
    var bucketOrder: [BucketKey] = []
    for index in order {
      let key = BucketKey(name: mentions[index].name, scope: mentions[index].scope)
      if buckets[key] == nil { bucketOrder.append(key) }
      buckets[key, default: []].append(index)
    }
    for key in bucketOrder {
      let members = buckets[key] ?? []
      var byEntity: [Int: Int] = [:]
      var clusters: [Int] = []
      for index in members {
        guard let entity = mentions[index].entity else { continue }
        if let person = byEntity[entity] {
          join(index, person, evidence: .organization)
        } else {
          let person = found(index)
          byEntity[entity] = person
          clusters.append(person)
        }
      }
      for (first, second) in pairs(clusters) { recordOrganizationConflict(first, second) }
      for index in members where mentions[index].entity == nil {
        if clusters.count <= 1 {
          if let person = clusters.first {
            joinUnaffiliated(index, person)
          } else {
            clusters.append(found(index))
          }
          continue
        }
        let sharing = clusters.filter { person in
          mentions[index].title != nil && people[person].titled.contains { mentions[$0].title == mentions[index].title }
        }
        if sharing.count == 1 {
          joinUnaffiliated(index, sharing[0])
        } else {
          let person = found(index)
          for other in clusters { recordAmbiguity(person, other) }
        }
      }
    }
  }

  private func pairs(_ items: [Int]) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    for (position, first) in items.enumerated() {
      for second in items[(position + 1)...] { result.append((first, second)) }
    }
    return result
  }

  private mutating func found(_ index: Int) -> Int {
    let mention = mentions[index]
    people.append(
      Person(name: mention.name, scope: mention.scope, entity: mention.entity, mentions: [index], titled: mention.title == nil ? [] : [index]))
    joins.append((index, people.count - 1, .first, nil, nil))
    return people.count - 1
  }

  /// Joins a mention that shares the person's organisation entity; the detail shows the alias
  /// (`市发改委 = 市发展和改革委员会`) and the change of title when they differ.
  private mutating func join(_ index: Int, _ person: Int, evidence: Evidence) {
    let first = people[person].mentions[0]
    var details: [String] = []
    if let printed = mentions[index].printedOrganization, let earlier = mentions[first].printedOrganization, printed != earlier {
      details.append("\(earlier) = \(printed)")
    }
    if let title = mentions[index].title, let last = people[person].titled.last, let lastTitle = mentions[last].title,
      lastTitle != title
    {
      details.append("\(lastTitle) → \(title)")
    }
    add(index, to: person)
    joins.append((index, person, evidence, first, details.isEmpty ? nil : details.joined(separator: "; ")))
  }

  /// Joins a mention without an organisation: by the same title, by a title that continues the
  /// person's history (the latest earlier title, else the earliest), or by the name in the place alone.
  private mutating func joinUnaffiliated(_ index: Int, _ person: Int) {
    let titled = people[person].titled
    let first = people[person].mentions[0]
    let mention = mentions[index]
    add(index, to: person)
    guard let title = mention.title, !titled.isEmpty else {
      joins.append((index, person, .place, first, nil))
      return
    }
    if let same = titled.first(where: { mentions[$0].title == title }) {
      joins.append((index, person, .title, same, nil))
      return
    }
    let earlier = titled.last { mentions[$0].dateRank <= mention.dateRank } ?? titled[0]
    joins.append((index, person, .titleHistory, earlier, "\(mentions[earlier].title ?? "") → \(title)"))
  }

  /// Adds a mention to a person, keeping the titled ones in date order (mentions without an
  /// organisation join after those with one).
  private mutating func add(_ index: Int, to person: Int) {
    people[person].mentions.append(index)
    guard mentions[index].title != nil else { return }
    let rank = mentions[index].dateRank
    let position = people[person].titled.lastIndex { mentions[$0].dateRank <= rank }.map { $0 + 1 } ?? 0
    people[person].titled.insert(index, at: position)
  }

  private func span(_ person: Int) -> (String, String)? {
    let dated = people[person].mentions.filter { mentions[$0].date != nil }
    guard let first = dated.min(by: { mentions[$0].dateRank < mentions[$1].dateRank }),
      let last = dated.max(by: { mentions[$0].dateRank < mentions[$1].dateRank }),
      let firstDate = mentions[first].date, let lastDate = mentions[last].date
    else { return nil }
    return (firstDate, lastDate)
  }

  private func describe(_ person: Int) -> String {
    let organization = people[person].entity.map { entities[$0].name } ?? "no organisation"
    guard let (first, last) = span(person) else { return organization }
    return first == last ? "\(organization) (\(first))" : "\(organization) (\(first)…\(last))"
  }

  private mutating func recordOrganizationConflict(_ person: Int, _ other: Int) {
    var overlapping: Bool? = nil
    if let (firstStart, firstEnd) = span(person), let (otherStart, otherEnd) = span(other) {
      overlapping = !firstEnd.unicodeScalars.lexicographicallyPrecedes(otherStart.unicodeScalars)
        && !otherEnd.unicodeScalars.lexicographicallyPrecedes(firstStart.unicodeScalars)
    }
    let when = overlapping == true ? "at overlapping times" : overlapping == false ? "one after the other" : "at unknown times"
    conflicts.append(
      Conflict(
        kind: "organizations", person: person, other: other, overlapping: overlapping,
        message: "\(names[people[person].name]): \(describe(person)) and \(describe(other)), \(when): two people, not merged"))
  }

  private mutating func recordAmbiguity(_ person: Int, _ other: Int) {
    conflicts.append(
      Conflict(
        kind: "ambiguous", person: person, other: other, overlapping: nil,
        message: "\(names[people[person].name]) without an organisation could be the one of \(describe(other)) or another: not merged"))
  }

  // MARK: Writing

  private func write(_ db: Database, organizationLinks: [(Int64, Int)], taskUnitLinks: [(Int64, Int)]) throws {
    let insertEntity = try db.makeStatement(sql: "INSERT INTO organizationEntities (id, name, scope, scopeDocumentId) VALUES (?, ?, ?, ?)")
    for (index, entity) in entities.enumerated() {
      try insertEntity.execute(arguments: [index + 1, entity.name, scopes[entity.scope].text, scopes[entity.scope].documentId])
    }
    let insertAlias = try db.makeStatement(sql: "INSERT INTO organizationAliases (entityId, alias, documentId) VALUES (?, ?, ?)")
    let sortedAliases = aliases.sorted { a, b in
      if a.entity != b.entity { return a.entity < b.entity }
      if a.documentId != b.documentId { return a.documentId < b.documentId }
      return a.alias.unicodeScalars.lexicographicallyPrecedes(b.alias.unicodeScalars)
    }
    for alias in sortedAliases { try insertAlias.execute(arguments: [alias.entity + 1, alias.alias, alias.documentId]) }
    let insertOrganization = try db.makeStatement(sql: "INSERT INTO organizationIdentity (organizationId, entityId) VALUES (?, ?)")
    for (id, entity) in organizationLinks { try insertOrganization.execute(arguments: [id, entity + 1]) }
    let insertTaskUnit = try db.makeStatement(sql: "INSERT INTO taskUnitIdentity (taskUnitId, entityId) VALUES (?, ?)")
    for (id, entity) in taskUnitLinks { try insertTaskUnit.execute(arguments: [id, entity + 1]) }
    let insertPerson = try db.makeStatement(sql: """
      INSERT INTO people (id, name, scope, scopeDocumentId, organizationEntityId, firstDate, lastDate, mentions)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (index, person) in people.enumerated() {
      let span = span(index)
      try insertPerson.execute(arguments: [
        index + 1, names[person.name], scopes[person.scope].text, scopes[person.scope].documentId, person.entity.map { $0 + 1 },
        span?.0, span?.1,
        person.mentions.count,
      ])
    }
    let insertMention = try db.makeStatement(sql: """
      INSERT INTO personMentions (attendanceId, personId, organizationEntityId, evidence, matchedAttendanceId, detail)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    for join in joins.sorted(by: { mentions[$0.mention].attendanceId < mentions[$1.mention].attendanceId }) {
      let mention = mentions[join.mention]
      try insertMention.execute(arguments: [
        mention.attendanceId, join.person + 1, mention.entity.map { $0 + 1 }, join.evidence.rawValue,
        join.matched.map { mentions[$0].attendanceId }, join.detail,
      ])
    }
    let insertConflict = try db.makeStatement(sql: """
      INSERT INTO identityConflicts (kind, name, scope, personId, otherPersonId, overlapping, message) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    for conflict in conflicts {
      let person = people[conflict.person]
      try insertConflict.execute(arguments: [
        conflict.kind, names[person.name], scopes[person.scope].text, conflict.person + 1, conflict.other + 1, conflict.overlapping,
        conflict.message,
      ])
    }
  }

  /// The number of a person's name as printed, the same for every spelling that folds alike.
  private mutating func nameNumber(_ printed: String) -> Int {
    if let known = nameNumbers[printed] { return known }
    let folded = string(lexicon.folded(printed)[...])
    let found: Int
    if let known = foldedNumbers[folded] {
      found = known
    } else {
      found = names.count
      names.append(folded)
      foldedNumbers[folded] = found
    }
    nameNumbers[printed] = found
    return found
  }

  private mutating func number(_ scope: Scope) -> Int {
    if let known = scopeNumbers[scope] { return known }
    scopes.append(scope)
    scopeNumbers[scope] = scopes.count - 1
    return scopes.count - 1
  }

  private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}

import GRDB

/// The questions `gongwen query` answers by name; Docs/INDEX.md shows each as plain SQL.
public enum NamedQuery: Hashable, Sendable {
  /// The meetings a person attended: date, document, role, title and organisation, oldest first.
  case person(String)
  /// The tasks assigned to an organisation (as lead or responsible unit, by its name or, within
  /// the same document, its full name or abbreviation), optionally in one year.
  case tasks(organization: String, year: Int?)
  /// How many people each organisation sent, per role, across the archive.
  case attendanceByOrganization
  /// The sections whose text contains `text` (full-text search), best match first.
  case search(String)

  /// The names `gongwen query` takes.
  public static let names = ["person", "tasks", "attendance-by-organization", "search"]

  var sql: String {
    switch self {
    case .person:
      return """
        SELECT d.meetingDate AS date, d.path, d.title, a.role, a.title AS personTitle, a.organization, a.reason
        FROM attendance a JOIN documents d ON d.id = a.documentId
        WHERE a.person = ?
        ORDER BY d.meetingDate, d.path, a.position
        """
    case .tasks(_, let year):
      return """
        SELECT coalesce(d.meetingDate, d.issuerDate) AS date, d.path, t.lead, t.responsible, t.action
        FROM tasks t JOIN documents d ON d.id = t.documentId
        WHERE EXISTS (
          SELECT 1 FROM taskUnits u WHERE u.taskId = t.id AND (u.name = ?1 OR u.name IN (
            SELECT o.name FROM organizations o WHERE o.documentId = t.documentId AND o.fullName = ?1
            UNION SELECT o.fullName FROM organizations o WHERE o.documentId = t.documentId AND o.name = ?1)))
        \(year == nil ? "" : "AND substr(coalesce(d.meetingDate, d.issuerDate), 1, 4) = ?2")
        ORDER BY date, d.path, t.position
        """
    case .attendanceByOrganization:
      return """
        SELECT a.organization, a.role, count(*) AS people, count(DISTINCT a.documentId) AS documents
        FROM attendance a
        WHERE a.organization IS NOT NULL
        GROUP BY a.organization, a.role
        ORDER BY people DESC, a.organization, a.role
        """
    case .search:
      return """
        SELECT d.path, s.marker, s.title, s.start, s."end"
        FROM sectionText f JOIN sections s ON s.id = f.rowid JOIN documents d ON d.id = s.documentId
        WHERE sectionText MATCH ?
        ORDER BY bm25(sectionText), d.path, s.position
        """
    }
  }

  var arguments: StatementArguments? {
    switch self {
    case .person(let name): return [name]
    case .tasks(let organization, let year):
      guard let year else { return [organization] }
      return [organization, fourDigits(year)]
    case .attendanceByOrganization: return []
    case .search(let text):
      guard let match = ChineseBigrams.matchQuery(for: text) else { return nil }
      return [match]
    }
  }
}

extension Archive {
  /// The answer to `query`; a search for punctuation alone finds nothing.
  public func answer(_ query: NamedQuery) throws -> QueryResult {
    try pool.read { db in
      guard let arguments = query.arguments else {
        return QueryResult(columns: try db.makeStatement(sql: query.sql).columnNames, rows: [])
      }
      return try QueryResult.fetch(db, sql: query.sql, arguments: arguments)
    }
  }
}

/// A year as four digits (`0987` for 987), the way dates are stored.
private func fourDigits(_ year: Int) -> String {
  let digits = String(year)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

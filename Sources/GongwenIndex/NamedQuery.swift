import GRDB

/// The questions `gongwen query` answers by name; Docs/INDEX.md shows each as plain SQL.
public enum NamedQuery: Hashable, Sendable {
  /// The meetings a person attended: date, document, role, title and organisation, oldest first.
  case person(String)
  /// The tasks assigned to an organisation (as lead or responsible unit, by its name or, within
  /// the same document, its full name or abbreviation), optionally in one year.
  case tasks(organization: String, year: Int?)
  /// How many people each organisation sent, per role, across the archive, from the summary
  /// kept with every document written.
  case attendanceByOrganization
  /// The sections whose text contains `text` (ASCII letters compared without case), best match
  /// first: the full-text index finds the sections holding all of its bigrams, and the text
  /// itself confirms each.
  case search(String)

  /// The names `gongwen query` takes.
  public static let names = ["person", "tasks", "attendance-by-organization", "search"]

  /// The statement, with `:limit` bound to the most rows wanted (plus one, to tell a cut
  /// answer), and `:argument` (and `:year`, or the search's `:text`) to the question's argument.
  var sql: String {
    switch self {
    case .person:
      return """
        SELECT d.meetingDate AS date, d.path, d.title, a.role, a.title AS personTitle, a.organization, a.reason
        FROM attendance a JOIN documents d ON d.id = a.documentId
        WHERE a.person = :argument
        ORDER BY d.meetingDate, d.path, a.position
        LIMIT :limit
        """
    case .tasks(_, let year):
      // Each branch is one index lookup on taskUnits(name, documentId): the unit named, or the
      // unit named by the abbreviation or full name the same document gives the organisation.
      return """
        WITH units(taskId) AS (
          SELECT u.taskId FROM taskUnits u WHERE u.name = :argument
          UNION SELECT u.taskId FROM organizations o JOIN taskUnits u ON u.name = o.name AND u.documentId = o.documentId
            WHERE o.fullName = :argument
          UNION SELECT u.taskId FROM organizations o JOIN taskUnits u ON u.name = o.fullName AND u.documentId = o.documentId
            WHERE o.name = :argument)
        SELECT coalesce(d.meetingDate, d.issuerDate) AS date, d.path, t.lead, t.responsible, t.action
        FROM units JOIN tasks t ON t.id = units.taskId JOIN documents d ON d.id = t.documentId
        \(year == nil ? "" : "WHERE substr(coalesce(d.meetingDate, d.issuerDate), 1, 4) = :year\n")\
        ORDER BY date, d.path, t.position
        LIMIT :limit
        """
    case .attendanceByOrganization:
      return """
        SELECT organization, role, people, documents
        FROM organizationAttendance
        ORDER BY people DESC, organization, role
        LIMIT :limit
        """
    case .search:
      return """
        SELECT d.path, s.marker, s.title, s.start, s."end"
        FROM sectionText f JOIN sections s ON s.id = f.rowid JOIN documents d ON d.id = s.documentId
        WHERE sectionText MATCH :argument AND instr(lower(s.text), lower(:text)) > 0
        ORDER BY bm25(sectionText), d.path, s.position
        LIMIT :limit
        """
    }
  }

  /// The values bound to the statement but `:limit`; nil when the question can find nothing
  /// (a search for punctuation alone).
  var arguments: [String: String]? {
    switch self {
    case .person(let name): return ["argument": name]
    case .tasks(let organization, let year):
      guard let year else { return ["argument": organization] }
      return ["argument": organization, "year": fourDigits(year)]
    case .attendanceByOrganization: return [:]
    case .search(let text):
      guard let match = ChineseBigrams.matchQuery(for: text) else { return nil }
      return ["argument": match, "text": text]
    }
  }
}

extension Archive {
  /// The answer to `query`, at most `limit` rows (all with nil; ``QueryResult/isTruncated``
  /// says whether there were more); a search for punctuation alone finds nothing.
  public func answer(_ query: NamedQuery, limit: Int? = nil) throws -> QueryResult {
    try pool.read { db in
      guard let arguments = query.arguments else {
        return QueryResult(columns: try db.makeStatement(sql: query.sql).columnNames, rows: [])
      }
      var bound = StatementArguments(arguments.mapValues { $0 as (any DatabaseValueConvertible)? })
      // One row more than asked tells a cut answer from one that just fits; -1 is no limit.
      bound += ["limit": limit.map { $0 + 1 } ?? -1]
      return try QueryResult.fetch(db, sql: query.sql, arguments: bound, limit: limit)
    }
  }
}

/// A year as four digits (`0987` for 987), the way dates are stored.
private func fourDigits(_ year: Int) -> String {
  let digits = String(year)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

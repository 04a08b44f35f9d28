import GRDB
import Gongwen

/// The questions about identities across documents that `gongwen query` answers by name, from
/// the tables ``Archive/resolveIdentities(lexicon:force:)`` writes; Docs/INDEX.md shows each as SQL.
public enum IdentityQuery: Hashable, Sendable {
  /// The organisation entities a name stands for (as canonical name or as any alias seen, as
  /// given or in Simplified characters): per entity and alias, the scope, how many documents
  /// print the alias, the first and last.
  case organization(String)
  /// The people of a name (in Traditional or Simplified characters), one identity after
  /// another: every meeting with its role, title, organisation entity and the evidence that
  /// joined it to the identity.
  case people(String)
  /// Every identity conflict: same names kept apart, with the diagnostic.
  case conflicts

  /// The names `gongwen query` takes.
  public static let names = ["organization", "people", "conflicts"]

  /// The question of `name` with its argument, or nil when `name` is none of ``names``.
  public init?(name: String, argument: String?) {
    switch name {
    case "organization": self = .organization(argument ?? "")
    case "people": self = .people(argument ?? "")
    case "conflicts": self = .conflicts
    default: return nil
    }
  }

  /// Whether the question takes an argument.
  public var takesArgument: Bool {
    if case .conflicts = self { return false }
    return true
  }

  var sql: String {
    switch self {
    case .organization:
      return """
        SELECT e.id AS entity, e.name, e.scope, a.alias, count(DISTINCT a.documentId) AS documents,
          min(coalesce(d.meetingDate, d.issuerDate)) AS first, max(coalesce(d.meetingDate, d.issuerDate)) AS last
        FROM organizationEntities e
        JOIN organizationAliases a ON a.entityId = e.id
        JOIN documents d ON d.id = a.documentId
        WHERE e.id IN (
          SELECT id FROM organizationEntities WHERE name IN (?1, ?2) UNION SELECT entityId FROM organizationAliases WHERE alias IN (?1, ?2))
        GROUP BY e.id, a.alias
        ORDER BY e.id, documents DESC, a.alias
        """
    case .people:
      return """
        SELECT p.id AS person, coalesce(d.meetingDate, d.issuerDate) AS date, d.path, a.role, a.title AS personTitle,
          e.name AS organization, m.evidence, m.detail
        FROM people p
        JOIN personMentions m ON m.personId = p.id
        JOIN attendance a ON a.id = m.attendanceId
        JOIN documents d ON d.id = a.documentId
        LEFT JOIN organizationEntities e ON e.id = m.organizationEntityId
        WHERE p.name = ?
        ORDER BY p.id, date, d.path, a.position
        """
    case .conflicts:
      return """
        SELECT c.kind, c.name, c.scope, c.personId AS person, c.otherPersonId AS otherPerson, c.overlapping, c.message
        FROM identityConflicts c
        ORDER BY c.name, c.scope, c.id
        """
    }
  }

  var arguments: StatementArguments {
    switch self {
    // People's names and canonical names are stored folded (`李建國` → `李建国`), aliases as printed.
    case .organization(let name): return [name, Self.folded(name)]
    case .people(let name): return [Self.folded(name)]
    case .conflicts: return []
    }
  }
}

extension IdentityQuery {
  static func folded(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Lexicon.builtIn.folded(text))
    return String(view)
  }
}

extension Archive {
  /// The answer to an identity question, from the last ``resolveIdentities(lexicon:force:)``,
  /// cut to `limit` rows when one is given (the result says whether it was cut).
  public func answer(_ query: IdentityQuery, limit: Int? = nil) throws -> QueryResult {
    try pool.read { db in try QueryResult.fetch(db, sql: query.sql, arguments: query.arguments, limit: limit) }
  }
}

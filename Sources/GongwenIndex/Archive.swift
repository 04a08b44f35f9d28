import Foundation
import GRDB
import GongwenModel

/// A SQLite archive of parsed documents: their openings, attendance, organisations, tasks,
/// references and sections, each row pointing back to its document and text range, with a
/// full-text index over section text (see Docs/INDEX.md for the tables).
///
/// The database is in WAL mode, so readers query while a writer indexes. Documents are written
/// many to a transaction, each inside its own savepoint: a run killed at any moment leaves each
/// document either wholly in the archive (with its old rows gone) or as it was before.
public final class Archive: Sendable {
  /// The file the archive lives in.
  public let path: String

  let pool: DatabasePool

  /// Opens the archive at `path`, bringing its schema up to date; with `creating` false, a
  /// database that holds no archive is refused (``ArchiveError/notAnArchive(path:)``) instead of
  /// being given the archive's tables.
  public convenience init(path: String, creating: Bool = true) throws {
    try self.init(path: path, creating: creating, migratingUpTo: nil)
  }

  /// Opens the archive with its schema brought up to `migration` (all with nil): tests make
  /// archives of an older schema with it, to check that they upgrade.
  init(path: String, creating: Bool, migratingUpTo migration: String?) throws {
    self.path = path
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another process indexing the same archive holds the write lock for one transaction (at
    // most about `ArchiveIndexer.transactionSeconds`) at a time.
    configuration.busyMode = .timeout(10)
    // In WAL mode NORMAL still leaves the database consistent after a crash or a kill; only a
    // power cut can lose the last documents written, which a re-run indexes again. FULL syncs
    // the log on every commit. A larger page cache keeps the indexes' pages between documents.
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY")
    }
    pool = try DatabasePool(path: path, configuration: configuration)
    if !creating {
      let isArchive = try pool.read { db in try db.tableExists("grdb_migrations") && db.tableExists("documents") }
      guard isArchive else { throw ArchiveError.notAnArchive(path: path) }
    }
    if let migration {
      try ArchiveSchema.migrator.migrate(pool, upTo: migration)
    } else {
      try ArchiveSchema.migrator.migrate(pool)
    }
  }

  /// Runs SQL that writes, for tests that build an archive by hand.
  func execute(sql: String) throws {
    try pool.write { db in try db.execute(sql: sql) }
  }

  /// Whether the archive holds `path` read from the same bytes by the same parser version, so
  /// indexing it again can be skipped.
  public func isCurrent(path: String, contentHash: String, parserVersion: String) throws -> Bool {
    try pool.read { db in
      try Bool.fetchOne(
        db, sql: "SELECT 1 FROM documents WHERE path = ? AND contentHash = ? AND parserVersion = ?",
        arguments: [path, contentHash, parserVersion]) ?? false
    }
  }

  /// The content hash and parser version stored for `path`, nil when the archive has none.
  func storedVersion(path: String) throws -> StoredVersion? {
    try pool.read { db in
      try Row.fetchOne(db, sql: "SELECT contentHash, parserVersion FROM documents WHERE path = ?", arguments: [path])
        .map { StoredVersion(contentHash: $0[0], parserVersion: $0[1]) }
    }
  }

  /// Every stored path with its content hash and parser version, read once at the start of a
  /// run instead of one query per file.
  func storedVersions() throws -> [String: StoredVersion] {
    try pool.read { db in
      var versions: [String: StoredVersion] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, contentHash, parserVersion FROM documents")
      while let row = try rows.next() {
        versions[row[0]] = StoredVersion(contentHash: row[1], parserVersion: row[2])
      }
      return versions
    }
  }

  /// The paths the archive holds, in order.
  public func paths() throws -> [String] {
    try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM documents ORDER BY path") }
  }

  /// Stores `document` as the archive's record of `path`, replacing whatever it held for that
  /// path, in one transaction.
  public func store(_ document: Document, path: String, contentHash: String, parserVersion: String, byteCount: Int) throws {
    let entry = ArchiveEntry(
      path: path, contentHash: contentHash, parserVersion: parserVersion, byteCount: byteCount, document: document)
    if let error = try store([entry]).first ?? nil { throw error }
  }

  /// Stores `entries` in one transaction, each in place of the archive's old rows for its path
  /// and inside its own savepoint, so one that cannot be stored leaves the others stored; the
  /// error of each entry, nil for those stored. Throws when the transaction itself fails (then
  /// none is stored).
  func store(_ entries: [ArchiveEntry]) throws -> [(any Error)?] {
    try pool.writeWithoutTransaction { db in
      var errors: [(any Error)?] = []
      try db.inTransaction(.immediate) {
        errors = []
        for entry in entries {
          do {
            try db.inSavepoint {
              try Self.delete(path: entry.path, db: db)
              try Self.insert(entry, db: db)
              return .commit
            }
            errors.append(nil)
          } catch {
            errors.append(error)
          }
        }
        return .commit
      }
      return errors
    }
  }

  /// Removes `path` and every row that points to it; true when the archive held it.
  @discardableResult
  public func remove(path: String) throws -> Bool {
    try remove(paths: [path]) == 1
  }

  /// Removes `paths` and every row that points to them, in one transaction; how many the
  /// archive held.
  @discardableResult
  public func remove(paths: [String]) throws -> Int {
    try pool.write { db in try paths.reduce(0) { count, path in try Self.delete(path: path, db: db) ? count + 1 : count } }
  }

  /// The version of the SQLite library in use (`3.40.1`), for benchmark reports.
  public static var sqliteVersion: String {
    (try? DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }) ?? "unknown"
  }

  /// How many documents the archive holds.
  public func documentCount() throws -> Int {
    try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
  }

  /// The result of `PRAGMA integrity_check` followed by FTS5's own check of the full-text
  /// index: `["ok"]` for a sound database.
  public func integrityCheck() throws -> [String] {
    let problems = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    guard problems == ["ok"] else { return problems }
    do {
      try pool.write { db in try db.execute(sql: "INSERT INTO sectionText (sectionText) VALUES ('integrity-check')") }
    } catch {
      return ["sectionText: \(error)"]
    }
    return problems
  }

  /// What disagrees inside the archive, beyond what SQLite itself checks: documents read from the
  /// same bytes whose numbers of sections, attendance rows or tasks differ (one of them half
  /// written), and `organizationAttendance` rows that disagree with the attendance rows they
  /// summarise. Each problem is a line (`document HASH`, `summary ORGANIZATION`); empty for a
  /// consistent archive.
  public func consistencyProblems() throws -> [String] {
    try pool.read { db in
      try String.fetchAll(db, sql: """
        SELECT 'document ' || contentHash FROM (
          SELECT d.contentHash,
            (SELECT count(*) FROM sections s WHERE s.documentId = d.id) AS sections,
            (SELECT count(*) FROM attendance a WHERE a.documentId = d.id) AS attendance,
            (SELECT count(*) FROM tasks t WHERE t.documentId = d.id) AS tasks
          FROM documents d)
        GROUP BY contentHash HAVING count(DISTINCT sections) > 1 OR count(DISTINCT attendance) > 1 OR count(DISTINCT tasks) > 1
        UNION ALL
        SELECT 'summary ' || coalesce(s.organization, a.organization) FROM organizationAttendance s
          FULL OUTER JOIN (SELECT organization, role, count(*) AS people, count(DISTINCT documentId) AS documents
            FROM attendance WHERE organization IS NOT NULL GROUP BY organization, role) a
          ON a.organization = s.organization AND a.role = s.role
        WHERE s.people IS NOT a.people OR s.documents IS NOT a.documents
        """)
    }
  }

  /// The rows of a read-only SQL statement, for tools and tests that ask what no named
  /// question covers.
  public func rows(sql: String, arguments: [String] = []) throws -> QueryResult {
    try pool.read { db in try QueryResult.fetch(db, sql: sql, arguments: StatementArguments(arguments), limit: nil) }
  }

  /// Deletes the document stored under `path` with its rows; false when there is none. The
  /// full-text rows are contentless, so each is deleted by giving its tokens again, and the
  /// document's attendance is taken off the summary before its rows go.
  @discardableResult
  private static func delete(path: String, db: Database) throws -> Bool {
    guard let documentId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ?"), arguments: [path])
    else { return false }
    let sections = try Row.fetchAll(
      db.cachedStatement(sql: "SELECT id, text FROM sections WHERE documentId = ?"), arguments: [documentId])
    let deleteText = try db.cachedStatement(sql: "INSERT INTO sectionText (sectionText, rowid, tokens) VALUES ('delete', ?, ?)")
    for section in sections {
      try deleteText.execute(arguments: [section[0] as Int64, ChineseBigrams.indexedText(of: section[1])])
    }
    try db.cachedStatement(sql: """
        UPDATE organizationAttendance SET people = people - x.count, documents = documents - 1
        FROM (SELECT organization, role, count(*) AS count FROM attendance
              WHERE documentId = ? AND organization IS NOT NULL GROUP BY organization, role) AS x
        WHERE organizationAttendance.organization = x.organization AND organizationAttendance.role = x.role
        """).execute(arguments: [documentId])
    try db.cachedStatement(sql: """
        DELETE FROM organizationAttendance WHERE people <= 0 AND (organization, role) IN (
          SELECT organization, role FROM attendance WHERE documentId = ? AND organization IS NOT NULL)
        """).execute(arguments: [documentId])
    try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [documentId])
    return true
  }

  private static func insert(_ entry: ArchiveEntry, db: Database) throws {
    let document = entry.document
    try RowInsert(db, sql: """
        INSERT INTO documents (path, contentHash, parserVersion, byteCount, kind, title, docNumber, meetingDate,
          meetingType, meetingSession, meetingChair, meetingOrgan, issuer, issuerDate)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).run { bind in
      bind(entry.path)
      bind(entry.contentHash)
      bind(entry.parserVersion)
      bind(entry.byteCount)
      bind(document.kind.rawValue)
      bind(document.title)
      bind(document.docNumber)
      bind(document.meeting?.date)
      bind(document.meeting?.type)
      bind(document.meeting?.session)
      bind(document.meeting?.chair?.name)
      bind(document.meeting?.organ)
      bind(document.issuer?.organ)
      bind(document.issuer?.date)
    }
    let documentId = db.lastInsertedRowID
    try insertAttendance(document.attendance, documentId: documentId, db: db)
    try insertOrganizations(document.organizations, documentId: documentId, db: db)
    try insertTasks(document.tasks, documentId: documentId, db: db)
    let reference = try RowInsert(
      db, sql: "INSERT INTO documentReferences (documentId, title, docNumber, start, \"end\") VALUES (?, ?, ?, ?, ?)")
    for item in document.references {
      try reference.run { bind in
        bind(documentId)
        bind(item.title)
        bind(item.docNumber)
        bind(item.range?.start)
        bind(item.range?.end)
      }
    }
    let sections = SectionInserts(
      row: try RowInsert(db, sql: """
          INSERT INTO sections (documentId, parentId, position, marker, level, title, text, start, "end")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """),
      text: try RowInsert(db, sql: "INSERT INTO sectionText (rowid, tokens) VALUES (?, ?)"))
    var position = 0
    var tokens = entry.sectionTokens.makeIterator()
    for section in document.sections {
      try insertSection(section, parentId: nil, position: &position, tokens: &tokens, documentId: documentId, with: sections, db: db)
    }
  }

  private static func insertAttendance(_ attendance: Attendance, documentId: Int64, db: Database) throws {
    let groups: [(String, [Person])] = [
      ("present", attendance.present), ("attending", attendance.attending), ("absent", attendance.absent),
      ("recorder", attendance.recorders),
    ]
    let insert = try RowInsert(db, sql: """
        INSERT INTO attendance (documentId, role, position, person, title, organization, reason, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    // The summary counts people per organisation and role, and each document once per pair.
    var people: [OrganizationRole: Int] = [:]
    var position = 0
    for (role, persons) in groups {
      for person in persons {
        try insert.run { bind in
          bind(documentId)
          bind(role)
          bind(position)
          bind(person.name)
          bind(person.title)
          bind(person.organization)
          bind(person.reason)
          bind(person.range?.start)
          bind(person.range?.end)
        }
        if let organization = person.organization { people[OrganizationRole(organization: organization, role: role), default: 0] += 1 }
        position += 1
      }
    }
    let summary = try RowInsert(db, sql: """
        INSERT INTO organizationAttendance (organization, role, people, documents) VALUES (?, ?, ?, 1)
        ON CONFLICT (organization, role) DO UPDATE SET people = people + excluded.people, documents = documents + 1
        """)
    for (key, count) in people {
      try summary.run { bind in
        bind(key.organization)
        bind(key.role)
        bind(count)
      }
    }
  }

  private static func insertOrganizations(_ organizations: [Organization], documentId: Int64, db: Database) throws {
    let insert = try RowInsert(db, sql: "INSERT INTO organizations (documentId, name, fullName) VALUES (?, ?, ?)")
    let insertMention = try RowInsert(
      db, sql: "INSERT INTO organizationMentions (organizationId, documentId, start, \"end\") VALUES (?, ?, ?, ?)")
    for organization in organizations {
      try insert.run { bind in
        bind(documentId)
        bind(organization.name)
        bind(organization.fullName)
      }
      let organizationId = db.lastInsertedRowID
      for mention in organization.mentions {
        try insertMention.run { bind in
          bind(organizationId)
          bind(documentId)
          bind(mention.start)
          bind(mention.end)
        }
      }
    }
  }

  private static func insertTasks(_ tasks: [Assignment], documentId: Int64, db: Database) throws {
    let insert = try RowInsert(
      db, sql: "INSERT INTO tasks (documentId, position, lead, responsible, action, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?)")
    let insertUnit = try RowInsert(db, sql: "INSERT INTO taskUnits (taskId, documentId, role, name) VALUES (?, ?, ?, ?)")
    for (position, task) in tasks.enumerated() {
      try insert.run { bind in
        bind(documentId)
        bind(position)
        bind(task.lead.joined(separator: "、"))
        bind(task.responsible.joined(separator: "、"))
        bind(task.action)
        bind(task.range?.start)
        bind(task.range?.end)
      }
      let taskId = db.lastInsertedRowID
      for (role, names) in [("lead", task.lead), ("responsible", task.responsible)] {
        for name in names {
          try insertUnit.run { bind in
            bind(taskId)
            bind(documentId)
            bind(role)
            bind(name)
          }
        }
      }
    }
  }

  /// The two inserts of a section: its row and its full-text row.
  private struct SectionInserts {
    var row: RowInsert
    var text: RowInsert
  }

  private static func insertSection(
    _ section: Section, parentId: Int64?, position: inout Int, tokens: inout IndexingIterator<[String]>,
    documentId: Int64, with inserts: SectionInserts, db: Database
  ) throws {
    let order = position
    try inserts.row.run { bind in
      bind(documentId)
      bind(parentId)
      bind(order)
      bind(section.marker)
      bind(section.level)
      bind(section.title)
      bind(section.text)
      bind(section.range?.start)
      bind(section.range?.end)
    }
    let sectionId = db.lastInsertedRowID
    position += 1
    let text = tokens.next() ?? ChineseBigrams.indexedText(of: section.text)
    try inserts.text.run { bind in
      bind(sectionId)
      bind(text)
    }
    for child in section.children {
      try insertSection(child, parentId: sectionId, position: &position, tokens: &tokens, documentId: documentId, with: inserts, db: db)
    }
  }
}

/// A document ready to be written, with its sections' full-text tokens (in document order,
/// parents before children) made beforehand, on the thread that parsed it, not on the writer.
struct ArchiveEntry: Sendable {
  var path: String
  var contentHash: String
  var parserVersion: String
  var byteCount: Int
  var document: Document
  var sectionTokens: [String]

  init(path: String, contentHash: String, parserVersion: String, byteCount: Int, document: Document) {
    self.path = path
    self.contentHash = contentHash
    self.parserVersion = parserVersion
    self.byteCount = byteCount
    self.document = document
    var tokens: [String] = []
    func add(_ section: Section) {
      tokens.append(ChineseBigrams.indexedText(of: section.text))
      section.children.forEach(add)
    }
    document.sections.forEach(add)
    sectionTokens = tokens
  }
}

/// What the archive holds about a path, to decide whether a file is unchanged.
struct StoredVersion: Hashable, Sendable {
  var contentHash: String
  var parserVersion: String
}

/// An organisation and an attendance role, the key of the `organizationAttendance` summary.
private struct OrganizationRole: Hashable {
  var organization: String
  var role: String
}

/// Why an archive cannot be opened.
public enum ArchiveError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file is a database without the archive's tables.
  case notAnArchive(path: String)

  /// The reason, for messages.
  public var description: String {
    switch self {
    case .notAnArchive: return "the database holds no archive made by `gongwen index`"
    }
  }
}

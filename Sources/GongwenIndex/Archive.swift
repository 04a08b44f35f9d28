import Foundation
import GRDB
import GongwenModel

/// A SQLite archive of parsed documents: their openings, attendance, organisations, tasks,
/// references and sections, each row pointing back to its document and text range, with a
/// full-text index over section text (see Docs/INDEX.md for the tables).
///
/// The database is in WAL mode, so readers query while a writer indexes, and every document is
/// written in one transaction: a run killed at any moment leaves each document either wholly
/// in the archive or not at all.
public final class Archive: Sendable {
  /// The file the archive lives in.
  public let path: String

  let pool: DatabasePool

  /// Opens the archive at `path`, bringing its schema up to date; with `creating` false, a
  /// database that holds no archive is refused (``ArchiveError/notAnArchive(path:)``) instead of
  /// being given the archive's tables.
  public init(path: String, creating: Bool = true) throws {
    self.path = path
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another process indexing the same archive holds the write lock for one document at a time.
    configuration.busyMode = .timeout(10)
    // In WAL mode NORMAL still leaves the database consistent after a crash or a kill; only a
    // power cut can lose the last documents written, which a re-run indexes again. FULL syncs
    // the log on every document's commit and made indexing several times slower than parsing.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    pool = try DatabasePool(path: path, configuration: configuration)
    if !creating {
      let isArchive = try pool.read { db in try db.tableExists("grdb_migrations") && db.tableExists("documents") }
      guard isArchive else { throw ArchiveError.notAnArchive(path: path) }
    }
    try ArchiveSchema.migrator.migrate(pool)
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

  /// Stores `document` as the archive's record of `path`, replacing whatever it held for that
  /// path, in one transaction.
  public func store(_ document: Document, path: String, contentHash: String, parserVersion: String, byteCount: Int) throws {
    try pool.write { db in
      try db.execute(
        sql: "DELETE FROM sectionText WHERE rowid IN (SELECT sections.id FROM sections JOIN documents ON documents.id = sections.documentId WHERE documents.path = ?)",
        arguments: [path])
      try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [path])
      try db.cachedStatement(sql: """
          INSERT INTO documents (path, contentHash, parserVersion, byteCount, kind, title, docNumber, meetingDate,
            meetingType, meetingSession, meetingChair, meetingOrgan, issuer, issuerDate)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """).execute(arguments: [
          path, contentHash, parserVersion, byteCount, document.kind.rawValue, document.title, document.docNumber,
          document.meeting?.date, document.meeting?.type, document.meeting?.session, document.meeting?.chair?.name,
          document.meeting?.organ, document.issuer?.organ, document.issuer?.date,
        ])
      let documentId = db.lastInsertedRowID
      try Self.insertAttendance(document.attendance, documentId: documentId, db: db)
      try Self.insertOrganizations(document.organizations, documentId: documentId, db: db)
      try Self.insertTasks(document.tasks, documentId: documentId, db: db)
      for reference in document.references {
        try db.execute(
          sql: "INSERT INTO documentReferences (documentId, title, docNumber, start, \"end\") VALUES (?, ?, ?, ?, ?)",
          arguments: [documentId, reference.title, reference.docNumber, reference.range?.start, reference.range?.end])
      }
      var position = 0
      for section in document.sections {
        try Self.insertSection(section, parentId: nil, position: &position, documentId: documentId, db: db)
      }
    }
  }

  /// Removes `path` and every row that points to it; true when the archive held it.
  @discardableResult
  public func remove(path: String) throws -> Bool {
    try pool.write { db in
      try db.execute(
        sql: "DELETE FROM sectionText WHERE rowid IN (SELECT sections.id FROM sections JOIN documents ON documents.id = sections.documentId WHERE documents.path = ?)",
        arguments: [path])
      try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [path])
      return db.changesCount > 0
    }
  }

  /// How many documents the archive holds.
  public func documentCount() throws -> Int {
    try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
  }

  /// The result of `PRAGMA integrity_check`: `["ok"]` for a sound database.
  public func integrityCheck() throws -> [String] {
    try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// The rows of a read-only SQL statement, for tools and tests that ask what no named
  /// question covers.
  public func rows(sql: String, arguments: [String] = []) throws -> QueryResult {
    try pool.read { db in try QueryResult.fetch(db, sql: sql, arguments: StatementArguments(arguments)) }
  }

  private static func insertAttendance(_ attendance: Attendance, documentId: Int64, db: Database) throws {
    let groups: [(String, [Person])] = [
      ("present", attendance.present), ("attending", attendance.attending), ("absent", attendance.absent),
      ("recorder", attendance.recorders),
    ]
    var position = 0
    for (role, people) in groups {
      for person in people {
        try db.cachedStatement(sql: """
            INSERT INTO attendance (documentId, role, position, person, title, organization, reason, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
            documentId, role, position, person.name, person.title, person.organization, person.reason,
            person.range?.start, person.range?.end,
          ])
        position += 1
      }
    }
  }

  private static func insertOrganizations(_ organizations: [Organization], documentId: Int64, db: Database) throws {
    for organization in organizations {
      try db.cachedStatement(sql: "INSERT INTO organizations (documentId, name, fullName) VALUES (?, ?, ?)").execute(arguments: [documentId, organization.name, organization.fullName])
      let organizationId = db.lastInsertedRowID
      for mention in organization.mentions {
        try db.execute(
          sql: "INSERT INTO organizationMentions (organizationId, documentId, start, \"end\") VALUES (?, ?, ?, ?)",
          arguments: [organizationId, documentId, mention.start, mention.end])
      }
    }
  }

  private static func insertTasks(_ tasks: [Assignment], documentId: Int64, db: Database) throws {
    for (position, task) in tasks.enumerated() {
      try db.execute(
        sql: "INSERT INTO tasks (documentId, position, lead, responsible, action, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?)",
        arguments: [
          documentId, position, task.lead.joined(separator: "、"), task.responsible.joined(separator: "、"), task.action,
          task.range?.start, task.range?.end,
        ])
      let taskId = db.lastInsertedRowID
      for (role, names) in [("lead", task.lead), ("responsible", task.responsible)] {
        for name in names {
          try db.cachedStatement(sql: "INSERT INTO taskUnits (taskId, documentId, role, name) VALUES (?, ?, ?, ?)").execute(arguments: [taskId, documentId, role, name])
        }
      }
    }
  }

  private static func insertSection(
    _ section: Section, parentId: Int64?, position: inout Int, documentId: Int64, db: Database
  ) throws {
    try db.cachedStatement(sql: """
        INSERT INTO sections (documentId, parentId, position, marker, level, title, text, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(arguments: [
        documentId, parentId, position, section.marker, section.level, section.title, section.text,
        section.range?.start, section.range?.end,
      ])
    let sectionId = db.lastInsertedRowID
    position += 1
    try db.cachedStatement(sql: "INSERT INTO sectionText (rowid, tokens) VALUES (?, ?)").execute(arguments: [sectionId, ChineseBigrams.indexedText(of: section.text)])
    for child in section.children {
      try insertSection(child, parentId: sectionId, position: &position, documentId: documentId, db: db)
    }
  }
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

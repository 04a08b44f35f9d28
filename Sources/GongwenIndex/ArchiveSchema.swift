import GRDB

/// The archive's tables, created and upgraded by GRDB migrations: each migration runs once per
/// database, in order, and a database written by a newer schema is refused. `v1` is the schema
/// of 0.1.0 and never changes; `v2-speed` upgrades it in place.
enum ArchiveSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: """
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          contentHash TEXT NOT NULL,
          parserVersion TEXT NOT NULL,
          byteCount INTEGER NOT NULL,
          kind TEXT NOT NULL,
          title TEXT,
          docNumber TEXT,
          meetingDate TEXT,
          meetingType TEXT,
          meetingSession INTEGER,
          meetingChair TEXT,
          meetingOrgan TEXT,
          issuer TEXT,
          issuerDate TEXT
        );
        CREATE TABLE attendance (
          id INTEGER PRIMARY KEY,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          role TEXT NOT NULL CHECK (role IN ('present', 'attending', 'absent', 'recorder')),
          position INTEGER NOT NULL,
          person TEXT NOT NULL,
          title TEXT,
          organization TEXT,
          reason TEXT,
          start INTEGER,
          "end" INTEGER
        );
        CREATE INDEX attendance_person ON attendance(person);
        CREATE INDEX attendance_organization ON attendance(organization);
        CREATE INDEX attendance_document ON attendance(documentId);
        CREATE TABLE organizations (
          id INTEGER PRIMARY KEY,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          fullName TEXT
        );
        CREATE INDEX organizations_document ON organizations(documentId);
        CREATE INDEX organizations_name ON organizations(name);
        CREATE INDEX organizations_fullName ON organizations(fullName);
        CREATE TABLE organizationMentions (
          id INTEGER PRIMARY KEY,
          organizationId INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL
        );
        CREATE INDEX organizationMentions_organization ON organizationMentions(organizationId);
        CREATE INDEX organizationMentions_document ON organizationMentions(documentId);
        CREATE TABLE tasks (
          id INTEGER PRIMARY KEY,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          lead TEXT NOT NULL,
          responsible TEXT NOT NULL,
          action TEXT NOT NULL,
          start INTEGER,
          "end" INTEGER
        );
        CREATE INDEX tasks_document ON tasks(documentId);
        CREATE TABLE taskUnits (
          id INTEGER PRIMARY KEY,
          taskId INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          role TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
          name TEXT NOT NULL
        );
        CREATE INDEX taskUnits_name ON taskUnits(name);
        CREATE INDEX taskUnits_task ON taskUnits(taskId);
        CREATE INDEX taskUnits_document ON taskUnits(documentId);
        CREATE TABLE documentReferences (
          id INTEGER PRIMARY KEY,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          title TEXT NOT NULL,
          docNumber TEXT,
          start INTEGER,
          "end" INTEGER
        );
        CREATE INDEX documentReferences_document ON documentReferences(documentId);
        CREATE INDEX documentReferences_title ON documentReferences(title);
        CREATE TABLE sections (
          id INTEGER PRIMARY KEY,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          parentId INTEGER REFERENCES sections(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          marker TEXT NOT NULL,
          level INTEGER NOT NULL,
          title TEXT NOT NULL,
          text TEXT NOT NULL,
          start INTEGER,
          "end" INTEGER
        );
        CREATE INDEX sections_document ON sections(documentId);
        CREATE INDEX sections_parent ON sections(parentId);
        CREATE VIRTUAL TABLE sectionText USING fts5(tokens);
        """)
    }
    migrator.registerMigration("v2-speed", migrate: speed)
    // Identity across documents (IdentityResolver): rebuilt whole by `Archive.resolveIdentities()`.
    // Every reference to a v1 row cascades or is set to NULL, so storing or removing a document
    // never fails on them; its identities are stale until the next resolution. The two numbers
    // of personMentions that are no references (organizationEntityId, matchedAttendanceId) keep
    // the largest table to one index: a reference would need an index each, or every attendance
    // row a store deletes would scan the table. identityState says whether a document was stored
    // or removed since the last resolution (set by triggers), so a run that changed nothing
    // does not rebuild.
    migrator.registerMigration("v3-identity") { db in
      try db.execute(sql: """
        CREATE TABLE organizationEntities (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          scope TEXT NOT NULL,
          scopeDocumentId INTEGER REFERENCES documents(id) ON DELETE CASCADE
        );
        CREATE INDEX organizationEntities_name ON organizationEntities(name);
        CREATE INDEX organizationEntities_scopeDocument ON organizationEntities(scopeDocumentId);
        CREATE TABLE organizationAliases (
          id INTEGER PRIMARY KEY,
          entityId INTEGER NOT NULL REFERENCES organizationEntities(id) ON DELETE CASCADE,
          alias TEXT NOT NULL,
          documentId INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
        );
        CREATE INDEX organizationAliases_entity ON organizationAliases(entityId);
        CREATE INDEX organizationAliases_alias ON organizationAliases(alias);
        CREATE INDEX organizationAliases_document ON organizationAliases(documentId);
        CREATE TABLE organizationIdentity (
          organizationId INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
          entityId INTEGER NOT NULL REFERENCES organizationEntities(id) ON DELETE CASCADE
        );
        CREATE INDEX organizationIdentity_entity ON organizationIdentity(entityId);
        CREATE TABLE taskUnitIdentity (
          taskUnitId INTEGER PRIMARY KEY REFERENCES taskUnits(id) ON DELETE CASCADE,
          entityId INTEGER NOT NULL REFERENCES organizationEntities(id) ON DELETE CASCADE
        );
        CREATE INDEX taskUnitIdentity_entity ON taskUnitIdentity(entityId);
        CREATE TABLE people (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          scope TEXT NOT NULL,
          scopeDocumentId INTEGER REFERENCES documents(id) ON DELETE CASCADE,
          organizationEntityId INTEGER REFERENCES organizationEntities(id) ON DELETE SET NULL,
          firstDate TEXT,
          lastDate TEXT,
          mentions INTEGER NOT NULL
        );
        CREATE INDEX people_name ON people(name);
        CREATE INDEX people_scopeDocument ON people(scopeDocumentId);
        CREATE INDEX people_organizationEntity ON people(organizationEntityId);
        CREATE TABLE personMentions (
          attendanceId INTEGER PRIMARY KEY REFERENCES attendance(id) ON DELETE CASCADE,
          personId INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
          organizationEntityId INTEGER,
          evidence TEXT NOT NULL CHECK (evidence IN ('first', 'organization', 'title', 'title-history', 'place')),
          matchedAttendanceId INTEGER,
          detail TEXT
        );
        CREATE INDEX personMentions_person ON personMentions(personId);
        CREATE TABLE identityConflicts (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('organizations', 'ambiguous')),
          name TEXT NOT NULL,
          scope TEXT NOT NULL,
          personId INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
          otherPersonId INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
          overlapping INTEGER,
          message TEXT NOT NULL
        );
        CREATE INDEX identityConflicts_person ON identityConflicts(personId);
        CREATE INDEX identityConflicts_otherPerson ON identityConflicts(otherPersonId);
        CREATE TABLE identityState (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          stale INTEGER NOT NULL
        );
        INSERT INTO identityState (id, stale) VALUES (1, 1);
        CREATE TRIGGER documents_insert_identityState AFTER INSERT ON documents
          BEGIN UPDATE identityState SET stale = 1 WHERE stale = 0; END;
        CREATE TRIGGER documents_delete_identityState AFTER DELETE ON documents
          BEGIN UPDATE identityState SET stale = 1 WHERE stale = 0; END;
        """)
    }
    // A cheaper full-text index: no positions (`detail=none`) and each token once per section
    // (`ChineseBigrams.indexedText`); a search confirms the candidates with `instr` on the text.
    migrator.registerMigration("v4-search") { db in
      try db.execute(sql: """
        DROP TABLE sectionText;
        CREATE VIRTUAL TABLE sectionText USING fts5(tokens, content='', tokenize='ascii', detail=none);
        """)
      try fillSectionText(db)
    }
    return migrator
  }

  /// Faster indexing and answers: the full-text table keeps only its index (contentless: the
  /// bigrams were stored a second time beside `sections.text`) and splits with FTS5's `ascii`
  /// tokenizer (the text is already tokens separated by spaces, lower-cased, so `unicode61`'s
  /// folding of every character was wasted work); the indexes no question or cascade uses are
  /// dropped; the tasks question's unit lookups get one covering index over name and document;
  /// attendance by organisation is a summary table kept up to date with every document.
  static func speed(_ db: Database) throws {
    try db.execute(sql: """
      DROP TABLE sectionText;
      CREATE VIRTUAL TABLE sectionText USING fts5(tokens, content='', tokenize='ascii');
      DROP INDEX attendance_organization;
      DROP INDEX documentReferences_title;
      DROP INDEX taskUnits_name;
      CREATE INDEX taskUnits_name_document ON taskUnits(name, documentId, taskId);
      CREATE TABLE organizationAttendance (
        organization TEXT NOT NULL,
        role TEXT NOT NULL,
        people INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY (organization, role)
      ) WITHOUT ROWID;
      INSERT INTO organizationAttendance (organization, role, people, documents)
        SELECT organization, role, count(*), count(DISTINCT documentId) FROM attendance
        WHERE organization IS NOT NULL GROUP BY organization, role;
      """)
    try fillSectionText(db)
  }

  /// Indexes every section's text in the (empty) full-text table.
  static func fillSectionText(_ db: Database) throws {
    let insert = try db.makeStatement(sql: "INSERT INTO sectionText (rowid, tokens) VALUES (?, ?)")
    let sections = try Row.fetchCursor(db, sql: "SELECT id, text FROM sections")
    while let section = try sections.next() {
      let text: String = section["text"]
      try insert.execute(arguments: [section["id"] as Int64, ChineseBigrams.indexedText(of: text)])
    }
  }
}

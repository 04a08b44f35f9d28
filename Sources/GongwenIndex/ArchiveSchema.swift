import GRDB

/// The archive's tables, created and upgraded by GRDB migrations: each migration runs once per
/// database, in order, and a database written by a newer schema is refused.
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
    return migrator
  }
}

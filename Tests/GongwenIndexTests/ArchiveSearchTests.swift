import Foundation
import Gongwen
import Synchronization
import Testing

@testable import GongwenIndex

/// The full-text search gives exactly the sections whose text contains the query.
@Suite("Index: search answers equal a scan of the text")
struct ArchiveSearchTests {
  /// The project's minutes corpus indexed in `folder`.
  static func corpusArchive(in folder: URL) throws -> Archive {
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let files = FileWalker(paths: [Sample.packageRoot.appendingPathComponent("Corpus/minutes").path], extensions: ["txt"])
      .map(\.path)
    ArchiveIndexer(archive: archive).index(paths: files, jobs: 2) { _, _ in }
    return archive
  }

  /// A two-character word, a long phrase, single characters (one often the last of its run, where
  /// no bigram starts with it) and phrases across punctuation, each against `instr` over every
  /// section.
  @Test func searchEqualsAnInstrScan() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Self.corpusArchive(in: folder)
    for query in ["会议", "一季度安全生产工作情况", "汛", "局", "牵头，县", "精神。会议要求", "要求，"] {
      let scan = try archive.rows(
        sql: """
          SELECT d.path, s.marker, s.title, s.start, s."end" FROM sections s JOIN documents d ON d.id = s.documentId
          WHERE instr(s.text, ?) > 0
          """, arguments: [query]
      ).textRows
      let found = try archive.answer(.search(query)).textRows
      #expect(!scan.isEmpty, "\(query)")
      #expect(found.map { $0.map { $0 ?? "" } }.sorted { $0.lexicographicallyPrecedes($1) }
        == scan.map { $0.map { $0 ?? "" } }.sorted { $0.lexicographicallyPrecedes($1) }, "\(query)")
    }
  }

  /// Letters are compared without case, as the index folds them; a text absent everywhere finds
  /// nothing.
  @Test func lettersIgnoreCaseAndAbsentTextFindsNothing() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    try archive.execute(sql: """
      INSERT INTO documents (id, path, contentHash, parserVersion, byteCount, kind) VALUES (1, 'a.txt', 'h', 'v', 10, 'minutes');
      INSERT INTO sections (id, documentId, position, marker, level, title, text) VALUES
        (1, 1, 0, '一、', 1, '', '全市GDP增长5%');
      """)
    try archive.execute(sql: "INSERT INTO sectionText (rowid, tokens) VALUES (1, '\(ChineseBigrams.indexedText(of: "全市GDP增长5%"))')")
    #expect(try archive.answer(.search("gdp增长")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.search("市G")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.search("增长5")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.search("全市增长")).rows.isEmpty)
    #expect(try archive.answer(.search("增长6")).rows.isEmpty)
  }
}

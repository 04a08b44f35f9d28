import Foundation
import Gongwen
import Synchronization
import Testing

@testable import GongwenIndex

/// The archive's bulk writes, limits, upgrades from 0.1.0, removals and readers during a run.
@Suite("Index: writing many documents, limits and upgrades")
struct ArchiveSpeedTests {
  /// `count` copies of the project's minutes corpus in numbered folders below `folder`.
  static func copies(_ count: Int, in folder: URL) throws -> [String] {
    let corpus = Sample.packageRoot.appendingPathComponent("Corpus/minutes")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
    var paths: [String] = []
    for copy in 0..<count {
      let target = folder.appendingPathComponent("in/\(copy)")
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      for name in names {
        try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: target.appendingPathComponent(name))
        paths.append(target.appendingPathComponent(name).path)
      }
    }
    return paths
  }

  @Test func migrationsAreV1ThenV2SpeedAndTheFullTextKeepsNoPositions() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let migrations = try archive.rows(sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").textRows.map { $0[0] }
    #expect(Array(migrations.prefix(2)) == ["v1", "v2-speed"])
    let sql = try archive.rows(sql: "SELECT sql FROM sqlite_master WHERE name = 'sectionText'").textRows
    #expect(sql == [["CREATE VIRTUAL TABLE sectionText USING fts5(tokens, content='', tokenize='ascii', detail=none)"]])
  }

  /// An archive of 0.1.0 (schema `v1`, the bigrams stored in the full-text table) is upgraded
  /// in place: its sections are found, its attendance summarised, its documents replaced.
  @Test func archiveOfSchemaV1Upgrades() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    let old = try Archive(path: path, creating: true, migratingUpTo: "v1")
    try old.execute(sql: """
      INSERT INTO documents (id, path, contentHash, parserVersion, byteCount, kind, meetingDate)
        VALUES (1, 'a.txt', 'h', 'gongwen-0.1.0', 10, 'minutes', '2021-04-08');
      INSERT INTO attendance (documentId, role, position, person, organization) VALUES
        (1, 'attending', 0, '韩立新', '县应急管理局'), (1, 'attending', 1, '宋佳', '县水利局'), (1, 'present', 2, '周明远', NULL);
      INSERT INTO sections (id, documentId, position, marker, level, title, text) VALUES
        (7, 1, 0, '一、', 1, '关于防汛', '完成山洪灾害隐患点排查');
      INSERT INTO sectionText (rowid, tokens) VALUES (7, '完成 成山 山洪 洪灾 灾害 害隐 隐患 患点 点排 排查');
      """)
    let archive = try Archive(path: path)
    #expect(try archive.answer(.search("隐患点")).textRows.map { $0[0] } == ["a.txt"])
    // The last character of a run, which no bigram starts with, is found after `v4-search`.
    #expect(try archive.answer(.search("查")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.attendanceByOrganization).textRows == [
      ["县应急管理局", "attending", "1", "1"], ["县水利局", "attending", "1", "1"],
    ])
    #expect(try archive.remove(path: "a.txt"))
    #expect(try archive.answer(.search("隐患点")).rows.isEmpty)
    #expect(try archive.answer(.attendanceByOrganization).rows.isEmpty)
    #expect(try archive.integrityCheck() == ["ok"])
  }

  /// An archive of schema `v3-identity` (a full-text row per section with every bigram in
  /// order, positions kept) is rebuilt by `v4-search`: found, removed, sound.
  @Test func archiveOfSchemaV3Upgrades() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("v3.sqlite").path
    let old = try Archive(path: path, creating: true, migratingUpTo: "v3-identity")
    try old.execute(sql: """
      INSERT INTO documents (id, path, contentHash, parserVersion, byteCount, kind) VALUES (1, 'a.txt', 'h', 'v', 10, 'minutes');
      INSERT INTO sections (id, documentId, position, marker, level, title, text) VALUES
        (3, 1, 0, '一、', 1, '防汛', '做好防汛，防汛工作');
      INSERT INTO sectionText (rowid, tokens) VALUES (3, '做好 好防 防汛 防汛 汛工 工作');
      """)
    let archive = try Archive(path: path)
    let sql = try archive.rows(sql: "SELECT sql FROM sqlite_master WHERE name = 'sectionText'").textRows
    #expect(sql == [["CREATE VIRTUAL TABLE sectionText USING fts5(tokens, content='', tokenize='ascii', detail=none)"]])
    #expect(try archive.answer(.search("汛")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.search("防汛，防汛")).textRows.map { $0[0] } == ["a.txt"])
    #expect(try archive.answer(.search("防汛防汛")).rows.isEmpty)
    #expect(try archive.integrityCheck() == ["ok"])
    #expect(try archive.remove(path: "a.txt"))
    #expect(try archive.answer(.search("防汛")).rows.isEmpty)
    #expect(try archive.integrityCheck() == ["ok"])
  }

  @Test func limitCutsAndSaysSo() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, path) = try Sample.archive(in: folder)
    let cut = try archive.answer(.person("林晓峰"), limit: 1)
    #expect(cut.textRows == [["2021-04-08", path, "青石县人民政府常务会议纪要", "present", nil, nil, nil]])
    #expect(cut.isTruncated)
    let fits = try archive.answer(.person("林晓峰"), limit: 2)
    #expect(fits.rows.count == 2)
    #expect(!fits.isTruncated)
    #expect(try !archive.answer(.person("林晓峰")).isTruncated)
    #expect(try archive.answer(.search("应急管理"), limit: 1).isTruncated)
    #expect(try archive.answer(.tasks(organization: "县应急管理局", year: 2021), limit: 1).isTruncated)
    #expect(try archive.answer(.attendanceByOrganization, limit: 1).textRows == [["县应急管理局", "attending", "1", "1"]])
  }

  @Test func replacingAndRemovingKeepTheSummaryAndFullTextInStep() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, indexer, path) = try Sample.archive(in: folder)
    let second = folder.appendingPathComponent("second.txt").path
    try Data(Sample.minutes.utf8).write(to: URL(fileURLWithPath: second))
    #expect(indexer.index(path: second) == .indexed)
    #expect(try archive.answer(.attendanceByOrganization).textRows == [
      ["县应急管理局", "attending", "2", "2"], ["县水利局", "attending", "2", "2"],
    ])
    let changed = Sample.minutes.replacingOccurrences(of: "县水利局副局长宋佳", with: "县财政局副局长宋佳")
    try Data(changed.utf8).write(to: URL(fileURLWithPath: second))
    #expect(indexer.index(path: second) == .indexed)
    #expect(try archive.answer(.attendanceByOrganization).textRows == [
      ["县应急管理局", "attending", "2", "2"], ["县水利局", "attending", "1", "1"], ["县财政局", "attending", "1", "1"],
    ])
    #expect(try archive.remove(path: path))
    #expect(try archive.answer(.attendanceByOrganization).textRows == [
      ["县应急管理局", "attending", "1", "1"], ["县财政局", "attending", "1", "1"],
    ])
    #expect(try archive.answer(.search("隐患点排查")).textRows.map { $0[0] } == [second])
    #expect(try archive.consistencyProblems().isEmpty)
    #expect(try archive.integrityCheck() == ["ok"])
  }

  /// Documents deleted from a folder leave the archive when the folder is indexed again;
  /// documents of other folders and files named directly stay.
  @Test func vanishedFilesAreRemoved() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = try Self.copies(2, in: folder)
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    indexer.index(paths: paths, jobs: 2) { _, _ in }
    #expect(try archive.documentCount() == paths.count)
    try FileManager.default.removeItem(atPath: paths[0])
    try FileManager.default.removeItem(atPath: paths[paths.count - 1])
    let first = folder.appendingPathComponent("in/0").path
    let walked = Set(FileWalker(paths: [first]).map(\.path))
    #expect(try indexer.removeVanished(under: [first], walked: walked) == [paths[0]])
    #expect(try indexer.removeVanished(under: [paths[1]], walked: []) == [])
    #expect(try indexer.removeVanished(under: [folder.appendingPathComponent("in/").path], walked: []) == [paths[paths.count - 1]])
    #expect(try archive.documentCount() == paths.count - 2)
    #expect(try archive.consistencyProblems().isEmpty)
  }

  /// A reader on another thread, querying while a run indexes, sees whole documents only, a
  /// count that never falls, and at the end all of them.
  @Test func readerDuringIndexingSeesConsistentSnapshots() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = try Self.copies(15, in: folder)
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    let done = Mutex(false)
    let indexing = DispatchGroup()
    DispatchQueue.global().async(group: indexing) {
      indexer.index(paths: paths, jobs: 2) { _, _ in }
      done.withLock { $0 = true }
    }
    let reader = try Archive(path: archive.path, creating: false)
    var counts: [Int] = []
    var problems: [String] = []
    while !done.withLock({ $0 }) {
      counts.append(try reader.documentCount())
      problems += try reader.consistencyProblems()
      #expect(try !reader.answer(.attendanceByOrganization).rows.contains { $0[2] == .integer(0) })
    }
    indexing.wait()
    #expect(problems == [])
    #expect(counts == counts.sorted())
    #expect(try reader.documentCount() == paths.count)
    #expect(try reader.consistencyProblems().isEmpty)
  }

  @Test func batchOutputsAreStoredFromTheirJSON() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("sample.txt")
    try Data(Sample.minutes.utf8).write(to: input)
    let json = folder.appendingPathComponent("sample.json")
    try Data(try DocumentParser().parse(bytes: Data(Sample.minutes.utf8)).jsonBytes(prettyPrinted: false)).write(to: json)
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    let outcomes = Mutex<[ArchiveIndexer.Outcome]>([])
    indexer.index(batchOutputs: [(path: input.path, json: json)], jobs: 1) { _, outcome in outcomes.withLock { $0.append(outcome) } }
    #expect(outcomes.withLock { $0 } == [.indexed])
    #expect(try archive.answer(.person("韩立新")).textRows.map { $0[5] } == ["县应急管理局"])
    // The same bytes parsed by `index` count as unchanged.
    #expect(indexer.index(path: input.path) == .skipped)
  }
}

@Suite("Index: the full-text text of sections")
struct IndexedTextTests {
  /// `ChineseBigrams.tokens(of:)` with the last 汉字 of each run of two or more after its
  /// bigrams, made from the text split at every character that is no 汉字.
  static func tokensWithRunEnds(of text: String) -> [String] {
    var tokens: [String] = []
    var piece = String.UnicodeScalarView()
    func flush() {
      let pieceTokens = ChineseBigrams.tokens(of: String(piece))
      tokens += pieceTokens
      if let last = piece.last, ChineseBigrams.isHan(last), pieceTokens.last?.unicodeScalars.count == 2 {
        tokens.append(String(Character(last)))
      }
      piece = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if ChineseBigrams.isHan(scalar) != piece.last.map(ChineseBigrams.isHan) ?? ChineseBigrams.isHan(scalar) { flush() }
      piece.append(scalar)
    }
    flush()
    return tokens
  }

  /// The one-pass text holds the distinct tokens in order of first appearance, and the last
  /// 汉字 of every run alone, on every corpus text and on mixed script.
  @Test func indexedTextIsTheDistinctTokensAndTheRunsLastCharacters() throws {
    let corpus = Sample.packageRoot.appendingPathComponent("Corpus/minutes")
    var texts = ["", "市应急局", "于5月底前，由GDP与ÉCOLE", "汛", "a", "。，汛期ΣΑΣ 1.5级"]
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where name.hasSuffix(".txt") {
      // The UTF-8 texts; the others are the same documents in other encodings.
      if let text = String(data: try Data(contentsOf: corpus.appendingPathComponent(name)), encoding: .utf8) { texts.append(text) }
    }
    for text in texts {
      var expected: [String] = []
      var seen = Set<String>()
      for token in Self.tokensWithRunEnds(of: text) where seen.insert(token).inserted { expected.append(token) }
      #expect(ChineseBigrams.indexedText(of: text) == expected.joined(separator: " "))
    }
  }
}

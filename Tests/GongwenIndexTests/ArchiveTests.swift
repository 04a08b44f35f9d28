import Foundation
import Gongwen
import GongwenIndex
import Synchronization
import Testing

/// A made-up minutes document in the corpus style, read by hand: its expected rows below come
/// from the text, not from the parser.
enum Sample {
  static let minutes = """
    青石县人民政府常务会议纪要

    青政纪〔2021〕5号

    2021年4月8日，县长周明远主持召开县政府第十二次常务会议，研究部署安全生产和防汛工作。现将会议议定事项纪要如下：

    一、关于防汛准备工作
    会议听取了县应急管理局关于防汛准备工作的汇报。会议要求，县应急管理局牵头，县水利局、县财政局配合，于5月底前完成山洪灾害隐患点排查。

    二、关于安全生产工作
    会议要求，县住建局牵头，县应急管理局配合，于6月底前完成建筑工地安全检查。

    出席：周明远　林晓峰　陈雅琴
    列席：县应急管理局局长韩立新，县水利局副局长宋佳
    请假：林晓峰（出差）
    记录：王小红

    """

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A fresh folder, removed by the caller.
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-index-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// An archive in `folder` holding the sample as `sample.txt`.
  static func archive(in folder: URL) throws -> (Archive, ArchiveIndexer, String) {
    let archive = try Archive(path: folder.appendingPathComponent("archive.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    let path = folder.appendingPathComponent("sample.txt").path
    try Data(minutes.utf8).write(to: URL(fileURLWithPath: path))
    #expect(indexer.index(path: path) == .indexed)
    return (archive, indexer, path)
  }
}

@Suite("Index: the archive database")
struct ArchiveTests {
  @Test func schemaIsCreatedByMigrationsInWALMode() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let tables = try archive.rows(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sectionText_%' ORDER BY name")
    #expect(tables.textRows.map { $0[0] } == [
      "attendance", "documentReferences", "documents", "grdb_migrations", "identityConflicts", "identityState", "organizationAliases",
      "organizationAttendance", "organizationEntities", "organizationIdentity", "organizationMentions", "organizations", "people",
      "personMentions", "sectionText", "sections", "taskUnitIdentity", "taskUnits", "tasks",
    ])
    #expect(try archive.rows(sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").textRows == [["v1"], ["v2-speed"], ["v3-identity"], ["v4-search"]])
    #expect(try archive.rows(sql: "PRAGMA journal_mode").textRows == [["wal"]])
    // Opening again runs no migration twice.
    _ = try Archive(path: archive.path)
    #expect(try archive.integrityCheck() == ["ok"])
  }

  @Test func documentRowHoldsTheOpening() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, path) = try Sample.archive(in: folder)
    let rows = try archive.rows(sql: """
      SELECT path, kind, title, docNumber, meetingDate, meetingType, meetingSession, meetingChair, meetingOrgan, parserVersion
      FROM documents
      """)
    #expect(rows.textRows == [[
      path, "minutes", "青石县人民政府常务会议纪要", "青政纪〔2021〕5号", "2021-04-08", "常务会议", "12", "周明远", "县政府",
      ArchiveIndexer.defaultParserVersion,
    ]])
    #expect(try archive.rows(sql: "SELECT marker, level, title, parentId FROM sections ORDER BY position").textRows == [
      ["一、", "1", "关于防汛准备工作", nil], ["二、", "1", "关于安全生产工作", nil],
    ])
    #expect(try archive.rows(sql: "SELECT name, fullName FROM organizations ORDER BY id").textRows == [
      ["县应急管理局", nil], ["县水利局", nil], ["县财政局", nil], ["县住建局", "县住房和城乡建设局"],
    ])
  }

  @Test func textRangesPointIntoTheDocument() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, _) = try Sample.archive(in: folder)
    let scalars = Array(Sample.minutes.unicodeScalars)
    func text(_ start: String?, _ end: String?) -> String {
      guard let start = start.flatMap(Int.init), let end = end.flatMap(Int.init) else { return "" }
      return String(String.UnicodeScalarView(scalars[start..<end]))
    }
    let mentions = try archive.rows(sql: """
      SELECT m.start, m."end" FROM organizationMentions m JOIN organizations o ON o.id = m.organizationId
      WHERE o.name = '县财政局'
      """).textRows
    #expect(mentions.map { text($0[0], $0[1]) } == ["县财政局"])
    let recorder = try archive.rows(sql: "SELECT start, \"end\" FROM attendance WHERE role = 'recorder'").textRows
    #expect(recorder.map { text($0[0], $0[1]) } == ["王小红"])
  }

  @Test func personQuery() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, path) = try Sample.archive(in: folder)
    let result = try archive.answer(.person("林晓峰"))
    #expect(result.columns == ["date", "path", "title", "role", "personTitle", "organization", "reason"])
    #expect(result.textRows == [
      ["2021-04-08", path, "青石县人民政府常务会议纪要", "present", nil, nil, nil],
      ["2021-04-08", path, "青石县人民政府常务会议纪要", "absent", nil, nil, "出差"],
    ])
    #expect(try archive.answer(.person("韩立新")).textRows == [
      ["2021-04-08", path, "青石县人民政府常务会议纪要", "attending", "局长", "县应急管理局", nil]
    ])
    #expect(try archive.answer(.person("无此人")).rows.isEmpty)
  }

  @Test func tasksQueryByNameFullNameAndYear() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, path) = try Sample.archive(in: folder)
    let result = try archive.answer(.tasks(organization: "县应急管理局", year: nil))
    #expect(result.columns == ["date", "path", "lead", "responsible", "action"])
    #expect(result.textRows == [
      ["2021-04-08", path, "县应急管理局", "县水利局、县财政局", "于5月底前完成山洪灾害隐患点排查"],
      ["2021-04-08", path, "县住建局", "县应急管理局", "于6月底前完成建筑工地安全检查"],
    ])
    // The full name finds the tasks of its abbreviation in the same document.
    #expect(try archive.answer(.tasks(organization: "县住房和城乡建设局", year: 2021)).textRows == [
      ["2021-04-08", path, "县住建局", "县应急管理局", "于6月底前完成建筑工地安全检查"]
    ])
    #expect(try archive.answer(.tasks(organization: "县应急管理局", year: 2022)).rows.isEmpty)
  }

  @Test func attendanceByOrganizationQuery() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, _) = try Sample.archive(in: folder)
    let result = try archive.answer(.attendanceByOrganization)
    #expect(result.columns == ["organization", "role", "people", "documents"])
    #expect(result.textRows == [["县应急管理局", "attending", "1", "1"], ["县水利局", "attending", "1", "1"]])
  }

  @Test func searchQueryFindsChineseSubstrings() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _, path) = try Sample.archive(in: folder)
    let result = try archive.answer(.search("隐患点排查"))
    #expect(result.columns == ["path", "marker", "title", "start", "end"])
    #expect(result.textRows.map { Array($0.prefix(3)) } == [[path, "一、", "关于防汛准备工作"]])
    #expect(try archive.answer(.search("应急管理")).textRows.compactMap { $0[1] }.sorted() == ["一、", "二、"])
    #expect(try archive.answer(.search("建筑工地")).textRows.map { $0[1] } == ["二、"])
    // Characters that are not adjacent in the text do not match as a phrase.
    #expect(try archive.answer(.search("防汛检查")).rows.isEmpty)
    #expect(try archive.answer(.search("，。")).rows.isEmpty)
  }

  @Test func unchangedFileIsSkippedAndChangedFileReplaced() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, indexer, path) = try Sample.archive(in: folder)
    #expect(indexer.index(path: path) == .skipped)
    let changed = Sample.minutes.replacingOccurrences(of: "建筑工地安全检查", with: "燃气管道安全检查")
    try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
    #expect(indexer.index(path: path) == .indexed)
    #expect(try archive.documentCount() == 1)
    #expect(try archive.answer(.search("建筑工地")).rows.isEmpty)
    #expect(try archive.answer(.search("燃气管道")).textRows.map { $0[1] } == ["二、"])
    #expect(try archive.rows(sql: "SELECT count(*) FROM tasks").textRows == [["2"]])
    #expect(try archive.rows(sql: "SELECT count(*) FROM sections").textRows == [["2"]])
    #expect(try archive.rows(sql: "SELECT count(*) FROM sectionText").textRows == [["2"]])
    #expect(try archive.rows(sql: "SELECT count(*) FROM attendance").textRows == [["7"]])
    // A new parser version makes the same bytes count as changed.
    let newer = ArchiveIndexer(archive: archive, parserVersion: "test-2")
    #expect(newer.index(path: path) == .indexed)
    #expect(newer.index(path: path) == .skipped)
    #expect(try archive.integrityCheck() == ["ok"])
  }

  /// An option that changes the output (here `--simplified`) makes the same bytes count as
  /// changed, both ways; the same options again skip them.
  @Test func anotherOutputOptionReindexes() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, indexer, path) = try Sample.archive(in: folder)
    var configuration = DocumentParser.Configuration()
    configuration.normalization.convertsTraditionalToSimplified = true
    let simplifying = ArchiveIndexer(archive: archive, parser: DocumentParser(configuration: configuration))
    #expect(simplifying.parserVersion != indexer.parserVersion)
    #expect(indexer.parserVersion == ArchiveIndexer.defaultParserVersion)
    #expect(simplifying.index(path: path) == .indexed)
    #expect(simplifying.index(path: path) == .skipped)
    #expect(indexer.index(path: path) == .indexed)
    #expect(try archive.documentCount() == 1)
  }

  @Test func unreadableFileFails() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let outcome = ArchiveIndexer(archive: archive).index(path: folder.appendingPathComponent("missing.txt").path)
    guard case .failed(let code, _) = outcome else {
      Issue.record("expected a failure, got \(outcome)")
      return
    }
    #expect(code == "unreadable-file")
    #expect(try archive.documentCount() == 0)
  }

  @Test func projectMinutesCorpusIndexesWhole() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = try Archive(path: folder.appendingPathComponent("a.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    let files = FileWalker(paths: [Sample.packageRoot.appendingPathComponent("Corpus/minutes").path], extensions: ["txt"])
      .map(\.path)
    #expect(files.count >= 20)
    let outcomes = Mutex<[String: ArchiveIndexer.Outcome]>([:])
    indexer.index(paths: files, jobs: 4) { path, outcome in outcomes.withLock { $0[path] = outcome } }
    #expect(outcomes.withLock { $0 } == Dictionary(uniqueKeysWithValues: files.map { ($0, ArchiveIndexer.Outcome.indexed) }))
    #expect(try archive.documentCount() == files.count)
    #expect(try archive.rows(sql: "SELECT count(*) FROM documents WHERE kind = 'minutes'").textRows == [[String(files.count)]])
    #expect(files.map(indexer.index(path:)).allSatisfy { $0 == .skipped })
    #expect(try archive.integrityCheck() == ["ok"])
  }
}

@Suite("Index: Chinese bigram tokens")
struct ChineseBigramTests {
  @Test func hanRunsBecomeOverlappingBigrams() {
    #expect(ChineseBigrams.tokens(of: "市应急局") == ["市应", "应急", "急局"])
    #expect(ChineseBigrams.tokens(of: "于5月底前，由GDP") == ["于", "5", "月底", "底前", "由", "gdp"])
    #expect(ChineseBigrams.tokens(of: "。、") == [])
  }

  @Test func queriesRequireEveryBigramOnceAndLoneTokensAsPrefixes() {
    #expect(ChineseBigrams.matchQuery(for: "应急局") == "\"应急\" AND \"急局\"")
    #expect(ChineseBigrams.matchQuery(for: "汛") == "\"汛\"*")
    #expect(ChineseBigrams.matchQuery(for: "于5月，由GDP") == "\"于\"* AND \"5\"* AND \"月\"* AND \"由\"* AND \"gdp\"*")
    #expect(ChineseBigrams.matchQuery(for: "应急，应急") == "\"应急\"")
    #expect(ChineseBigrams.matchQuery(for: "“”") == nil)
  }

  @Test func indexedTextHoldsEachTokenOnceAndEveryRunsLastCharacter() {
    #expect(ChineseBigrams.indexedText(of: "市应急局") == "市应 应急 急局 局")
    #expect(ChineseBigrams.indexedText(of: "应急，应急局。GDP与gdp") == "应急 急 急局 局 gdp 与")
    #expect(ChineseBigrams.indexedText(of: "汛") == "汛")
    #expect(ChineseBigrams.indexedText(of: "。、") == "")
  }
}

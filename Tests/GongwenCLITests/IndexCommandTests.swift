import Foundation
import GongwenIndex
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gongwen index` and `gongwen query` end to end.
@Suite("CLI: index and query")
struct IndexCommandTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-index-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func indexThenQueryAsTableJSONAndCSV() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = folder.appendingPathComponent("a.sqlite").path
    let first = try CLITests.run(["index", archive, "Corpus/minutes"])
    #expect(first.status == 0)
    #expect(first.stderr.hasPrefix("20 indexed, 0 skipped, 0 removed, 0 failed in "))
    let second = try CLITests.run(["index", "-q", archive, "Corpus/minutes"])
    #expect(second.status == 0)
    #expect(second.stderr.isEmpty)
    let verbose = try CLITests.run(["index", "-v", archive, "Corpus/minutes/beilun-2022-05-26.txt"])
    #expect(verbose.stderr.hasPrefix("gongwen: Corpus/minutes/beilun-2022-05-26.txt: skipped, unchanged\n"))

    let csv = try CLITests.run(["query", archive, "search", "应急管理", "--csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.hasPrefix("path,marker,title,start,end\r\n"))
    #expect(csv.stdout.contains("Corpus/minutes/"))
    let json = try CLITests.run(["query", archive, "attendance-by-organization", "--json"])
    #expect(json.status == 0)
    let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(!objects.isEmpty)
    #expect(objects.allSatisfy { $0["people"] is Int && $0["organization"] is String })
    let table = try CLITests.run(["query", archive, "person", "无此人"])
    #expect(table.stdout == "date  path  title  role  personTitle  organization  reason\n")
  }

  @Test func errorsAndUsage() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = folder.appendingPathComponent("a.sqlite").path
    let missing = folder.appendingPathComponent("missing.txt").path
    let failed = try CLITests.run(["index", "-q", archive, missing])
    #expect(failed.status == 1)
    #expect(failed.stderr.hasPrefix("gongwen: \(missing): unreadable-file: "))
    let noArchive = try CLITests.run(["query", folder.appendingPathComponent("none.sqlite").path, "person", "李"])
    #expect(noArchive.status == 1)
    #expect(noArchive.stderr.contains(": no-archive: "))
    let other = folder.appendingPathComponent("other.sqlite").path
    #expect(try CLITests.run(["query", other, "person", "李"]).status == 1)
    #expect(FileManager.default.createFile(atPath: other, contents: Data()))
    let empty = try CLITests.run(["query", other, "person", "李"])
    #expect(empty.status == 1)
    #expect(empty.stderr == "gongwen: \(other): no-archive: the database holds no archive made by `gongwen index`\n")
    #expect(try CLITests.run(["query", archive, "who"]).status == 64)
    #expect(try CLITests.run(["query", archive, "person"]).status == 64)
    #expect(try CLITests.run(["query", archive, "search", "x", "--year", "2021"]).status == 64)
    let unopenable = try CLITests.run(["index", folder.path, "Corpus/minutes"])
    #expect(unopenable.status == 74)
    #expect(unopenable.stderr.hasPrefix("gongwen: \(folder.path): database-error: "))
  }

  /// `count` copies of the minutes corpus below `folder`/inputs, one folder each.
  static func copies(_ count: Int, in folder: URL) throws -> (inputs: URL, files: Int) {
    let inputs = folder.appendingPathComponent("inputs")
    let corpus = CLITests.packageRoot.appendingPathComponent("Corpus/minutes")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
    for copy in 0..<count {
      let target = inputs.appendingPathComponent("\(copy)")
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      for name in names {
        try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: target.appendingPathComponent(name))
      }
    }
    return (inputs, names.count * count)
  }

  /// A run killed once some documents are in leaves a sound database holding whole documents
  /// only, and a re-run completes it.
  @Test func killedRunLeavesAConsistentArchive() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (inputs, files) = try Self.copies(40, in: folder)
    let archive = folder.appendingPathComponent("a.sqlite").path
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["index", "-q", archive, inputs.path]
    try process.run()
    // Killed after the first commit, not before the archive exists.
    var stored = 0
    for _ in 0..<600 where stored == 0 && process.isRunning {
      usleep(50_000)
      stored = (try? Archive(path: archive, creating: false).documentCount()) ?? 0
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let killed = try Archive(path: archive)
    let kept = try killed.documentCount()
    #expect(try killed.integrityCheck() == ["ok"])
    #expect(try killed.consistencyProblems().isEmpty)
    #expect(kept > 0)
    #expect(kept < files, "the run ended before it was killed")
    let rerun = try CLITests.run(["index", archive, inputs.path])
    #expect(rerun.status == 0)
    #expect(rerun.stderr.hasPrefix("\(files - kept) indexed, \(kept) skipped, 0 removed, 0 failed in "))
    let opened = try Archive(path: archive)
    #expect(try opened.documentCount() == files)
    #expect(try opened.integrityCheck() == ["ok"])
    #expect(try opened.consistencyProblems().isEmpty)
  }

  /// `gongwen query` in other processes while `gongwen index` runs: every answer comes, and
  /// the counts it sees only grow.
  @Test func queriesWhileIndexing() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (inputs, files) = try Self.copies(20, in: folder)
    let archive = folder.appendingPathComponent("a.sqlite").path
    #expect(try CLITests.run(["index", "-q", archive, "Corpus/minutes/beilun-2022-05-26.txt"]).status == 0)
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["index", "-q", archive, inputs.path]
    try process.run()
    var answers: [Int] = []
    while process.isRunning {
      let run = try CLITests.run(["query", archive, "search", "会议", "--csv", "--limit", "0"])
      #expect(run.status == 0, "\(run.stderr)")
      answers.append(run.stdout.split(whereSeparator: \.isNewline).count)
    }
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(answers.count > 1, "the run ended before a second query")
    #expect(answers == answers.sorted())
    #expect(try Archive(path: archive).documentCount() == files + 1)
  }

  @Test func reindexingAFolderRemovesVanishedFiles() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (inputs, files) = try Self.copies(2, in: folder)
    let archive = folder.appendingPathComponent("a.sqlite").path
    #expect(try CLITests.run(["index", "-q", archive, inputs.path]).status == 0)
    let gone = inputs.appendingPathComponent("1/beilun-2022-05-26.txt").path
    try FileManager.default.removeItem(atPath: gone)
    let again = try CLITests.run(["index", "-v", archive, inputs.path])
    #expect(again.status == 0)
    #expect(again.stderr.contains("gongwen: \(gone): removed, no longer on disk\n"))
    #expect(again.stderr.contains("\n0 indexed, \(files - 1) skipped, 1 removed, 0 failed in "))
    #expect(try Archive(path: archive).documentCount() == files - 1)
    let help = try CLITests.run(["index", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
    #expect(help.contains("removes from the archive the documents stored under it whose files are no longer on disk"))
  }

  @Test func batchStoresItsDocumentsInTheArchive() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = folder.appendingPathComponent("a.sqlite").path
    let output = folder.appendingPathComponent("json").path
    let batch = try CLITests.run(["batch", "Corpus/minutes", "--output", output, "--index", archive])
    #expect(batch.status == 0)
    #expect(batch.stderr.hasSuffix("20 indexed, 0 skipped, 0 failed → \(archive)\n"))
    // The same paths and bytes: `index` finds them all current.
    let index = try CLITests.run(["index", archive, "Corpus/minutes"])
    #expect(index.stderr.hasPrefix("0 indexed, 20 skipped, 0 removed, 0 failed in "))
    // --resume skips converting, and the archive skips storing again.
    let resumed = try CLITests.run(["batch", "Corpus/minutes", "--output", output, "--resume", "--index", archive])
    #expect(resumed.stderr.hasSuffix("0 indexed, 20 skipped, 0 failed → \(archive)\n"))
    let person = try CLITests.run(["query", archive, "person", "韩冰", "--csv"])
    #expect(person.stdout.contains("Corpus/minutes/longgang-2025-06-12-15.txt"))
    let unopenable = try CLITests.run(["batch", "Corpus/minutes", "--output", output, "-q", "--index", folder.path])
    #expect(unopenable.status == 74)
  }

  @Test func limitCutsTheAnswerAndSaysSo() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = folder.appendingPathComponent("a.sqlite").path
    #expect(try CLITests.run(["index", "-q", archive, "Corpus/minutes"]).status == 0)
    let all = try CLITests.run(["query", archive, "attendance-by-organization", "--csv", "--limit", "0"])
    let rows = all.stdout.split(whereSeparator: \.isNewline).dropFirst().map(String.init)
    #expect(rows.count > 3)
    #expect(all.stderr.isEmpty)
    let table = try CLITests.run(["query", archive, "attendance-by-organization", "--limit", "2"])
    let lines = table.stdout.split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.count == 4)
    #expect(lines.last == "(the first 2 rows; --limit N shows more, --limit 0 all)")
    let csv = try CLITests.run(["query", archive, "attendance-by-organization", "--csv", "--limit", "2"])
    #expect(csv.stdout.split(whereSeparator: \.isNewline).dropFirst().map(String.init) == Array(rows.prefix(2)))
    #expect(csv.stderr == "gongwen: \(archive): the first 2 rows; --limit N shows more, --limit 0 all\n")
    let json = try CLITests.run(["query", archive, "attendance-by-organization", "--json", "--limit", "2"])
    let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(objects.count == 2)
    let exact = try CLITests.run(["query", archive, "attendance-by-organization", "--csv", "--limit", String(rows.count)])
    #expect(exact.stderr.isEmpty)
    #expect(try CLITests.run(["query", archive, "person", "韩冰", "--limit", "-1"]).status == 64)
  }
}

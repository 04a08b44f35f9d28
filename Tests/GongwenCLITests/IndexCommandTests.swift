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
    #expect(first.stderr.hasPrefix("20 indexed, 0 skipped, 0 failed in "))
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

  /// A run killed midway leaves a sound database, and a re-run completes it.
  @Test func killedRunLeavesAConsistentArchive() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appendingPathComponent("inputs")
    let corpus = CLITests.packageRoot.appendingPathComponent("Corpus/minutes")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
    for copy in 0..<10 {
      let target = inputs.appendingPathComponent("\(copy)")
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      for name in names {
        try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: target.appendingPathComponent(name))
      }
    }
    let archive = folder.appendingPathComponent("a.sqlite").path
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["index", "-q", archive, inputs.path]
    try process.run()
    usleep(400_000)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if FileManager.default.fileExists(atPath: archive) {
      #expect(try Archive(path: archive).integrityCheck() == ["ok"])
    }
    let rerun = try CLITests.run(["index", "-q", archive, inputs.path])
    #expect(rerun.status == 0)
    let opened = try Archive(path: archive)
    #expect(try opened.documentCount() == names.count * 10)
    #expect(try opened.integrityCheck() == ["ok"])
  }
}

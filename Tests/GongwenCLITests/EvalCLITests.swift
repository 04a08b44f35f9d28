import Foundation
import Testing

/// `gongwen eval` run as a binary.
@Suite("CLI: gongwen eval")
struct EvalCLITests {
  @Test func printsTheTablePerField() throws {
    let run = try CLITests.run(["eval", "Corpus/minutes"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "20 documents, 0 failed")
    #expect(lines.contains { $0.hasPrefix("field ") && $0.hasSuffix("P      R     F1  exact  counts") })
    for field in ["kind", "meeting.date", "meeting.chair", "sections.tree", "attendance.persons", "issuer"] {
      #expect(lines.contains { $0.hasPrefix(field + " ") }, "no row for \(field)")
    }
    #expect(!run.stdout.contains("misses:"))
  }

  @Test func listsTheMissesWhenAsked() throws {
    // A gold file that disagrees with the document on purpose.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-misses-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("现将有关事项通知如下。特此通知。\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data(#"{"kind": "letter"}"#.utf8).write(to: folder.appendingPathComponent("a.gold.json"))
    let run = try CLITests.run(["eval", folder.path, "--misses"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("\nmisses: 1"))
    #expect(run.stdout.contains(#"a  kind: expected "letter", got "notice""#))
  }

  @Test func writesJSONForMachines() throws {
    let run = try CLITests.run(["eval", "Corpus/gongwen", "--json"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect((object["documents"] as? [String])?.count == 14)
    let fields = try #require(object["fields"] as? [[String: Any]])
    #expect(fields.first?["field"] as? String == "kind")
    #expect(fields.contains { $0["field"] as? String == "sections" && $0["f1"] != nil })
    #expect(object["misses"] is [Any])
    #expect((object["failures"] as? [Any])?.isEmpty == true)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: CLITests.packageRoot.appendingPathComponent("../shared/corpus/dev").path)))
  func readsTextsFromAnotherFolder() throws {
    let run = try CLITests.run(["eval", "Corpus/shared-gold", "--texts", "../shared/corpus/dev"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("74 documents, 0 failed\n"))
    // A table per group: the meeting reports, the minutes and the other 公文.
    for group in ["== gongwen: 39 documents", "== minutes: 15 documents", "== report: 20 documents"] {
      #expect(run.stdout.contains(group + "\n"), "\(group)")
    }
  }

  @Test func aDocumentWithoutTextFailsTheRun() throws {
    // The shared-gold texts are not next to their gold files.
    let run = try CLITests.run(["eval", "Corpus/shared-gold", "--texts", "Corpus/minutes"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("gongwen: minutes-001: no text file"))
  }

  @Test func aFolderWithoutGoldFilesIsAnError() throws {
    let run = try CLITests.run(["eval", "Sources"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no *.gold.json files"))
  }
}

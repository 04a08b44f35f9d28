import Foundation
import Testing

/// `gongwen batch` never writes over an input or its own report, never reads its output folder
/// back, gives colliding names distinct outputs, counts what it passes over, and prints its
/// summary even when the report cannot be written.
@Suite("CLI: batch safety", .serialized)
struct BatchSafetyTests {
  static let minutes = "会议纪要\n出席：王一明、李二华\n"

  /// A temporary folder with `files` (relative path → text) written in it.
  final class Tree {
    let root: URL
    init(_ files: [String: String]) throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-safety-\(UUID().uuidString)")
      for (relative, text) in files { try write(relative, text) }
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    func write(_ relative: String, _ text: String) throws {
      let url = root.appendingPathComponent(relative)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
    func report(_ folder: String) throws -> [String: Any] {
      let data = try Data(contentsOf: URL(fileURLWithPath: path(folder + "/gongwen-report.json")))
      return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
  }

  static func entries(_ report: [String: Any], _ key: String) -> [String: [String: String]] {
    var found: [String: [String: String]] = [:]
    for entry in report[key] as? [[String: String]] ?? [] { found[entry["path"] ?? ""] = entry }
    return found
  }

  @Test func anInputInTheOutputFolderIsNeverOverwritten() throws {
    let tree = try Tree(["s/a.txt": Self.minutes, "s/a.json": "{\"mine\": true}\n"])
    let run = try CLITests.run(["batch", tree.path("s"), "--extensions", "txt,json", "--output", tree.path("s")])
    #expect(run.status == 0)
    #expect(try tree.read("s/a.json") == "{\"mine\": true}\n")
    #expect(try tree.read("s/a~2.json").contains("\"kind\":\"minutes\""))
    let renamed = Self.entries(try tree.report("s"), "renamed")
    #expect(renamed[tree.path("s/a.txt")]?["code"] == "output-renamed")
    #expect(renamed[tree.path("s/a.txt")]?["reason"]?.contains("a.json is an input file") == true)
    #expect(run.stderr.contains("written to a~2.json"))
  }

  @Test func namesThatDifferOnlyInCaseGetDistinctOutputs() throws {
    let tree = try Tree(["in/a.txt": Self.minutes, "in/a.TXT": Self.minutes + "一、关于测试\n", "in/a.text": Self.minutes])
    let run = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out")])
    #expect(run.status == 0)
    // Walk order is name order: a.TXT, a.text, a.txt; the first keeps the name.
    #expect(try tree.read("out/a.json").contains("关于测试"))
    #expect(tree.exists("out/a~2.json"))
    #expect(tree.exists("out/a~3.json"))
    let report = try tree.report("out")
    #expect(report["converted"] as? Int == 3)
    let renamed = Self.entries(report, "renamed")
    #expect(renamed[tree.path("in/a.text")]?["reason"]?.hasSuffix("written to a~2.json") == true)
    #expect(renamed[tree.path("in/a.txt")]?["reason"]?.hasSuffix("written to a~3.json") == true)
  }

  @Test func anInputNamedLikeTheReportDoesNotLoseItsOutput() throws {
    let tree = try Tree(["in/gongwen-report.txt": Self.minutes])
    let run = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out")])
    #expect(run.status == 0)
    #expect(try tree.read("out/gongwen-report~2.json").contains("\"kind\":\"minutes\""))
    #expect(try tree.report("out")["converted"] as? Int == 1)
  }

  @Test func theReportIsNeverWrittenOverAnInput() throws {
    let tree = try Tree(["s/gongwen-report.json": "{}\n"])
    let run = try CLITests.run(["batch", tree.path("s"), "--extensions", "json", "--output", tree.path("s")])
    #expect(run.status == 1)
    #expect(run.stderr.contains("is one of the inputs"))
    #expect(try tree.read("s/gongwen-report.json") == "{}\n")
  }

  @Test func theOutputFolderInsideTheInputIsNotWalked() throws {
    let tree = try Tree(["in/a.txt": Self.minutes])
    for _ in 0..<3 {
      let run = try CLITests.run(["batch", tree.path("in"), "--extensions", "txt,json", "--output", tree.path("in/out")])
      #expect(run.status == 0)
    }
    #expect(!tree.exists("in/out/out"))
    let report = try tree.report("in/out")
    #expect(report["total"] as? Int == 1)
    #expect(Self.entries(report, "ignoredEntries")[tree.path("in/out")]?["code"] == "excluded-folder")
  }

  @Test func theSummaryAndFailuresArePrintedWhenTheReportCannotBeWritten() throws {
    let tree = try Tree(["in/a.txt": Self.minutes, "in/empty.txt": ""])
    // A folder where the report should go: the rename fails whoever runs the test.
    try FileManager.default.createDirectory(atPath: tree.path("out/gongwen-report.json/x"), withIntermediateDirectories: true)
    let run = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out")])
    #expect(run.status == 1)
    #expect(run.stderr.contains("2 inputs: 1 converted, 0 skipped, 1 failed"))
    #expect(run.stderr.contains(tree.path("in/empty.txt") + ": empty-input"))
    #expect(run.stderr.contains("gongwen: output-unwritable: cannot write " + tree.path("out/gongwen-report.json")))
    let quiet = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out"), "--quiet"])
    #expect(quiet.status == 1)
    #expect(quiet.stderr.contains(tree.path("in/empty.txt") + ": empty-input"))
  }

  @Test func linksOutOfTheTreeFIFOsDanglingLinksAndLoopsAreCounted() throws {
    let tree = try Tree(["in/a.txt": Self.minutes, "in/sub/b.txt": Self.minutes, "elsewhere/secret.txt": Self.minutes])
    let links = [
      "in/out-link.txt": tree.path("elsewhere/secret.txt"), "in/in-link.txt": tree.path("in/a.txt"),
      "in/dangling.txt": tree.path("nothing"), "in/loop1": tree.path("in/loop2"), "in/loop2": tree.path("in/loop1"),
      "in/folder-link": tree.path("in/sub"), "in/up": tree.path("in"),
    ]
    for (link, target) in links { try FileManager.default.createSymbolicLink(atPath: tree.path(link), withDestinationPath: target) }
    #expect(mkfifo(tree.path("in/fifo.txt"), 0o644) == 0)

    let run = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out")])
    #expect(run.status == 0)
    let report = try tree.report("out")
    #expect(report["converted"] as? Int == 3)
    #expect(!tree.exists("out/out-link.json"))
    #expect(tree.exists("out/in-link.json"))
    let ignored = Self.entries(report, "ignoredEntries").mapValues { $0["code"] ?? "" }
    #expect(
      ignored == [
        tree.path("in/out-link.txt"): "link-outside-input", tree.path("in/dangling.txt"): "dangling-link",
        tree.path("in/loop1"): "link-loop", tree.path("in/loop2"): "link-loop", tree.path("in/fifo.txt"): "not-a-regular-file",
        tree.path("in/folder-link"): "linked-folder", tree.path("in/up"): "linked-folder",
      ])
    #expect(report["ignored"] as? Int == 7)
    #expect(run.stderr.contains("7 folder entries ignored:"))

    // Asked to, the batch follows links out of the tree and into folders; a link to a folder
    // it is in is a loop.
    let following = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out2"), "--follow-links"])
    #expect(following.status == 0)
    #expect(try tree.read("out2/out-link.json").contains("\"kind\":\"minutes\""))
    #expect(tree.exists("out2/folder-link/b.json"))
    let followed = Self.entries(try tree.report("out2"), "ignoredEntries").mapValues { $0["code"] ?? "" }
    #expect(followed[tree.path("in/up")] == "link-loop")
    #expect(followed[tree.path("in/out-link.txt")] == nil)
  }

  @Test func resumeConvertsAgainWhatOtherOptionsMade() throws {
    let tree = try Tree(["in/a.txt": Self.minutes, "in/b/c.txt": "會議紀要\n一、關於測試\n"])
    let out = tree.path("out")
    func run(_ options: [String]) throws -> [String: Any] {
      let run = try CLITests.run(["batch", tree.path("in"), "--output", out] + options)
      #expect(run.status == 0, "\(run.stderr)")
      return try tree.report("out")
    }
    #expect(try run([])["converted"] as? Int == 2)
    #expect(try run(["--resume"])["skipped"] as? Int == 2)
    let changed = try run(["--resume", "--simplified", "--pretty"])
    #expect(changed["converted"] as? Int == 2)
    #expect(try tree.read("out/b/c.json").contains("\n  \"kind\" : \"minutes\"") || tree.read("out/b/c.json").contains("\n  \"kind\": \"minutes\""))
    #expect(try tree.read("out/b/c.json").contains("关于测试"))
    #expect(try run(["--resume", "--simplified", "--pretty"])["skipped"] as? Int == 2)
    #expect(try run(["--resume", "--pretty"])["converted"] as? Int == 2)
    #expect(try run(["--resume", "--pretty", "--max-size", "10"])["converted"] as? Int == 2)
    // An output without a line in the manifest (a run killed between the rename and the line)
    // is converted again.
    let manifest = try tree.read("out/gongwen-manifest.jsonl")
    let kept = manifest.split(separator: "\n").filter { !$0.contains("\"output\":\"a.json\"") }
    try tree.write("out/gongwen-manifest.jsonl", kept.joined(separator: "\n") + "\n")
    let resumed = try run(["--resume", "--pretty", "--max-size", "10"])
    #expect(resumed["converted"] as? Int == 1)
    #expect(resumed["skipped"] as? Int == 1)
    let lines = try tree.read("out/gongwen-manifest.jsonl").split(separator: "\n")
    // Each run says what its digest means; the first run's line opens the manifest.
    let headers = lines.filter { $0.contains("\"options\":") }
    #expect(headers.count == 7)
    #expect(headers.first?.contains("\"options\":\"gongwen 0.1.0; schema 1; lexicon ") == true)
    #expect(headers.last?.contains("; max-bytes 10000000; simplified false; build ") == true)
    #expect(headers.last?.contains("; pretty true\"") == true)
    #expect(lines.contains { $0.hasPrefix("{\"output\":\"a.json\",\"input\":\"" + tree.path("in/a.txt") + "\",\"madeBy\":\"") })
  }

  @Test(arguments: [["--sync"], ["--sync", "--sync-group", "1"], ["--sync", "--sync-group", "3", "--jobs", "1"]])
  func synchronizedOutputsAreAllRenamedAndRecorded(_ options: [String]) throws {
    var files: [String: String] = ["in/bad.txt": ""]
    for index in 0..<10 { files["in/\(index % 3)/\(index).txt"] = Self.minutes }
    let tree = try Tree(files)
    let run = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out")] + options)
    #expect(run.status == 1)
    let report = try tree.report("out")
    #expect(report["converted"] as? Int == 10)
    #expect(report["failed"] as? Int == 1)
    for index in 0..<10 { #expect(try tree.read("out/\(index % 3)/\(index).json").contains("\"kind\":\"minutes\"")) }
    let listing = FileManager.default.enumerator(atPath: tree.path("out"))?.allObjects as? [String] ?? []
    #expect(!listing.contains { $0.contains(".gongwen-tmp.") })
    let lines = try tree.read("out/gongwen-manifest.jsonl").split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("{\"output\":") }.count == 10)
    let resumed = try CLITests.run(["batch", tree.path("in"), "--output", tree.path("out"), "--resume"] + options)
    #expect(resumed.status == 1)
    #expect(try tree.report("out")["skipped"] as? Int == 10)
  }
}

import Foundation
import GongwenModel
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `gongwen batch` end to end on generated archives.
@Suite("CLI: gongwen batch", .serialized)
struct BatchCommandTests {
  func report(in fixture: ArchiveFixture) throws -> [String: Any] {
    let data = try Data(contentsOf: fixture.output.appendingPathComponent("gongwen-report.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func entries(_ report: [String: Any], _ key: String) -> [String: (code: String, reason: String)] {
    var found: [String: (code: String, reason: String)] = [:]
    for entry in report[key] as? [[String: String]] ?? [] {
      found[entry["path"] ?? ""] = (entry["code"] ?? "", entry["reason"] ?? "")
    }
    return found
  }

  @Test func aThousandFilesConvertBadOnesAreReportedAndResumeConvertsNothingNew() throws {
    let fixture = try ArchiveFixture(validCount: 1_000)
    let input = fixture.input.path
    let first = try CLITests.run(["batch", input, "--output", fixture.output.path, "--jobs", "2"])
    #expect(first.status == 1)

    for relative in fixture.valid + fixture.damaged {
      let data = try Data(contentsOf: fixture.outputURL(for: relative))
      let document = try JSONDecoder().decode(Document.self, from: data)
      #expect((document.source?.length ?? 0) > 0, "\(relative)")
    }
    for relative in fixture.bad.keys {
      #expect(!FileManager.default.fileExists(atPath: fixture.outputURL(for: relative).path), "\(relative)")
    }

    let report = try report(in: fixture)
    let total = fixture.valid.count + fixture.damaged.count + fixture.bad.count
    #expect(report["total"] as? Int == total)
    #expect(report["converted"] as? Int == fixture.valid.count + fixture.damaged.count)
    #expect(report["failed"] as? Int == fixture.bad.count)
    let failures = entries(report, "failures")
    #expect(Set(failures.keys) == Set(fixture.bad.keys.map { input + "/" + $0 }))
    for (relative, code) in fixture.bad {
      let entry = failures[input + "/" + relative]
      #expect(entry?.code == code, "\(relative)")
      #expect(entry?.reason.isEmpty == false, "\(relative)")
    }
    let damaged = entries(report, "damaged")
    #expect(Set(damaged.keys) == Set(fixture.damaged.map { input + "/" + $0 }))
    #expect(damaged.values.allSatisfy { $0.code == "truncated-input" })

    // The summary on standard error names every failure with its reason.
    #expect(first.stderr.contains("\(total) inputs: \(fixture.valid.count + fixture.damaged.count) converted, 0 skipped, \(fixture.bad.count) failed"))
    #expect(first.stderr.contains("documents/s"))
    #expect(first.stderr.contains("MB/s"))
    for relative in fixture.bad.keys { #expect(first.stderr.contains(input + "/" + relative + ": ")) }
    #expect(first.stdout.isEmpty)

    let second = try CLITests.run(["batch", input, "--output", fixture.output.path, "--resume", "--quiet"])
    #expect(second.status == 1)
    let again = try self.report(in: fixture)
    #expect(again["converted"] as? Int == 0)
    #expect(again["skipped"] as? Int == fixture.valid.count + fixture.damaged.count)
    #expect(again["failed"] as? Int == fixture.bad.count)
    #expect(second.stderr.split(separator: "\n").count == fixture.bad.count)
  }

  /// `kill -9` midway, then `--resume`: plain, and with --sync (outputs renamed in groups).
  @Test(arguments: [[], ["--sync", "--sync-group", "16"]])
  func aRunKilledMidwayIsCompletedByResume(_ options: [String]) throws {
    let fixture = try ArchiveFixture(validCount: 3_000)
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["batch", fixture.input.path, "--output", fixture.output.path, "--jobs", "1", "--quiet"] + options
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for some outputs, then kill the run without warning.
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning && Date() < deadline && countOutputs(fixture.output).json < 100 {
      usleep(5_000)
    }
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(wasRunning, "the batch ended before it could be killed; make the archive larger")
    #expect(process.terminationReason == .uncaughtSignal)

    // Whatever the kill left, every output present is complete JSON.
    let partial = countOutputs(fixture.output)
    #expect(partial.json >= 100)
    #expect(partial.json < fixture.valid.count + fixture.damaged.count)
    for url in partial.jsonURLs {
      #expect((try? JSONDecoder().decode(Document.self, from: Data(contentsOf: url))) != nil, "\(url.path)")
    }

    let resumed = try CLITests.run(["batch", fixture.input.path, "--output", fixture.output.path, "--resume", "--quiet"] + options)
    #expect(resumed.status == 1)
    let report = try report(in: fixture)
    // An output renamed just before the kill may lack its manifest line (a whole group's with
    // --sync): resuming converts it again.
    let skipped = try #require(report["skipped"] as? Int)
    let slack = options.isEmpty ? 1 : 16
    #expect(skipped <= partial.json && skipped >= partial.json - slack)
    #expect(report["converted"] as? Int == fixture.valid.count + fixture.damaged.count - skipped)
    for relative in fixture.valid + fixture.damaged {
      let url = fixture.outputURL(for: relative)
      #expect((try? JSONDecoder().decode(Document.self, from: Data(contentsOf: url))) != nil, "\(relative)")
    }
    #expect(countOutputs(fixture.output).temporary == 0)
  }

  /// The JSON outputs (not the report) and the temporary files below `folder`.
  func countOutputs(_ folder: URL) -> (json: Int, jsonURLs: [URL], temporary: Int) {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
      return (0, [], 0)
    }
    var urls: [URL] = []
    var temporary = 0
    for case let url as URL in enumerator {
      let name = url.lastPathComponent
      if name.contains(".gongwen-tmp.") {
        temporary += 1
      } else if name.hasSuffix(".json") && name != "gongwen-report.json" {
        urls.append(url)
      }
    }
    return (urls.count, urls, temporary)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
  func aProgressBarIsDrawnOnATerminalOnly() throws {
    let fixture = try ArchiveFixture(validCount: 40)
    let command = [CLITests.binary.path, "batch", fixture.input.path, "--output", fixture.output.path, "--jobs", "1"]
      .map { "'" + $0 + "'" }.joined(separator: " ")
    // `script` gives the command a terminal; its output is what that terminal showed.
    let terminal = try CLITests.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
    #expect(terminal.stdout.contains("\u{1B}[K["))
    #expect(terminal.stdout.contains("\(fixture.valid.count + fixture.damaged.count + fixture.bad.count)/\(fixture.valid.count + fixture.damaged.count + fixture.bad.count) 100%"))
    #expect(terminal.stdout.contains("docs/s ETA "))
    let piped = try CLITests.run(["batch", fixture.input.path, "--output", fixture.output.path, "--jobs", "1"])
    #expect(!piped.stderr.contains("ETA"))
    #expect(piped.stderr.contains(" inputs: "))
  }

  /// `--jsonl` holds every document on a line of its own in input order, the same JSON as its
  /// output; `--summary` a header and a row per document whose values are the output's.
  @Test func jsonLinesAndSummaryHoldEveryDocumentInInputOrder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let jsonl = folder.appendingPathComponent("all.jsonl")
    let csv = folder.appendingPathComponent("summary.csv")
    let run = try CLITests.run([
      "batch", "Corpus/minutes", "--output", out.path, "--jsonl", jsonl.path, "--summary", csv.path, "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let texts = try FileManager.default.contentsOfDirectory(atPath: CLITests.packageRoot.appendingPathComponent("Corpus/minutes").path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    let lines = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n").map(String.init)
    try #require(lines.count == texts.count)
    let rows = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.first == "file,kind,title,date,session,chair,attendees,warnings")
    try #require(rows.count == texts.count + 1)
    for (index, name) in texts.enumerated() {
      let output = out.appendingPathComponent(String(name.dropLast(4)) + ".json")
      let written = try JSONValue(parsing: try Data(contentsOf: output))
      #expect(try JSONValue(parsing: lines[index]) == written, "\(name)")
      let document = try JSONDecoder().decode(Document.self, from: Data(lines[index].utf8))
      let attendees = document.attendance.everyone.count
      let warnings = document.diagnostics.filter { $0.severity == .warning }.count
      let expected = [
        "Corpus/minutes/\(name)", document.kind.rawValue, document.title ?? "", document.meeting?.date ?? "",
        document.meeting?.session.map(String.init) ?? "", document.meeting?.chair?.name ?? "", "\(attendees)", "\(warnings)",
      ].joined(separator: ",")
      #expect(rows[index + 1] == expected)
    }
  }

  @Test func usageErrorsExitWith64() throws {
    #expect(try CLITests.run(["batch", "Corpus"]).status == 64)
    #expect(try CLITests.run(["batch", "-", "--output", "/tmp/x"]).status == 64)
    #expect(try CLITests.run(["batch", "Corpus", "--output", "/tmp/x", "--jobs", "0"]).status == 64)
    #expect(try CLITests.run(["parse"]).status == 64)
  }
}

import Foundation
import GongwenModel
import Testing

/// PDF, DOCX, OFD and saved pages through `parse`, `batch` and `stream`, end to end, and the
/// typed errors of files that cannot be read.
@Suite("CLI: every input format")
struct FormatCommandTests {
  static let formats = "Corpus/formats"
  static let twin = "beilun-2022-05-26"

  @Test(arguments: ["pdf", "docx", "ofd", "html"])
  func parseReadsEachFormat(format: String) throws {
    let run = try CLITests.run(["parse", "\(Self.formats)/\(Self.twin).\(format)"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8))
    #expect(document.source?.format == format)
    #expect(document.title == "北仑区梅山湾滨海新城建设现场办公会纪要")
    let paged = format == "pdf" || format == "ofd"
    #expect(document.meeting?.chair?.range?.page == (paged ? 1 : nil))
  }

  /// The default `--extensions` take every format; outputs are named after the input with its
  /// extension (`a.pdf.json`) but for text; a damaged file and a legacy `.doc` in the folder
  /// fail with their typed errors, reported, not passed over.
  @Test func batchTakesEveryFormatByDefault() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-formats-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("archive")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let root = CLITests.packageRoot
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("Corpus/minutes/\(Self.twin).txt"), to: input.appendingPathComponent("\(Self.twin).txt"))
    for name in ["pdf", "docx", "ofd", "html"].map({ "\(Self.twin).\($0)" }) + ["truncated.docx"] {
      try FileManager.default.copyItem(
        at: root.appendingPathComponent("\(Self.formats)/\(name)"), to: input.appendingPathComponent(name))
    }
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
      .write(to: input.appendingPathComponent("old.doc"))
    let output = folder.appendingPathComponent("out")
    let run = try CLITests.run(["batch", input.path, "--output", output.path, "--quiet"])
    #expect(run.status == 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(
      names == [
        "\(Self.twin).docx.json", "\(Self.twin).html.json", "\(Self.twin).json", "\(Self.twin).ofd.json",
        "\(Self.twin).pdf.json", "gongwen-report.json",
      ])
    let report = try JSONSerialization.jsonObject(
      with: Data(contentsOf: output.appendingPathComponent("gongwen-report.json"))) as? [String: Any]
    #expect(report?["converted"] as? Int == 5)
    let failures = report?["failures"] as? [[String: Any]] ?? []
    #expect(Set(failures.map { $0["code"] as? String }) == ["corrupt-document", "legacy-format"])
    #expect(failures.count == 2)
  }

  @Test func streamPathRequestsReadEachFormat() throws {
    let requests = ["pdf", "docx", "ofd", "html"].enumerated().map { index, format in
      #"{"id": \#(index), "path": "\#(Self.formats)/\#(Self.twin).\#(format)"}"#
    } + [#"{"id": 4, "path": "\#(Self.formats)/scan-without-text.pdf"}"#]
    let run = try CLITests.run(["stream"], stdin: Data((requests.joined(separator: "\n") + "\n").utf8))
    let answers = run.stdout.split(separator: "\n").map(String.init)
    try #require(answers.count == 5)
    for (index, format) in ["pdf", "docx", "ofd", "html"].enumerated() {
      #expect(answers[index].contains(#""format":"\#(format)""#), "\(format)")
      #expect(answers[index].contains(#""title":"北仑区梅山湾滨海新城建设现场办公会纪要""#), "\(format)")
    }
    #expect(answers[4].contains(#""error":{"code":"no-text-layer""#))
  }

  @Test func unreadableFilesNameTheirReason() throws {
    let scan = try CLITests.run(["parse", "\(Self.formats)/scan-without-text.pdf"])
    #expect(scan.status == 1)
    #expect(scan.stderr.contains("no-text-layer"))
    let legacy = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString).doc")
    defer { try? FileManager.default.removeItem(at: legacy) }
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: legacy)
    let doc = try CLITests.run(["parse", legacy.path])
    #expect(doc.status == 1)
    #expect(doc.stderr.contains("legacy-format: a legacy .doc or .wps file; convert it first: soffice --headless --convert-to docx"))
  }

  /// Without poppler-utils on the `PATH`, a PDF fails with the package to install.
  @Test func missingPopplerNamesThePackage() throws {
    let run = try CLITests.run(
      ["PATH=/nonexistent", CLITests.binary.path, "parse", "\(Self.formats)/\(Self.twin).pdf"],
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(run.status == 1)
    #expect(run.stderr.contains("extractor-missing: reading PDF needs the pdftotext program of poppler-utils"))
  }
}
